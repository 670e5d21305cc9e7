"""Read queries the web app needs beyond ``Store``'s: pages of rows, sorted, counted, searched.

Filters mean exactly what ``Store.events`` / ``Store.quotes`` make them mean
(``tests/test_web_api.py`` checks the rows agree); what is added here is
sorting, paging and counting, so a page of 50 rows out of 100,000 costs the
page, not the table.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from dragoman.compare.merge import country
from dragoman.store import Store
from dragoman.store.db import EVENT_SELECT, QUOTE_SELECT, event_filters, id_range
from dragoman.web.params import SORTS, EventFilters, ParamError

_WORD = re.compile(r"\w+\*?", re.UNICODE)


def event_where(f: EventFilters) -> tuple[str, list[Any]]:
    return event_filters(f.actor, f.code, f.date_from, f.date_to, f.article, f.outlet)


def order_by(sort: str) -> str:
    key = sort.lstrip("-")
    direction = "DESC" if sort.startswith("-") else "ASC"
    if key == "date":
        return f" ORDER BY e.date {direction}, e.article_id, e.start, e.id"
    return f" ORDER BY {SORTS[key]} {direction}, e.date, e.article_id, e.start, e.id"


def events(store: Store, f: EventFilters, sort: str = "date", limit: int = 50, offset: int = 0) -> tuple[list[sqlite3.Row], bool]:
    """One page of event rows and whether there are more after it.

    Events drive the join (``CROSS JOIN`` fixes the order), so a date-ordered page walks the date index and
    stops once the page is full. Other orders have no index: the sort runs on (key, rowid) pairs in a
    subquery and only the page's rows are then read whole.
    """
    where, args = event_where(f)
    if sort.lstrip("-") == "date":
        sql = EVENT_SELECT + where + order_by(sort) + " LIMIT ? OFFSET ?"
    else:
        join = " CROSS JOIN articles a ON a.id = e.article_id" if f.outlet or sort.lstrip("-") == "outlet" else ""
        page = f"SELECT e.rowid AS rid FROM events e{join}{where}{order_by(sort)} LIMIT ? OFFSET ?"
        sql = (f"SELECT e.*, a.outlet, a.uri, a.published FROM ({page}) p CROSS JOIN events e ON e.rowid = p.rid "
               f"CROSS JOIN articles a ON a.id = e.article_id{order_by(sort)}")
    rows = store.db.execute(sql, [*args, limit + 1, offset]).fetchall()
    return rows[:limit], len(rows) > limit


def count_events(store: Store, f: EventFilters) -> int:
    where, args = event_where(f)
    join = " JOIN articles a ON a.id = e.article_id" if f.outlet else ""
    return int(store.db.execute(f"SELECT count(*) FROM events e{join}{where}", args).fetchone()[0])


def iter_events(store: Store, f: EventFilters, sort: str = "date") -> Any:
    where, args = event_where(f)
    return store.db.execute(EVENT_SELECT + where + order_by(sort), args)


def article_events(store: Store, article_id: str) -> list[sqlite3.Row]:
    """One article's events (exact id, by index), in ``Store.events``'s order."""
    return store.db.execute(EVENT_SELECT + " WHERE e.article_id = ? ORDER BY e.date, e.start, e.id", (article_id,)).fetchall()


def article_quotes(store: Store, article_id: str) -> list[sqlite3.Row]:
    return store.db.execute(QUOTE_SELECT + " WHERE q.article_id = ? ORDER BY q.start", (article_id,)).fetchall()


def outlets(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]


def quotes(store: Store, article: str | None = None, speaker: str | None = None, actor: str | None = None,
           limit: int = 50, offset: int = 0) -> tuple[list[sqlite3.Row], bool]:
    rows = store.quotes(article=article, speaker=speaker, actor=actor, limit=limit + 1, offset=offset)
    return rows[:limit], len(rows) > limit


# -- stories and search -----------------------------------------------------
def fts_query(q: str) -> str:
    """User words as an FTS5 query: every word must occur; ``word*`` is a prefix; no FTS syntax errors."""
    words = _WORD.findall(q)
    if not words:
        raise ParamError("q", f"{q!r} has no word to search for")
    if len(words) > 20:
        raise ParamError("q", "at most 20 words")
    out = []
    for w in words:
        star = w.endswith("*")
        w = w.rstrip("*")
        if w:
            out.append(f'"{w}"' + ("*" if star else ""))
    if not out:
        raise ParamError("q", f"{q!r} has no word to search for")
    return " ".join(out)


def search_articles(store: Store, q: str, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], bool]:
    """Articles matching the words, best first, with a snippet (marks are \\x02 … \\x03) and their story."""
    rows = store.db.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.uri, sa.story_id, "
        "snippet(articles_fts, 1, char(2), char(3), '…', 14) AS snippet "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "LEFT JOIN story_articles sa ON sa.article_id = a.id "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), a.id LIMIT ? OFFSET ?",
        (fts_query(q), limit + 1, offset)).fetchall()
    return [dict(r) for r in rows[:limit]], len(rows) > limit


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces, for a template to escape and mark."""
    out: list[tuple[str, bool]] = []
    for n, piece in enumerate((snippet or "").split("\x02")):
        if n == 0:
            out.append((piece, False))
            continue
        hit, _, rest = piece.partition("\x03")
        out += [(hit, True), (rest, False)]
    return [p for p in out if p[0]]


