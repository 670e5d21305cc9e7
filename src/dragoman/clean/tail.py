"""Split what follows the body: signature, comments, bio, references, furniture.

A small state machine walks the lines after the body. Section headings
("Comments", "References", "About the author") switch its state; a paragraph
that introduces the author ("Name is a fellow at…", "Name currently serves…")
is the bio wherever it stands; everything else is labelled furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dragoman import resources
from dragoman.clean.lines import Line
from dragoman.model import Comment

BIO_START = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}(?:\([^)]*\)\s+)?(?:is|was|currently|serves|has been|writes|teaches|works|covers|reports|lives|holds)\b"
)
COMMENT_AUTHOR = [
    re.compile(r"^(?:posted|written|submitted|comment) by\s+(?P<a>.+?)(?:\s+(?:on|at)\b.*)?$", re.I),
    re.compile(r"^(?P<a>.+?)\s+(?:says|said|wrote|writes|replied|commented)\s*:?\s*$", re.I),
    re.compile(r"^by\s+(?P<a>.+)$", re.I),
]


@dataclass
class Tail:
    signature: str | None = None
    comments: list[Comment] = field(default_factory=list)
    bio: str | None = None
    references: list[str] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)


def is_bio(ln: Line, authors: list[str]) -> bool:
    """A paragraph that introduces the author."""
    if ln.prose <= 0:
        return False
    if any(ln.text.startswith(a) for a in authors) and BIO_START.match(ln.text):
        return True
    return bool(BIO_START.match(ln.text)) and not authors and ln.n_words < 120


def parse_tail(tail: list[Line], authors: list[str]) -> Tail:
    """Label every line after the body and collect the parts users want apart."""
    out = Tail()
    mode = "after"
    thread: list[Line] = []
    bio: list[str] = []
    for pos, ln in enumerate(tail):
        if ln.marker in ("comments", "references", "bio"):
            mode = ln.marker
            out.labels[ln.idx] = f"{ln.marker}-heading"
            continue
        if mode != "comments" and is_bio(ln, authors):
            bio.append(ln.text)
            out.labels[ln.idx] = "bio"
            mode = "bio"
            continue
        if pos == 0 and mode == "after" and (ln.looks_like_name or ln.text.strip(" -–—") in authors):
            out.signature = ln.text.strip(" -–—")
            out.labels[ln.idx] = "signature"
            continue
        if mode == "comments" and ln.marker in ("footer", "share", "related", "separator"):
            mode = "after-marker"
        if mode == "comments":
            thread.append(ln)
            out.labels[ln.idx] = "comments"
        elif mode == "references" and (ln.is_ref or ln.has_url or (out.references and ln.text.startswith("["))):
            if ln.is_ref or not out.references:
                out.references.append(ln.text)
            else:
                out.references[-1] += "\n" + ln.text
            out.labels[ln.idx] = "references"
        elif mode == "bio" and ln.prose > 0 and len(bio) < 3:
            bio.append(ln.text)
            out.labels[ln.idx] = "bio"
        else:
            out.labels[ln.idx] = ln.marker or "boilerplate"
            if ln.marker:
                mode = "after-marker"
    out.bio = "\n\n".join(bio) or None
    comments, leftover = parse_comments(thread)
    out.comments = comments
    for idx in leftover:
        out.labels[idx] = "boilerplate"
    return out


def _is_ui(ln: Line) -> bool:
    return any(rx.fullmatch(ln.text) for rx in resources.patterns("comment_ui.tsv"))


HANDLE = re.compile(r"^@?[\w.-]*[_\d][\w.-]*$|^@?[a-z][a-z0-9._-]{2,30}$")


def _author_of(ln: Line) -> str | None:
    """The commenter named by a header line ("X says:", "Posted by X", a bare name or handle)."""
    for rx in COMMENT_AUTHOR:
        if m := rx.match(ln.text):
            return m.group("a").strip(" :")
    if ln.looks_like_name or HANDLE.match(ln.text):
        return ln.text
    return None


def parse_comments(lines: list[Line]) -> tuple[list[Comment], list[int]]:
    """Comments from the lines of a thread; returns them and the lines left over.

    A comment opens at a date line; up to two short lines right before it are
    its title and/or author. Its text runs to the next comment's header, or to
    a run of three or more non-prose lines (the page's furniture after the thread).
    """
    lines = [ln for ln in lines if not _is_ui(ln) and ln.marker != "comments"]
    heads = [i for i, ln in enumerate(lines) if ln.date]
    comments: list[Comment] = []
    used: set[int] = set()
    if not heads:
        # No dates: each prose paragraph is one comment, a short line before it its title.
        for i, ln in enumerate(lines):
            if ln.prose > 0:
                prev = lines[i - 1] if i and lines[i - 1].prose <= 0 and (i - 1) not in used else None
                author = _author_of(prev) if prev else None
                title = prev.text if prev and not author else None
                comments.append(Comment(text=ln.text, title=title, author=author))
                used.update({i} | ({i - 1} if prev else set()))
    for n, h in enumerate(heads):
        lo = heads[n - 1] + 1 if n else 0
        pre = [j for j in range(max(lo, h - 2), h) if lines[j].prose <= 0 and not lines[j].has_url]
        title = author = None
        for j in pre:
            a = _author_of(lines[j])
            if a and author is None:
                author = a
            elif title is None:
                title = lines[j].text
        used.update(pre)
        used.add(h)
        nxt = heads[n + 1] if n + 1 < len(heads) else len(lines)
        body: list[int] = []
        run = 0
        for j in range(h + 1, nxt):
            if n + 1 < len(heads) and j >= nxt - 2 and lines[j].prose <= 0 and not lines[j].has_url:
                break  # the next comment's title/author lines
            run = run + 1 if lines[j].prose <= 0 else 0
            if run >= 3:
                body = body[: len(body) - 2]
                break
            body.append(j)
        used.update(body)
        text = "\n\n".join(lines[j].text for j in body).strip()
        if text:
            stamp = lines[h].date
            comments.append(Comment(text=text, title=title, author=author, published=stamp.value if stamp else None))
    leftover = [ln.idx for i, ln in enumerate(lines) if i not in used]
    return comments, leftover

