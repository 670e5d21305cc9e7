"""Read metadata off the lines above the body: title, byline, outlet, dates.

Bylines come in a few shapes on every site: ``By: Name``, ``Written by Name``,
``Posted on <date> by name``, ``Von X und Y``, ``Name | 31.05.2007 17:19 | Section``,
a mail archive's sender (``Jane Doe jdoe at example.org``, ``From: …``), or a
bare name printed between the title and the date; outlets as ``Source: Name``;
dates alone on a line (a banner or a dateline).

The title is scored over the title-shaped lines: a line the page repeats
(breadcrumb, <title>, "3 thoughts on “…”") or a mail subject scores up; so does
a line standing right above the byline/date block, and nearness to the body.
Masthead lines (above the site's menu), standfirsts (a longer line right under
a title-shaped line), captions and page furniture score down or are not
candidates at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dragoman import resources
from dragoman.clean.cues import (
    BYLINE,
    EMAIL,
    LIST_TAG,
    MAIL_HEADER,
    NAME,
    ROLE,
    SENDER,
    SENDER_AFTER,
    byline_names,
    is_stamp,
    names,
)
from dragoman.clean.lines import Line
from dragoman.dates import DateHit, is_date_line, parse_date

__all__ = ["BYLINE", "Header", "parse_header"]

OUTLET = re.compile(r"^(?:source|publisher|outlet|published by|via|originally published (?:in|by|at))\s*[:\-–]\s*(?P<v>.+)$", re.I)
META = re.compile(r"^[A-Za-z][\w ]{1,24}:\s*[\d.,:]+(?:\s+\w+){0,2}$")  # "Views: 1,284", "Reading time: 6 minutes"
LABEL = re.compile(r"^[\w-]+:\s+\S+(?:\s+\S+){0,3}$")  # "Location: Mill Road"
PLACE = re.compile(r"^(?:[A-Z][\w.'’-]*\s*){1,4},\s*(?=\S)")
SECTION = re.compile(r"^(?:section|category|categories|filed under|tags?|topics?|labels?)\s*:\s*(?P<v>.+)$", re.I)

# Author sources, strongest first: an explicit byline beats a mail sender, which
# beats a name in pipe-separated fields, which beats a bare name line.
BYLINE_RANK, SENDER_RANK, FIELD_RANK, NAME_RANK = 0, 1, 2, 3
NAV_RUN = 3  # consecutive menu-item lines that make a navigation menu
NAV_WORDS = 3
MIN_TITLE_SCORE = 0.0


@dataclass
class Header:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    dateline: DateHit | None = None  # date printed with the byline
    updated: DateHit | None = None  # a date the page says it was updated or modified on (a fallback)
    path_date: DateHit | None = None  # a date in a URL-like path or breadcrumb (".../2023/04/18/...")
    banner: DateHit | None = None  # a date alone on a line
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)  # line idx -> removed label
    author_rank: int = 99
    subject: str | None = None  # a mail header's Subject

    def set_authors(self, found: list[str], rank: int) -> None:
        """Keep the authors from the strongest source seen so far."""
        if found and rank < self.author_rank:
            self.authors, self.author_rank = found, rank


BULLET = re.compile(r"^\s*[*•·▪◦-]\s+\S")
PATH_DATE = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})\s*[/›»>]\s*(?P<m>\d{1,2})\s*[/›»>]\s*(?P<d>\d{1,2})(?:\s*[/›»>]|\s*$)")
PLACED = re.compile(r"\s+in\s+(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,2}$")
UPDATE = re.compile(r"\b(?:last\s+)?(?:updated|modified|edited|revised|reviewed|aktualisiert|atualizad[oa]|actualizad[oa]|mis à jour|aggiornato)\b", re.I)


def _take_date(hd: Header, d: DateHit, text: str) -> None:
    """Keep a header date: an update ("Updated: …", "Last modified on …") only as a fallback."""
    if UPDATE.search(text[: d.start]):
        hd.updated = hd.updated or d
    else:
        hd.dateline = hd.dateline or d


def _lead_date(ln: Line) -> DateHit | None:
    """The date a line opens with when an update date follows it ("4 March 2019 10.02 GMT Last modified on …")."""
    m = UPDATE.search(ln.text)
    if m is None or m.start() == 0:
        return None
    return is_date_line(ln.text[: m.start()].rstrip(" |/·•-–—("))


def _person(field_text: str) -> bool:
    """A field that names a person: two or more capitalised words, not "The …", no job title."""
    words = field_text.split()
    if len(words) < 2 or words[0].lower() in resources.words("stopwords_en.txt"):
        return False
    return bool(NAME.match(field_text)) and not ROLE.search(field_text)


def _byline_fields(line: Line, hd: Header) -> bool:
    """A byline of separated fields: ``Name | date | Section``, ``Name · 2 days ago``, ``Name | Staff Reporter``,
    ``date · posted by x · 7 comments``."""
    fields = [f.strip() for f in re.split(r"\s*[|·•]\s*|\s{3,}", line.text) if f.strip()]
    if len(fields) < 2 or len(fields) > 8:
        return False
    dates = [parse_date(f) for f in fields]
    bylines = [byline_names(f) for f in fields]
    dated = any(d and d.precision != "month" for d in dates)
    stamped = any(is_stamp(f) for f in fields) and any(_person(f) for f in fields)
    titled = (len(fields) == 2 and _person(fields[0]) and len(fields[1].split()) <= 4  # "Jane Roe | Staff Reporter"
              and bool(re.search(rf"(?:{ROLE.pattern})$", fields[1], re.I)))
    if not (dated or stamped or titled or any(bylines)):
        return False
    for f, d, named in zip(fields, dates, bylines):
        if d and d.precision != "month":
            _take_date(hd, d, f)
        elif is_stamp(f):
            continue
        elif named:
            hd.set_authors(named, BYLINE_RANK)
        elif hd.author_rank > FIELD_RANK and _person(f):
            hd.set_authors([f], FIELD_RANK)
        elif len(f.split()) <= 4:
            hd.tags.append(f)
    return True


COUNT_TAIL = re.compile(r"\s*(?:[|·•–-]\s*)?(?:(?:\d+|no|one)\s+comments?|leave a (?:comment|reply))\s*$", re.I)


def _date_then_name(ln: Line, hd: Header) -> bool:
    """A blog's meta line: a date, the author's name, maybe a comment count ("May 3, 2021 Jane Doe 4 Comments")."""
    words = COUNT_TAIL.sub("", ln.text).split()
    if not 3 <= len(words) <= 12:
        return False
    for k in range(len(words) - 2, 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        d = is_date_line(head)
        if d is not None and d.precision != "month" and _person(tail):
            hd.dateline = hd.dateline or d
            if hd.author_rank > FIELD_RANK:
                hd.set_authors([tail], FIELD_RANK)
            return True
    return False


def _mail_header(ln: Line, hd: Header) -> bool:
    """``From:``, ``Subject:``, ``Date:`` lines of a mail or newsgroup post."""
    m = MAIL_HEADER.match(ln.text)
    if not m:
        return False
    key, value = m.group("k").lower(), m.group("v").strip()
    if key == "from" and (s := SENDER.match(value.replace('"', "")) or SENDER_AFTER.match(value)):
        hd.set_authors(names(s.group("n")) or [s.group("n").strip()], SENDER_RANK)
    elif key in ("date", "sent") and (d := parse_date(value)):
        hd.dateline = hd.dateline or d
    elif key == "subject" and value:
        hd.subject = LIST_TAG.sub("", value)
    return True


def _place_date(ln: Line) -> DateHit | None:
    """A dateline of place and date: "Kuala Lumpur, Feb 3, 2019"."""
    m = PLACE.match(ln.text)
    return is_date_line(ln.text[m.end() :]) if m and ln.n_words <= 9 else None


def _dated(ln: Line) -> bool:
    """A date line of the header: alone, with a place, or among separated fields."""
    return bool(ln.date or _dated_fields(ln) or _place_date(ln))


def _dated_fields(ln: Line) -> bool:
    """A short line of separated fields with a full date in it ("Name | 31.05.2007 | World")."""
    if not ln.separators or ln.n_words > 15:
        return False
    d = parse_date(ln.text)
    return d is not None and d.precision != "month"


def _masthead_end(head: list[Line]) -> int:
    """Position just after the site's menu: what stands above it is the masthead.

    A menu is a run of short lines (menu items), a line with several separators,
    or a line of glued menu words. The menu that counts is the last one above the
    byline/date block nearest the body (a share bar under the title is not a
    menu: share links neither make nor break a run).
    """
    stop = max((i for i, ln in enumerate(head) if _dated(ln) or ln.byline), default=len(head))
    end, run = 0, 0
    for i, ln in enumerate(head[:stop]):
        if ln.marker == "share" or ln.inline:
            continue
        if ln.separators >= 2 or ln.glued >= 2:
            end, run = i + 1, 0
            continue
        short = ln.n_words <= NAV_WORDS and not ln.ends_sentence and not ln.looks_like_name
        run = run + 1 if short else 0
        if run >= NAV_RUN:
            end = i + 1
    return end


def _is_candidate(ln: Line) -> bool:
    """Could this line be the title? (title-sized, no furniture, byline, caption or link)"""
    text = ln.text
    if not 2 <= ln.n_words <= 30 or len(text) > 250 or ln.glued > 1 or ln.has_url or EMAIL.search(text):
        return False
    if text.endswith(".") or ln.separators or ln.inline or ln.byline or ln.date or ln.marker or BULLET.match(text):
        return False
    return not (ln.furniture or META.match(text) or LABEL.match(text) or ln.n_sentences > 1)


# How much each feature of a title candidate counts (see ``_title_features``).
TITLE_WEIGHTS = {
    "repeated": 2.0,  # the page prints it again: breadcrumb, <title>, "3 thoughts on “…”"
    "repeated_short": 1.0,  # a short repeat is as often a section name
    "list_subject": 2.0,  # "[list-name] Subject" of a mail archive
    "title_sized": 0.5,  # 5 to 20 words
    "nearness": 1.5,  # position in the header, 0 at the top, 1 just above the body
    "too_short": -3.0,  # fewer than three words
    "masthead": -3.0,  # above the site's menu: site name or tagline
    "container": -2.0,  # "Re: <title>", "Home » <title>": the contained line is the title
    "standfirst": -2.5,  # longer than the title-shaped line right above it
    "above_byline": 1.0,  # right above the byline (0.5 with a standfirst in between)
    "above_date": 0.5,  # right above a date alone (0.25 with a line in between); it may be a banner
    "field_value": -3.0,  # the value of a field label on the line above ("From:" / "Department for …")
    "below_byline": -1.5,  # under a headline's byline or date: a programme label or a contents entry, not the title
}


def _byline_like(ln: Line) -> bool:
    named = ln.looks_like_name and not (ln.furniture or ln.marker)  # "Download PDF" is no name
    return bool(ln.byline or named or EMAIL.search(ln.text) or _dated_fields(ln))


def _title_features(ln: Line, pos: int, head: list[Line], page: list[str], masthead: int, cands: set[int]) -> dict[str, float]:
    """Feature values (mostly 0/1) of one title candidate at position ``pos`` of the header."""
    low = ln.text.lower()
    repeated = ln.n_words >= 3 and (ln.repeats > 1 or any(low in o and o != low for o in page))
    prev = head[pos - 1] if pos else None
    below = head[pos + 1 : pos + 3]
    byline_gap = next((g for g, b in enumerate(below) if _byline_like(b) or b.date), None)
    below_line = below[byline_gap] if byline_gap is not None else None
    marks = [k for k in range(masthead, pos) if _byline_like(head[k]) or head[k].date]
    headline_before = bool(marks) and any(h.idx in cands and h.n_words >= 4 for h in head[masthead : marks[0]])
    return {
        "below_byline": float(headline_before),
        "field_value": float(prev is not None and prev.n_words <= 3 and prev.text.rstrip().endswith(":")),
        "repeated": float(repeated and ln.n_words >= 4),
        "repeated_short": float(repeated and ln.n_words < 4),
        "list_subject": float(bool(LIST_TAG.match(ln.text))),
        "title_sized": float(5 <= ln.n_words <= 20),
        "nearness": (pos + 1) / (len(head) + 1),
        "too_short": float(ln.n_words < 3),
        "masthead": float(pos < masthead),
        "container": float(any(h.text.lower() in low and h.text.lower() != low for h in head
                               if h.idx in cands and h.idx != ln.idx and h.n_words >= 3)),  # not a site name it opens with
        "standfirst": float(
            prev is not None and prev.idx in cands and prev.n_words >= 4 and ln.n_words > prev.n_words and pos - 1 >= masthead
        ),
        "above_byline": (1.0 if byline_gap == 0 else 0.5) if below_line is not None and _byline_like(below_line) else 0.0,
        "above_date": (1.0 if byline_gap == 0 else 0.5) if below_line is not None and not _byline_like(below_line) else 0.0,
    }


def _title_score(ln: Line, pos: int, head: list[Line], page: list[str], masthead: int, cands: set[int]) -> float:
    feats = _title_features(ln, pos, head, page, masthead, cands)
    return sum(TITLE_WEIGHTS[k] * v for k, v in feats.items())


def _pick_title(head: list[Line], cands: list[Line], page: list[str]) -> Line | None:
    """The best-scoring candidate, or None when every one looks like masthead or menu."""
    if not cands:
        return None
    masthead = _masthead_end(head)
    ids = {c.idx for c in cands}
    pos = {ln.idx: i for i, ln in enumerate(head)}
    scored = [(_title_score(c, pos[c.idx], head, page, masthead, ids), c) for c in cands]
    score, best = max(scored, key=lambda x: x[0])
    return best if score >= MIN_TITLE_SCORE else None


def _bare_author(head: list[Line], title_at: int | None, hd: Header) -> None:
    """Names alone on a line between the title and the body ("Jane Doe", "Jane Doe and John Roe" above the date)."""
    if title_at is None or hd.author_rank <= NAME_RANK:
        return
    after = [ln for ln in head if ln.idx > title_at][:4]
    for ln in after:
        if ln.marker or ln.furniture or ROLE.search(ln.text) or ln.n_words > 8:
            continue
        text = PLACED.sub("", ln.text).strip(" -–—")  # "Jane Doe in Cardiff"
        named = text != ln.text.strip(" -–—") and bool(NAME.match(text))
        found = [text] if ln.looks_like_name or named else [n for n in names(ln.text) if " " in n]
        if found and (ln.looks_like_name or named or len(found) > 1):
            hd.set_authors(found, NAME_RANK)
            hd.labels[ln.idx] = "byline"
            return


def _sender(ln: Line, hd: Header) -> bool:
    """A mail archive's sender line: "Jane Doe jdoe at example.org"."""
    m = SENDER.match(ln.text)
    if not m or len(ln.text) > 120:
        return False
    found = names(m.group("n"))
    if not found:
        return False
    hd.set_authors(found, SENDER_RANK)
    return True


