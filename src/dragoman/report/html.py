"""Render a dossier as one self-contained HTML file (inline CSS and SVG, no script, no CDN).

Every timeline item links to the sentence that states it, shown highlighted
in the article's text further down the page (``:target``), and article text is
escaped everywhere: a page is untrusted input.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dragoman.events.codebook import codebook
from dragoman.report.charts import QUAD_COLOURS, QUAD_NAMES, network_svg, timeline_svg
from dragoman.store import Store


def env() -> Environment:
    e = Environment(loader=PackageLoader("dragoman.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    e.filters["tone_colour"] = tone_colour
    return e


def tone_colour(v: float | None) -> str:
    if v is None:
        return "#fff"
    t = max(-1.0, min(1.0, v * 2))
    return f"rgba(201,42,42,{-t:.2f})" if t < 0 else f"rgba(43,138,62,{t:.2f})"


def event_label(code: str) -> str:
    name = codebook().get(code)
    return name.name.replace(", not specified below", "") if name else code


def _sentences(store: Store, article_id: str) -> list[tuple[int, int, int]]:
    """(n, start, end) of an article's sentences, in order."""
    return [tuple(r) for r in store.db.execute('SELECT n, start, "end" FROM sentences WHERE article_id = ? ORDER BY n', (article_id,))]


def sentence_segments(store: Store, article_id: str, sents: list[tuple[int, int, int]], dossier: dict[str, Any]) -> list[dict[str, Any]]:
    """The article as sentences with anchors and what each carries (event, quote)."""
    text = store.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    ev_spans = {(ev["start"]) for it in dossier["timeline"] for ev in it["evidence"] if ev["article_id"] == article_id}
    quotes = dossier["quotes"].get(article_id, [])
    out = []
    for n, s, e in sents:
        has_q = any(s <= q["start"] < e or q["start"] <= s < q["end"] for q in quotes)
        out.append({"n": n, "text": text[s:e], "event": s in ev_spans, "quote": has_q,
                    "gap": text[e: sents[n + 1][1]] if n + 1 < len(sents) else ""})
    return out


def sentence_of(sents: list[tuple[int, int, int]], start: int) -> int:
    """The number of the sentence that contains character ``start`` (0 if none does)."""
    return next((n for n, s, e in sents if s <= start < e), 0)


def render_html(store: Store, dossier: dict[str, Any]) -> str:
    sents = {aid: _sentences(store, aid) for aid in dossier["articles"]}  # read once, used for anchors and bodies
    for it in dossier["timeline"]:
        it["label"] = event_label(it["cameo"])
        for ev in it["evidence"]:
            ev["sentence_n"] = sentence_of(sents[ev["article_id"]], ev["start"])
    bodies = {aid: sentence_segments(store, aid, sents[aid], dossier) for aid in dossier["articles"]}
    template = env().get_template("dossier.html.j2")
    return template.render(
        d=dossier, bodies=bodies,
        timeline_svg=Markup(timeline_svg(dossier["timeline"], window=(dossier["story"]["first_date"], dossier["story"]["last_date"]))),
        network_svg=Markup(network_svg(dossier["network"])), quad_colours=QUAD_COLOURS, quad_names=QUAD_NAMES,
        info={a["id"]: a for a in dossier["article_info"]},
    )
