"""Clean: from a Document to an Article (body, metadata, parts split off)."""

from __future__ import annotations

from dragoman.clean.html import clean_html
from dragoman.clean.text import clean_text
from dragoman.model import Article, Document


def clean(doc: Document) -> Article:
    """Dispatch on the document kind, then apply metadata the source supplied."""
    article = clean_html(doc) if doc.content_type == "html" else clean_text(doc)
    meta = doc.meta
    if meta.get("title"):
        article.title = str(meta["title"])
    if meta.get("outlet"):
        article.outlet = str(meta["outlet"])
    if meta.get("authors"):
        a = meta["authors"]
        article.authors = [str(x) for x in a] if isinstance(a, list) else [str(a)]
    if meta.get("published"):
        article.published = str(meta["published"])[:10]
        article.published_source = "metadata"
    return article


__all__ = ["clean", "clean_text", "clean_html"]
