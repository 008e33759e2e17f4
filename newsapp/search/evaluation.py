"""Recall and precision of the search on a small judged set (``tests/data/search_eval.json``).

The seeds and the set's own articles are ingested inside a transaction that is
rolled back at the end, and every query is run within those articles only, so
the figures do not depend on what else the database holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from newsapp.models import Article
from newsapp.services.ingest import ingest_article
from newsapp.services.readers import decode

from . import search


@dataclass(frozen=True)
class QueryScore:
    query: str
    why: str
    expected: frozenset[str]
    found: frozenset[str]

    @property
    def recall(self) -> float:
        return len(self.expected & self.found) / len(self.expected) if self.expected else 1.0

    @property
    def precision(self) -> float:
        return len(self.expected & self.found) / len(self.found) if self.found else float(not self.expected)


class _Rollback(Exception):
    pass


def _store(seeds_dir: Path, extras: list[dict]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for meta in json.loads((seeds_dir / "seeds.json").read_text(encoding="utf-8")):
        result = ingest_article(
            body=decode((seeds_dir / meta["file"]).read_bytes()),
            title=meta.get("title"),
            published_on=date.fromisoformat(meta["published"]) if meta.get("published") else None,
            source=meta.get("source"),
            analyze=False,
        )
        ids[meta["file"][:3]] = result.article.pk
    for extra in extras:
        result = ingest_article(
            body=extra["body"],
            title=extra["title"],
            published_on=date.fromisoformat(extra["published"]),
            analyze=False,
        )
        ids[extra["key"]] = result.article.pk
    return ids


def evaluate(judged: Path, seeds_dir: Path) -> list[QueryScore]:
    data = json.loads(judged.read_text(encoding="utf-8"))
    scores: list[QueryScore] = []
    try:
        with transaction.atomic():
            ids = _store(seeds_dir, data["articles"])
            names = {pk: key for key, pk in ids.items()}
            within = Article.objects.filter(pk__in=ids.values())
            for item in data["queries"]:
                results = search(item["q"], within)
                found = frozenset(names[a.pk] for a in results[0 : results.count()])
                scores.append(QueryScore(item["q"], item.get("why", ""), frozenset(item["expect"]), found))
            raise _Rollback
    except _Rollback:
        pass
    return scores


def report(scores: list[QueryScore]) -> str:
    lines = [f"{'الاستعلام':<28} {'الاستدعاء':>9} {'الدقة':>7}  ما فات / ما زاد"]
    for s in scores:
        missed = ",".join(sorted(s.expected - s.found)) or "-"
        extra = ",".join(sorted(s.found - s.expected)) or "-"
        lines.append(f"{s.query:<28} {s.recall:>9.2f} {s.precision:>7.2f}  {missed} / {extra}")
    relevant = sum(len(s.expected) for s in scores)
    found = sum(len(s.found) for s in scores)
    hits = sum(len(s.expected & s.found) for s in scores)
    micro_r = hits / relevant if relevant else 1.0
    micro_p = hits / found if found else 1.0
    macro_r = sum(s.recall for s in scores) / len(scores)
    macro_p = sum(s.precision for s in scores) / len(scores)
    lines.append(f"الإجمالي ({len(scores)} استعلاماً): الاستدعاء {micro_r:.3f} الدقة {micro_p:.3f}")
    lines.append(f"متوسط الاستعلامات: الاستدعاء {macro_r:.3f} الدقة {macro_p:.3f}")
    return "\n".join(lines)
