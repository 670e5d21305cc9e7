"""Named people with dated CAMEO codes (``resources/people.tsv``, from the Phoenix dictionaries).

A full name or alias matches case-insensitively; a surname alone matches only
when one person with that surname held a coded position on the article's date
("Bush" in 2007). Among a person's codes, the one in force on the date wins;
with none in force, the nearest in time (a person's country rarely changes).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from dragoman import resources

Period = tuple[str, str, str]  # code, start, end (ISO, "" = open)


def _key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", name.lower().replace("-", " ")).strip()


@cache
def _index() -> tuple[dict[str, list[Period]], dict[str, list[tuple[str, list[Period]]]]]:
    full: dict[str, list[Period]] = {}
    surname: dict[str, list[tuple[str, list[Period]]]] = {}
    for row in resources.table("people.tsv"):
        periods = [tuple(p.split(":")) for p in row["periods"].split("|") if p.count(":") == 2]
        for n in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            full.setdefault(_key(n), periods)  # type: ignore[arg-type]
        surname.setdefault(_key(row["name"]).split()[-1], []).append((row["name"], periods))  # type: ignore[arg-type]
    return full, surname


def _active(periods: list[Period], on: date | None, dated: bool = False) -> list[str]:
    """Codes in force on ``on``; with ``dated``, only those with a stated start or end."""
    if on is None:
        return [c for c, s, e in periods if not dated or s or e]
    day = on.isoformat()
    return [c for c, s, e in periods if (not s or s <= day) and (not e or day < e) and (not dated or s or e)]


def _nearest(periods: list[Period], on: date | None) -> str | None:
    """The code of the period closest in time to ``on`` (the last listed without a date)."""
    if not periods:
        return None
    if on is None:
        return periods[-1][0]

    def distance(p: Period) -> int:
        bound = p[1] or p[2]
        return abs(date.fromisoformat(bound).toordinal() - on.toordinal()) if bound else 0

    return min(periods, key=distance)[0]


ROLE_ORDER = ["GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "ELI"]


def _best(codes: list[str]) -> str | None:
    if not codes:
        return None
    return min(codes, key=lambda c: next((i for i, r in enumerate(ROLE_ORDER) if r in c[3:]), len(ROLE_ORDER)))


def person_code(name: str, on: date | None) -> str | None:
    """The CAMEO code of a named person on a date, if the dictionary knows them."""
    full, surname = _index()
    key = _key(name)
    if key in full:
        periods = full[key]
        return _best(_active(periods, on)) or _nearest(periods, on)
    parts = key.split()
    if not parts:
        return None
    if len(parts) == 1:  # a surname: only one person with it may hold a dated post then
        live = [(n, _best(_active(p, on, dated=True))) for n, p in surname.get(parts[0], [])]
        live = [(n, c) for n, c in live if c]
        return live[0][1] if len(live) == 1 else None
    # first and last name, middle names left out ("Ali Larijani" for "Ali Ardeshir Larijani")
    same = [p for n, p in surname.get(parts[-1], []) if _key(n).split()[0] == parts[0]]
    if len(same) == 1:
        return _best(_active(same[0], on)) or _nearest(same[0], on)
    return None
