"""Build ``resources/people.tsv``: named people with dated CAMEO codes.

Facts come from the Phoenix country-actors dictionary of PETRARCH-2 (MIT
licence; generated from Schrodt's CountryInfo, CC BY-SA 3.0) in
``../shared/reference/cameo/Phoenix.Countries.actors.txt``: a primary name
(``GEORGE_W._BUSH_``), ``+ALIAS`` lines, and ``[CODE start-end]`` lines with
dates as YYMMDD or YYYYMMDD (open ends allowed). Only entries that name a
person-like actor (two or more name words) are kept.

    python scripts/build_people.py [--reference ../shared/reference]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dragoman" / "resources" / "people.tsv"
CODE = re.compile(r"\[(?P<code>[A-Z]{3,9})(?:\s+(?P<a>[<>]?\d{6,8})?\s*-?\s*(?P<b>\d{6,8})?)?\]")


def _date(v: str | None, end: bool) -> str:
    if not v:
        return ""
    v = v.lstrip("<>")
    if len(v) == 6:
        yy = int(v[:2])
        v = (f"20{v[:2]}" if yy < 30 else f"19{v[:2]}") + v[2:]
    return f"{v[:4]}-{v[4:6]}-{v[6:8]}"


def _name(raw: str) -> str:
    words = [w for w in raw.strip("_ ").split("_") if w]
    return " ".join(w if w.isupper() and len(w) <= 3 and "." in w else w.capitalize() for w in words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", default=str(ROOT.parent / "shared" / "reference"))
    args = ap.parse_args()
    src = Path(args.reference) / "cameo" / "Phoenix.Countries.actors.txt"
    entries: list[tuple[str, list[str], list[str]]] = []
    name: str | None = None
    aliases: list[str] = []
    periods: list[str] = []

    def flush() -> None:
        if name and periods and len(name.split()) >= 2:
            entries.append((name, sorted(set(aliases)), periods.copy()))

    for line in src.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        if body.startswith("+"):
            aliases.append(_name(body[1:]))
        elif body.lstrip().startswith("["):
            for m in CODE.finditer(body):
                a = m.group("a") or ""
                start = "" if a.startswith("<") else _date(a, False)
                stop = _date(m.group("b"), True) if m.group("b") else (_date(a, True) if a.startswith("<") else "")
                if a.startswith(">"):
                    start, stop = _date(a, False), ""
                periods.append(f"{m.group('code')}:{start}:{stop}")
        elif not body.startswith((" ", "\t")):
            flush()
            name, aliases, periods = _name(body.split()[0]), [], []
    flush()
    entries.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Named people with dated CAMEO codes (CODE:start:end, ISO dates, empty = open).\n")
        fh.write("# Facts from PETRARCH-2's Phoenix.Countries.actors.txt (MIT; from CountryInfo, CC BY-SA 3.0);\n")
        fh.write("# regenerate with scripts/build_people.py.\n")
        fh.write("name\taliases\tperiods\n")
        for n, al, per in entries:
            fh.write(f"{n}\t{'|'.join(a for a in al if a != n)}\t{'|'.join(per)}\n")
    print(f"wrote {len(entries)} people to {OUT}")


if __name__ == "__main__":
    main()
