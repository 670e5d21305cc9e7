"""Speaker precision and recall of direct quotes on samples/ (gold.json) and the seed pages.

A gold quote is located by its first words in the clean body. A found direct
quote starting there is its match; a found direct quote later in the same
paragraph, before the next gold quote, is a further piece of it (an interrupted
or continued quote) and is judged against the same speaker.

* detection: gold direct quotes (kinds direct, interrupted, block) that are found as
  direct quotes; found direct quotes that belong to no gold quote at all
* speaker precision: of the found direct quotes that belong to a gold quote and name a
  speaker, those whose speaker is right; speaker recall: gold direct quotes whose
  first piece is found with the right speaker

Speakers compare without case, articles, "unnamed"/"one"/"a" and a "(via …)" note,
and one may contain the other ("Ministry of Foreign and Diaspora Affairs" for
"Kenyan Ministry of Foreign and Diaspora Affairs").

    .venv/bin/python bench/quotes_eval.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from dragoman import nlp
from dragoman.clean import clean
from dragoman.model import Article
from dragoman.quotes import extract_quotes
from dragoman.read import iter_documents

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DIRECT = {"direct", "interrupted", "block"}

# The seed pages have no gold file: their quotes, annotated by hand for this measure.
SEED_GOLD: dict[str, list[dict[str, str]]] = {
    "000": [
        {"speaker": "Ryan Crocker", "start": "The fact is, as we made very clear", "kind": "direct"},
        {"speaker": "Jean Lure", "start": "The truth is that the mullahs are fearful", "kind": "direct"},
        {"speaker": "Jean Lure", "start": "As the Americans and Europeans haggle", "kind": "direct"},
        {"speaker": None, "start": "protected persons", "kind": "scare"},
    ],
    "003": [
        {"speaker": "New York Times", "start": "The suspension of talks by Iran is hard to read", "kind": "block"},
        {"speaker": "Ali al-Dabbagh", "start": "Some Iranian officials believe", "kind": "direct"},
        {"speaker": "Christian Science Monitor", "start": "During the fighting [in Basra]", "kind": "block"},
        {"speaker": None, "start": "halted", "kind": "scare"},
    ],
    "004": [
        {"speaker": "Bush officials", "start": "meddling", "kind": "scare"},
        {"speaker": "Ryan Crocker", "start": "As you surely know among diplomats", "kind": "direct"},
        {"speaker": "Hassan Kazemi Qumi", "start": "a new military and security structure", "kind": "partial"},
        {"speaker": "Wall Street Journal", "start": "Targetted financial penalties", "kind": "direct"},
    ],
}


def norm(name: str | None) -> str:
    if not name:
        return ""
    name = re.sub(r"\(.*?\)", " ", name.lower())
    words = [w for w in re.findall(r"[\w-]+", name) if w not in {"the", "unnamed", "one", "a", "an"}]
    return " ".join(words)


def same_speaker(found: str | None, gold: str | None) -> bool:
    f, g = norm(found), norm(gold)
    if not f or not g:
        return False
    return f == g or f" {f} " in f" {g} " or f" {g} " in f" {f} "


def articles() -> list[tuple[str, Article, list[dict]]]:
    """(key, clean article, gold quotes) for every sample and seed page."""
    gold = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))
    out = []
    for doc in iter_documents([str(SAMPLES)]):
        name = Path(doc.uri).name
        key = f"wire_feed.jsonl#{doc.meta['id']}" if doc.meta.get("id") else name
        if key in gold:
            out.append((key, clean(doc), gold[key]["quotes"]))
    if SEEDS.is_dir():
        for doc in iter_documents([str(SEEDS)]):
            prefix = Path(doc.uri).name[:3]
            if prefix in SEED_GOLD:
                out.append((f"seed {prefix}", clean(doc), SEED_GOLD[prefix]))
    return out


def evaluate(verbose: bool = False) -> dict[str, float]:
    items = articles()
    docs = nlp.parse([a.text for _, a, _ in items])
    n_gold = n_found = n_found_matched = n_gold_found = 0
    sp_named = sp_right = sp_recall = 0
    for (key, article, gold), doc in zip(items, docs):
        quotes = [q for q in extract_quotes(article, doc) if q.kind == "direct"]
        text = article.text
        located = []
        for g in gold:
            pos = text.find(g["start"])
            if pos < 0:
                pos = text.find(g["start"][:25])
            if pos >= 0:
                located.append((pos, g))
        located.sort(key=lambda x: x[0])
        owner: dict[int, tuple[int, dict]] = {}
        for q in quotes:
            para_start = text.rfind("\n", 0, q.start) + 1
            before = [(p, g) for p, g in located if para_start <= p <= q.start]
            if before and (before[-1][0] == q.start or before[-1][1]["kind"] in DIRECT):
                owner[id(q)] = before[-1]
        for pos, g in located:
            if g["kind"] not in DIRECT:
                continue
            n_gold += 1
            first = next((q for q in quotes if q.start == pos or abs(q.start - pos) <= 2), None)
            if first is not None:
                n_gold_found += 1
                if same_speaker(first.speaker, g["speaker"]):
                    sp_recall += 1
            if verbose:
                mark = "ok " if first and same_speaker(first.speaker, g["speaker"]) else "-- "
                print(f"{mark}{key}: gold {g['speaker']!r} | found {first.speaker if first else 'NOT FOUND'!r}"
                      f" | {g['start'][:50]!r}")
        for q in quotes:
            n_found += 1
            match = owner.get(id(q))
            if match is None:
                if verbose:
                    print(f"?? {key}: extra direct quote {q.speaker!r} | {q.text[:60]!r}")
                continue
            n_found_matched += 1
            if q.speaker is not None:
                sp_named += 1
                right = same_speaker(q.speaker, match[1]["speaker"])
                sp_right += right
                if verbose and not right:
                    print(f"xx {key}: speaker {q.speaker!r} for gold {match[1]['speaker']!r} | {q.text[:50]!r}")
    return {
        "articles": len(items),
        "gold_direct": n_gold,
        "found_direct": n_found,
        "detection_precision": n_found_matched / n_found if n_found else 0.0,
        "detection_recall": n_gold_found / n_gold if n_gold else 0.0,
        "speaker_precision": sp_right / sp_named if sp_named else 0.0,
        "speaker_recall": sp_recall / n_gold if n_gold else 0.0,
        "speakers_named": sp_named,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every gold quote and every miss")
    args = ap.parse_args()
    r = evaluate(args.verbose)
    print(f"articles {r['articles']}  gold direct quotes {r['gold_direct']}  found direct quotes {r['found_direct']}")
    print(f"detection  precision {r['detection_precision']:.3f}  recall {r['detection_recall']:.3f}")
    print(f"speakers   precision {r['speaker_precision']:.3f} ({r['speakers_named']} named)"
          f"  recall {r['speaker_recall']:.3f}")


if __name__ == "__main__":
    main()
