"""An event as first found: its trigger, code, parties and the words that date and place it."""

from __future__ import annotations

from dataclasses import dataclass, field

from dragoman.events.words import Token
from dragoman.model import Actor


@dataclass
class Candidate:
    trigger: Token
    code: str
    sources: list[Actor]
    targets: list[Actor]
    anchors: list[Token] = field(default_factory=list)  # tokens whose modifiers give date/place
    negated: bool = False
    modality: str = "happened"
    asserted_by: str | None = None
