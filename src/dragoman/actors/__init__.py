"""Actors: resolve mentions to canonical CAMEO-coded actors."""

from dragoman.actors.resolve import resolve_actors

__all__ = ["resolve_actors"]
