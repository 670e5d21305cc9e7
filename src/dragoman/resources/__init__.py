"""Data tables shipped with Dragoman, and small cached loaders for them."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files
from pathlib import Path


def path(name: str) -> Path:
    """Filesystem path of a resource file."""
    return Path(str(files("dragoman.resources").joinpath(name)))


def _data_lines(name: str) -> list[str]:
    text = path(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """A one-word-per-line list as a set."""
    return frozenset(ln.strip() for ln in _data_lines(name))


@cache
def table(name: str) -> list[dict[str, str]]:
    """A TSV with a header row (``#`` comment lines skipped) as dicts."""
    rows = _data_lines(name)
    return [dict(r) for r in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)]


@cache
def labelled_patterns(name: str) -> list[tuple[str, re.Pattern[str]]]:
    """``label<TAB>regex`` lines compiled as whole-line, case-insensitive patterns."""
    out = []
    for ln in _data_lines(name):
        label, _, rx = ln.partition("\t")
        out.append((label.strip(), re.compile(rf"(?:{rx.strip()})", re.I)))
    return out


@cache
def patterns(name: str) -> list[re.Pattern[str]]:
    """One regex per line, compiled case-insensitive."""
    return [re.compile(ln.strip(), re.I) for ln in _data_lines(name)]
