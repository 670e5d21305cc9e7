"""Stories: articles about one development, grouped incrementally."""

from dragoman.stories.group import assign
from dragoman.stories.edit import merge, split

__all__ = ["assign", "merge", "split"]
