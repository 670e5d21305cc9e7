"""Sentence polarity with VADER (offline, lexicon-based), loaded once."""

from __future__ import annotations

from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def polarity(sentence: str) -> float:
    """VADER's compound score, from -1 (hostile) to +1 (favourable)."""
    return float(_analyzer().polarity_scores(sentence)["compound"])
