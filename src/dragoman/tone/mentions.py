"""Tone of every actor mention of a parsed text: the pipeline step, and the same for older stores.

Each mention gets its directed tone (``dragoman.tone.directed``). When a
sentence names one actor only, a state, and the words of its mentions' roles
say nothing, the sentence is about that state: its mood counts, damped (role
``sole``), unless the state only undergoes an act there ("strikes on Syria
killed 20" says nothing of Syria's conduct) or judges others ("Iran condemned
the attack": the grimness is the attack's).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from dragoman.model import country
from dragoman.tone.directed import Directed, directed
from dragoman.tone.sentiment import polarity
from dragoman.tone.valence import valences

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dragoman.model import Article

SOLE_WEIGHT = 0.3  # a sentence about one state only: its mood, damped, when the role's words say nothing
SOLE_ROLES = {"agent", "judged", "mentioned"}


def doc_tones(doc: Doc, mentions: list[tuple[int, int, str | None]]) -> list[Directed | None]:
    """Directed tone of each mention, given as (start, end, actor code) in a parsed text; None without a span."""
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end, _ in mentions]
    by_sentence: dict[int, list[int]] = {}
    for i, span in enumerate(spans):
        if span is not None and len(span):
            by_sentence.setdefault(span.sent.start, []).append(i)
    out: list[Directed | None] = [None] * len(mentions)
    for idx in by_sentence.values():
        sent = spans[idx[0]].sent
        vals = valences(sent)
        actors = {country(mentions[i][2]) for i in idx if mentions[i][2]}
        found = {i: directed(sent, spans[i], vals) for i in idx}
        silent = all(not d.score for d in found.values() if d.role != "people")
        for i, d in found.items():
            if silent and len(actors) == 1 and d.role in SOLE_ROLES and not d.judging and _state(mentions[i][2]):
                d = Directed("sole", SOLE_WEIGHT * polarity(sent.text))
            out[i] = Directed(d.role, round(d.score, 4))
    return out


def _state(code: str | None) -> bool:
    return bool(code) and not code.startswith(("IGO", "NGO"))


def add_tones(article: Article, doc: Doc) -> None:
    """Set the directed tone of every actor mention of a parsed article (an extraction component)."""
    for m, d in zip(article.actors, doc_tones(doc, [(m.start, m.end, m.actor.code) for m in article.actors])):
        m.tone, m.tone_role = (d.score, d.role) if d is not None else (None, "unscored")


def tones_of(text: str, mentions: list[tuple[int, int, str | None]]) -> list[Directed | None]:
    """Directed tone of mentions (start, end, actor code) of ``text``, parsing it: for stores older than tones."""
    from dragoman import nlp

    return doc_tones(next(nlp.parse([text])), mentions)


def fill_tones(db: sqlite3.Connection, article_id: str, text: str, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Tones for mention rows stored before tones were kept: computed once (parsing the text) and written back.

    Returns the rows as dicts with ``tone`` and ``tone_role`` filled. A store that cannot be
    written (read-only, query-only as the web app reads, or inside a caller's transaction)
    keeps nothing and gets the same figures computed the next time; ``dragoman retone``
    stores them for a whole database.
    """
    found = tones_of(text, [(r["start"], r["end"], r["code"]) for r in rows])
    out = [{**dict(r), "tone": d.score if d else None, "tone_role": d.role if d else "unscored"} for r, d in zip(rows, found)]
    if db.in_transaction:
        return out  # never write inside someone else's transaction
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return out  # read-only or busy: computed again next time
    try:
        db.executemany('UPDATE actor_mentions SET tone = ?, tone_role = ? WHERE article_id = ? AND start = ? AND "end" = ?',
                       [(r["tone"], r["tone_role"], article_id, r["start"], r["end"]) for r in out])
        db.execute("COMMIT")
    except sqlite3.Error:
        db.execute("ROLLBACK")  # a query-only connection refuses the update: keep nothing
    return out
