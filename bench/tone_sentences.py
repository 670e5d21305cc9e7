"""Score tone toward a named state, sentence by sentence, on bench/data/tone_sentences.tsv.

Each row is a sentence written for Dragoman, one target state (a CAMEO country
code) and the stance a careful reader takes the sentence to have toward it:
-1 hostile, 0 neither, +1 favourable. The writers had not read the tone code;
``dev`` rows were looked at while improving it, ``test`` rows only scored, and
``fresh`` rows were written after the rules were done and only scored.

Each sentence goes through the whole pipeline as a one-line record. Two
methods are compared on the same rows:

- directed: the mean directed tone of the target's mentions
  (``dragoman.tone.directed``, what the dossier reports);
- sentence: VADER's compound score of the whole sentence, less loaded terms
  (the method the dossier used before), the baseline.

A score within ±0.05 of zero reads as neutral (VADER's usual band). Printed:
three-class accuracy, macro F1, sign accuracy on the polar rows, the mean score
by gold class, and how many rows had no mention of the target.

    python bench/tone_sentences.py [--split dev|test|fresh|all] [-v | --wrong]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter
from pathlib import Path
from statistics import mean

from dragoman.model import Article, Document, country
from dragoman.pipeline import process
from dragoman.tone.sentiment import tone as sentence_tone

DATA = Path(__file__).resolve().parent / "data" / "tone_sentences.tsv"
BAND = 0.05


def read_gold(path: Path, split: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if split == "all" or r["split"] == split]


def label(x: float | None) -> int:
    if x is None or abs(x) < BAND:
        return 0
    return 1 if x > 0 else -1


def directed_score(article: Article, target: str) -> float | None:
    """Mean directed tone of the target's (non-population) mentions, or None if it is not mentioned."""
    vals = [m.tone for m in article.actors
            if country(m.actor.code) == target and m.tone_role not in (None, "people") and m.tone is not None]
    return mean(vals) if vals else None


def report(name: str, gold: list[int], pred: list[int], scores: list[float | None]) -> None:
    n = len(gold)
    acc = sum(g == p for g, p in zip(gold, pred)) / n
    f1s = []
    for c in (-1, 0, 1):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    polar = [(g, p) for g, p in zip(gold, pred) if g]
    sign = sum(g == p for g, p in polar) / len(polar) if polar else 0.0
    by_class = {c: mean([s or 0.0 for g, s in zip(gold, scores) if g == c] or [0.0]) for c in (-1, 0, 1)}
    print(f"{name:9s} accuracy {acc:.3f}  macro-F1 {mean(f1s):.3f}  sign on polar rows {sign:.3f}  "
          f"mean score: hostile {by_class[-1]:+.3f} neutral {by_class[0]:+.3f} favourable {by_class[1]:+.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "test", "fresh", "all"])
    ap.add_argument("--file", type=Path, default=DATA)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every row")
    ap.add_argument("--wrong", action="store_true", help="print rows the directed method gets wrong")
    args = ap.parse_args()
    rows = read_gold(args.file, args.split)
    texts = {r["text"] for r in rows}
    docs = [Document(id=hashlib.sha1(t.encode()).hexdigest()[:16], uri=t[:40], content_type="record", text=t) for t in sorted(texts)]
    articles = {doc.text: art for doc, art in process(docs) if isinstance(art, Article)}
    gold, d_pred, d_scores, s_pred, s_scores, missing = [], [], [], [], [], 0
    roles: Counter[str] = Counter()
    for r in rows:
        art = articles.get(r["text"])
        g = int(r["stance"])
        d = directed_score(art, r["target"]) if art else None
        s = sentence_tone(r["text"])
        missing += d is None
        if art:
            roles.update(m.tone_role for m in art.actors if country(m.actor.code) == r["target"])
        gold.append(g)
        d_pred.append(label(d))
        d_scores.append(d)
        s_pred.append(label(s))
        s_scores.append(s)
        if args.verbose or (args.wrong and label(d) != g):
            print(f"{r['id']:5s} {r['target']} gold {g:+d} directed {d if d is not None else float('nan'):+.2f} "
                  f"sentence {s:+.2f}  {r['text']}")
    print(f"{len(rows)} rows ({args.split}); gold: " + ", ".join(f"{c:+d}: {gold.count(c)}" for c in (-1, 0, 1))
          + f"; target not found in {missing}; mention roles: {dict(roles)}")
    report("directed", gold, d_pred, d_scores)
    report("sentence", gold, s_pred, s_scores)


if __name__ == "__main__":
    main()
