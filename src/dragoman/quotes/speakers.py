"""Speakers: from the subject of a speech verb to the name the article gives in full.

``Speakers.name_for(token)`` turns a subject into a speaker: a person's full name
(see ``people``), an outlet (see ``outlets``), an organisation, an unnamed
speaker as written ("one Somali negotiator"), or the owner of a document ("an
editorial in the Wall Street Journal" → Wall Street Journal). Pronouns and
epithets go to ``anaphora``; "the spokesman" goes to the nearest person
described as one, "the newspaper" to the nearest outlet, "the statement" to
whoever issued the statement mentioned before. When the answer is not clear
the speaker is None: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.quotes import lexicon
from dragoman.quotes.anaphora import Anaphora
from dragoman.quotes.outlets import OutletMention, alias_match
from dragoman.quotes.people import ORG_LABELS, PeopleFinder, Person

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dragoman.quotes.context import Context

DEFINITE = {"the", "this", "that"}
NEXT_SENTENCE_CHARS = 300  # how far a lead's described speaker may be named later
NP_LEFT = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "advmod", "npadvmod"}
# between a name and its verb: an apposition set off by commas, adverbs ("…, the chief executive, forcefully told")
ADJACENT = re.compile(r"^\s*(?:,[^,;:.]{1,80},)?\s*(?:\w+ly\s+|also\s+|then\s+)*$")


@dataclass(frozen=True)
class Speaker:
    """Who is speaking: a display name, a kind, and the mentions it rests on."""

    name: str
    kind: str  # person | outlet | org | group
    spans: tuple[tuple[int, int], ...] = ()


def _org_name(text: str) -> str:
    """An organisation's name without a leading "the" or a trailing possessive."""
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def subject_of(verb: Token) -> Token | None:
    """The subject of a speech verb, climbing from participles and conjuncts to the clause."""
    v = verb
    for _ in range(4):
        if v.lemma_ == "quote" and v is not verb:
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "the paper quoted him as saying": the one quoted speaks
        for c in v.children:
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and v.lemma_ == "quote"):
                if c.is_punct:  # a closing mark parsed as the subject: the real one hangs on it
                    return next((g for g in c.children if g.dep_ == "appos"), None)
                return c
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if v.dep_ == "acl" and v.tag_ == "VBD" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "the correspondent reported …" parsed as a reduced relative
        if v.dep_ in ("advcl", "xcomp", "conj", "pcomp") and v.head is not v and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.pos_ == "ADP" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "quoted him as saying"
            continue
        break
    return None


