"""Who said what: direct, partial and reported quotes, with speakers and the outlets quoted.

``extract_quotes(article, doc)`` is the pipeline component; ``doc`` is spaCy's
parse of ``article.text``. The steps, each in its own module:

* ``marks``    pair quotation marks in every style into quoted stretches
* ``direct``   tell quotes from partial quotes, attribute them to a speech verb's subject
* ``reported`` "X said that …", "according to X, …"
* ``outlets``  outlet names, and passages quoted at length from them (``passages``)
* ``people``   person mentions: full names, titles, descriptions, salience
* ``anaphora`` he/she/they/it and epithets to the mention they stand for
* ``speakers`` names in full, pronouns and descriptions resolved within the article
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.model import Article, Quote
from dragoman.quotes import direct, reported
from dragoman.quotes.context import Context
from dragoman.quotes.outlets import find_outlets, find_passages
from dragoman.quotes.passages import passage_quote
from dragoman.quotes.speakers import Speaker, Speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["add_quotes", "extract_quotes"]


def add_quotes(article: Article, doc: Doc) -> None:
    """Pipeline component (``pipeline.EXTRACTORS``): set ``article.quotes``."""
    article.quotes = extract_quotes(article, doc)


def extract_quotes(article: Article, doc: Doc) -> list[Quote]:
    """All quotes of an article in text order, ids ``{article.id}:q{n}``."""
    if not article.text.strip():
        return []
    ctx = Context(article, doc)
    outlets = find_outlets(doc)
    speakers = Speakers(ctx, outlets)
    passages = find_passages(ctx, outlets)
    found = direct.find(ctx, speakers) + reported.find(ctx, speakers)
    for f in found:
        f.via = next((p.outlet.name for p in passages if p.start <= f.start < p.end), None)
    found += [passage_quote(ctx, speakers, p) for p in passages]
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Quote] = []
    seen: set[tuple[int, int, str]] = set()
    for f in found:
        if (f.start, f.end, f.kind) in seen:
            continue
        seen.add((f.start, f.end, f.kind))
        sp = f.speaker
        out.append(Quote(f"{article.id}:q{len(out) + 1}", article.id, sp.name if sp else None,
                         _actor_code(article, sp), f.text, f.kind, f.cue, f.via, f.start, f.end))
    return out


def _actor_code(article: Article, sp: Speaker | None) -> str | None:
    """The actor code of the mention the speaker rests on (or of a mention with the same name)."""
    if sp is None or not article.actors:
        return None
    for s, e in sp.spans:
        for am in article.actors:
            if am.start < e and s < am.end:
                return am.actor.code
    for am in article.actors:
        if am.text == sp.name or am.actor.name == sp.name:
            return am.actor.code
    return None
