"""Places: an offline gazetteer and where an event happened."""

from dragoman.places.gazetteer import lookup

__all__ = ["lookup"]
