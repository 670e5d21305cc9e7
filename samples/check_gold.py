"""Sanity check: every string recorded in gold.json occurs in the sample it describes.

Run from anywhere:  python samples/check_gold.py
"""
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def source_text(key: str) -> str:
    name, _, art_id = key.partition("#")
    raw = (HERE / name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        for line in raw.splitlines():
            obj = json.loads(line)
            if obj["id"] == art_id:
                return obj["title"] + "\n" + obj["text"] + "\n" + " ".join(obj["authors"])
        raise KeyError(key)
    if name.endswith(".html"):
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
        raw = re.sub(r"[ \t]+", " ", raw)
    return raw


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    problems = []
    for key, g in gold.items():
        text = source_text(key)
        for field in ("title", "body_first", "body_last"):
            if g[field] not in text:
                problems.append(f"{key}: {field} not found: {g[field]!r}")
        for author in g["authors"]:
            if author not in text:
                problems.append(f"{key}: author not found: {author!r}")
        for q in g["quotes"]:
            if q["start"] not in text:
                problems.append(f"{key}: quote start not found: {q['start']!r}")
    for p in problems:
        print(p)
    print(f"{len(gold)} entries checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
