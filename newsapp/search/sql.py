"""The SQL of a search: which articles match a resolved query, and how they rank.

Every positive term must match, in either column: the ``arabic`` stems of the
normalized text (suffixes: "العلاقات" finds "علاقة") or the clitic-free lexemes
("وبوتين" finds "لبوتين"). Names match only by their catalog spellings, in the
clitic-free column (the ``arabic`` stemmer turns "بوتين" into "وتين"). Column
names are left unqualified so the condition also works inside subqueries.
"""

from __future__ import annotations

from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from newsapp.nlp.search_text import ParsedQuery, Term, arabic_query_text, tsquery_literal

# Half the weight is lost after this many days: relevance first, recency as a tie-breaker.
RECENCY_DAYS = 365.0
# An article with no publication date ranks as one this old.
UNDATED_DAYS = 3650
# ts_rank_cd normalization 1: divide by 1 + log(document length), so long bodies do not win by size.
RANK_NORMALIZATION = 1


def _has_words(term: Term) -> bool:
    return bool(term.words)


def term_sql(term: Term) -> tuple[str, list[str]]:
    """A boolean SQL condition that is true when an article contains ``term``."""
    stemmed = "search_stemmed @@ %s::tsquery"
    arabic = arabic_query_text(term) if _has_words(term) else None
    if arabic is None:
        return stemmed, [tsquery_literal(term)]
    return (
        f"(search_normalized @@ to_tsquery('arabic', %s) OR {stemmed})",
        [arabic, tsquery_literal(term)],
    )


def match_expression(query: ParsedQuery) -> RawSQL | None:
    """The condition for ``queryset.filter()``, or ``None`` when the query has no term at all."""
    parts: list[str] = []
    params: list[str] = []
    for term in query.terms:
        sql, term_params = term_sql(term)
        parts.append(sql)
        params.extend(term_params)
    for term in query.excluded:
        sql, term_params = term_sql(term)
        # An article without search columns is not "excluded", it is unknown: keep it out.
        parts.append(f"NOT COALESCE({sql}, true)")
        params.extend(term_params)
    if not parts:
        return None
    return RawSQL(" AND ".join(parts), params, output_field=BooleanField())


def rank_expression(query: ParsedQuery) -> RawSQL:
    """Relevance (cover density in both columns, title weighted A) times a publication-date decay."""
    stemmed = " & ".join(tsquery_literal(t) for t in query.terms)
    arabic = " & ".join(a for t in query.terms if _has_words(t) and (a := arabic_query_text(t)))
    relevance = f"ts_rank_cd(search_stemmed, %s::tsquery, {RANK_NORMALIZATION})"
    params: list[object] = [stemmed]
    if arabic:
        relevance += f" + ts_rank_cd(search_normalized, to_tsquery('arabic', %s), {RANK_NORMALIZATION})"
        params.append(arabic)
    decay = (
        f"(1.0 / (1.0 + GREATEST(COALESCE(CURRENT_DATE - published_on, {UNDATED_DAYS}), 0) / {RECENCY_DAYS}))"
    )
    return RawSQL(f"(COALESCE({relevance}, 0) * {decay})", params, output_field=FloatField())
