"""Quotation extraction: marks, direct/partial/reported quotes, speakers, quoted outlets.

The short texts here were written for these tests; the seed and sample checks
run on the bundled corpus (and on ../shared/corpus/seeds when present).
"""

from __future__ import annotations

import random

import pytest

from dragoman import nlp
from dragoman.model import Actor, ActorMention, Article, Quote
from dragoman.quotes import extract_quotes
from dragoman.quotes.marks import find_quotes
from tests.conftest import needs_seeds


def run(text: str, actors: list[tuple[str, str]] | None = None, aid: str = "art1") -> list[Quote]:
    """Quotes of a text; ``actors`` = (surface text, code) pairs marked at every occurrence."""
    article = Article(id=aid, uri="test", text=text)
    for surface, code in actors or []:
        start = text.find(surface)
        while start >= 0:
            article.actors.append(ActorMention(start, start + len(surface), surface, Actor(surface, code)))
            start = text.find(surface, start + 1)
    doc = next(nlp.parse([text]))
    return extract_quotes(article, doc)


def by_start(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(words)]
    assert hits, f"no quote starting {words!r} in {[q.text[:40] for q in quotes]}"
    return hits[0]


def contents(text: str) -> list[str]:
    return [q.content(text) for q in find_quotes(text)]


# -- quotation marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Curly,” she said.", ["Curly,"]),
        ('"Straight," she said.', ["Straight,"]),
        ("« Guillemets , » dit-il.", ["Guillemets ,"]),
        ("‘British single,’ he said.", ["British single,"]),
        ("'ASCII single,' he said.", ["ASCII single,"]),
        ("``Treebank style,'' he said.", ["Treebank style,"]),
    ],
)
def test_every_mark_style(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_apostrophes_are_not_marks() -> None:
    text = "Iran‘s envoy and Iran ‘s allies don’t say ‘never’ about the ’90s or the boys’ toys."
    assert contents(text) == ["never"]
    assert contents("'The boys' toys are broken,' she said.") == ["The boys' toys are broken,"]
    assert contents("rock 'n' roll and 'real quotes' here") == ["real quotes"]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "“They called it ‘a disgrace’ in public,” she said."
    assert contents(text) == ["They called it ‘a disgrace’ in public,"]


def test_unbalanced_mark_costs_at_most_one_quote() -> None:
    text = ('The mayor said "we will rebuild. Later she added "the bridge opens in May" and '
            'the council agreed "without delay".\n\nA new paragraph with "another quote" here.')
    found = contents(text)
    assert "the bridge opens in May" in found and "without delay" in found and "another quote" in found
    assert len(found) == 3


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = ("The minister read a statement:\n\n“We have decided to leave the talks.\n\n"
            "“We will return when the shelling stops,” she said.\n\nThe talks were adjourned.")
    spans = find_quotes(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert spans[0].content(text) == ("We have decided to leave the talks.\n\n"
                                      "We will return when the shelling stops,")


def test_random_marks_never_raise() -> None:
    rng = random.Random(7)
    pieces = ["“", "”", '"', "'", "‘", "’", "«", "»", "word", " ", "\n\n", ",", ".", "s", "He said", "don't"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for q in find_quotes(text):
            assert 0 <= q.start <= q.end <= len(text)


def test_extract_never_raises_on_odd_text() -> None:
    rng = random.Random(11)
    words = ["The", "minister", "said", "“", "”", '"', "'", "he", "told", ":", ",", ".", "\n\n", "Times",
             "according", "to", "it", "suggested", "«", "»", "accused", "Smith"]
    for _ in range(25):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
        for q in run(text):
            assert 0 <= q.start <= q.end <= len(text)
    assert run("") == [] and run("   \n\n ") == []


# -- direct quotes and their speakers -------------------------------------------------------


def test_direct_quote_after_and_before_attribution() -> None:
    text = ("The foreign minister, Amina Yusuf Dirie, spoke after the meeting. "
            "“We have made real progress today,” Dirie told reporters in Nairobi.\n\n"
            "Her counterpart, Peter Langat Rotich, was more cautious. He said: “Nothing is agreed "
            "until everything is agreed.”")
    qs = run(text)
    first = by_start(qs, "We have made real progress")
    assert (first.kind, first.speaker, first.cue) == ("direct", "Amina Yusuf Dirie", "tell")
    second = by_start(qs, "Nothing is agreed")
    assert (second.kind, second.speaker, second.cue) == ("direct", "Peter Langat Rotich", "say")
    assert text[second.start:second.end] == second.text


def test_interrupted_quote_keeps_its_speaker() -> None:
    text = ('"The border will stay open," said Halima Warsame Osman, a trader in the market town, '
            '"but nobody here believes the ceasefire will hold."')
    qs = [q for q in run(text) if q.kind == "direct"]
    assert len(qs) in (1, 2)
    assert {q.speaker for q in qs} == {"Halima Warsame Osman"}


def test_following_sentence_of_the_same_quote() -> None:
    text = ("“This is a beginning,” the mediator, Joyce Atieno Mwangi, said on Tuesday. "
            "“Both sides have shown they can still talk.”")
    qs = run(text)
    assert by_start(qs, "Both sides have shown").speaker == "Joyce Atieno Mwangi"


def test_pronoun_and_title_resolution() -> None:
    text = ("Retired General Samuel Kiprono Bett, who led the 2011 operation, was scathing. "
            "'Every time we withdraw, the militants walk in,' he said.")
    q = by_start(run(text), "Every time we withdraw")
    assert q.speaker == "Samuel Kiprono Bett"


def test_description_resolves_to_the_person_named_before() -> None:
    text = ("The army spokesman, Colonel Daniel Ochieng Wekesa, confirmed the strike on Sunday. "
            "Villagers said four houses had burned.\n\n"
            "“We targeted a weapons depot,” the spokesman said.")
    assert by_start(run(text), "We targeted a weapons depot").speaker == "Daniel Ochieng Wekesa"


def test_ambiguous_pronoun_gives_no_speaker() -> None:
    text = ("Ahmed Ali Nur and Hassan Omar Farah met in Baidoa on Sunday. "
            "The convoy was discussed. \"It must move on Monday,\" he said.")
    assert by_start(run(text), "It must move on Monday").speaker is None


def test_unnamed_speaker_is_kept_as_described() -> None:
    text = "“We lost everything in the fire,” said one shopkeeper, who asked not to be named."
    assert by_start(run(text), "We lost everything").speaker == "one shopkeeper"


def test_question_with_inverted_attribution() -> None:
    text = "“Who will pay for the damage?” asked Grace Njeri Kamau, the district commissioner."
    q = by_start(run(text), "Who will pay")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Grace Njeri Kamau", "ask")


def test_ids_are_deterministic_and_in_text_order() -> None:
    text = ("“First,” said Mary Wanjiku Otieno. Later she described the plan as “unworkable”. "
            "“Second,” said John Mwangi Kariuki.")
    a, b = run(text, aid="abc"), run(text, aid="abc")
    assert [q.id for q in a] == [f"abc:q{i}" for i in range(1, len(a) + 1)]
    assert [(q.id, q.start) for q in a] == [(q.id, q.start) for q in b]
    assert [q.start for q in a] == sorted(q.start for q in a)


# -- partial and scare quotes ---------------------------------------------------------------


def test_scare_quote_goes_to_the_subject_that_used_it() -> None:
    text = "Government officials have repeatedly accused the rebels of “sabotage” in the north."
    q = by_start(run(text), "sabotage")
    assert (q.kind, q.speaker, q.cue) == ("partial", "Government officials", "accuse")


def test_scare_quote_with_nobody_using_it() -> None:
    text = 'In the end, we "paused" the programme before the donors did.'
    q = by_start(run(text), "paused")
    assert q.kind == "partial" and q.speaker is None


def test_partial_quote_inside_reported_speech() -> None:
    text = ("The interior minister, Fatuma Hassan Ali, told parliament that the police would build "
            "“a new and accountable force” within two years.")
    q = by_start(run(text), "a new and accountable force")
    assert (q.kind, q.speaker) == ("partial", "Fatuma Hassan Ali")


def test_claim_noun_owner_used_the_term() -> None:
    text = "The ambassador rejected Kenyan allegations of “interference” in the vote."
    q = by_start(run(text), "interference")
    assert q.kind == "partial" and q.speaker == "Kenyan"


# -- reported speech ------------------------------------------------------------------------


def test_reported_speech_said_told_indicated_according() -> None:
    text = ("Mohamed Abdi Hassan said that the talks would resume in May. "
            "He also told the media that a new commission would be set up. "
            "Hassan indicated that donors were ready to pay for it. "
            "According to the World Bank, the economy shrank by four percent last year.")
    qs = [q for q in run(text) if q.kind == "indirect"]
    got = {(q.cue, q.speaker, q.text) for q in qs}
    assert ("say", "Mohamed Abdi Hassan", "the talks would resume in May") in got
    assert ("tell", "Mohamed Abdi Hassan", "a new commission would be set up") in got
    assert ("indicate", "Mohamed Abdi Hassan", "donors were ready to pay for it") in got
    assert ("according to", "World Bank", "the economy shrank by four percent last year") in got
    for q in qs:
        assert text[q.start:q.end] == q.text


def test_no_reported_speech_from_nobody() -> None:
    text = "The fact that the talks failed indicates that diplomacy has limits."
    assert [q for q in run(text) if q.kind == "indirect"] == []


# -- outlets --------------------------------------------------------------------------------


def test_passage_quoted_from_an_outlet() -> None:
    text = ("The blog has been following the crisis for months. According to the Daily Chronicle:\n\n"
            "The ministry has not paid salaries since March. Teachers in three regions are on strike.\n\n"
            "“We cannot teach on empty stomachs,” Rose Achieng Odera, a union leader, told the paper.\n\n"
            "In other words, we were right all along.")
    qs = run(text)
    passage = by_start(qs, "The ministry has not paid")
    assert (passage.kind, passage.speaker, passage.via, passage.cue) == ("direct", "Daily Chronicle", None,
                                                                         "according to")
    assert "We cannot teach" in passage.text and "In other words" not in passage.text
    inner = by_start(qs, "We cannot teach")
    assert (inner.speaker, inner.via) == ("Rose Achieng Odera", "Daily Chronicle")


def test_article_in_an_outlet_introduces_a_passage() -> None:
    text = ("Others disagree. A recent article in the Harbour Review Weekly:\n\n"
            "Port traffic fell by a third in the first quarter, officials at the port authority say.\n\n"
            "Our own figures tell the same story.")
    qs = run(text)
    passage = by_start(qs, "Port traffic fell")
    assert passage.speaker == "Harbour Review Weekly" and passage.via is None
    assert "Our own figures" not in passage.text


def test_writer_in_an_outlet() -> None:
    text = ("Writing in the Evening Herald, Ruth Wairimu Kamau said:\n\n"
            "The government has chosen the worst possible moment to raise fuel prices.\n\n"
            "Whether she is right remains to be seen.")
    passage = by_start(run(text), "The government has chosen")
    assert (passage.speaker, passage.via) == ("Ruth Wairimu Kamau", "Evening Herald")


def test_editorial_speaks_for_the_outlet() -> None:
    text = ("An editorial in Monday's Coastal Times attacked the budget. The newspaper was scathing about "
            "the tax plans. After listing the cuts, it concluded: “This budget punishes the poor and rewards "
            "the connected.”")
    q = by_start(run(text), "This budget punishes the poor")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Coastal Times", "conclude")


def test_outlet_names_from_cue_words_and_introductions() -> None:
    from dragoman.quotes.outlets import find_outlets

    text = ("The Israeli newspaper Haaretz, Fars News Agency and Al Hurra, a satellite channel, all covered "
            "the report of the International Atomic Energy Agency, as did Tuesday's Financial Times.")
    names = {o.name for o in find_outlets(next(nlp.parse([text])))}
    assert {"Haaretz", "Fars News Agency", "Al Hurra", "Financial Times"} <= names
    assert not any("Atomic" in n for n in names)


def test_according_to_before_a_direct_quote() -> None:
    text = "According to Amina Diriye Farah, “the road has been closed since Monday and nobody can pass.”"
    qs = [q for q in run(text) if q.kind == "direct"]
    assert qs and (qs[0].speaker, qs[0].cue) == ("Amina Diriye Farah", "according to")


def test_parenthetical_attribution_is_reported_speech() -> None:
    text = "The ceasefire, Paul Otieno Wafula said, would hold only if both armies pulled back."
    q = by_start(run(text), "The ceasefire")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Paul Otieno Wafula", "say")
    assert "said" in q.text and q.text.endswith("pulled back")


def test_agency_alone_is_not_an_outlet() -> None:
    text = ("According to the International Atomic Energy Agency:\n\n"
            "Inspectors were denied access to two sites.\n\nWe think this matters.")
    assert all(q.via is None for q in run(text))


# -- actor codes ----------------------------------------------------------------------------


def test_actor_code_from_the_mention_or_the_resolved_name() -> None:
    text = ("Kenya's foreign minister, Esther Wambui Njoroge, met the mediator. "
            "“We are ready,” she said. Later Njoroge said that Kenya would stay at the table.")
    qs = run(text, actors=[("Esther Wambui Njoroge", "KENGOV")])
    assert by_start(qs, "We are ready").actor_code == "KENGOV"
    assert by_start(qs, "Kenya would stay").actor_code == "KENGOV"
    assert all(q.actor_code is None for q in run(text))


# -- the bundled samples and the seed pages ----------------------------------------------------


@pytest.fixture(scope="module")
def sample_quotes() -> dict[str, list[Quote]]:
    from pathlib import Path

    from dragoman.clean import clean
    from dragoman.read import iter_documents
    from tests.conftest import SAMPLES

    arts = {Path(d.uri).name: clean(d) for d in iter_documents([str(SAMPLES)]) if not d.meta.get("id")}
    docs = nlp.parse([a.text for a in arts.values()])
    return {name: extract_quotes(a, doc) for (name, a), doc in zip(arts.items(), docs)}


def test_samples_quote_styles(sample_quotes: dict[str, list[Quote]]) -> None:
    q = by_start(sample_quotes["04_afronewshub_beled_hawo_strike.txt"], "The Commission is deeply concerned")
    assert (q.kind, q.speaker) == ("direct", "Adwoa Boateng")  # « guillemets »
    q = by_start(sample_quotes["02_somalipulse_militia_accusation.txt"], "We see the trucks at night")
    assert (q.kind, q.speaker) == ("direct", "Ahmed Nur")  # ‘single’
    q = by_start(sample_quotes["02_somalipulse_militia_accusation.txt"], "grandstanding")
    assert (q.kind, q.speaker) == ("partial", "Samuel Otieno Ochieng")


def test_sample_quoted_outlet_passage(sample_quotes: dict[str, list[Quote]]) -> None:
    qs = sample_quotes["05_liberationherald_talks_collapse.txt"]
    passage = by_start(qs, "Diplomats in Addis Ababa privately concede")
    assert (passage.kind, passage.speaker, passage.via) == ("direct", "Daily Meridian", None)
    inner = by_start(qs, "a conversation between two monologues")
    assert (inner.kind, inner.speaker, inner.via) == ("partial", "One Western official", "Daily Meridian")
    assert by_start(qs, "loss of momentum").speaker == "Daily Meridian"  # "the Meridian" in full


@pytest.fixture(scope="module")
def seed_quotes(seeds) -> dict[str, list[Quote]]:
    docs = nlp.parse([a.text for a in seeds.values()])
    return {k: extract_quotes(a, doc) for (k, a), doc in zip(seeds.items(), docs)}


@needs_seeds
def test_seed_000_crocker_and_lure(seed_quotes: dict[str, list[Quote]]) -> None:
    qs = seed_quotes["000"]
    crocker = next(q for q in qs if "militia-related activity that can be attributed to Iranian support" in q.text)
    assert (crocker.kind, crocker.speaker) == ("direct", "Ryan Crocker")
    lure = by_start(qs, "The truth is that the mullahs are fearful")
    assert (lure.kind, lure.speaker) == ("direct", "Jean Lure")


@needs_seeds
def test_seed_003_outlet_passages(seed_quotes: dict[str, list[Quote]]) -> None:
    qs = seed_quotes["003"]
    nyt = by_start(qs, "The suspension of talks by Iran is hard to read")
    assert (nyt.kind, nyt.speaker, nyt.via) == ("direct", "New York Times", None)
    csm = by_start(qs, "During the fighting [in Basra]")
    assert (csm.kind, csm.speaker, csm.via) == ("direct", "Christian Science Monitor", None)
    assert "In other words" not in csm.text
    dabbagh = by_start(qs, "Some Iranian officials believe")
    assert (dabbagh.kind, dabbagh.speaker, dabbagh.via) == ("direct", "Ali al-Dabbagh", "New York Times")
    assert nyt.start <= dabbagh.start < nyt.end
    assert by_start(qs, "halted").speaker is None


@needs_seeds
def test_seed_004_crocker_kazemi_journal_meddling(seed_quotes: dict[str, list[Quote]]) -> None:
    qs = seed_quotes["004"]
    crocker = by_start(qs, "As you surely know among diplomats")
    assert (crocker.kind, crocker.speaker, crocker.cue) == ("direct", "Ryan Crocker", "tell")
    kazemi = by_start(qs, "a new military and security structure")
    assert kazemi.kind == "partial" and "Kazemi" in (kazemi.speaker or "")
    wsj = by_start(qs, "Targetted financial penalties")
    assert (wsj.kind, wsj.speaker) == ("direct", "Wall Street Journal")
    meddling = [q for q in qs if q.text == "meddling"]
    assert meddling and all(q.kind == "partial" for q in meddling)
    assert meddling[0].speaker == "Bush officials"
    assert not any("Bush/PNAC" in q.text for q in qs)  # the reader comment is not the article's


def test_according_to_at_the_end_reports_what_stands_before_it():
    q = by_start(run("Inflation in Chile eased to 4 percent in March, according to the central bank."), "Inflation in Chile")
    assert q.kind == "indirect" and "central bank" in (q.speaker or "")


def test_a_clause_ending_in_a_colon_introduces_its_subjects_words():
    text = 'The two leaders differed on the budget. Mayor Tomas Berg disagreed: "The council has the money and should spend it."'
    assert by_start(run(text), "The council has").speaker == "Tomas Berg"


def test_a_lead_that_describes_its_speaker_takes_the_name_from_the_next_sentence():
    text = ("The head of the port authority insisted on Monday that the terminal would reopen within a week. "
            '"We are confident the cranes will be repaired," Peter Hansen told reporters.')
    assert by_start(run(text), "the terminal would reopen").speaker == "Peter Hansen"


def test_titles_in_quotation_marks_are_names_not_quotes():
    quotes = run('The festival opened with "Night Train to Lisbon", a film about two brothers who run a bakery.')
    assert not [q for q in quotes if q.text.startswith("Night Train")]


def test_a_colon_after_a_thing_introduces_no_speaker_and_plans_are_no_sources():
    assert by_start(run('The plan has three parts: "More buses, cheaper fares and longer hours."'), "More buses").speaker is None
    assert not [q for q in run("The trains ran according to plan on the first day of the new timetable.") if q.kind == "indirect"]
