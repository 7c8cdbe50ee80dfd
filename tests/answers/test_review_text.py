"""The review's own words (bot.answers.review_text), pure: on the text of the shipped Leaving
Las Vegas review, read straight from its record file, and on small made-up texts."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from bot.answers.review_text import (
    SECTION_ORDER,
    TOPICS,
    ReviewText,
    answering_sentence,
    chunk_text,
    relevant_sentences,
    review_text,
    section_key_for,
    section_quote,
    sections,
    split_sentences,
    topic_for,
    yes_no_from_review,
)
from bot.answers.text import ELLIPSIS
from bot.answers.types import Request
from tests.helpers import REPO

LLV_RECORD = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"


def load_record(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def orm_like(path: Path, film_id: int = 7) -> tuple[Any, Any]:
    """A Film and a Review shaped like the ORM's, from a record file (no database)."""
    data = load_record(path)
    film, release, review = data["film"], data.get("release") or {}, data["review"]
    ratings = [
        SimpleNamespace(
            aspect=aspect,
            grade=None if aspect == "film" else value,
            score=value if aspect == "film" else 0.0,
        )
        for aspect, value in (review.get("ratings") or {}).items()
        if value is not None
    ]
    film_obj = SimpleNamespace(
        id=film_id, title=film["title"], year=film["year"], synopsis=film.get("synopsis")
    )
    review_obj = SimpleNamespace(
        headline=review.get("headline"),
        intro=review.get("intro"),
        **{key: (review.get("sections") or {}).get(key) for key in (
            "style_direction", "music_audio", "acting_characters")},
        film_conclusion=review.get("film_conclusion"),
        release_conclusion=review.get("release_conclusion"),
        verdict=review.get("verdict"),
        pros=review.get("pros") or [],
        cons=review.get("cons") or [],
        recommendation=review.get("recommendation"),
        release=SimpleNamespace(format=release.get("format"), extras=release.get("extras") or []),
        ratings=ratings,
    )  # fmt: skip
    return film_obj, review_obj


@pytest.fixture(scope="module")
def llv() -> ReviewText:
    return review_text(*orm_like(LLV_RECORD))


def q(text: str) -> list[str]:
    return text.split()


# --- the parts ------------------------------------------------------------------------------


def test_the_parts_come_in_reading_order_with_their_titles(llv: ReviewText) -> None:
    found = sections(llv)
    assert [s.key for s in found] == list(SECTION_ORDER)  # the LLV review has every part
    titles = {s.key: s.title for s in found}
    assert titles["acting_characters"] == "Acting & characters"
    assert titles["release_conclusion"] == "Conclusion: the Blu-ray"
    assert titles["film_conclusion"] == "Conclusion: the film"
    by_key = {s.key: s for s in found}
    assert by_key["synopsis"].text.startswith("Ben Sanderson (Nicolas Cage)")
    assert by_key["extras"].items == (
        "Making Of",
        "Interviews with Nicolas Cage, Elisabeth Shue, Julian Sands & Mike Figgis",
        "B-Roll",
    )
    assert "✅ Nicolas Cage" in by_key["pros_cons"].text
    assert "❌ Poor Audio Quality" in by_key["pros_cons"].text
    assert llv.ratings == {"picture": "GOOD", "audio": "POOR", "extras": "OK"}  # film: unset


def test_missing_parts_are_left_out() -> None:
    text = ReviewText(film_title="X", verdict="Fine.", extras=("Trailer",), cons=("Short",))
    assert [s.key for s in sections(text)] == ["extras", "verdict", "pros_cons"]
    assert sections(ReviewText(film_title="X", intro="  ", extras=("", " "))) == ()


