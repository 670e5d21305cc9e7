"""Story grouping at scale: time per 10,000 articles at two corpus sizes, and peak memory.

Synthetic articles (no spaCy: this measures the corpus stage alone) are written
straight into a store: 2,000 developments over five years, each with its own
actors and vocabulary, articles spread over a few weeks around it, plus shared
"news" words and popular actors that appear everywhere (the hard case for
blocking). Articles are then grouped one by one in date order, as ingest does.
The figure to watch is the ratio of the time per 10,000 articles late in the
run to the time early in the run: near 1 means the cost per article does not
grow with the corpus.

    python bench/stories_bench.py [--n 50000]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from dragoman.stories import assign
from dragoman.store import Store

COUNTRIES = [f"C{i:02d}" for i in range(120)]
POPULAR = ["USA", "RUS", "CHN", "GBR", "FRA"]


def synthesize(store: Store, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(40000)]
    common = [f"news{i}" for i in range(300)]
    topics = []
    start = date(2019, 1, 1)
    for t in range(2000):
        actors = rng.sample(COUNTRIES, 2) + ([rng.choice(POPULAR)] if rng.random() < 0.6 else [])
        topics.append((start + timedelta(days=rng.randrange(5 * 365)), actors, rng.sample(vocab, 150)))
    rows, ids = [], []
    df: Counter[str] = Counter()
    db = store.db
    db.execute("BEGIN")
    for i in range(n):
        day, actors, words = topics[rng.randrange(len(topics))]
        d = (day + timedelta(days=rng.randrange(60))).isoformat()
        aid = f"{i:016x}"
        ids.append((d, aid))
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?)", (aid, f"synthetic:{i}", "text", "utf-8", 0, d))
        db.execute("INSERT INTO articles (id, uri, title, text, published) VALUES (?,?,?,?,?)", (aid, f"synthetic:{i}", f"Story {i}", "", d))
        terms = Counter(rng.choices(words, k=60) + rng.choices(common, k=40))
        rows.extend((aid, t, c) for t, c in terms.items())
        df.update(terms.keys())
        for k, code in enumerate(actors + [rng.choice(POPULAR)]):
            db.execute("INSERT INTO actor_mentions VALUES (?,?,?,?,?,?,?,?,?)", (aid, k, k + 1, code, code, code, code, None, "state"))
    db.executemany("INSERT INTO article_terms VALUES (?,?,?)", rows)
    db.executemany("INSERT INTO term_df VALUES (?,?)", list(df.items()))
    db.execute("COMMIT")
    return [aid for _, aid in sorted(ids)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=50000)
    args = ap.parse_args()
    block = 10000
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        order = synthesize(store, args.n)
        print(f"synthesized {args.n} articles in {time.perf_counter() - t0:.1f} s")
        times = []
        t0 = time.perf_counter()
        for k, aid in enumerate(order, 1):
            assign(store, aid)
            if k % block == 0:
                times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
        n_stories = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for k, t in enumerate(times):
        print(f"articles {k * block:>6}–{(k + 1) * block:<6}: {t:6.1f} s per 10,000 ({block / t:7.0f} articles/s)")
    print(f"stories formed: {n_stories} (from 2,000 synthetic developments)")
    print(f"ratio last/first 10,000: {times[-1] / times[0]:.2f}  (1.0 = flat)")
    print(f"peak memory: {rss:.0f} MB RSS")


if __name__ == "__main__":
    main()
