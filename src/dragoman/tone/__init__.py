"""Tone: sentence sentiment toward actors, and loaded vocabulary."""

from dragoman.tone.loaded import loaded_terms
from dragoman.tone.sentiment import polarity

__all__ = ["loaded_terms", "polarity"]
