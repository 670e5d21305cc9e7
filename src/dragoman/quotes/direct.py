"""Direct and partial quotes: what is between quotation marks, and who said it.

A quoted stretch is a *direct* quote when it stands as an utterance of its own:
it opens a sentence, follows a colon, a comma or "that" and starts with a
capital, continues a quote interrupted by its attribution ("…," she said,
"but …"), or runs over paragraphs. Anything else is a *partial* quote — a word
or phrase inside the author's sentence ("accused Tehran of “meddling”").

A direct quote is attributed by the speech verb next to it: after it when the
quote ends with a comma ("…," he said), before it otherwise ("He told the press:
“…”"). Without one it takes the speaker of the quote just before it when only
that quote's attribution lies between, or of the sentence just before it when
that sentence reports the same person speaking. A partial quote goes to the
subject of the nearest speech or characterising verb above it in the parse
("Bush officials … accused Tehran of “meddling”"), or to the owner of a claim
noun ("US allegations of “meddling”"); otherwise to nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.quotes import lexicon
from dragoman.quotes.found import Found
from dragoman.quotes.speakers import Speaker, Speakers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dragoman.quotes.context import Context
    from dragoman.quotes.marks import QuoteSpan

TRAILING_ATTRIBUTION = (",", "?", "!", "—", "–", "-")
MAX_INHERIT_WORDS = 14  # between two pieces of one person's quote: "…," she said. "…"
TITLE_WORDS = 8  # a title in quotation marks is short
MAX_BETWEEN = 40  # tokens of an attribution between two quotes of one speaker (with titles and a place)


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, by which verb."""

    speaker: Speaker | None
    cue: str | None
    verb: int | None = None  # token index of the speech verb


Done = tuple["QuoteSpan", str, "Attribution | None"]  # a quote already seen: span, kind, attribution


def is_speech_verb(tok: Token) -> bool:
    """A verb of saying used as such ("continued to call" is not one)."""
    return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon.speech_verbs()
            and not any(c.dep_ == "xcomp" for c in tok.children))


def _according_to(speakers: Speakers, frame: list[Token]) -> Attribution | None:
    """"According to X, “…”": X."""
    for t in frame:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return Attribution(speakers.name_for(pobj), "according to", t.i)
    return None


def _verb_attribution(ctx: Context, speakers: Speakers, frame: list[Token], nearest_first: bool) -> Attribution | None:
    """The speech verb of a frame nearest the quote that has a subject, with its speaker."""
    verbs = [t for t in frame if is_speech_verb(t)]
    for v in verbs if nearest_first else reversed(verbs):
        subj = speakers.subject(v)
        if subj is None or ctx.in_quote(subj):
            continue
        return Attribution(speakers.name_for(subj), v.lemma_.lower(), v.i)
    return None


def _ending(ctx: Context, q: QuoteSpan) -> str:
    """The quote's words without trailing nested marks or brackets ("… vote,'" → "… vote,")."""
    return ctx.text[q.start:q.end].rstrip().rstrip("'’\"”»)]").rstrip()


def _ends_sentence(content: str) -> bool:
    """A quote that closes its own sentence ("… down.") leaves nothing after it to attribute it."""
    return content.endswith((".", ":", ";")) and not content.endswith(("...", "…"))


def right_frame(ctx: Context, q: QuoteSpan) -> list[Token]:
    """Tokens after the quote up to the end of its sentence or the next quote."""
    content = _ending(ctx, q)
    if _ends_sentence(content):
        return []
    out = []
    for t in ctx.tokens_between(q.close + 1, ctx.para(q.open)[1]):
        if ctx.in_quote(t) or ctx.is_sentence_end(t):
            break
        out.append(t)
    if content.endswith(("?", "!")) and not any(is_speech_verb(t) for t in out[:4]):
        return []
    return out


