"""Score event extraction against the hand-written gold events of samples/gold.json.

Each gold line reads like ``2023-02-14 KEN meets SOM in Addis Ababa [044]``:
an optional date, the source and target (country codes, or AU for the African
Union), and a CAMEO code. A gold event is found when one extracted event of the
same article has the same CAMEO root, the same source country (or organisation)
and, where the gold names one, the same target, and a date within three days
(or the same month when either side is month-precise). Events without a source
code in the gold are skipped. Precision is measured on the same matching: the
share of extracted events with a coded source that match some gold event; the
gold lists only each article's main events, so this precision is a lower bound.

    python bench/events_eval.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

from dragoman import nlp
from dragoman.actors import resolve_actors
from dragoman.clean import clean
from dragoman.compare.merge import country
from dragoman.events import extract_events
from dragoman.read import iter_documents

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ALIASES = {"AU": "IGOAFRAFU"}
LINE = re.compile(r"^(?:(?P<date>\d{4}-\d{2}-\d{2})\s+)?(?P<rest>.*)\[(?P<code>\d{2,4})\]\s*$")
CODE = re.compile(r"\b([A-Z]{2,3})\b")


def parse_gold(line: str) -> dict[str, str | None] | None:
    m = LINE.match(line)
    if not m:
        return None
    codes = [ALIASES.get(c, c) for c in CODE.findall(m.group("rest").split("(")[0] + " " + m.group("rest"))]
    codes = [c for c in codes if len(c) == 3 or c.startswith("IGO")]
    if not codes:
        return None
    return {"date": m.group("date"), "source": codes[0], "target": next((c for c in codes[1:] if c != codes[0]), None),
            "root": m.group("code")[:2]}


def matches(g: dict[str, str | None], e) -> bool:  # type: ignore[no-untyped-def]
    if e.root != g["root"] or country(e.source.code if e.source else None) != g["source"]:
        return False
    if g["target"] and country(e.target.code if e.target else None) not in (g["target"], None):
        return False
    if g["date"] and e.date:
        if len(e.date) < 10:
            return g["date"].startswith(e.date)
        return abs((date.fromisoformat(g["date"]) - date.fromisoformat(e.date[:10])).days) <= 3
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    gold = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))
    docs = list(iter_documents([str(SAMPLES)]))
    arts = [clean(d) for d in docs]
    found = total = coded = correct = 0
    for doc, art, parsed in zip(docs, arts, nlp.parse([a.text for a in arts])):
        art.actors = resolve_actors(art, parsed)
        events = [e for e in extract_events(art, parsed) if e.modality != "hypothetical" and not e.negated]
        name = Path(doc.uri).name
        key = name if name in gold else next((k for k in gold if doc.meta.get("id") and k.endswith(str(doc.meta["id"]))), None)
        if key is None:
            key = next(k for k, v in gold.items() if v.get("title") == art.title)
        golds = [g for g in (parse_gold(x) for x in gold[key].get("events", [])) if g]
        for g in golds:
            total += 1
            hit = any(matches(g, e) for e in events)
            found += hit
            if args.verbose and not hit:
                print(f"  missed in {key[:30]}: {g}")
        for e in events:
            if e.source and e.source.code:
                coded += 1
                correct += any(matches(g, e) for g in golds)
    print(f"gold events (with a coded source): {total}; found: {found}; recall {found / max(1, total):.2f}")
    print(f"extracted events with a coded source: {coded}; matching a gold event: {correct}; "
          f"precision (lower bound) {correct / max(1, coded):.2f}")


if __name__ == "__main__":
    main()
