"""Compare: merge a story's events across sources; each article's perspective."""

from dragoman.compare.merge import merge
from dragoman.compare.perspective import perspective

__all__ = ["merge", "perspective"]
