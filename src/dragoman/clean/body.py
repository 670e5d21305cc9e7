"""Find the article body among the lines of a page.

The page is cut into regions at lines that open a non-article part (a comment
thread, a reference list, a rule, a "related" box, a press release's "About
<company>" or "###"...). In each region the body is the run of lines with the
highest sum of prose scores (maximum-subarray, in the spirit of Finn et al.'s
Body Text Extraction): prose lines add their length, furniture subtracts, so a
stray subheading inside the body survives while menus and bylines at its edges
fall off. Regions after the comment thread compete only when nothing before it
reads as an article (a forum page opens with "Post Reply").

Furniture inside the body is skipped, not cut at: in-body lines (ads, captions,
"Read more: …"), a "Related" box squeezed between two paragraphs, a "Key points"
summary box, a newsletter sign-up box between two paragraphs, and pull quotes
that repeat a sentence of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dragoman.clean.lines import Line

HARD = {"comments", "references", "bio", "separator", "related", "share", "footer", "signature", "end", "boilerplate", "credit"}
SQUEEZABLE = {"related", "share"}  # boxes a page may drop between two paragraphs
MIN_BODY = 8.0  # less than one sentence of prose is not an article
ARTICLE_BEFORE_THREAD = 40.0  # a run this strong before the comment thread is the article
BOX_LINES = 4  # furniture lines a squeezed "Related" box may hold
TEASER_WORDS = 35  # a teaser is one sentence of at most this many words
GOES_ON = 40.0  # prose after a squeezed box that shows the article continues
SUMMARY_WORDS = 30  # a "Key points" item is a short line
SUMMARY_LINES = 8
HEADER_SHARE = 0.25  # prose above a byline/date line, as a share of the run, that is still a standfirst
PULL_MIN_WORDS, PULL_MAX_WORDS = 5, 60  # a pull quote is a sentence or two
NORM = re.compile(r"[^\w]+")
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)
# A time alone on a line, as live blogs stamp entries: "02.15 BST", "9:41am", "21:58 GMT"
TIME_ONLY = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?$", re.I)


@dataclass
class Body:
    """The body span (line indices, inclusive) and the in-body lines dropped from its text."""

    first: int
    last: int
    skipped: set[int] = field(default_factory=set)


def _best_run(lines: list[Line], score: dict[int, float]) -> tuple[float, int, int]:
    best, best_s, best_e = 0.0, -1, -1
    cur, cur_s = 0.0, 0
    for i, ln in enumerate(lines):
        if cur <= 0:
            cur, cur_s = 0.0, i
        cur += score[ln.idx]
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best, best_s, best_e


def _box_end(lines: list[Line], i: int) -> int:
    """Last line of a "Related" box opened at ``i``: furniture lines and at most one teaser sentence."""
    j, furniture = i, 0
    while j + 1 < len(lines) and furniture < BOX_LINES:
        nxt = lines[j + 1]
        if nxt.prose <= 0 and not nxt.marker:
            j, furniture = j + 1, furniture + 1
            continue
        if nxt.prose > 0 and nxt.n_sentences == 1 and nxt.n_words <= TEASER_WORDS:
            return j + 1
        break
    return j


def _summary_end(lines: list[Line], i: int) -> int:
    """Last line of a "Key points" box opened at ``i``: the short one-sentence items after it."""
    j = i
    while j + 1 < len(lines) and j - i < SUMMARY_LINES:
        nxt = lines[j + 1]
        if nxt.marker or nxt.n_words > SUMMARY_WORDS or nxt.n_sentences > 1:
            break
        j += 1
    return j


def _goes_on(lines: list[Line], i: int) -> bool:
    """Does the article go on at ``i``? (two prose lines, or one long one, before any furniture)"""
    count, total = 0, 0.0
    for ln in lines[i:]:
        if ln.inline:
            continue
        if ln.prose <= 0 or ln.marker:
            break
        count, total = count + 1, total + ln.prose
    return count >= 2 or total >= GOES_ON


def _entry_follows(lines: list[Line], i: int, end: int) -> bool:
    """A live blog's next entry: the box after a share bar holds a time stamp and prose follows it."""
    return end + 1 < len(lines) and lines[end + 1].prose > 0 and any(TIME_ONLY.match(ln.text) for ln in lines[i + 1 : end + 1])


