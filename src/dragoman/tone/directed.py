"""Tone toward one actor mention: the valence of what the sentence says about it.

A sentence's mood is not its stance toward each actor in it. "Iran must not
interfere with progress toward peace" is full of good words and hostile to
Iran; "sanctions against Iran" is grim and says nothing about Iran's conduct.
So the words that count for a mention are those of its own role, read off the
dependency parse:

- **agent**: the subject of a clause (or the owner of an act, "Iran's
  meddling", "the tyranny of the government") takes the valence of its
  predicate: the verb, its objects and complements, not clauses with a
  subject of their own;
- **judged**: the object of a verb of judgement ("accused Tehran of
  meddling", "praised Seoul") takes the verb's valence and its complements;
- **patient** or participant ("strikes on Syria", "talks with Iran"): only the
  words of its own noun phrase ("the brutal junta");
- **people**: a demonym naming a population ("Iranian exiles") is not the
  state, and is not scored.

Valences compose: a shifter reverses what it governs ("undermine peace",
"freedom will suffer", "end the violence"), and a negation reverses what it
scopes, except in a prohibition ("must not interfere" still says the actor
interferes). The sum is squashed into -1..+1 as VADER does (x / sqrt(x² + 15)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dragoman import resources
from dragoman.actors.lexicon import lexicon
from dragoman.model import GOVERNMENT_ROLES, country
from dragoman.tone.sentiment import polarity
from dragoman.tone.valence import pejorative, shifters, valences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dragoman.model import Article

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "pobj", "attr", "oprd", "dative", "xcomp", "ccomp", "pcomp", "acomp", "advcl", "conj", "prep"}
MODIFIER_DEPS = {"poss", "amod", "compound", "nmod", "npadvmod"}
OWN_CLAUSE_DEPS = {"advcl", "ccomp", "conj", "relcl", "acl", "parataxis", "csubj", "pcomp"}
NOT_AFFECTED = {"for", "in", "at", "during", "since", "after", "before", "by", "despite", "amid"}  # fight for X, halt in May
DEONTIC = {"must", "should", "ought", "need", "shall"}
GOVERNING_VERBS = {"rule", "govern", "run", "lead", "control", "dominate"}
CIRCUMSTANCE_PREPS = {"after", "before", "since", "amid", "during", "following", "until", "despite", "throughout"}
CIRCUMSTANCE_MARKS = {"after", "before", "since", "as", "while", "when", "although", "though", "until", "once", "because"}
RELATIVE_TAGS = {"WDT", "WP"}  # "the regime, which crushed dissent": the clause is the regime's
ALPHA = 15.0
SOLE_WEIGHT = 0.3  # a sentence about one state only: its mood, damped, when the role's words say nothing


@dataclass(frozen=True)
class Directed:
    """The tone a sentence takes toward one mention, and the role it was read from."""

    role: str  # agent | judged | patient | people | sole (stored as "unscored" when a mention has no span)
    score: float  # -1 hostile … +1 favourable


@dataclass(frozen=True)
class _Words:
    population: frozenset[str]
    judging: frozenset[str]
    cessation: frozenset[str]
    topic: frozenset[str]
    speech: frozenset[str]


@cache
def _w() -> _Words:
    """Role words: population nouns, verbs of judgement, of stopping and of discussion
    (``resources/tone_roles.tsv``), and verbs of speech (``speech_verbs.txt``)."""
    table = resources.table("tone_roles.tsv")
    kinds = [frozenset(r["lemma"] for r in table if r["kind"] == kind) for kind in ("population", "judging", "cessation", "topic")]
    return _Words(*kinds, speech=resources.words("speech_verbs.txt"))


def _actor_node(mention: Span) -> tuple[Token, str]:
    """The token that stands for the actor in its clause, and whether it names a population."""
    node = mention.root
    words = _w()
    if node.lemma_.lower() in words.population and node.pos_ == "NOUN":
        return node, "people"
    for _ in range(4):
        head = node.head
        if node.dep_ in ("conj", "appos") and head.i != node.i and head.pos_ in ("PROPN", "NOUN", "PRON"):
            node = head  # coordinated or apposed names share their role
        elif node.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN"):  # Iranian exiles / Iran's meddling
            if head.lemma_.lower() in words.population:
                return head, "people"
            node = head
        elif node.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":  # the tyranny of the government
            node = head.head
        elif node.dep_ == "pobj" and head.lower_ == "in" and _ruler(head.head):  # the junta in Naypyidaw
            node = head.head
        elif node.dep_ in ("dobj", "pobj") and head.lemma_.lower() in GOVERNING_VERBS and head.dep_ in ("acl", "relcl"):
            node = head.head  # the regime ruling Iran
        else:
            break
    return node, "state"


def _ruler(tok: Token) -> bool:
    """A noun naming those who govern: a role noun of the actor tables or a pejorative label ("regime", "mullahs")."""
    if tok.pos_ != "NOUN":
        return False
    roles = lexicon().roles
    entry = roles.get((tok.lower_,)) or roles.get((tok.lemma_.lower(),))
    return bool(entry and entry.code[:3] in GOVERNMENT_ROLES) or tok.lemma_.lower() in pejorative()


def _judges(pred: Token) -> bool:
    """True when a predicate judges someone else: "accused Iran of…", "was critical of the occupation"."""
    judging = _w().judging
    return pred.lemma_.lower() in judging or any(
        c.dep_ == "acomp" and c.lemma_.lower() in judging for c in pred.children)


def _deontic(verb: Token) -> bool:
    """True when a verb is demanded or forbidden ("must stop", "should not")."""
    return any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in verb.children)


def _reversals(tok: Token, root: Token, shifted: set[int] | None = None) -> int:
    """How many shifters and negations reverse ``tok`` on its way up to ``root`` (shifters used go in ``shifted``)."""
    flips = 0
    shift = shifters()
    cur = tok
    while True:
        if any(c.dep_ == "neg" for c in cur.children) and not _deontic(cur):
            flips += 1  # a prohibition ("must not interfere") still says the actor interferes
        if cur.i == root.i or cur.head.i == cur.i:
            break
        parent = cur.head
        scope = shift.get(parent.lemma_.lower(), ())
        if parent.lemma_.lower() in _w().cessation and _deontic(parent):
            pass  # "must end its attacks" says the attacks go on
        elif "object" in scope and (cur.dep_ in OBJECT_DEPS - {"conj", "advcl"} or cur.dep_ == "nsubjpass") \
                and not (cur.dep_ == "prep" and (cur.lower_ in NOT_AFFECTED or _has_object(parent))):
            flips += 1  # undermine peace / interfere with progress / freedom was curtailed
            if shifted is not None:
                shifted.add(parent.i)
        elif "subject" in scope and cur.dep_ in SUBJECT_DEPS:
            flips += 1  # freedom will suffer
            if shifted is not None:
                shifted.add(parent.i)
        cur = parent
    return flips


def _has_object(verb: Token) -> bool:
    """A verb with a direct object reverses that object, not its other phrases ("jailing reporters on charges")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" for c in verb.children)


