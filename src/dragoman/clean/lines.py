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


def _continues(prev: Line, nxt: Line, wrapped: bool) -> bool:
    """True when ``nxt`` is the hard-wrapped continuation of ``prev``'s paragraph.

    On a page that is hard-wrapped throughout any prose-like pair joins; elsewhere
    only a line that starts in lower case continues the one before it.
    """
    if prev.ends_sentence or prev.separators or nxt.separators or nxt.marker or nxt.date:
        return False
    if prev.headline_shape or nxt.text.lower() == prev.text.lower() or len(prev.text) < 40:
        return False
    if nxt.text[:1].islower():
        return True
    return wrapped and prev.n_words >= 6 and prev.stop_ratio >= 0.2 and nxt.n_words >= 3 and nxt.stop_ratio >= 0.15


def _hard_wrapped(lines: list[Line]) -> bool:
    """A page wrapped at a fixed width: most long lines stop mid-sentence at similar lengths."""
    long = [ln for ln in lines if ln.n_words >= 8]
    cut = [ln for ln in long if not ln.ends_sentence and 55 <= len(ln.text) <= 100]
    return len(cut) >= 5 and len(cut) >= 0.5 * len(long)


def split_lines(text: str) -> list[Line]:
    """Logical lines with offsets: hard-wrapped paragraphs are rejoined, and
    repetition is counted across the page."""
    physical: list[tuple[Line, bool]] = []
    pos = 0
    blank_before = False
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            physical.append((Line(0, stripped, pos + lead, pos + lead + len(stripped)), blank_before))
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    wrapped = _hard_wrapped([ln for ln, _ in physical])
    raw_lines: list[Line] = []
    for line, blank in physical:
        prev = raw_lines[-1] if raw_lines else None
        if prev is not None and not blank and _continues(prev, line, wrapped):
            raw_lines[-1] = Line(prev.idx, prev.text + " " + line.text, prev.start, line.end)
        else:
            line.idx = len(raw_lines)
            raw_lines.append(line)
    counts = Counter(ln.text.lower() for ln in raw_lines)
    for ln in raw_lines:
        ln.repeats = counts[ln.text.lower()]
    return raw_lines
