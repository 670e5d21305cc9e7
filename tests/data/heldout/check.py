#!/usr/bin/env python3
"""Sanity-check the held-out boilerplate-removal set (stdlib only).

For every NNN_<slug>.gold.json next to NNN_<slug>.txt this verifies that
  * the gold record has the expected fields and types;
  * every body paragraph's words occur, contiguously and in order, in the
    page text (paragraph k is searched only after the match of paragraph k-1);
  * every body paragraph is a verbatim line of the page, or the space-joined
    run of consecutive hard-wrapped lines;
  * the body has 120-700 words and a non-null title occurs in the page.
Usage: python3 check.py [DIR]   (exit status 1 if anything fails)
"""
import json
import re
import sys
from pathlib import Path

FIELDS = {"body": str, "title": (str, type(None)), "authors": list,
          "published": (str, type(None)), "n_comments": int,
          "has_bio": bool, "n_references": int}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def find_run(hay, needle, start):
    """Index just past the first occurrence of list `needle` in `hay` at/after start, or -1."""
    n = len(needle)
    first = needle[0]
    for i in range(start, len(hay) - n + 1):
        if hay[i] == first and hay[i:i + n] == needle:
            return i + n
    return -1


def is_line_run(lines, para):
    """True if para equals one stripped line or a space-joined run of consecutive lines."""
    for i, ln in enumerate(lines):
        if not ln or not para.startswith(ln):
            continue
        acc = ln
        j = i
        while len(acc) < len(para) and j + 1 < len(lines) and lines[j + 1]:
            j += 1
            acc = acc + " " + lines[j]
        if acc == para:
            return True
    return False


def check_one(gold_path):
    errors = []
    page_path = gold_path.with_name(gold_path.name[:-len(".gold.json")] + ".txt")
    if not page_path.exists():
        return [f"missing page {page_path.name}"], 0
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    page = page_path.read_text(encoding="utf-8")
    for key, typ in FIELDS.items():
        if key not in gold:
            errors.append(f"missing field {key}")
        elif not isinstance(gold[key], typ):
            errors.append(f"bad type for {key}: {type(gold[key]).__name__}")
    if errors:
        return errors, 0
    if set(gold) - set(FIELDS):
        errors.append(f"unexpected fields {sorted(set(gold) - set(FIELDS))}")
    if gold["published"] is not None and not DATE.match(gold["published"]):
        errors.append(f"published not YYYY-MM-DD: {gold['published']!r}")
    if not all(isinstance(a, str) and a for a in gold["authors"]):
        errors.append("authors must be non-empty strings")
    if gold["title"] is not None and gold["title"] not in page:
        errors.append("title not found in page")

    page_tokens = page.split()
    lines = [ln.strip() for ln in page.splitlines()]
    paras = gold["body"].split("\n\n")
    n_words = len(gold["body"].split())
    if not 120 <= n_words <= 700:
        errors.append(f"body has {n_words} words (expected 120-700)")
    cursor = 0
    for k, para in enumerate(paras):
        toks = para.split()
        if not toks or para != para.strip():
            errors.append(f"paragraph {k}: empty or untrimmed")
            continue
        end = find_run(page_tokens, toks, cursor)
        if end < 0:
            where = "anywhere" if find_run(page_tokens, toks, 0) < 0 else "in order"
            errors.append(f"paragraph {k} not found {where}: {para[:60]!r}")
        else:
            cursor = end
        if not is_line_run(lines, para):
            errors.append(f"paragraph {k} is not a verbatim line/wrapped run: {para[:60]!r}")
    return errors, n_words


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    golds = sorted(root.glob("*.gold.json"))
    if not golds:
        print(f"no *.gold.json files in {root}")
        return 1
    failed = 0
    total_words = 0
    for g in golds:
        errs, n = check_one(g)
        total_words += n
        status = "OK  " if not errs else "FAIL"
        print(f"{status} {g.name[:-10]:45s} {n:4d} words")
        for e in errs:
            print(f"      - {e}")
        failed += bool(errs)
    print(f"\n{len(golds) - failed}/{len(golds)} pages OK, {total_words} gold body words")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
