"""Split what follows the body: signature, comments, bio, references, furniture.

A small state machine walks the lines after the body. Section headings
("Comments", "References", "About the author", "-- ") switch its state; a
paragraph that introduces the author ("Name is a fellow at…", "Name currently
serves…") is the bio wherever it stands; a forum reply header ("Re: <subject>",
"by name » <date>") opens the thread even without a "Comments" heading; a
byline printed under the post ("Posted by Name at 21:14") is kept for the
header, and an author card ("Written by Name", then a blurb) gives the bio;
everything else is labelled furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dragoman import resources
from dragoman.clean.cues import BIO_VERB, EMAIL, MAIL_HEADER, NAME, ROLE, SENDER, is_stamp
from dragoman.clean.lines import Line
from dragoman.dates import DateHit, is_date_line, parse_date
from dragoman.model import Comment

COMMENT_AUTHOR = [
    re.compile(r"^(?:posted|written|submitted|comment) by\s+(?P<a>.+?)(?:\s+(?:on|at|»)\b.*)?$", re.I),
    re.compile(r"^(?P<a>.+?)\s+(?:says|said|wrote|writes|replied|commented|meint|schreibt|disse|escribió|dit)\s*:?\s*$", re.I),
    re.compile(r"^by\s+(?P<a>.+?)(?:\s+(?:on|at|»)\s.*)?$", re.I),
    re.compile(r"^(?P<a>.+?)\s+(?:on|at|»)\s+.*\d.*(?:says|said|wrote)?\s*:?$", re.I),
]
AUTHOR_CARD = re.compile(r"^(?:written by|about the author|geschrieben von|escrito por|écrit par|scritto da)\b", re.I)
REPLY_SUBJECT = re.compile(r"^(?:re|aw|sv|antw|r)\s*:\s+\S", re.I)
HANDLE = re.compile(r"^@?[\w.-]*[_\d][\w.-]*$|^@?[a-z][a-z0-9._-]{2,30}$")
FIELDS = re.compile(r"\s*[•·|—–]\s*|\s+-\s+")  # "Name • 2 hours ago", "Reply • Share ›"
CITATION_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
BULLET = re.compile(r"^\s*[*•\-–]\s+\S")
REF_MAX_WORDS = 80
BIO_MAX_WORDS = 120
BIO_LINES = 3
DATE_AFTER_BODY = 3  # a date this close under the body is the post's
SIGNATURE_LINES = 4


@dataclass
class Tail:
    signature: str | None = None
    comments: list[Comment] = field(default_factory=list)
    bio: str | None = None
    references: list[str] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)  # from a byline printed under the post
    dateline: DateHit | None = None


def is_bio(ln: Line, authors: list[str]) -> bool:
    """A paragraph that introduces the author ("Jane Doe is a reporter at…").

    With known authors the paragraph must open with one of their names; without,
    it must open with a name, a verb of description and a noun saying what the
    person does (``role`` in ``clean_bylines.tsv``), so "The Ledger is a
    nonprofit newsroom" is not taken for a bio.
    """
    if ln.prose <= 0 or ln.n_words >= BIO_MAX_WORDS:
        return False
    m = BIO_VERB.match(ln.text)
    if not m:
        return False
    name = m.group("name").strip()
    if authors:
        return any(ln.text.startswith(a) or name in a.split() for a in authors)
    first = name.split()[0].lower()
    return first not in resources.words("stopwords_en.txt") and bool(ROLE.search(ln.text))


def _about_author(ln: Line, authors: list[str]) -> bool:
    """An "About <name>" heading naming one of the authors ("About Clara")."""
    rest = ln.text.split(None, 1)[1].strip(" :") if " " in ln.text else ""
    return bool(rest) and any(rest == a or rest in a.split() for a in authors)


def _post_header(ln: Line) -> bool:
    """A forum or list reply's header line: "Re: <subject>", "by name » <date>", "From: name <address>"."""
    if REPLY_SUBJECT.match(ln.text) and ln.n_words <= 25:
        return True
    if (m := MAIL_HEADER.match(ln.text)) and m.group("k").lower() == "from" and EMAIL.search(ln.text):
        return True
    return bool(ln.byline) and "»" in ln.text and parse_date(ln.text) is not None


@dataclass
class _Walk:
    """State of the walk over the tail: the mode and what has been collected so far."""

    authors: list[str]
    out: Tail = field(default_factory=Tail)
    mode: str = "after"
    thread: list[Line] = field(default_factory=list)
    bio: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def _heading(ln: Line, w: _Walk) -> bool:
    """Section headings switch the mode: comments, references, bio ("About <author>" too), "-- "."""
    if ln.marker == "boilerplate" and _about_author(ln, w.authors):
        w.mode, w.out.labels[ln.idx] = "bio", "bio-heading"
        return True
    if ln.marker in ("comments", "references", "bio", "signature"):
        w.mode, w.out.labels[ln.idx] = ln.marker, f"{ln.marker}-heading"
        return True
    if w.mode != "comments" and _post_header(ln):
        w.mode = "comments"  # a forum reply, no "Comments" heading needed
    return False


