"""Offline gazetteer: countries (with capitals) and cities, with coordinates.

Cities come from ``resources/places.tsv`` (GeoNames facts, built by
``scripts/build_gazetteer.py``); countries from ``resources/countries.tsv``.
A name matches exactly (case-sensitive) on the name or an alias; the most
populous city wins a tie.
"""

from __future__ import annotations

from functools import cache

from dragoman import resources
from dragoman.model import Place


@cache
def _index() -> dict[str, Place]:
    idx: dict[str, Place] = {}
    for row in resources.table("places.tsv"):  # sorted by population, largest first
        place = Place(row["name"], row["country"], float(row["lat"]), float(row["lon"]))
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            idx.setdefault(name, place)
    for row in resources.table("countries.tsv"):
        lat, lon = row.get("capital_lat"), row.get("capital_lon")
        place = Place(row["name"], row["code"], None, None)
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            idx[name] = place  # a country name means the country, even if a town shares it
        cap = (row.get("capital") or "").strip()
        if cap and cap not in idx and lat and lon:
            idx[cap] = Place(cap, row["code"], float(lat), float(lon))
    return idx


def lookup(name: str) -> Place | None:
    """The place a name refers to, or None if the gazetteer does not know it."""
    name = name.strip().removeprefix("the ").strip()
    return _index().get(name)
