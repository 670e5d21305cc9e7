"""Focused checks of the plain-text cleaner's features, on small pages written for these tests."""

from __future__ import annotations

from dragoman.clean import clean
from dragoman.clean.lines import split_lines
from dragoman.dates import is_date_line
from dragoman.model import Document

P1 = "The council approved the new budget on Tuesday after a long debate that ran late into the evening."
P2 = "Members of the public were allowed to speak for three minutes each, and more than forty of them did so."
P3 = "The finance chair said the plan would protect libraries and parks while keeping the tax rate unchanged."
P4 = "Opponents said the savings relied on optimistic forecasts and warned that cuts would follow next year."


def _clean(text: str):
    return clean(Document(id="t", uri="test.txt", content_type="text", text=text))


def test_ad_slot_and_caption_inside_body_are_dropped_not_cut_at():
    a = _clean(
        "\n".join(
            [
                "Budget passes after long night",
                "By Jane Doe",
                P1,
                "Councillors debate the budget at City Hall on Tuesday. Photo: Sam Lee/City Times",
                P2,
                "Advertisement",
                P3,
                P4,
            ]
        )
    )
    assert a.text.startswith(P1) and a.text.endswith(P4)
    assert "Advertisement" not in a.text and "Photo:" not in a.text
    assert {"ad", "caption"} <= {r.label for r in a.removed}


def test_related_box_between_paragraphs_is_skipped_with_its_teaser():
    teaser = "Residents say they were never asked about the new parking rules near the station."
    a = _clean("\n".join(["Budget passes after long night", P1, P2, "Related", teaser, P3, P4, "Read more: Why the library closed early"]))
    assert a.text.startswith(P1) and a.text.endswith(P4)
    assert teaser not in a.text and P3 in a.text


def test_sentence_is_never_a_heading():
    # "Share …" opens a share bar, but a sentence that starts with "Share" is prose.
    assert split_lines("Share this story")[0].marker == "share"
    assert split_lines("Share prices fell 3 per cent on Monday.")[0].marker is None
    assert split_lines("About Kestrel Energy")[0].marker == "boilerplate"
    assert split_lines("About 12,000 runners took part.")[0].marker is None


def test_mailing_list_post():
    page = "\n".join(
        [
            "[parks-list] Re: Opening hours at Mill Park",
            "Ann Brooks abrooks at example.org",
            "Thu Nov 9 21:14:02 EST 2017",
            "",
            "On Wed, Nov 8, 2017 at 4:52 PM, Bob Stone <bstone at example.net> wrote:",
            "> The gates close at six all year, which seems early to me in summer",
            "> when it is light until ten.",
            "",
            P1,
            P2,
            "",
            "-- ",
            "Ann Brooks",
            "Friends of Mill Park",
        ]
    )
    a = _clean(page)
    assert a.title == "Re: Opening hours at Mill Park"
    assert a.authors == ["Ann Brooks"]
    assert a.published == "2017-11-09"
    assert a.text == P1 + "\n\n" + P2
    assert a.signature == "Ann Brooks"


def test_press_release_boilerplate_and_lead_dateline():
    lead = "OULU, Finland, May 12, 2022 /Nordic Newswire/ -- " + P1
    a = _clean(
        "\n".join(
            [
                "FOR IMMEDIATE RELEASE",
                "Council passes budget with libraries protected",
                lead,
                P2,
                "About Example Energy",
                "Example Energy develops storage systems for utilities and has offices in three countries.",
                "Media contact:",
                "Jane Doe",
                "###",
            ]
        )
    )
    assert a.title == "Council passes budget with libraries protected"
    assert a.published == "2022-05-12"
    assert a.text.endswith(P2) and "Example Energy develops" not in a.text


