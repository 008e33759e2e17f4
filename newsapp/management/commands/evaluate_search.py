from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsapp.search.evaluation import evaluate, report


class Command(BaseCommand):
    help = "يقيس استدعاء البحث ودقته على استعلامات موسومة (تُحذف المقالات المضافة بعد القياس)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--judged",
            type=Path,
            default=settings.BASE_DIR / "tests" / "data" / "search_eval.json",
            help="ملف الاستعلامات والمقالات المتوقعة",
        )
        parser.add_argument(
            "--seeds",
            type=Path,
            default=settings.BASE_DIR / "fixtures" / "seeds",
            help="مجلد المقالات البذرية",
        )

    def handle(self, *args, judged, seeds, **options):
        try:
            scores = evaluate(judged, seeds)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"تعذرت قراءة ملف التقييم: {error}") from None
        self.stdout.write(report(scores))
