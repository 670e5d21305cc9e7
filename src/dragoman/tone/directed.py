"""Tone toward one actor mention: the valence of what the sentence says about it.

A sentence's mood is not its stance toward each actor in it. "Iran must not
interfere with progress toward peace" is full of good words and hostile to
Iran; "sanctions against Iran" is grim and says nothing about Iran's conduct.
So the words that count for a mention are those of its own role, read off the
dependency parse:

- **agent**: the subject of a clause (or the owner of a trait or act, "Iran's
  meddling", "the tyranny of the government") takes the valence of its
  predicate: the verb, its objects and complements, not clauses with a
  subject of their own, circumstances ("after months of deadlock") or topics
  of discussion;
- **judged**: the object of a verb of judgement ("accused Tehran of
  meddling", "praised Seoul") takes the judgement, which decides the direction;
- **patient**: the object of an act ("strikes on Syria", "the invasion of
  Ukraine"), and **mentioned**: any other place ("talks with Iran", "a bad week
  for Hungary"): only the words of its own noun phrase ("the brutal junta");
- **people**: a demonym or "the people of" naming a population ("Iranian
  exiles") is not the state, and is not scored.

Valences compose: a shifter reverses what it governs ("undermine peace",
"freedom will suffer", "end the violence"), and a negation reverses what it
scopes, except in a prohibition ("must not interfere" still says the actor
interferes). The sum is squashed into -1..+1 as VADER does (x / sqrt(x² + 15)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from dragoman import resources
from dragoman.actors.lexicon import lexicon
from dragoman.model import GOVERNMENT_ROLES
from dragoman.tone.valence import pejorative, shifts, valences

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Role = Literal["agent", "judged", "patient", "mentioned", "people", "sole"]

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "pobj", "attr", "oprd", "dative", "xcomp", "ccomp", "pcomp", "acomp", "prep"}
MODIFIER_DEPS = {"poss", "amod", "compound", "nmod", "npadvmod"}
OWN_CLAUSE_DEPS = {"advcl", "ccomp", "conj", "relcl", "acl", "parataxis", "csubj", "pcomp"}
CIRCUMSTANCE_PREPS = {"after", "before", "since", "amid", "during", "following", "until", "despite", "throughout"}
CIRCUMSTANCE_MARKS = {"after", "before", "since", "as", "while", "when", "although", "though", "until", "once", "because"}
UNSHIFTED_PREPS = CIRCUMSTANCE_PREPS | {"for", "in", "at", "by"}  # "fight for X", "halted in May": not what is reversed
DEONTIC = {"must", "should", "ought", "need", "shall"}
GOVERNING_VERBS = {"rule", "govern", "run", "lead", "control", "dominate"}
RELATIVE_TAGS = {"WDT", "WP"}  # "the regime, which crushed dissent": the clause is the regime's
POSSESSIVES = {"its", "their", "his", "her"}
ALPHA = 15.0


@dataclass(frozen=True)
class Directed:
    """The tone a sentence takes toward one mention, and the role it was read from."""

    role: Role
    score: float  # -1 hostile … +1 favourable
    judging: bool = False  # the actor judges others here ("Iran condemned the attack")


@dataclass(frozen=True)
class RoleWords:
    """Words that decide a mention's role (``resources/tone_roles.tsv``, ``speech_verbs.txt``)."""

    population: frozenset[str]  # nouns naming a people: exiles, diaspora
    judging: frozenset[str]  # verbs and adjectives of judgement: accuse, praise, critical
    cessation: frozenset[str]  # verbs of stopping: end, halt
    topic: frozenset[str]  # verbs whose object is a topic: discuss, review
    summary: frozenset[str]  # nouns that sum up an act: move, step, gesture
    act: frozenset[str]  # nouns of acts: invasion, blockade (with the event nouns of noun_events.tsv)
    relation: frozenset[str]  # nouns of relations: ally, enemy
    charge: frozenset[str]  # nouns of accusation: allegation, claim
    speech: frozenset[str]  # verbs of saying


@cache
def role_words() -> RoleWords:
    table = resources.table("tone_roles.tsv")
    kinds = {kind: frozenset(r["lemma"] for r in table if r["kind"] == kind)
             for kind in ("population", "judging", "cessation", "topic", "summary", "act", "relation", "charge")}
    events = frozenset(r["noun"] for r in resources.table("noun_events.tsv") if " " not in r["noun"])
    return RoleWords(**{**kinds, "act": kinds["act"] | events}, speech=resources.words("speech_verbs.txt"))


