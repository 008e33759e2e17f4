from django.core.management.base import BaseCommand

from newsapp.search import reindex


class Command(BaseCommand):
    help = "يعيد حساب أعمدة البحث لكل المقالات المخزنة (أو لما ينقصه منها فقط)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="المقالات التي لا أعمدة بحث لها فقط")

    def handle(self, *args, missing, **options):
        done = reindex(only_missing=missing, progress=self._progress if options["verbosity"] > 1 else None)
        self.stdout.write(f"أعيدت فهرسة {done} مقال.")

    def _progress(self, done: int) -> None:
        self.stdout.write(f"… {done}")