def _author_line(ln: Line, pos: int, w: _Walk) -> bool:
    """A byline under the post, a bio paragraph, or the author's name signing off."""
    out = w.out
    if w.mode != "comments" and ln.byline and not out.authors:
        out.authors = ln.byline
        d = parse_date(ln.text)
        out.dateline = d if d and d.precision != "month" else None
        out.labels[ln.idx] = "byline"
        if AUTHOR_CARD.match(ln.text):
            w.mode = "bio"  # "Written by Name", then the author's blurb
        return True
    if w.mode != "comments" and is_bio(ln, w.authors):
        w.bio.append(ln.text)
        out.labels[ln.idx] = "bio"
        w.mode = "bio"
        return True
    if pos == 0 and w.mode == "after" and not ln.marker and (ln.looks_like_name or ln.text.strip(" -–—") in w.authors):
        out.signature = ln.text.strip(" -–—")
        out.labels[ln.idx] = "signature"
        return True
    return False


def _date_line(ln: Line, pos: int, w: _Walk) -> bool:
    """A date printed right under the body ("Posted Monday, 12 February 2024, 8:30"): the post's date."""
    if w.mode == "comments" or pos > DATE_AFTER_BODY or w.out.dateline is not None:
        return False
    d = ln.date
    if d is None or d.precision in ("month", "year"):
        return False
    w.out.dateline = d
    w.out.labels[ln.idx] = "date"
    return True


def _collect(ln: Line, w: _Walk) -> None:
    """Add the line to the part the current mode collects, or label it furniture."""
    out = w.out
    if w.mode == "comments" and ln.marker in ("footer", "share", "related", "separator", "end") and not _is_ui(ln):
        w.mode = "after-marker"
    if w.mode == "comments":
        w.thread.append(ln)
        out.labels[ln.idx] = "comments"
    elif w.mode == "signature" and len(w.signature) < SIGNATURE_LINES and not ln.marker:
        w.signature.append(ln.text)
        out.labels[ln.idx] = "signature"
    elif w.mode == "references" and _is_reference(ln, out.references):
        out.references.append(ln.text)
        out.labels[ln.idx] = "references"
    elif w.mode == "references" and out.references and (ln.has_url or ln.text.startswith("[")):
        out.references[-1] += "\n" + ln.text
        out.labels[ln.idx] = "references"
    elif w.mode == "bio" and ln.prose > 0 and len(w.bio) < BIO_LINES:
        w.bio.append(ln.text)
        out.labels[ln.idx] = "bio"
    else:
        out.labels[ln.idx] = ln.marker or ln.inline or "boilerplate"
        if ln.marker or (w.mode == "bio" and w.bio):
            w.mode = "after-marker"


def parse_tail(tail: list[Line], authors: list[str]) -> Tail:
    """Label every line after the body and collect the parts users want apart."""
    w = _Walk(authors)
    for pos, ln in enumerate(tail):
        if not (_heading(ln, w) or _author_line(ln, pos, w) or _date_line(ln, pos, w)):
            _collect(ln, w)
    out = w.out
    out.bio = "\n\n".join(w.bio) or None
    if w.signature and out.signature is None:
        out.signature = w.signature[0]
    comments, leftover = parse_comments(w.thread)
    out.comments = comments
    for idx in leftover:
        out.labels[idx] = "boilerplate"
    return out


def _ui_text(text: str) -> bool:
    return any(rx.fullmatch(text) for rx in resources.patterns("comment_ui.tsv"))


def _is_ui(ln: Line) -> bool:
    """A control of the comment widget ("Reply", "12 likes", "Reply • Share ›")."""
    if _ui_text(ln.text):
        return True
    fields = [f.strip(" ›»") for f in FIELDS.split(ln.text) if f.strip(" ›»")]
    return len(fields) > 1 and all(_ui_text(f) for f in fields)


def _is_reference(ln: Line, refs: list[str]) -> bool:
    """A new entry of a reference list: numbered, bulleted, a link, or a citation with a year."""
    if ln.is_ref or BULLET.match(ln.text):
        return True
    if ln.has_url and not refs:
        return True
    return ln.n_words <= REF_MAX_WORDS and bool(CITATION_YEAR.search(ln.text)) and not ln.has_url


def _author_of(ln: Line) -> str | None:
    """The commenter named by a header line ("X says:", "Posted by X", "From: X <address>", a bare name or handle)."""
    if m := SENDER.match(ln.text.replace('"', "")):
        return m.group("n").strip()
    for rx in COMMENT_AUTHOR:
        if m := rx.match(ln.text):
            return m.group("a").strip(" :")
    if ln.looks_like_name or HANDLE.match(ln.text):
        return ln.text
    return None


