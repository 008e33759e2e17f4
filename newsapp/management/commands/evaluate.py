from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsapp.nlp.clean import clean_text
from newsapp.nlp.evaluation import evaluate, format_report, load_gold
from newsapp.nlp.pipeline import analyze, prepare
from newsapp.services.gazetteer import current_gazetteer
from newsapp.services.readers import decode


class Command(BaseCommand):
    help = "يقيس دقة الاستخراج (الدقة والاستدعاء وF1) على مقالات موسومة يدوياً."

    def add_arguments(self, parser):
        parser.add_argument(
            "--gold",
            type=Path,
            default=settings.BASE_DIR / "tests" / "data" / "seeds_gold.json",
            help="ملف الوسوم",
        )
        parser.add_argument(
            "--texts", type=Path, default=settings.BASE_DIR / "fixtures" / "seeds", help="مجلد نصوص المقالات"
        )
        parser.add_argument("--quiet", action="store_true", help="الجدول وحده، دون تفاصيل ما فات وما زاد")

    def handle(self, *args, gold, texts, quiet, **options):
        try:
            documents = load_gold(gold)
            bodies = [clean_text(decode((texts / d.file).read_bytes())) for d in documents]
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"تعذرت قراءة الوسوم أو النصوص: {error}") from None
        prepared = prepare(current_gazetteer())
        analyses = [analyze(body, d.published, prepared) for d, body in zip(documents, bodies, strict=True)]
        self.stdout.write(format_report(evaluate(documents, analyses), details=not quiet))
