"""The data model: what flows through the pipeline and what the store keeps.

Plain dataclasses and nothing else. Every extracted item carries a character
span into ``Article.text`` so any view can highlight the words it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """A page as received: decoded text plus where it came from.

    ``id`` is the content hash, so re-ingesting the same page is a no-op.
    ``meta`` holds fields a structured source (JSONL) already supplies.
    """

    id: str
    uri: str
    content_type: str  # "text" | "html" | "record"
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"


@dataclass
class Comment:
    """A reader comment split off the page, with its own metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or date-time


@dataclass
class Removed:
    """A labelled piece of the page that is not the article (menu, banner...)."""

    label: str
    text: str


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    """A named-entity mention, span into the clean body."""

    start: int
    end: int
    label: str
    text: str


@dataclass
class Actor:
    """A canonical actor: display name, CAMEO code (country + role), kind.

    ``code`` is e.g. ``USAGOV``, ``IRN``, ``IGOUNO``; None when only a role is known.
    """

    name: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    kind: str = "unknown"  # person | state | government | organisation | group | people | unknown


@dataclass
class ActorMention:
    """A span of the body that refers to an actor (resolved within the article)."""

    start: int
    end: int
    text: str
    actor: Actor
    tone: float | None = None  # tone the sentence takes toward the actor here, -1 hostile … +1 favourable
    tone_role: str | None = None  # agent | judged | patient | mentioned | people | sole | unscored (how it was read)


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event:
    """Who did what to whom, when and where, with the words that say so."""

    id: str
    article_id: str
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    date: str | None
    date_precision: str | None  # day | week | month | year
    date_source: str | None  # text | relative | report
    place: Place | None
    negated: bool
    modality: str  # happened | intended | demanded | hypothetical
    asserted_by: str | None  # None = the outlet itself; else the quoted speaker
    trigger: str
    sentence: str
    start: int  # sentence span in the body
    end: int


@dataclass
class Quote:
    """Who said what: a direct, indirect or partial quotation, with its span."""

    id: str
    article_id: str
    speaker: str | None
    actor_code: str | None
    text: str
    kind: str  # direct | indirect | partial
    cue: str | None
    via: str | None  # outlet quoted at length, if the quote came through it
    start: int
    end: int


@dataclass
class Article:
    """A clean article: body, metadata and the parts that were split off."""

    id: str
    uri: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    published_source: str | None = None  # metadata | dateline | inferred
    page_date: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str = "en"
    comments: list[Comment] = field(default_factory=list)
    bio: str | None = None
    references: list[str] = field(default_factory=list)
    signature: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    terms: dict[str, int] = field(default_factory=dict)  # content lemmas → count, for story grouping
    content_type: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


GOVERNMENT_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})  # CAMEO roles that act for the state


def country(code: str | None) -> str | None:
    """The country (or organisation) of an actor code: the level at which events and outlets are compared."""
    if not code:
        return None
    return code if code.startswith(("IGO", "NGO")) else code[:3]
