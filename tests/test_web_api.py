"""The web app and JSON API (FastAPI TestClient, in process): every endpoint, bad parameters, safety.

The store holds the sample corpus, the seed pages when present, and one hostile
article whose text carries ``<script>`` and ``<img onerror>``. No test opens a
network connection: URL ingest is only tested for refusals, which happen before
any connection (``no_connections`` makes any attempt fail the test).
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
from pathlib import Path
from typing import Any

import warnings

import pytest

# Starlette asks for httpx2 in its test client; httpx (a declared test dependency) works the same here.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
from fastapi.testclient import TestClient  # noqa: E402

from dragoman import pipeline  # noqa: E402
from dragoman.read import iter_documents  # noqa: E402
from dragoman.report.dossier import build  # noqa: E402
from dragoman.store import Store  # noqa: E402
from dragoman.web import fetch as fetch_mod  # noqa: E402
from dragoman.web.app import create_app  # noqa: E402
from dragoman.web.fetch import FetchError, fetch  # noqa: E402
from tests.conftest import SAMPLES, SEEDS  # noqa: E402

XSS_TEXT = ("NAIROBI — Kenya accused Somalia of shelling the border town of Mandera on Tuesday, officials said. "
            "The statement quoted <script>alert(1)</script> as the text a hacker had posted.\n\n"
            "Somalia rejected the claim on Wednesday and said <img src=x onerror=alert(1)> was not its doing. "
            "Kenya's foreign minister met the Somali envoy in Nairobi on Thursday to discuss the ceasefire, the ministry said.")
XSS_RECORD = {"id": "xss-1", "url": "https://evil.example/xss", "title": "<script>alert('title')</script> Kenya <b>Mandera</b> row",
              "outlet": "Evil <img src=x onerror=alert(2)> Times", "published": "2023-03-30", "text": XSS_TEXT}


def build_store(db: Path, tmp: Path) -> dict[str, Any]:
    """Samples + seeds (when present) + the hostile article, ingested; a quote added for the quote views."""
    feed = tmp / "hostile.jsonl"
    feed.write_text(json.dumps(XSS_RECORD) + "\n", encoding="utf-8")
    store = Store(db)
    paths = [str(SAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else []) + [str(feed)]
    report = pipeline.ingest(iter_documents(paths), store)
    assert report.ok, report.failed
    xss_id = store.db.execute("SELECT id FROM articles WHERE uri = 'https://evil.example/xss'").fetchone()[0]
    text = store.article(xss_id).text
    s = text.index("<script>")
    store.db.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
                     ("web-test:q0", xss_id, "Hacker <b>X</b>", "KEN", text[s:s + 25], "direct", "posted", None, s, s + 25))
    seed_story = None
    if SEEDS.is_dir():
        row = store.db.execute("SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                               "WHERE a.uri LIKE ? ORDER BY a.published LIMIT 1", (f"%{SEEDS.name}%",)).fetchone()
        seed_story = row[0] if row else None
    sample_story = store.db.execute("SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                                    "WHERE a.uri LIKE '%samples/01_%'").fetchone()[0]
    store.close()
    return {"db": db, "xss_id": xss_id, "seed_story": seed_story, "sample_story": sample_story}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("web")
    return build_store(tmp / "web.db", tmp)


@pytest.fixture(scope="module")
def client(world: dict[str, Any]) -> TestClient:
    with TestClient(create_app(world["db"])) as c:
        yield c


@pytest.fixture(scope="module")
def store(world: dict[str, Any]) -> Store:
    s = Store(world["db"])
    yield s
    s.close()


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fail on any outgoing connection attempt (the TestClient itself needs none)."""
    attempts: list[Any] = []

    def refuse(address: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append(address)
        raise AssertionError(f"a connection to {address} was attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def error_of(r: Any, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return str(body["error"]["message"])


# -- stories and search ---------------------------------------------------------
def test_stories_list_and_filters(client: TestClient, world: dict[str, Any]):
    r = client.get("/api/stories")
    assert r.status_code == 200
    page = r.json()
    ids = [s["id"] for s in page["items"]]
    assert world["sample_story"] in ids
    assert page["total"] == len(ids) and page["next_offset"] is None
    story = next(s for s in page["items"] if s["id"] == world["sample_story"])
    assert story["n_articles"] >= 8 and "KEN" in story["actors"]
    # filters: actor, dates (overlap), full-text words
    assert world["sample_story"] in [s["id"] for s in client.get("/api/stories?actor=SOM").json()["items"]]
    assert world["sample_story"] not in [s["id"] for s in client.get("/api/stories?actor=ZZZ").json()["items"]]
    assert world["sample_story"] in [s["id"] for s in client.get("/api/stories?from=2023-03&to=2023-03").json()["items"]]
    assert world["sample_story"] not in [s["id"] for s in client.get("/api/stories?to=2010").json()["items"]]
    hits = client.get("/api/stories?q=Beled Hawo").json()
    assert world["sample_story"] in [s["id"] for s in hits["items"]]
    assert all(s["matching_articles"] >= 1 for s in hits["items"])
    assert client.get("/api/stories?q=zzyzxqwv").json()["items"] == []
    one = client.get("/api/stories?limit=1").json()
    assert len(one["items"]) == 1 and (one["next_offset"] == 1) == (one["total"] > 1)


def test_search_articles_fts(client: TestClient):
    r = client.get("/api/search", params={"q": "Mandera shelling"})
    assert r.status_code == 200
    items = r.json()["items"]
    assert items and all("[" in it["snippet"] for it in items)
    # FTS syntax in user input is taken as words, never an SQL or FTS error
    for q in ['"unbalanced', "AND OR NOT", "kenya*", "NEAR(", "a:b", "'; DROP TABLE articles; --"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code in (200, 400), (q, r.text)
    assert error_of(client.get("/api/search", params={"q": "!!!"}), 400).startswith("q:")
    assert error_of(client.get("/api/search"), 400).startswith("q:")


@pytest.mark.parametrize("url, param", [
    ("/api/stories?from=2023-13-01", "from"), ("/api/stories?to=yesterday", "to"), ("/api/stories?from=2024&to=2023", "from"),
    ("/api/stories?limit=0", "limit"), ("/api/stories?limit=501", "limit"), ("/api/stories?limit=ten", "limit"),
    ("/api/stories?offset=-1", "offset"), ("/api/stories?actor=k%25", "code"),
])
def test_stories_bad_parameters(client: TestClient, url: str, param: str):
    r = client.get(url)
    message = error_of(r, 400)
    assert r.json()["error"]["param"] == param
    assert message.startswith(param)


def test_story_dossier_is_the_dossier_model(client: TestClient, store: Store, world: dict[str, Any]):
    sid = world["seed_story"] or world["sample_story"]
    r = client.get(f"/api/stories/{sid}")
    assert r.status_code == 200
    assert r.json() == json.loads(json.dumps(build(store, sid)))
    assert "no story" in error_of(client.get("/api/stories/s000000000000000"), 404)
    assert error_of(client.get("/api/stories/bad%20id!"), 400).startswith("id:")


# -- articles ---------------------------------------------------------------------
def test_article_record_with_spans(client: TestClient, store: Store, world: dict[str, Any]):
    aid = store.db.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    r = client.get(f"/api/articles/{aid}")
    assert r.status_code == 200
    a = r.json()
    text = a["text"]
    assert a["id"] == aid and a["events"] and a["mentions"] and a["actor_mentions"] and a["sentences"]
    for ev in a["events"]:
        assert text[ev["start"]:ev["end"]] == ev["sentence"]
    for m in a["mentions"] + a["actor_mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert a["story"]["id"]
    assert {"removed", "comments", "bio", "references", "signature"} <= set(a)
    assert client.get(f"/api/articles/{aid[:8]}").json()["id"] == aid  # a unique prefix is enough
    assert "no article" in error_of(client.get("/api/articles/ffffffffffffffff"), 404)
    assert error_of(client.get("/api/articles/not-hex"), 400).startswith("id:")
    assert error_of(client.get("/api/articles/ab"), 400).startswith("id:")
    x = client.get(f"/api/articles/{world['xss_id']}").json()
    assert "<script>alert(1)</script>" in x["text"]  # JSON carries the text as it is; pages escape it
    assert "web-test:q0" in [q["id"] for q in x["quotes"]]


# -- events -------------------------------------------------------------------------
FILTERS = [
    {}, {"actor": "KEN"}, {"actor": "SOMGOV"}, {"actor": "Kenya"}, {"code": "19"}, {"code": "04"}, {"from": "2023-03", "to": "2023-04"},
    {"to": "2007"}, {"actor": "KEN", "code": "12"}, {"outlet": "Daily Meridian"},
]


@pytest.mark.parametrize("flt", FILTERS)
def test_events_agree_with_store(client: TestClient, store: Store, flt: dict[str, str]):
    expected = [r["id"] for r in store.events(actor=flt.get("actor"), code=flt.get("code"), date_from=flt.get("from"),
                                              date_to=flt.get("to"), outlet=flt.get("outlet"))]
    got: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/events", params={**flt, "limit": 37, "offset": offset, "count": "true"}).json()
        assert page["total"] == len(expected)
        got += [e["id"] for e in page["items"]]
        offset = page["next_offset"]
    assert got == expected


def test_events_items_and_sorting(client: TestClient):
    items = client.get("/api/events?actor=KEN&limit=500").json()["items"]
    assert items
    for e in items:
        codes = [(e["source"] or {}).get("code") or "", (e["target"] or {}).get("code") or ""]
        names = [(e["source"] or {}).get("name"), (e["target"] or {}).get("name")]
        assert any(c.startswith("KEN") for c in codes) or "KEN" in names
        assert {"label", "outlet", "sentence", "start", "end", "article_id", "cameo", "goldstein"} <= set(e)
    g = [e["goldstein"] for e in client.get("/api/events?sort=-goldstein&limit=500").json()["items"]]
    assert g == sorted(g, reverse=True)
    c = [e["cameo"] for e in client.get("/api/events?sort=cameo&code=12&limit=500").json()["items"]]
    assert c == sorted(c) and all(x.startswith("12") for x in c)


@pytest.mark.parametrize("query, param", [
    ("from=2023-02-30", "from"), ("to=23-01-01", "to"), ("from=2023-05&to=2023-04", "from"), ("code=abc", "code"),
    ("code=12345", "code"), ("limit=0", "limit"), ("limit=100000", "limit"), ("offset=-5", "offset"),
    ("sort=sentence", "sort"), ("actor=K%25", "actor"), ("article=xyz", "article"), ("count=maybe", "count"),
])
def test_events_bad_parameters(client: TestClient, query: str, param: str):
    r = client.get(f"/api/events?{query}")
    message = error_of(r, 400)
    assert r.json()["error"]["param"] == param, message
    # the HTML page answers the same mistake with a readable 400 page
    if param != "count":
        page = client.get(f"/events?{query}")
        assert page.status_code == 400 and "text/html" in page.headers["content-type"]
        assert param in page.text


def test_events_csv(client: TestClient, store: Store):
    r = client.get("/api/events.csv?actor=SOM&code=11")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [x["id"] for x in rows] == [e["id"] for e in store.events(actor="SOM", code="11")]
    assert rows and json.loads(rows[0]["source"])["name"]
    assert error_of(client.get("/api/events.csv?from=never"), 400).startswith("from")


# -- quotes and actors -----------------------------------------------------------
def test_quotes(client: TestClient, world: dict[str, Any]):
    page = client.get("/api/quotes?limit=3").json()
    assert len(page["items"]) <= 3 and page["items"]
    mine = client.get(f"/api/quotes?article={world['xss_id']}").json()["items"]
    assert "web-test:q0" in [q["id"] for q in mine] and all(q["article_id"] == world["xss_id"] for q in mine)
    assert [q["id"] for q in client.get("/api/quotes?speaker=Hacker").json()["items"]] == ["web-test:q0"]
    everything, offset = [], 0
    while offset is not None:
        p = client.get(f"/api/quotes?limit=7&offset={offset}").json()
        everything += [q["id"] for q in p["items"]]
        offset = p["next_offset"]
    assert everything == [r["id"] for r in Store(world["db"]).quotes()]
    assert client.get("/api/quotes?actor=KEN").json()["items"]
    assert client.get("/api/quotes?actor=ZZZ").json()["items"] == []
    assert error_of(client.get("/api/quotes?actor=1x"), 400).startswith("code")
    assert error_of(client.get("/api/quotes?article=zz"), 400).startswith("id")
    assert error_of(client.get("/api/quotes?limit=9999"), 400).startswith("limit")


def test_actor(client: TestClient, store: Store):
    r = client.get("/api/actors/KEN")
    assert r.status_code == 200
    a = r.json()
    expected = store.db.execute("SELECT count(*) FROM events WHERE source_code LIKE 'KEN%' OR target_code LIKE 'KEN%'").fetchone()[0]
    assert a["events"] == expected > 0
    assert "Kenya" in a["names"]
    assert sum(m["events"] for m in a["events_by_month"]) + a["undated_events"] == expected
    som = next(x for x in a["relations"] if x["code"] == "SOM")
    # the month sums add up to what the store holds for KEN→SOM* plus SOM*→KEN
    total = store.db.execute(
        "SELECT sum(goldstein) FROM events WHERE length(date) >= 7 AND ((source_code LIKE 'KEN%' AND target_code LIKE 'SOM%') "
        "OR (source_code LIKE 'SOM%' AND target_code LIKE 'KEN%'))").fetchone()[0]
    assert abs(sum(m["goldstein_out"] + m["goldstein_in"] for m in som["months"]) - total) < 1e-6
    assert abs(som["goldstein_sum"] - total) < 0.01
    assert a["recent_events"] and a["recent_events"][0]["date"] >= a["recent_events"][-1]["date"]
    assert client.get("/api/actors/kengov").status_code == 200  # codes are case-insensitive
    assert "no actor" in error_of(client.get("/api/actors/ZZZ"), 404)
    assert error_of(client.get("/api/actors/K1"), 400).startswith("code")


# -- OpenAPI and docs -----------------------------------------------------------------
def test_openapi_and_local_docs(client: TestClient):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/events", "/api/quotes",
                 "/api/actors/{code}", "/api/ingest", "/api/search", "/api/events.csv"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "code", "from", "to", "outlet", "limit", "offset"} <= params
    assert set(spec["paths"]["/api/ingest"]["post"]["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert client.get("/redoc").status_code == 404
    for page in ("/docs", "/", "/events"):
        html = client.get(page).text
        # every script and stylesheet comes from this app
        for src in re.findall(r'(?:src|href)="([^"]+)"', html):
            if src.endswith((".js", ".css")):
                assert src.startswith("/static/"), src


# -- pages ------------------------------------------------------------------------
def test_pages_render(client: TestClient, store: Store, world: dict[str, Any]):
    sid = world["seed_story"] or world["sample_story"]
    aid = store.db.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    checks = {
        "/": ["Stories", world["sample_story"]],
        "/?q=ceasefire": ["Articles matching", "<mark>"],
        "/?actor=KEN&from=2023": [world["sample_story"]],
        f"/stories/{sid}": ["Timeline", "<svg", "Source by source", "Tone by actor", "Actor network", "Quotes by source"],
        f"/articles/{aid}": ['class="hl ev', 'class="hl ac', 'class="hl ent', "rec-e0", "All records"],
        "/events": ["Events", "CSV"],
        "/events?actor=KEN&code=12&sort=-goldstein": ["KEN"],
        "/actors/KEN": ["Events over time", "Relations with other actors", "<svg"],
        "/ingest": ["csrf_token", 'enctype="multipart/form-data"'],
    }
    for url, needles in checks.items():
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert "text/html" in r.headers["content-type"]
        for n in needles:
            assert n in r.text, (url, n)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    # every event of the article is a highlighted sentence with its anchor
    a = client.get(f"/api/articles/{aid}").json()
    html = client.get(f"/articles/{aid}").text
    for ev in a["events"]:
        assert f'id="ev{ev["start"]}-{ev["end"]}"' in html
    r = client.get(f"/articles/{aid[:6]}", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/articles/{aid}"
    assert client.get("/stories/s000000000000000").status_code == 404
    assert client.get("/articles/ffffffffffffffff").status_code == 404
    assert client.get("/actors/ZZZ").status_code == 404
    assert client.get("/?from=2023-99").status_code == 400


def test_article_removed_parts_shown_apart(client: TestClient, store: Store):
    aid = store.db.execute("SELECT article_id FROM comments LIMIT 1").fetchone()[0]
    html = client.get(f"/articles/{aid}").text
    assert "Reader comments" in html and "<details" in html
    body = html.split('id="body">', 1)[1].split("</article>", 1)[0]
    comment = store.db.execute("SELECT text FROM comments WHERE article_id = ?", (aid,)).fetchone()[0]
    assert comment[:40] not in body


# -- untrusted text is escaped everywhere ---------------------------------------------
def test_hostile_article_is_escaped(client: TestClient, world: dict[str, Any]):
    aid = world["xss_id"]
    pages = [f"/articles/{aid}", "/?q=hacker", "/?q=Mandera", "/events?actor=KEN&limit=500", f"/events?article={aid}", "/actors/KEN"]
    story = client.get(f"/api/articles/{aid}").json()["story"]
    if story:
        pages.append(f"/stories/{story['id']}")
    for url in pages:
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert "<b>Mandera</b>" not in html, url
    article = client.get(f"/articles/{aid}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article  # the title too
    assert "Hacker &lt;b&gt;X&lt;/b&gt;" in article  # and a record's fields
    assert "Evil &lt;img src=x onerror=alert(2)&gt; Times" in article
    assert re.search(r"<script\b", article.split("<body", 1)[1]) is None  # the page's only script is in <head>


# -- ingest: token, CSRF, URL refusals, uploads ----------------------------------------
@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    return tmp_path / "fresh.db"


def sample_bytes() -> bytes:
    return (SAMPLES / "01_sentinel_addis_first_round.txt").read_bytes() + b"\n\n(web test copy)\n"


def test_ingest_requires_token_when_set(fresh: Path, no_connections: list[Any]):
    with TestClient(create_app(fresh, token="s3cret")) as c:
        body = {"urls": ["http://127.0.0.1/"]}
        assert "token" in error_of(c.post("/api/ingest", json=body), 401)
        r = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"})
        assert "wrong" in error_of(r, 401) and r.headers["www-authenticate"] == "Bearer"
        assert c.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.post("/api/ingest", json=body, headers={"X-Dragoman-Token": "s3cret"}).status_code == 200
        # the form wants it too
        form = c.get("/ingest")
        assert 'name="token"' in form.text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        r = c.post("/ingest", data={"csrf_token": csrf, "urls": "http://10.0.0.1/"})
        assert r.status_code == 401
        r = c.post("/ingest", data={"csrf_token": csrf, "urls": "http://10.0.0.1/", "token": "s3cret"},
                   files={"files": ("", b"")})
        assert r.status_code == 200 and "refused" in r.text
    assert no_connections == []


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://10.0.0.1/", "http://10.1.2.3:8080/admin", "http://localhost:8000/", "http://[::1]/",
    "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://172.16.0.1/", "http://0.0.0.0/",
    "http://[::ffff:10.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/", "http://224.0.0.1/", "http://240.0.0.1/",
    "http://2130706433/", "http://0x7f.0.0.1/", "http://[fe80::1]/", "http://[fc00::1]/",
])
def test_ingest_refuses_private_addresses_before_connecting(fresh: Path, no_connections: list[Any], url: str):
    with TestClient(create_app(fresh)) as c:
        r = c.post("/api/ingest", json={"urls": [url]})
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["stored"] == [] and len(out["failed"]) == 1
        assert out["failed"][0]["source"] == url
        assert "refused" in out["failed"][0]["reason"], out
    assert no_connections == []


@pytest.mark.parametrize("url, words", [
    ("ftp://example.com/x", "only http and https"), ("file:///etc/passwd", "only http and https"),
    ("javascript:alert(1)", "only http and https"), ("http:///nohost", "no host"), ("http://user:pw@example.com/", "user name"),
    ("http://[::1/", "not a valid URL"),
])
def test_fetch_refuses_bad_urls(no_connections: list[Any], url: str, words: str):
    with pytest.raises(FetchError, match=words):
        fetch(url)
    assert no_connections == []


class FakeResponse:
    def __init__(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.status, self.reason, self.headers, self.body = status, "X", headers or {}, io.BytesIO(body)

    def getheader(self, name: str, default: Any = None) -> Any:
        return self.headers.get(name, default)

    def read(self, n: int = -1) -> bytes:
        return self.body.read(n)

    def close(self) -> None:
        pass


def test_fetch_checks_every_redirect_hop(no_connections: list[Any]):
    public = {"news.example": ["93.184.216.34"], "other.example": ["93.184.216.35"], "evil.example": ["93.184.216.36", "10.0.0.7"]}
    opened: list[tuple[str, str]] = []

    def resolver(host: str, port: int, timeout: float) -> list[str]:
        return public.get(host) or fetch_mod.resolve(host, port, timeout)

    def opener_to(location: str) -> Any:
        def opener(url: str, address: str, timeout: float) -> FakeResponse:
            opened.append((url, address))
            if url.startswith("http://news.example"):
                return FakeResponse(302, {"Location": location})
            return FakeResponse(200, {"Content-Type": "text/html"}, b"<html><body><p>ok</p></body></html>")
        return opener

    for target in ("http://10.0.0.1/admin", "http://127.0.0.1:6379/", "http://localhost/", "http://evil.example/", "file:///etc/passwd"):
        opened.clear()
        with pytest.raises(FetchError, match="refused|only http"):
            fetch("http://news.example/story", resolver=resolver, opener=opener_to(target))
        assert opened == [("http://news.example/story", "93.184.216.34")]  # never the refused hop
    got = fetch("http://news.example/story", resolver=resolver, opener=opener_to("http://other.example/final"))
    assert got.url == "http://other.example/final" and got.body.startswith(b"<html>")
    assert opened[-1] == ("http://other.example/final", "93.184.216.35")  # connects to the address it checked

    def loop(url: str, address: str, timeout: float) -> FakeResponse:
        return FakeResponse(301, {"Location": "/again"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch("http://news.example/a", resolver=resolver, opener=loop)

    def big(url: str, address: str, timeout: float) -> FakeResponse:
        return FakeResponse(200, {}, b"x" * 2000)
    with pytest.raises(FetchError, match="size limit"):
        fetch("http://news.example/big", max_bytes=1000, resolver=resolver, opener=big)

    def declared(url: str, address: str, timeout: float) -> FakeResponse:
        return FakeResponse(200, {"Content-Length": "999999999"}, b"")
    with pytest.raises(FetchError, match="size limit"):
        fetch("http://news.example/declared", max_bytes=1000, resolver=resolver, opener=declared)
    assert no_connections == []


def test_ingest_upload_and_bad_requests(fresh: Path):
    with TestClient(create_app(fresh, max_upload_bytes=200_000)) as c:
        data = sample_bytes()
        r = c.post("/api/ingest", files=[("files", ("page.txt", data, "text/plain"))])
        assert r.status_code == 200, r.text
        out = r.json()
        assert len(out["stored"]) == 1 and out["failed"] == []
        aid = out["stored"][0]
        assert c.get(f"/api/articles/{aid}").json()["uri"] == "upload/page.txt"
        again = c.post("/api/ingest", files=[("files", ("page.txt", data, "text/plain"))]).json()
        assert again["duplicates"] == [aid] and again["stored"] == []
        mixed = c.post("/api/ingest", files=[("files", ("empty.txt", b"", "text/plain")),
                                             ("files", ("big.txt", b"word " * 50_000, "text/plain"))]).json()
        reasons = {f["source"]: f["reason"] for f in mixed["failed"]}
        assert "empty" in reasons["upload/empty.txt"] and "upload limit" in reasons["upload/big.txt"]
        assert "larger than the limit" in error_of(c.post("/api/ingest", content=b"x" * 1_100_000,
                                                          headers={"Content-Type": "application/octet-stream"}), 413)
        assert error_of(c.post("/api/ingest", json={"urls": "http://x"}), 400).startswith("urls")
        assert error_of(c.post("/api/ingest", json={"urls": []}), 400).startswith("urls")
        assert error_of(c.post("/api/ingest", json={"urls": ["http://a.example/"] * 21}), 400).startswith("urls")
        assert error_of(c.post("/api/ingest", json={"url": ["x"]}), 400).startswith("body")
        assert error_of(c.post("/api/ingest", content=b"{not json", headers={"Content-Type": "application/json"}), 400).startswith("body")
        assert error_of(c.post("/api/ingest", content=b"urls=x", headers={"Content-Type": "text/plain"}), 400).startswith("content-type")


def test_ingest_form_csrf(fresh: Path, no_connections: list[Any]):
    with TestClient(create_app(fresh)) as c:
        # no token, no cookie
        r = c.post("/ingest", data={"urls": "http://10.0.0.1/"})
        assert r.status_code == 403 and "security token" in r.text
        form = c.get("/ingest")
        assert "dragoman_csrf" in form.headers["set-cookie"] and "HttpOnly" in form.headers["set-cookie"]
        assert "SameSite=strict" in form.headers["set-cookie"] or "samesite=strict" in form.headers["set-cookie"].lower()
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        # a forged or altered token
        for bad in ("", "abc", csrf[:-1] + ("0" if csrf[-1] != "0" else "1"), "x" * 43 + "." + csrf.split(".")[1]):
            r = c.post("/ingest", data={"csrf_token": bad, "urls": "http://10.0.0.1/"})
            assert r.status_code == 403, bad
        # the token without its cookie (another browser)
        with TestClient(create_app(fresh)) as other:
            assert other.post("/ingest", data={"csrf_token": csrf, "urls": "http://10.0.0.1/"}).status_code == 403
        # a cross-site post is refused even with a valid token
        r = c.post("/ingest", data={"csrf_token": csrf, "urls": "http://10.0.0.1/"}, headers={"Origin": "https://evil.example"})
        assert r.status_code == 403
        r = c.post("/api/ingest", json={"urls": ["http://10.0.0.1/"]}, headers={"Sec-Fetch-Site": "cross-site"})
        assert r.status_code == 403
        # the real form, from the same origin: the URL is refused (before connecting) and said so
        r = c.post("/ingest", data={"csrf_token": csrf, "urls": "http://10.0.0.1/\nhttp://127.0.0.1/"},
                   headers={"Origin": "http://testserver"}, files={"files": ("", b"")})
        assert r.status_code == 200, r.text
        assert r.text.count("refused") == 2 and "0 stored" in r.text
        r = c.post("/ingest", data={"csrf_token": csrf}, files={"files": ("page.txt", sample_bytes(), "text/plain")})
        assert r.status_code == 200 and "1 stored" in r.text
    assert no_connections == []


def test_host_header_checked(fresh: Path):
    with TestClient(create_app(fresh)) as c:
        assert c.get("/", headers={"Host": "attacker.example"}).status_code == 400
        assert c.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert c.get("/", headers={"Host": "localhost:8000"}).status_code == 200
