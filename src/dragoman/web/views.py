"""View models shared by the HTML pages and the JSON API (one model, two renderings).

The article body is drawn here with every event sentence, quote span, actor
mention and entity mention wrapped in place. Spans may overlap in any way; they
are nested by kind (sentence ⊃ quote ⊃ actor ⊃ entity) and a span that crosses
an outer one is cut into pieces. Every piece of text and every attribute value
is escaped: the article is untrusted input.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from markupsafe import Markup, escape

from dragoman.report.export import article_record
from dragoman.report.html import event_label
from dragoman.store import Store
from dragoman.store.records import MENTION_FIELDS, event_record, quote_record
from dragoman.web import queries

KIND_ORDER = {"ev": 0, "qt": 1, "ac": 2, "ent": 3}


@dataclass
class Span:
    start: int
    end: int
    kind: str  # ev | qt | ac | ent
    recs: list[str]  # record keys (e0, q1, a2, m3) the span stands for
    title: str
    anchor: str | None = None  # id of the first piece
    classes: list[str] = field(default_factory=list)


def event_anchor(start: int, end: int) -> str:
    """Id of an event sentence on the article page (links from timelines and tables use it)."""
    return f"ev{start}-{end}"


def _open_tag(s: Span, first: bool) -> str:
    classes = " ".join(["hl", s.kind, *s.classes] + ([] if first else ["cont"]))
    attrs = [f'class="{escape(classes)}"', f'data-rec="{escape(" ".join(s.recs))}"', f'title="{escape(s.title)}"']
    if first and s.anchor:
        attrs.insert(0, f'id="{escape(s.anchor)}"')
    return f"<span {' '.join(attrs)}>"


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text as HTML with the spans nested in place (escaped throughout)."""
    good = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    rank = {id(s): (KIND_ORDER[s.kind], s.start, -s.end, n) for n, s in enumerate(good)}
    points = sorted({0, len(text), *(s.start for s in good), *(s.end for s in good)})
    starts: dict[int, list[Span]] = {}
    for s in good:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    stack: list[Span] = []
    opened: set[int] = set()
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        want = sorted(active, key=lambda s: rank[id(s)])
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        for s in want[keep:]:
            out.append(_open_tag(s, id(s) not in opened))
            opened.add(id(s))
        stack = want
        out.append(str(escape(text[a:b])))
    out.append("</span>" * len(stack))
    return Markup("".join(out))


def _actor_label(name: str | None, code: str | None) -> str:
    return f"{name or '?'}" + (f" [{code}]" if code else "")


def event_summary(r: Any) -> str:
    src = _actor_label(r["source_name"], r["source_code"]) if r["source_name"] else "?"
    tgt = f" → {_actor_label(r['target_name'], r['target_code'])}" if r["target_name"] else ""
    mode = "" if r["modality"] == "happened" else f" ({r['modality']})"
    neg = " (negated)" if r["negated"] else ""
    return f"{r['date'] or 'undated'}: {src} — {r['cameo']} {event_label(r['cameo'])}{tgt}{mode}{neg}"


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    """Everything known about one article, as the API returns it, plus the highlighted body for the page."""
    a = store.article(article_id)
    if a is None:
        return None
    ev_rows = queries.article_events(store, article_id)
    q_rows = queries.article_quotes(store, article_id)
    am_rows = queries.actor_mentions(store, article_id)
    events = [{**event_record(r), "label": event_label(r["cameo"]), "trigger": r["trigger"],
               "anchor": event_anchor(r["start"], r["end"])} for r in ev_rows]
    quotes = [quote_record(r) for r in q_rows]
    mentions = [asdict(m) for m in a.mentions]
    actors = [{k: r[k] for k in MENTION_FIELDS if k != "article_id"} for r in am_rows]

    spans: list[Span] = []
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for n, r in enumerate(ev_rows):
        by_sentence.setdefault((r["start"], r["end"]), []).append(n)
    for (s, e), ns in by_sentence.items():
        title = " | ".join(event_summary(ev_rows[n]) for n in ns)
        classes = ["q%d" % ev_rows[ns[0]]["quad_class"]]
        spans.append(Span(s, e, "ev", [f"e{n}" for n in ns], title, anchor=event_anchor(s, e), classes=classes))
    for n, q in enumerate(quotes):
        who = (q["speaker"] or {}).get("name") or "unattributed"
        spans.append(Span(q["start"], q["end"], "qt", [f"q{n}"], f"{q['kind']} quote: {who}", anchor=f"quote{n}"))
    for n, m in enumerate(actors):
        tone = f" · tone {m['tone']:+.2f} as {m['tone_role']}" if m["tone"] is not None else ""
        spans.append(Span(m["start"], m["end"], "ac", [f"a{n}"], f"actor: {_actor_label(m['name'], m['code'])} ({m['kind']}){tone}",
                          anchor=f"ac{m['start']}-{m['end']}"))
    for n, m in enumerate(mentions):
        spans.append(Span(m["start"], m["end"], "ent", [f"m{n}"], f"entity: {m['label']}", classes=[f"ent-{m['label']}"]))

    record = article_record(a)
    record.update(
        language=a.language,
        story=queries.story_of(store, article_id),
        removed=[asdict(r) for r in a.removed],
        sentences=[asdict(s) for s in a.sentences],
        mentions=mentions,
        actor_mentions=actors,
        events=[{k: v for k, v in ev.items() if k != "anchor"} for ev in events],
        quotes=quotes,
    )
    return {"article": a, "record": record, "events": events, "quotes": quotes, "mentions": mentions, "actors": actors,
            "body": highlight(a.text, spans)}
