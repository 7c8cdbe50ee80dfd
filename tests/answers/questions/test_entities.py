"""The film and the person a question names (bot/answers/questions/entities.py): a question's
own words (QUESTION_WORDS) are not names, unless typed as the title in the film's place."""

from __future__ import annotations

import pytest

from bot.answers.questions.entities import QUESTION_WORDS, Span, content, is_year, trim
from bot.answers.questions.intents import understand
from bot.search import FilmDoc, PersonDoc, SearchIndex

INDEX = SearchIndex(
    [
        FilmDoc(1, "Leaving Las Vegas", 1995),
        FilmDoc(2, "Next", 2007),
        FilmDoc(3, "Rage", 2014),
        FilmDoc(4, "The Family Man", 2000),
    ],
    [PersonDoc(1, "Nicolas Cage"), PersonDoc(2, "Mike Figgis"), PersonDoc(3, "Kanye West")],
)


@pytest.mark.parametrize(
    ("word", "year"),
    [("1995", True), ("1888", True), ("2100", True), ("1887", False), ("2101", False),
     ("199", False), ("19955", False), ("19a5", False), ("", False)],
)  # fmt: skip
def test_a_year_is_four_digits_from_the_first_film_on(word: str, year: bool) -> None:
    assert is_year(word) is year


def test_filler_words_are_not_content_and_are_trimmed_at_the_edges() -> None:
    words = ("the", "wicker", "man", "from", "the", "seventies", "please")
    assert content(words) == ["wicker", "man", "seventies"]
    assert trim(words) == ("wicker", "man", "from", "the", "seventies")
    assert trim(("the", "of", "please")) == ()


def test_a_span_counts_its_words_from_the_start_of_the_question() -> None:
    assert Span(segment=1, start=2, end=4, offset=3).positions == range(5, 7)
    assert list(Span(segment=0, start=0, end=2).positions) == [0, 1]


@pytest.mark.parametrize(
    "word", ["age", "rating", "next", "newest", "latest", "best", "review", "audio", "region", "4k"]
)
def test_the_questions_own_words_are_protected(word: str) -> None:
    assert word in QUESTION_WORDS


@pytest.mark.parametrize(
    ("message", "film"),
    [
        ("what age rating is leaving las vegas", "Leaving Las Vegas"),
        ("when is the next review coming", None),
        ("who directed next", "Next"),
        ('is "next" worth buying', "Next"),
        ("how long is rage 2014", "Rage"),
        ("what age is the family man for", "The Family Man"),
        ("whats the newest review", None),
        ("which film has the best audio", None),
        ("the newest cage film?", None),
    ],
)
def test_a_title_made_of_question_words_only_where_a_film_is_named(
    message: str, film: str | None
) -> None:
    question = understand(message, INDEX)
    found = question.film.match.best if question.film is not None else None
    assert (found.title if found else None) == film
    if "cage" in message:
        assert question.person is not None
        assert question.person.match.best is not None
        assert question.person.match.best.name == "Nicolas Cage"  # not Kanye West ("newest")
