"""Count the loaded and evaluative words a text uses (lexicon in resources/loaded_terms.tsv)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from dragoman import resources


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = resources.table("loaded_terms.tsv")
    terms = sorted((r["term"] for r in rows), key=len, reverse=True)  # phrases before their words
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    return re.compile(rf"(?<![\w-])({alts})(?:e?s)?(?![\w-])", re.I), {r["term"].lower(): r["category"] for r in rows}


def loaded_terms(text: str) -> Counter[str]:
    """Lexicon term → number of uses in ``text`` (phrases counted as themselves, not their words)."""
    rx, _ = _pattern()
    return Counter(re.sub(r"\s+", " ", m.group(1).lower()) for m in rx.finditer(text))


def category(term: str) -> str | None:
    return _pattern()[1].get(term.lower())