def left_frame(ctx: Context, q: QuoteSpan) -> list[Token]:
    """Tokens before the quote back to the start of its sentence or the previous quote.

    A quote opening a paragraph after one that ends with a colon ("He said:")
    takes that paragraph's last sentence.
    """
    p0 = ctx.para(q.open)[0]
    out = []
    for t in reversed(ctx.tokens_between(p0, q.open)):
        if ctx.in_quote(t) or ctx.is_sentence_end(t):
            break
        out.append(t)
    out.reverse()
    k = ctx.para_index(q.open)
    if not out and q.open == p0 and k > 0:
        a, b = ctx.paras[k - 1]
        if ctx.text[a:b].rstrip().endswith(":"):
            prev = []
            for t in reversed(ctx.tokens_between(a, b)):
                if ctx.in_quote(t) or ctx.is_sentence_end(t):
                    break
                prev.append(t)
            out = prev[::-1]
    return out


def _before(ctx: Context, q: QuoteSpan) -> str:
    """The paragraph's text before the opening mark."""
    return ctx.text[ctx.para(q.open)[0]:q.open].rstrip()


def is_direct(ctx: Context, q: QuoteSpan, prev: tuple[QuoteSpan, str] | None) -> bool:
    """Whether a quoted stretch is a quote of its own (else a partial quote)."""
    content = _ending(ctx, q)
    if q.paragraphs > 1:
        return True
    first = next((c for c in content if c.isalpha()), "")
    before = _before(ctx, q)
    last = before[-1:]
    words = before.split()
    prev_word = words[-1].lower() if words else ""
    at_start = not before or last in ".!?" or before.endswith((".)", ".]"))
    n_words = len(content.split())
    ends_clause = content[-1:] in ".,!?;:…" or content.endswith("...")
    if first.isupper():
        if at_start or last == ":":
            return ends_clause or n_words >= 3 and not _sentence_goes_on(ctx, q)
        if last == "," or prev_word == "that" or _after_speech_verb(ctx, q):
            return n_words >= 3 or ends_clause
        return False
    if last == "," and prev is not None and prev[1] == "direct" and _interrupted(ctx, prev[0], q):
        return True
    if last == "," and n_words >= 4 and ends_clause and _introduced(ctx, q):
        return True  # "According to Farah, “the road has been closed …”"
    return at_start and n_words >= 4 and ends_clause


def _introduced(ctx: Context, q: QuoteSpan) -> bool:
    """A speech verb or "according to" earlier in the quote's sentence."""
    return any(is_speech_verb(t) or t.lower_ == "according" for t in left_frame(ctx, q))


def _sentence_goes_on(ctx: Context, q: QuoteSpan) -> bool:
    """Whether the author's sentence continues after the quote with no attribution ("“Surge” is …")."""
    rest = []
    for t in ctx.tokens_between(q.close + 1, ctx.para(q.open)[1]):
        if ctx.in_quote(t) or ctx.is_sentence_end(t):
            break
        rest.append(t)
    return bool(rest) and not any(is_speech_verb(t) or t.lower_ == "according" for t in rest)


def _after_speech_verb(ctx: Context, q: QuoteSpan) -> bool:
    """"He said “We …”": the mark right after a speech verb."""
    toks = ctx.tokens_between(ctx.para(q.open)[0], q.open)
    return bool(toks) and is_speech_verb(toks[-1])


def _interrupted(ctx: Context, a: QuoteSpan, b: QuoteSpan) -> bool:
    """Only an attribution clause between two quoted stretches of one sentence."""
    between = ctx.tokens_between(a.close + 1, b.open)
    return (ctx.para_index(a.open) == ctx.para_index(b.open) and len(between) <= MAX_INHERIT_WORDS
            and not any(ctx.is_sentence_end(t) for t in between) and any(is_speech_verb(t) for t in between))


