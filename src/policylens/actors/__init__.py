"""Actors: the bundled gazetteer and the resolver linking mentions to states,
organisations and office holders at a date."""

from .gazetteer import Gazetteer, load_gazetteer
from .mention import ActorMention
from .resolver import ActorResolver

__all__ = ["ActorMention", "ActorResolver", "Gazetteer", "load_gazetteer"]
