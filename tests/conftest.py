"""Shared fixtures: the bundled samples, the seed pages (when present), a parsed store."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import pipeline
from dragoman.clean import clean
from dragoman.model import Article
from dragoman.read import iter_documents
from dragoman.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    """The three seed pages, cleaned (no NLP), keyed by their number prefix."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    out = {}
    for doc in iter_documents([str(SEEDS)]):
        out[Path(doc.uri).name[:3]] = clean(doc)
    return out


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The sample corpus (and the seeds, if present) ingested into one store."""
    db = tmp_path_factory.mktemp("db") / "samples.db"
    store = Store(db)
    paths = [str(SAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    report = pipeline.ingest(iter_documents(paths), store)
    assert report.ok, report.failed
    return store
