"""When and where an event happened, from the words attached to its trigger."""

from __future__ import annotations

from datetime import date
from typing import Any

from dragoman.dates.relative import before, duration, resolve
from dragoman.events.candidate import Candidate
from dragoman.events.words import PLACE_PREPS, Token
from dragoman.model import Place
from dragoman.places import lookup as place_lookup


class Setting:
    """Dating and placing an event (a mixin of the Extractor: needs doc and ref)."""

    doc: Any
    ref: date | None

    def when(self, cand: Candidate, sent: Any) -> tuple[str | None, str | None, str]:
        anchor_ids = {a.i for a in cand.anchors}
        trig = cand.trigger
        if self.ref and trig.dep_ == "pobj" and trig.head.lower_ == "since":
            # "two months since our last meetings": the event lies that long before the report
            ent = next((e for e in sent.ents if e.label_ == "DATE" and e.start <= trig.head.head.i < e.end), None)
            d = duration(ent.text) if ent is not None else None
            if d:
                r = before(self.ref, d[0], d[1], ent.text)
                return r.value, r.precision, "relative"
        for ent in sent.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            cur, hops = ent.root, 0
            while cur.head is not cur and cur.i not in anchor_ids and hops < 4:
                if cur.pos_ in ("VERB",) and cur.i not in anchor_ids and hops > 0:
                    break
                cur, hops = cur.head, hops + 1
            if cur.i in anchor_ids:
                r = resolve(ent.text, self.ref)
                if r:
                    return r.value, r.precision, "text" if any(ch.isdigit() for ch in ent.text) else "relative"
        if self.ref:
            return self.ref.isoformat(), "day", "report"
        return None, None, "report"

    def where_prep(self, v: Token) -> bool:
        """Does the verb say where it happened ("rallied in Cairo")?"""
        return self.where(Candidate(v, "", [], [], [v])) is not None

    def where(self, cand: Candidate) -> Place | None:
        """Where the sentence says the event happened: a place in a locative phrase of the trigger ("in Baghdad"),
        or named inside what the act was aimed at ("an inquiry into … in Guerrero", "pounded districts of Kharkiv")."""
        def pobjs(tok: Token, preps: set[str]) -> list[Token]:
            return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]

        todo = [(n, 0) for a in cand.anchors for n in pobjs(a, PLACE_PREPS)]
        todo += [(n, 1) for a in cand.anchors for n in pobjs(a, {"into", "on", "against"})]
        todo += [(c, 1) for a in cand.anchors for c in a.children if c.dep_ == "dobj"]
        while todo:
            noun, depth = todo.pop(0)
            if noun.ent_type_ in ("GPE", "LOC", "FAC"):
                ent = next((e for e in self.doc.ents if e.start <= noun.i < e.end), None)
                if place := place_lookup(ent.text if ent is not None else noun.text):
                    return place
            for c in noun.children:  # "Sudan's Darfur region", "Cairo's Tahrir Square", "the Yemeni capital Sanaa"
                if c.dep_ in ("poss", "compound", "appos") and c.ent_type_ in ("GPE", "FAC", "LOC") and (place := place_lookup(c.text)):
                    return place
            if depth < 3:
                todo += [(n, depth + 1) for n in pobjs(noun, PLACE_PREPS | {"of", "on", "against", "into"})]
        return None
