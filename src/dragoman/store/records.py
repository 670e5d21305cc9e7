"""Event and quote records: to table rows, and from rows to export objects."""

from __future__ import annotations

import sqlite3
from typing import Any

from dragoman.model import Event

EVENT_FIELDS = [
    "id", "article_id", "date", "date_precision", "date_source", "source", "target", "cameo", "root", "quad_class",
    "goldstein", "plover", "plover_mode", "place", "negated", "modality", "asserted_by", "sentence", "start", "end",
]
QUOTE_FIELDS = ["id", "article_id", "speaker", "text", "kind", "cue", "via", "start", "end"]
MENTION_FIELDS = ["article_id", "start", "end", "text", "name", "code", "country", "role", "kind", "tone", "tone_role"]


def event_row(e: Event) -> tuple[Any, ...]:
    s, t, p = e.source, e.target, e.place
    return (
        e.id, e.article_id, e.date, e.date_precision, e.date_source,
        s.name if s else None, s.code if s else None, s.kind if s else None,
        t.name if t else None, t.code if t else None, t.kind if t else None,
        e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.plover_mode,
        p.name if p else None, p.country if p else None, p.lat if p else None, p.lon if p else None,
        int(e.negated), e.modality, e.asserted_by, e.trigger, e.sentence, e.start, e.end,
    )


def event_record(r: sqlite3.Row) -> dict[str, Any]:
    """The export form of an event row (nested source/target/place objects)."""
    def actor(prefix: str) -> dict[str, Any] | None:
        if r[f"{prefix}_name"] is None:
            return None
        return {"name": r[f"{prefix}_name"], "code": r[f"{prefix}_code"]}

    place = None
    if r["place_name"]:
        place = {"name": r["place_name"], "country": r["place_country"], "lat": r["place_lat"], "lon": r["place_lon"]}
    rec = {k: r[k] for k in EVENT_FIELDS if k not in ("source", "target", "place", "negated")}
    rec.update(source=actor("source"), target=actor("target"), place=place, negated=bool(r["negated"]))
    return {k: rec[k] for k in EVENT_FIELDS}


def quote_record(r: sqlite3.Row) -> dict[str, Any]:
    rec = {k: r[k] for k in QUOTE_FIELDS if k != "speaker"}
    rec["speaker"] = {"name": r["speaker"], "actor_code": r["actor_code"]} if r["speaker"] else None
    return {k: rec[k] for k in QUOTE_FIELDS}
