"""Render a dossier as Markdown: the same content as the HTML, for notes and wikis."""

from __future__ import annotations

from typing import Any

from dragoman.report.html import event_label


def _actor(a: dict[str, Any] | None) -> str:
    return f"{a['name']} ({a['code']})" if a and a.get("code") else (a["name"] if a else "—")


def render_markdown(d: dict[str, Any]) -> str:
    info = {a["id"]: a for a in d["article_info"]}
    out = [f"# {d['story']['title']}", "",
           f"{d['story']['first_date']} – {d['story']['last_date']} · {len(d['articles'])} articles · {len(d['timeline'])} story events", "",
           "## Timeline", "", "| # | date | who | did what | to whom | where | outlets |", "|---|---|---|---|---|---|---|"]
    for i, it in enumerate(d["timeline"]):
        date = it["date"] + ("" if it["date_precision"] == "day" else f" ({it['date_precision']})")
        what = f"{event_label(it['cameo'])} `{it['cameo']}`" + ("" if it["modality"] == "happened" else f" *{it['modality']}*")
        place = it["place"]["name"] if it["place"] else ""
        out.append(f"| {i} | {date} | {_actor(it['source'])} | {what} | {_actor(it['target'])} | {place} | {', '.join(it['outlets'])} |")
    out += ["", "## Source by source", ""]
    for aid in d["articles"]:
        p, a = d["perspectives"][aid], info[aid]
        out += [f"### {a['outlet']} — {a['title']}", "",
                f"- published: {a['published']} ({a['published_source']})",
                f"- reports {len(p['reported'])} of {len(d['timeline'])} story events; omits {len(p['omitted'])}",
                "- voices: " + ("; ".join(f"{v['speaker']} ({v['kind']})" for v in p["voices"]) or "none"),
                "- tone by actor: " + (", ".join(f"{k} {v:+.2f}" for k, v in p["tone_by_actor"].items()) or "—"),
                "- loaded terms: " + (", ".join(f"{k} ×{v}" for k, v in p["loaded_terms"].items()) or "none"),
                f"- text: {p['text_shares']['reporting']:.0%} reports, {p['text_shares']['arguing']:.0%} argues", ""]
        for q in d["quotes"].get(aid, []):
            via = f", via {q['via']}" if q["via"] else ""
            out.append(f"> “{q['text']}” — {q['speaker'] or 'unattributed'} ({q['kind']}{via})")
            out.append("")
    out += ["## Actor network", "", "| source | target | events | mean Goldstein |", "|---|---|---|---|"]
    for e in d["network"]["edges"]:
        out.append(f"| {e['source']} | {e['target']} | {e['events']} | {e['goldstein']} |")
    return "\n".join(out) + "\n"
