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

BANNER_GAP_DAYS = 365
LEAD_CHARS = 160  # a lead's dateline stands within its first characters
LEAD_DASH = re.compile(r"\s(?:--|—|–)\s|/\s*--")


def lead_dateline(first_paragraph: str) -> DateHit | None:
    """The date in a lead's dateline ("CITY, May 12, 2022 /Wire/ -- …"), if the lead has one."""
    m = LEAD_DASH.search(first_paragraph[:LEAD_CHARS])
    if not m:
        return None
    hits = [h for h in find_dates(first_paragraph[: m.start()]) if h.precision != "month"]
    return hits[0] if hits else None


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
