"""SQLite store: WAL, migrations, one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from dragoman.model import Article, Comment, Document, Mention, Removed, Sentence
from dragoman.store.records import event_row
from dragoman.store.schema import MIGRATIONS

DEFAULT_DB = "dragoman.db"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# Events drive the join (CROSS JOIN fixes SQLite's loop order) so filters and the date index serve it.
EVENT_SELECT = "SELECT e.*, a.outlet, a.uri, a.published FROM events e CROSS JOIN articles a ON a.id = e.article_id"
QUOTE_SELECT = "SELECT q.*, a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id"


def id_range(prefix: str) -> tuple[str, str]:
    """Bounds so ``col >= lo AND col < hi`` means ``col LIKE 'prefix%'`` and can use an index."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def event_filters(
    actor: str | None = None, code: str | None = None, date_from: str | None = None, date_to: str | None = None,
    article: str | None = None, outlet: str | None = None, dyadic: bool = False, factual: bool = False,
) -> tuple[str, list[Any]]:
    """WHERE clause over ``events e`` / ``articles a``: ``actor`` matches a code prefix (IRN, IRNGOV) or an
    exact name; ``code`` a CAMEO code prefix (so a root such as 19 works); dates are inclusive at any precision;
    ``article`` an id prefix; ``outlet`` exact; ``dyadic`` keeps events whose target is coded;
    ``factual`` leaves out hypothetical and negated records (what did not happen)."""
    where: list[str] = []
    args: list[Any] = []
    if actor:
        where.append("(e.source_code LIKE ? OR e.target_code LIKE ? OR e.source_name = ? OR e.target_name = ?)")
        args += [actor + "%", actor + "%", actor, actor]
    if code:
        where.append("e.cameo LIKE ?")
        args.append(code + "%")
    if date_from:
        where.append("e.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("substr(e.date, 1, length(?)) <= ?")
        args += [date_to, date_to]
    if article:
        where.append("e.article_id >= ? AND e.article_id < ?")
        args += list(id_range(article))
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    if dyadic:
        where.append("e.target_code IS NOT NULL")
    if factual:
        where.append("e.modality != 'hypothetical' AND NOT e.negated")
    return (" WHERE " + " AND ".join(where)) if where else "", args


def quote_filters(article: str | None = None, speaker: str | None = None, actor: str | None = None) -> tuple[str, list[Any]]:
    """WHERE clause over ``quotes q``: article id prefix, speaker substring, actor code prefix."""
    where: list[str] = []
    args: list[Any] = []
    if article:
        where.append("q.article_id >= ? AND q.article_id < ?")
        args += list(id_range(article))
    if speaker:
        where.append("q.speaker LIKE ?")
        args.append(f"%{speaker}%")
    if actor:
        where.append("q.actor_code LIKE ?")
        args.append(actor + "%")
    return (" WHERE " + " AND ".join(where)) if where else "", args


class Store:
    """The embedded database. Open with a path; ``":memory:"`` works for tests."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Run the migrations this database has not seen yet, each in one transaction."""
        for n in range(self.version, len(MIGRATIONS)):
            try:
                self.db.executescript(f"BEGIN;\n{MIGRATIONS[n]};\nPRAGMA user_version = {n + 1};\nCOMMIT;")
            except Exception:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def save(self, doc: Document, article: Article) -> bool:
        """Store one document and its article atomically; False if already stored."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if self.has(doc.id):
                db.execute("ROLLBACK")
                return False
            db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?)",
                (doc.id, doc.uri, doc.content_type, doc.encoding, len(doc.text), _now()),
            )
            a = article
            db.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.uri, a.title, json.dumps(a.authors), a.outlet, a.published, a.published_source, a.page_date,
                 a.section, json.dumps(a.tags), a.language, a.text, a.bio, json.dumps(a.references), a.signature,
                 json.dumps([r.__dict__ for r in a.removed])),
            )
            db.executemany(
                "INSERT INTO comments VALUES (?,?,?,?,?,?)",
                [(a.id, n, c.title, c.author, c.published, c.text) for n, c in enumerate(a.comments)],
            )
            db.executemany("INSERT INTO sentences VALUES (?,?,?,?)", [(a.id, n, s.start, s.end) for n, s in enumerate(a.sentences)])
            db.executemany(
                "INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?)",
                [(a.id, m.start, m.end, m.label, m.text) for m in a.mentions],
            )
            db.executemany(
                "INSERT OR IGNORE INTO actor_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(a.id, m.start, m.end, m.text, m.actor.name, m.actor.code, m.actor.country, m.actor.role, m.actor.kind,
                  m.tone, m.tone_role) for m in a.actors],
            )
            db.executemany(f"INSERT INTO events VALUES ({','.join('?' * 28)})", [event_row(e) for e in a.events])
            db.executemany(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(q.id, q.article_id, q.speaker, q.actor_code, q.text, q.kind, q.cue, q.via, q.start, q.end) for q in a.quotes],
            )
            db.executemany("INSERT INTO article_terms VALUES (?,?,?)", [(a.id, t, n) for t, n in a.terms.items()])
            db.executemany(
                "INSERT INTO term_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1", [(t,) for t in a.terms]
            )
            db.execute("DELETE FROM failures WHERE source = ?", (doc.uri,))
            db.execute("COMMIT")
            return True
        except Exception:
            db.execute("ROLLBACK")
            raise

    def record_failure(self, source: str, reason: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO failures VALUES (?,?,?)", (source, reason, _now()))

    # -- reading ---------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "documents", "comments", "sentences", "mentions", "failures", "events", "quotes", "actor_mentions"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY published, id")]

    def resolve_id(self, prefix: str) -> str | None:
        """Full id from a unique prefix (users type the first few characters)."""
        rows = self.db.execute("SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", id_range(prefix)).fetchall() if prefix else []
        return rows[0][0] if len(rows) == 1 else None

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def articles(self) -> Iterator[Article]:
        for row in self.db.execute("SELECT * FROM articles ORDER BY published, id").fetchall():
            yield self._article(row)

    def _article(self, row: sqlite3.Row) -> Article:
        aid = row["id"]
        comments = [
            Comment(text=r["text"], title=r["title"], author=r["author"], published=r["published"])
            for r in self.db.execute("SELECT * FROM comments WHERE article_id = ? ORDER BY n", (aid,))
        ]
        sentences = [Sentence(r[0], r[1]) for r in self.db.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY n', (aid,))]
        mentions = [
            Mention(r[0], r[1], r[2], r[3])
            for r in self.db.execute('SELECT start, "end", label, text FROM mentions WHERE article_id = ? ORDER BY start', (aid,))
        ]
        return Article(
            id=aid,
            uri=row["uri"],
            text=row["text"],
            title=row["title"],
            authors=json.loads(row["authors"]),
            outlet=row["outlet"],
            published=row["published"],
            published_source=row["published_source"],
            page_date=row["page_date"],
            section=row["section"],
            tags=json.loads(row["tags"]),
            language=row["language"] or "en",
            comments=comments,
            bio=row["bio"],
            references=json.loads(row["refs"]),
            signature=row["signature"],
            removed=[Removed(**r) for r in json.loads(row["removed"])],
            sentences=sentences,
            mentions=mentions,
        )

    def events(
        self,
        actor: str | None = None,
        code: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        article: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        dyadic: bool = False,
        factual: bool = False,
    ) -> list[sqlite3.Row]:
        """Event rows, filtered (see ``event_filters``), in date order."""
        where, args = event_filters(actor, code, date_from, date_to, article, outlet, dyadic, factual)
        sql = EVENT_SELECT + where + " ORDER BY e.date, e.article_id, e.start, e.id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return self.db.execute(sql, args).fetchall()

    def count_events(self, **filters: Any) -> int:
        """How many event rows ``events(**filters)`` would return, without reading them."""
        where, args = event_filters(**filters)
        return int(self.db.execute("SELECT count(*) FROM events e CROSS JOIN articles a ON a.id = e.article_id" + where,
                                   args).fetchone()[0])

    def actor_mentions(self, actor: str | None = None) -> Iterator[sqlite3.Row]:
        """Actor mention rows in document order; with ``actor``, those whose code starts with it or whose name it is."""
        sql, args = 'SELECT * FROM actor_mentions', ()
        if actor:
            sql, args = sql + " WHERE (code >= ? AND code < ?) OR name = ?", (*id_range(actor), actor)
        yield from self.db.execute(sql + ' ORDER BY article_id, start, "end"', args)

    def quotes(self, article: str | None = None, speaker: str | None = None, actor: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[sqlite3.Row]:
        """Quote rows, filtered by article id prefix, speaker name (substring) or actor code prefix."""
        where, args = quote_filters(article, speaker, actor)
        sql = QUOTE_SELECT + where + " ORDER BY q.article_id, q.start"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return self.db.execute(sql, args).fetchall()

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM failures ORDER BY source")]
