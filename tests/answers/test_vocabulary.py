"""The shared words of the answers (bot/answers/vocabulary.py): every rating word leads to a
rating that has a title and a name, and genres compare by one word."""

from __future__ import annotations

import re

import pytest

from bot.answers.rankings import parse_ranking_args
from bot.answers.vocabulary import (
    ASPECT_NAMES,
    ASPECT_TITLES,
    ASPECT_WORDS,
    AUDIO_WORDS,
    EXTRAS_WORDS,
    PICTURE_WORDS,
    REVIEW_ASPECT_WORDS,
    genre_key,
)
from bot.db.rankings import BLURAY
from bot.records.ratings import ASPECTS


def test_every_rating_has_a_title_and_a_name() -> None:
    assert set(ASPECT_WORDS.values()) == set(ASPECTS)
    assert set(ASPECT_TITLES) == set(ASPECTS)
    assert set(ASPECT_NAMES) == {*ASPECTS, BLURAY}
    assert set(REVIEW_ASPECT_WORDS) == set(ASPECTS[1:])


@pytest.mark.parametrize(("word", "aspect"), sorted(ASPECT_WORDS.items()))
def test_the_rankings_take_every_rating_word(word: str, aspect: str) -> None:
    args = parse_ranking_args(f"{word} 5")
    assert not isinstance(args, str)
    assert (args.aspect, args.count) == (aspect, 5)


@pytest.mark.parametrize(
    ("pattern", "aspect"),
    [(PICTURE_WORDS, "picture"), (AUDIO_WORDS, "audio"), (EXTRAS_WORDS, "extras")],
)
def test_a_question_knows_the_words_a_review_uses(pattern: str, aspect: str) -> None:
    """A review's sentence about a rating is found by words a question also understands."""
    question = re.compile(rf"\b(?:{pattern})\b")
    for word in REVIEW_ASPECT_WORDS[aspect]:
        assert question.search(word), word


@pytest.mark.parametrize(
    ("genre", "key"),
    [
        ("Science Fiction", "sci fi"),
        ("Sci-Fi", "sci fi"),
        ("scifi", "sci fi"),
        ("Romantic", "romance"),
        ("comedies", "comedy"),
        ("Animated", "animation"),
        ("Drama", "drama"),
    ],
)
def test_genres_compare_by_one_word(genre: str, key: str) -> None:
    assert genre_key(genre) == key
