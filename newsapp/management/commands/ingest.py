from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsapp.services.ingest import ingest_paths


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"تاريخ غير صالح: {value!r} (المطلوب YYYY-MM-DD)") from None


def non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise CommandError(f"عدد غير صالح: {value!r} (المطلوب عدد صحيح ≥ 0)")
    return number


class Command(BaseCommand):
    help = "يُدخل مقالات من ملفات .txt و.json و.jsonl و.html أو من مجلدات تحتويها."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="ملفات أو مجلدات")
        parser.add_argument("--published", type=iso_date, help="تاريخ النشر YYYY-MM-DD لما لا يذكر تاريخه")
        parser.add_argument("--source", help="اسم المصدر لما لا يذكر مصدره")
        parser.add_argument(
            "--workers",
            type=non_negative,
            default=0,
            help="عدد العمليات الإضافية التي تقرأ النصوص (تنظيف وتحليل) بينما تكتب هذه العملية؛"
            " 0 (الافتراضي) يقرأ في العملية نفسها، و1 يكفي على جهاز بنواتين."
            " يبقى كل مقال في معاملة مستقلة وبالترتيب نفسه",
        )

    def handle(self, *args, paths, published, source, workers, **options):
        report = ingest_paths(paths, published_on=published, source=source, workers=workers)
        for result in report.rejected:
            self.stderr.write(f"مرفوض: {result.origin} — {result.reason}")
        self.stdout.write(
            f"جديد: {report.created} · مكرر: {report.duplicates} · مرفوض: {len(report.rejected)}"
            f" (من {len(report.results)})"
        )
        if report.rejected:
            raise SystemExit(1)
