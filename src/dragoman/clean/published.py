"""Decide the publication date, and say where it came from.

A date printed with the byline is the dateline. A date alone at the top of a
page may be the page's "today" banner: when every full date the article itself
cites is more than a year older than that banner, the banner is kept as
``page_date`` only, and the publication date is inferred as the latest cited
date (the article cannot predate what it cites), flagged ``inferred``.
"""

from __future__ import annotations

from datetime import date

from dragoman.dates import DateHit, find_dates

BANNER_GAP_DAYS = 365


def cited_dates(*texts: str) -> list[date]:
    """Day-precise dates written in the given texts."""
    return sorted(d for t in texts for h in find_dates(t) if (d := h.day) is not None)


def decide(dateline: DateHit | None, banner: DateHit | None, cited: list[date]) -> tuple[str | None, str | None, str | None]:
    """Return (published, published_source, page_date)."""
    page_date = banner.value[:10] if banner else None
    if dateline:
        return dateline.value[:10], "dateline", page_date
    if banner:
        latest = cited[-1] if cited else None
        if latest and banner.day and (banner.day - latest).days > BANNER_GAP_DAYS:
            return latest.isoformat(), "inferred", page_date
        return banner.value[:10], "dateline", page_date
    if len(cited) >= 2:
        return cited[-1].isoformat(), "inferred", None
    return None, None, None
