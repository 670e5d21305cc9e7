"""The actor lexicon: phrases that name states, organisations and roles.

Built once from the data tables in ``resources/`` (countries with names,
aliases, demonyms and capitals; international organisations and known groups;
role nouns with their CAMEO role codes). Matching is over token sequences:
names case-sensitively (``Chad`` the country, not ``chad``), role nouns by
lower-cased form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman import resources


@dataclass(frozen=True)
class Entry:
    """What a phrase means: a country, a capital standing for its government,
    an organisation, or a role noun."""

    kind: str  # country | demonym | capital | org | role
    code: str  # ISO-3 country code, organisation code, or role code
    name: str  # canonical display name


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def tokens_of(phrase: str) -> tuple[str, ...]:
    """Rough tokenisation matching spaCy's on names: split on spaces, keep 'U.S.' whole."""
    out: list[str] = []
    for part in phrase.replace("-", " - ").split():
        if part.endswith("'s") and len(part) > 2:
            out.extend([part[:-2], "'s"])
        else:
            out.append(part)
    return tuple(out)


@dataclass
class Lexicon:
    names: dict[tuple[str, ...], Entry]  # case-sensitive
    roles: dict[tuple[str, ...], Entry]  # lower-case
    countries: dict[str, str]  # code -> display name
    capitals: dict[str, tuple[str, float | None, float | None]]  # code -> (capital, lat, lon)
    max_len: int

    def match(self, words: list[str], i: int) -> tuple[int, Entry] | None:
        """Longest entry starting at token i: (length, entry)."""
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in self.names:
                return n, self.names[key]
            low = tuple(w.lower() for w in key)
            if low in self.roles:
                return n, self.roles[low]
        return None


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x else None
    except ValueError:
        return None


@cache
def lexicon() -> Lexicon:
    """Load every actor table once."""
    names: dict[tuple[str, ...], Entry] = {}
    roles: dict[tuple[str, ...], Entry] = {}
    countries: dict[str, str] = {}
    capitals: dict[str, tuple[str, float | None, float | None]] = {}
    for row in resources.table("countries.tsv"):
        code, name = row["code"], row["name"]
        countries[code] = name
        for n in [name, *_split(row.get("aliases"))]:
            names.setdefault(tokens_of(n), Entry("country", code, name))
        for adj in _split(row.get("adjectives")):
            names.setdefault(tokens_of(adj), Entry("demonym", code, name))
        cap = (row.get("capital") or "").strip()
        if cap:
            capitals[code] = (cap, _f(row.get("capital_lat")), _f(row.get("capital_lon")))
            for form in {cap, cap.split(",")[0].strip()}:  # "Washington, D.C." is written "Washington"
                names.setdefault(tokens_of(form), Entry("capital", code, name))
    for table in ("organizations.tsv", "government_seats.tsv", "armed_groups.tsv"):  # curated tables first, then armed groups
        for row in resources.table(table):
            for n in [row["name"], *_split(row.get("aliases"))]:
                names.setdefault(tokens_of(n), Entry("org", row["code"], row["name"]))
    for row in [*resources.table("roles.tsv"), *resources.table("roles_extra.tsv")]:
        for n in (row["noun"], row.get("plural") or ""):
            if n.strip():
                roles.setdefault(tokens_of(n.strip().lower()), Entry("role", row["code"], row["noun"]))
    max_len = max(len(k) for k in [*names, *roles])
    return Lexicon(names, roles, countries, capitals, max_len)
