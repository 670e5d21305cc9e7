"""Tone: how a text speaks of each actor, and the loaded vocabulary it uses."""

from dragoman.tone.directed import Directed, directed
from dragoman.tone.loaded import loaded_terms
from dragoman.tone.mentions import add_tones, doc_tones, tones_of
from dragoman.tone.sentiment import actor_key, polarity, tone

__all__ = ["Directed", "actor_key", "add_tones", "directed", "doc_tones", "loaded_terms", "polarity", "tone", "tones_of"]
