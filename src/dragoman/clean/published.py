"""Decide the publication date, and say where it came from.

A date printed with the byline is the dateline; so is a date in the lead's
dateline (``OULU, Finland, May 12, 2022 /Wire/ -- …``), as wires and press
releases print it. A date alone at the top of a
page may be the page's "today" banner: when every full date the article itself
cites is more than a year older than that banner, the banner is kept as
``page_date`` only, and the publication date is inferred as the latest cited
date (the article cannot predate what it cites), flagged ``inferred``.
"""

from __future__ import annotations

import re
from datetime import date

from dragoman.dates import DateHit, find_dates
from dragoman.dates.absolute import MONTH, MONTHS

BANNER_GAP_DAYS = 365
LEAD_CHARS = 160  # a lead's dateline stands within its first characters
LEAD_DASH = re.compile(r"\s(?:--|—|–)\s|/\s*--|\)\s+-\s")
# "NAIROBI, Feb 9 —", "San Isidro del Valle, Nov 23 (Wire) -": a place, a comma, then month and day
MONTH_DAY = re.compile(rf"^[A-Z][\w'’. -]{{1,40}},(?:\s+[A-Z][\w'’. -]{{1,30}},)?\s+{MONTH}\s+(?P<day>\d{{1,2}})\b(?!\s*,?\s*\d{{4}})")
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)[^\n]{0,80}", re.I)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def lead_dateline(first_paragraph: str, year: int | None = None) -> DateHit | None:
    """The date in a lead's dateline ("CITY, May 12, 2022 /Wire/ -- …"), if the lead has one.

    A wire dateline often omits the year ("NAIROBI, Feb 9 —"); ``year``, from the page's
    other dates, completes it.
    """
    m = LEAD_DASH.search(first_paragraph[:LEAD_CHARS])
    if not m:
        return None
    head = first_paragraph[: m.start()]
    hits = [h for h in find_dates(head) if h.precision != "month"]
    if hits:
        return hits[0]
    md = MONTH_DAY.match(head)
    if md is None or year is None:
        return None
    try:
        d = date(year, MONTHS[md.group("mon").lower()[:3]], int(md.group("day")))
    except ValueError:
        return None
    return DateHit(d.isoformat(), "day", md.start(), md.end())


def year_hint(*dates: DateHit | None, cited: list[date], page_text: str) -> int | None:
    """The year a page is from, for a date printed without one: its other dates, else its copyright line."""
    for hit in dates:
        if hit is not None and hit.day is not None:
            return hit.day.year
    if cited:
        return cited[-1].year
    for line in COPYRIGHT.findall(page_text):
        years = YEAR.findall(line)
        if years:
            return int(years[-1])  # "© 1998–2024": the page is from the last
    return None


def cited_dates(*texts: str) -> list[date]:
    """Day-precise dates written in the given texts."""
    return sorted(d for t in texts for h in find_dates(t) if (d := h.day) is not None)


def reading(hit: DateHit, context: list[date]) -> str:
    """The reading of a possibly ambiguous numeric date nearest the page's other dates."""
    if not hit.alt or not context:
        return hit.value[:10]
    mid = context[len(context) // 2]
    return min((hit.value[:10], hit.alt), key=lambda v: abs((date.fromisoformat(v) - mid).days))


def decide(
    dateline: DateHit | None, banner: DateHit | None, cited: list[date], context: list[date] | None = None
) -> tuple[str | None, str | None, str | None]:
    """Return (published, published_source, page_date).

    ``cited`` are dates the article cites; ``context`` adds other dates of the
    page (comments) used only to read ambiguous numeric dates.
    """
    context = sorted(context or cited)
    page_date = reading(banner, context) if banner else None
    if dateline:
        return reading(dateline, context), "dateline", page_date
    if banner:
        latest = cited[-1] if cited else None
        if latest and page_date and (date.fromisoformat(page_date) - latest).days > BANNER_GAP_DAYS:
            return latest.isoformat(), "inferred", page_date
        return page_date, "dateline", page_date
    if len(cited) >= 2:
        return cited[-1].isoformat(), "inferred", None
    return None, None, None
