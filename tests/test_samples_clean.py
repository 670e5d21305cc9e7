"""The bundled sample corpus against its hand-written gold file (samples/gold.json)."""

from __future__ import annotations

import json

import pytest

from dragoman.clean import clean
from dragoman.read import iter_documents
from tests.conftest import SAMPLES

GOLD = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))


def _articles() -> dict[str, object]:
    out = {}
    for doc in iter_documents([str(SAMPLES)]):
        art = clean(doc)
        name = doc.uri.split("/")[-1]
        key = next((k for k in GOLD if k == name or (doc.meta.get("id") and k.endswith("#" + str(doc.meta["id"])))), None)
        if key is None:  # HTML pages report their canonical URL as uri
            key = next(k for k in GOLD if k.endswith(".html") and GOLD[k]["title"] == art.title)
        out[key] = art
    return out


ARTICLES = _articles()


@pytest.mark.parametrize("key", sorted(GOLD))
def test_sample_matches_gold(key: str):
    gold, a = GOLD[key], ARTICLES[key]
    assert a.title == gold["title"]
    assert a.authors == gold["authors"]
    assert a.published == gold["published"]
    if "page_date" in gold:
        assert a.page_date == gold["page_date"]
    assert a.text.startswith(gold["body_first"].strip())
    assert a.text.endswith(gold["body_last"].strip())
    if gold.get("n_comments") is not None:
        assert len(a.comments) == gold["n_comments"]
    if "has_bio" in gold:
        assert bool(a.bio) == gold["has_bio"]
    if "n_references" in gold:
        assert len(a.references) == gold["n_references"]


def test_every_sample_is_read():
    assert len(ARTICLES) == len(GOLD) >= 8
