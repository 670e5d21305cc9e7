"""Flat records and writers for analysts' formats (JSONL, CSV)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from dragoman.model import Article

ARTICLE_FIELDS = [
    "id", "uri", "title", "authors", "outlet", "published", "published_source", "page_date",
    "section", "tags", "text", "comments", "bio", "references", "signature",
]


def article_record(a: Article) -> dict[str, Any]:
    """The export form of an article (the fields the docs promise, in order)."""
    rec = {k: getattr(a, k) for k in ARTICLE_FIELDS if k != "comments"}
    rec["comments"] = [asdict(c) for c in a.comments]
    return {k: rec[k] for k in ARTICLE_FIELDS}


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, fields: list[str]) -> int:
    """CSV with nested values (lists, objects) written as JSON in their cell."""
    w = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    n = 0
    for rec in records:
        w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in rec.items()})
        n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], path: str, fields: list[str]) -> int:
    """Parquet via pyarrow (the optional ``parquet`` extra); nested values become structs and lists."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuntimeError("Parquet export needs pyarrow: pip install 'dragoman[parquet]'") from err
    rows = [{k: r.get(k) for k in fields} for r in records]
    table = pa.Table.from_pylist(rows) if rows else pa.table({k: pa.array([], pa.string()) for k in fields})
    pq.write_table(table, path)
    return len(rows)
