"""The words of questions (bot/answers/questions/vocabulary.py): the tables the question parser
reads, checked for what the parser relies on (their use: test_intents.py, test_entities.py)."""

from __future__ import annotations

import re

import pytest

from bot.answers.questions.vocabulary import (
    CARD_WORDS,
    CUE_WORDS,
    EDITION_WORDS,
    ENGLISH,
    EXTRA_ITEM_WORDS,
    FILLER,
    ORDINARY,
    PAIRS,
    SLANG,
    TOPICS,
    YEAR_PREPOSITIONS,
)

WORD = re.compile(r"[a-z0-9']+")


def test_chat_spellings_are_spelled_out_in_one_step() -> None:
    for spelling, meant in SLANG.items():
        assert WORD.fullmatch(spelling), spelling
        assert spelling != meant
        # What a spelling becomes is never itself a spelling to replace.
        assert not set(meant.split()) & set(SLANG), (spelling, meant)
    assert SLANG["wat"] == "what" and SLANG["r"] == "are" and SLANG["whats"] == "what is"


def test_a_pair_of_words_becomes_the_one_word_it_is() -> None:
    for (first, second), word in PAIRS.items():
        assert WORD.fullmatch(first) and WORD.fullmatch(second)
        assert word in (first + second, first.removesuffix("e") + second.removesuffix("s"))
    assert PAIRS[("blu", "ray")] == "bluray"


def test_the_word_sets_are_lower_case_words() -> None:
    for words in (FILLER, CUE_WORDS, ORDINARY, CARD_WORDS, YEAR_PREPOSITIONS):
        assert words, "an empty word set"
        assert all(WORD.fullmatch(word) for word in words), sorted(words)[:5]


def test_the_common_english_words_are_loaded() -> None:
    assert len(ENGLISH) > 1000
    assert all(re.fullmatch(r"[a-z]+", word) for word in ENGLISH)
    # Titles made only of common words are ordinary words in a sentence.
    assert {"rage", "trust", "knowing", "family", "man"} <= ENGLISH
    assert "figgis" not in ENGLISH


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (EXTRA_ITEM_WORDS, "making of"),
        (EXTRA_ITEM_WORDS, "commentaries"),
        (EXTRA_ITEM_WORDS, "deleted scenes"),
        (EDITION_WORDS, "steelbook"),
        (EDITION_WORDS, "4k"),
        (EDITION_WORDS, "directors cut"),
    ],
)
def test_extras_and_editions_are_named(pattern: str, text: str) -> None:
    assert re.fullmatch(f"(?:{pattern})", text)


def test_every_topic_is_named_by_its_own_words() -> None:
    named = {
        "acting": "performances",
        "direction": "cinematography",
        "music": "soundtrack",
        "story": "plot",
        "film": "film itself",
        "release": "the disc",
    }
    assert set(TOPICS) == set(named)
    for topic, words in named.items():
        assert re.fullmatch(f"(?:{TOPICS[topic]})", words), topic
        others = [t for t in TOPICS if t != topic]
        assert not any(re.fullmatch(f"(?:{TOPICS[t]})", words) for t in others), topic
