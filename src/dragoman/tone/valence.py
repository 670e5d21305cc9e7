"""Word valences for tone, on VADER's -4..+4 scale, from data tables.

Lookup order, first hit wins: the news lexicon (``resources/tone_terms.tsv``,
words and phrases of political reporting that a general lexicon lacks or
misjudges), then VADER's own lexicon, then the pejorative labels of
``resources/loaded_terms.tsv``. Polarity shifters ("undermine", "suffer")
are in ``resources/tone_shifters.tsv``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from dragoman import resources

if TYPE_CHECKING:
    from spacy.tokens import Span

PEJORATIVE = -2.0  # a pejorative label the other lexicons do not score
MAX_PHRASE = 3


@cache
def _news() -> dict[str, float]:
    return {r["term"].strip().lower(): float(r["valence"]) for r in resources.table("tone_terms.tsv")}


@cache
def _vader() -> dict[str, float]:
    from dragoman.tone.sentiment import _analyzer

    return dict(_analyzer().lexicon)


@cache
def pejorative() -> frozenset[str]:
    """Pejorative labels of ``resources/loaded_terms.tsv`` ("regime", "junta")."""
    return frozenset(r["term"].lower() for r in resources.table("loaded_terms.tsv") if r["category"] == "pejorative label")


@cache
def shifters() -> dict[str, frozenset[str]]:
    """Shifter lemma → what it reverses: ``object``, ``subject`` or both."""
    out: dict[str, set[str]] = {}
    for r in resources.table("tone_shifters.tsv"):
        out.setdefault(r["lemma"].strip().lower(), set()).add(r["scope"].strip())
    return {k: frozenset(v) for k, v in out.items()}


def word(text: str, lemma: str) -> float:
    """Valence of one word, by its form, its lemma, and for an adverb in -ly its adjective."""
    news, vader = _news(), _vader()
    for key in (text.lower(), lemma.lower()):
        if key in news:
            return news[key]
    for key in (text.lower(), lemma.lower()):
        if key in vader:
            return float(vader[key])
    if lemma.lower() in pejorative() or text.lower() in pejorative():
        return PEJORATIVE
    low = text.lower()
    if low.endswith("ly") and len(low) > 5:  # an adverb judges as its adjective does: recklessly, negatively
        for adj in (low[:-2], low[:-3] + "y" if low.endswith("ily") else low[:-2] + "e"):
            if adj in news or adj in vader:
                return news.get(adj, vader.get(adj, 0.0))
    return 0.0


def valences(sent: Span) -> dict[int, float]:
    """Token index → valence for every scored word of a sentence.

    A phrase of the news lexicon ("client state") is scored once, on its last
    word, and its other words score nothing.
    """
    news = _news()
    toks = list(sent)
    out: dict[int, float] = {}
    i = 0
    while i < len(toks):
        for n in range(min(MAX_PHRASE, len(toks) - i), 1, -1):
            span = toks[i:i + n]
            for key in (" ".join(t.lemma_.lower() for t in span), " ".join(t.lower_ for t in span)):
                if key in news:
                    for t in span[:-1]:
                        out[t.i] = 0.0
                    out[span[-1].i] = news[key]
                    i += n
                    break
            else:
                continue
            break
        else:
            t = toks[i]
            if t.is_alpha:
                out[t.i] = word(t.text, t.lemma_)
            i += 1
    return {k: v for k, v in out.items() if v}
