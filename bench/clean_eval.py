"""Score the plain-text cleaner on held-out pages: body token F1 and metadata.

Pages and gold live in ``tests/data/heldout/`` (original text written for the
project by someone who had not seen the cleaner). Body F1 compares bags of
tokens (with multiplicity) of the predicted and gold body, macro-averaged.

    python bench/clean_eval.py [-v] [--split dev|test|all]

Pages 001–015 are the development split (look at them freely); pages 016–030
are the test split, to be scored only to report figures, never to tune rules.
A second set, written later by someone else who had not seen the cleaner,
splits the same way: 031–045 (``dev2``) and 046–060 (``test2``); a third,
stressing dates and bylines: 061–075 (``dev3``) and 076–090 (``test3``).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from dragoman.clean import clean
from dragoman.errors import InputError
from dragoman.read import iter_documents

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout"
TOKEN = re.compile(r"\w+|[^\w\s]")
SPLITS = {"dev": range(1, 16), "test": range(16, 31), "dev2": range(31, 46), "test2": range(46, 61),
          "dev3": range(61, 76), "test3": range(76, 91)}


def pages(folder: Path, split: str = "all") -> list[Path]:
    """The page files of a split, chosen by their three-digit number prefix."""
    found = sorted(folder.glob("*.txt"))
    if split == "all":
        return found
    keep = SPLITS[split]
    return [p for p in found if p.name[:3].isdigit() and int(p.name[:3]) in keep]


def f1(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(TOKEN.findall(pred.lower())), Counter(TOKEN.findall(gold.lower()))
    tp = sum((p & g).values())
    prec = tp / max(1, sum(p.values()))
    rec = tp / max(1, sum(g.values()))
    return prec, rec, 2 * prec * rec / max(1e-9, prec + rec)


def evaluate(folder: Path = HELDOUT, split: str = "all") -> dict[str, object]:
    rows = []
    for doc in iter_documents([str(p) for p in pages(folder, split)]):
        gold = json.loads(Path(doc.uri).with_suffix(".gold.json").read_text(encoding="utf-8"))
        try:
            a = clean(doc)
            body, title, authors, published = a.text, a.title, a.authors, a.published
            n_comments, bio, refs = len(a.comments), bool(a.bio), len(a.references)
        except InputError:
            body, title, authors, published, n_comments, bio, refs = "", None, [], None, 0, False, 0
        p, r, f = f1(body, gold["body"])
        rows.append({"page": Path(doc.uri).name, "p": p, "r": r, "f1": f,
                     "title": title == gold.get("title"), "authors": authors == gold.get("authors", []),
                     "published": published == gold.get("published"), "comments": n_comments == gold.get("n_comments", 0),
                     "bio": bio == gold.get("has_bio", False), "refs": refs == gold.get("n_references", 0)})
    n = len(rows)
    summary = {k: sum(r[k] for r in rows) / n for k in ("p", "r", "f1", "title", "authors", "published", "comments", "bio", "refs")}
    return {"pages": n, "summary": summary, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per page")
    ap.add_argument("--split", choices=("dev", "test", "dev2", "test2", "dev3", "test3", "all"), default="all",
                    help="dev = pages 001-015, test = 016-030, dev2 = 031-045, test2 = 046-060, dev3 = 061-075, "
                         "test3 = 076-090 (default: all)")
    args = ap.parse_args()
    res = evaluate(split=args.split)
    if args.verbose:
        for r in res["rows"]:
            flags = " ".join(k for k in ("title", "authors", "published", "comments", "bio", "refs") if not r[k])
            print(f"{r['page']:45s} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}  wrong: {flags}")
    s = res["summary"]
    print(f"held-out pages ({args.split}): {res['pages']}")
    print(f"body token  P={s['p']:.3f}  R={s['r']:.3f}  F1={s['f1']:.3f} (macro)")
    print("metadata accuracy: " + ", ".join(f"{k} {s[k]:.2f}" for k in ("title", "authors", "published", "comments", "bio", "refs")))


if __name__ == "__main__":
    main()
