"""Outlets: recognising newspaper, agency and broadcaster names, and passages quoted from them.

A name is a run of capitalised tokens (with "of", "&", "-" inside) that holds
a cue word from ``outlet_cues.tsv`` ("Times", "Journal", "Monitor"…), or a name
introduced by a generic noun ("the newspaper Haaretz", "Al Hurra, a satellite
channel"). A passage is quoted at length when a paragraph ends with a colon
after such a name ("According to the New York Times:", "a recent article in the
Christian Science Monitor:") and the next paragraph does not open with a mark;
it runs over the following paragraphs until the author's own voice returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.quotes import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dragoman.quotes.context import Context

CONNECTORS = {"of", "&", "-", "for", "de", "al", "el"}
# A quoted passage rarely runs longer; beyond this the author is taken to speak again.
MAX_PASSAGE_PARAGRAPHS = 4
NOT_NAME = {"DET", "ADP", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV", "PART"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "ours"}


@dataclass(frozen=True)
class OutletMention:
    start: int  # char span of the name in the text
    end: int
    name: str  # without a leading "the"
    first: int  # token indices [first, last)
    last: int

    @property
    def alias(self) -> str:
        """The short form a later mention may use: "the Times", "the Meridian"."""
        return self.name.split()[-1]


@dataclass(frozen=True)
class Passage:
    """A passage quoted at length from an outlet: paragraphs [start, end) of the text,
    introduced by the sentence [intro_start, intro_end) ("According to the New York Times:")."""

    start: int
    end: int
    outlet: OutletMention
    intro_start: int
    intro_end: int


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and not tok.is_punct


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised tokens, joined by connectors, stopping before a possessive."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not _capitalised(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            if t.tag_ == "POS":
                break  # "Tuesday's Wall Street Journal": the possessive ends a name
            if _capitalised(t) or t.lower_ in CONNECTORS and j + 1 < n and _capitalised(doc[j + 1]):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Drop leading words that are not part of a name ("According", "In", "The", weekdays)."""
    stops = lexicon.outlet_words("stop")
    while i < j and (doc[i].pos_ in NOT_NAME or doc[i].text in stops):
        i += 1
    while j > i and doc[j - 1].lower_ in CONNECTORS:
        j -= 1
    return i, j


def _is_outlet_name(doc: Doc, i: int, j: int) -> bool:
    words = {t.text for t in doc[i:j]}
    strong = words & lexicon.outlet_words("name")
    weak = words & lexicon.outlet_words("weak")
    if strong or len(weak) >= 2:
        return True
    return bool(weak) and j - i == 1 and i > 0 and doc[i - 1].lower_ == "the"


def _introduced(doc: Doc, i: int, j: int) -> bool:
    """"the newspaper Haaretz", "Al Hurra, a satellite channel", "Haaretz, the Israeli daily"."""
    generic = lexicon.outlet_words("generic")
    if i > 0 and doc[i - 1].lower_ in generic and doc[i - 1].pos_ == "NOUN":
        return True
    root = doc[i:j].root
    if any(c.dep_ == "appos" and c.lemma_.lower() in generic for c in root.children):
        return True
    return root.dep_ == "appos" and root.head.lemma_.lower() in generic


def find_outlets(doc: Doc) -> list[OutletMention]:
    """Every outlet name in the text; a later short form ("the Times") gets the full name."""
    out: list[OutletMention] = []
    for i, j in _runs(doc):
        i, j = _trim(doc, i, j)
        if i >= j:
            continue
        if not (_is_outlet_name(doc, i, j) or _introduced(doc, i, j)):
            continue
        span = doc[i:j]
        name = span.text
        for earlier in reversed(out):
            if name != earlier.name and re.search(rf"\b{re.escape(name)}$", earlier.name):
                name = earlier.name
                break
        out.append(OutletMention(span.start_char, span.end_char, name, i, j))
    return out


def alias_match(tok: Token, outlets: list[OutletMention]) -> OutletMention | None:
    """An earlier outlet this proper noun is the short form of ("the Meridian" → Daily Meridian)."""
    for o in reversed(outlets):
        if o.start <= tok.idx < o.end:
            return o
    if tok.pos_ != "PROPN":
        return None
    for o in reversed(outlets):
        if o.end <= tok.idx and tok.text == o.alias:
            return o
    return None


def _author_speaks(ctx: Context, p0: int, p1: int, outlet: OutletMention) -> bool:
    """Whether a paragraph is the page's author again rather than the quoted passage."""
    head = ctx.text[p0:p1].lstrip().lower()
    for stop in lexicon.passage_stops():
        if head.startswith(stop) and not head[len(stop):len(stop) + 1].isalnum():
            return True
    if ctx.text[p0:p1].rstrip().endswith(":"):
        return True
    for tok in ctx.tokens_between(p0, p1):
        if ctx.in_quote(tok):
            continue
        if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON":
            return True
        if tok.text == outlet.alias:
            return True
    return False


def find_passages(ctx: Context, outlets: list[OutletMention]) -> list[Passage]:
    """Passages quoted at length from an outlet, introduced by a paragraph ending in a colon."""
    out: list[Passage] = []
    for k, (p0, p1) in enumerate(ctx.paras[:-1]):
        intro = ctx.text[p0:p1].rstrip()
        nxt0, _ = ctx.paras[k + 1]
        if not intro.endswith(":") or ctx.quote_at(nxt0) is not None:
            continue
        colon = p0 + len(intro) - 1
        last_tok = ctx.token_at(colon)
        if last_tok is None:
            continue
        sent = ctx.sentence(ctx.sent_index(last_tok))
        s0 = max(sent.start_char, p0)
        named = [o for o in outlets if s0 <= o.start < colon and ctx.quote_at(o.start) is None]
        if not named:
            continue
        outlet = named[-1]
        last = k + 1
        while last + 1 < len(ctx.paras) and last - k < MAX_PASSAGE_PARAGRAPHS:
            q0, q1 = ctx.paras[last + 1]
            if _author_speaks(ctx, q0, q1, outlet):
                break
            last += 1
        out.append(Passage(nxt0, ctx.paras[last][1], outlet, s0, colon + 1))
    return out
