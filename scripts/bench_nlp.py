"""Benchmark the text pipeline on a synthetic corpus of seed-like articles.

Builds N articles (default 10,000) of about 3 KB (UTF-8) each by recombining the
sentences of the cleaned seed articles with templated sentences that name
other catalog people, countries and capitals (seeded RNG, so runs compare),
analyzes them all with the real catalog and prints articles/second,
per-article p50/p95 latency and peak memory.

    .venv/bin/python scripts/bench_nlp.py [--articles 10000] [--size 3072] [--seed 7] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsapp.arabic_dates import MONTHS  # noqa: E402
from newsapp.nlp.catalog_files import load_gazetteer  # noqa: E402
from newsapp.nlp.clean import clean_text  # noqa: E402
from newsapp.nlp.pipeline import analyze, prepare  # noqa: E402
from newsapp.nlp.sentences import split_sentences  # noqa: E402
from newsapp.nlp.types import AliasKind, EntityKind, Gazetteer  # noqa: E402

_WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
_TEMPLATES = (
    "وأجرى {p1} اتصالاً هاتفياً مع {p2} يوم {wd}، بحثا خلاله العلاقات الثنائية وتطورات المنطقة.",
    "التقى {p1} ب{p2} في {city} في {d} {m} {y}، وفق ما أعلنه المتحدث باسم الرئاسة.",
    "وزار {p1} {country} في {m} {y} في أول زيارة رسمية له منذ توليه منصبه.",
    "وبحث {p1} مع {p2} عبر تقنية الاتصال المرئي سبل تعزيز التعاون الاقتصادي.",
    "ومن المقرر أن يلتقي {p1} ب{p2} على هامش القمة المقبلة في {city}.",
    "استقبل {p1} في {city} {p2} الذي يقوم بزيارة رسمية تستمر يومين.",
    "وقال {p1} إن بلاده حريصة على تعزيز الشراكة مع {country} في مختلف المجالات.",
    "وأكد مستشار الرئاسة سامي العبدالله أن المحادثات كانت صريحة وبناءة.",
)


def _pools(gazetteer: Gazetteer) -> tuple[list[str], list[str], list[str]]:
    people = [e.name for e in gazetteer.entities if e.kind == EntityKind.PERSON]
    countries = [e.name for e in gazetteer.entities if e.kind == EntityKind.COUNTRY]
    cities = [e.name for e in gazetteer.entities if e.kind == EntityKind.PLACE]
    demonyms = [a.text for e in gazetteer.entities for a in e.aliases if a.kind == AliasKind.DEMONYM]
    titled = [f"الرئيس {d}" for d in demonyms if not d.endswith("ة")]
    return people + titled, countries or ["روسيا"], cities or ["بكين"]


def build_corpus(count: int, size: int, seed: int, gazetteer: Gazetteer) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    seeds_dir = ROOT / "fixtures" / "seeds"
    sentences: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        sentences += [text[s.start : s.end] for s in split_sentences(text)]
    people, countries, cities = _pools(gazetteer)
    corpus: list[tuple[str, date]] = []
    for _ in range(count):
        parts: list[str] = []
        length = 0
        while length < size:
            if rng.random() < 0.4:
                p1, p2 = rng.sample(people, 2)
                line = rng.choice(_TEMPLATES).format(
                    p1=p1, p2=p2, wd=rng.choice(_WEEKDAYS), city=rng.choice(cities),
                    country=rng.choice(countries), d=rng.randint(1, 28), m=rng.choice(MONTHS),
                    y=rng.randint(2015, 2025),
                )  # fmt: skip
            else:
                line = rng.choice(sentences)
            parts.append(line)
            length += len(line.encode("utf-8")) + 1
        published = date(2018, 1, 1) + timedelta(days=rng.randint(0, 2900))
        corpus.append(("\n".join(parts), published))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=3072, help="UTF-8 bytes per article (3 KB)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tracemalloc", action="store_true", help="measure Python heap peak (slower)")
    args = parser.parse_args()

    gazetteer = load_gazetteer(ROOT / "fixtures" / "catalog")
    started = time.perf_counter()
    prepared = prepare(gazetteer)
    build_ms = (time.perf_counter() - started) * 1000
    corpus = build_corpus(args.articles, args.size, args.seed, gazetteer)
    mean_size = statistics.mean(len(text.encode("utf-8")) for text, _ in corpus)
    if args.tracemalloc:
        tracemalloc.start()
    timings: list[float] = []
    meetings = entities = 0
    started = time.perf_counter()
    for text, published in corpus:
        t0 = time.perf_counter()
        analysis = analyze(text, published, prepared)
        timings.append((time.perf_counter() - t0) * 1000)
        meetings += len(analysis.meetings)
        entities += len(analysis.entities)
    elapsed = time.perf_counter() - started
    timings.sort()
    result = {
        "articles": len(corpus),
        "mean_article_bytes": round(mean_size),
        "catalog_entities": len(gazetteer.entities),
        "automaton_build_ms": round(build_ms, 1),
        "articles_per_second": round(len(corpus) / elapsed, 1),
        "p50_ms": round(timings[len(timings) // 2], 2),
        "p95_ms": round(timings[int(len(timings) * 0.95)], 2),
        "max_ms": round(timings[-1], 2),
        "meetings_found": meetings,
        "entities_found": entities,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.tracemalloc:
        result["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
