"""Stories, cross-source story events, perspectives and the dossier, on samples and seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman import stories
from dragoman.report.dossier import build
from dragoman.report.html import render_html
from dragoman.report.markdown import render_markdown
from dragoman.store import Store
from tests.conftest import SAMPLES, SEEDS, needs_seeds


def story_of(store: Store, article_id: str) -> str:
    return store.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()[0]


def ids_by_file(store: Store, folder: Path) -> dict[str, str]:
    rows = store.db.execute("SELECT id, uri FROM articles").fetchall()
    return {Path(r["uri"]).name: r["id"] for r in rows if r["uri"].startswith(str(folder))}


def test_sample_corpus_is_one_story_apart_from_the_seeds(sample_store: Store):
    sample_ids = [r[0] for r in sample_store.db.execute("SELECT id FROM articles WHERE uri NOT LIKE ?", (f"{SEEDS}%",))]
    assert len({story_of(sample_store, a) for a in sample_ids}) == 1
    if SEEDS.is_dir():
        seed_ids = list(ids_by_file(sample_store, SEEDS).values())
        assert len({story_of(sample_store, a) for a in seed_ids}) == 1
        assert story_of(sample_store, seed_ids[0]) != story_of(sample_store, sample_ids[0])


def test_grouping_is_idempotent(sample_store: Store):
    aid = sample_store.article_ids()[0]
    before = story_of(sample_store, aid)
    assert stories.assign(sample_store, aid) == before
    assert sample_store.db.execute("SELECT count(*) FROM story_articles WHERE article_id = ?", (aid,)).fetchone()[0] == 1


def _seed_dossier(store: Store) -> tuple[dict, dict[str, str]]:
    ids = ids_by_file(store, SEEDS)
    by_prefix = {name[:3]: aid for name, aid in ids.items()}
    return build(store, story_of(store, by_prefix["004"])), by_prefix


@needs_seeds
def test_seed_timeline_order_and_sources(sample_store: Store):
    d, ids = _seed_dossier(sample_store)
    tl = d["timeline"]

    def first(pred) -> int:
        return next(i for i, it in enumerate(tl) if pred(it))

    may = first(lambda it: it["date"] == "2007-05-28" and it["root"] == "04")
    july = first(lambda it: it["date"].startswith("2007-07") and it["root"] == "04")
    basra = first(lambda it: it["date"] == "2008-03" and it["date_precision"] == "month")
    halt = first(lambda it: it["cameo"] == "164" and it["date"].startswith("2008-05"))
    assert may < july < basra < halt
    # the May 2007 meeting is carried by two outlets (000 and 004); only 003 reports the suspension
    assert set(tl[may]["articles"]) == {ids["000"], ids["004"]} and tl[may]["n_outlets"] == 2
    assert tl[halt]["articles"] == [ids["003"]]
    p = d["perspectives"]
    assert may in p[ids["000"]]["reported"] and may in p[ids["004"]]["reported"] and may in p[ids["003"]]["omitted"]
    assert halt in p[ids["003"]]["reported"] and halt in p[ids["000"]]["omitted"]


@needs_seeds
def test_seed_tone_toward_iran_and_the_us(sample_store: Store):
    """000 (an Iranian opposition group's advocacy) is the most hostile to Iran and the only one warm to the US."""
    d, ids = _seed_dossier(sample_store)
    tone = {k: d["perspectives"][aid]["tone_by_actor"] for k, aid in ids.items()}
    assert tone["000"]["IRN"] < min(tone["003"]["IRN"], tone["004"]["IRN"]) < 0
    assert tone["000"]["USA"] > 0 > max(tone["003"]["USA"], tone["004"]["USA"])


@needs_seeds
def test_seed_loaded_vocabulary(sample_store: Store):
    d, ids = _seed_dossier(sample_store)
    p = d["perspectives"]
    assert {"imperialism", "neo-colonial", "criminal enterprise"} <= set(p[ids["004"]]["loaded_terms"])
    assert {"regime", "mullah", "tyranny"} <= set(p[ids["000"]]["loaded_terms"])


def test_dossier_json_shape(sample_store: Store):
    sid = sample_store.db.execute("SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT 1").fetchone()[0]
    d = build(sample_store, sid)
    assert d["story"]["id"] == sid and d["story"]["title"]
    assert set(d["articles"]) == {r[0] for r in sample_store.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (sid,))}
    for it in d["timeline"]:
        assert {"date", "date_precision", "source", "target", "cameo", "root", "articles", "outlets"} <= set(it)
        assert it["articles"] and set(it["articles"]) <= set(d["articles"])
    dates = [it["date"] for it in d["timeline"] if it["date"]]
    assert dates == sorted(dates, key=lambda v: v + "-00" if len(v) == 7 else v)
    for aid in d["articles"]:
        p = d["perspectives"][aid]
        assert sorted(p["reported"] + p["omitted"]) == list(range(len(d["timeline"])))
        assert all(-1 <= v <= 1 for v in p["tone_by_actor"].values())
        sents = sample_store.db.execute('SELECT n, start, "end" FROM sentences WHERE article_id = ?', (aid,)).fetchall()
        for actor, ev in p["tone_evidence"].items():  # the evidence is a mention in the sentence it names, leaning the mean's way
            tone, best = p["tone_by_actor"][actor], ev["strongest"]
            assert (best is None) == (tone == 0)
            if best:
                s = next(r for r in sents if r["n"] == best["sentence_n"])
                assert s["start"] <= best["start"] < best["end"] <= s["end"] and best["tone"] * tone > 0
        assert isinstance(p["voices"], list) and isinstance(p["loaded_terms"], dict)
    json.dumps(d)  # serialisable as is


