"""Resolve the actors an article mentions to canonical CAMEO-coded actors.

Three sources of knowledge, in order:

1. the lexicon: country names, demonyms, capitals (as metonyms for the
   government: "Tehran said"), organisations, role nouns;
2. the noun phrase around a mention: "Iranian officials" → IRN + GOV,
   "Iran's top nuclear negotiator" → IRN + GOV;
3. context for people: a person takes country and role from the words the text
   attaches to them — titles before the name ("Iraqi President X"), appositions
   ("the American ambassador to Iraq, X"; "X, an Iraqi government spokesman"),
   and keeps them on later mentions ("Crocker", "the ambassador", "he").

A preposition such as "to Iraq" in "ambassador to Iraq" names the posting, not
the nationality, so only modifiers to the left of the role noun give the country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from dragoman import resources
from dragoman.actors.lexicon import Entry, lexicon
from dragoman.actors.people import person_code
from dragoman.model import Actor, ActorMention, Article

DATELINE = re.compile(r"(?m)^([A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]{1,30})?)(?:,?\s*\w{3,9}\.? \d{1,2})?(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s")
COLLECTIVE_HEADS = {"group", "movement", "party", "faction", "organization", "organisation", "coalition", "alliance",
                    "bloc", "camp", "front", "network", "wing", "council", "committee", "body", "unit", "units"}
LEFT_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "det", "case", "nummod", "punct", "quantmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
BACKER_WORDS = {"backed", "funded", "sponsored", "supported", "allied", "trained", "armed", "aligned", "friendly"}
Token = Any  # spacy.tokens.Token; typed loosely so this module needs no spaCy import


@cache
def _person_roles() -> frozenset[str]:
    """Singular role nouns that name one person (president, minister, spokesman…)."""
    return frozenset(r["noun"].split()[-1].lower() for name in ("roles.tsv", "roles_extra.tsv") for r in resources.table(name)
                     if r["code"] == "GOV")


@cache
def _role_labels() -> dict[str, str]:
    return {row["code"]: row["label"].lower() for row in resources.table("cameo_types.tsv")}


def role_label(code: str | None) -> str:
    """Readable label of a CAMEO role code (GOV → government)."""
    return _role_labels().get(code, code.lower()) if code else ""


@dataclass
class Phrase:
    """What a noun phrase says about an actor."""

    country: Entry | None = None
    org: Entry | None = None
    role: Entry | None = None
    capital: bool = False
    demonym: bool = False

    def empty(self) -> bool:
        return not (self.country or self.org or self.role)


def _hits(doc: Any) -> dict[int, tuple[int, Entry]]:
    """Lexicon matches: token index → (length in tokens, entry); longest first, no overlaps."""
    lex = lexicon()
    words = [t.text.replace("’", "'") for t in doc]
    out: dict[int, tuple[int, Entry]] = {}
    i = 0
    while i < len(words):
        m = lex.match(words, i)
        if m:
            out[i] = m
            i += m[0]
        else:
            i += 1
    return out


def _of_tokens(head: Token) -> list[Token]:
    """The phrase an "of" names after a role noun ("the president of Chad", "officer of China's Huawei"):
    unlike "ambassador to Iraq", it says whose the role is."""
    return [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" for t in _left_tokens(g)]


def _left_tokens(head: Token) -> list[Token]:
    """The head and its left-hand modifiers, recursively (the pre-head noun phrase)."""
    out = [head]
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS:
            out.extend(_left_tokens(child))
    return sorted(out, key=lambda t: t.i)


def _phrase(tokens: Iterable[Token], hits: dict[int, tuple[int, Entry]], head: Token | None = None,
            nearest: bool = False) -> Phrase:
    """What a phrase's words say; with ``nearest``, the word closest to the end wins ("Indian PM X and
    Pakistani President Y": Y is Pakistani)."""
    ph = Phrase()
    idx = {t.i for t in tokens}
    for i in sorted(idx, reverse=nearest):
        if i not in hits:
            continue
        _, e = hits[i]
        if e.kind == "role":
            # a role word names the actor only as the phrase's head ("Iraqi forces") or as the
            # modifier of a collective noun ("opposition group"), not of anything else ("a military threat")
            if head is None or i <= head.i < i + hits[i][0] or head.lemma_.lower() in COLLECTIVE_HEADS:
                ph.role = e
        elif e.kind == "org":
            ph.org = ph.org or e
        elif ph.country is None:
            ph.country = e
            ph.capital = e.kind == "capital"
            ph.demonym = e.kind == "demonym"
    return ph


