"""The word lists quote extraction reads from ``dragoman/resources`` (cached)."""

from __future__ import annotations

from functools import cache

from dragoman import resources


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech: say, tell, indicate…"""
    return resources.words("speech_verbs.txt")


@cache
def hearer_verbs() -> frozenset[str]:
    """Lemmas of speech verbs whose object is the hearer: tell, assure…"""
    return resources.words("hearer_verbs.txt")


@cache
def term_verbs() -> frozenset[str]:
    """Lemmas of verbs whose subject uses a quoted term: accuse, describe…"""
    return resources.words("term_verbs.txt")


@cache
def stopwords() -> frozenset[str]:
    """English function words (articles, prepositions…), for telling a title from a phrase."""
    return resources.words("stopwords_en.txt")


@cache
def passage_stops() -> tuple[str, ...]:
    """Paragraph openings that mark the author speaking again after a quoted passage."""
    return tuple(sorted(resources.words("passage_stops.txt"), key=len, reverse=True))


def _kinds(name: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in resources.table(name):
        out.setdefault(row["kind"].strip(), set()).add(row["word"].strip())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def speaker_words(kind: str) -> frozenset[str]:
    """Words of one kind from speaker_words.tsv (title, role, document, claim, he, she…)."""
    return _kinds("speaker_words.tsv").get(kind, frozenset())


@cache
def outlet_words(kind: str) -> frozenset[str]:
    """Words of one kind from outlet_cues.tsv (name, weak, generic, stop)."""
    return _kinds("outlet_cues.tsv").get(kind, frozenset())
