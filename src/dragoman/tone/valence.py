"""Word valences for tone, on VADER's -4..+4 scale, from data tables.

Lookup order, first hit wins: the news lexicon (``resources/tone_terms.tsv``,
words and phrases of political reporting that a general lexicon lacks or
misjudges), then VADER's own lexicon, then the pejorative labels of
``resources/loaded_terms.tsv``; an adverb in -ly that none of them knows
judges as its adjective does ("recklessly"). Polarity shifters ("undermine",
"suffer") are in ``resources/tone_shifters.tsv``, by lemma and part of speech.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from dragoman import resources

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PEJORATIVE = -2.0  # a pejorative label the other lexicons do not score
MAX_PHRASE = 5  # tokens: "tit - for - tat"
POS_GROUPS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}


@cache
def _news() -> dict[str, float]:
    return {r["term"].strip().lower(): float(r["valence"]) for r in resources.table("tone_terms.tsv")}


@cache
def _vader() -> dict[str, float]:
    from dragoman.tone.sentiment import analyzer

    return {k: float(v) for k, v in analyzer().lexicon.items()}


@cache
def _hedges() -> frozenset[str]:
    """Adverbs in -ly that hedge or grade rather than judge (``resources/tone_roles.tsv``, kind hedge)."""
    return frozenset(r["lemma"] for r in resources.table("tone_roles.tsv") if r["kind"] == "hedge")


@cache
def pejorative() -> frozenset[str]:
    """Pejorative labels of ``resources/loaded_terms.tsv`` ("regime", "junta")."""
    return frozenset(r["term"].lower() for r in resources.table("loaded_terms.tsv") if r["category"] == "pejorative label")


@cache
def _shifters() -> dict[tuple[str, str], frozenset[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for r in resources.table("tone_shifters.tsv"):
        out.setdefault((r["lemma"].strip().lower(), r["pos"].strip()), set()).add(r["scope"].strip())
    return {k: frozenset(v) for k, v in out.items()}


def shifts(tok: Token) -> frozenset[str]:
    """What a token reverses as a shifter of its part of speech: ``object``, ``subject``, both or nothing."""
    return _shifters().get((tok.lemma_.lower(), POS_GROUPS.get(tok.pos_, "")), frozenset())


def word(text: str, lemma: str) -> float:
    """Valence of one word, by its form and then its lemma."""
    news, vader = _news(), _vader()
    for key in (text.lower(), lemma.lower()):
        if key in news:
            return news[key]
    for key in (text.lower(), lemma.lower()):
        if key in vader:
            return vader[key]
    return PEJORATIVE if lemma.lower() in pejorative() or text.lower() in pejorative() else 0.0


def _adverb(tok: Token) -> float:
    """An adverb in -ly judges as its adjective: recklessly, brutally (not hedges: likely, fairly)."""
    low = tok.lower_
    if tok.pos_ != "ADV" or not low.endswith("ly") or len(low) <= 5 or low in _hedges():
        return 0.0
    for adj in (low[:-2], low[:-3] + "y" if low.endswith("ily") else low[:-2] + "e"):
        v = word(adj, adj)
        if v:
            return v
    return 0.0


def _phrase_keys(span: list[Token]) -> tuple[str, ...]:
    """Ways a lexicon may write a phrase: lemmas, forms, and hyphenated forms joined ("so-called")."""
    joined = "".join(t.text_with_ws if t.text != "-" else "-" for t in span).lower().replace(" -", "-").replace("- ", "-")
    return (" ".join(t.lemma_.lower() for t in span), " ".join(t.lower_ for t in span), joined.strip())


def valences(sent: Span) -> dict[int, float]:
    """Token index → valence for every scored word of a sentence.

    A phrase of the news lexicon ("client state", "so-called") is scored once, on
    its last word, and its other words score nothing.
    """
    news = _news()
    toks = list(sent)
    out: dict[int, float] = {}
    i = 0
    while i < len(toks):
        for n in range(min(MAX_PHRASE, len(toks) - i), 1, -1):
            span = toks[i:i + n]
            hit = next((news[k] for k in _phrase_keys(span) if k in news), None)
            if hit is not None:
                out[span[-1].i] = hit
                i += n
                break
        else:
            t = toks[i]
            if t.is_alpha:
                v = word(t.text, t.lemma_) or _adverb(t)
                if v:
                    out[t.i] = v
            i += 1
    return {k: v for k, v in out.items() if v}
