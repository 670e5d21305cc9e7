"""Expand paths (files, directories, globs, ``-`` for stdin) into Documents."""

from __future__ import annotations

import csv
import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dragoman.errors import InputError
from dragoman.model import Document
from dragoman.read.decode import content_id, decode

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
         ".csv": "csv", ".tsv": "tsv"}
RECORD_FIELDS = ("id", "url", "title", "text", "html", "published", "outlet", "authors")
# Other names records use for the same fields (the first name present wins).
FIELD_ALIASES = {"date": "published", "publish_date": "published", "pubdate": "published", "body": "text",
                 "content": "text", "source": "outlet", "link": "url"}

Item = Document | InputError


def expand(paths: Iterable[str]) -> Iterator[Path | InputError | str]:
    """Yield files under each path in a stable order; ``-`` passes through."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        matches = sorted(glob.glob(p, recursive=True)) if glob.has_magic(p) else [p]
        if not matches:
            yield InputError(p, "no file matches this pattern")
        for m in matches:
            path = Path(m)
            if path.is_dir():
                for f in sorted(path.rglob("*")):
                    if f.suffix.lower() in KINDS and (f.is_file() or f.is_symlink()):
                        yield f
            elif path.exists() or path.is_symlink():
                yield path
            else:
                yield InputError(m, "no such file or directory")


def _kind(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in KINDS:
        return KINDS[suffix]
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def _read_bytes(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputError(source, f"larger than the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return raw


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """Read one file into Documents (several for JSONL) or errors."""
    source = str(path)
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(source, f"larger than the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
        with path.open("rb") as fh:
            raw = _read_bytes(fh, source, max_bytes)
    except InputError as err:
        return [err]
    except OSError as err:
        return [InputError(source, f"cannot be read ({err.strerror or err})")]
    return from_bytes_(raw, source)


def from_bytes_(raw: bytes, source: str) -> list[Item]:
    """Turn the bytes of one source into Documents or errors."""
    try:
        text, encoding = decode(raw, source)
    except InputError as err:
        return [err]
    kind = _kind(source, text)
    if kind == "jsonl":
        return list(parse_jsonl(text, source))
    if kind in ("csv", "tsv"):
        return list(parse_table(text, source, "," if kind == "csv" else "\t"))
    return [Document(id=content_id(raw), uri=source, content_type=kind, text=text, encoding=encoding)]


def record(rec: dict[str, Any], where: str) -> Item:
    """One structured record (a JSONL object or a table row) as a Document, or the error that keeps it out."""
    rec = {k: v for k, v in rec.items() if v not in (None, "")}
    for alias, field_name in FIELD_ALIASES.items():
        if field_name not in rec and alias in rec:
            rec[field_name] = rec[alias]
    body = rec.get("html") or rec.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "record has no 'text' or 'html'")
    meta = {k: rec[k] for k in RECORD_FIELDS if k in rec and k not in ("text", "html")}
    canon = json.dumps(rec, sort_keys=True, ensure_ascii=False).encode()
    kind = "html" if rec.get("html") else "record"
    return Document(id=content_id(canon), uri=str(rec.get("url") or where), content_type=kind, text=body, meta=meta)


def parse_jsonl(text: str, source: str) -> Iterator[Item]:
    """One article record per line; a bad line costs that line only."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(rec, dict):
            yield InputError(where, "a JSONL line must be a JSON object")
            continue
        yield record(rec, where)


def parse_table(text: str, source: str, delimiter: str) -> Iterator[Item]:
    """One article record per row of a CSV or TSV file with a header row (text, date, url, title… columns)."""
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or not ({"text", "html"} | {a for a, f in FIELD_ALIASES.items() if f == "text"}) & {
            (name or "").strip().lower() for name in reader.fieldnames}:
        yield InputError(source, "a CSV/TSV file needs a header row with a 'text' (or 'html', 'body', 'content') column")
        return
    for row in reader:
        where = f"{source}:{reader.line_num}"
        yield record({(k or "").strip().lower(): v for k, v in row.items() if k is not None}, where)


def iter_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every Document (or InputError) that the given paths hold, in a stable order."""
    for entry in expand(paths):
        if isinstance(entry, InputError):
            yield entry
        elif entry == "-":
            stream = stdin or sys.stdin.buffer
            try:
                raw = _read_bytes(stream, "stdin", max_bytes)
            except InputError as err:
                yield err
                continue
            yield from from_bytes_(raw, "stdin")
        else:
            yield from read_file(entry, max_bytes)
