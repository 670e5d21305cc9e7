"""Group articles into stories, incrementally, as they are stored.

An article joins the story it is most like, or starts a new one. Likeness
mixes what the texts are about (TF-IDF cosine against the story's centroid)
with who is in them (overlap of the country-level actor codes its events and
mentions name). Candidates are blocked: only stories that share one of the
article's main actors and whose dates lie within ``MAX_GAP_DAYS`` are scored,
through indexed look-ups, so adding one article costs about the same however
large the corpus is. A story may span months; the longer the gap, the more
alike the article must be.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from dragoman.store import Store

MAX_GAP_DAYS = 400
THRESHOLD = 0.22  # score needed to join a story at no time gap
GAP_PENALTY = 0.12  # extra score needed per year of gap
CENTROID_TERMS = 120
MAIN_ACTORS = 6
MAX_CANDIDATES = 40
PER_ACTOR = 200


@dataclass
class Profile:
    """What an article brings to grouping: its date, main actors and weighted terms."""

    article_id: str
    day: date | None
    actors: Counter[str]
    vector: dict[str, float]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def profile(store: Store, article_id: str) -> Profile:
    db = store.db
    row = db.execute("SELECT published, page_date FROM articles WHERE id = ?", (article_id,)).fetchone()
    actors: Counter[str] = Counter()
    for (code,) in db.execute(
        "SELECT code FROM actor_mentions WHERE article_id = ? AND code IS NOT NULL AND length(code) >= 3", (article_id,)
    ):
        actors[code[:3]] += 1
    for s, t in db.execute("SELECT source_code, target_code FROM events WHERE article_id = ?", (article_id,)):
        for c in (s, t):
            if c and len(c) >= 3:
                actors[c[:3]] += 2
    n_docs = max(1, store.count("articles"))
    tf = dict(db.execute("SELECT term, tf FROM article_terms WHERE article_id = ?", (article_id,)).fetchall())
    dfs = dict(db.execute(
        f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(tf))})", list(tf)
    ).fetchall()) if tf else {}
    vec = {t: (1 + math.log(n)) * (math.log((n_docs + 1) / (dfs.get(t, 1) + 1)) + 1) for t, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return Profile(article_id, _day(row["published"]) if row else None,
                   Counter(dict(actors.most_common(MAIN_ACTORS))), {t: v / norm for t, v in vec.items()})


def _gap(day: date | None, first: str | None, last: str | None) -> int:
    if day is None or not first or not last:
        return 0
    lo, hi = _day(first), _day(last)
    if lo is None or hi is None:
        return 0
    return max(0, (lo - day).days, (day - hi).days)


def _scores(p: Profile, cands: list[str], store: Store) -> dict[str, float]:
    """Score of the article against each candidate story, in two set-based queries."""
    if not cands:
        return {}
    db = store.db
    sq = ",".join("?" * len(cands))
    terms = list(p.vector)
    dots: Counter[str] = Counter()
    if terms:
        tq = ",".join("?" * len(terms))
        for sid, term, w in db.execute(
            f"SELECT story_id, term, weight FROM story_terms WHERE story_id IN ({sq}) AND term IN ({tq})", [*cands, *terms]
        ):
            dots[sid] += w * p.vector[term]
    norms = dict(db.execute(f"SELECT id, norm FROM stories WHERE id IN ({sq})", cands).fetchall())
    actors: dict[str, list[tuple[int, str]]] = {}
    for sid, code, n in db.execute(f"SELECT story_id, code, n FROM story_actors WHERE story_id IN ({sq})", cands):
        actors.setdefault(sid, []).append((-n, code))
    a_actors = set(p.actors)
    out = {}
    for sid in cands:
        s_actors = {c for _, c in sorted(actors.get(sid, []))[:MAIN_ACTORS]}
        union = a_actors | s_actors
        jac = len(a_actors & s_actors) / len(union) if union else 0.0
        out[sid] = 0.6 * dots[sid] / (norms.get(sid) or 1.0) + 0.4 * jac
    return out


def candidates(store: Store, p: Profile) -> list[tuple[str, str, str]]:
    """Stories sharing a main actor and active within the time window.

    One indexed range scan per main actor (``story_actors(code, last_date)``),
    each capped, so the cost does not grow with the number of stories.
    """
    if not p.actors:
        return []
    lo = date.fromordinal(p.day.toordinal() - MAX_GAP_DAYS).isoformat() if p.day else ""
    shared: Counter[str] = Counter()
    for code in p.actors:
        rows = store.db.execute(
            "SELECT story_id FROM story_actors WHERE code = ? AND (last_date >= ? OR last_date IS NULL) "
            "ORDER BY last_date DESC LIMIT ?", (code, lo, PER_ACTOR)).fetchall()
        shared.update(r[0] for r in rows)
    best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
    out = []
    for sid, _ in best:
        row = store.db.execute("SELECT first_date, last_date FROM stories WHERE id = ?", (sid,)).fetchone()
        if row is not None:
            out.append((sid, row[0], row[1]))
    return out


def _add(store: Store, story_id: str, p: Profile, score: float | None) -> None:
    db = store.db
    db.execute("INSERT OR REPLACE INTO story_articles VALUES (?,?,?)", (story_id, p.article_id, score))
    day = p.day.isoformat() if p.day else None
    db.execute(
        "UPDATE stories SET n_articles = n_articles + 1, "
        "first_date = CASE WHEN ? IS NULL THEN first_date WHEN first_date IS NULL OR ? < first_date THEN ? ELSE first_date END, "
        "last_date = CASE WHEN ? IS NULL THEN last_date WHEN last_date IS NULL OR ? > last_date THEN ? ELSE last_date END "
        "WHERE id = ?",
        (day, day, day, day, day, day, story_id),
    )
    for code, n in p.actors.items():
        db.execute("INSERT INTO story_actors (story_id, code, n) VALUES (?,?,?) "
                   "ON CONFLICT(story_id, code) DO UPDATE SET n = n + ?", (story_id, code, n, n))
    db.execute("UPDATE story_actors SET last_date = (SELECT last_date FROM stories WHERE id = ?) WHERE story_id = ?",
               (story_id, story_id))
    cen = dict(db.execute("SELECT term, weight FROM story_terms WHERE story_id = ?", (story_id,)).fetchall())
    for t, w in p.vector.items():
        cen[t] = cen.get(t, 0.0) + w
    top = sorted(cen.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
    db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
    db.executemany("INSERT INTO story_terms VALUES (?,?,?)", [(story_id, t, w) for t, w in top])
    db.execute("UPDATE stories SET norm = ? WHERE id = ?", (math.sqrt(sum(w * w for _, w in top)), story_id))


def assign(store: Store, article_id: str) -> str:
    """Put one stored article into a story (joining the best or starting one); return the story id."""
    db = store.db
    existing = db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    if existing:
        return str(existing[0])
    p = profile(store, article_id)
    best: tuple[float, str] | None = None
    cands = candidates(store, p)
    scores = _scores(p, [c[0] for c in cands], store)
    for sid, first, last in cands:
        need = THRESHOLD + GAP_PENALTY * _gap(p.day, first, last) / 365
        score = scores[sid]
        if score >= need and (best is None or score - need > best[0]):
            best = (score - need, sid)
    db.execute("BEGIN IMMEDIATE")
    try:
        if best is None:
            sid = "s" + article_id
            title = db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            db.execute("INSERT INTO stories (id, title) VALUES (?, ?)", (sid, title))
            _add(store, sid, p, None)
        else:
            sid = best[1]
            _add(store, sid, p, best[0])
        db.execute("COMMIT")
    except Exception:
        db.execute("ROLLBACK")
        raise
    return sid
