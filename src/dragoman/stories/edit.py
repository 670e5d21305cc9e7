"""Hand corrections: merge two stories, or split articles off into a new one.

A story touched by hand is marked ``manual``; its profile (dates, actors,
centroid) is rebuilt from its articles so later articles still find it.
"""

from __future__ import annotations

from dragoman.store import Store
from dragoman.stories.group import _add, profile


def _rebuild(store: Store, story_id: str) -> None:
    db = store.db
    ids = [r[0] for r in db.execute("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id", (story_id,))]
    db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
    db.execute("DELETE FROM story_actors WHERE story_id = ?", (story_id,))
    db.execute("UPDATE stories SET n_articles = 0, first_date = NULL, last_date = NULL, manual = 1 WHERE id = ?", (story_id,))
    for aid in ids:
        _add(store, story_id, profile(store, aid), None)


def merge(store: Store, into: str, other: str) -> None:
    """Move every article of ``other`` into ``into`` and drop ``other``."""
    db = store.db
    for sid in (into, other):
        if db.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is None:
            raise KeyError(f"no story {sid!r}")
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (into, other))
        db.execute("DELETE FROM stories WHERE id = ?", (other,))
        _rebuild(store, into)
        db.execute("COMMIT")
    except Exception:
        db.execute("ROLLBACK")
        raise


def split(store: Store, story_id: str, article_ids: list[str], title: str | None = None) -> str:
    """Move the given articles of a story into a new story; return its id."""
    db = store.db
    members = {r[0] for r in db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))}
    missing = [a for a in article_ids if a not in members]
    if missing:
        raise KeyError(f"not in story {story_id}: {', '.join(missing)}")
    if set(article_ids) == members:
        raise ValueError("cannot split off every article of a story")
    new = "s" + sorted(article_ids)[0] + "x"
    db.execute("BEGIN IMMEDIATE")
    try:
        first_title = db.execute("SELECT title FROM articles WHERE id = ?", (sorted(article_ids)[0],)).fetchone()[0]
        db.execute("INSERT INTO stories (id, title, manual) VALUES (?, ?, 1)", (new, title or first_title))
        db.executemany("UPDATE story_articles SET story_id = ? WHERE article_id = ?", [(new, a) for a in article_ids])
        _rebuild(store, story_id)
        _rebuild(store, new)
        db.execute("COMMIT")
    except Exception:
        db.execute("ROLLBACK")
        raise
    return new
