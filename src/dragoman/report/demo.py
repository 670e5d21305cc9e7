"""Write the dossier of every story in a store (HTML, Markdown, JSON) and say where.

    python -m dragoman.report.demo --db demo.db --out out/
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dragoman.report.dossier import build, stories
from dragoman.report.html import render_html
from dragoman.report.markdown import render_markdown
from dragoman.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="dragoman.db")
    ap.add_argument("--out", default="out")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store = Store(args.db)
    for s in stories(store):
        d = build(store, s["id"])
        base = out / f"dossier-{s['id']}"
        base.with_suffix(".html").write_text(render_html(store, d), encoding="utf-8")
        base.with_suffix(".md").write_text(render_markdown(d), encoding="utf-8")
        base.with_suffix(".json").write_text(json.dumps(d, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"dossier of “{s['title']}” ({len(d['articles'])} articles, {len(d['timeline'])} story events): "
              f"{base.with_suffix('.html').resolve()} (also .md, .json)")


if __name__ == "__main__":
    main()
