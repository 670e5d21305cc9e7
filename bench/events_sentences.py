"""Score the event coder sentence by sentence on bench/data/event_sentences.tsv.

The file holds newswire-style sentences written for Dragoman, each with its
publication date and the events a careful coder would list ("USA>IRN:112"), or
NONE. It was written by someone who had not read the coder, and is split into
``dev`` (looked at while improving the coder) and ``test`` (only scored).

Each sentence goes through the whole pipeline (clean, parse, extract) as a
one-line record published on its date, as a user would ingest it. An
extracted event counts when it has a coded source and is neither hypothetical
nor negated (a negated event did not happen; "did not accept" comes out as a
rejection, not as a negated acceptance). The unit is the triple (source
country, target country, CAMEO root), as in the field's gold-standard
evaluations; organisations count as "IGO", and a missing target as "-".

- precision: extracted triples that are in the sentence's gold, over all
  extracted triples (strict: a missing target is wrong when the gold names one);
- lenient precision: a missing target is accepted;
- recall: gold triples found;
- over-coding: sentences coded with more triples than the gold lists, and
  events coded in NONE sentences.

With ``--dyadic`` only events whose target is coded count, as ``dragoman
export events`` writes them by default.

    python bench/events_sentences.py [--split dev|test|all] [--dyadic] [-v | --wrong]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter
from pathlib import Path

from dragoman.errors import InputError
from dragoman.model import Article, Document
from dragoman.pipeline import process

DATA = Path(__file__).resolve().parent / "data" / "event_sentences.tsv"
Triple = tuple[str, str, str]
FIELDS = ["id", "split", "date", "sentence", "events"]


def read_gold(path: Path, split: str) -> list[dict[str, object]]:
    """Rows of the gold file for one split (or all), with events parsed into triples."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = []
    for row in csv.DictReader(lines, fieldnames=FIELDS, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["id"] == "id":
            continue  # the header row
        if split != "all" and row["split"] != split:
            continue
        events: set[Triple] = set()
        if row["events"].strip() != "NONE":
            for item in row["events"].split("|"):
                pair, code = item.strip().rsplit(":", 1)
                src, tgt = pair.split(">")
                events.add((src.strip(), tgt.strip(), code.strip()[:2]))
        rows.append({**row, "gold": events})
    return rows


def level(code: str | None) -> str:
    """Country level of an actor code, as the gold writes it."""
    if not code:
        return "-"
    return "IGO" if code.startswith(("IGO", "NGO")) else code[:3]


def document(row: dict[str, object]) -> Document:
    """A gold sentence as the record a user would ingest: its text and its publication date."""
    text = str(row["sentence"])
    return Document(id=hashlib.sha1(text.encode()).hexdigest()[:16], uri=str(row["id"]), content_type="record",
                    text=text, meta={"published": str(row["date"])})


def coded(article: Article | InputError) -> set[Triple]:
    """The triples Dragoman extracts from one gold sentence (none if the page was rejected)."""
    out: set[Triple] = set()
    if not isinstance(article, Article):
        return out
    for e in article.events:
        if e.negated or e.modality == "hypothetical" or not (e.source and e.source.code):
            continue
        out.add((level(e.source.code), level(e.target.code if e.target else None), e.root))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--file", type=Path, default=DATA)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every sentence with an error")
    ap.add_argument("--wrong", action="store_true", help="print only sentences with a wrong extracted triple")
    ap.add_argument("--dyadic", action="store_true", help="score only events with both actors coded (as dyadic analyses use)")
    args = ap.parse_args()
    rows = read_gold(args.file, args.split)
    tp = lenient = pred = gold_n = over = none_coded = 0
    by_root: Counter[str] = Counter()
    by_root_ok: Counter[str] = Counter()
    for row, (_, article) in zip(rows, process([document(r) for r in rows])):
        got = coded(article)
        if args.dyadic:
            got = {t for t in got if t[1] != "-"}
        gold: set[Triple] = row["gold"]  # type: ignore[assignment]
        ok = got & gold
        soft = {t for t in got if t in gold or (t[1] == "-" and any(g[0] == t[0] and g[2] == t[2] for g in gold))}
        tp += len(ok)
        lenient += len(soft)
        pred += len(got)
        gold_n += len(gold)
        over += len(got) > max(1, len(gold))
        none_coded += not gold and bool(got)
        for t in got:
            by_root[t[2]] += 1
            by_root_ok[t[2]] += t in gold
        if (args.verbose and got != gold) or (args.wrong and got - gold):
            print(f"{row['id']} {row['sentence']}\n   gold {sorted(gold) or 'NONE'}\n   got  {sorted(got) or 'NONE'}")
    print(f"split {args.split}: {len(rows)} sentences, {gold_n} gold triples, {pred} extracted")
    print(f"precision {tp / max(1, pred):.3f} (strict), {lenient / max(1, pred):.3f} (missing target accepted)")
    print(f"recall    {tp / max(1, gold_n):.3f}")
    print(f"over-coded sentences: {over}; NONE sentences given an event: {none_coded}")
    print("precision by root: " + ", ".join(f"{r} {by_root_ok[r]}/{n}" for r, n in sorted(by_root.items())))


if __name__ == "__main__":
    main()