def stories(store: Store, q: str | None = None, date_from: str | None = None, date_to: str | None = None,
            actor: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Stories, newest first, filtered by a date overlap, an actor code and (with ``q``) matching articles."""
    where, args = [], []
    if date_from:
        where.append("s.last_date >= ?")
        args.append(date_from)
    if date_to:
        where.append("substr(s.first_date, 1, length(?)) <= ?")
        args += [date_to, date_to]
    if actor:
        lo, hi = id_range(actor.upper())
        where.append("s.id IN (SELECT story_id FROM story_actors WHERE code >= ? AND code < ?)")
        args += [lo, hi]
    hits: dict[str, int] = {}
    if q:
        for sid, n in store.db.execute(
                "SELECT sa.story_id, count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "JOIN story_articles sa ON sa.article_id = a.id WHERE articles_fts MATCH ? GROUP BY sa.story_id",
                (fts_query(q),)):
            hits[sid] = n
        where.append(f"s.id IN ({','.join('?' * len(hits))})" if hits else "0")
        args += list(hits)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(store.db.execute(f"SELECT count(*) FROM stories s{cond}", args).fetchone()[0])
    rows = store.db.execute(f"SELECT s.* FROM stories s{cond} ORDER BY s.last_date DESC, s.first_date DESC, s.id "
                            "LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    out = []
    for r in rows:
        actors = [c for (c,) in store.db.execute("SELECT code FROM story_actors WHERE story_id = ? ORDER BY n DESC, code LIMIT 6",
                                                 (r["id"],))]
        item = {"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
                "n_articles": r["n_articles"], "actors": actors}
        if q:
            item["matching_articles"] = hits.get(r["id"], 0)
        out.append(item)
    return out, total


def story_of(store: Store, article_id: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT s.id, s.title FROM story_articles sa JOIN stories s ON s.id = sa.story_id "
                           "WHERE sa.article_id = ?", (article_id,)).fetchone()
    return dict(row) if row else None


def resolve_article(store: Store, given: str) -> str:
    """Full article id from an id or unique prefix (ParamError when ambiguous, NotFound when none)."""
    from dragoman.web.params import NotFound

    rows = store.db.execute("SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", id_range(given)).fetchall()
    if not rows:
        raise NotFound(f"no article {given!r}")
    if len(rows) > 1:
        raise ParamError("id", f"{given!r} is the start of several article ids; give more characters")
    return str(rows[0][0])


def actor_mentions(store: Store, article_id: str) -> list[sqlite3.Row]:
    return store.db.execute('SELECT * FROM actor_mentions WHERE article_id = ? ORDER BY start, "end"', (article_id,)).fetchall()


# -- actors -------------------------------------------------------------------
def actor(store: Store, code: str, months_limit: int = 120) -> dict[str, Any] | None:
    """An actor code's record: names, events per month by quad class, and relations with other actors
    (Goldstein sums per month, each direction), or None when the code occurs nowhere."""
    lo, hi = id_range(code)
    db = store.db
    names = Counter({r[0]: r[1] for r in db.execute(
        "SELECT name, count(*) FROM actor_mentions WHERE code >= ? AND code < ? GROUP BY name", (lo, hi))})
    rows = db.execute(
        "SELECT source_code, source_name, target_code, target_name, date, quad_class, goldstein FROM events "
        "WHERE (source_code >= ? AND source_code < ?) OR (target_code >= ? AND target_code < ?)", (lo, hi, lo, hi)).fetchall()
    if not rows and not names:
        return None
    per_month: dict[str, Counter[int]] = defaultdict(Counter)
    undated = 0
    rel: dict[str, dict[str, Any]] = {}
    for r in rows:
        mine_src = bool(r["source_code"]) and r["source_code"].startswith(code)
        mine_tgt = bool(r["target_code"]) and r["target_code"].startswith(code)
        names[r["source_name"] if mine_src else r["target_name"]] += 0  # known names, even if only in events
        month = r["date"][:7] if r["date"] and len(r["date"]) >= 7 else None
        if month is None:
            undated += 1
        else:
            per_month[month][int(r["quad_class"])] += 1
        if month is None or mine_src == mine_tgt:
            continue  # an event within the actor itself is no relation
        other_code = r["target_code"] if mine_src else r["source_code"]
        if not other_code:
            continue
        other = country(other_code) or other_code
        if other == code or other.startswith(code):
            continue
        entry = rel.setdefault(other, {"code": other, "events": 0, "goldstein": 0.0, "names": Counter(),
                                       "months": defaultdict(lambda: {"out": 0.0, "in": 0.0, "n_out": 0, "n_in": 0})})
        entry["events"] += 1
        entry["goldstein"] += r["goldstein"]
        # a name given to the counterpart's own (country-level) code is the best label for it
        entry["names"][r["target_name"] if mine_src else r["source_name"]] += 1000 if other_code == other else 1
        m = entry["months"][month]
        side = "out" if mine_src else "in"
        m[side] += r["goldstein"]
        m[f"n_{side}"] += 1
    months = sorted(per_month)[-months_limit:]
    relations = []
    for e in sorted(rel.values(), key=lambda e: (-e["events"], e["code"])):
        relations.append({
            "code": e["code"], "name": e["names"].most_common(1)[0][0] if e["names"] else e["code"], "events": e["events"],
            "goldstein_sum": round(e["goldstein"], 2),
            "months": [{"month": m, "goldstein_out": round(v["out"], 2), "goldstein_in": round(v["in"], 2),
                        "events_out": v["n_out"], "events_in": v["n_in"]} for m, v in sorted(e["months"].items())],
        })
    return {
        "code": code,
        "names": [n for n, _ in names.most_common(10) if n],
        "events": len(rows),
        "undated_events": undated,
        "events_by_month": [{"month": m, "events": sum(per_month[m].values()),
                             "by_quad_class": {str(k): v for k, v in sorted(per_month[m].items())}} for m in months],
        "relations": relations,
    }
