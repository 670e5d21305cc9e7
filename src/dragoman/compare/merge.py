"""Merge the events of a story's articles into story events: one happening, many sources.

Two event records report the same happening when their actors agree at the
country level (a side one source leaves unnamed is no contradiction), their
codes share a CAMEO root, their dates are compatible at the coarser of the two
precisions (an event dated only by its report lies in the week before it), and
their places do not differ. Each story event lists its supporting articles and
outlets and counts independent outlets: copies of one text count once.
Disagreements inside a merged event (dates, codes, actors) are flagged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dragoman.model import country

SYMMETRIC_ROOTS = {"03", "04", "05", "06"}
REPORT_WINDOW_DAYS = 7
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class StoryEvent:
    """A happening in a story, supported by one or more event records."""

    records: list[sqlite3.Row] = field(default_factory=list)

    @property
    def lead(self) -> sqlite3.Row:
        """The record with the most precise own date (then the most specific actors)."""
        def rank(r: sqlite3.Row) -> tuple[int, int, int]:
            return (r["date_source"] == "report", PRECISION_RANK.get(r["date_precision"] or "year", 4),
                    -(bool(r["source_code"]) + bool(r["target_code"])))
        return min(self.records, key=rank)

    def actors(self) -> tuple[set[str], str | None, str | None]:
        srcs = {country(r["source_code"]) for r in self.records} - {None}
        tgts = {country(r["target_code"]) for r in self.records} - {None}
        return srcs | tgts, next(iter(srcs), None), next(iter(tgts), None)

    def disagreements(self) -> list[str]:
        out = []
        own = {r["date"] for r in self.records if r["date_source"] != "report" and r["date_precision"] == "day"}
        if len(own) > 1:
            out.append("dates differ: " + ", ".join(sorted(own)))
        codes = {r["cameo"] for r in self.records}
        if len(codes) > 1:
            out.append("codes differ: " + ", ".join(sorted(codes)))
        pairs = {(country(r["source_code"]), country(r["target_code"])) for r in self.records if r["source_code"] and r["target_code"]}
        if len({frozenset(p) for p in pairs}) > 1:
            out.append("actors differ: " + "; ".join(f"{a}→{b}" for a, b in sorted(pairs, key=str)))
        return out


def _day(value: str) -> date:
    v = value if len(value) >= 10 else (value + "-01-01")[:10] if len(value) == 4 else value + "-01"
    return date.fromisoformat(v[:10])


def dates_compatible(a: sqlite3.Row, b: sqlite3.Row) -> bool:
    if not a["date"] or not b["date"]:
        return True
    ra, rb = a["date_source"] == "report", b["date_source"] == "report"
    if ra and rb:
        return abs((_day(a["date"]) - _day(b["date"])).days) <= REPORT_WINDOW_DAYS
    if ra or rb:
        rep, own = (a, b) if ra else (b, a)
        if own["date_precision"] in ("month", "year"):
            return rep["date"].startswith(own["date"])
        return 0 <= (_day(rep["date"]) - _day(own["date"])).days <= REPORT_WINDOW_DAYS
    pa, pb = a["date_precision"], b["date_precision"]
    coarse = max(pa, pb, key=lambda p: PRECISION_RANK.get(p or "year", 4))
    width = {"day": 10, "week": 10, "month": 7, "year": 4}.get(coarse or "year", 4)
    if coarse in ("day",):
        return abs((_day(a["date"]) - _day(b["date"])).days) <= 1
    if coarse == "week":
        return abs((_day(a["date"]) - _day(b["date"])).days) <= 7
    return a["date"][:width] == b["date"][:width]


def actors_compatible(ev: StoryEvent, r: sqlite3.Row) -> bool:
    s, t = country(r["source_code"]), country(r["target_code"])
    if s is None:
        return False  # an actor without a code cannot be matched across outlets
    known, src, tgt = ev.actors()
    if r["root"] in SYMMETRIC_ROOTS:
        mine = {s, t} - {None}
        return bool(mine & known) and (mine <= known or known <= mine)
    return src == s and (t is None or tgt is None or t == tgt)


def places_compatible(ev: StoryEvent, r: sqlite3.Row) -> bool:
    if not r["place_name"]:
        return True
    places = {x["place_name"] for x in ev.records if x["place_name"]}
    return not places or r["place_name"] in places


def merge(rows: list[sqlite3.Row]) -> list[StoryEvent]:
    """Story events from event rows; hypothetical and negated records are left out."""
    usable = [r for r in rows if r["modality"] != "hypothetical" and not r["negated"]]
    usable.sort(key=lambda r: (r["date_source"] == "report", PRECISION_RANK.get(r["date_precision"] or "year", 4), r["id"]))
    merged: list[StoryEvent] = []
    for r in usable:
        for ev in merged:
            if (ev.lead["root"] == r["root"] and actors_compatible(ev, r) and places_compatible(ev, r)
                    and all(dates_compatible(x, r) for x in ev.records)):
                ev.records.append(r)
                break
        else:
            merged.append(StoryEvent([r]))
    merged.sort(key=lambda ev: (ev.lead["date"] or "9999", PRECISION_RANK.get(ev.lead["date_precision"] or "year", 4), ev.lead["id"]))
    return merged


def item(ev: StoryEvent, outlet_of: dict[str, str], source_of: dict[str, str]) -> dict[str, Any]:
    """The JSON form of a story event (a timeline item)."""
    lead = ev.lead
    arts = sorted({r["article_id"] for r in ev.records})
    outlets = sorted({outlet_of[a] for a in arts})
    return {
        "date": lead["date"], "date_precision": lead["date_precision"], "date_source": lead["date_source"],
        "source": {"name": lead["source_name"], "code": lead["source_code"]} if lead["source_name"] else None,
        "target": {"name": lead["target_name"], "code": lead["target_code"]} if lead["target_name"] else None,
        "cameo": lead["cameo"], "root": lead["root"], "quad_class": lead["quad_class"], "goldstein": lead["goldstein"],
        "plover": lead["plover"], "modality": lead["modality"],
        "place": {"name": lead["place_name"], "country": lead["place_country"], "lat": lead["place_lat"], "lon": lead["place_lon"]}
        if lead["place_name"] else None,
        "articles": arts, "outlets": outlets, "n_outlets": len({source_of[a] for a in arts}),
        "evidence": [{"article_id": r["article_id"], "event_id": r["id"], "sentence": r["sentence"], "start": r["start"],
                      "end": r["end"]} for r in sorted(ev.records, key=lambda r: (r["article_id"], r["start"]))],
        "disagreements": ev.disagreements(),
    }
