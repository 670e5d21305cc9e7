"""Resolve the date phrases of a sentence against the article's publication date.

News dates events relative to the report: "on Monday" is the latest Monday
on or before publication, "last December" the latest December before it,
"late March and early April" a month (March) with month precision. Each result
keeps its precision (day, week, month, year) so a month-precise event is never
placed on a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.dates.absolute import MONTHS, find_dates

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]
_WD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH = re.compile(r"\b(?:(?P<mod>last|this|next|late|early|mid|mid-|in|since|until|by)\s+)?(?P<m>" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d)", re.I)
_YEAR = re.compile(r"\b(?:in|since|during|by|of)\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
         "tomorrow": 1}
_SPANS = {  # phrase → (days back, precision)
    "last week": (7, "week"), "past week": (7, "week"), "this week": (0, "week"), "next week": (-7, "week"),
    "last month": (30, "month"), "past month": (30, "month"), "this month": (0, "month"), "next month": (-30, "month"),
    "last year": (365, "year"), "past year": (365, "year"), "this year": (0, "year"), "next year": (-365, "year"),
}


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "couple": 2}
_UNITS = {"day": (1, "day"), "week": (7, "week"), "month": (30, "month"), "year": (365, "year")}
_DURATION = re.compile(r"\b(?P<n>\d+|" + "|".join(_NUMBERS) + r")\s+(?:of\s+)?(?P<u>day|week|month|year)s?\b", re.I)


def duration(text: str) -> tuple[int, str] | None:
    """('two months' →) (days, precision) of a duration phrase, if it is one."""
    m = _DURATION.search(text)
    if not m:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
    days, precision = _UNITS[m.group("u").lower()]
    return n * days, precision


def before(ref: date, days: int, precision: str, phrase: str) -> "Resolved":
    """The date ``days`` before ``ref`` at the given precision ("two months ago")."""
    return Resolved(_fmt(ref - timedelta(days=days), precision), precision, phrase)


@dataclass(frozen=True)
class Resolved:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | week | month | year
    phrase: str


def _fmt(d: date, precision: str) -> str:
    return d.isoformat() if precision in ("day", "week") else d.isoformat()[:7] if precision == "month" else str(d.year)


def resolve(phrase: str, ref: date | None) -> Resolved | None:
    """The date a phrase names, relative to ``ref`` (the publication date) where needed."""
    text = phrase.strip()
    low = text.lower()
    for hit in find_dates(text):
        return Resolved(hit.value[:10] if hit.precision != "month" else hit.value, "day" if hit.precision != "month" else "month", text)
    if ref is None:
        m = re.search(r"\b(19|20)\d{2}\b", low)
        return Resolved(m.group(0), "year", text) if m else None
    if re.search(r"\bago\b", low) and (d := duration(low)):
        return before(ref, d[0], d[1], text)
    for key, delta in _DAYS.items():
        if re.search(rf"\b{key}\b", low):
            return Resolved((ref + timedelta(days=delta)).isoformat(), "day", text)
    if m := _WD.search(low):
        back = (ref.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
        if "next" in low:
            back = back - 7 if back else -7
        return Resolved((ref - timedelta(days=back)).isoformat(), "day", text)
    for key, (back, precision) in _SPANS.items():
        if key in low:
            return Resolved(_fmt(ref - timedelta(days=back), precision), precision, text)
    if m := _MONTH.search(text):
        month = MONTHS[m.group("m").lower()[:3]]
        mod = (m.group("mod") or "").lower()
        if mod == "next":
            year = ref.year + (1 if month <= ref.month else 0)
        else:
            year = ref.year if month < ref.month or (month == ref.month and mod not in ("last",)) else ref.year - 1
        return Resolved(f"{year:04d}-{month:02d}", "month", text)
    if m := _YEAR.search(text) or re.fullmatch(r"(?P<y>(?:19|20)\d{2})", low):
        return Resolved(m.group("y"), "year", text)
    return None
