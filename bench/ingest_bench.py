"""Ingest throughput against spaCy's own ``nlp.pipe`` on the same texts, same run.

Replicates the sample corpus (and the seed pages when present) into N distinct
pages (each copy gets a distinct footer line, so content hashes differ while
the article stays the same), then measures:

1. baseline: ``nlp.pipe`` over the clean bodies alone (batch size as ingest);
2. Dragoman: the whole ingest (read, decode, clean, parse, extract, store in SQLite).

Prints articles/s for both (and for ingest with ``--workers`` processes), the ratio (ingest time / spaCy time: the cost of
everything Dragoman adds on top of spaCy), and peak memory.

    python bench/ingest_bench.py [--n 1000] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from dragoman import nlp, pipeline
from dragoman.clean import clean
from dragoman.read import iter_documents
from dragoman.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "samples", ROOT.parent / "shared" / "corpus" / "seeds"]


def replicate(n: int, out: Path) -> int:
    """Write n pages into ``out``, cycling over the .txt/.html sources."""
    pages = sorted(p for d in SOURCES if d.is_dir() for p in d.iterdir() if p.suffix in (".txt", ".html"))
    for i in range(n):
        src = pages[i % len(pages)]
        text = src.read_text(encoding="utf-8")
        if src.suffix == ".html":
            text = text.replace("</body>", f"<!-- replica {i} --></body>")
        else:
            text += f"\n\n© replica {i}\n"
        (out / f"{i:06d}{src.suffix}").write_text(text, encoding="utf-8")
    return len(pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2, help="also time ingest with this many processes (1 = skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        distinct = replicate(args.n, corpus)
        texts = [clean(d).text for d in iter_documents([str(corpus)])]
        nlp.load()

        t0 = time.perf_counter()
        for _ in nlp.parse(texts, batch_size=args.batch_size):
            pass
        spacy_s = time.perf_counter() - t0

        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        report = pipeline.ingest(iter_documents([str(corpus)]), store, batch_size=args.batch_size)
        ingest_s = time.perf_counter() - t0
        assert len(report.stored) == args.n, (len(report.stored), report.failed[:3])
        words = sum(len(t.split()) for t in texts)
        par_s = None
        if args.workers > 1:
            t0 = time.perf_counter()
            par = pipeline.ingest(iter_documents([str(corpus)]), Store(Path(tmp) / "par.db"), batch_size=args.batch_size,
                                  workers=args.workers)
            par_s = time.perf_counter() - t0
            assert len(par.stored) == args.n
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {args.n} ({distinct} distinct pages replicated), {words / args.n:.0f} words each on average")
    print(f"spaCy nlp.pipe alone : {args.n / spacy_s:8.1f} articles/s  ({spacy_s:.1f} s)")
    print(f"dragoman ingest      : {args.n / ingest_s:8.1f} articles/s  ({ingest_s:.1f} s)")
    print(f"ratio ingest/spaCy   : {ingest_s / spacy_s:8.2f}x")
    if par_s:
        print(f"ingest, {args.workers} workers   : {args.n / par_s:8.1f} articles/s  ({par_s:.1f} s, {ingest_s / par_s:.2f}x one worker)")
    print(f"peak memory          : {rss_mb:.0f} MB RSS (whole process: model, both runs)")


if __name__ == "__main__":
    main()