def _stamp(ln: Line) -> tuple[bool, str | None, str | None]:
    """Is the line a comment's time stamp? Also the date it gives and the author it names."""
    if ln.date:
        return True, ln.date.value, None
    if is_stamp(ln.text):
        return True, None, None
    if ln.n_words > 20 or ln.prose > 0:
        return False, None, None
    d = parse_date(ln.text)
    if d and d.precision != "month" and (a := _author_of(ln)) and a != ln.text:
        return True, d.value, a  # "by name » <date>", "Name on March 3, 2021 at 8:42 pm said:"
    fields = [f for f in FIELDS.split(ln.text) if f]
    if len(fields) >= 2:  # "Name • 2 hours ago", "Name | 03.03.2021 19:34"
        stamp = next((f for f in fields if is_stamp(f) or is_date_line(f)), None)
        who = next((f for f in fields if f is not stamp and (NAME.match(f) or HANDLE.match(f))), None)
        if stamp is not None and who is not None:
            hit = is_date_line(stamp)
            return True, hit.value if hit else None, who
    return False, None, None


def _is_header_line(ln: Line) -> bool:
    return ln.prose <= 0 and not ln.has_url and ln.n_words <= 25


def _undated_comments(lines: list[Line]) -> tuple[list[Comment], set[int]]:
    """No time stamps: each prose paragraph is one comment, a short line before it its author or title."""
    comments: list[Comment] = []
    used: set[int] = set()
    for i, ln in enumerate(lines):
        terse = ln.ends_sentence and ln.n_words >= 3 and i > 0 and _author_of(lines[i - 1]) is not None
        if ln.prose > 0 or terse:  # a terse reply under its author's name is a comment too
            prev = lines[i - 1] if i and lines[i - 1].prose <= 0 and (i - 1) not in used else None
            author = _author_of(prev) if prev else None
            title = prev.text if prev and not author else None
            comments.append(Comment(text=ln.text, title=title, author=author))
            used.update({i} | ({i - 1} if prev else set()))
    return comments, used


def _comment_body(lines: list[Line], h: int, nxt: int) -> list[int]:
    """Lines of a comment's text after its stamp at ``h``, up to ``nxt`` or the furniture after the thread."""
    body: list[int] = []
    run = 0
    for j in range(h + 1, nxt):
        run = run + 1 if lines[j].prose <= 0 else 0
        if run >= 3:
            return body[: len(body) - 2]
        body.append(j)
    if any(lines[j].prose > 0 for j in body):  # a poster's name and rank under the text
        while lines[body[-1]].prose <= 0:
            body.pop()
    return body


def _stamps_close(lines: list[Line], heads: list[int]) -> bool:
    """Do the time stamps close the comments rather than open them? (text before the first, none after the last)"""
    def texty(ln: Line) -> bool:
        return ln.prose > 0 or (ln.ends_sentence and ln.n_words >= 3)

    return any(texty(ln) for ln in lines[: heads[0]]) and not any(texty(ln) for ln in lines[heads[-1] + 1 :])


def parse_comments(lines: list[Line]) -> tuple[list[Comment], list[int]]:
    """Comments from the lines of a thread; returns them and the lines left over.

    A comment opens at its time stamp (a date, "2h ago", or "by name » date");
    up to two short lines right before it are its author and/or title (never the
    previous comment's only line of text). Its text runs to the next comment's
    header, or to a run of three or more non-prose lines (the page's furniture
    after the thread).
    """
    lines = [ln for ln in lines if not _is_ui(ln) and ln.marker != "comments"]
    stamps = [_stamp(ln) for ln in lines]
    heads = [i for i, s in enumerate(stamps) if s[0]]
    if heads and _stamps_close(lines, heads):  # "Like · Reply · 3y" under each comment
        unstamped = [ln for i, ln in enumerate(lines) if i not in set(heads)]
        comments, used_lines = _undated_comments(unstamped)
        kept = {unstamped[i].idx for i in used_lines} | {lines[h].idx for h in heads}
        return comments, [ln.idx for ln in lines if ln.idx not in kept]
    if not heads:
        comments, used = _undated_comments(lines)
        return comments, [ln.idx for i, ln in enumerate(lines) if i not in used]
    comments = []
    used = set()
    pres = _pre_lines(lines, heads)
    for n, h in enumerate(heads):
        _, published, author = stamps[h]
        title = None
        for j in pres[n]:
            a = _author_of(lines[j])
            if a and author is None:
                author = a
            elif title is None:
                title = lines[j].text
        last = n + 1 == len(heads)
        nxt = len(lines) if last else (pres[n + 1][0] if pres[n + 1] else heads[n + 1])
        body = _comment_body(lines, h, nxt)
        used.update(pres[n], [h], body)
        text = "\n\n".join(lines[j].text for j in body).strip()
        if text:
            comments.append(Comment(text=text, title=title, author=author, published=published))
    return comments, [ln.idx for i, ln in enumerate(lines) if i not in used]


def _pre_lines(lines: list[Line], heads: list[int]) -> list[list[int]]:
    """For each comment head, the (at most two) header lines right before it."""
    out: list[list[int]] = []
    for n, h in enumerate(heads):
        lo = heads[n - 1] + 1 if n else 0
        keep = 1 if n else 0  # leave the previous comment at least one line of text
        pre = [j for j in range(max(lo, h - 2), h) if _is_header_line(lines[j])]
        while pre and (pre[0] - lo) < keep:
            pre = pre[1:]
        if pre and pre[-1] != h - 1:
            pre = []
        out.append(pre)
    return out