def _read_line(ln: Line, hd: Header) -> str | None:
    """Take what a header line says (byline, sender, outlet, section, date…) and return its label.

    Returns None for a line that says nothing of the kind (a title candidate, a banner).
    """
    text = ln.text
    if _mail_header(ln, hd):
        return "mail-header"
    if ln.byline:
        hd.set_authors(ln.byline, BYLINE_RANK)
        d = parse_date(text)
        if d and d.precision != "month":
            hd.dateline = hd.dateline or d
        return "byline"
    if _sender(ln, hd):
        return "byline"
    if m := OUTLET.match(text):
        hd.outlet = hd.outlet or m.group("v").strip()
        return "source"
    if m := SECTION.match(text):
        hd.tags.extend(p.strip() for p in re.split(r"[,;|]", m.group("v")) if p.strip())
        return "section"
    if ln.date or _place_date(ln) or _lead_date(ln):
        return "date"
    if _date_then_name(ln, hd):
        return "byline"
    if META.match(text):
        return "meta"
    if (ln.separators >= 1 or "   " in ln.text) and _byline_fields(ln, hd):
        return "byline"
    if ln.separators >= 2:
        return "menu"
    return None


def _set_title(head: list[Line], best: Line | None, hd: Header) -> None:
    """The title (a mail Subject wins), its label, and the section label printed right above it."""
    if hd.subject:
        hd.title = hd.subject
    elif best is not None:
        hd.title = LIST_TAG.sub("", best.text)
    if best is None:
        return
    for ln in head:
        if ln.text.lower() == best.text.lower():
            hd.labels[ln.idx] = "title"
    before = [h for h in head if h.idx < best.idx and hd.labels.get(h.idx) == "banner"]
    if before and before[-1].n_words <= 3 and before[-1].idx == best.idx - 1:
        hd.section = before[-1].text
        hd.labels[before[-1].idx] = "section"


