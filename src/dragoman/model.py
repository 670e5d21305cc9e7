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
    content_type: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
