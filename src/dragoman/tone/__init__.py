"""Tone: sentence sentiment toward actors, and loaded vocabulary."""

from dragoman.tone.loaded import loaded_terms
from dragoman.tone.sentiment import actor_key, polarity, tone

__all__ = ["actor_key", "loaded_terms", "polarity", "tone"]
