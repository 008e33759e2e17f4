from django.core.management.base import BaseCommand

from newsapp.bench.load import generate


class Command(BaseCommand):
    help = "Generate the seeded benchmark corpus and load it through the bulk ingest (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--meetings", type=int, default=20_000)
        parser.add_argument("--entities", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--workers", type=int, default=2, help="analysis processes")
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, **options):
        def progress(report) -> None:
            self.stderr.write(f"  {report.created} new, {report.duplicates} duplicates", ending="\r")

        result = generate(
            articles=options["articles"],
            meetings=options["meetings"],
            entities=options["entities"],
            seed=options["seed"],
            workers=options["workers"],
            batch_size=options["batch_size"],
            progress=progress,
        )
        report = result.report
        rate = report.created / result.seconds if result.seconds else 0
        self.stdout.write(
            f"created {report.created} articles ({rate:.0f}/s), {report.duplicates} duplicates, "
            f"{len(report.rejected)} rejected, {report.meetings_created} new meetings in {result.seconds:.0f} s; "
            f"database now holds {result.articles_total} articles and {result.meetings_total} meetings"
        )
