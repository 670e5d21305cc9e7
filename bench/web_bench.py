"""Load check of the web app: the events page and ``/api/events`` with 10,000 articles stored.

1. Builds a temporary store of synthetic articles (default 10,000) written
   straight through ``Store.save`` — realistic bodies, sentences, entity and
   actor mentions, ~10 CAMEO events each over a few countries and six years,
   stories — with no spaCy, so it takes seconds.
2. Serves it with ``dragoman.web.app.run`` (uvicorn, one process) on 127.0.0.1
   in a subprocess, so server and load generator do not share a GIL.
3. Runs a bounded load per target: N requests (default 2,000) from C
   concurrent clients (default 20, httpx async, keep-alive), cycling over a
   mix of queries (no filter, actor, CAMEO root, date range, outlet, sort,
   deep offset).
4. Baseline: the same queries run directly on the store in process
   (``Store.events(..., limit=50)``), one at a time.

Prints median and p95 latency for each. Only 127.0.0.1 is contacted.

    python bench/web_bench.py [--articles 10000] [--requests 2000] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from dragoman.events.codebook import codebook
from dragoman.model import Actor, ActorMention, Article, Document, Event, Mention, Place, Sentence
from dragoman.store import Store

COUNTRIES = [("KEN", "Kenya"), ("SOM", "Somalia"), ("ETH", "Ethiopia"), ("UGA", "Uganda"), ("USA", "United States"),
             ("IRN", "Iran"), ("IRQ", "Iraq"), ("SYR", "Syria"), ("ISR", "Israel"), ("EGY", "Egypt"), ("TUR", "Turkey"),
             ("RUS", "Russia"), ("UKR", "Ukraine"), ("CHN", "China"), ("IND", "India"), ("PAK", "Pakistan"),
             ("AFG", "Afghanistan"), ("SDN", "Sudan"), ("SSD", "South Sudan"), ("NGA", "Nigeria"), ("MLI", "Mali"),
             ("FRA", "France"), ("GBR", "United Kingdom"), ("DEU", "Germany"), ("SAU", "Saudi Arabia"), ("YEM", "Yemen"),
             ("LBN", "Lebanon"), ("JOR", "Jordan"), ("QAT", "Qatar"), ("ERI", "Eritrea")]
ROLES = [("", "state"), ("GOV", "government"), ("MIL", "military"), ("REB", "group"), ("OPP", "group"), ("CVL", "people")]
ROLE_WORDS = {"": "", "GOV": " government", "MIL": " military", "REB": " rebels", "OPP": " opposition", "CVL": " civilians"}
OUTLETS = ["Continental Wire Service", "Daily Meridian", "The Atlantic Ledger", "East Africa Observer", "Global Politician",
           "Gulf Times Review", "The Northern Post", "Sahel Monitor", "Levant Daily", "Asia Herald Tribune", None]
VERBS = {"01": "said in a statement about", "02": "appealed to", "03": "expressed intent to cooperate with", "04": "held talks with",
         "05": "signed an agreement with", "06": "cooperated with", "07": "sent aid to", "08": "agreed to withdraw from",
         "09": "opened an investigation into", "10": "demanded that", "11": "criticised", "12": "rejected the offer of",
         "13": "threatened", "14": "protested against", "15": "put forces on alert near", "16": "cut ties with",
         "17": "detained officials of", "18": "attacked", "19": "shelled positions of", "20": "carried out mass killings in"}
FILLER = ["Officials said the situation remained tense.", "Diplomats described the meeting as frank.",
          "Analysts said the move could change the balance in the region.", "Markets reacted calmly to the news.",
          "The talks are expected to resume next month.", "Residents reported long queues at the border crossing."]


def synthetic_article(n: int, rng: random.Random, codes: list[str]) -> tuple[Document, Article]:
    aid = f"{n:016x}"
    cast = rng.sample(COUNTRIES, 3)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    outlet = rng.choice(OUTLETS)
    text, sentences, mentions, actors, events = "", [], [], [], []
    for k in range(rng.randint(10, 14)):
        if k % 4 == 3:
            text += "\n\n"
        src, tgt = rng.sample(cast, 2)
        srole, trole = rng.choice(ROLES), rng.choice(ROLES)
        sname, tname = src[1] + ROLE_WORDS[srole[0]], tgt[1] + ROLE_WORDS[trole[0]]
        code = rng.choice(codes)
        if k % 5 == 4:
            sentence = rng.choice(FILLER)
            code = None
        else:
            sentence = f"{sname} {VERBS[code[:2]]} {tname} on {(day - timedelta(days=rng.randrange(10))):%d %B %Y}, officials said."
        start = len(text)
        text += sentence + " "
        end = start + len(sentence)
        sentences.append(Sentence(start, end))
        if code is None:
            continue
        actors.append(ActorMention(start, start + len(sname), sname, Actor(sname, src[0] + srole[0], src[0], srole[0] or None, srole[1])))
        t0 = text.index(tname, start + len(sname))
        actors.append(ActorMention(t0, t0 + len(tname), tname, Actor(tname, tgt[0] + trole[0], tgt[0], trole[0] or None, trole[1])))
        mentions.append(Mention(start, start + len(src[1]), "GPE", src[1]))
        mentions.append(Mention(t0, t0 + len(tgt[1]), "GPE", tgt[1]))
        c = codebook()[code]
        precision = rng.choices(["day", "month", "year"], [85, 12, 3])[0]
        when = day - timedelta(days=rng.randrange(10))
        events.append(Event(
            id=f"{aid}:e{k}", article_id=aid, source=Actor(sname, src[0] + srole[0], kind=srole[1]),
            target=Actor(tname, tgt[0] + trole[0], kind=trole[1]), cameo=code, root=c.root, quad_class=c.quad_class,
            goldstein=c.goldstein, plover=c.plover, plover_mode=c.plover_mode,
            date=when.isoformat() if precision == "day" else when.isoformat()[:7] if precision == "month" else str(when.year),
            date_precision=precision, date_source=rng.choice(["text", "text", "relative", "report"]),
            place=Place(tgt[1], tgt[0]) if rng.random() < 0.3 else None, negated=rng.random() < 0.03,
            modality=rng.choices(["happened", "intended", "demanded", "hypothetical"], [80, 10, 6, 4])[0],
            asserted_by=None, trigger=VERBS[code[:2]].split()[0], sentence=sentence, start=start, end=end))
    title = f"{cast[0][1]} and {cast[1][1]}: {VERBS[events[0].cameo[:2]] if events else 'talks'} (report {n})"
    a = Article(id=aid, uri=f"https://news{n % 97}.example/{day:%Y/%m/%d}/story-{n}", text=text.strip(), title=title,
                authors=[f"Reporter {n % 313}"], outlet=outlet, published=day.isoformat(), published_source="metadata",
                sentences=sentences, mentions=mentions, actors=actors, events=events,
                terms={w.lower(): 1 for w in title.split()[:6]})
    doc = Document(id=aid, uri=a.uri, content_type="record", text=text)
    return doc, a


def build_store(path: Path, n: int, seed: int = 7) -> Store:
    rng = random.Random(seed)
    codes = [c for c in codebook() if len(c) >= 3 and c[:2] in VERBS]
    store = Store(path)
    for i in range(n):
        store.save(*synthetic_article(i, rng, codes))
    # stories: groups of ~20 articles by their lead country pair
    db = store.db
    db.execute("BEGIN")
    rows = db.execute("SELECT id, published FROM articles ORDER BY published, id").fetchall()
    for s in range(0, len(rows), 20):
        chunk = rows[s:s + 20]
        sid = f"s{s:016x}"
        db.execute("INSERT INTO stories (id, title, first_date, last_date, n_articles) VALUES (?,?,?,?,?)",
                   (sid, f"Story {s // 20}", chunk[0][1], chunk[-1][1], len(chunk)))
        db.executemany("INSERT INTO story_articles (story_id, article_id, score) VALUES (?,?,1.0)", [(sid, r[0]) for r in chunk])
        db.executemany("INSERT INTO story_actors (story_id, code, n) VALUES (?,?,?)",
                       [(sid, c, rng.randint(1, 40)) for c, _ in rng.sample(COUNTRIES, 4)])
    db.execute("COMMIT")
    db.execute("ANALYZE")
    return store


QUERIES = [
    {}, {"actor": "KEN"}, {"code": "19"}, {"from": "2021-03", "to": "2021-06"}, {"actor": "IRN", "code": "04"},
    {"outlet": "Daily Meridian"}, {"sort": "-goldstein"}, {"actor": "USAGOV", "from": "2022"}, {"offset": "2000"},
    {"code": "1246"}, {"actor": "Somalia government"}, {"to": "2019-06-30"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


async def load(base: str, path: str, total: int, concurrency: int) -> tuple[list[float], dict[str, list[float]], int]:
    latencies: list[float] = []
    by_query: dict[str, list[float]] = {}
    errors = 0
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0, trust_env=False) as client:
        async def worker() -> None:
            nonlocal errors
            for i in counter:
                q = QUERIES[i % len(QUERIES)]
                t0 = time.perf_counter()
                r = await client.get(path, params={**q, "limit": "50"})
                await r.aread()
                dt = (time.perf_counter() - t0) * 1000
                if r.status_code != 200:
                    errors += 1
                latencies.append(dt)
                by_query.setdefault(str(q or "(none)"), []).append(dt)
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, by_query, errors


def baseline(store: Store, rounds: int) -> list[float]:
    out = []
    for i in range(rounds):
        q = QUERIES[i % len(QUERIES)]
        t0 = time.perf_counter()
        store.events(actor=q.get("actor"), code=q.get("code"), date_from=q.get("from"), date_to=q.get("to"),
                     outlet=q.get("outlet"), limit=50, offset=int(q.get("offset", 0)))
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=2_000, help="requests per target")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--per-query", action="store_true", help="also print the median of each query of the mix")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web_bench.db"
        t0 = time.perf_counter()
        store = build_store(db, args.articles)
        built = time.perf_counter() - t0
        n_events = store.count("events")
        print(f"store: {store.count()} articles, {n_events} events, {store.count('actor_mentions')} actor mentions "
              f"(built in {built:.1f} s, no spaCy)")

        port = free_port()
        code = "import sys; from dragoman.web.app import run; run(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]))"
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        server = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(base + "/api/events?limit=1", timeout=2, trust_env=False).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
            print(f"load: {args.requests} requests per target, {args.concurrency} concurrent clients, "
                  f"{len(QUERIES)} queries in the mix, limit=50, http://127.0.0.1 only")
            results = {}
            for path in ("/events", "/api/events"):
                asyncio.run(load(base, path, 100, args.concurrency))  # warm-up
                t0 = time.perf_counter()
                lat, by_query, errors = asyncio.run(load(base, path, args.requests, args.concurrency))
                wall = time.perf_counter() - t0
                results[path] = lat
                verdict = "ok" if statistics.median(lat) < 200 else "OVER TARGET"
                print(f"{path:12s} median {statistics.median(lat):7.1f} ms   p95 {pct(lat, 95):7.1f} ms   "
                      f"max {max(lat):7.1f} ms   {len(lat) / wall:6.1f} req/s   errors {errors}   (target median < 200 ms: {verdict})")
                if args.per_query:
                    for q, v in by_query.items():
                        print(f"    {q:45s} median {statistics.median(v):7.1f} ms  p95 {pct(v, 95):7.1f} ms")
        finally:
            server.terminate()
            server.wait(timeout=10)
        base_lat = baseline(store, max(len(QUERIES) * 20, 240))
        print(f"{'baseline':12s} median {statistics.median(base_lat):7.1f} ms   p95 {pct(base_lat, 95):7.1f} ms   "
              f"(Store.events(..., limit=50) in process, one query at a time, same mix)")
        store.close()


if __name__ == "__main__":
    main()
