"""Lines of a page and the features the boilerplate classifier reads off them.

Features are the ones that tell prose from page furniture on any site:
length, sentence shape, function-word density, capitalisation, separators,
glued menu words, dates, URLs, reference markers, bylines, quoted mail lines,
and repetition. Furniture that sits *between* paragraphs (ad slots, "Read
more: …" teasers, photo captions) is flagged ``inline``: it scores zero, so it
neither ends the body nor joins it, and is dropped from the body text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property

from dragoman import resources
from dragoman.clean.cues import ATTRIBUTION, NAME, byline_names
from dragoman.dates import is_date_line

WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.U)
SEPARATORS = re.compile(r"\s[|»›>·•/‹]\s|\s\|\s?|\s?\|\s|\]\s*\[")
GLUED = re.compile(r"[a-z][A-Z][a-z]")
URL = re.compile(r"https?://\S+|www\.\S+\.\w{2,}", re.I)
REF_MARK = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s|\^)")
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*(?:\[\d+\])*\s*$")
# A sentence boundary, not an initial ("U. S.") or a common abbreviation ("Dr. Ng", "Sept. 18")
SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|Co|vs|Mt|Ft))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Col|Sgt))"
    r"(?<!\b(?:Prof|Corp|Sept|Capt))[.!?…][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]"
)
QUOTED = re.compile(r"^(?:>|\|>)")
INLINE_MAX_WORDS = 80  # in-body furniture is a short line
FURNITURE_WORDS = 14
MARKER_WORDS = 12  # a heading that opens a page part is short...
LONG_MARKER_WORDS = 40
LONG_MARKERS = {"credit", "comments"}  # ...but "Reporting by …; Editing by …" may name many people, and
# "7 thoughts on “<the headline>”" quotes a whole title
HEADING_MARKERS = {"share", "related", "boilerplate", "summary", "bio"}  # headings, never sentences
FULL_STOP = re.compile(r"[.!?][\"'”’)]*$")
READER = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our)\b")  # "US" is a country, not "us"
NOTICE_TERMS = 3
MARKER_TAIL = re.compile(r"(?<=\w)\s*(?:\[\s*(?:edit|bearbeiten|editar|modifier)\s*\]|¶)\s*$", re.I)  # wiki "Sources[edit]"


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

    @property
    def n_sentences(self) -> int:
        """Sentences on the line (a teaser is one; a paragraph usually more)."""
        return 1 + len(SENTENCE_BREAK.findall(self.text))

    @property
    def quoted(self) -> bool:
        """A quoted line of an e-mail or forum reply ("> text")."""
        return bool(QUOTED.match(self.text))

    @cached_property
    def byline(self) -> list[str]:
        """The author names if the line is a byline ("By X", "Posted on <date> by X")."""
        return byline_names(self.text)

    @cached_property
    def inline(self) -> str | None:
        """The kind of in-body furniture the line is (ad, readmore, caption, audio), if any."""
        if self.n_words > INLINE_MAX_WORDS:
            return None
        for label, rx in resources.labelled_patterns("clean_inline.tsv"):
            if rx.fullmatch(self.text):
                return label
        return None

    @cached_property
    def furniture(self) -> bool:
        """A header/footer line of the page's own vocabulary ("FOR IMMEDIATE RELEASE", "Next message: …")."""
        if self.n_words > FURNITURE_WORDS:
            return False
        return any(rx.fullmatch(self.text) for rx in resources.patterns("clean_furniture.txt"))

    @cached_property
    def notice(self) -> bool:
        """The site speaking to its reader about cookies, consent, sign-ups or subscriptions (often long prose)."""
        if not READER.search(self.text):
            return False
        low = self.text.lower()
        return sum(1 for term in _notice_terms() if term.search(low)) >= NOTICE_TERMS

    @cached_property
    def marker(self) -> str | None:
        """The kind of page part this line opens (comments, references...), if any."""
        if self.n_words > LONG_MARKER_WORDS:
            return None
        text = MARKER_TAIL.sub("", self.text)
        sentence = bool(FULL_STOP.search(text))
        for label, rx in resources.labelled_patterns("page_markers.tsv"):
            if sentence and label in HEADING_MARKERS:
                continue
            if sentence and label in LONG_MARKERS and not (text.startswith("(") or ";" in text or self.n_words <= 8):
                continue  # "Research by the university found that…" is a sentence
            if (self.n_words <= MARKER_WORDS or label in LONG_MARKERS) and rx.fullmatch(text):
                return label
        return None

    @cached_property
    def prose(self) -> float:
        """Score > 0 for lines that read as article prose, < 0 for furniture, 0 for in-body furniture."""
        n = self.n_words
        if self.inline:
            return 0.0
        if n == 0 or self.date or self.headline_shape or self.separators >= 2 or self.glued > max(1, n // 5):
            return -(2.0 + n)
        if self.quoted or self.byline or self.furniture or self.notice or ATTRIBUTION.match(self.text):
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


@cache
def _notice_terms() -> list[re.Pattern[str]]:
    return [re.compile(rf"\b{re.escape(t)}\b") for t in resources.words("clean_notices.txt")]


def _continues(prev: Line, nxt: Line, wrapped: bool) -> bool:
    """True when ``nxt`` is the hard-wrapped continuation of ``prev``'s paragraph.

    On a page that is hard-wrapped throughout any prose-like pair joins; elsewhere
    only a line that starts in lower case continues the one before it.
    """
    if prev.ends_sentence or prev.separators or nxt.separators or nxt.marker or nxt.date or nxt.byline:
        return False
    if prev.quoted != nxt.quoted:
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
