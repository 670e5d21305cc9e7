#!/usr/bin/env python3
"""Build Dragoman's CAMEO/PLOVER data resources from public reference files.

Usage (from the repository root)::

    python scripts/build_resources.py --reference ../shared/reference

Reads the CAMEO, Phoenix/PETRARCH and PLOVER reference files described in
``<reference>/cameo/SOURCES.md`` and ``<reference>/plover/SOURCES.md`` and
writes tab-separated tables (header row, ``#`` comment lines on top) to
``src/dragoman/resources/``.  Output is deterministic: rows are sorted and no
timestamps are written.  Python 3.11 standard library only.

Only facts (codes, names, numbers, word lists) are taken from the references;
the hand-written tables in this file are Dragoman's own and are checked
against the reference data where possible (see ``docs/resources.md``).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "src" / "dragoman" / "resources"
DEFAULT_REFERENCE = Path("../shared/reference")

# Provenance lines written at the top of each file (facts restated, not copied).
SRC_GDELT = "GDELT CAMEO lookups (via mpiccirilli/UNDP-BCPR-Project@e009a80 and moxious/gdelt@44a2909)"
SRC_PLOVER = "openeventdata/PLOVER@5e0c24f CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)"
SRC_PETRARCH = "openeventdata/petrarch2@676801c dictionaries (MIT, Open Event Data Alliance)"
SRC_COUNTRYINFO = "openeventdata/CountryInfo@07c9c54 CountryInfo.120116.txt (CC BY-SA 3.0, P. A. Schrodt)"

warnings: list[str] = []


def warn(msg: str) -> None:
    """Record a non-fatal data issue (printed at the end of the run)."""
    warnings.append(msg)


class BuildError(RuntimeError):
    """A check on the generated data failed."""


# --------------------------------------------------------------------------
# Generic helpers
# --------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """Read a reference file as UTF-8, replacing undecodable bytes."""
    return path.read_text(encoding="utf-8", errors="replace")


def read_tsv(path: Path) -> list[list[str]]:
    """Read a simple TSV (no quoting) into rows of stripped cells, skipping blanks."""
    rows = []
    for line in read_text(path).splitlines():
        if line.strip():
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def write_tsv(
    name: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    comments: Sequence[str],
) -> int:
    """Write ``rows`` under ``columns`` to ``OUT_DIR/name``; return the row count."""
    out = [f"# {c}" for c in comments]
    out.append("\t".join(columns))
    n = 0
    for row in rows:
        if len(row) != len(columns):
            raise BuildError(f"{name}: row {row!r} has {len(row)} cells, want {len(columns)}")
        for cell in row:
            if any(ch in cell for ch in "\t\r\n") or cell != cell.strip():
                raise BuildError(f"{name}: bad cell {cell!r}")
        if row[0].startswith("#"):
            raise BuildError(f"{name}: first cell may not start with '#': {row!r}")
        out.append("\t".join(row))
        n += 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / name).write_text("\n".join(out) + "\n", encoding="utf-8")
    return n


def join(values: Iterable[str]) -> str:
    """Join a list cell with ``|``, dropping empties and duplicates, keeping order."""
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            if "|" in v:
                raise BuildError(f"list value contains '|': {v!r}")
            seen.append(v)
    return "|".join(seen)


def fold(text: str) -> str:
    """Accent-free, lowercase, letters-and-digits-only key for fuzzy comparisons."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def edit_distance(a: str, b: str) -> int:
    """Plain Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def fmt_num(value: float) -> str:
    """Format a Goldstein score like the source (one decimal at least)."""
    return f"{value:.1f}"


def quad_class(root: str) -> str:
    """CAMEO quad class of a two-digit root (1..4)."""
    r = int(root)
    if 1 <= r <= 5:
        return "1"
    if 6 <= r <= 8:
        return "2"
    if 9 <= r <= 13:
        return "3"
    if 14 <= r <= 20:
        return "4"
    raise BuildError(f"bad CAMEO root {root!r}")


# --------------------------------------------------------------------------
# 1. cameo_codes.tsv
# --------------------------------------------------------------------------

# Typos in the GDELT description text, fixed in our copy.
NAME_FIXES = {
    "2041": "Use chemical, biological, or radiological weapons",
}


@dataclass
class PloverEntry:
    """One line of the CAMEO->PLOVER table."""

    event: str
    mode: str
    context: str


def parse_cameo2plover(path: Path) -> tuple[dict[str, PloverEntry], dict[str, set[str]]]:
    """Parse ``code: EVENT, mode, context # comment`` lines.

    Returns the per-code entries (codes with conflicting lines are dropped)
    and, for two-digit headers such as ``08: CONCEDE``, the set of events.
    """
    entries: dict[str, list[PloverEntry]] = defaultdict(list)
    roots: dict[str, set[str]] = defaultdict(set)
    for raw in read_text(path).splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        event = parts[0].upper()
        if not re.fullmatch(r"[A-Z]+", event):
            continue
        mode = parts[1] if len(parts) > 1 else ""
        context = ",".join(parts[2:]).strip() if len(parts) > 2 else ""
        if len(code) == 2:
            roots[code].add(event)
        else:
            entries[code].append(PloverEntry(event, mode, context))
    out: dict[str, PloverEntry] = {}
    for code, lst in entries.items():
        distinct = {(e.event, e.mode) for e in lst}
        if len(distinct) > 1:
            warn(f"CAMEO2PLOVER: conflicting lines for {code}: {sorted(distinct)}; left empty")
            continue
        out[code] = lst[0]
    return out, roots


def plover_vocab(plover_dir: Path) -> tuple[set[str], set[str]]:
    """Mode and context names known to the PLOVER manual extraction (for sanity checks)."""
    import json

    data = json.loads(read_text(plover_dir / "plover_ontology_extracted.json"))
    modes: set[str] = set()
    for ev in data.get("events", []):
        for m in ev.get("modes", []):
            modes.add(m.get("mode", "") if isinstance(m, dict) else str(m))
    contexts = set()
    for c in data.get("contexts", []):
        contexts.add(c.get("context", "") if isinstance(c, dict) else str(c))
    return modes, contexts


@dataclass
class CameoCode:
    """One CAMEO event code row."""

    code: str
    root: str
    name: str
    goldstein: str
    quad: str
    plover: str
    plover_mode: str


def build_cameo_codes(ref: Path) -> dict[str, CameoCode]:
    """Combine GDELT descriptions/Goldstein values with the CAMEO->PLOVER table."""
    cameo = ref / "cameo"
    names = {r[0]: r[1] for r in read_tsv(cameo / "CAMEO.eventcodes.txt")[1:]}
    gold = {r[0]: float(r[1]) for r in read_tsv(cameo / "CAMEO.goldsteinscale.txt")[1:]}
    if set(names) != set(gold):
        raise BuildError("CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt disagree on codes")

    # The pre-merged reference table: used as a cross-check only.
    merged_rows = read_tsv(cameo / "cameo_eventcodes_merged.tsv")
    header = merged_rows[0]
    merged = {r[0]: dict(zip(header, r + [""] * (len(header) - len(r)))) for r in merged_rows[1:]}

    by_code, root_events = parse_cameo2plover(ref / "plover" / "CAMEO2PLOVER-2021.txt")
    modes, contexts = plover_vocab(ref / "plover")

    out: dict[str, CameoCode] = {}
    for code in sorted(names):
        if not re.fullmatch(r"\d{2,4}", code):
            raise BuildError(f"odd CAMEO code {code!r}")
        root = code[:2]
        name = NAME_FIXES.get(code, names[code]).strip()
        entry = by_code.get(code)
        if entry is not None:
            event, mode = entry.event, entry.mode
        else:
            # Root-level codes and codes without their own line take the root's
            # event when the table names exactly one (CAMEO 08 is split, 01/02 dropped).
            evs = root_events.get(root, set())
            event = next(iter(evs)) if len(evs) == 1 else ""
            mode = ""
            if len(evs) > 1 and code == root:
                warn(f"PLOVER event for root {root} is ambiguous {sorted(evs)}; left empty")
        if mode and mode not in modes and mode in contexts:
            warn(f"PLOVER mode {mode!r} for {code} is a context name, not a mode; dropped")
            mode = ""
        m = merged.get(code)
        if m is None:
            warn(f"{code} missing from cameo_eventcodes_merged.tsv")
        else:
            if m["plover_event"] and m["plover_event"] != event:
                warn(f"{code}: merged table says PLOVER {m['plover_event']!r}, ours {event!r}")
            if abs(float(m["goldstein_gdelt"]) - gold[code]) > 1e-9:
                raise BuildError(f"{code}: Goldstein mismatch with merged table")
        out[code] = CameoCode(code, root, name, fmt_num(gold[code]), quad_class(root), event, mode)
    roots = {c.root for c in out.values()}
    if roots != {f"{i:02d}" for i in range(1, 21)}:
        raise BuildError(f"CAMEO roots incomplete: {sorted(roots)}")
    return out


def write_cameo_codes(codes: dict[str, CameoCode]) -> int:
    """Write cameo_codes.tsv."""
    rows = [
        (c.code, c.root, c.name, c.goldstein, c.quad, c.plover, c.plover_mode)
        for c in sorted(codes.values(), key=lambda c: c.code)
    ]
    return write_tsv(
        "cameo_codes.tsv",
        ["code", "root", "name", "goldstein", "quad_class", "plover", "plover_mode"],
        rows,
        [
            "CAMEO event codes. Generated by scripts/build_resources.py; do not edit by hand.",
            f"name, goldstein: {SRC_GDELT}.",
            f"plover, plover_mode: {SRC_PLOVER}; empty = no PLOVER equivalent or ambiguous.",
            "quad_class: 1 verbal coop (01-05), 2 material coop (06-08), 3 verbal conflict (09-13), "
            "4 material conflict (14-20). Codes are strings: keep leading zeros.",
        ],
    )


# --------------------------------------------------------------------------
# 5. cameo_types.tsv
# --------------------------------------------------------------------------


def build_cameo_types(ref: Path) -> list[tuple[str, str]]:
    """Actor type (role/sector) codes from CAMEO.type.txt, first label wins on duplicates."""
    out: dict[str, str] = {}
    for row in read_tsv(ref / "cameo" / "CAMEO.type.txt")[1:]:
        code, label = row[0], row[1]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise BuildError(f"odd type code {code!r}")
        if code in out:
            if out[code] != label:
                warn(f"CAMEO.type.txt: {code} listed twice with different labels")
            continue
        out[code] = label
    return sorted(out.items())


def write_cameo_types(types: list[tuple[str, str]]) -> int:
    """Write cameo_types.tsv."""
    return write_tsv(
        "cameo_types.tsv",
        ["code", "label"],
        types,
        [
            "CAMEO actor type (role / sector) codes. Generated by scripts/build_resources.py.",
            f"Source: {SRC_GDELT} CAMEO.type.txt (duplicate UIS row collapsed).",
        ],
    )