def _summary(tokens: list[Token]) -> Token | None:
    """An apposition after a comma that sums up the act: "…, a move rights groups welcomed"."""
    for t in tokens:
        if t.dep_ in ("appos", "npadvmod", "attr") and t.pos_ == "NOUN" and t.left_edge.i > 0 \
                and t.doc[t.left_edge.i - 1].text == ",":
            return t
    return None


def _own_clause(tok: Token, node: Token | None) -> bool:
    """True when ``tok`` heads a clause with a subject of its own (other than the actor)."""
    if tok.dep_ == "relcl" and tok.lemma_.lower() in _w().judging:
        return False  # "…, a move rights groups welcomed": the judgement is of the act
    return tok.dep_ in OWN_CLAUSE_DEPS and any(
        c.dep_ in SUBJECT_DEPS and (node is None or c.i != node.i) and c.tag_ not in RELATIVE_TAGS for c in tok.children)


def _circumstance(tok: Token) -> bool:
    """True for an adjunct that sets the scene rather than telling the act: "after months of
    deadlock", "as fighting spread", "despite sanctions"; or the topic of a verb of discussion
    ("met to discuss the collapsing currency")."""
    if tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
        return True
    if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and _judges(tok):
        return True  # "… rebutted the charges and was critical of the invaders": the second is a judgement of others
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in tok.children):
        return True
    return tok.dep_ in ("dobj", "prep") and tok.head.lemma_.lower() in _w().topic


def _scope(root: Token, skip: Token | None) -> list[Token]:
    """Tokens under ``root`` that speak of it: its subtree less ``skip``, clauses of other subjects
    and circumstances.

    With ``skip`` (the subject of ``root``), what stands before the subject ("As talks began, …",
    "Despite …") frames the clause rather than saying anything of the subject, and is left out too.
    """
    out, stack = [], [root]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if (skip is None or c.i != skip.i) and not _own_clause(c, skip)
                     and not _circumstance(c)
                     and not (skip is not None and t.i == root.i and c.i < skip.i and c.dep_ not in ("aux", "neg")))
    return out


