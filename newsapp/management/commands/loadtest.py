from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsapp.ops.databases import server
from newsapp.ops.load import DEFAULT_PATHS, run_load


class Command(BaseCommand):
    help = (
        "تجربة حمل محدودة على 127.0.0.1: يشغّل gunicorn على منفذ حر، ويطلق wrk على الخط الزمني والواجهة "
        "البرمجية والبحث، ويطبع الطلبات والأخطاء وزمن الاستجابة والذاكرة في البداية والنهاية، ثم يوقف الخادم."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=60, help="مدة الحمل (الافتراضي 60)")
        parser.add_argument("--connections", type=int, default=50, help="الاتصالات المتزامنة (الافتراضي 50)")
        parser.add_argument("--workers", type=int, default=3, help="عمليات gunicorn")
        parser.add_argument("--threads", type=int, default=4, help="خيوط كل عملية")
        parser.add_argument("--database", help="قاعدة بيانات أخرى على الخادم نفسه (مثل marsad_bench)")
        parser.add_argument("--path", action="append", dest="paths", help="مسار يُطلب (يتكرر)")
        parser.add_argument(
            "--max-rss-growth",
            type=float,
            default=0.1,
            help="أقصى نمو مسموح للذاكرة في النصف الثاني من الحمل (بعد الإحماء)",
        )

    def handle(
        self, *args, seconds, connections, workers, threads, database, paths, max_rss_growth, **options
    ):
        if not 1 <= seconds <= 600 or not 1 <= connections <= 500:
            raise CommandError("المدة بين 1 و600 ثانية، والاتصالات بين 1 و500")
        log = settings.BASE_DIR / "var" / "loadtest" / "gunicorn.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        paths = paths or DEFAULT_PATHS
        name = database or settings.DATABASES["default"]["NAME"]
        with server().connect(name) as conn:
            articles, meetings = conn.execute(
                "SELECT (SELECT count(*) FROM newsapp_article), (SELECT count(*) FROM newsapp_meeting)"
            ).fetchone()
        self.stdout.write(f"قاعدة البيانات {name}: {articles:,} مقالاً، {meetings:,} لقاءً")
        self.stdout.write(f"{connections} اتصالاً لمدة {seconds} ث على: {' '.join(paths)}")
        try:
            result = run_load(
                paths=paths,
                seconds=seconds,
                connections=connections,
                workers=workers,
                threads=threads,
                database=database,
                log=log,
                report=self.stdout.write,
            )
        except (RuntimeError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        lat = result.latency_ms
        start, middle, end = result.rss_start, result.rss_middle, result.rss_end
        growth = (end - start) / start if start else 0.0
        late_growth = (end - middle) / middle if middle else 0.0
        series = " ".join(f"{at:.0f}s:{rss // 1024}" for at, rss in result.rss_every(10))
        self.stdout.write(
            f"الطلبات: {result.requests:,} في {result.seconds:.1f} ث ({result.requests / result.seconds:,.0f}/ث)\n"
            f"الأخطاء: {result.error_count} {result.errors}\n"
            f"زمن الاستجابة (مللي ثانية): متوسط {lat['mean']:.1f} · p50 {lat['p50']:.1f} · p90 {lat['p90']:.1f}"
            f" · p99 {lat['p99']:.1f} · أقصى {lat['max']:.1f}\n"
            f"ذاكرة الخادم RSS (كيلوبايت، كل العمليات): البداية {start:,} · المنتصف {middle:,} · النهاية {end:,}"
            f" · الأقصى {result.rss_max:,} · النمو {growth:+.1%} (في النصف الثاني {late_growth:+.1%})\n"
            f"RSS كل 10 ث (ميغابايت): {series}"
        )
        if result.error_count:
            raise CommandError(f"{result.error_count} خطأ أثناء الحمل")
        if late_growth > max_rss_growth:
            raise CommandError(f"نمت الذاكرة {late_growth:.0%} في النصف الثاني (الحد {max_rss_growth:.0%})")
