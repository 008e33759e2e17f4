import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from newsapp.bench import search_corpus as bench
from newsapp.search import search

NAMES = ["بوتين", "وبوتين", "فلاديمير بوتن", "شي جين بينغ", "أردوغان", "بايدن", "ترامب", "ماكرون", "زيلينسكي"]
PHRASES = ['"وزير الخارجية"', '"مكالمة هاتفية"', '"الرئيس الصيني"', '"العلاقات الثنائية"', "الرءيس الصيني"]
MIXED = ["بوتين -ترامب", "شي بوتين", "مكالمه هاتفيه بايدن", "قمة العشرين"]


class Command(BaseCommand):
    help = (
        "يبني مقالات كثيرة في قاعدة منفصلة (MARSAD_DB_NAME) ويقيس زمن بناء فهرس البحث وحجمه وزمن الاستعلامات."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000, help="عدد المقالات (100000 افتراضياً)")
        parser.add_argument("--rounds", type=int, default=5, help="عدد مرات تكرار مزيج الاستعلامات")
        parser.add_argument(
            "--reuse", action="store_true", help="استعمال المقالات المخزنة إن كان عددها كافياً"
        )
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, articles, rounds, reuse, seed, **options):
        name = settings.DATABASES["default"]["NAME"]
        if name == "marsad" or "bench" not in str(name):
            raise CommandError("شغّل القياس على قاعدة منفصلة: MARSAD_DB_NAME=marsad_bench_search")
        call_command("migrate", verbosity=0)
        out = self.stdout.write
        if reuse and bench.stored_articles() == articles:
            out(f"قاعدة {name}: {articles} مقال مخزنة من قبل؛ لا بناء.")
            times = None
        else:
            out(f"بناء {articles} مقال في {name} ...")
            times = bench.build(articles, seed=seed, progress=lambda n: self.stderr.write(f"  {n}"))
        self._report_build(times)
        self._report_queries(rounds)

    def _report_build(self, times) -> None:
        out = self.stdout.write
        if times is not None:
            out(f"المقالات: {times.articles}")
            out(f"توليد النصوص (خارج الفهرس): {times.texts:.1f} ث")
            out(f"مفاتيح بايثون (تطبيع وسوابق): {times.keys:.1f} ث")
            out(f"الكتابة وto_tsvector('arabic'): {times.insert:.1f} ث")
            out(f"بناء فهرسي GIN: {times.gin:.1f} ث")
            out(f"زمن بناء الفهرس كله: {times.index_build:.1f} ث")
        mb = 1024 * 1024
        for key, value in bench.sizes().items():
            out(f"الحجم {key}: {value / mb:.1f} م.ب")

    def _queries(self) -> dict[str, list[str]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat('SELECT search_stemmed FROM newsapp_article "
                "TABLESAMPLE SYSTEM (2) REPEATABLE (1)') WHERE length(word) >= 5 AND word !~ '[0-9]' "
                "ORDER BY ndoc DESC, word"
            )
            stats = cursor.fetchall()
            cursor.execute("SELECT count(*) FROM newsapp_article TABLESAMPLE SYSTEM (2) REPEATABLE (1)")
            sampled = max(cursor.fetchone()[0], 1)
        common = [w for w, _ in stats[:8]]
        # In 0.5% to 5% of the articles: too many to test one by one on a date walk, too few to
        # fill the newest window (the previous plan's worst case). Words read with a clitic
        # ("وبوتين") are left out: as queries they also find the bare word.
        middling = [w for w, n in stats if 0.005 <= n / sampled <= 0.05 and w[0] not in "وف"]
        middling = middling[:: max(len(middling) // 8, 1)][:8]
        planted = bench.plant_rare_words()
        self.stdout.write("كلمات نادرة (عدد المقالات): " + "، ".join(f"{w} ({n})" for w, n in planted))
        rare = [w for w, n in planted if 1 <= n <= 20]
        return {
            "نادرة": rare,
            "متوسطة": middling,
            "شائعة": common,
            "أسماء": NAMES,
            "عبارات": PHRASES,
            "مركبة": MIXED,
        }

    def _report_queries(self, rounds: int) -> None:
        out = self.stdout.write
        mix = self._queries()
        for queries in mix.values():  # warm the caches once, as a running server has
            for q in queries:
                self._run(q)
        samples: dict[str, list[float]] = {kind: [] for kind in mix}
        counts: dict[str, int] = {}
        for _ in range(rounds):
            for kind, queries in mix.items():
                for q in queries:
                    seconds, found = self._run(q)
                    samples[kind].append(seconds)
                    counts[q] = found
        load = os.getloadavg()
        out(f"\n{'النوع':<10} {'عدد':>5} {'p50':>8} {'p95':>8} {'p99':>8} {'متوسط':>8}  (م.ث)")
        everything: list[float] = []
        for kind, values in samples.items():
            everything.extend(values)
            p50, p95, p99, mean = bench.summary(values)
            out(f"{kind:<10} {len(values):>5} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {mean:>8.1f}")
        p50, p95, p99, mean = bench.summary(everything)
        out(f"{'الكل':<10} {len(everything):>5} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {mean:>8.1f}")
        after = os.getloadavg()
        out(
            f"متوسط حمل الجهاز (1/5/15 دقيقة) قبل القياس: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}، بعده: {after[0]:.2f}"
        )
        out("\nالنتائج لكل استعلام (حتى CANDIDATES، ثم «أكثر من»):")
        for kind, queries in mix.items():
            out(f"  {kind}: " + "، ".join(f"{q} ({counts[q]})" for q in queries))

    @staticmethod
    def _run(q: str) -> tuple[float, int]:
        """What the search page does: aliases, capped count, one ranked page with snippets."""
        started = time.perf_counter()
        results = search(q)
        found = results.count()
        results[0:20]
        return time.perf_counter() - started, found