def _squash(x: float) -> float:
    return x / math.sqrt(x * x + ALPHA) if x else 0.0


def _score(tokens: list[Token], root: Token, vals: dict[int, float]) -> float:
    """Summed valence of ``tokens``, each reversed by the shifters and negations above it (up to ``root``).

    A shifter that reversed a scored word is the composition's operator: its own valence
    is not added again ("crackdown on corruption" is favourable, not a wash).
    """
    shifted: set[int] = set()
    scored: dict[int, float] = {}
    for t in tokens:
        v = vals.get(t.i)
        if v:
            scored[t.i] = -v if _reversals(t, root, shifted) % 2 else v
    return sum(v for i, v in scored.items() if i not in shifted)


def directed(sent: Span, mention: Span, vals: dict[int, float] | None = None) -> Directed:
    """The tone ``sent`` takes toward the actor of ``mention`` (a span inside it)."""
    vals = valences(sent) if vals is None else vals
    node, kind = _actor_node(mention)
    if kind == "people":
        return Directed("people", 0.0)
    own = _score(_scope(node, None), node, vals)
    head = node.head
    if node.dep_ in SUBJECT_DEPS or (node.dep_ == "pobj" and head.dep_ == "agent"):
        pred = head if node.dep_ in SUBJECT_DEPS else head.head
        if _judges(pred):
            return Directed("agent", _squash(own))  # what an actor says of others is their portrayal, not its own
        said = _scope(pred, node)
        if pred.lemma_.lower() in _w().speech:  # "argued that …", "warned of …": saying is not an act to judge
            said = [t for t in said if t.i != pred.i]
        summary = _summary(said)
        if summary is not None:  # the writer's own verdict on the act outweighs the words telling it
            verdict = _score(_scope(summary, None), summary, vals)
            if verdict:
                return Directed("agent", _squash(own + verdict))
        return Directed("agent", _squash(own + _score(said, pred, vals)))
    if node.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _w().judging:
        verdict = _score([head], head, vals)
        grounds = _score([t for c in head.children if c.dep_ in ("prep", "advcl", "xcomp", "oprd") for t in _scope(c, node)],
                         head, vals)
        if verdict and grounds * verdict < 0:
            grounds = 0.0  # "praised for keeping tensions down": the judgement decides the direction
        return Directed("judged", _squash(own + verdict + grounds))
    return Directed("patient", _squash(own))


def doc_tones(doc: Doc, mentions: list[tuple[int, int, str | None]]) -> list[Directed | None]:
    """Directed tone of each mention, given as (start, end, actor code) in a parsed text.

    When a sentence names one state only and the words of its mentions' roles
    say nothing, the sentence is about that state: its mood counts, damped
    (role ``sole``).
    """
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end, _ in mentions]
    by_sentence: dict[int, list[int]] = {}
    for i, span in enumerate(spans):
        if span is not None and len(span):
            by_sentence.setdefault(span.sent.start, []).append(i)
    out: list[Directed | None] = [None] * len(mentions)
    for idx in by_sentence.values():
        sent = spans[idx[0]].sent
        vals = valences(sent)
        states = {country(mentions[i][2]) for i in idx if mentions[i][2]}
        found = {i: directed(sent, spans[i], vals) for i in idx}
        silent = all(not d.score for d in found.values() if d.role != "people")
        for i, d in found.items():
            if silent and len(states) == 1 and d.role != "people":
                d = Directed("sole", round(SOLE_WEIGHT * polarity(sent.text), 4))
            out[i] = d
    return out


def add_tones(article: Article, doc: Doc) -> None:
    """Set the directed tone of every actor mention of a parsed article (an extraction component)."""
    for m, d in zip(article.actors, doc_tones(doc, [(m.start, m.end, m.actor.code) for m in article.actors])):
        m.tone, m.tone_role = (round(d.score, 4), d.role) if d is not None else (None, "unscored")


def tones_of(text: str, mentions: list[tuple[int, int, str | None]]) -> list[Directed | None]:
    """Directed tone of mentions (start, end, actor code) of ``text``, parsing it: for stores older than tones."""
    from dragoman import nlp

    return doc_tones(next(nlp.parse([text])), mentions)
