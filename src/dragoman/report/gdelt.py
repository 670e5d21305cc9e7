"""GDELT 2.0 Event table rows (tab-separated, no header, 61 columns) from event rows.

Columns follow the GDELT Event Codebook V2.0 where Dragoman has the fact;
the rest stay empty. Differences worth knowing: country codes are ISO-3
(GDELT's geography uses FIPS), ``GLOBALEVENTID`` is a stable hash of
Dragoman's event id, and a month-precise date is written as the month's first day.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from dragoman import resources


def _columns() -> list[str]:
    return [ln.strip() for ln in resources.path("gdelt_event_columns.txt").read_text().splitlines() if ln.strip() and not ln.startswith("#")]


def _ymd(value: str | None) -> date | None:
    if not value:
        return None
    parts = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10] if len(value) == 7 else value[:10]
    return date.fromisoformat(parts)


def gdelt_row(r: sqlite3.Row) -> dict[str, str]:
    d = _ymd(r["date"])
    pub = _ymd(r["published"])
    out: dict[str, str] = {}
    out["GLOBALEVENTID"] = str(int(hashlib.sha1(r["id"].encode()).hexdigest()[:13], 16))
    if d:
        out.update(SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=str(d.year),
                   FractionDate=f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}")
    for n, prefix in ((1, "source"), (2, "target")):
        code = r[f"{prefix}_code"] or ""
        if r[f"{prefix}_name"]:
            out[f"Actor{n}Code"] = code
            out[f"Actor{n}Name"] = r[f"{prefix}_name"].upper()
            if len(code) >= 3 and not code.startswith(("IGO", "NGO")):
                out[f"Actor{n}CountryCode"] = code[:3]
                out[f"Actor{n}Type1Code"] = code[3:6]
            elif code:
                out[f"Actor{n}KnownGroupCode"] = code[3:6]
                out[f"Actor{n}Type1Code"] = code[:3]
    out.update(IsRootEvent="1" if r["start"] == 0 else "0", EventCode=r["cameo"], EventBaseCode=r["cameo"][:3],
               EventRootCode=r["root"], QuadClass=str(r["quad_class"]), GoldsteinScale=f"{r['goldstein']:.1f}",
               NumMentions="1", NumSources="1", NumArticles="1", AvgTone="0")
    if r["place_name"]:
        out.update(ActionGeo_Type="4" if r["place_lat"] is not None else "1", ActionGeo_FullName=r["place_name"],
                   ActionGeo_CountryCode=r["place_country"] or "",
                   ActionGeo_Lat="" if r["place_lat"] is None else f"{r['place_lat']:.4f}",
                   ActionGeo_Long="" if r["place_lon"] is None else f"{r['place_lon']:.4f}")
    if pub:
        out["DATEADDED"] = pub.strftime("%Y%m%d") + "000000"
    out["SOURCEURL"] = r["uri"] or ""
    return out


def write_gdelt(rows: Iterable[sqlite3.Row], out: TextIO) -> int:
    cols = _columns()
    n = 0
    for r in rows:
        rec = gdelt_row(r)
        out.write("\t".join(rec.get(c, "").replace("\t", " ") for c in cols) + "\n")
        n += 1
    return n
