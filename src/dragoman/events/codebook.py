"""The CAMEO codebook as data: name, root, quad class, Goldstein score, PLOVER type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman import resources


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@cache
def codebook() -> dict[str, Code]:
    out = {}
    for r in resources.table("cameo_codes.tsv"):
        out[r["code"]] = Code(r["code"], r["root"], r["name"], float(r["goldstein"] or 0), int(r["quad_class"]),
                              r.get("plover") or None, r.get("plover_mode") or None)
    return out


def lookup(code: str) -> Code:
    """The codebook entry; an unknown code is a bug in a data table, so it raises."""
    return codebook()[code]
