"""Quotation-mark pairing: which stretches of a text are between quotation marks.

Every style is handled (“ ” „ « » ‘ ’ ‹ › and ASCII " ' `` ''). Each mark is
classed as opening, closing or either from its glyph and from what surrounds it
(an ASCII mark after a space opens, before a space closes); apostrophes
(don’t, Iran‘s, Iran ‘s, the ’90s) are recognised and skipped. Marks are paired
with a stack, paragraph by paragraph, so a stray mark costs at most the quote it
belongs to and never the rest of the article. A paragraph left open whose
successor starts with an opening mark continues the quote (the typographic
convention for multi-paragraph quotes). Only outermost quotes are returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# glyph -> (family, default role)
_GLYPHS: dict[str, tuple[str, str]] = {
    "“": ("double", "open"),
    "„": ("double", "open"),
    "‟": ("double", "open"),
    "”": ("double", "close"),
    '"': ("double", "either"),
    "«": ("angle", "open"),
    "»": ("angle", "close"),
    "‹": ("sangle", "open"),
    "›": ("sangle", "close"),
    "‘": ("single", "open"),
    "‚": ("single", "open"),
    "‛": ("single", "open"),
    "’": ("single", "close"),
    "'": ("single", "either"),
    "`": ("single", "open"),
}
_STYLE = {"“": "curly", "„": "curly", "‟": "curly", '"': "straight", "``": "straight", "«": "guillemets",
          "‹": "guillemets", "‘": "single", "‚": "single", "‛": "single", "'": "single", "`": "single",
          "’": "single", "”": "curly"}
_MARK_RE = re.compile(r"``|''|[“„‟”\"«»‹›‘‚‛’'`]")
_PARA_RE = re.compile(r"\n\s*")
_BEFORE_OPEN = set("([{—–-/") | set(_GLYPHS)
_AFTER_CLOSE = set(".,;:!?)]}—–-/…") | set(_GLYPHS)
# an apostrophe, not a mark: contractions and possessives written with a stray space or a wrong glyph
_SUFFIX_RE = re.compile(r"(?:s|t|re|ll|ve|d|m)(?![^\W\d_])", re.I)
_ELISION_RE = re.compile(r"(?:\d\d(?!\d)|em\b|n\b|til\b|cause\b|tis\b|twas\b)", re.I)


@dataclass(frozen=True)
class Mark:
    pos: int
    size: int
    family: str
    role: str  # open | close | either
    possessive: bool = False  # a closing single mark right after s/z: maybe the apostrophe of "boys' toys"


@dataclass(frozen=True)
class QuoteSpan:
    """An outermost quoted stretch: marks at ``open``/``close``, content in [start, end)."""

    open: int
    close: int  # position of the closing mark; == end of text for a quote that runs to a paragraph end
    start: int
    end: int
    style: str
    resumes: tuple[int, ...] = ()  # opening marks that re-open the quote at later paragraph starts

    def content(self, text: str) -> str:
        """The quoted words without the marks (continuation marks removed too)."""
        if not self.resumes:
            return text[self.start:self.end]
        parts, cur = [], self.start
        for r in self.resumes:
            parts.append(text[cur:r])
            cur = r + 1
        parts.append(text[cur:self.end])
        return "".join(parts)

    @property
    def paragraphs(self) -> int:
        return len(self.resumes) + 1


def _is_letter(ch: str | None) -> bool:
    return ch is not None and ch.isalnum()


def _classify(text: str, pos: int, glyph: str) -> Mark | None:
    """The mark at ``pos`` with its role, or None for an apostrophe."""
    if glyph == "``":
        return Mark(pos, 2, "double", "open")
    if glyph == "''":
        return Mark(pos, 2, "double", "close")
    family, role = _GLYPHS[glyph]
    prev = text[pos - 1] if pos > 0 else None
    nxt = text[pos + 1] if pos + 1 < len(text) else None
    left = (prev is None or prev.isspace() or prev in _BEFORE_OPEN) and nxt is not None and not nxt.isspace()
    right = (prev is not None and not prev.isspace()) and (nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE)
    if family == "single":
        if _is_letter(prev) and _is_letter(nxt):
            return None  # don’t, Iran‘s
        rest = text[pos + 1:pos + 6]
        if prev is not None and prev.isspace() and _SUFFIX_RE.match(rest) and pos >= 2 and text[pos - 2].isalnum():
            return None  # "Iran ‘s": an apostrophe typed after a space
        if left and _ELISION_RE.match(rest):
            return None  # ’90s, ’em
    flank = "open" if left and not right else "close" if right and not left else None
    if role == "either":
        role = flank or "either"
    elif flank is not None and flank != role:
        role = "either"  # ” used to open, ‘ used to close: let the pairing decide
    possessive = family == "single" and role != "open" and prev is not None and prev in "sSzZ" and (
        nxt is not None and nxt == " " and pos + 2 < len(text) and text[pos + 2].isalpha())
    return Mark(pos, len(glyph), family, role, possessive)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line-separated paragraph."""
    out, cur = [], 0
    for m in _PARA_RE.finditer(text):
        if m.start() > cur:
            out.append((cur, m.start()))
        cur = m.end()
    if cur < len(text):
        out.append((cur, len(text)))
    return out


