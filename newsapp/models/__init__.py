"""Marsad's data model (GUIDE §2), one module per part of the story."""

from .articles import Article, Source
from .entities import Alias, Entity, EntityStats, Position
from .meetings import Contact, Evidence, Meeting, Participation
from .mentions import Mention

__all__ = [
    "Alias",
    "Article",
    "Contact",
    "Entity",
    "EntityStats",
    "Evidence",
    "Meeting",
    "Mention",
    "Participation",
    "Position",
    "Source",
]
