"""Read a scraped news page: title, body text, publication date and canonical URL.

Uses BeautifulSoup with the standard library's ``html.parser`` so nothing native is
needed, and never raises on malformed markup. The body keeps paragraphs as lines; the
caller passes it through :func:`newsapp.nlp.clean.clean_text` for the remaining junk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup, Tag

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
_DROP_TAGS += ("button", "template", "select", "input", "textarea", "object", "embed", "canvas")
# Class or id fragments of page furniture. Matched against whole words of the
# attribute ("share-buttons", "related_posts") so "shareholders" or "address" survive.
_JUNK_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|comments?|comment-list|disqus|ads?|advert\w*|sponsor\w*"
    r"|banner|promo|menu|navbar|nav|breadcrumbs?|sidebar|widget|newsletter|subscribe|cookie\w*|popup"
    r"|most-read|trending|tags|author-box|footer|header)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "figure", "figcaption", "table", "tr", "pre", "dd", "dt", "time",
)  # fmt: skip
# A title often carries the outlet: "شي يلتقي بوتين - الجزيرة نت", "... | سكاي نيوز عربية".
_SITE_SUFFIX = re.compile(r"\s+[|\-–—»:]\s+[^|\-–—»:]{1,40}$")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    title: str | None
    text: str
    published: date | None
    url: str | None


def html_to_document(html: str) -> HtmlDocument:
    """The article a news page carries; whatever cannot be found is None (text may be "").

    >>> doc = html_to_document(
    ...     '<html><head><title>شي يلتقي بوتين - الجزيرة</title>'
    ...     '<meta property="article:published_time" content="2024-02-08T10:00:00Z"></head>'
    ...     '<body><nav>الرئيسية أخبار</nav><article><p>التقى شي بوتين.</p><p>وناقشا الحرب.</p>'
    ...     '<div class="share-buttons">شارك</div></article></body></html>')
    >>> doc.title, doc.text, doc.published
    ('شي يلتقي بوتين', 'التقى شي بوتين.\\nوناقشا الحرب.', datetime.date(2024, 2, 8))
    """
    try:
        soup = BeautifulSoup(html or "", "html.parser")
    except Exception:  # html.parser gives up on some broken declarations
        return HtmlDocument(None, "", None, None)
    title = _title(soup)
    published = _published(soup)
    url = _url(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_furniture):
        tag.decompose()
    for heading in soup.find_all("h1"):
        # The headline is the title, not the body's first line.
        if title and " ".join(heading.get_text(" ").split()) in (title, _strip_site(title)):
            heading.decompose()
    root = _content_root(soup)
    text = _text(root) if root is not None else ""
    return HtmlDocument(title, text, published, url)


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            tag = soup.find("meta", attrs={attr: name})
            content = tag.get("content") if isinstance(tag, Tag) else None
            if isinstance(content, str) and content.strip():
                return content.strip()
    return None


def _title(soup: BeautifulSoup) -> str | None:
    og = _meta(soup, "og:title", "twitter:title")
    if og:
        return _strip_site(og)
    for tag in (soup.find("h1"), soup.title):
        if isinstance(tag, Tag):
            text = " ".join(tag.get_text(" ").split())
            if text:
                return _strip_site(text) if tag.name == "title" else text
    return None


def _strip_site(title: str) -> str:
    title = " ".join(title.split())
    stripped = _SITE_SUFFIX.sub("", title)
    # Never strip so much that only the site name is left.
    return stripped if len(stripped) >= 10 else title


def _published(soup: BeautifulSoup) -> date | None:
    candidates = [_meta(soup, "article:published_time", "datePublished", "pubdate", "publishdate", "date")]
    item = soup.find(attrs={"itemprop": "datePublished"})
    if isinstance(item, Tag):
        candidates.append(str(item.get("datetime") or item.get("content") or item.get_text()))
    time = soup.find("time", attrs={"datetime": True})
    if isinstance(time, Tag):
        candidates.append(str(time.get("datetime")))
    for value in candidates:
        match = _ISO_DATE.search(value or "")
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


def _url(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    if isinstance(href, str) and href.strip():
        return href.strip()
    return _meta(soup, "og:url")


def _is_furniture(tag: Tag) -> bool:
    if not isinstance(tag, Tag) or tag.name in ("html", "body", "article", "main"):
        return False
    attrs = getattr(tag, "attrs", None) or {}
    classes = attrs.get("class") or []
    label = " ".join(
        [*(classes if isinstance(classes, list) else [str(classes)]), str(attrs.get("id") or "")]
    )
    return bool(label.strip()) and _JUNK_ATTR.search(label) is not None


def _content_root(soup: BeautifulSoup) -> Tag | None:
    for finder in (
        lambda: soup.find(attrs={"itemprop": "articleBody"}),
        lambda: _largest(soup.find_all("article")),
        lambda: soup.find("main"),
    ):
        found = finder()
        if isinstance(found, Tag) and _text_length(found) >= 40:
            return found
    containers = soup.find_all(["div", "section", "td"])
    best = _largest(containers)
    body = soup.body if isinstance(soup.body, Tag) else soup
    # The container with the most paragraph text of its own is the story, when it has some.
    if best is not None and (
        _paragraph_length(best) >= 200 or _text_length(best) >= 0.5 * _text_length(body)
    ):
        return best
    return body


def _paragraph_length(tag: Tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p", recursive=False))


def _largest(tags: list[Tag]) -> Tag | None:
    scored = [(_paragraph_length(t), _text_length(t), i) for i, t in enumerate(tags) if isinstance(t, Tag)]
    if not scored:
        return None
    return tags[max(scored)[2]]


def _text_length(tag: Tag) -> int:
    return len(" ".join(tag.get_text(" ").split()))


def _text(root: Tag) -> str:
    for br in root.find_all("br"):
        br.replace_with("\n")
    for block in root.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = (" ".join(line.split()) for line in root.get_text().split("\n"))
    return "\n".join(line for line in lines if line)
