"""Score quote finding and attribution on bench/data/quote_paragraphs.jsonl.

Each line is a news passage written for Dragoman by someone who had not read the
quote code, with every quotation in it: the quoted words (direct, partial) or the
reported clause (indirect), the speaker as the passage names them most fully,
and the kind. ``dev`` passages were read while improving the code, ``test``
passages only scored.

Each passage goes through the whole pipeline as a one-paragraph record. A found
quote matches a gold quote when their texts overlap (after normalising quotation
marks and spaces, one contains the first five words of the other). Printed:

- detection recall per gold kind (direct, partial, indirect);
- detection precision: found quotes that match some gold quote (scare quotes and
  titles in quotation marks are not quotes); a later piece of a matched direct
  quote by the same speaker is part of it, as the gold lists only the first;
- speaker accuracy: matched quotes whose speaker is the gold one (names compare
  as in ``quotes_eval.py``: without case or articles, one may contain the other).

    python bench/quotes_passages.py [--split dev|test|all] [-v | --wrong]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from quotes_eval import same_speaker

from dragoman.model import Article, Document, Quote
from dragoman.pipeline import process

DATA = Path(__file__).resolve().parent / "data" / "quote_paragraphs.jsonl"
KINDS = ("direct", "partial", "indirect")


def _norm(text: str) -> str:
    text = re.sub(r"[\"“”‘’'«»]", "", text.lower())
    return " ".join(re.findall(r"\w+", text))


def matches(found: str, gold: str) -> bool:
    """Do two quote texts overlap? One holds the other's first five words (or all of a short one)."""
    f, g = _norm(found), _norm(gold)
    if not f or not g:
        return False
    head_g, head_f = " ".join(g.split()[:5]), " ".join(f.split()[:5])
    return head_g in f or head_f in g


def _continues(q: Quote, matched: list[Quote]) -> bool:
    """A later piece of a matched direct quote by the same speaker ("…," she said. "…"): the gold lists the first only."""
    return q.kind == "direct" and q.speaker is not None and any(
        m.kind == "direct" and m.speaker == q.speaker and m.end <= q.start for m in matched)


def read(path: Path, split: str) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def found_quotes(rows: list[dict]) -> dict[str, list[Quote]]:
    docs = [Document(id=hashlib.sha1(r["text"].encode()).hexdigest()[:16], uri=r["id"], content_type="record", text=r["text"])
            for r in rows]
    out: dict[str, list[Quote]] = {}
    for doc, art in process(docs):
        out[doc.uri] = art.quotes if isinstance(art, Article) else []
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--file", type=Path, default=DATA)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every passage")
    ap.add_argument("--wrong", action="store_true", help="print misses, extras and wrong speakers")
    args = ap.parse_args()
    rows = read(args.file, args.split)
    found = found_quotes(rows)
    gold_n, gold_hit = Counter(), Counter()
    n_found = n_found_ok = n_matched = n_speaker_ok = 0
    for r in rows:
        quotes = found[r["id"]]
        used: set[int] = set()
        lines = []
        for g in r["quotes"]:
            gold_n[g["kind"]] += 1
            hit = next((k for k, q in enumerate(quotes) if k not in used and matches(q.text, g["quote"])), None)
            if hit is None:
                lines.append(f"  MISSED {g['kind']:8s} {g['speaker']!r}: {g['quote'][:70]!r}")
                continue
            used.add(hit)
            gold_hit[g["kind"]] += 1
            n_matched += 1
            ok = same_speaker(quotes[hit].speaker, g["speaker"])
            n_speaker_ok += ok
            if not ok:
                lines.append(f"  SPEAKER {g['kind']:8s} gold {g['speaker']!r} found {quotes[hit].speaker!r}: {g['quote'][:50]!r}")
        for k, q in enumerate(quotes):
            n_found += 1
            ok = k in used or any(matches(q.text, g["quote"]) for g in r["quotes"]) or _continues(q, [quotes[j] for j in used])
            n_found_ok += ok
            if not ok:
                lines.append(f"  EXTRA  {q.kind:8s} {q.speaker!r}: {q.text[:70]!r}")
        if args.verbose or (args.wrong and lines):
            print(f"{r['id']}: {r['text'][:110]}")
            print("\n".join(lines))
    print(f"{len(rows)} passages ({args.split}); gold quotes: " + ", ".join(f"{k} {gold_n[k]}" for k in KINDS))
    print("detection recall: " + ", ".join(f"{k} {gold_hit[k] / gold_n[k]:.3f}" for k in KINDS if gold_n[k]))
    print(f"detection precision: {n_found_ok / max(1, n_found):.3f} ({n_found_ok} of {n_found} found quotes)")
    print(f"speaker accuracy on matched quotes: {n_speaker_ok / max(1, n_matched):.3f} ({n_speaker_ok} of {n_matched})")


if __name__ == "__main__":
    main()