def test_the_topic_map() -> None:
    assert TOPICS["acting"].sections == ("acting_characters",)
    assert TOPICS["direction"].sections == ("style_direction",)
    assert TOPICS["music"].sections == ("music_audio",)
    assert TOPICS["story"].sections == ("synopsis", "film_conclusion")
    assert TOPICS["film"].sections == ("film_conclusion",)
    assert (TOPICS["picture"].sections, TOPICS["picture"].aspect) == (
        ("release_conclusion",),
        "picture",
    )
    assert (TOPICS["audio"].sections, TOPICS["audio"].aspect) == (
        ("release_conclusion", "music_audio"),
        "audio",
    )
    assert (TOPICS["extras"].sections, TOPICS["extras"].aspect) == (("extras",), "extras")
    assert TOPICS["release"].sections == ("release_conclusion",)
    assert TOPICS["headline"].sections == ("headline",)
    names = {
        "cinematography": "direction",
        "visual style": "direction",
        "the score": "music",
        "soundtrack": "music",
        "plot": "story",
        "script": "story",
        "the film itself": "film",
        "the movie": "film",
        "transfer": "picture",
        "video": "picture",
        "dialogue": "audio",
        "the mix": "audio",
        "special features": "extras",
        "the blu-ray as a whole": "release",
        "The Release": "release",
        "headline": "headline",
    }
    for name, topic in names.items():
        assert topic_for(name) == topic, name
    assert topic_for("subtitles") is None


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("acting", "acting_characters"),
        ("Acting & characters", "acting_characters"),
        ("actng", "acting_characters"),  # a typo
        ("audio", "release_conclusion"),  # the disc's audio first, as the topic says
        ("music", "music_audio"),
        ("direction", "style_direction"),
        ("cinematography", "style_direction"),
        ("conclusion", "film_conclusion"),
        ("the blu-ray", "release_conclusion"),
        ("blu-ray conclusion", "release_conclusion"),
        ("extras", "extras"),
        ("special features", "extras"),
        ("verdict", "verdict"),
        ("cons", "pros_cons"),
        ("intro", "intro"),
        ("story", "synopsis"),
        ("release_conclusion", "release_conclusion"),
    ],
)
def test_parts_typed_loosely(typed: str, key: str) -> None:
    assert section_key_for(typed) == key


def test_a_part_the_review_lacks_or_nobody_knows_is_none() -> None:
    assert section_key_for("foo") is None
    assert section_key_for("") is None
    assert section_key_for("subtitles") is None
    assert section_key_for("acting", available=["intro", "verdict"]) is None
    # the story: the synopsis when there is one, else the film's conclusion
    assert section_key_for("story", available=["film_conclusion"]) == "film_conclusion"


# --- sentences ----------------------------------------------------------------------------------


def test_sentences_split_at_their_ends_only(llv: ReviewText) -> None:
    assert split_sentences("Mr. Simpson is the landlord. He is kind.") == [
        "Mr. Simpson is the landlord.",
        "He is kind.",
    ]
    assert split_sentences("It's 5.1 audio! Is it good? Yes.") == [
        "It's 5.1 audio!",
        "Is it good?",
        "Yes.",
    ]
    parts = split_sentences(llv.release_conclusion or "")
    assert len(parts) == 5
    assert parts[2].startswith("My next point") and parts[2].endswith("ruining the film.")


def test_a_short_part_is_quoted_whole(llv: ReviewText) -> None:
    text = llv.music_audio or ""
    got = relevant_sentences(text, q("how is the music"), 600)
    assert "saxophone" in got  # the opinion after the sentence that names the music


def test_relevant_sentences_keep_their_order_and_end_at_a_sentence(llv: ReviewText) -> None:
    text = llv.acting_characters or ""
    assert len(text) > 500  # too long to quote whole in 500 characters
    got = relevant_sentences(text, q("is cage good in it"), 500)
    assert len(got) <= 500
    assert got.startswith("Nicolas Cage is on top form")
    assert got.endswith("it can't end well.")
    assert ELLIPSIS in got  # the sentences between are left out, and it shows
    assert got.index("top form") < got.index("excellent performances")

    audio = relevant_sentences(llv.release_conclusion or "", q("how is the audio"), 600)
    assert "the audio mix seems all wrong" in audio and "poor audio mixing." in audio
    assert "picture quality" not in audio


def test_relevant_sentences_fall_back_to_the_first_ones(llv: ReviewText) -> None:
    text = llv.acting_characters or ""
    got = relevant_sentences(text, q("subtitles"), 250)
    assert got == split_sentences(text)[0]  # the second would go over 250
    assert relevant_sentences("", q("anything"), 100) == ""


