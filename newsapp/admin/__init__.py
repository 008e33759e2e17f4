"""The editors' admin, in Arabic: entities and their spellings, meetings to review, articles."""

from . import articles, entities, meetings  # noqa: F401 (importing registers the ModelAdmins)