def test_html_dossier_is_self_contained_and_escapes_text(sample_store: Store):
    sid = sample_store.db.execute("SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT 1").fetchone()[0]
    d = build(sample_store, sid)
    d["story"]["title"] = "<script>alert(1)</script>"
    html = render_html(sample_store, d)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?://", html)
    assert html.count("<svg") >= 2  # timeline and network
    # every timeline item links to a sentence anchor that exists in the page
    for anchor in set(re.findall(r'href="#([0-9a-f]{16}-s\d+)"', html)):
        assert f'id="{anchor}"' in html
    md = render_markdown(d)
    assert md.startswith("# ") and "## Timeline" in md


def test_merge_and_split_commands(tmp_path: Path):
    db = tmp_path / "t.db"
    subprocess.run([sys.executable, "-m", "dragoman.cli", "ingest", str(SAMPLES), "--db", str(db), "-q"], check=True)
    store = Store(db)
    sid = store.db.execute("SELECT id FROM stories LIMIT 1").fetchone()[0]
    members = [r[0] for r in store.db.execute("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id", (sid,))]
    new = stories.split(store, sid, members[:2], title="split off")
    assert store.db.execute("SELECT n_articles, title FROM stories WHERE id = ?", (new,)).fetchone()[:] == (2, "split off")
    stories.merge(store, sid, new)
    assert store.db.execute("SELECT n_articles FROM stories WHERE id = ?", (sid,)).fetchone()[0] == len(members)
    with pytest.raises(KeyError):
        stories.merge(store, sid, "nope")
    out = subprocess.run([sys.executable, "-m", "dragoman.cli", "dossier", sid, "-f", "json", "--db", str(db)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["story"]["id"] == sid
    bad = subprocess.run([sys.executable, "-m", "dragoman.cli", "dossier", "nope", "--db", str(db)], capture_output=True, text=True)
    assert bad.returncode == 2 and "no story" in bad.stderr


@needs_seeds
def test_seed_voices_by_source(sample_store: Store):
    d, ids = _seed_dossier(sample_store)

    def voices(prefix: str) -> set[str]:
        return {v["speaker"] for v in d["perspectives"][ids[prefix]]["voices"]}

    assert {"Ryan Crocker", "Jean Lure"} <= voices("000")
    assert {"New York Times", "Ali al-Dabbagh", "Christian Science Monitor"} <= voices("003")
    assert {"Ryan Crocker", "Hassan Kazemi Qumi", "Wall Street Journal"} <= voices("004")
    kinds = {v["speaker"]: v["kind"] for v in d["perspectives"][ids["004"]]["voices"]}
    assert kinds["Ryan Crocker"] == "government officials (USA)" and kinds["Wall Street Journal"] == "other outlets"
    assert kinds["Hassan Kazemi Qumi"].startswith("government officials (IRN")