def test_relevant_sentences_never_cut_a_word(llv: ReviewText) -> None:
    text = llv.release_conclusion or ""
    for limit in (40, 77, 120, 150):  # each relevant sentence is longer
        got = relevant_sentences(text, q("audio dialogue"), limit)
        assert len(got) <= limit
        assert got.endswith(ELLIPSIS)
        body = got.removesuffix(ELLIPSIS).rstrip()
        last_word = body.rsplit(" ", 1)[-1]
        assert re.search(rf"\b{re.escape(last_word)}\b", text), last_word


def test_long_text_is_chunked_between_sentences(llv: ReviewText) -> None:
    text = "\n\n".join(s.text for s in sections(llv) if not s.items)
    pieces = chunk_text(text, 500)
    assert len(pieces) > 5
    assert all(len(p) <= 500 for p in pieces)
    whole = split_sentences(text)
    assert all(split_sentences(p)[-1] in whole for p in pieces)  # each ends a sentence
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())  # nothing lost
    one_long = " ".join(["word"] * 400) + "."
    cut = chunk_text(one_long, 300)
    assert all(len(p) <= 300 for p in cut) and len(cut) > 1
    assert all(w == "word" for p in cut for w in p.replace(ELLIPSIS, " ").replace(".", "").split())


# --- the sentence that answers a yes/no question -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "part", "aspect", "says"),
    [
        (
            "does the music drown out the dialogue in leaving las vegas",
            "release_conclusion",
            "audio",
            "the music drowning out much of the dialogue",
        ),
        ("is the music too loud", "release_conclusion", "audio", "music drowning out"),
        (
            "are there any marks on the picture",
            "release_conclusion",
            "picture",
            "a few tiny marks that flash up",
        ),
        ("is cage good in it", "acting_characters", "film", "excellent performances"),
        ("is the audio good", "release_conclusion", "audio", "the audio mix seems all wrong"),
        ("does it have a happy ending", "film_conclusion", "film", "no happy ending in sight"),
        ("are there interviews on the disc", "extras", "extras", "Interviews with Nicolas Cage"),
        ("is there a making of", "extras", "extras", "Making Of"),
    ],
)
def test_the_sentence_that_answers(
    llv: ReviewText, question: str, part: str, aspect: str, says: str
) -> None:
    quote = answering_sentence(llv, q(question))
    assert quote is not None
    assert (quote.section, quote.aspect) == (part, aspect)
    assert says in quote.quoted and says in quote.sentence
    assert quote.sentence in " ".join(s.text for s in sections(llv))  # the review's own words


@pytest.mark.parametrize(
    "question",
    [
        "does it have subtitles",
        "is the audio in 5.1",
        "is there a director's commentary",
        "is it region free",
        "is it in 4k",
        "is the film good",  # too vague for one sentence: the verdict answers that
        "is the blu-ray good",
        "is it funny",
        "does the music drown out the explosions",  # the review speaks of the dialogue
        "is the picture sharp",  # the LLV review says nothing of sharpness or detail
        "leaving las vegas",
        "",
    ],
)
def test_no_sentence_speaks_to_it(llv: ReviewText, question: str) -> None:
    assert answering_sentence(llv, q(question)) is None


def test_the_review_s_own_questions_and_headline_never_answer() -> None:
    asks = "The film's pretty good but what of the Blu-ray release?"
    assert (
        answering_sentence(ReviewText(film_title="X", intro=asks), q("is it pretty good")) is None
    )
    said = ReviewText(film_title="X", intro=asks.replace(" but what of", ". So is"))
    assert answering_sentence(said, q("is it pretty good")) is not None  # a statement does
    text = ReviewText(film_title="X", headline="Great picture, poor audio")
    assert answering_sentence(text, q("is the picture great")) is None


def test_synonyms_find_the_sentence() -> None:
    text = ReviewText(
        film_title="Con Air",
        release_conclusion="The transfer is crisp and detailed. The speech is hard to hear "
        "over the score.",
        ratings={"picture": "GREAT", "audio": "OK"},
    )
    sharp = answering_sentence(text, q("is the picture sharp"))
    assert sharp is not None and sharp.sentence == "The transfer is crisp and detailed."
    assert sharp.aspect == "picture"
    voices = answering_sentence(text, q("can you hear the dialogue over the music"))
    assert voices is not None and voices.sentence.startswith("The speech is hard to hear")
    assert voices.aspect == "audio"


# --- what the question code says ---------------------------------------------------------------


