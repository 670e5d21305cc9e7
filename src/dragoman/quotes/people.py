"""Person mentions: who the article names, in full, with what describes them.

spaCy's PERSON entities (and proper-noun organisations described as people:
"…, Thandiwe Mokoena" tagged ORG after "the mediator"), plus bare surnames the
tagger missed. Each mention carries the full name the article gives ("Crocker"
→ "Ryan Crocker", titles stripped), the nouns that describe it (spokesman,
ambassador), a gender when a title tells it, and how salient it is in its
sentence (the subject, inside the subject phrase, elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.quotes import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dragoman.quotes.context import Context

SUBJECTS = ("nsubj", "nsubjpass")
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass(frozen=True)
class Person:
    """A person mention with the name it stands for and the words that describe it."""

    start: int
    end: int
    first: int
    last: int
    words: tuple[str, ...]
    full: str
    descriptors: frozenset[str]
    gender: str | None
    sent: int
    subject: int  # 2: the subject or its apposition, 1: inside the subject phrase, 0: elsewhere
    quoted: bool
    modifier: bool  # "the Bush administration": a name used as a modifier, not a referent


def salience(tok: Token) -> int:
    """2 for a subject (or a name in apposition inside it), 1 inside a subject phrase, else 0."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "Nur and Farah met": both are subjects
    if tok.dep_ in SUBJECTS:
        return 2
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return 2  # "According to Ham, …": the source speaks
    t, appos = tok, tok.dep_ == "appos"
    for _ in range(6):
        if t.dep_ not in ("appos", "compound", "pobj", "prep", "poss", "amod", "conj"):
            return 0
        t = t.head
        if t.dep_ in SUBJECTS:
            return 2 if appos else 1
    return 0


def _is_modifier(tok: Token) -> bool:
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.ent_type_ != "PERSON"


# a name as found: entity, name words, descriptors, gender, the name as written
Named = tuple["Span", tuple[str, ...], set[str], "str | None", str]


class PeopleFinder:
    """Finds the person mentions of one parsed article."""

    def __init__(self, ctx: Context, ent_of: dict[int, Span], outlet_spans: list[tuple[int, int]]) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self._ent_of = ent_of
        self._outlet_spans = outlet_spans

    def _name_words(self, span: Span) -> tuple[list[Token], set[str]]:
        """Tokens of a person's name without titles or possessive, and the titles removed."""
        titles = lexicon.speaker_words("title")
        toks = [t for t in span if t.tag_ != "POS" and not t.is_punct or t.text == "-"]
        removed: set[str] = set()
        while len(toks) > 1 and (toks[0].lower_ in titles or toks[0].lower_ == "the"):
            removed.add(toks[0].lower_)
            toks = toks[1:]
        return toks, removed

    def descriptors(self, span: Span) -> set[str]:
        """Nouns that describe a person: "KDF spokesperson …", "…, an Iraqi government spokesman"."""
        out: set[str] = set()
        k = span.start - 1
        while k >= 0 and self.doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and not self.doc[k].is_punct:
            out.add(self.doc[k].lemma_.lower())
            k -= 1
        root = span.root
        linked = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            linked.append(root.head)
        for n in linked:
            out.add(n.lemma_.lower())
            out.update(c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod"))
        return out

    def find(self) -> list[Person]:
        """Every person mention, in text order."""
        doc, ctx = self.doc, self.ctx
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
        outlet_spans = self._outlet_spans
        spans: list[Span] = []
        for e in doc.ents:
            if "\n" in e.text or any(s <= e.start_char < t for s, t in outlet_spans):
                continue
            if e.label_ == "PERSON" and e.text not in places:
                spans.append(e)
            elif (e.label_ in ORG_LABELS and len(e) >= 2 and all(t.pos_ == "PROPN" for t in e)
                  and self.descriptors(e) & lexicon.speaker_words("role")):
                spans.append(e)  # "…, Thandiwe Mokoena" tagged ORG but described as a person
        raw: list[Named] = []
        for e in spans:
            name_toks, removed = self._name_words(e)
            if not name_toks:
                continue
            desc = self.descriptors(e) | removed
            gender = "male" if desc & lexicon.speaker_words("male") else (
                "female" if desc & lexicon.speaker_words("female") else None)
            text = ctx.text[name_toks[0].idx:name_toks[-1].idx + len(name_toks[-1].text)]
            raw.append((e, tuple(t.text for t in name_toks), desc, gender, text))
        persons: list[Person] = []
        longest = [r for r in raw if len(r[1]) >= 2]
        for e, words, desc, gender, text in raw:
            full = text
            if len(words) == 1 or any(len(lw[1]) > len(words) for lw in longest):
                match = self._expand(words, e.start_char, longest)
                if match:
                    full = match
            persons.append(Person(e.start_char, e.end_char, e.start, e.end, words, full, frozenset(desc), gender,
                                  ctx.sent_index(e.root), salience(e.root), ctx.in_quote(e.root), _is_modifier(e.root)))
        # bare surnames the tagger missed ("Warsame said", "Kazemi", "Crocker" tagged ORG)
        known: dict[str, Person] = {}
        for p in persons:
            if len(p.words) >= 2:
                for w in p.words[1:]:
                    known.setdefault(w, p)
        taken = {i for p in persons for i in range(p.first, p.last)}
        for t in doc:
            if t.i in taken or t.pos_ != "PROPN" or t.text not in known:
                continue
            if self._ent_of.get(t.i) is not None and len(self._ent_of[t.i]) > 1:
                continue
            ref = known[t.text]
            persons.append(Person(t.idx, t.idx + len(t.text), t.i, t.i + 1, (t.text,), ref.full, ref.descriptors,
                                  ref.gender, ctx.sent_index(t), salience(t), ctx.in_quote(t), _is_modifier(t)))
        persons.sort(key=lambda p: p.start)
        return persons

    @staticmethod
    def _expand(words: tuple[str, ...], pos: int, longest: list[Named]) -> str | None:
        """The full name a short form stands for: nearest earlier, else the first later one."""
        def contains(full: tuple[str, ...]) -> bool:
            n = len(words)
            return len(full) > n and any(full[i:i + n] == words for i in range(len(full) - n + 1))

        earlier = [r for r in longest if r[0].start_char < pos and contains(r[1])]
        ends = [r for r in earlier if r[1][-1] == words[-1]]
        pick = (ends or earlier)[-1:] or [r for r in longest if contains(r[1])][:1]
        return pick[0][4] if pick else None
