"""The seed pages: article boundaries and metadata (a check, not the target)."""

from tests.conftest import needs_seeds

pytestmark = needs_seeds


def test_000_banner_is_not_the_publication_date(seeds):
    a = seeds["000"]
    assert a.title == "U.S. Iran Talks: A wakeup call"
    assert a.authors == ["David Johnson"]
    assert a.page_date == "2024-07-18"
    assert a.published != "2024-07-18"
    # inferred from the cited dates: in 2007, not before the latest one cited (24 July 2007)
    assert a.published_source == "inferred"
    assert a.published.startswith("2007") and a.published >= "2007-07-24"


def test_000_body_references_and_bio_apart(seeds):
    a = seeds["000"]
    assert a.text.startswith("Talks between the U.S. and Iran on Iraqi security")
    assert a.text.endswith("may end up as that wake-up call.")
    assert len(a.references) == 3 and a.references[0].startswith("[1]")
    assert a.bio and a.bio.startswith("David Johnson currently serves")
    assert "REFERENCES" not in a.text and "currently serves" not in a.text
    assert a.outlet == "Global Politician"


def test_003_title_date_body(seeds):
    a = seeds["003"]
    assert a.title == "Who Stopped the Talks?"
    assert a.published == "2008-05-06"
    assert a.text.startswith("Dr. iRack took note")
    assert a.text.endswith("more assertive diplomacy is required.")


def test_004_byline_body_and_one_comment(seeds):
    a = seeds["004"]
    assert a.title == "US holds talks with Iran in Baghdad"
    assert a.authors == ["Peter Symonds"]
    assert a.published == "2007-05-31" and a.published_source == "dateline"
    assert a.text.startswith("US-Iranian talks—the first in nearly three decades")
    assert a.text.endswith("regardless of initial intentions.")
    assert len(a.comments) == 1
    c = a.comments[0]
    assert c.title and c.title.startswith("Kristol and Kagan")
    assert c.published == "2007-05-31T19:34"
    assert "Bush/PNAC" in c.text and "Bush/PNAC" not in a.text


def test_004_no_menus_or_lists_in_body(seeds):
    a = seeds["004"]
    for junk in ("Skip Nav", "Publish your news", "World Topics", "antwerpen", "Zapatista", "Hide the following"):
        assert junk not in a.text
    labels = {r.label for r in a.removed}
    assert {"menu", "byline", "signature"} <= labels