def _marks_in(text: str, start: int, end: int) -> list[Mark]:
    marks = []
    for m in _MARK_RE.finditer(text, start, end):
        mark = _classify(text, m.start(), m.group())
        if mark is not None:
            marks.append(mark)
    return marks


def _opens_paragraph(text: str, para: tuple[int, int], family: str) -> Mark | None:
    """The opening mark that starts a paragraph, if any (of the same family)."""
    marks = _marks_in(text, para[0], min(para[0] + 2, para[1]))
    if marks and marks[0].pos == para[0] and marks[0].family == family and marks[0].role in ("open", "either"):
        return marks[0]
    return None


def _may_run_on(text: str, p0: int, opener: Mark) -> bool:
    """Only a quote that opens a paragraph or a sentence, or follows "said:"/"said,", runs over
    paragraphs; a mark left open after a word ("were “well-paid, …") is a missing close."""
    before = text[p0:opener.pos].rstrip()
    return not before or before[-1] in ".!?:,"


def _closes_later(marks: list[Mark], i: int, family: str) -> bool:
    """Whether a later mark of ``family`` can close before one opens (decides "boys' toys")."""
    for m in marks[i + 1:]:
        if m.family != family:
            continue
        return m.role in ("close", "either")
    return False


def find_quotes(text: str) -> list[QuoteSpan]:
    """All outermost quoted stretches of ``text``, in order. Never raises on odd marks.

    Each open mark on the stack keeps the quotes closed inside it. When a mark
    turns out never to close (the paragraph ends, or a mark of its family opens
    again), it is dropped and those inner quotes move up a level: a stray mark
    loses at most the quote it wrongly opened.
    """
    paras = paragraphs(text)
    out: list[QuoteSpan] = []
    stack: list[tuple[Mark, list[QuoteSpan]]] = []
    resumes: list[int] = []
    skip_pos = -1

    def drop(k: int) -> None:
        moved = [span for _, kids in stack[k:] for span in kids]
        del stack[k:]
        (stack[-1][1] if stack else out).extend(moved)

    for pi, (p0, p1) in enumerate(paras):
        marks = _marks_in(text, p0, p1)
        for i, m in enumerate(marks):
            if m.pos == skip_pos:
                continue
            open_idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0].family == m.family), None)
            role = m.role
            if role == "either":
                role = "close" if open_idx is not None else "open"
            if role == "close" and m.possessive and open_idx is not None and _closes_later(marks, i, m.family):
                continue  # "the boys' toys": an apostrophe inside the quote
            if role == "open":
                if open_idx is not None:
                    if open_idx == 0:
                        resumes = []
                    drop(open_idx)  # the earlier one was never closed: it is lost, not the rest
                stack.append((m, []))
            elif open_idx is not None:
                drop(open_idx + 1)
                opener, _ = stack.pop()
                if stack:
                    stack[-1][1].append(_span(text, opener, m.pos, m.pos, []))
                else:
                    out.append(_span(text, opener, m.pos, m.pos, resumes))
                    resumes = []
        if stack:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            runs_on = nxt is not None and _may_run_on(text, p0, stack[0][0])
            cont = _opens_paragraph(text, nxt, stack[0][0].family) if nxt and runs_on else None
            if cont is not None:
                drop(1)
                resumes.append(cont.pos)
                skip_pos = cont.pos
            elif resumes:  # a multi-paragraph quote whose last paragraph lacks its closing mark
                out.append(_span(text, stack[0][0], p1, p1, resumes))
                stack, resumes = [], []
            else:
                drop(0)
    out.sort(key=lambda q: q.open)
    return [q for q in out if _worth_keeping(text, q)]


def _span(text: str, opener: Mark, close: int, end: int, resumes: list[int]) -> QuoteSpan:
    start = opener.pos + opener.size
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    glyph = text[opener.pos:opener.pos + opener.size]
    return QuoteSpan(opener.pos, close, start, end, _STYLE.get(glyph, "straight"), tuple(resumes))


def _worth_keeping(text: str, q: QuoteSpan) -> bool:
    """At least two letters between the marks ("n" of rock ‘n’ roll is not a quote)."""
    return sum(ch.isalpha() for ch in text[q.start:q.end]) >= 2
