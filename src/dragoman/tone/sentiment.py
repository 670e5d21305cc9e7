"""Whole-sentence polarity with VADER (offline, lexicon-based), loaded once.

VADER was built for social media and scores how grim a sentence is more than
its stance toward anyone in it; the dossier's tone by actor reads each
mention's role instead (``dragoman.tone.directed``). ``tone`` is kept as the
baseline that bench/tone_sentences.py measures against: polarity less a
quarter point per loaded term (``resources/loaded_terms.tsv``).
"""

from __future__ import annotations

from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dragoman.model import GOVERNMENT_ROLES
from dragoman.tone.loaded import loaded_terms

LOADED_WEIGHT = 0.25
STATE_ROLES = {None, "", *GOVERNMENT_ROLES}


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER's analyser, loaded once."""
    return SentimentIntensityAnalyzer()


def polarity(sentence: str) -> float:
    """VADER's compound score, from -1 (hostile) to +1 (favourable)."""
    return float(analyzer().polarity_scores(sentence)["compound"])


def tone(sentence: str) -> float:
    """Polarity less a penalty per loaded term, clipped to [-1, 1]."""
    return max(-1.0, polarity(sentence) - LOADED_WEIGHT * sum(loaded_terms(sentence).values()))


def actor_key(code: str | None) -> str | None:
    """Tone is kept per state (USA covers USAGOV, USAMIL…) and per non-state actor (IRNOPP, IGOUNO)."""
    if not code:
        return None
    if code.startswith(("IGO", "NGO")):
        return code
    return code[:3] if (code[3:6] or None) in STATE_ROLES else code
