"""Clean an HTML page with trafilatura: main text, metadata, comments apart."""

from __future__ import annotations

import warnings

import trafilatura

from dragoman.clean.header import BYLINE
from dragoman.clean.lines import SENTENCE_END, split_lines
from dragoman.clean.tail import parse_comments
from dragoman.errors import InputError
from dragoman.dates import is_date_line
from dragoman.model import Article, Comment, Document, Removed

MIN_WORDS = 8  # less than a sentence is navigation, not an article
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _comments(text: str | None) -> list[Comment]:
    if not text or not text.strip():
        return []
    comments, _ = parse_comments(split_lines(text))
    return comments or [Comment(text=text.strip())]


def _overlap(a: str, b: str) -> float:
    """Overlap coefficient of the lower-cased word sets of two strings."""
    x, y = set(a.lower().split()), set(b.lower().split())
    return len(x & y) / max(1, min(len(x), len(y)))


def _header_like(para: str, description: str | None) -> bool:
    """A standfirst or byline above the body: no full sentence, or the page's description again."""
    if len(para.split()) >= 60:
        return False
    return not SENTENCE_END.search(para) or bool(description and _overlap(para, description) >= 0.6)


def clean_html(doc: Document) -> Article:
    """Main text and metadata of an HTML page; raise InputError if it has none."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ext = trafilatura.bare_extraction(
                doc.text,
                url=doc.meta.get("url"),
                with_metadata=True,
                include_comments=True,
                include_tables=False,
                date_extraction_params=DATE_PARAMS,
            )
        except Exception as err:  # trafilatura raises a variety of parser errors
            raise InputError(doc.uri, f"HTML could not be parsed ({type(err).__name__})") from err
    if ext is None or not (ext.text or "").strip():
        raise InputError(doc.uri, "HTML has no article body")
    paras = [p.strip() for p in ext.text.splitlines() if p.strip()]
    if ext.title:  # kicker and headline printed above the first paragraph
        heads = [i for i, p in enumerate(paras[:3]) if p == ext.title.strip()]
        if heads:
            paras = paras[heads[0] + 1 :]
    removed: list[Removed] = []
    cut = max((i + 1 for i, p in enumerate(paras[:4]) if BYLINE.match(p) or is_date_line(p)), default=0)
    while cut < min(3, len(paras) - 1) and _header_like(paras[cut], ext.description):
        cut += 1
    if cut:  # standfirst, byline and date printed above the body
        removed.append(Removed("header", "\n".join(paras[:cut])))
        paras = paras[cut:]
    if sum(len(p.split()) for p in paras) < MIN_WORDS:
        raise InputError(doc.uri, "HTML has no article body")
    authors = [a.strip() for a in (ext.author or "").split(";") if a.strip()]
    return Article(
        id=doc.id,
        uri=ext.url or doc.uri,
        text="\n\n".join(paras),
        title=ext.title,
        authors=authors,
        outlet=ext.sitename,
        published=ext.date[:10] if ext.date else None,
        published_source="metadata" if ext.date else None,
        section=(ext.categories or [None])[0],
        tags=list(ext.tags or []),
        comments=_comments(ext.comments),
        removed=removed,
        content_type="html",
    )
