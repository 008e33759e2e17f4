"""What the benchmark requests: the pages and API lists, with filters chosen from the data itself."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.db.models import Count

from newsapp.models import Article, Entity, Meeting, Participation, Source


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    api: bool = False


@dataclass(frozen=True)
class Sample:
    """Real values to filter by: the busiest leader (the worst case), their most frequent counterpart."""

    leader: str
    other: str
    country: str
    source: int
    article: int
    date_from: str = "2024-01-01"
    date_to: str = "2024-03-31"


def sample() -> Sample:
    busiest = (
        Participation.objects.values("person__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "person__slug")[:1]
    )
    leader = busiest[0]["person__slug"] if busiest else "vladimir-putin"
    met = Meeting.objects.filter(participations__person__slug=leader)
    other = (
        Participation.objects.filter(meeting__in=met)
        .exclude(person__slug=leader)
        .values("person__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "person__slug")[:1]
    )
    country = Entity.objects.filter(slug=leader).values_list("country__slug", flat=True).first() or "china"
    return Sample(
        leader=leader,
        other=other[0]["person__slug"] if other else "xi-jinping",
        country=country,
        source=Source.objects.order_by("id").values_list("id", flat=True).first() or 0,
        article=Article.objects.latest_first().values_list("id", flat=True).first() or 0,
    )


def pages(s: Sample) -> list[Target]:
    return [
        Target("home", "/"),
        Target("article list", "/articles/"),
        Target("article detail", f"/articles/{s.article}/"),
        Target("timeline", "/timeline/"),
        Target("timeline, one leader", f"/timeline/?leader={s.leader}"),
        Target("timeline, a pair", f"/timeline/?leader={s.leader}&leader={s.other}"),
        Target("timeline, date range", f"/timeline/?from={s.date_from}&to={s.date_to}"),
        Target("entity page", f"/entities/{s.leader}/"),
        Target("API meetings", "/api/meetings/", api=True),
        Target("API articles", "/api/articles/", api=True),
        Target("API entities", "/api/entities/", api=True),
        Target("search", "/search/?q=" + quote("بوتين")),
    ]


def filter_combinations(s: Sample) -> list[tuple[str, str]]:
    """(endpoint, query string) for every combination of the shared filters, pages and API alike."""
    leaders = ([], [s.leader], [s.leader, s.other])
    optional = {
        "country": s.country,
        "kind": "call",
        "from": s.date_from,
        "to": s.date_to,
        "source": str(s.source),
    }
    combos: list[tuple[str, str]] = []
    for endpoints, names in (
        (("/timeline/", "/api/meetings/"), list(optional)),
        (("/articles/", "/api/articles/"), [n for n in optional if n != "kind"]),
    ):
        for chosen_leaders in leaders:
            for size in range(len(names) + 1):
                for subset in itertools.combinations(names, size):
                    params = [("leader", slug) for slug in chosen_leaders] + [
                        (n, optional[n]) for n in subset
                    ]
                    query = urlencode(params)
                    combos += [(endpoint, query) for endpoint in endpoints]
    return combos
