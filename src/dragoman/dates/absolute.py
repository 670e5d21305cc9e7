"""Find absolute dates as news pages write them, with their precision.

Formats: ``31.05.2007 17:19``, ``2023-03-12T10:00``, ``Thursday, July 18, 2024``,
``May 06, 2008``, ``12 March 2023``, ``March 12, 2023 at 7:34 pm``, ``March 2023``,
the mail-archive stamp ``Thu Nov 9 21:14:02 EST 2017``, and day-month-year dates
in the other languages news sites print (``6. April 2023``, ``21 de julho de 2022,
10h15``; month names in ``resources/clean_months.tsv``).
``2016/05/09``, ``11-Feb-2015``, and two-digit years (``06/11/19``) on short lines
only (in prose "went 4/7/18" is a score).
Numeric dates with dots are day-first (the European convention pages use with dots);
with slashes, day-first only when the first number cannot be a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dragoman import resources

MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WD = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+|um\s+|às\s+|à\s+|alle\s+|om\s+)?(?P<hh>\d{1,2})[:h](?P<mm>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
FOREIGN_MONTHS = {r["name"]: int(r["month"]) for r in resources.table("clean_months.tsv")}
_FMON = r"(?P<fmon>" + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True)) + r")"

TWO_DIGIT_YEAR = re.compile(rf"(?<![\d/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<yy>\d{{2}})(?![/\d]){_TIME}")  # 06/11/19
SHORT_DATE_TEXT = 40  # two-digit years are read only on a short line: a header field, a date line
PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})(?:[T ](?P<hh>\d{{2}}):(?P<mm>\d{{2}})(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"),
    re.compile(rf"\b{_YEAR}/(?P<mnum>\d{{1,2}})/(?P<day>\d{{1,2}})\b{_TIME}"),  # 2016/05/09
    re.compile(rf"\b(?P<day>\d{{1,2}})\.(?P<mnum>\d{{1,2}})\.{_YEAR}{_TIME}"),
    re.compile(rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_YEAR}{_TIME}"),
    re.compile(rf"\b{_WD}{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}{_TIME}", re.I),
    re.compile(rf"\b{_WD}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)(?:of\s+)?{MONTH}(?:,?\s+|-){_YEAR}{_TIME}", re.I),
    # ctime, as mail archives print it: "Thu Nov 9 21:14:02 EST 2017"
    re.compile(rf"\b{_WD}{MONTH}\s+(?P<day>\d{{1,2}})\s+(?P<hh>\d{{1,2}}):(?P<mm>\d{{2}})(?::\d{{2}})?(?:\s+[A-Z]{{2,5}})?\s+{_YEAR}\b"),
    # day-month-year in other languages: "6. April 2023", "21 de julho de 2022", "1er mars 2021"
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:\.|º|er)?\s+(?:de\s+)?{_FMON}\.?,?\s+(?:de\s+|del\s+)?{_YEAR}{_TIME}", re.I),
    TWO_DIGIT_YEAR,
    re.compile(rf"\b{MONTH}\s+{_YEAR}\b", re.I),
]


@dataclass(frozen=True)
class DateHit:
    """A date found in text: ISO value, precision, and its span."""

    value: str  # YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM
    precision: str  # "minute" | "day" | "month"
    start: int
    end: int
    alt: str | None = None  # the other reading of an ambiguous 04/09/2023

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.value[:10]) if self.precision in ("day", "minute") else None

    def sort_key(self) -> str:
        return self.value[:10] if len(self.value) >= 10 else self.value + "-01"


def _build(m: re.Match[str]) -> DateHit | None:
    g = m.groupdict()
    if g.get("year"):
        year = int(g["year"])
    else:  # a two-digit year: this century unless that would be in the future
        yy = int(g["yy"])
        year = 2000 + yy if 2000 + yy <= date.today().year + 1 else 1900 + yy
    alt = None
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        month, day = (b, a) if a > 12 else (a, b)
        alt = f"{year:04d}-{b:02d}-{a:02d}" if a <= 12 and b <= 12 and a != b else None
    elif g.get("mon"):
        month = MONTHS[g["mon"].lower()[:3]]
        day = int(g["day"]) if g.get("day") else 0
    elif g.get("fmon"):
        month, day = FOREIGN_MONTHS[g["fmon"].lower()], int(g["day"])
    else:
        month, day = int(g["mnum"]), int(g["day"])
    if not day:
        return DateHit(f"{year:04d}-{month:02d}", "month", m.start(), m.end()) if 1 <= month <= 12 else None
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if g.get("hh"):
        hh, mm = int(g["hh"]), int(g["mm"])
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if hh < 24 and mm < 60:
            return DateHit(f"{d.isoformat()}T{hh:02d}:{mm:02d}", "minute", m.start(), m.end(), alt)
    return DateHit(d.isoformat(), "day", m.start(), m.end(), alt)


def find_dates(text: str) -> list[DateHit]:
    """All absolute dates in ``text``, left to right, without overlaps."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pat in PATTERNS:
        if pat is TWO_DIGIT_YEAR and len(text) > SHORT_DATE_TEXT:
            continue  # "went 4/7/18" in prose is a score, not a date
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            hit = _build(m)
            if hit:
                hits.append(hit)
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def parse_date(text: str) -> DateHit | None:
    """The first absolute date in ``text``, if any."""
    hits = find_dates(text)
    return hits[0] if hits else None


_DATE_WORDS = "|".join(re.escape(w) for w in sorted(resources.words("clean_date_words.txt"), key=len, reverse=True))
# What may surround a date on a date-only line: the words above, time zones
# ("CEST", "GMT+2", "+01:00") and punctuation.
_FILLER = re.compile(
    rf"^[\s,.:;|/\-–—()]*(?:(?:{_DATE_WORDS}|[a-z]{{2,4}}t|[ap]\.m\.|[+-]\d{{1,2}}(?::?\d{{2}})?|\d{{1,2}}[:.]\d{{2}})"
    rf"[\s,.:;|/\-–—()]*)*$", re.I
)


def is_date_line(line: str) -> DateHit | None:
    """The date if ``line`` is nothing but a date (plus words like 'Posted on')."""
    hit = parse_date(line)
    if hit is None or hit.precision == "month":
        return None
    rest = line[: hit.start] + " " + line[hit.end :]
    return hit if _FILLER.match(rest) else None