def _act_noun(tok: Token) -> bool:
    """A noun naming an act ("invasion", "blockade", "bombing"): its "of" phrase undergoes it."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in role_words().act or tok.lower_ in role_words().act
                                   or tok.lower_.endswith("ing"))


def _population(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in role_words().population


def _actor_node(mention: Span) -> tuple[Token, str]:
    """The token that stands for the actor in its clause, and ``state``, ``people``, ``patient`` or ``mentioned``."""
    node = mention.root
    if _population(node):
        return node, "people"
    for _ in range(4):
        head = node.head
        if node.dep_ in ("conj", "appos") and head.i != node.i and head.pos_ in ("PROPN", "NOUN", "PRON"):
            node = head  # coordinated or apposed names share their role
        elif node.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN"):  # Iranian exiles / Iran's meddling
            if _population(head):
                return head, "people"
            node = head
        elif node.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            owner = head.head
            if _population(owner):
                return owner, "people"  # the people of Iran
            if _act_noun(owner):
                return node, "patient"  # the invasion of Ukraine
            if owner.lemma_.lower() in role_words().relation:
                return node, "mentioned"  # an enemy of Iran
            node = owner  # the tyranny of the government
        elif node.dep_ == "pobj" and head.lower_ == "in" and _ruler(head.head):  # the junta in Naypyidaw
            node = head.head
        elif node.dep_ in ("dobj", "pobj") and head.lemma_.lower() in GOVERNING_VERBS and head.dep_ in ("acl", "relcl"):
            node = head.head  # the regime ruling Iran
        else:
            break
    return node, "state"


def _ruler(tok: Token) -> bool:
    """A noun naming those who govern: a state role noun of the actor tables or a pejorative label ("regime")."""
    if tok.pos_ != "NOUN":
        return False
    roles = lexicon().roles
    entry = roles.get((tok.lower_,)) or roles.get((tok.lemma_.lower(),))
    return bool(entry and entry.code[:3] in GOVERNMENT_ROLES) or tok.lemma_.lower() in pejorative()


def _judges(pred: Token) -> bool:
    """True when a predicate judges someone else: "accused Iran of…", "was critical of the occupation"."""
    judging = role_words().judging
    return pred.lemma_.lower() in judging or any(c.dep_ == "acomp" and c.lemma_.lower() in judging for c in pred.children)


def _deontic(verb: Token) -> bool:
    """True when a verb is demanded or forbidden ("must stop", "should not")."""
    return any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in verb.children)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _demanded_stop(verb: Token, obj: Token) -> bool:
    """ "Must end its attacks", "must stop killing civilians": a demand that an actor stop its own
    act says the act goes on ("should end poverty" is no such admission)."""
    if verb.lemma_.lower() not in role_words().cessation or not _deontic(verb) or _negated(verb):
        return False
    own = any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in obj.children)
    return own or obj.pos_ == "VERB" or _act_noun(obj)


def _reversals(tok: Token, root: Token, shifted: set[int] | None = None) -> int:
    """How many shifters and negations reverse ``tok`` on its way up to ``root`` (shifters used go in ``shifted``)."""
    flips = 0
    cur = tok
    while True:
        if _negated(cur) and not _deontic(cur):
            flips += 1  # a prohibition ("must not interfere") still says the actor interferes
        if cur.i == root.i or cur.head.i == cur.i:
            break
        parent = cur.head
        scope = shifts(parent)
        reversed_ = False
        if "object" in scope and (cur.dep_ in OBJECT_DEPS or cur.dep_ == "nsubjpass") \
                and not (cur.dep_ == "prep" and (cur.lower_ in UNSHIFTED_PREPS or _has_object(parent))):
            reversed_ = not _demanded_stop(parent, cur)  # undermine peace / interfere with progress / was curtailed
        elif "subject" in scope and cur.dep_ in SUBJECT_DEPS:
            reversed_ = True  # freedom will suffer
        elif cur.dep_ in SUBJECT_DEPS and any(c.dep_ == "acomp" and "subject" in shifts(c) for c in parent.children):
            reversed_ = True  # the commitment to peace is limited
        if reversed_:
            flips += 1
            if shifted is not None:
                shifted.add(parent.i)
        cur = parent
    return flips


def _charged(tok: Token, root: Token) -> bool:
    """Is ``tok`` part of a denied accusation ("rejected accusations of war crimes")? A denial of a
    charge neither makes the charge the writer's claim nor turns it into praise."""
    cur = tok
    while cur.i != root.i and cur.head.i != cur.i:
        if cur.lemma_.lower() in role_words().charge and "object" in shifts(cur.head):
            return True
        cur = cur.head
    return False


