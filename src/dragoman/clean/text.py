"""Clean a plain-text page: body, metadata and the parts split off."""

from __future__ import annotations

from datetime import date

from dragoman.clean.body import find_body
from dragoman.clean.header import parse_header
from dragoman.clean.lines import Line, split_lines
from dragoman.clean.published import cited_dates, decide
from dragoman.clean.tail import parse_tail
from dragoman.errors import InputError
from dragoman.model import Article, Document, Removed


def _removed(lines: list[Line], labels: dict[int, str]) -> list[Removed]:
    """Consecutive lines with one label become one labelled piece."""
    out: list[Removed] = []
    last = None
    for ln in lines:
        label = labels.get(ln.idx)
        if label is None:
            continue
        if out and label == last:
            out[-1].text += "\n" + ln.text
        else:
            out.append(Removed(label, ln.text))
        last = label
    return out


def clean_text(doc: Document) -> Article:
    """Find the article in a text page; raise InputError if it has none."""
    lines = split_lines(doc.text)
    span = find_body(lines)
    if span is None:
        raise InputError(doc.uri, "no article body found (no run of prose paragraphs)")
    first, last = span
    head, body, tail = lines[:first], lines[first : last + 1], lines[last + 1 :]
    hd = parse_header(head)
    tl = parse_tail(tail, hd.authors)
    text = "\n\n".join(ln.text for ln in body)
    cited = cited_dates(text, *tl.references)
    comment_dates = [date.fromisoformat(c.published[:10]) for c in tl.comments if c.published]
    published, source, page_date = decide(hd.dateline, hd.banner, cited, cited + comment_dates)
    labels = {**hd.labels, **tl.labels}
    return Article(
        id=doc.id,
        uri=doc.uri,
        text=text,
        title=hd.title,
        authors=hd.authors,
        outlet=hd.outlet,
        published=published,
        published_source=source,
        page_date=page_date,
        section=hd.section,
        tags=hd.tags,
        comments=tl.comments,
        bio=tl.bio,
        references=tl.references,
        signature=tl.signature,
        removed=_removed(head + tail, labels),
        content_type=doc.content_type,
    )
