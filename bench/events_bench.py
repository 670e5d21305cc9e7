"""Event coding throughput: sentences/s end to end, next to spaCy parsing alone, same run.

The clean bodies of the sample corpus (and seed pages when present) are
replicated to about ``--sentences`` sentences, then timed twice:

1. spaCy's ``nlp.pipe`` alone (tagging, parsing, entities);
2. actor resolution and event extraction on those parses;

and reports the end-to-end rate.

PETRARCH-2 coded about 250 sentences/s after a separate parser that managed
2–5 sentences/s; the end-to-end figure here includes the parse.

    python bench/events_bench.py [--sentences 3000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dragoman import nlp
from dragoman.actors import resolve_actors
from dragoman.clean import clean
from dragoman.events import extract_events
from dragoman.read import iter_documents

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "samples", ROOT.parent / "shared" / "corpus" / "seeds"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=3000)
    args = ap.parse_args()
    arts = [clean(d) for d in iter_documents([str(p) for p in SOURCES if p.is_dir()])]
    per = sum(len(list(d.sents)) for d in nlp.parse([a.text for a in arts]))
    reps = max(1, args.sentences // per)
    batch = arts * reps
    n_sent = per * reps
    t0 = time.perf_counter()
    docs = list(nlp.parse([a.text for a in batch]))
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = 0
    for art, doc in zip(batch, docs):
        art.actors = resolve_actors(art, doc)
        n_events += len(extract_events(art, doc))
    code_s = time.perf_counter() - t0
    print(f"sentences: {n_sent} ({len(batch)} articles); events coded: {n_events} ({n_events / n_sent:.2f} per sentence)")
    print(f"spaCy parse alone          : {n_sent / parse_s:8.1f} sentences/s")
    print(f"actors + events on parses  : {n_sent / code_s:8.1f} sentences/s")
    print(f"end to end (parse + coding): {n_sent / (parse_s + code_s):8.1f} sentences/s "
          f"({(parse_s + code_s) / parse_s:.2f}x the parse alone)")


if __name__ == "__main__":
    main()
