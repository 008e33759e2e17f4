"""The article body as HTML: mentions linked to their entity, evidence sentences marked.

Built from offsets, escaping every piece of text, so an article that contains
``<script>`` shows it as text. Mentions nest inside evidence marks; a mention
that overlaps an earlier one is left as plain text.
"""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _spans(items, length: int) -> list:
    """Items with valid, non-overlapping offsets inside ``[0, length]``, by start."""
    kept, reach = [], 0
    for item in sorted(items, key=lambda i: (i.start, -i.end)):
        if 0 <= item.start < item.end <= length and item.start >= reach:
            kept.append(item)
            reach = item.end
    return kept


def highlight(body: str, mentions, evidence) -> SafeString:
    mentions = _spans(mentions, len(body))
    marks = _spans(evidence, len(body))
    cuts = sorted({0, len(body), *(x for i in (*mentions, *marks) for x in (i.start, i.end))})

    def covering(spans, position):
        return next((s for s in spans if s.start <= position < s.end), None)

    out: list[str] = []
    open_mark = open_link = None
    for start, end in zip(cuts, cuts[1:], strict=False):
        mark, link = covering(marks, start), covering(mentions, start)
        if open_link is not None and (link is not open_link or mark is not open_mark):
            out.append("</a>")
            open_link = None
        if mark is not open_mark:
            if open_mark is not None:
                out.append("</mark>")
            if mark is not None:
                out.append(format_html('<mark class="evidence" id="evidence-{}">', mark.pk))
            open_mark = mark
        if link is not None and link is not open_link:
            entity = link.entity
            out.append(
                format_html(
                    '<a class="mention mention-{}" href="{}" title="{}">',
                    entity.kind,
                    entity.get_absolute_url(),
                    entity.name,
                )
            )
            open_link = link
        out.append(escape(body[start:end]))
    if open_link is not None:
        out.append("</a>")
    if open_mark is not None:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 (every piece above is escaped or format_html)
