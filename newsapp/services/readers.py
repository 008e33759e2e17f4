"""Turn files on disk into article candidates, or into rejections with a reason.

Reading never touches the database: it yields :class:`ArticleInput` for every
article a file holds and :class:`Rejection` for everything it cannot use, so
the caller can count files seen = created + duplicates + rejected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsapp.nlp.clean import split_title
from newsapp.nlp.html import html_to_document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}

# Signatures of common binary formats, to name what a mislabelled file really is.
_MAGIC = {
    b"\x89PNG": "صورة PNG",
    b"\xff\xd8\xff": "صورة JPEG",
    b"GIF8": "صورة GIF",
    b"%PDF": "ملف PDF",
    b"PK\x03\x04": "أرشيف ZIP أو ملف Office",
    b"\x1f\x8b": "أرشيف gzip",
}


@dataclass(frozen=True)
class ArticleInput:
    origin: str  # where it came from, for messages: "seeds/001.txt", "batch.json#3"
    body: str
    title: str | None = None
    published_on: date | None = None
    source: str | None = None
    source_url: str = ""
    url: str = ""
    raw_text: str | None = None  # as received, when it differs from body (HTML)


@dataclass(frozen=True)
class Rejection:
    origin: str
    reason: str


Item = ArticleInput | Rejection


@dataclass(frozen=True)
class Defaults:
    """What the command line says about articles whose files do not."""

    published_on: date | None = None
    source: str | None = None


class BadDate(ValueError):
    pass


def parse_date(value: Any) -> date | None:
    """An ISO date or date-time ("2024-02-09", "2024-02-09T08:00:00Z"); ``None`` when absent."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise BadDate(f"تاريخ غير صالح: {value!r}")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise BadDate(f"تاريخ غير صالح: {value!r} (المطلوب YYYY-MM-DD)") from None


def _arabic_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)


def decode(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256 Arabic.

    Raises ``ValueError`` with an Arabic reason for anything else.
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ValueError(f"ملف ثنائي ({what}) وليس نصاً")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValueError("ملف ثنائي (يحتوي على بايتات صفرية) وليس نصاً")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    # Older Arabic sites and Windows tools still write Windows-1256; accept it
    # only when it really decodes to Arabic, so random bytes are not "text".
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _arabic_ratio(text) >= 0.6:
        return text
    raise ValueError(f"النص ليس بترميز UTF-8 صالح (بايت غير متوقع في الموضع {utf8_error.start})")


def _read_text(path: Path, origin: str, max_bytes: int) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"الملف أكبر من الحد المسموح ({size:,} بايت، والحد {max_bytes:,})")
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("ملف فارغ")
    text = decode(data)
    if not text.strip():
        raise ValueError("ملف فارغ")
    return text


def _from_mapping(raw: Any, origin: str, base: Path, defaults: Defaults, max_bytes: int) -> Item:
    """One JSON object: an article with its body, or a manifest entry naming a text file."""
    if not isinstance(raw, dict):
        return Rejection(origin, "عنصر JSON ليس كائناً")
    try:
        published = parse_date(raw.get("published") or raw.get("published_on") or raw.get("date"))
    except BadDate as error:
        return Rejection(origin, str(error))
    body = raw.get("body") if raw.get("body") is not None else raw.get("text")
    if body is None and isinstance(raw.get("file"), str):
        file_path = (base / raw["file"]).resolve()
        if not file_path.is_relative_to(base.resolve()) or not file_path.is_file():
            return Rejection(origin, f"الملف المذكور غير موجود: {raw['file']}")
        try:
            body = _read_text(file_path, origin, max_bytes)
        except ValueError as error:
            return Rejection(origin, str(error))
    if not isinstance(body, str) or not body.strip():
        return Rejection(origin, "لا يوجد نص للمقال (الحقل body مفقود أو فارغ)")
    title = raw.get("title") if isinstance(raw.get("title"), str) and raw["title"].strip() else None
    raw_text = body
    if title is None:
        title, body = split_title(body)
    source = raw.get("source")
    return ArticleInput(
        origin=origin,
        body=body,
        raw_text=raw_text,
        title=title.strip() if title else None,
        published_on=published or defaults.published_on,
        source=source.strip() if isinstance(source, str) and source.strip() else defaults.source,
        source_url=raw.get("source_url") or "",
        url=raw.get("url") or "",
    )


def _read_json(path: Path, origin: str, defaults: Defaults, max_bytes: int) -> Iterator[Item]:
    text = _read_text(path, origin, max_bytes)
    if path.suffix in {".jsonl", ".ndjson"}:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                yield Rejection(f"{origin}:{number}", f"سطر JSON غير صالح: {error.msg}")
                continue
            yield _from_mapping(raw, f"{origin}:{number}", path.parent, defaults, max_bytes)
        return
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"JSON غير صالح: {error.msg} (السطر {error.lineno})") from None
    if isinstance(raw, dict) and isinstance(raw.get("articles"), list):
        raw = raw["articles"]
    if isinstance(raw, list):
        if not raw:
            raise ValueError("ملف JSON لا يحتوي على مقالات")
        for number, entry in enumerate(raw, start=1):
            yield _from_mapping(entry, f"{origin}#{number}", path.parent, defaults, max_bytes)
    else:
        yield _from_mapping(raw, origin, path.parent, defaults, max_bytes)


def _read_file(path: Path, origin: str, defaults: Defaults, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from _read_json(path, origin, defaults, max_bytes)
    elif suffix in HTML_SUFFIXES:
        raw = _read_text(path, origin, max_bytes)
        document = html_to_document(raw)
        if not document.text.strip():
            raise ValueError("صفحة HTML بلا نص مقال")
        yield ArticleInput(
            origin=origin,
            body=document.text,
            title=document.title,
            published_on=defaults.published_on or document.published,
            source=defaults.source,
            url=document.url or "",
            raw_text=raw,
        )
    elif suffix in TEXT_SUFFIXES:
        text = _read_text(path, origin, max_bytes)
        title, body = split_title(text)
        yield ArticleInput(
            origin=origin,
            body=body,
            title=title,
            published_on=defaults.published_on,
            source=defaults.source,
            raw_text=text,
        )
    else:
        raise ValueError(f"نوع ملف غير مدعوم ({suffix or 'بلا امتداد'}): المقبول .txt و.json و.jsonl و.html")


def _manifest_files(folder: Path, files: Iterable[Path]) -> set[Path]:
    """Text files that a JSON manifest in ``folder`` describes (they are read through it)."""
    claimed: set[Path] = set()
    for path in files:
        if path.suffix.lower() != ".json" or path.stat().st_size > 10 * 1024 * 1024:
            continue
        try:
            raw = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(raw, list):
            claimed.update(
                (folder / entry["file"]).resolve()
                for entry in raw
                if isinstance(entry, dict) and isinstance(entry.get("file"), str) and "body" not in entry
            )
    return claimed


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            claimed: set[Path] = set()
            for folder in sorted({p.parent for p in children}):
                claimed |= _manifest_files(folder, (p for p in children if p.parent == folder))
            yield from (p for p in children if p.resolve() not in claimed)
        else:
            yield path


def read_paths(paths: Iterable[Path], defaults: Defaults, *, max_bytes: int) -> Iterator[Item]:
    """Every article candidate or rejection in ``paths`` (files or folders), in a stable order."""
    for path in _expand(paths):
        origin = str(path)
        if not path.exists():
            yield Rejection(origin, "الملف غير موجود")
            continue
        try:
            yield from _read_file(path, origin, defaults, max_bytes)
        except (ValueError, OSError) as error:
            yield Rejection(origin, str(error))