def parse_header(head: list[Line], page: list[Line] | None = None) -> Header:
    """Metadata from the lines before the body; every line gets a label.

    ``page`` (all lines of the page) lets the title scorer see repeats after the body.
    """
    hd = Header()
    candidates: list[Line] = []
    dates: list[Line] = []
    for ln in head:
        label = _read_line(ln, hd)
        if label == "date":
            dates.append(ln)
        if label is None:
            if _is_candidate(ln):
                candidates.append(ln)
            label = "banner" if ln.glued <= 1 else "breadcrumb"
        hd.labels[ln.idx] = label
    # lines that may quote the title: breadcrumbs, "3 thoughts on “…”", "Re: …", <title>
    page_text = [p.text.lower() for p in (page or head) if p.prose <= 0 and p.n_words <= 40]
    best = _pick_title(head, candidates, page_text)
    _set_title(head, best, hd)
    title_at = best.idx if best is not None else None
    _bare_author(head, title_at, hd)
    for ln in head:
        if hd.path_date is None and (m := PATH_DATE.search(ln.text)):
            hd.path_date = parse_date(f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}")
    for ln in dates:
        hit = ln.date or _place_date(ln) or _lead_date(ln)
        if hit is None:
            continue
        if UPDATE.search(ln.text[: hit.start]):
            hd.updated = hd.updated or hit  # "Updated: …", "Last updated 19:40, 13 April 2018"
        elif title_at is not None and ln.idx > title_at:
            hd.dateline = hd.dateline or hit
        else:
            hd.banner = hd.banner or hit
    if hd.section is None and hd.tags:
        hd.section = hd.tags[0]
    return hd
