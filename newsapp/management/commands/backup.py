from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsapp.ops.backups import BackupError, backup


class Command(BaseCommand):
    help = "ينسخ قاعدة البيانات المضبوطة احتياطياً (pg_dump بصيغته المخصصة) إلى var/backups/."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="مسار ملف النسخة (الافتراضي: var/backups/)")

    def handle(self, *args, output, **options):
        try:
            path = backup(output)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"نسخة احتياطية: {path} ({path.stat().st_size:,} بايت)")
