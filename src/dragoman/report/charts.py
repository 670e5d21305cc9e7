"""Charts as inline SVG strings, drawn here so a dossier needs no script or CDN.

- ``timeline_svg``: story events on a time axis; a day-precise event is a dot,
  a month- or year-precise one a bar spanning its month or year (never a dot
  on a made-up day); colour by CAMEO quad class.
- ``network_svg``: actors on a circle, arrows from source to target, coloured
  by mean Goldstein score (green cooperative, red conflictual).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from typing import Any

QUAD_COLOURS = {1: "#2b8a3e", 2: "#1971c2", 3: "#e67700", 4: "#c92a2a"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _span(value: str, precision: str | None) -> tuple[date, date]:
    if len(value) == 4 or precision == "year":
        y = int(value[:4])
        return date(y, 1, 1), date(y, 12, 31)
    if len(value) == 7 or precision == "month":
        y, m = int(value[:4]), int(value[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), nxt - timedelta(days=1)
    d = date.fromisoformat(value[:10])
    return d, d


def timeline_svg(items: list[dict[str, Any]], width: int = 960, row: int = 16,
                 window: tuple[str | None, str | None] = (None, None)) -> str:
    """Events whose source is coded, within ``window`` (the story's dates, widened by a
    season before and a month after): background dates and uncoded actors stay in the table."""
    lo_w = date.fromisoformat(window[0][:10]) - timedelta(days=120) if window[0] else date.min
    hi_w = date.fromisoformat(window[1][:10]) + timedelta(days=31) if window[1] else date.max
    dated = [(i, it) for i, it in enumerate(items) if it.get("date") and (it.get("source") or {}).get("code")]
    dated = [(i, it) for i, it in dated if lo_w <= _span(it["date"], it.get("date_precision"))[0] <= hi_w]
    if not dated:
        return '<p class="muted">No dated events with coded actors.</p>'
    spans = {i: _span(it["date"], it.get("date_precision")) for i, it in dated}
    lo = min(s for s, _ in spans.values()) - timedelta(days=5)
    hi = max(e for _, e in spans.values()) + timedelta(days=5)
    total = max(1, (hi - lo).days)
    left, right = 210, 20
    plot = width - left - right
    height = 40 + row * len(dated)

    def x(d: date) -> float:
        return left + plot * (d - lo).days / total

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="timeline">']
    years = range(lo.year, hi.year + 1)
    months = [date(y, m, 1) for y in years for m in range(1, 13) if lo <= date(y, m, 1) <= hi]
    step = max(1, len(months) // 12)
    for n, m in enumerate(months):
        if n % step == 0:
            out.append(f'<line x1="{x(m):.1f}" y1="18" x2="{x(m):.1f}" y2="{height}" stroke="#e9ecef"/>')
            out.append(f'<text x="{x(m):.1f}" y="12" font-size="10" text-anchor="middle" fill="#495057">{m:%b %Y}</text>')
    for r, (i, it) in enumerate(dated):
        y = 30 + r * row
        s, e = spans[i]
        colour = QUAD_COLOURS.get(it.get("quad_class") or 1, "#495057")
        src = (it.get("source") or {}).get("code") or (it.get("source") or {}).get("name") or "?"
        tgt = (it.get("target") or {}).get("code") or ""
        label = escape(f"{src} {it['cameo']} {tgt}".strip())
        out.append(f'<a href="#ev{i}"><text x="{left - 6}" y="{y + 4}" font-size="10" text-anchor="end" fill="#212529">{label}</text>')
        title = escape(f"{it['date']} ({it.get('date_precision')}): {label} — {len(it.get('outlets', []))} outlet(s)")
        if s == e:
            out.append(f'<circle cx="{x(s):.1f}" cy="{y}" r="5" fill="{colour}"><title>{title}</title></circle></a>')
        else:
            w = max(3.0, x(e) - x(s))
            out.append(f'<rect x="{x(s):.1f}" y="{y - 4}" width="{w:.1f}" height="8" rx="3" fill="{colour}" opacity="0.7">'
                       f'<title>{title}</title></rect></a>')
    out.append("</svg>")
    return "".join(out)


def _goldstein_colour(g: float) -> str:
    t = max(-1.0, min(1.0, g / 10))
    if t >= 0:
        return f"rgb({int(200 - 160 * t)},{int(160 + 40 * t)},{int(120 - 60 * t)})"
    return f"rgb({int(200 + 30 * -t)},{int(120 - 80 * -t)},{int(110 - 70 * -t)})"


def network_svg(network: dict[str, Any], size: int = 520) -> str:
    nodes = network.get("nodes", [])
    if not nodes:
        return '<p class="muted">No actor pairs with codes on both sides.</p>'
    cx = cy = size / 2
    radius = size / 2 - 70
    pos = {}
    for k, n in enumerate(nodes):
        a = 2 * math.pi * k / len(nodes) - math.pi / 2
        pos[n["code"]] = (cx + radius * math.cos(a), cy + radius * math.sin(a))
    out = [f'<svg class="chart" viewBox="0 0 {size} {size}" width="{size}" role="img" aria-label="actor network">',
           '<defs><marker id="arr" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
           '<path d="M0,0 L10,5 L0,10 z" fill="#868e96"/></marker></defs>']
    for e in network.get("edges", []):
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        dx, dy = x2 - x1, y2 - y1
        d = math.hypot(dx, dy) or 1
        x2b, y2b = x2 - dx / d * 22, y2 - dy / d * 22
        ox, oy = -dy / d * 4, dx / d * 4  # offset so A→B and B→A do not overlap
        w = 1 + min(6, e["events"])
        out.append(f'<line x1="{x1 + ox:.1f}" y1="{y1 + oy:.1f}" x2="{x2b + ox:.1f}" y2="{y2b + oy:.1f}" stroke="{_goldstein_colour(e["goldstein"])}" '
                   f'stroke-width="{w}" marker-end="url(#arr)"><title>{escape(e["source"])} → {escape(e["target"])}: '
                   f'{e["events"]} event(s), mean Goldstein {e["goldstein"]}</title></line>')
    for n in nodes:
        x, y = pos[n["code"]]
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="20" fill="#f1f3f5" stroke="#495057"/>'
                   f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="11" text-anchor="middle">{escape(n["code"])}</text>'
                   f'<text x="{x:.1f}" y="{y + 34:.1f}" font-size="10" text-anchor="middle" fill="#495057">{escape(n["name"][:24])}</text>')
    out.append("</svg>")
    return "".join(out)
