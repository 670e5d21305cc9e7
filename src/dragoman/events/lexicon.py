"""Event lexicons: verb patterns, nominal events, frames (intent, demand, halt...).

Verb patterns are ``(lemma, preposition, object lemma) → CAMEO code``, built
from PETRARCH-2's verb dictionary (``verb_patterns.tsv``) plus a few patterns
it lacks (``event_verbs_extra.tsv``, which wins on a clash). The most specific
pattern that fits wins: verb + preposition + object, verb + object,
verb + preposition, verb alone — and verb alone never for the stop-listed verbs
that say too little by themselves ("say", "hold", "take").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman import resources


@dataclass
class EventLexicon:
    verbs: dict[tuple[str, str, str], str]
    nouns: dict[str, str]
    frames: dict[str, str]
    frame_codes: dict[tuple[str, str], str]
    stop: frozenset[str]
    comments: dict[str, str]

    def verb_code(self, lemma: str, prep: str = "", obj: str = "") -> tuple[str | None, bool]:
        """(code, specific?): specific when a pattern with a preposition or object matched,
        not the verb's default alone."""
        keys = [(lemma, prep, obj), (lemma, "", obj)] if obj else []
        keys += [(lemma, prep, "")] if prep else []
        for k in keys:
            if k in self.verbs:
                return self.verbs[k], True
        if lemma not in self.stop:
            return self.verbs.get((lemma, "", "")), False
        return None, False

    def noun_code(self, tok: object) -> str | None:
        """The code of an event noun (token or string), by lemma or as written ("talks")."""
        mod = next((c for c in getattr(tok, "lefts", ()) if c.dep_ in ("compound", "amod") and c.i == tok.i - 1), None)
        if mod is not None and (code := self.nouns.get(f"{mod.lower_} {tok.lemma_.lower()}")):
            return code  # "hunger strike", "general strike", "car bomb": the modifier picks the sense
        for form in (getattr(tok, "lemma_", None), getattr(tok, "lower_", None), tok if isinstance(tok, str) else None):
            if form and (code := self.nouns.get(form.lower())):
                return code
        return None

    def framed(self, frame: str, code: str) -> str:
        """The code a frame (intent, demand, halt...) gives to an event of ``code``."""
        return self.frame_codes.get((frame, code[:2])) or self.frame_codes[(frame, "*")]


@cache
def event_lexicon() -> EventLexicon:
    verbs: dict[tuple[str, str, str], str] = {}
    for name in ("verb_patterns.tsv", "event_verbs_extra.tsv"):
        for r in resources.table(name):
            verbs[(r["lemma"], r.get("prep") or "", r.get("object") or "")] = r["code"]
    nouns = {r["noun"]: r["code"] for r in resources.table("noun_events.tsv")}
    frames = {r["lemma"]: r["frame"] for r in resources.table("event_frames.tsv")}
    frame_codes = {(r["frame"], r["root"]): r["code"] for r in resources.table("event_frame_codes.tsv")}
    comments = {r["adjective"]: r["code"] for r in resources.table("comment_adjectives.tsv")}
    return EventLexicon(verbs, nouns, frames, frame_codes, resources.words("event_verb_stoplist.txt"), comments)