def _has_object(verb: Token) -> bool:
    """A verb with a direct object reverses that object, not its other phrases ("jailing reporters on charges")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" for c in verb.children)


def _summary(tokens: list[Token]) -> Token | None:
    """An apposition after a comma that sums up the act: "…, a move rights groups welcomed"."""
    summary = role_words().summary
    for t in tokens:
        if (t.dep_ in ("appos", "npadvmod", "attr") and t.lemma_.lower() in summary and t.left_edge.i > 0
                and t.doc[t.left_edge.i - 1].text == ","):
            return t
    return None


def _own_clause(tok: Token, node: Token | None) -> bool:
    """True when ``tok`` heads a clause with a subject of its own (other than the actor)."""
    if tok.dep_ == "relcl" and tok.head.lemma_.lower() in role_words().summary:
        return False  # "…, a move rights groups welcomed": the clause judges the act
    return tok.dep_ in OWN_CLAUSE_DEPS and any(
        c.dep_ in SUBJECT_DEPS and (node is None or c.i != node.i) and c.tag_ not in RELATIVE_TAGS for c in tok.children)


def _circumstance(tok: Token) -> bool:
    """True for an adjunct that sets the scene rather than telling the act: "after months of
    deadlock", "as fighting spread", "despite sanctions"; the topic of a verb of discussion
    ("met to discuss the collapsing currency"); or a coordinated judgement of others."""
    if tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS:
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in tok.children):
        return True
    if tok.dep_ in ("conj", "relcl") and tok.pos_ in ("VERB", "AUX") and _judges(tok) \
            and tok.head.lemma_.lower() not in role_words().summary:
        return True  # "… and was critical of the invaders", "Iran, which condemned the attacks, …": judging others
    return tok.dep_ in ("dobj", "prep") and tok.head.lemma_.lower() in role_words().topic


def _describes_other(tok: Token) -> bool:
    """An apposition in a predicate describes someone else ("struck Kyiv, a peaceful city"), unless it sums up the act."""
    return tok.dep_ == "appos" and tok.lemma_.lower() not in role_words().summary


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
                     and not _circumstance(c) and not (skip is not None and _describes_other(c))
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
        if v and not _charged(t, root):
            scored[t.i] = -v if _reversals(t, root, shifted) % 2 else v
    return sum(v for i, v in scored.items() if i not in shifted)


def _acted_on(node: Token) -> bool:
    """Is the actor the object of an act ("sanctions against Iran", "struck Syria")?"""
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass", "dative"):
        return True
    return node.dep_ == "pobj" and (head.head.pos_ == "VERB" or _act_noun(head.head)
                                    or head.head.dep_ in ("dobj", "nsubj") and head.lower_ in ("on", "against"))


def directed(sent: Span, mention: Span, vals: dict[int, float] | None = None) -> Directed:
    """The tone ``sent`` takes toward the actor of ``mention`` (a span inside it)."""
    vals = valences(sent) if vals is None else vals
    node, kind = _actor_node(mention)
    if kind == "people":
        return Directed("people", 0.0)
    own = _score(_scope(node, None), node, vals)
    if kind == "patient":
        return Directed("patient", _squash(own))
    head = node.head
    if node.dep_ in SUBJECT_DEPS or (node.dep_ == "pobj" and head.dep_ == "agent"):
        pred = head if node.dep_ in SUBJECT_DEPS else head.head
        if node.pos_ == "NOUN" and not _ruler(node) and not _has_object(pred) and (
                "subject" in shifts(pred) or any(c.dep_ == "acomp" and "subject" in shifts(c) for c in pred.children)):
            own = -own  # the actor's own thing fails: "Russia's commitment to peace is limited", "its influence waned"
        if _judges(pred):  # what an actor says of others is their portrayal, not its own
            return Directed("agent", _squash(own), judging=True)
        said = _scope(pred, node)
        if pred.lemma_.lower() in role_words().speech:  # "argued that …", "warned of …": saying is not an act to judge
            said = [t for t in said if t.i != pred.i]
        summary = _summary(said)
        if summary is not None:  # the writer's own verdict on the act outweighs the words telling it
            verdict = _score(_scope(summary, None), summary, vals)
            if verdict:
                return Directed("agent", _squash(own + verdict))
        return Directed("agent", _squash(own + _score(said, pred, vals)))
    if node.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in role_words().judging:
        verdict = _score([head], head, vals)
        grounds = _score([t for c in head.children if c.dep_ in ("prep", "advcl", "xcomp", "oprd") for t in _scope(c, node)],
                         head, vals)
        if verdict and grounds * verdict < 0:
            grounds = 0.0  # "praised for keeping tensions down": the judgement decides the direction
        return Directed("judged", _squash(own + verdict + grounds))
    return Directed("patient" if _acted_on(node) else "mentioned", _squash(own))
