from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsapp.ops.backups import BackupError, latest_backup, restore


class Command(BaseCommand):
    help = "يستعيد نسخة احتياطية (pg_restore) إلى قاعدة البيانات المضبوطة أو إلى قاعدة أخرى على الخادم نفسه."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", type=Path, help="ملف النسخة (الافتراضي: أحدث نسخة في var/backups/)"
        )
        parser.add_argument("--into", help="اسم قاعدة بيانات أخرى تُستعاد إليها (تُنشأ إن لم توجد)")
        parser.add_argument(
            "--replace", action="store_true", help="استبدال قاعدة البيانات إن لم تكن فارغة (يحذف ما فيها)"
        )

    def handle(self, *args, file, into, replace, **options):
        try:
            dump = file or latest_backup()
            counts = restore(dump, into=into, replace=replace)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        rows = sum(c.rows for c in counts)
        self.stdout.write(
            f"استُعيدت {dump} إلى {into or 'قاعدة البيانات المضبوطة'}: {len(counts)} جدولاً، {rows:,} صفاً"
        )
