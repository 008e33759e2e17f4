"""Read the entity catalog kept as JSON under ``fixtures/catalog/``.

The same files feed the database (``manage.py load_catalog``) and, without a
database, the pipeline's own tests and benchmarks. Format of each file::

    {"entities": [
      {"slug": "xi-jinping", "kind": "person", "name": "شي جين بينغ",
       "name_en": "Xi Jinping", "wikidata": "Q15031", "country": "china",
       "aliases": ["شي جين بينج", {"text": "شي", "kind": "short"},
                   {"text": "...", "ambiguous": true}],
       "positions": [{"office": "head_of_state", "of": "china", "title": "الرئيس",
                      "start": "2013-03-14", "end": null}]}
    ]}

An alias given as a plain string is a full name (kind ``name``). Position ends
are exclusive: the day the successor took office. Keys the reader does not
use are documentation for editors: ``iso`` and ``un_member`` on countries,
``approximate`` on a position whose dates are not certain.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .types import AliasKind, CatalogAlias, CatalogEntity, CatalogPosition, EntityKind, Gazetteer, Office


@dataclass(frozen=True, slots=True)
class CatalogRecord:
    """One entity as the catalog files describe it, with what the gazetteer leaves out."""

    entity: CatalogEntity
    wikidata: str
    positions: tuple[CatalogPosition, ...]


def _alias(raw: str | dict[str, Any]) -> CatalogAlias:
    if isinstance(raw, str):
        return CatalogAlias(text=raw)
    return CatalogAlias(
        text=raw["text"],
        kind=AliasKind(raw.get("kind", AliasKind.NAME)),
        ambiguous=bool(raw.get("ambiguous", False)),
    )


def _date(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


def parse_record(raw: dict[str, Any]) -> CatalogRecord:
    """Turn one JSON entity into typed records; raises ``KeyError``/``ValueError`` on bad data."""
    slug = raw["slug"]
    entity = CatalogEntity(
        slug=slug,
        name=raw["name"],
        kind=EntityKind(raw["kind"]),
        aliases=tuple(_alias(a) for a in raw.get("aliases", ())),
        name_en=raw.get("name_en", ""),
        country=raw.get("country"),
        is_capital=bool(raw.get("is_capital", False)),
    )
    positions = tuple(
        CatalogPosition(
            person=slug,
            office=Office(p["office"]),
            of=p["of"],
            title=p["title"],
            start=_date(p.get("start")),
            end=_date(p.get("end")),
        )
        for p in raw.get("positions", ())
    )
    return CatalogRecord(entity=entity, wikidata=raw.get("wikidata", ""), positions=positions)


def catalog_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def read_records(paths: Iterable[Path]) -> Iterator[CatalogRecord]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for raw in json.load(handle)["entities"]:
                yield parse_record(raw)


def load_gazetteer(folder: Path) -> Gazetteer:
    """Build a :class:`Gazetteer` straight from the catalog files, no database needed."""
    records = list(read_records(catalog_paths(folder)))
    return Gazetteer(
        entities=tuple(r.entity for r in records),
        positions=tuple(p for r in records for p in r.positions),
    )
