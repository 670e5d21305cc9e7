"""Clean a plain-text page: body, metadata and the parts split off."""

from __future__ import annotations

from datetime import date

from dragoman.clean.body import Body, find_body
from dragoman.clean.header import parse_header
from dragoman.clean.lines import Line, split_lines
from dragoman.clean.published import cited_dates, decide, lead_dateline, year_hint
from dragoman.clean.tail import is_bio, parse_tail
from dragoman.errors import InputError
from dragoman.model import Article, Document, Removed

SHORT_LINES = 3  # up to this many lines, a text with a sentence in it is all body


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


def _author_notes(lines: list[Line], first: int, last: int, authors: list[str]) -> tuple[int, int, list[Line]]:
    """Move the author's bio off the edges of the body.

    An opinion page may print the author note right above the text; a news page
    right below it, before its share buttons. Both read as prose, so the body
    run takes them in; they are recognised once the byline has named the author.
    """
    notes: list[Line] = []
    while first < last and is_bio(lines[first], authors) and authors:
        notes.append(lines[first])
        first += 1
    if authors:
        half = first + (last - first) // 2
        for k in range(last, half, -1):
            if is_bio(lines[k], authors):
                notes.append(lines[k])
                last = k - 1
                break
    return first, last, notes


def _short_body(lines: list[Line]) -> Body | None:
    """A text of a sentence or two (a coded-sentence corpus, a wire brief) is its own body: there is no page
    furniture to tell it from."""
    full = [ln for ln in lines if ln.text.strip()]
    if not full or len(full) > SHORT_LINES or sum(len(ln.text.split()) for ln in full) < 3:
        return None
    if not any(ln.text.rstrip().endswith((".", "!", "?", '"', "\u201d")) for ln in full):
        return None
    return Body(full[0].idx, full[-1].idx)


def clean_text(doc: Document) -> Article:
    """Find the article in a text page; raise InputError if it has none."""
    lines = split_lines(doc.text)
    span = find_body(lines) or _short_body(lines)
    if span is None:
        raise InputError(doc.uri, "no article body found (no run of prose paragraphs)")
    first, last = span.first, span.last
    hd = parse_header(lines[:first], lines)
    above = [ln for ln in lines[:first] if hd.authors and is_bio(ln, hd.authors)]  # an author note above the date
    first, last, notes = _author_notes(lines, first, last, hd.authors)
    notes = above + notes
    body, tail = lines[first : last + 1], lines[last + 1 :]
    notes_at = {ln.idx for ln in notes}
    tail = [ln for ln in tail if ln.idx not in notes_at]
    tl = parse_tail(tail, hd.authors)
    authors = hd.authors or tl.authors
    kept = [ln for ln in body if ln.idx not in span.skipped]
    text = "\n\n".join(ln.text for ln in kept)
    cited = cited_dates(text, *tl.references)
    comment_dates = [date.fromisoformat(c.published[:10]) for c in tl.comments if c.published]
    year = year_hint(hd.dateline, tl.dateline, hd.updated, hd.banner, cited=cited, page_text=doc.text)
    lead = lead_dateline(kept[0].text, year) if kept else None
    fallback = None if hd.banner else (hd.updated or hd.path_date)  # an update or a URL date only when nothing else dates it
    dateline = hd.dateline or lead or tl.dateline or fallback
    published, source, page_date = decide(dateline, hd.banner, cited, cited + comment_dates)
    bio = "\n\n".join([ln.text for ln in notes] + ([tl.bio] if tl.bio else [])) or None
    labels = {**hd.labels, **tl.labels, **{ln.idx: "bio" for ln in notes}}
    labels.update({ln.idx: ln.inline or "furniture" for ln in body if ln.idx in span.skipped})
    return Article(
        id=doc.id,
        uri=doc.uri,
        text=text,
        title=hd.title,
        authors=authors,
        outlet=hd.outlet,
        published=published,
        published_source=source,
        page_date=page_date,
        section=hd.section,
        tags=hd.tags,
        comments=tl.comments,
        bio=bio,
        references=tl.references,
        signature=tl.signature,
        removed=_removed(lines[:first] + [ln for ln in body if ln.idx in span.skipped] + notes + tail, labels),
        content_type=doc.content_type,
    )
