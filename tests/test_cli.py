"""The command line end to end on the seed pages and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dragoman.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_help_teaches():
    out = run("--help").stdout
    for cmd in ("ingest", "articles", "show", "export"):
        assert cmd in out
    assert "dragoman ingest" in run("ingest", "--help").stdout


def test_bad_inputs_reported_good_ones_stored(tmp_path: Path):
    d = tmp_path / "batch"
    d.mkdir()
    good = (SAMPLES / next(p.name for p in sorted(SAMPLES.glob("*.txt")))).read_bytes()
    (d / "good.txt").write_bytes(good)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (d / "big.txt").write_bytes(b"word " * 5000)
    (d / "nobody.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    (d / "feed.jsonl").write_text('{"title": "A", "text": "' + "Officials met in Cairo on Monday to discuss the dispute. " * 5 + '"}\n{not json}\n')
    os.symlink(tmp_path / "missing.txt", d / "unreadable.txt")
    db = tmp_path / "t.db"
    r = run("ingest", str(d), "--db", str(db), "--max-bytes", "20000", "-q")
    assert r.returncode == 1, r.stdout + r.stderr
    err = r.stderr
    assert "empty.txt: empty file" in err
    assert "binary.txt: binary data" in err
    assert "big.txt: larger than the size limit" in err
    assert "nobody.html: HTML has no article body" in err
    assert "feed.jsonl:2: not valid JSON" in err
    assert "unreadable.txt: cannot be read" in err
    assert "stored 2 article(s)" in r.stdout
    # re-running is idempotent: nothing new stored, same failures reported
    r2 = run("ingest", str(d), "--db", str(db), "--max-bytes", "20000", "-q")
    assert "stored 0 article(s), 2 already stored" in r2.stdout


def test_invalid_utf8_is_decoded_not_lost(tmp_path: Path):
    page = tmp_path / "latin1.txt"
    text = "The minister of Côte d'Ivoire said that the negotiations would resume in Genève next week, according to diplomats."
    page.write_bytes((text + "\n\n" + text.replace("Genève", "Zürich")).encode("cp1252"))
    db = tmp_path / "t.db"
    r = run("ingest", str(page), "--db", str(db), "-q")
    assert r.returncode == 0, r.stderr
    assert "latin1.txt: not valid UTF-8; decoded as cp1252" in r.stderr
    out = run("export", "articles", "--db", str(db)).stdout
    assert "Genève" in json.loads(out.splitlines()[0])["text"]


def test_export_fields_jsonl_and_csv(tmp_path: Path):
    db = tmp_path / "t.db"
    assert run("ingest", str(SAMPLES), "--db", str(db), "-q").returncode == 0
    lines = run("export", "articles", "--format", "jsonl", "--db", str(db)).stdout.splitlines()
    assert len(lines) >= 8
    rec = json.loads(lines[0])
    for field in ("id", "uri", "title", "authors", "outlet", "published", "published_source", "page_date",
                  "section", "text", "comments", "bio", "references"):
        assert field in rec
    assert isinstance(rec["authors"], list) and isinstance(rec["comments"], list)
    out = tmp_path / "a.csv"
    assert run("export", "articles", "-f", "csv", "-o", str(out), "--db", str(db)).returncode == 0
    assert out.read_text().splitlines()[0].startswith("id,uri,title,authors")


def test_show_lists_removed_parts(tmp_path: Path):
    db = tmp_path / "t.db"
    run("ingest", str(SAMPLES), "--db", str(db), "-q")
    first = json.loads(run("export", "articles", "--db", str(db)).stdout.splitlines()[0])
    out = run("show", first["id"][:8], "--db", str(db)).stdout
    assert "body" in out and first["text"][:30] in out.replace("\n", " ").replace("│", "") or "removed (" in out


def test_missing_db_is_a_clear_error(tmp_path: Path):
    r = run("articles", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "no database" in r.stderr


def test_event_exports_jsonl_gdelt_parquet(tmp_path: Path):
    db = tmp_path / "t.db"
    assert run("ingest", str(SAMPLES), "--db", str(db), "-q").returncode == 0
    lines = run("export", "events", "--db", str(db)).stdout.splitlines()
    assert lines
    rec = json.loads(lines[0])
    for field in ("id", "article_id", "date", "date_precision", "date_source", "source", "target", "cameo", "root",
                  "quad_class", "goldstein", "plover", "plover_mode", "place", "negated", "modality", "asserted_by",
                  "sentence", "start", "end"):
        assert field in rec
    assert isinstance(rec["cameo"], str) and rec["cameo"][:2] == rec["root"]
    gdelt = run("export", "events", "-f", "gdelt", "--db", str(db)).stdout.splitlines()
    assert len(gdelt) == len(lines) and all(len(row.split("\t")) == 61 for row in gdelt)
    first = gdelt[0].split("\t")
    assert first[26] == rec["cameo"] or any(json.loads(x)["cameo"] == first[26] for x in lines)
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert run("export", "events", "-f", "parquet", "-o", str(out), "--db", str(db)).returncode == 0
    table = pq.read_table(out)
    assert table.num_rows == len(lines) and "source" in table.schema.names
    assert run("export", "events", "-f", "parquet", "--db", str(db)).returncode == 2  # binary needs a file


def test_events_command_filters(tmp_path: Path):
    db = tmp_path / "t.db"
    run("ingest", str(SAMPLES), "--db", str(db), "-q")
    everything = json.loads("[" + ",".join(run("export", "events", "--db", str(db)).stdout.splitlines()) + "]")
    ken = [e for e in everything if (e["source"] or {}).get("code", "") and e["source"]["code"].startswith("KEN")]
    out = run("events", "--actor", "KEN", "--db", str(db)).stdout
    assert "events" in out and ken
    early = run("events", "--to", "2023-02", "--db", str(db)).stdout
    assert "2023-04" not in early


def test_parallel_ingest_gives_the_same_records(tmp_path: Path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run("ingest", str(SAMPLES), "--db", str(one), "-q").returncode == 0
    assert run("ingest", str(SAMPLES), "--db", str(two), "-q", "--workers", "2", "--batch-size", "3").returncode == 0
    for what in ("articles", "events", "quotes"):
        assert run("export", what, "--db", str(one)).stdout == run("export", what, "--db", str(two)).stdout
    assert run("stories", "--db", str(one)).stdout == run("stories", "--db", str(two)).stdout


def test_one_sentence_records_are_coded_like_articles(tmp_path: Path):
    """A corpus of coded sentences (one line each, dated by a 'date' field) goes through the same pipeline."""
    src = tmp_path / "sentences.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Chile recalled its ambassador to Peru.", "date": "2014-01-28"},
        {"id": "b", "text": "Nepalese police arrested 30 protesters in Kathmandu on Friday.", "date": "2016-05-06"},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("ingest", str(src), "--db", str(db), "-q").returncode == 0
    events = [json.loads(x) for x in run("export", "events", "--db", str(db)).stdout.splitlines()]
    got = {(e["source"]["code"][:3], (e["target"]["code"] or "")[:3], e["root"], e["date"]) for e in events}
    assert ("CHL", "PER", "16", "2014-01-28") in got  # dated by the record, not guessed
    assert ("NPL", "NPL", "17", "2016-05-06") in got  # a domestic arrest: the place's country bears it


def test_exports_are_dyadic_unless_one_sided_is_asked(tmp_path: Path):
    db = tmp_path / "t.db"
    assert run("ingest", str(SAMPLES), "--db", str(db), "-q").returncode == 0
    dyadic = run("export", "events", "--db", str(db))
    both = [json.loads(x) for x in dyadic.stdout.splitlines()]
    every = [json.loads(x) for x in run("export", "events", "--one-sided", "--db", str(db)).stdout.splitlines()]
    assert both and all(e["target"]["code"] for e in both)
    one_sided = [e for e in every if not (e["target"] and e["target"]["code"])]
    assert one_sided and len(every) == len(both) + len(one_sided)
    assert f"{len(one_sided)} one-sided event(s)" in dyadic.stderr


def test_exports_leave_out_what_did_not_happen_unless_unreal_is_asked(tmp_path: Path):
    db = tmp_path / "t.db"
    assert run("ingest", str(SAMPLES), "--db", str(db), "-q").returncode == 0
    default = [json.loads(x) for x in run("export", "events", "--one-sided", "--db", str(db)).stdout.splitlines()]
    unreal = [json.loads(x) for x in run("export", "events", "--one-sided", "--unreal", "--db", str(db)).stdout.splitlines()]
    assert all(e["modality"] != "hypothetical" and not e["negated"] for e in default)
    extra = [e for e in unreal if e["modality"] == "hypothetical" or e["negated"]]
    assert extra and len(unreal) == len(default) + len(extra)


def test_csv_records_are_read_and_a_bad_row_costs_only_itself(tmp_path: Path):
    src = tmp_path / "briefs.csv"
    src.write_text('id,date,text\n1,2014-01-28,"Chile recalled its ambassador to Peru."\n2,2016-05-06,\n', encoding="utf-8")
    db = tmp_path / "c.db"
    done = run("ingest", str(src), "--db", str(db))
    assert done.returncode == 1 and "briefs.csv:3" in done.stderr and "no 'text'" in done.stderr
    events = [json.loads(x) for x in run("export", "events", "--db", str(db)).stdout.splitlines()]
    assert [(e["source"]["code"], e["target"]["code"], e["date"]) for e in events] == [("CHL", "PER", "2014-01-28")]


def test_export_mentions_gives_each_actor_mention_its_tone(tmp_path: Path):
    page = tmp_path / "note.txt"
    page.write_text("Washington accused Moscow of meddling in the election.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert run("ingest", str(page), "--db", str(db), "-q").returncode == 0
    rows = [json.loads(x) for x in run("export", "mentions", "--actor", "RUS", "--db", str(db)).stdout.splitlines()]
    assert [(r["text"], r["tone_role"]) for r in rows] == [("Moscow", "judged")] and rows[0]["tone"] < 0
    text = page.read_text(encoding="utf-8")
    assert text[rows[0]["start"]:rows[0]["end"]] == "Moscow"
    csv_out = run("export", "mentions", "-f", "csv", "--db", str(db)).stdout.splitlines()
    assert csv_out[0].split(",")[-2:] == ["tone", "tone_role"] and len(csv_out) == 3  # header, Washington, Moscow


def test_retone_stores_the_tones_an_older_database_lacks(tmp_path: Path):
    import sqlite3

    page = tmp_path / "note.txt"
    page.write_text("Washington accused Moscow of meddling in the election.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert run("ingest", str(page), "--db", str(db), "-q").returncode == 0
    con = sqlite3.connect(db)
    before = con.execute('SELECT start, tone, tone_role FROM actor_mentions ORDER BY start').fetchall()
    con.execute("UPDATE actor_mentions SET tone = NULL, tone_role = NULL")
    con.commit()
    out = run("retone", "--db", str(db), "-q")
    assert out.returncode == 0 and "1 article" in out.stdout
    assert con.execute('SELECT start, tone, tone_role FROM actor_mentions ORDER BY start').fetchall() == before
    assert "0 article" in run("retone", "--db", str(db), "-q").stdout  # idempotent