class Speakers:
    """Names for speaker tokens in one article."""

    def __init__(self, ctx: Context, outlets: list[OutletMention]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.outlets = outlets
        self._ent_of: dict[int, Span] = {i: e for e in self.doc.ents if "\n" not in e.text
                                         for i in range(e.start, e.end)}
        self.persons = PeopleFinder(ctx, self._ent_of, [(o.start, o.end) for o in outlets]).find()
        self._person_of: dict[int, Person] = {i: p for p in self.persons for i in range(p.first, p.last)}
        self.anaphora = Anaphora(self)
        self.anaphora.learn_genders()

    def person_at(self, tok: Token) -> Person | None:
        return self._person_of.get(tok.i)

    def person_speaker(self, p: Person) -> Speaker:
        """A person as a speaker, resting on this mention and the full-name mention it expands to."""
        spans = [(p.start, p.end)]
        if len(p.words) < len(p.full.split()):
            spans += [(q.start, q.end) for q in self.persons if len(q.words) == len(p.full.split())
                      and q.full == p.full][:1]
        return Speaker(p.full, "person", tuple(spans))

    def subject(self, verb: Token) -> Token | None:
        """The subject of a speech verb; when the parse lost it, a person named right before
        ("Marc H. Morial, the chief executive of the League, forcefully told …")."""
        subj = subject_of(verb)
        if subj is not None:
            return subj
        before = [p for p in self.anaphora.persons_in(self.ctx.sent_index(verb)) if p.end <= verb.idx]
        if not before:
            return None
        p = before[-1]
        if ADJACENT.match(self.ctx.text[p.end:verb.idx]):
            return self.doc[p.last - 1]
        return None

    # -- the entry point ----------------------------------------------------------
    def name_for(self, tok: Token | None, depth: int = 0) -> Speaker | None:
        """The speaker a subject token stands for, or None when it cannot be told."""
        if tok is None or depth > 3 or self.ctx.in_quote(tok):
            return None
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
            return self.name_for(tok.head.head, depth + 1)
        if tok.pos_ == "PRON":
            return self.anaphora.pronoun(tok)
        outlet = alias_match(tok, self.outlets)
        if outlet is not None:
            return Speaker(outlet.name, "outlet", ((outlet.start, outlet.end),))
        p = self.person_at(tok)
        if p is not None:
            return self.person_speaker(p)
        p = self.apposed_person(tok)
        if p is not None:
            return self.person_speaker(p)
        lemma = tok.lemma_.lower()
        if lemma in lexicon.speaker_words("document"):
            return self._document_owner(tok, depth) or self._document_antecedent(tok, depth)
        if lemma in lexicon.speaker_words("nonspeaker"):
            return None
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
        if tok.pos_ == "NOUN" and lemma in lexicon.outlet_words("generic") and definite:
            return self._nearest_outlet(tok.idx)
        ent = self._ent_of.get(tok.i)
        if ent is not None and ent.label_ in ORG_LABELS | {"PERSON"}:
            a, b = self._proper_phrase(tok, ent)
            return Speaker(_org_name(self.ctx.text[a:b]), "org", ((a, b),))
        if tok.pos_ == "NOUN" and lemma in lexicon.speaker_words("role") and definite and tok.tag_ == "NN":
            return self._described(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            return Speaker(self._np_text(tok), "group", ((tok.idx, tok.idx + len(tok.text)),))
        return None

    def apposed_person(self, tok: Token) -> Person | None:
        """The one person named in apposition inside a subject phrase.

        "The district commissioner of Beled Hawo, Abdiweli Osman Gure, told …"
        (the parser may hang the name on any noun of the phrase).
        """
        if tok.dep_ == "appos" and (p := self.person_at(tok.head)) is not None:
            return p
        found = {}
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ == "appos" and not self.ctx.in_quote(t):
                p = self.person_at(t)
                if p is not None:
                    found[p.full] = p
        return next(iter(found.values())) if len(found) == 1 else None

    def _proper_phrase(self, tok: Token, ent: Span) -> tuple[int, int]:
        """An organisation's whole name when the tagger cut it ("Ministry of Foreign | Diaspora Affairs")."""
        a, b = ent.start_char, ent.end_char
        last = ent.end - 1
        for t in tok.subtree:
            if t.i > last and t.i == last + 1 and (t.pos_ == "PROPN" or t.lower_ in ("of", "and", "for", "&")):
                last = t.i
        while last >= ent.end and self.doc[last].pos_ != "PROPN":
            last -= 1
        if last >= ent.end:
            b = self.doc[last].idx + len(self.doc[last].text)
        return a, b

    def _document_owner(self, tok: Token, depth: int) -> Speaker | None:
        """"An editorial in Tuesday's Wall Street Journal" → the Journal; a bare "the report" → None."""
        for c in tok.children:
            if c.dep_ == "poss":
                return self._accept(self.name_for(c, depth + 1))
            if c.dep_ == "prep" and c.lower_ in ("in", "by", "from", "of"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._accept(self.name_for(pobj, depth + 1))
        return None

    def _document_antecedent(self, tok: Token, depth: int) -> Speaker | None:
        """"The statement said …" → whoever spoke in the sentence that mentioned a statement before."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        here = self.ctx.sent_index(tok)
        for s in self.anaphora.window(tok):
            if s == here:
                continue
            sent = self.ctx.sentence(s)
            if not any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not self.ctx.in_quote(t) for t in sent):
                continue
            for v in sent:
                if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in lexicon.speech_verbs():
                    subj = subject_of(v)
                    if subj is not None and subj.lemma_.lower() != lemma:
                        return self._accept(self.name_for(subj, depth + 1))
            return None
        return None

    @staticmethod
    def _accept(sp: Speaker | None) -> Speaker | None:
        return sp if sp is not None and sp.kind in ("person", "outlet", "org", "group") else None

    def _nearest_outlet(self, pos: int) -> Speaker | None:
        earlier = [o for o in self.outlets if o.end <= pos]
        if not earlier:
            return None
        o = earlier[-1]
        return Speaker(o.name, "outlet", ((o.start, o.end),))

    def _described(self, tok: Token) -> Speaker | None:
        """"the ambassador" → the nearest earlier person described as an ambassador; failing
        that, an epithet ("the New York businessman said") is read like "he said"."""
        lemma = tok.lemma_.lower()
        for p in reversed(self.persons):
            if p.end <= tok.idx and not p.quoted and lemma in p.descriptors:
                return self.person_speaker(p)
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        gender = ("male" if lemma in lexicon.speaker_words("male") else
                  "female" if lemma in lexicon.speaker_words("female") else None)
        sp = self.anaphora.person(tok, gender, named_only=True)
        if sp is not None and sp.kind == "person":
            return sp
        later = self._named_next(tok)
        if later is not None:
            return self.person_speaker(later)
        return Speaker(self._np_text(tok), "group", ((tok.idx, tok.idx + len(tok.text)),))

    def _named_next(self, tok: Token) -> Person | None:
        """A lead that describes its speaker before naming them: "The chief executive of X said …
        'We are …,' Kari Nygaard said." — the one person named in the next sentence, if no one is named before."""
        sent = tok.sent
        if any(p.end <= tok.idx and not p.quoted and not p.modifier for p in self.persons):
            return None
        nxt = [p for p in self.persons if p.start >= sent.end_char and not p.modifier
               and p.start < sent.end_char + NEXT_SENTENCE_CHARS]
        names = {p.full for p in nxt}
        if len(names) != 1 or not self._speaks(nxt[0]):
            return None  # the next sentence must name one person, and as a speaker ("…,” Kari Nygaard said)
        return nxt[0]

    def _speaks(self, p: Person) -> bool:
        """Is the person the subject of a verb of saying?"""
        for t in self.ctx.doc[p.first:p.last]:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in lexicon.speech_verbs():
                return True
        return False

    def unnamed(self, tok: Token) -> Speaker | None:
        """A person named by a role noun: "the spokesman" resolved, "a Kenyan official" as written."""
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
            return self._described(tok)
        return Speaker(self._np_text(tok), "group", ((tok.idx, tok.idx + len(tok.text)),))

    def _np_text(self, tok: Token) -> str:
        """A common-noun speaker as written: "one Somali negotiator", "two diplomats familiar with …"."""
        left = tok.i
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.lefts:
                if c.dep_ in NP_LEFT and not c.is_punct:
                    left = min(left, c.left_edge.i if c.dep_ != "det" else c.i)
                    stack.append(c)
        right = tok.i
        for c in tok.rights:
            comma = any(x.text == "," for x in c.subtree)
            if c.dep_ in ("amod", "prep") and c.i == right + 1 and not comma:
                right = c.right_edge.i
            else:
                break
        text: str = self.doc[left:right + 1].text
        return text.split("\n")[-1].strip() if "\n" in text else text
