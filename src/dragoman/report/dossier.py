"""A story's dossier as one JSON-ready object: the model every view renders.

Built from stored results only (articles, events, quotes, mentions), for one
story at a time, so its cost follows the story's size, not the corpus's.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any
from pathlib import PurePath
from urllib.parse import urlparse

from dragoman.compare.merge import country, item, merge
from dragoman.compare.perspective import perspective
from dragoman.store import Store

COPY_SIMILARITY = 0.9  # term-vector cosine above which two articles are copies of one text


def _outlet(row: Any) -> str:
    if row["outlet"]:
        return str(row["outlet"])
    host = urlparse(row["uri"]).netloc
    if host:
        return host.removeprefix("www.")
    name = PurePath(row["uri"]).stem  # a local file: its name is the best label there is
    return name or f"unknown ({row['id'][:8]})"


def _independent_sources(store: Store, ids: list[str]) -> dict[str, str]:
    """Article → source key; near-identical texts (republished copies) share one key."""
    vecs = {}
    for aid in ids:
        tf = dict(store.db.execute("SELECT term, tf FROM article_terms WHERE article_id = ?", (aid,)).fetchall())
        norm = math.sqrt(sum(v * v for v in tf.values())) or 1.0
        vecs[aid] = {t: v / norm for t, v in tf.items()}
    key: dict[str, str] = {}
    for aid in ids:
        key[aid] = aid
        for prev in ids:
            if prev == aid:
                break
            if sum(w * vecs[prev].get(t, 0.0) for t, w in vecs[aid].items()) >= COPY_SIMILARITY:
                key[aid] = key[prev]
                break
    return key


def stories(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute("SELECT * FROM stories ORDER BY first_date, id").fetchall()
    return [dict(r) for r in rows]


def build(store: Store, story_id: str) -> dict[str, Any]:
    """The dossier of one story (KeyError if there is no such story)."""
    db = store.db
    story = db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if story is None:
        raise KeyError(story_id)
    arts = db.execute(
        "SELECT a.* FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ? "
        "ORDER BY a.published, a.id", (story_id,)).fetchall()
    ids = [a["id"] for a in arts]
    outlet_of = {a["id"]: _outlet(a) for a in arts}
    source_of = _independent_sources(store, ids)
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT e.*, a.outlet, a.uri, a.published FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.article_id IN ({marks}) ORDER BY e.id", ids).fetchall()
    timeline = [item(ev, outlet_of, source_of) for ev in merge(rows)]
    outlet_names = set(outlet_of.values())
    perspectives = {aid: perspective(store, aid, timeline, outlet_names) for aid in ids}
    quotes: dict[str, list[dict[str, Any]]] = {}
    for q in db.execute(f"SELECT * FROM quotes WHERE article_id IN ({marks}) ORDER BY article_id, start", ids):
        quotes.setdefault(q["article_id"], []).append(
            {"id": q["id"], "speaker": q["speaker"], "actor_code": q["actor_code"], "text": q["text"], "kind": q["kind"],
             "cue": q["cue"], "via": q["via"], "start": q["start"], "end": q["end"]})
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    names: dict[str, str] = {}
    for it in timeline:
        s, t = it["source"], it["target"]
        if not s or not t or not s["code"] or not t["code"]:
            continue
        a, b = country(s["code"]), country(t["code"])
        if a == b:
            continue
        names.setdefault(a, s["name"] if s["code"] == a else a)
        names.setdefault(b, t["name"] if t["code"] == b else b)
        e = edges.setdefault((a, b), {"source": a, "target": b, "events": 0, "goldstein": 0.0, "quad_classes": defaultdict(int)})
        e["events"] += 1
        e["goldstein"] += it["goldstein"]
        e["quad_classes"][it["quad_class"]] += 1
    network = {
        "nodes": [{"code": c, "name": names[c]} for c in sorted(names)],
        "edges": [{**e, "goldstein": round(e["goldstein"] / e["events"], 2), "quad_classes": dict(e["quad_classes"])}
                  for e in sorted(edges.values(), key=lambda e: (e["source"], e["target"]))],
    }
    tone: dict[str, dict[str, float]] = defaultdict(dict)
    for aid, p in perspectives.items():
        for actor, v in p["tone_by_actor"].items():
            tone[actor][aid] = v
    return {
        "story": {"id": story["id"], "title": story["title"], "first_date": story["first_date"], "last_date": story["last_date"]},
        "articles": ids,
        "article_info": [{"id": a["id"], "title": a["title"], "outlet": outlet_of[a["id"]], "published": a["published"],
                          "published_source": a["published_source"], "uri": a["uri"], "authors": a["authors"]} for a in arts],
        "timeline": timeline,
        "perspectives": perspectives,
        "quotes": quotes,
        "network": network,
        "tone": {k: tone[k] for k in sorted(tone)},
    }