def attribute_direct(ctx: Context, speakers: Speakers, q: QuoteSpan) -> Attribution | None:
    """The speech verb and speaker next to a direct quote, if any."""
    content = _ending(ctx, q)
    right, left = right_frame(ctx, q), left_frame(ctx, q)
    trailing = content.endswith(TRAILING_ATTRIBUTION) or content.endswith(("...", "…"))
    order = [(right, True), (left, False)] if trailing else [(left, False), (right, True)]
    for frame, nearest_first in order:
        found = _according_to(speakers, frame) or _verb_attribution(ctx, speakers, frame, nearest_first)
        if found is not None:
            return found
    return _colon_attribution(ctx, speakers, left)


def _colon_attribution(ctx: Context, speakers: Speakers, frame: list[Token]) -> Attribution | None:
    """ "Governor Ewa Lis disagreed: “…”": a clause ending in a colon introduces its subject's words."""
    words = [t for t in frame if not t.is_space]
    if not words or words[-1].text != ":":
        return None
    for v in reversed(words[:-1]):
        if v.pos_ != "VERB" or v.dep_ in ("relcl", "acl"):
            continue
        subj = speakers.subject(v)
        if subj is None or ctx.in_quote(subj):
            continue
        speaker = speakers.name_for(subj)
        someone = speaker is not None and (speaker.kind != "group" or subj.lemma_.lower() in lexicon.speaker_words("role"))
        if is_speech_verb(v) or someone:  # "The plan has three parts: “…”" introduces no speaker
            return Attribution(speaker, v.lemma_.lower(), v.i)
        return None
    return None


def _previous_sentence_speaker(ctx: Context, speakers: Speakers, q: QuoteSpan) -> Attribution | None:
    """"Smith said the plan had failed. “It will never work.”" → Smith (same paragraph, next sentence)."""
    p0 = ctx.para(q.open)[0]
    toks = ctx.tokens_between(p0, q.open)
    if not toks or not ctx.is_sentence_end(toks[-1]):
        return None
    sent = []
    for t in reversed(toks[:-1]):
        if ctx.is_sentence_end(t):
            break
        if ctx.in_quote(t):
            return None
        sent.append(t)
    found = _verb_attribution(ctx, speakers, sent[::-1], nearest_first=False)
    if found is None or found.speaker is None or found.speaker.kind != "person":
        return None
    return found


def _claim_owner(tok: Token) -> Token | None:
    """Who made a claim: "US allegations", "Kenya's accusation", "charges by the ministry"."""
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"):
            return c
        if c.dep_ == "amod" and c.ent_type_ == "NORP":
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def attribute_partial(ctx: Context, speakers: Speakers, q: QuoteSpan) -> Attribution | None:
    """Who the author's sentence says used a quoted word or phrase."""
    inside = [t for t in ctx.tokens_between(q.start, q.end) if q.start <= t.idx < q.end]
    roots = [t for t in inside if not (q.start <= t.head.idx < q.end) or t.head is t]
    for root in roots[:2]:
        gov = _governor(ctx, root)
        if gov is None:
            continue
        if gov.verb is None:
            return Attribution(speakers.name_for(gov.owner), None)
        subj = speakers.subject(gov.verb)
        return Attribution(speakers.name_for(subj), gov.verb.lemma_.lower(), gov.verb.i)
    return None


@dataclass(frozen=True)
class _Governor:
    """What a quoted term hangs on: a verb whose subject used it, or a claim noun and its owner."""

    verb: Token | None = None
    owner: Token | None = None