def _compose(ph: Phrase, name: str | None = None, person: bool = False) -> Actor | None:
    """An actor from what a phrase says; ``name`` overrides the display name."""
    lex = lexicon()
    if ph.org:
        code = ph.org.code
        if ph.country and code[:3] in lex.countries and code[:3] != ph.country.code:
            code = ph.country.code + code[3:]  # "Pakistani Taliban": the branch the text names, not the group's home
        return Actor(name or ph.org.name, code, None, ph.role.code if ph.role else None, "person" if person else "organisation")
    country = ph.country.code if ph.country else None
    role = ph.role.code if ph.role else ("GOV" if ph.capital else None)
    if not country and not role:
        return None
    code = (country or "") + (role or "") if country else None
    if person:
        kind = "person"
    elif role in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
        kind = "government"
    elif role:
        kind = "group"
    else:
        kind = "people" if ph.demonym else "state"
    if name is None:
        cname = lex.countries.get(country or "", country or "")
        name = f"{cname} {role_label(role)}".strip() if role else cname
    return Actor(name, code, country, role, kind)


@dataclass
class Resolver:
    """Per-article state: people seen so far, for later mentions."""

    people: list[tuple[str, Actor, str | None, int]] = field(default_factory=list)  # (full name, actor, role noun, offset)

    day: date | None = None

    def person(self, name: str, ctx: Phrase, at: int) -> Actor:
        parts = name.split()
        for full, actor, _, _ in reversed(self.people):
            fparts = full.split()
            if name == full or (len(parts) == 1 and parts[0] in fparts) or (parts and parts[-1] == fparts[-1] and len(parts) <= len(fparts)):
                new = _compose(ctx, actor.name, person=True) if not ctx.empty() else None
                # a later mention may say more ("Iranian ambassador Kazemi" after "Iranian … Kazemi Qumi")
                if new and new.code and (actor.code is None or (actor.role is None and new.country == actor.country)):
                    actor.code, actor.country, actor.role = new.code, new.country, new.role
                return actor
        actor = _compose(ctx, name, person=True)
        if actor is None or actor.code is None:  # the text gives no country: ask the people dictionary
            actor = _known_person(name, self.day) or actor or Actor(name, None, None, None, "person")
        self.people.append((name, actor, ctx.role.name if ctx.role else None, at))
        return actor

    def described(self, role_noun: str, before: int) -> Actor | None:
        """'the ambassador' → the latest person introduced with that role noun before ``before``."""
        for _, actor, noun, at in reversed(self.people):
            if noun == role_noun and at < before:
                return actor
        return None


def _known_person(name: str, day: date | None) -> Actor | None:
    """A person the people dictionary codes (leaders and officials, by date)."""
    code = person_code(name, day)
    if not code:
        return None
    return Actor(name, code, code[:3], code[3:6] or None, "person")


def _person_context(ent: Any, hits: dict[int, tuple[int, Entry]]) -> Phrase:
    """Country and role a person's surroundings give them."""
    root = ent.root
    tokens = [t for t in _left_tokens(root) if t.i < ent.start]
    if root.dep_ == "appos":  # "the American ambassador, X"
        tokens += [t for t in _left_tokens(root.head)]
    for child in root.children:
        if child.dep_ == "appos":  # "X, an Iraqi government spokesman", "X, chief executive of China's Huawei"
            tokens += _left_tokens(child)
            ph = _phrase(tokens, hits)
            if ph.role and not (ph.country or ph.org):
                tokens += _of_tokens(child)
    # a title in compound before the name: "Iraqi President X" (parsed as compounds of the name)
    return _phrase(tokens, hits, head=root.head if root.dep_ == "appos" else None, nearest=True)