def _boxes(lines: list[Line]) -> set[int]:
    """Indices (``Line.idx``, the position on the page) of lines in boxes that interrupt the body without ending it."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.marker == "summary":
            out.update(range(i, _summary_end(lines, i) + 1))
        elif ln.marker in SQUEEZABLE and 0 < i < len(lines) - 1:
            before = next((p for p in reversed(lines[:i]) if not p.inline), None)
            end = _box_end(lines, i)
            if before is not None and before.prose > 0 and (_goes_on(lines, end + 1) or _entry_follows(lines, i, end)):
                out.update(range(i, end + 1))
    return out


def _regions(lines: list[Line], boxed: set[int]) -> tuple[list[list[Line]], set[int]]:
    """Lines cut at hard markers; also which regions open right after a comment-thread heading."""
    regions: list[list[Line]] = [[]]
    after_thread: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.marker in HARD and i not in boxed and not ln.inline:
            if ln.marker == "comments":
                after_thread.add(len(regions))
            regions.append([])
        else:
            regions[-1].append(ln)
    return regions, after_thread


def _trim_header(lines: list[Line], s: int, e: int, score: dict[int, float]) -> int:
    """Move the start of a run past a byline or date line that a standfirst put inside it."""
    total = sum(max(0.0, score[ln.idx]) for ln in lines[s : e + 1])
    above = 0.0
    for k in range(s, e + 1):
        ln = lines[k]
        if (ln.byline or ln.date) and k > s and above < HEADER_SHARE * total:
            s = k + 1
            while s < e and score[lines[s].idx] <= 0:
                s += 1
            return _trim_header(lines, s, e, score)
        above += max(0.0, score[ln.idx])
    return s


def _norm(text: str) -> str:
    return NORM.sub(" ", text.lower()).strip()


def pull_quotes(lines: list[Line]) -> set[int]:
    """Lines that repeat words printed in a longer line of the body (pull quotes)."""
    norms = {ln.idx: _norm(ln.text) for ln in lines}
    out: set[int] = set()
    for ln in lines:
        n = norms[ln.idx]
        if not PULL_MIN_WORDS <= ln.n_words <= PULL_MAX_WORDS:
            continue
        if any(len(o) > len(n) and n in o for k, o in norms.items() if k != ln.idx):
            out.add(ln.idx)
    return out


def _running(ln: Line) -> bool:
    """A printed page's running header or footer, or its page number, inside the body (PDF text)."""
    return ln.prose <= 0 and (ln.repeats > 1 or PAGE_NUMBER.match(ln.text) is not None)


def find_body(lines: list[Line]) -> Body | None:
    """The body span and its skipped lines, or None if no prose is found."""
    boxed = _boxes(lines)
    score = {ln.idx: 0.0 if ln.idx in boxed else ln.prose for ln in lines}
    regions, after_thread = _regions(lines, boxed)
    best: tuple[float, list[Line], int, int] | None = None
    for r, region in enumerate(regions):
        if r in after_thread and best is not None and best[0] >= ARTICLE_BEFORE_THREAD:
            break  # the article came before this comment thread
        value, s, e = _best_run(region, score)
        if s >= 0 and (best is None or value > best[0]):
            best = (value, region, s, e)
    if best is None or best[0] < MIN_BODY:
        return None
    _, region, s, e = best
    s = _trim_header(region, s, e, score)
    span = region[s : e + 1]
    skipped = {ln.idx for ln in span if ln.idx in boxed or ln.inline or _running(ln)}
    skipped |= pull_quotes([ln for ln in span if ln.idx not in skipped])
    return Body(span[0].idx, span[-1].idx, skipped)
