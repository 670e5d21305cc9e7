"""Cue patterns shared by the line features, the header and the tail parsers.

Each pattern is compiled once from a lexicon in ``resources/`` (``clean_bylines.tsv``,
``clean_stamps.txt``) so the vocabulary of bylines, author notes and comment time
stamps can grow without touching code. Nothing here names a site or a person.
"""

from __future__ import annotations

import re
from functools import cache

from dragoman import resources
from dragoman.dates import is_date_line


@cache
def _lexicon(kind: str) -> str:
    """The ``|``-joined alternatives of one kind in ``clean_bylines.tsv``."""
    parts = [r["text"] for r in resources.table("clean_bylines.tsv") if r["kind"] == kind]
    return "|".join(parts)


_PREFIX = _lexicon("prefix")
_JOINER = "|".join(rf"\b{re.escape(j)}\b" if j.isalpha() else re.escape(j) for j in _lexicon("joiner").split("|"))

# "By Jane Doe", "Written by: A and B", "Von X und Y", "Por X | date"
BYLINE = re.compile(rf"^(?:{_PREFIX})\s*[:\-–]?\s+(?P<v>.+)$", re.I)
# "Posted on March 3, 2021 by admin", "March 3, 2021 by Jane Doe"
DATED_BYLINE = re.compile(r"^(?P<d>.{6,60}?)\s+(?:by|von|por|par|door)\s+(?P<v>[^|]{2,60})$", re.I)
NAME_SPLIT = re.compile(rf"\s*(?:{_JOINER})\s*", re.I)
FIELD_CUT = re.compile(
    r"\s[|,–—»›•·/-]\s|\s*\bfor\b\s|\s*[|»›•·(;]\s*|,\s+(?=[a-z])|\s+(?:at|on|um|am|às|em|le|el|il)\b(?=.*\d)|\s+(?=\d)"
)
NAME = re.compile(
    r"^(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:\s+(?:(?:de|van|von|der|den|al|el|bin|da|di|du|dos|das|la|le)[- ])?(?:[A-Z][\w'’-]+|[A-Z]\.)){1,3}$"
)
HANDLE = re.compile(r"^@?[\w.-]*[_\d][\w.-]*$|^@?[a-z][a-z0-9._-]{2,30}$")
# A sender as mail archives print one: "Jane Doe jdoe at example.org", "Jane Doe <jdoe@example.org>"
EMAIL = re.compile(r"[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+")
SENDER = re.compile(r"^(?:from:\s*)?\"?(?P<n>[^\"<>@]+?)\"?\s+[<(]?[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+[>)]?$", re.I)
SENDER_AFTER = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s+\((?P<n>[^)]+)\)$")  # "jdoe@example.org (Jane Doe)"
MAIL_HEADER = re.compile(r"^(?P<k>from|date|sent|subject|to|cc|newsgroups|organization|message-id|references|reply-to|x-[\w-]+)\s*:\s*(?P<v>.*)$", re.I)
# "On Wed, Nov 8, 2017 at 4:52 PM, Gary <g at example.net> wrote:", "Gary wrote:"
ATTRIBUTION = re.compile(r"^(?:on\s.{6,120}|.{1,80}\s)(?:wrote|writes|a écrit|schrieb|escreveu|escribió|ha scritto)\s*:?\s*$", re.I)
LIST_TAG = re.compile(r"^\[[\w .-]{2,40}\]\s+")
ROLE = re.compile(rf"\b(?:{_lexicon('role')})s?\b", re.I)
BIO_VERB = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3})(?:\([^)]*\)\s+)?(?:is|was|currently|serves|has been|writes|teaches|works|covers|reports|lives|holds|joined|leads)\b"
)


@cache
def _stamp_patterns() -> re.Pattern[str]:
    joined = "|".join(f"(?:{p.pattern})" for p in resources.patterns("clean_stamps.txt"))
    return re.compile(joined, re.I)


def is_stamp(text: str) -> bool:
    """A relative time stamp alone on a line ("2h ago", "vor 3 Stunden", "yesterday")."""
    return len(text) <= 40 and bool(_stamp_patterns().fullmatch(text.strip(" ·•|()")))


def names(value: str) -> list[str]:
    """The person names (or one user handle) in the value of a byline."""
    value = FIELD_CUT.split(value.strip(), maxsplit=1)[0]
    found = [n.strip(" .,:") for n in NAME_SPLIT.split(value) if n.strip(" .,:")]
    if len(found) == 1 and HANDLE.match(found[0]) and not found[0].isdigit():
        return found
    people = []
    for piece in found:
        if piece.split()[0] == "The":  # "By Jane Doe, The Estuary Record": the outlet ("By An Nguyen" is a name)
            continue
        if m := ROLE.search(piece):  # "Jane Doe Staff Writer", "Herald correspondent"
            piece = piece[: m.start()].strip(" ,-–—")
            if not (len(piece.split()) >= 2 and NAME.match(piece)):
                continue
        if not NAME.match(piece):  # a sentence, not a byline
            return []
        people.append(piece)
    return people


def byline_names(text: str) -> list[str]:
    """The author names if ``text`` is a byline line ("By X", "Posted on <date> by X"), else []."""
    if len(text) > 160:
        return []
    if m := BYLINE.match(text):
        return names(m.group("v"))
    if (m := DATED_BYLINE.match(text)) and _has_date(m.group("d")):
        return names(m.group("v"))
    return []


def _has_date(text: str) -> bool:
    """Is ``text`` a date and nothing else (bar words like "Posted on")?"""
    return is_date_line(text) is not None
