"""Lines of a page and the features the boilerplate classifier reads off them.

Features are the ones that tell prose from page furniture on any site:
length, sentence shape, function-word density, capitalisation, separators,
glued menu words, dates, URLs, reference markers, and repetition.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from dragoman import resources
from dragoman.dates import is_date_line

WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.U)
SEPARATORS = re.compile(r"\s[|»›>·•/]\s|\s\|\s?|\s?\|\s")
GLUED = re.compile(r"[a-z][A-Z][a-z]")
URL = re.compile(r"https?://\S+|www\.\S+\.\w{2,}", re.I)
REF_MARK = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s|\^)")
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*(?:\[\d+\])*\s*$")
NAME = re.compile(r"^(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:\s+(?:(?:de|van|von|al|el|bin|da|di|du|la|le)[- ])?(?:[A-Z][\w'’-]+|[A-Z]\.)){1,3}$")


@dataclass
class Line:
    """One non-empty line with its offsets in the page text."""

    idx: int
    text: str
    start: int
    end: int
    repeats: int = 1
    tags: set[str] = field(default_factory=set)

    @cached_property
    def words(self) -> list[str]:
        return WORD.findall(self.text)

    @property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def stop_ratio(self) -> float:
        stop = resources.words("stopwords_en.txt")
        return sum(1 for w in self.words if w.lower() in stop) / max(1, self.n_words)

    @cached_property
    def cap_ratio(self) -> float:
        return sum(1 for w in self.words if w[0].isupper()) / max(1, self.n_words)

    @property
    def headline_shape(self) -> bool:
        """Short, title-cased, no full stop: a heading, not a sentence."""
        if not 2 <= self.n_words <= 14 or self.text.endswith((".", ",", ";")):
            return False
        stop = resources.words("stopwords_en.txt")
        content = [w for w in self.words if w.lower() not in stop]
        return bool(content) and sum(1 for w in content if w[0].isupper()) / len(content) >= 0.75

    @property
    def separators(self) -> int:
        return len(SEPARATORS.findall(self.text))

    @property
    def glued(self) -> int:
        return len(GLUED.findall(self.text))

    @property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text))

    @property
    def has_url(self) -> bool:
        return bool(URL.search(self.text))

    @property
    def is_ref(self) -> bool:
        return bool(REF_MARK.match(self.text))

    @cached_property
    def date(self):  # type: ignore[no-untyped-def]
        return is_date_line(self.text)

    @property
    def looks_like_name(self) -> bool:
        """A person's name alone on a line ("Peter Symonds", "J. R. Smith")."""
        return bool(NAME.match(self.text.strip(" -–—")) and self.stop_ratio == 0)

    @cached_property
    def marker(self) -> str | None:
        """The kind of page part this line opens (comments, references...), if any."""
        if self.n_words > 12:
            return None
        for label, rx in resources.labelled_patterns("page_markers.tsv"):
            if rx.fullmatch(self.text):
                return label
        return None

    @cached_property
    def prose(self) -> float:
        """Score > 0 for lines that read as article prose, < 0 for furniture."""
        n = self.n_words
        if n == 0 or self.date or self.headline_shape or self.separators >= 2 or self.glued > max(1, n // 5):
            return -(2.0 + n)
        url_only = self.has_url and len(URL.sub("", self.text).split()) < 4
        if url_only:
            return -(2.0 + n)
        has_stops = self.stop_ratio >= 0.12
        if self.ends_sentence and n >= 3 and has_stops and not self.is_ref:
            return float(n)
        if n >= 20 and self.stop_ratio >= 0.2:
            return float(n)
        return -(2.0 + n)


def _continues(prev: Line, nxt: Line) -> bool:
    """True when ``nxt`` is the hard-wrapped continuation of ``prev``'s paragraph."""
    return (
        not prev.ends_sentence
        and len(prev.text) >= 40
        and prev.n_words >= 6
        and prev.stop_ratio >= 0.2
        and nxt.n_words >= 3
        and nxt.stop_ratio >= 0.15
        and prev.separators == 0
        and nxt.separators == 0
        and not nxt.marker
    )


def split_lines(text: str) -> list[Line]:
    """Logical lines with offsets: hard-wrapped paragraphs are rejoined, and
    repetition is counted across the page."""
    raw_lines: list[Line] = []
    pos = 0
    blank_before = False
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            line = Line(len(raw_lines), stripped, pos + lead, pos + lead + len(stripped))
            prev = raw_lines[-1] if raw_lines else None
            if prev is not None and not blank_before and _continues(prev, line):
                raw_lines[-1] = Line(prev.idx, prev.text + " " + stripped, prev.start, line.end)
            else:
                raw_lines.append(line)
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    counts = Counter(ln.text.lower() for ln in raw_lines)
    for ln in raw_lines:
        ln.repeats = counts[ln.text.lower()]
    return raw_lines
