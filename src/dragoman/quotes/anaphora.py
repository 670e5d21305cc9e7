"""Pronouns and epithets: which earlier mention a "he", "she", "they" or "it" stands for.

he/she (and epithets such as "the New York businessman"): the most salient
person of the nearest sentence that mentions anybody, within the previous
paragraph — named people, and unnamed ones ("a Kenyan official", "the woman")
competing with them; a tie is no answer. Genders come from titles and from the
article itself ("Warsame, for his part, insisted"). "they": the one plural
subject just before. "it": the nearest outlet or organisation subject ("The
newspaper was scathing … it suggested").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.quotes import lexicon
from dragoman.quotes.people import SUBJECTS, Person, salience

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dragoman.quotes.speakers import Speaker, Speakers

DEFINITE = {"the", "this", "that"}
# how far back a pronoun looks: sentences, and never before the previous paragraph
LOOKBACK_SENTENCES = 4


class Anaphora:
    """Pronoun resolution over the mentions a ``Speakers`` has found."""

    def __init__(self, speakers: Speakers) -> None:
        self.sp = speakers
        self.ctx = speakers.ctx
        self._by_sent: dict[int, list[Person]] = {}
        for p in speakers.persons:
            self._by_sent.setdefault(p.sent, []).append(p)
        self.gender: dict[str, str] = {p.full: p.gender for p in speakers.persons if p.gender}

    def persons_in(self, sent: int) -> list[Person]:
        return self._by_sent.get(sent, [])

    def window(self, tok: Token) -> range:
        """Sentence indices to look back over, nearest first."""
        s = self.ctx.sent_index(tok)
        k = self.ctx.para_index(tok.idx)
        floor = self.ctx.paras[k - 1][0] if k > 0 else 0
        lo = s
        while lo > 0 and s - lo < LOOKBACK_SENTENCES and self.ctx.sentence(lo - 1).end_char > floor:
            lo -= 1
        return range(s, lo - 1, -1)

    def pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        if low in lexicon.speaker_words("he") or low in lexicon.speaker_words("she"):
            return self.person(tok, "male" if low in lexicon.speaker_words("he") else "female")
        if low in lexicon.speaker_words("they"):
            return self._plural(tok)
        if low in lexicon.speaker_words("it"):
            return self._organisation(tok)
        return None

    def person(self, tok: Token, gender: str | None, named_only: bool = False) -> Speaker | None:
        """The person a he/she (or an epithet) refers to; in its own sentence only a subject counts."""
        here = self.ctx.sent_index(tok)
        for s in self.window(tok):
            cands: list[tuple[int, str, Person | Token]] = [
                (p.subject, p.full, p) for p in self.persons_in(s)
                if not p.quoted and not p.modifier and p.end <= tok.idx
                and (gender is None or self.gender.get(p.full) in (None, gender))]
            if not named_only:
                cands += [(salience(t), t.text, t) for t in self._unnamed_people(s, tok, gender)]
            if s == here:
                cands = [c for c in cands if c[0] == 2 and c[2] is not tok]
            if not cands:
                continue
            best = max(c[0] for c in cands)
            top = {c[1]: c[2] for c in cands if c[0] == best}
            if len(top) != 1:
                return None
            pick = next(iter(top.values()))
            if isinstance(pick, Person):
                return self.sp.person_speaker(pick)
            return self.sp.unnamed(pick)
        return None

    def _unnamed_people(self, s: int, tok: Token, gender: str | None) -> list[Token]:
        """People a sentence names by a role noun alone ("a Kenyan official"), not as a name's title."""
        roles = lexicon.speaker_words("role")
        other = lexicon.speaker_words({"female": "male", "male": "female"}[gender]) if gender else frozenset()
        out = []
        for t in self.ctx.sentence(s):
            if (t.i >= tok.i or t.tag_ != "NN" or t.lemma_.lower() not in roles or t.lower_ in other
                    or self.ctx.in_quote(t) or t.dep_ in ("compound", "appos")):
                continue
            if any(self.sp.person_at(x) is not None for x in t.subtree) or self.sp.person_at(t.head) is not None:
                continue
            out.append(t)
        return out

    def learn_genders(self) -> None:
        """Genders the article gives without doubt, the first answer standing.

        A his/her in a clause whose subject is the only person named before it
        ("Warsame, for his part, insisted"), or a he/she after a sentence that
        names a single person and nobody else ("Njoroge came out upbeat. … she told").
        """
        he, she = lexicon.speaker_words("he"), lexicon.speaker_words("she")
        for tok in self.ctx.doc:
            low = tok.lower_
            if self.ctx.in_quote(tok):
                continue
            if tok.dep_ in SUBJECTS and (low in he or low in she):
                p = self._only_person_before(tok)
                if p is not None:
                    self.gender.setdefault(p.full, "male" if low in he else "female")
            elif tok.dep_ == "poss" and low in ("his", "her"):
                verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None) if verb is not None else None
                if subj is None or tok in list(subj.subtree):
                    continue
                p = self.sp.person_at(subj) or self.sp.apposed_person(subj)
                others = {q.full for q in self.persons_in(self.ctx.sent_index(tok)) if q.start < tok.idx} - {
                    p.full if p else ""}
                if p is not None and not others:
                    self.gender.setdefault(p.full, "male" if low == "his" else "female")

    def _only_person_before(self, tok: Token) -> Person | None:
        """The one person of the nearest earlier sentence that mentions people, if only one."""
        here = self.ctx.sent_index(tok)
        for s in self.window(tok):
            if s == here:
                continue
            named = {p.full: p for p in self.persons_in(s) if not p.quoted and not p.modifier}
            if not named and not self._unnamed_people(s, tok, None):
                continue
            if len(named) == 1 and not self._unnamed_people(s, tok, None):
                return next(iter(named.values()))
            return None
        return None

    def _subjects_before(self, tok: Token) -> list[list[Token]]:
        """Subjects (outside quotes) of each sentence of the look-back window, nearest first."""
        out = []
        for s in self.window(tok):
            sent = self.ctx.sentence(s)
            out.append([t for t in sent if t.dep_ in SUBJECTS and t.i < tok.i and not self.ctx.in_quote(t)][::-1])
        return out

    def _plural(self, tok: Token) -> Speaker | None:
        for subjects in self._subjects_before(tok)[:3]:
            plural = [t for t in subjects if t.tag_ in ("NNS", "NNPS")]
            if len(plural) == 1:
                return self.sp.name_for(plural[0])
            if plural:
                return None
        return None

    def _organisation(self, tok: Token) -> Speaker | None:
        for subjects in self._subjects_before(tok)[:3]:
            for t in subjects:
                if t.pos_ == "PRON":
                    continue
                found = self.sp.name_for(t)
                if found is not None and found.kind in ("outlet", "org"):
                    return found
        return None
