"""Read metadata off the lines above the body: title, byline, outlet, dates.

Bylines come in a few shapes on every site: ``By: Name``, ``Written by Name``,
``Name | 31.05.2007 17:19 | Section | Section``; outlets as ``Source: Name``;
dates alone on a line (a banner or a dateline). The title is the title-shaped
line nearest the body, preferring one the page repeats (pages print it in the
breadcrumb, the <title> and the heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dragoman.clean.lines import NAME, Line
from dragoman.dates import DateHit, parse_date

BYLINE = re.compile(r"^(?:by|written by|words by|author|authors|posted by|reported by)\s*[:\-–]?\s+(?P<v>.+)$", re.I)
OUTLET = re.compile(r"^(?:source|publisher|outlet|published by|via|originally published (?:in|by|at))\s*[:\-–]\s*(?P<v>.+)$", re.I)
META = re.compile(r"^[A-Za-z][\w ]{1,24}:\s*[\d.,:]+(?:\s+\w+){0,2}$")  # "Views: 1,284", "Reading time: 6 minutes"
SECTION = re.compile(r"^(?:section|category|categories|filed under|tags?|topics?)\s*:\s*(?P<v>.+)$", re.I)
NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")


@dataclass
class Header:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    dateline: DateHit | None = None  # date printed with the byline
    banner: DateHit | None = None  # a date alone on a line
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)  # line idx -> removed label


def _names(value: str) -> list[str]:
    value = re.split(r"\s[|,–—-]\s|\s*\bfor\b\s", value)[0]
    names = [n.strip(" .") for n in NAME_SPLIT.split(value) if n.strip(" .")]
    return [n for n in names if NAME.match(n)]


def _byline_fields(line: Line, hd: Header) -> bool:
    """Pipe-separated byline with a date: ``Name | date | Section``."""
    fields = [f.strip() for f in re.split(r"\s*[|·•]\s*", line.text) if f.strip()]
    if len(fields) < 2 or len(fields) > 8:
        return False
    dates = [parse_date(f) for f in fields]
    if not any(d and d.precision != "month" for d in dates):
        return False
    for f, d in zip(fields, dates):
        if d and d.precision != "month":
            hd.dateline = hd.dateline or d
        elif not hd.authors and NAME.match(f) and len(f.split()) >= 2:
            hd.authors = [f]
        elif len(f.split()) <= 4:
            hd.tags.append(f)
    return True


def _title_score(ln: Line, head: list[Line]) -> float:
    others = [h.text.lower() for h in head if h is not ln]
    contained = ln.n_words >= 4 and any(ln.text.lower() in o for o in others)
    score = 2.0 if ln.repeats > 1 or contained else 0.0
    score += 0.5 if 5 <= ln.n_words <= 20 else 0.0
    score += (ln.idx - head[0].idx + 1) / (len(head) + 1)
    if ln.n_words < 3:
        score -= 3
    return score


def parse_header(head: list[Line]) -> Header:
    """Metadata from the lines before the body; every line gets a label."""
    hd = Header()
    candidates: list[Line] = []
    dates: list[Line] = []
    for ln in head:
        text = ln.text
        if m := BYLINE.match(text):
            names = _names(m.group("v"))
            if names:
                hd.authors = hd.authors or names
                d = parse_date(m.group("v"))
                if d and d.precision != "month":
                    hd.dateline = hd.dateline or d
                hd.labels[ln.idx] = "byline"
                continue
        if m := OUTLET.match(text):
            hd.outlet = hd.outlet or m.group("v").strip()
            hd.labels[ln.idx] = "source"
            continue
        if m := SECTION.match(text):
            parts = [p.strip() for p in re.split(r"[,;|]", m.group("v")) if p.strip()]
            hd.tags.extend(parts)
            hd.labels[ln.idx] = "section"
            continue
        if ln.date:
            dates.append(ln)
            hd.labels[ln.idx] = "date"
            continue
        if META.match(text):
            hd.labels[ln.idx] = "meta"
            continue
        if ln.separators >= 1 and _byline_fields(ln, hd):
            hd.labels[ln.idx] = "byline"
            continue
        if ln.separators >= 2:
            hd.labels[ln.idx] = "menu"
            continue
        if 2 <= ln.n_words <= 30 and len(text) <= 250 and ln.glued <= 1 and not text.endswith(".") and not ln.has_url:
            candidates.append(ln)
        hd.labels[ln.idx] = "banner" if ln.glued <= 1 else "breadcrumb"
    if candidates:
        best = max(candidates, key=lambda c: _title_score(c, head))
        hd.title = best.text
        for ln in head:
            if ln.text.lower() == best.text.lower():
                hd.labels[ln.idx] = "title"
        before = [h for h in head if h.idx < best.idx and hd.labels.get(h.idx) == "banner"]
        if before and before[-1].n_words <= 3 and before[-1].idx == best.idx - 1:
            hd.section = before[-1].text
            hd.labels[before[-1].idx] = "section"
    title_at = next((h.idx for h in head if hd.labels.get(h.idx) == "title"), None)
    for ln in dates:
        if title_at is not None and ln.idx > title_at:
            hd.dateline = hd.dateline or ln.date
        else:
            hd.banner = hd.banner or ln.date
    if hd.section is None and hd.tags:
        hd.section = hd.tags[0]
    return hd
