import sys
from datetime import UTC, datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from newsapp.bench import explain, ingest, report, server, targets
from newsapp.bench.load import generate, vacuum_analyze
from newsapp.bench.wrk import ensure_wrk, run_wrk

# The server's environment in each of report.MODES.
MODE_ENV = {
    "cold": {"MARSAD_CACHE_URL": "dummy://"},
    "page miss": {"MARSAD_CACHE_URL": "", "MARSAD_PAGE_CACHE_SECONDS": "0"},
    "cached": {"MARSAD_CACHE_URL": ""},
}


class Command(BaseCommand):
    help = (
        "Benchmark at scale: corpus, gunicorn + wrk on 127.0.0.1 against a baseline view, query counts, "
        "EXPLAIN of every filter combination (exit 1 on a sequential scan of a large table), ingest throughput."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--meetings", type=int, default=20_000)
        parser.add_argument("--entities", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--seconds", type=int, default=4, help="wrk duration per page")
        parser.add_argument("--connections", type=int, default=4, help="wrk concurrent connections")
        parser.add_argument("--ingest-count", type=int, default=400, help="articles per ingest measurement")
        parser.add_argument("--no-ingest", action="store_true", help="skip the ingest throughput")
        parser.add_argument("--ingest", action="store_true", help="only the ingest throughput")
        parser.add_argument(
            "--only",
            default="",
            help="comma-separated page names to load (substrings, e.g. 'timeline,API entities'); B always",
        )
        parser.add_argument("--no-explain", action="store_true", help="skip the EXPLAIN check")

    def say(self, text: str) -> None:
        self.stderr.write(text)

    def handle(self, *args, **options):
        call_command("migrate", verbosity=0)
        self.say(f"corpus in database {settings.DATABASES['default']['NAME']} ...")
        loaded = generate(
            articles=options["articles"],
            meetings=options["meetings"],
            entities=options["entities"],
            seed=options["seed"],
        )
        self.say(f"  {loaded.articles_total} articles, {loaded.meetings_total} meetings")
        vacuum_analyze()
        header = (
            f"# Marsad benchmark {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
            f"{loaded.articles_total:,} articles, {loaded.meetings_total:,} meetings; gunicorn 2 workers × 4 "
            f"threads (gthread, no keep-alive, as behind a proxy), DEBUG off, persistent connections, WhiteNoise; wrk {options['connections']} "
            f"connections × {options['seconds']} s per page on 127.0.0.1. B = `/healthz/` (whole middleware "
            "stack, no database query), measured in each mode. Cold: no cache at all "
            "(`MARSAD_CACHE_URL=dummy://`). Page miss: the page cache off (`MARSAD_PAGE_CACHE_SECONDS=0`, "
            "as after any write), the fragment cache warm (meeting cards, API representations and "
            "aggregates kept under the data's version). Cached: the page in each worker's LocMemCache. "
            "SQL: queries rendering the page cold → serving it again (in-process test client)."
        )
        lines: list[str] = []
        page_results = None
        if not options["ingest"]:
            page_results = self._pages(options)
            lines = report.table(header, *page_results[:2])
        throughput = []
        if not options["no_ingest"]:
            self.say("ingest throughput ...")
            throughput = ingest.measure(loaded.corpus, count=options["ingest_count"])
        failed = False
        if page_results:
            base, rows, plans = page_results
            goal_lines, _all_met = report.goals(base, rows, throughput, plans)
            lines += goal_lines + (report.plan_lines(plans) if plans is not None else [])
            failed = plans is not None and bool(plans.seq_scans or plans.errors)
        if throughput:
            lines += report.ingest_lines(throughput)
        output = "\n".join(lines or [header]) + "\n"
        self.stdout.write(output)
        folder = settings.BASE_DIR / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{datetime.now(UTC):%Y%m%d-%H%M%S}.md"
        path.write_text(output, encoding="utf-8")
        self.say(f"kept in {path}")
        if failed:
            sys.exit(1)

    def _pages(self, options):
        sample = targets.sample()
        pages = targets.pages(sample)
        if options["only"]:
            wanted = [w.strip().lower() for w in options["only"].split(",") if w.strip()]
            pages = [t for t in pages if any(w in t.name.lower() for w in wanted)]
        # In-process requests are one anonymous client: the API's throttle must not answer them.
        unthrottled = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
        with override_settings(REST_FRAMEWORK=unthrottled):
            self.say("query counts ...")
            counts = {t.name: explain.count_queries(t.path) for t in pages}
            plans = None
            if not options["no_explain"]:
                combos = targets.filter_combinations(sample)
                self.say(f"EXPLAIN of {len(combos)} filter combinations ...")
                urls = [f"{endpoint}?{query}" if query else endpoint for endpoint, query in combos]
                plans = explain.check_plans(urls)
        ensure_wrk()
        env = server.bench_env()
        server.collectstatic(env)
        log = settings.BASE_DIR / "var" / "bench" / "gunicorn.log"
        load = {"seconds": options["seconds"], "connections": options["connections"]}
        results = {}
        for mode in report.MODES:
            self.say(f"load, {mode} ...")
            with server.gunicorn({**env, **MODE_ENV[mode]}, log=log) as (base, _pid):
                results[mode, "B"] = run_wrk(f"{base}/healthz/", **load)
                for target in pages:
                    # One second unrecorded: every worker's caches and PostgreSQL's buffers warm.
                    run_wrk(base + target.path, seconds=1, connections=load["connections"])
                    results[mode, target.name] = run_wrk(base + target.path, **load)
        rows = [
            report.Row(t, counts[t.name], {mode: results[mode, t.name] for mode in report.MODES})
            for t in pages
        ]
        return {mode: results[mode, "B"] for mode in report.MODES}, rows, plans
