"""Reported speech: "X said that …", "X told the media that …", "according to X, …".

The content is the clause the speech verb governs (its ``ccomp``) without the
"that"; for "according to X" it is the rest of the clause "according to"
modifies; for a parenthetical "…, he said, …" it is the clause around it.
Clauses inside quotation marks are left to the direct quotes, and so are
introducers of quoted passages ("According to the New York Times:").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.quotes import lexicon
from dragoman.quotes.direct import is_speech_verb
from dragoman.quotes.found import Found
from dragoman.quotes.speakers import Speakers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dragoman.quotes.context import Context

MIN_TOKENS = 3
SKIP_EDGE = {"that", ",", ":", ";", "-", "—", "–"}


def _span(ctx: Context, toks: list[Token]) -> tuple[int, int] | None:
    """Char span of a clause without leading "that"/punctuation and trailing punctuation."""
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].lower_ in SKIP_EDGE or toks[0].is_punct and not ctx.in_quote(toks[0])):
        toks = toks[1:]
    while toks and toks[-1].is_punct and not ctx.in_quote(toks[-1]):
        toks = toks[:-1]
    if len(toks) < MIN_TOKENS:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _mostly_quoted(ctx: Context, start: int, end: int) -> bool:
    quoted = sum(max(0, min(q.close, end) - max(q.open, start)) for q in ctx.spans)
    return quoted > 0.6 * (end - start)


def _found(ctx: Context, speakers: Speakers, toks: list[Token], subj: Token | None, cue: str,
           anchor: Token) -> Found | None:
    span = _span(ctx, toks)
    if span is None or _mostly_quoted(ctx, *span):
        return None
    start, end = span
    if ctx.para_index(start) != ctx.para_index(anchor.idx):
        return None  # the parser ran a sentence over a paragraph break
    if ctx.text[end:end + 1] == ":" or "\n" in ctx.text[start:end]:
        return None
    speaker = speakers.name_for(subj) if subj is not None else None
    if speaker is None:
        return None  # reported speech by nobody in particular is the author's own
    return Found(start, end, ctx.text[start:end], "indirect", speaker, cue)


def _according(ctx: Context, speakers: Speakers, tok: Token) -> Found | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    after = ctx.text[to.right_edge.idx + len(to.right_edge.text):].lstrip()
    if after[:1] in (":", "“", '"', "«", "‘", "'") or not after:
        return None
    clause = tok.head
    skip = {t.i for t in tok.subtree}
    toks = [t for t in clause.subtree if t.i not in skip and t.i > to.right_edge.i]
    if not any(not t.is_punct for t in toks):  # "…, according to the institute.": what stands before it
        if not _source_like(pobj):
            return None  # "according to plan", "according to the rules"
        toks = [t for t in clause.subtree if t.i not in skip and t.i < tok.i]
    if not toks:
        return None
    return _found(ctx, speakers, toks, pobj, "according to", tok)


def _source_like(tok: Token) -> bool:
    """A noun that can be a source: a name, a role, a document or an outlet ("the institute", "a report")."""
    if any(t.pos_ == "PROPN" for t in tok.subtree):
        return True
    lemma = tok.lemma_.lower()
    return (lemma in lexicon.speaker_words("role") or lemma in lexicon.speaker_words("document")
            or lemma in lexicon.outlet_words("generic") or lemma in lexicon.speaker_words("source"))


def find(ctx: Context, speakers: Speakers) -> list[Found]:
    """Reported speech outside quotation marks, in text order."""
    out: list[Found] = []
    for tok in ctx.doc:
        if ctx.in_quote(tok):
            continue
        if tok.lower_ == "according" and tok.dep_ == "prep":
            f = _according(ctx, speakers, tok)
        elif is_speech_verb(tok):
            f = _reported(ctx, speakers, tok)
        else:
            continue
        if f is not None:
            out.append(f)
    return out


def _has_subject(clause: Token) -> bool:
    """A reported clause has a subject of its own ("that Iran was willing"), not a relative pronoun."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.tag_ not in ("WDT", "WP")
               and c.lower_ not in ("that", "which", "who") for c in clause.children)


def _fronted_ok(ctx: Context, verb: Token, subj: Token, clause_tokens: list[Token]) -> bool:
    """A clause before its verb must be set off by a comma: "Talks would resume, he said, …"."""
    first = min(verb.i, subj.left_edge.i)
    lead = next((t for t in clause_tokens if not t.is_punct), None)
    if lead is not None and lead.dep_ == "mark" and lead.lower_ != "that":
        return False  # "While he acknowledged …, Ham noted": an adverbial clause, not what was said
    return first > 0 and str(ctx.doc[first - 1].text) == ","


def _reported(ctx: Context, speakers: Speakers, verb: Token) -> Found | None:
    subj = speakers.subject(verb)
    if subj is None or subj.lower_ in ("it", "there") or ctx.in_quote(subj):
        return None
    cue = verb.lemma_.lower()
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None and verb.lemma_.lower() not in lexicon.hearer_verbs() and any(
            c.dep_ == "dobj" for c in verb.children):
        return None  # "demand an end … before talks resume": not a report of what was said
    if clause is not None:
        if ctx.in_quote(clause) or not _has_subject(clause):
            return None
        toks = [t for t in clause.subtree if (t.i > verb.i) == (clause.i > verb.i)]
        if clause.i < verb.i and not _fronted_ok(ctx, verb, subj, toks):
            return None
        return _found(ctx, speakers, toks, subj, cue, verb)
    head = verb.head
    if verb.dep_ == "parataxis" and head.pos_ in ("VERB", "AUX") and not ctx.in_quote(head) and _has_subject(head):
        aside = {t.i for t in verb.subtree}
        toks = [t for t in head.subtree if t.i not in aside]
        colon = [t.i for t in toks if t.text in (":", ";") and t.i < verb.i]
        toks = [t for t in toks if not colon or t.i > colon[-1]]
        return _found(ctx, speakers, toks, subj, cue, verb)
    return None
