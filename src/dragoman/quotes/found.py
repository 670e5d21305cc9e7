"""A quotation found in the text, before it is numbered and turned into a ``Quote``."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.quotes.speakers import Speaker


@dataclass
class Found:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | partial
    speaker: Speaker | None
    cue: str | None
    via: str | None = None  # the outlet quoted at length that this quote came through
