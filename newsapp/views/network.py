"""A small network of counterparts, laid out on a circle around the entity, drawn as SVG."""

from __future__ import annotations

import math

from django.db.models import F

from newsapp.models import Contact

SIZE = 360
CENTER = SIZE / 2
RADIUS = 130


def _links_among(ids: list[int]) -> list[tuple[int, int, int]]:
    """(a, b, meetings) for people who also met each other, in one query.

    Counted by PostgreSQL in Contact: held meetings no editor rejected, each pair once (a < b).
    """
    return list(
        Contact.objects.filter(person__in=ids, other__in=ids, person__lt=F("other"))
        .values_list("person_id", "other_id", "meetings")
        .order_by()
    )


def counterpart_network(entity, counterparts: list[dict], pairs: bool) -> dict | None:
    if not counterparts:
        return None
    strongest = max(c["count"] for c in counterparts)
    nodes = []
    for i, other in enumerate(counterparts):
        # Start at the top and go counter-clockwise: the first (most met) is read first from the right.
        angle = -math.pi / 2 - 2 * math.pi * i / len(counterparts)
        x, y = CENTER + RADIUS * math.cos(angle), CENTER + RADIUS * math.sin(angle)
        nodes.append(
            {
                **other,
                "x": round(x, 1),
                "y": round(y, 1),
                "label_y": round(y + (22 if y >= CENTER else -14), 1),
                "stroke": round(1 + 5 * other["count"] / strongest, 1),
            }
        )
    where = {n["ident"]: n for n in nodes}
    links = []
    if pairs and len(nodes) > 1:
        for a, b, n in _links_among(list(where)):
            links.append(
                {
                    "x1": where[a]["x"],
                    "y1": where[a]["y"],
                    "x2": where[b]["x"],
                    "y2": where[b]["y"],
                    "count": n,
                }
            )
    return {"size": SIZE, "center": CENTER, "nodes": nodes, "links": links, "name": entity.name}