def resolve_actors(article: Article, doc: Any) -> list[ActorMention]:
    """Every actor mention in the body, in text order."""
    hits = _hits(doc)
    for m in DATELINE.finditer(article.text):  # "KAMPALA, Uganda —" says where the report was filed, not who acts
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        for i in range(span.start, span.end) if span is not None else ():
            hits.pop(i, None)
    for i in list(hits):  # "Iranian-backed Iraqi officials": the backer is not the officials' country ("Saudi-led" is)
        if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in BACKER_WORDS:
            hits.pop(i)
    for ent in doc.ents:  # "the Persian Gulf", "the Indian Ocean": a demonym in a place's name names no actor
        for i in range(ent.start, ent.end - 1) if ent.label_ in ("LOC", "FAC") else ():
            if i in hits and hits[i][1].kind == "demonym":
                hits.pop(i)
    res = Resolver()
    try:
        res.day = date.fromisoformat(article.published[:10]) if article.published else None
    except ValueError:
        res.day = None
    lex = lexicon()
    for ent in doc.ents:  # "the Bush administration", "Bush officials": a leader's name gives the country
        if ent.label_ == "PERSON" and ent.root.dep_ in ("compound", "poss") and ent.start not in hits:
            code = person_code(ent.text.replace("’s", "").replace("'s", "").strip(), res.day)
            if code and code[:3] in lex.countries:
                hits[ent.start] = (ent.end - ent.start, Entry("country", code[:3], lex.countries[code[:3]]))
    mentions: dict[tuple[int, int], ActorMention] = {}
    person_tokens: set[int] = set()
    by_head: dict[int, Actor] = {}

    def add(start_tok: Token, end_tok: Token, actor: Actor) -> None:
        s, e = start_tok.idx, end_tok.idx + len(end_tok.text)
        mentions[(s, e)] = ActorMention(s, e, article.text[s:e], actor)

    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start in hits:
            continue
        ctx = _person_context(ent, hits)
        actor = res.person(ent.text.replace("’s", "").replace("'s", "").strip(), ctx, ent.start_char)
        add(doc[ent.start], doc[ent.end - 1], actor)
        person_tokens.update(range(ent.start, ent.end))
        by_head[ent.root.i] = actor
        if ent.root.dep_ == "appos":
            by_head[ent.root.head.i] = actor  # the role phrase it stands in apposition to
    for tok in doc:
        if tok.i in person_tokens or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound",):
            continue
        if tok.dep_ in ("amod", "poss", "nmod", "npadvmod") and tok.i in hits and tok.head.pos_ in ("NOUN", "PROPN"):
            head_ph = _phrase(_left_tokens(tok.head), hits, head=tok.head)
            if head_ph.role or tok.head.i in by_head:
                continue  # part of a larger actor phrase ("Iran's top negotiator")
        toks = _left_tokens(tok)
        if tok.i in by_head:
            add(toks[0], tok, by_head[tok.i])
            continue
        ph = _phrase(toks, hits, head=tok)
        if ph.role and not (ph.country or ph.org) and (of := _of_tokens(tok)):
            whose = _phrase(of, hits)  # "the presidents of Chad and Sudan" (the first), "the leader of Hamas"
            ph.country, ph.org = whose.country, whose.org
        if ph.empty() or (ph.role is None and tok.i not in hits and not any(t.i in hits for t in toks if t.dep_ == "poss")):
            continue
        if ph.role and not ph.country and not ph.org and any(t.lower_ == "the" for t in toks):
            known = res.described(ph.role.name, tok.idx)
            if known:
                add(toks[0], tok, known)
                continue
        actor = _compose(ph, None if ph.country or ph.org else doc[toks[0].i : tok.i + 1].text)
        if actor:
            add(toks[0], tok, actor)
    for m in list(mentions.values()):  # "Indian and Japanese warships": the second country's side too
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span if span is not None and m.actor.country and m.actor.code else ():
            if t.dep_ == "conj" and t.head.dep_ in ("amod", "nmod", "compound") and t.i in hits \
                    and hits[t.i][1].kind in ("country", "demonym"):
                c = hits[t.i][1]
                add(t, t, Actor(f"{c.name} {role_label(m.actor.role)}".strip(), c.code + (m.actor.role or ""), c.code,
                                m.actor.role, m.actor.kind))
    covered = {t for (s, e) in mentions for t in range(s, e)}
    for i, (n, entry) in hits.items():  # names inside other phrases: "US-Iranian talks", "UN sanctions"
        if entry.kind != "role" and doc[i].idx not in covered and not any(i <= p < i + n for p in person_tokens):
            actor = _compose(Phrase(country=entry if entry.kind != "org" else None, org=entry if entry.kind == "org" else None,
                                    capital=entry.kind == "capital", demonym=entry.kind == "demonym"))
            if actor:
                add(doc[i], doc[i + n - 1], actor)
    def one_person(m: ActorMention) -> bool:
        """A named person, or one official described by a singular role noun ("the Peruvian president")."""
        if m.actor.kind == "person":
            return True
        sp = doc.char_span(m.start, m.end, alignment_mode="expand")
        return m.actor.kind == "government" and m.actor.role == "GOV" and sp is not None and sp.root.tag_ == "NN" \
            and sp.root.lemma_.lower() in _person_roles()

    subjects = {m.start for m in mentions.values() if one_person(m)
                and (sp := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None and sp.root.dep_ in ("nsubj", "nsubjpass")}
    for tok in doc:
        if tok.lower_ in PERSON_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            # the latest person who was a subject ("Jama said … She also accused…"), else the latest person
            before = [m for (s, _), m in mentions.items() if s < tok.idx and one_person(m) and tok.idx - s < 600]
            if before:
                subj = [m for m in before if m.start in subjects]
                add(tok, tok, max(subj or before, key=lambda m: m.start).actor)
    return sorted(mentions.values(), key=lambda m: (m.start, m.end))
