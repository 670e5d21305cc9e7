"""Recode a force event from its context (rules in ``resources/event_recodes.tsv``).

The verb lexicon codes "killed" as conventional force (190) whoever kills whom
and with what; CAMEO separates what the context says: chemical or nuclear
weapons (204), mass killings (202), an unarmed crowd's violence (145), the
killing of a named person (186), bombings (183), people seized (181).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from dragoman import resources
from dragoman.model import Actor

ROUND_NUMBERS = {"hundreds": 200, "thousands": 2000, "tens of thousands": 20000}
ARMED_ROLES = {"MIL", "REB", "INS", "COP", "SPY", "UAF", "SEP", "IMG", "PKO", "GOV"}


@dataclass(frozen=True)
class Rule:
    kind: str
    value: str
    roots: frozenset[str]
    code: str


@cache
def rules() -> list[Rule]:
    return [Rule(r["kind"], r["value"], frozenset(r["applies_to"].split()), r["code"]) for r in resources.table("event_recodes.tsv")]


def _victims(trigger: Any) -> int:
    """The number of victims in the trigger's object ("killed more than 1,400 people" → 1400), else 0."""
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    for t in obj.subtree if obj is not None else ():
        if t.lower_ in ROUND_NUMBERS:  # "killed thousands of men", "hundreds of civilians"
            return ROUND_NUMBERS[t.lower_]
        if t.like_num and t.dep_ in ("nummod", "pobj", "dobj") and (digits := re.sub(r"[^\d]", "", t.text)):
            return int(digits)
    return 0


def recode(code: str, trigger: Any, source: Actor, target: Actor | None) -> str:
    """The code the context gives a force event; ``code`` itself when no rule applies."""
    sentence = None
    for r in rules():
        if code[:2] not in r.roots:
            continue
        if r.kind == "term":
            if sentence is None:  # read the sentence only when a term rule applies to this root
                sentence = " ".join(t.lower_ for t in trigger.sent)
            if re.search(rf"\b{re.escape(r.value)}s?\b", sentence):
                return r.code
        if r.kind == "unarmed" and source.role == r.value:
            return r.code
        if r.kind == "person" and target is not None and target.kind == "person" and trigger.lemma_.lower() in r.value.split():
            return r.code
        if r.kind == "seized" and trigger.lemma_.lower() in r.value.split() and target is not None \
                and target.kind not in ("place", "state"):
            return r.code  # "seized an Israeli soldier": people are abducted, towns are seized
        if r.kind == "mass" and _victims(trigger) >= int(r.value) and not (target is not None and target.role in ARMED_ROLES):
            return r.code
    return code
