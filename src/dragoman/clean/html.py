"""Clean an HTML page with trafilatura: main text, metadata, comments apart."""

from __future__ import annotations

import warnings

import trafilatura

from dragoman.clean.lines import split_lines
from dragoman.clean.tail import parse_comments
from dragoman.errors import InputError
from dragoman.model import Article, Comment, Document

MIN_WORDS = 8  # less than a sentence is navigation, not an article
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _comments(text: str | None) -> list[Comment]:
    if not text or not text.strip():
        return []
    comments, _ = parse_comments(split_lines(text))
    return comments or [Comment(text=text.strip())]


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
    if ext.title and paras and paras[0].strip() == ext.title.strip():
        paras = paras[1:]
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
        content_type="html",
    )
