"""Server-drawn SVG for the actor page (the dossier's charts come from ``report.charts``).

- ``activity_svg``: the actor's events per month, stacked by CAMEO quad class;
- ``relations_svg``: one row per counterpart, the Goldstein sum per month of
  what the actor did to it (bar above/below the row's zero line, solid) and
  what it did to the actor (hatched lighter bar beside it).

Labels are escaped; colours and quad names are ``report.charts``'s.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from dragoman.report.charts import QUAD_COLOURS, QUAD_NAMES

COOP, CONFLICT = "#2b8a3e", "#c92a2a"


def _month_axis(months: list[str]) -> list[str]:
    """Every month from the first to the last (gaps shown as gaps, not squeezed out)."""
    if not months:
        return []
    y, m = int(months[0][:4]), int(months[0][5:7])
    end = (int(months[-1][:4]), int(months[-1][5:7]))
    out = []
    while (y, m) <= end and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _ticks(axis: list[str], x: Any, y_top: float, y_bottom: float, slot: float, x_max: float) -> list[str]:
    """Month grid lines, and a label every few months so labels never overlap (one takes ~56 px)."""
    out = []
    step = max(1, math.ceil(58 / max(slot, 1e-6)))
    for n, month in enumerate(axis):
        out.append(f'<line x1="{x(n):.1f}" y1="{y_top}" x2="{x(n):.1f}" y2="{y_bottom}" stroke="{"#dee2e6" if n % step == 0 else "#f1f3f5"}"/>')
        if n % step == 0 and x(n) + 56 <= x_max:
            out.append(f'<text x="{x(n) + 2:.1f}" y="{y_bottom + 14}" font-size="11" text-anchor="start" fill="#495057">{month}</text>')
    return out


def activity_svg(by_month: list[dict[str, Any]], width: int = 960, height: int = 220) -> str:
    if not by_month:
        return '<p class="muted">No events with a month-precise date.</p>'
    axis = _month_axis([m["month"] for m in by_month])
    data = {m["month"]: m for m in by_month}
    left, right, top, bottom = 44, 12, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(m["events"] for m in by_month) or 1
    slot = plot_w / len(axis)

    def x(n: int) -> float:
        return left + n * slot

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="events per month">']
    out += _ticks(axis, x, top, top + plot_h, slot, width)
    for frac in (0.5, 1.0):
        yv = top + plot_h * (1 - frac)
        out.append(f'<text x="{left - 6}" y="{yv + 4:.1f}" font-size="11" text-anchor="end" fill="#495057">{round(peak * frac)}</text>'
                   f'<line x1="{left}" y1="{yv:.1f}" x2="{width - right}" y2="{yv:.1f}" stroke="#f1f3f5"/>')
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#adb5bd"/>')
    bar_w = max(1.0, slot * 0.8)
    for n, month in enumerate(axis):
        m = data.get(month)
        if not m:
            continue
        base = top + plot_h
        parts = []
        for quad in (1, 2, 3, 4):
            count = m["by_quad_class"].get(str(quad), 0)
            if not count:
                continue
            h = plot_h * count / peak
            base -= h
            parts.append(f'<rect x="{x(n) + slot * 0.1:.1f}" y="{base:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[quad]}"/>')
        detail = ", ".join(f"{m['by_quad_class'][str(q)]} {QUAD_NAMES[q]}" for q in (1, 2, 3, 4) if str(q) in m["by_quad_class"])
        out.append(f'<g class="bar"><title>{escape(month)}: {m["events"]} event(s) — {escape(detail)}</title>{"".join(parts)}</g>')
    out.append("</svg>")
    return "".join(out)


def relations_svg(relations: list[dict[str, Any]], max_rows: int = 10, width: int = 960, row_h: int = 64) -> str:
    rows = relations[:max_rows]
    if not rows:
        return '<p class="muted">No events between this actor and another coded actor.</p>'
    axis = _month_axis(sorted({m["month"] for r in rows for m in r["months"]}))
    left, right, top = 200, 12, 8
    plot_w = width - left - right
    height = top + row_h * len(rows) + 24
    slot = plot_w / len(axis)
    peak = max((abs(m[k]) for r in rows for m in r["months"] for k in ("goldstein_out", "goldstein_in")), default=1.0) or 1.0
    half = row_h / 2 - 6

    def x(n: int) -> float:
        return left + n * slot

    index = {m: n for n, m in enumerate(axis)}
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="relations: Goldstein sums per month">',
           '<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           '<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#495057" stroke-width="2"/></pattern></defs>']
    out += _ticks(axis, x, top, top + row_h * len(rows), slot, width)
    bar_w = max(1.0, slot * 0.4)
    for k, r in enumerate(rows):
        mid = top + k * row_h + row_h / 2
        name = r["name"] if len(r["name"]) <= 28 else r["name"][:27] + "…"
        out.append(f'<a href="/actors/{escape(r["code"])}"><text x="{left - 8}" y="{mid - 12:.1f}" font-size="12" font-weight="600" '
                   f'text-anchor="end" fill="#1864ab">{escape(r["code"])}</text></a>'
                   f'<text x="{left - 8}" y="{mid + 2:.1f}" font-size="11" text-anchor="end" fill="#343a40">{escape(name)}</text>'
                   f'<text x="{left - 8}" y="{mid + 16:.1f}" font-size="10" text-anchor="end" fill="#868e96">'
                   f'{r["events"]} event{"" if r["events"] == 1 else "s"} · Σ Goldstein {r["goldstein_sum"]:+g}</text>')
        out.append(f'<line x1="{left}" y1="{mid:.1f}" x2="{width - right}" y2="{mid:.1f}" stroke="#ced4da"/>')
        for m in r["months"]:
            n = index[m["month"]]
            for side, dx in (("out", 0.1), ("in", 0.5)):
                g = m[f"goldstein_{side}"]
                count = m[f"events_{side}"]
                if not count:
                    continue
                h = max(1.0, half * abs(g) / peak)
                y = mid - h if g >= 0 else mid
                colour = COOP if g >= 0 else CONFLICT
                fill = colour if side == "out" else "url(#hatch)"
                who = f"{'to' if side == 'out' else 'from'} {r['code']}"
                out.append(f'<rect x="{x(n) + slot * dx:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{fill}" '
                           f'stroke="{colour}" stroke-width="1"><title>{escape(m["month"])} {escape(who)}: {count} event(s), '
                           f'Goldstein sum {g:+g}</title></rect>')
    out.append("</svg>")
    return "".join(out)
