"""Tone toward actors: each mention's role decides which words count (sentences written for the tests)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from dragoman.compare.perspective import perspective
from dragoman.model import Article, Document, country
from dragoman.pipeline import process
from dragoman.store import Store
from dragoman.tone import polarity

ROOT = Path(__file__).resolve().parent.parent


def article(text: str) -> Article:
    doc = Document(id=hashlib.sha1(text.encode()).hexdigest()[:16], uri="test", content_type="record", text=text)
    (_, art), = process([doc])
    assert isinstance(art, Article)
    return art


def tones(text: str, code: str) -> list[tuple[str, float]]:
    """(role, tone) of every mention of a country in a one-sentence article."""
    return [(m.tone_role, m.tone) for m in article(text).actors if country(m.actor.code) == code]


def test_good_words_under_a_hostile_act_are_hostile_to_its_agent():
    text = "Syria must not interfere with progress toward a lasting peace in the region."
    assert polarity(text) > 0.2  # the sentence's mood is bright …
    (role, tone), = tones(text, "SYR")
    assert role == "agent" and tone < -0.3  # … and hostile to Syria: a prohibition still says it interferes


def test_demanding_an_end_to_attacks_says_they_go_on():
    (role, tone), = tones("Damascus must end its bombing of residential districts, the envoy said.", "SYR")
    assert role == "agent" and tone < -0.3


def test_acting_against_a_bad_object_is_favourable():
    (role, tone), = tones("Kenyan police arrested three suspected bombers near the border on Tuesday.", "KEN")
    assert role == "agent" and tone > 0.1


def test_the_victim_of_an_act_is_not_judged_by_it():
    assert tones("Turkish jets bombed positions of the rebels in northern Syria, killing dozens.", "SYR") == [("mentioned", 0)]
    assert tones("The invasion of Ukraine killed thousands of civilians.", "UKR") == [("patient", 0)]
    assert tones("Strikes on Syria killed 20 people.", "SYR") == [("patient", 0)]  # not the sentence's mood either


def test_what_describes_someone_else_is_not_the_agents():
    (role, tone), = tones("Russian missiles struck Kyiv, a peaceful city of three million.", "RUS")
    assert role == "agent" and tone < 0
    (role, tone), = tones("China jailed the publisher, a champion of press freedom.", "CHN")
    assert role == "agent" and tone < 0


def test_shifters_keep_to_their_part_of_speech_and_prohibited_stops_are_not_demanded_ones():
    (_, dropped), = tones("Russia dropped bombs on Aleppo.", "RUS")
    assert dropped < 0  # "drop" reverses as a noun ("a drop in violence"), not as a verb
    (_, must_not_end), = tones("Iran must not end the ceasefire.", "IRN")
    assert must_not_end < 0
    (_, poverty), = tones("Ghana should end poverty in the north.", "GHA")
    assert poverty > 0  # ending poverty is no admission of an act of Ghana's own


def test_the_object_of_a_judgement_takes_it_and_the_judge_does_not():
    text = "Washington accused Moscow of meddling in the election."
    (role, tone), = tones(text, "RUS")
    assert role == "judged" and tone < -0.3
    (role, tone), = tones(text, "USA")
    assert role == "agent" and tone == 0


def test_a_pejorative_label_in_a_capital_names_the_state():
    (role, tone), = tones("The regime in Minsk has jailed hundreds of peaceful protesters since the vote.", "BLR")
    assert tone < -0.3


def test_a_population_is_not_the_state():
    scored = tones("Venezuelan exiles in Madrid held a rally to demand fair elections.", "VEN")
    assert [role for role, _ in scored] == ["people"]
    assert tones("The people of Iran suffer under brutal repression.", "IRN") == [("people", 0)]


def test_demanded_stops_of_the_actors_own_acts_say_the_acts_go_on():
    for text, code in [("Kosovo must stop harassing the monitors.", "KSV"),
                       ("Moldova should stop the shelling of border villages.", "MDA")]:
        (_, tone), = tones(text, code)
        assert tone < 0, text
    (_, tone), = tones("The brutal Bolivian junta halted the food convoys.", "BOL")
    assert tone < 0  # a verb of stopping with an object does not reverse the actor's own description


def test_of_phrases_of_acts_and_relations_do_not_make_agents():
    assert tones("The blockade of Qatar has caused shortages.", "QAT") == [("patient", 0)]
    assert tones("Chile, an ally of Peru, opened the border.", "PER") == [("mentioned", 0)]


def test_judging_others_and_international_bodies_get_no_sentence_mood():
    assert tones("Nepal condemned the attack on its embassy.", "NPL") == [("agent", 0)]
    scored = article("The UN condemned the brutal attack.").actors
    assert all(m.tone_role != "sole" for m in scored)


def test_a_limited_commitment_is_no_compliment():
    scored = tones("Russia's commitment to peace is limited.", "RUS")
    assert scored and all(tone < 0 for _, tone in scored)


def test_a_sentence_about_one_state_only_lends_it_its_mood_when_the_role_says_nothing():
    (role, tone), = tones("What a shameful week for Hungary.", "HUN")
    assert role == "sole" and -0.3 < tone < 0  # damped: the mood of a sentence is weaker evidence than its words


def test_a_store_written_before_tones_gets_the_same_figures_once(tmp_path: Path):
    """Mentions stored without tones get them when a perspective first reads the article, and keep them."""
    text = ("Washington accused Moscow of meddling in the election. "
            "Moscow must end its cyber attacks, the State Department said. "
            "Russian diplomats praised the constructive spirit of the talks.")
    store = Store(tmp_path / "t.db")
    doc = Document(id="t" * 16, uri="t", content_type="text", text=text)
    (_, art), = process([doc])
    assert store.save(doc, art)
    stored = perspective(store, art.id, [], set())
    assert stored["tone_by_actor"]["RUS"] < 0
    store.db.execute("UPDATE actor_mentions SET tone = NULL, tone_role = NULL")
    assert perspective(store, art.id, [], set()) == stored
    assert store.db.execute("SELECT count(*) FROM actor_mentions WHERE tone_role IS NULL").fetchone()[0] == 0


def test_filling_tones_never_touches_a_callers_transaction_or_a_query_only_store(tmp_path: Path):
    text = "Washington accused Moscow of meddling in the election."
    store = Store(tmp_path / "t.db")
    doc = Document(id="u" * 16, uri="u", content_type="text", text=text)
    (_, art), = process([doc])
    assert store.save(doc, art)
    expected = perspective(store, art.id, [], set())["tone_by_actor"]
    db = store.db
    db.execute("UPDATE actor_mentions SET tone = NULL, tone_role = NULL")
    db.execute("BEGIN")
    db.execute("UPDATE articles SET title = 'kept' WHERE id = ?", (art.id,))
    assert perspective(store, art.id, [], set())["tone_by_actor"] == expected
    db.execute("COMMIT")  # the caller's write survives
    assert db.execute("SELECT title FROM articles").fetchone()[0] == "kept"
    db.execute("PRAGMA query_only = ON")
    assert perspective(store, art.id, [], set())["tone_by_actor"] == expected  # computed, not stored
    db.execute("PRAGMA query_only = OFF")
    assert db.execute("SELECT count(*) FROM actor_mentions WHERE tone_role IS NULL").fetchone()[0] > 0


@pytest.mark.skipif(not (ROOT / "bench" / "data" / "tone_sentences.tsv").is_file(), reason="bench data not present")
def test_directed_tone_beats_sentence_mood_on_the_dev_gold(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """On the dev split of the tone gold set, directed tone is more accurate than whole-sentence VADER."""
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    monkeypatch.setattr(sys, "argv", ["tone_sentences.py", "--split", "dev"])
    import tone_sentences as bench

    bench.main()
    out = capsys.readouterr().out
    acc = {line.split()[0]: float(line.split()[2]) for line in out.splitlines() if line.startswith(("directed", "sentence"))}
    assert acc["directed"] >= acc["sentence"] + 0.05
