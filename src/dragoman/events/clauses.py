"""Clause structure: subjects, the words that govern a verb, who asserts it, and its modality."""

from __future__ import annotations

from dragoman.events.lexicon import EventLexicon
from dragoman.events.words import (
    ACCUSE,
    COMMIT_VERBS,
    CONDITION_MARKS,
    FRAME_HOPS,
    FUTURE,
    MODALS,
    SUBJECT_CONTROL,
    Token,
)
from dragoman.model import Actor


class Clauses:
    """Reading a verb's clause (a mixin of the Extractor: needs lex, speech, actors_at)."""

    lex: EventLexicon
    speech: frozenset[str]

    def actors_at(self, tok: Token | None) -> list[Actor]: ...  # from Parties

    def subject_of(self, v: Token) -> tuple[Token | None, bool]:
        """(subject token, passive?) walking up through xcomp/conj/acomp when the verb has none.

        "accused Kenya of arming militias": the one who arms is the object of
        "accused" (object control), not its subject. "the army, trained by X":
        a past participle modifying a noun has that noun as its patient.
        """
        cur = v
        for _ in range(5):
            for c in cur.children:
                if c.dep_ in ("nsubj", "csubj"):
                    return c, False
                if c.dep_ == "nsubjpass":  # "Abe was shot … while giving a speech": Abe gives, actively
                    return c, cur is v or (v.dep_ == "conj" and v.tag_ == "VBN")
            if cur.dep_ == "acl" and cur.tag_ == "VBN":
                return cur.head, True
            nonfinite = cur.tag_ in ("VBG", "VBN", "VB", "TO") or cur.pos_ != "VERB"
            if cur.dep_ == "xcomp" and cur.head is not cur and not self.lex.frames.get(cur.head.lemma_.lower()) \
                    and cur.head.lemma_.lower() not in SUBJECT_CONTROL:
                obj = next((c for c in cur.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj, False  # "prompting Israel to launch strikes": Israel launches (object control)
            if cur.head is not cur and (cur.dep_ in ("xcomp", "conj") or (cur.dep_ in ("acomp", "advcl", "pcomp") and nonfinite)):
                via_prep = cur.dep_ == "pcomp"
                cur = cur.head
                if cur.dep_ == "prep":
                    cur = cur.head
                if via_prep:
                    obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
                    if obj is not None:
                        return obj, False
            else:
                break
        return None, False

    @staticmethod
    def purpose(v: Token) -> bool:
        """An infinitive adverbial clause: "to help", "to mediate"."""
        return v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)

    def governed_by_frame(self, v: Token) -> bool:
        """"offered … to mediate": a purpose-shaped clause that is really what the frame verb offers."""
        return bool(self.lex.frames.get(v.head.lemma_.lower())) and self.lex.frames.get(v.head.lemma_.lower()) != "light"

    def chain(self, v: Token) -> list[Token]:
        """The words governing ``v`` up to its clause (for frames and modality)."""
        out = []
        cur = v
        for _ in range(5):
            if (cur.dep_ not in FRAME_HOPS and not (self.purpose(cur) and self.governed_by_frame(cur))) or cur.head is cur:
                break
            if cur.dep_ == "conj" and cur.head.dep_ != "xcomp":
                break  # a coordinated clause has its own modality; coordinated complements share theirs
            cur = cur.head
            out.append(cur)
        return out

    def claimant(self, v: Token) -> tuple[str | None, Actor | None]:
        """Who asserts the event when it sits in reported speech ("X said that …") or in an
        accusation ("X accused Y of doing …"): (name, actor)."""
        cur = v
        for _ in range(8):
            if cur.head is cur:
                return None, None
            head = cur.head
            if cur.dep_ == "pcomp" and head.dep_ == "prep":
                head = head.head
            lemma = head.lemma_.lower()
            if (cur.dep_ in ("ccomp", "parataxis") and lemma in self.speech) or (cur.dep_ == "pcomp" and lemma in ACCUSE):
                subj, _ = self.subject_of(head)
                if subj is None:
                    return None, None
                actors = self.actors_at(subj)
                return (actors[0].name, actors[0]) if actors else (subj.text, None)
            cur = cur.head
        return None, None

    def asserted_by(self, v: Token) -> str | None:
        return self.claimant(v)[0]

    def reported(self, v: Token, chain: list[Token]) -> bool:
        """Is the clause the content of a speech verb ("X said/told … that …")?"""
        top = chain[-1] if chain else v
        return top.dep_ == "ccomp" and top.head.lemma_.lower() in self.speech

    def modality(self, v: Token, chain: list[Token]) -> tuple[str, str | None, bool]:
        """(modality, frame, negated) from the verb, its auxiliaries and governing words."""
        words = [v, *chain]
        negated = any(c.dep_ == "neg" for w in words for c in w.children)
        aux = {c.lower_ for w in words for c in w.children if c.dep_ in ("aux", "auxpass")}
        if v.dep_ == "conj" and v.tag_ == "VB" and not aux:  # "Russia would respect the ceasefire and pull its tanks back"
            aux = {c.lower_ for c in v.head.children if c.dep_ in ("aux", "auxpass")}
        scope = words + ([v.head] if v.dep_ == "conj" else [])  # coordinated verbs share their condition
        marks = {c.lower_ for w in scope for c in w.children if c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKS}
        advs = {t.lower_ for w in scope for c in w.children if c.dep_ == "advmod" for t in (c, *c.children)}
        if "when" in advs and (v.tag_ in ("VBP", "VBZ", "VB") or "only" in advs):
            marks.add("when")  # "when the delegations meet again", "only when Kenya withdrew": not (yet) so
        purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        frame = None
        for w in chain:
            f = "intent" if w.lemma_.lower() in COMMIT_VERBS else self.lex.frames.get(w.lemma_.lower())
            if f and f != "light":
                frame = f
                break
        obliged = any(w.lemma_.lower() in ("have", "need") and w is not v for w in chain) and any(c.lower_ == "to" for c in v.children)
        under_modal = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.head.children)
        reported_future = aux & MODALS == {"would"} and not marks and self.reported(v, chain)
        if reported_future:  # "said that Iran would free the sailors": a promise reported, not a supposition
            return "intended", frame, negated
        if aux & MODALS or marks or frame == "hypothetical" or obliged or under_modal:
            return "hypothetical", frame, negated
        if frame == "intent" or aux & FUTURE or purpose:
            return "intended", frame, negated
        if frame in ("demand", "appeal"):
            return "demanded", frame, negated
        return "happened", frame, negated