def test_yes_no_from_review_quotes_and_rates() -> None:
    film, review = orm_like(LLV_RECORD)
    said = yes_no_from_review(film, review, q("does the music drown out the dialogue"))
    assert said == (
        "The review says: “…the audio mix seems all wrong with the music drowning out much of "
        "the dialogue and therefore pretty much ruining the film.” (Blu-ray audio: POOR)"
    )
    acting = yes_no_from_review(film, review, q("is cage good in it"))
    assert acting is not None and acting.endswith("(Acting & characters)")  # no film rating
    assert yes_no_from_review(film, review, q("does it have subtitles")) is None


def test_section_quote_is_quoted_attributed_and_cut_between_sentences() -> None:
    film, review = orm_like(LLV_RECORD, film_id=42)
    text, choices = section_quote(film, review, "acting", q("is cage good in it"))
    first, second, *rest = text.split("\n")
    assert first == "From the review of Leaving Las Vegas (1995) (Acting & characters):"
    assert second.startswith("> Nicolas Cage is on top form")
    assert second.endswith(".") and len(second) <= 602
    assert not rest  # acting has no rating
    assert [c.label for c in choices] == ["Read the whole section"]
    assert choices[0].request == Request("read", text="acting_characters", film_id=42)


def test_section_quote_with_a_rating_and_two_parts() -> None:
    film, review = orm_like(LLV_RECORD)
    text, choices = section_quote(film, review, "audio", q("how is the sound"))
    lines = text.split("\n")
    assert lines[0] == "From the review of Leaving Las Vegas (1995) (Conclusion: the Blu-ray):"
    assert "the audio mix seems all wrong" in lines[1] and lines[1].startswith("> ")
    assert "picture quality" not in text
    assert "Music & audio" not in text  # it says nothing of the sound: not quoted
    assert lines[-1] == "(Blu-ray audio: POOR)"
    assert choices[0].request.text == "release_conclusion"

    story, story_choices = section_quote(film, review, "plot", q("what is the story about"))
    lines = story.split("\n")
    assert lines[:2] == ["From the review of Leaving Las Vegas (1995):", "**Synopsis**"]
    assert lines[2].startswith("> Ben Sanderson (Nicolas Cage) is a Hollywood screenwriter")
    assert lines[3] == "**Conclusion: the film**"
    assert "several different themes" in lines[4]
    assert story_choices[0].request.text == "synopsis"

    picture, _ = section_quote(film, review, "the transfer", q("is the transfer any good"))
    assert picture.startswith(
        "From the review of Leaving Las Vegas (1995) (Conclusion: the Blu-ray):"
    )
    assert "tiny marks" in picture and picture.endswith("(Blu-ray picture: GOOD)")

    extras, extra_choices = section_quote(film, review, "extras", q("what extras are there"))
    assert "> • Making Of" in extras and extras.endswith("(Blu-ray extras: OK)")
    assert extra_choices[0].request.text == "extras"


def test_section_quote_for_a_part_the_review_lacks() -> None:
    film, review = orm_like(LLV_RECORD)
    review.acting_characters = None
    text, choices = section_quote(film, review, "acting", q("is cage good"))
    assert text == "The review of Leaving Las Vegas (1995) doesn't have a part about that."
    assert choices == ()
    with pytest.raises(ValueError, match="unknown review topic"):
        section_quote(film, review, "subtitles", q("subtitles"))


def test_a_film_rating_and_a_sharp_picture_on_con_air() -> None:
    film, review = orm_like(REPO / "tests" / "answers" / "data" / "con-air-1997.yaml")
    text, _ = section_quote(film, review, "film", q("is con air any fun"))
    assert text == (
        "From the review of Con Air (1997) (Conclusion: the film):\n"
        "> Con Air is loud, daft and a great deal of fun.\n"
        "(Film: 8/10)"
    )
    assert yes_no_from_review(film, review, q("is the picture sharp on con air")) == (
        "The review says: “The picture is sharp and clean throughout.” (Blu-ray picture: GREAT)"
    )
    dialogue = yes_no_from_review(film, review, q("is the dialogue clear"))
    assert dialogue is not None and dialogue.endswith("(Blu-ray audio: EXCELLENT)")
    assert "clear dialogue" in dialogue
    assert yes_no_from_review(film, review, q("does it have subtitles")) is None