def test_forum_first_post_is_the_body_and_replies_are_comments():
    page = "\n".join(
        [
            "Riverside Forum",
            "Post Reply",
            "Budget night: what the council decided",
            "by jo_k » Wed Jan 17, 2024 9:48 am",
            P1,
            P2,
            "Top",
            "Re: Budget night: what the council decided",
            "by sam_t » Wed Jan 17, 2024 11:02 am",
            "Thanks for writing this up, very useful for those of us who could not attend.",
            "Top",
            "Re: Budget night: what the council decided",
            "by jo_k » Wed Jan 17, 2024 1:26 pm",
            "No problem, I will post again after the next meeting in April.",
        ]
    )
    a = _clean(page)
    assert a.text == P1 + "\n\n" + P2
    assert a.authors == ["jo_k"] and a.published == "2024-01-17"
    assert a.title == "Budget night: what the council decided"
    assert len(a.comments) == 2


def test_comments_with_relative_stamps_and_widget_controls():
    page = "\n".join(
        [
            "Budget passes after long night",
            P1,
            P2,
            "Comments (3)",
            "Sort: Newest | Oldest",
            "river_rat",
            "2h ago",
            "Great news for the libraries.",
            "▲ 4 ▼ 0",
            "Reply",
            "M. Weber",
            "vor 1 Stunde",
            "Lol",
            "Antworten",
            "Jane D.",
            "1h ago",
            "Parks too, which matters more to me than anything else in it.",
            "Reply • Share ›",
        ]
    )
    a = _clean(page)
    assert [c.author for c in a.comments] == ["river_rat", "M. Weber", "Jane D."]
    assert a.comments[1].text == "Lol"


def test_other_languages_bylines_and_dates():
    assert is_date_line("Publicado em 21 de julho de 2022, 10h15").value == "2022-07-21T10:15"
    assert is_date_line("Stand: 06.04.2023, 14:32 Uhr").value == "2023-04-06T14:32"
    a = _clean("\n".join(["Budget passes after long night", "Von Katrin Albers und Paweł Nowicki", "Stand: 06.04.2023, 14:32 Uhr", P1, "Anzeige", P2]))
    assert a.authors == ["Katrin Albers", "Paweł Nowicki"]
    assert a.published == "2023-04-06"
    assert "Anzeige" not in a.text and a.text.endswith(P2)


def test_standfirst_byline_and_author_note_above_the_body():
    standfirst = "Everyone promises lower taxes for the lowest paid. There are cheaper ways to do it."
    note = "Amara Osei is a professor of public economics and a former adviser to the treasury committee."
    a = _clean(
        "\n".join(
            ["The Review", "Politics", "Economy", "Opinion", "Raising the tax threshold is the wrong tool", standfirst,
             "By Amara Osei", "Published 22 January 2024", note, P1, P2, P3]
        )
    )
    assert a.title == "Raising the tax threshold is the wrong tool"
    assert a.authors == ["Amara Osei"] and a.published == "2024-01-22"
    assert a.text.startswith(P1)
    assert a.bio == note


def test_title_is_not_the_masthead_or_none_at_all():
    a = _clean("\n".join(["The Quiet Listener", "Notes on music heard in small rooms", "Home", "Concert diary", "About", "Saturday, 14 March 2020", P1 + " " + P2]))
    assert a.title is None
    assert a.published == "2020-03-14"


def test_pull_quote_is_dropped():
    quote = "We find a mountain nobody knew existed"
    para = f'"Every day {quote}," said the chief scientist. "It still surprises me, after all these years at sea."'
    a = _clean("\n".join(["Mapping the deep", P1, para, f'"{quote}"', P2, P3]))
    assert para in a.text
    assert a.text.count(quote) == 1


def test_comment_link_above_the_article_does_not_hide_it():
    long_comment = " ".join([P3, P4, P2, P1])  # longer than the article itself
    page = "\n".join(
        ["Budget passes after long night", "Comments (1)", "By Jane Doe", P1, P2, P3, "Comments (1)", "river_rat", "2h ago", long_comment, "Reply"]
    )
    a = _clean(page)
    assert a.text.startswith(P1) and a.text.endswith(P3)
    assert len(a.comments) == 1 and a.comments[0].author == "river_rat"