def _governor(ctx: Context, root: Token) -> _Governor | None:
    """The verb whose subject used a quoted term, climbing the parse from the term.

    The outermost speech verb wins ("the ministry said that a drone had struck
    and described it as “…”" → the ministry; "Njoroge said Kenya … and urged
    Mogadishu to ‘…’" → Njoroge); without one, the nearest characterising verb
    ("Bush officials … accused Tehran of “meddling”"). A claim noun stops the
    climb ("US allegations of “meddling”"): its owner, or nobody.
    """
    claims = lexicon.speaker_words("claim")
    terms = lexicon.term_verbs()
    term_verb = speech = None
    node, steps = root.head, 0
    while steps < 12 and node is not root:
        if not ctx.in_quote(node):
            if node.pos_ == "NOUN" and node.lemma_.lower() in claims and term_verb is None and speech is None:
                return _Governor(owner=_claim_owner(node))
            if is_speech_verb(node):
                speech = node
            elif node.pos_ in ("VERB", "AUX"):
                aside = next((c for c in node.children if c.dep_ == "parataxis" and is_speech_verb(c)), None)
                if aside is not None:
                    speech = aside
                elif term_verb is None and node.lemma_.lower() in terms:
                    term_verb = node
        if node.head is node:
            break
        node, steps = node.head, steps + 1
    verb = speech or term_verb
    return _Governor(verb=verb) if verb is not None else None


def find(ctx: Context, speakers: Speakers) -> list[Found]:
    """Every quoted stretch as a direct or partial quote, with its speaker when known."""
    out: list[Found] = []
    done: list[Done] = []
    for q in ctx.spans:
        prev = done[-1] if done and ctx.para_index(done[-1][0].open) == ctx.para_index(q.open) else None
        direct = is_direct(ctx, q, (prev[0], prev[1]) if prev else None)
        if direct:
            att = attribute_direct(ctx, speakers, q)
            if att is None:
                att = _inherit(ctx, speakers, q, prev, done)
        else:
            att = attribute_partial(ctx, speakers, q)
            if (att is None or att.speaker is None) and _title_shaped(q.content(ctx.text)) and not _called(ctx, q):
                continue  # a film, a book, a nickname in quotation marks: a name, not words someone said
        kind = "direct" if direct else "partial"
        done.append((q, kind, att))
        out.append(Found(q.start, q.end, q.content(ctx.text), kind, att.speaker if att else None,
                         att.cue if att else None))
    return out


def _title_shaped(content: str) -> bool:
    """Words in title case and no sentence in them: "Tango for the Dead", "Los Teros"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    if not words or len(words) > TITLE_WORDS or content.rstrip().endswith((".", "!", "?", ",")):
        return False
    content_words = [w for w in words if w.lower() not in lexicon.stopwords()]
    return bool(content_words) and all(w[0].isupper() for w in content_words) and words[0][0].isupper()


def _called(ctx: Context, q: QuoteSpan) -> bool:
    """Is the quote what something was called ("called it “A Total Disaster”", "described as “…”")?"""
    before = ctx.text[max(0, q.open - 30):q.open].lower().rstrip()
    return before.endswith(("called", "called it", "calls it", "described as", "described it as", "branded it",
                            "dubbed it", "labelled it", "labeled it"))


def _inherit(ctx: Context, speakers: Speakers, q: QuoteSpan, prev: Done | None, done: list[Done]) -> Attribution | None:
    """A direct quote with no verb of its own: the speaker of what just came before."""
    if prev is not None and prev[2] is not None and prev[2].speaker is not None:
        between = ctx.tokens_between(prev[0].close + 1, q.open)
        ends = [t for t in between if ctx.is_sentence_end(t)]
        only_attribution = not between or any(t.i == prev[2].verb for t in between)
        one_sentence = len(ends) <= 1 and (not ends or ends[-1] is between[-1])
        if only_attribution and len(between) <= MAX_BETWEEN and one_sentence:
            return prev[2]
    if prev is None:
        k = ctx.para_index(q.open)
        if done and q.open == ctx.paras[k][0] and ctx.para_index(done[-1][0].open) == k - 1:
            last_q, last_kind, last_att = done[-1]
            tail = ctx.text[last_q.close + 1:ctx.paras[k - 1][1]]
            if last_kind == "direct" and last_att is not None and last_att.speaker is not None and (
                    len(tail.split()) <= MAX_INHERIT_WORDS and tail.count(".") <= 1):
                return last_att  # a paragraph that only continues the last speaker's quote
    return _previous_sentence_speaker(ctx, speakers, q)
