from __future__ import annotations

import dataclasses

import pytest

from bot.search import TitleQuery, normalize_name, normalize_title, parse_title_query
from bot.search.normalize import spelling

WEIRD_STRINGS = [
    "",
    "   \t\n ",
    "\x00\x01\x1f\x7f",
    "\u200b\u200c\u200d\ufeff",
    "\u202e\u200fMandy\u200e",
    "🎬🍿🔥",
    "@everyone",
    "<@&123456> **bold** `code`",
    "ﷺ 𝔉𝔞𝔠𝔢 ℌ ﬁ",
    "\ud800",  # lone surrogate
    "a\u0301" * 5000,
    "x" * 10_000,
]


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Leaving Las Vegas", "leaving las vegas"),
        ("  LEAVING   las\tVegas ", "leaving las vegas"),
        ("Amélie", "amelie"),
        ("Ça Ira", "ca ira"),
        ("Straße", "strasse"),
        ("Wasn’t", "wasnt"),
        ("Wasn't", "wasnt"),
        ("Vampire´s Kiss", "vampires kiss"),
        ("“Mandy”", "mandy"),
        ("Face/Off", "face off"),
        ("Face-Off", "face off"),
        ("Kick-Ass", "kick ass"),
        ("Adaptation.", "adaptation"),
        ("Ghost Rider: Spirit of Vengeance", "ghost rider spirit of vengeance"),
        ("Mom & Dad", "mom and dad"),
        ("Mom and Dad", "mom and dad"),
        ("8MM", "8mm"),
        ("ＦＡＣＥ／ＯＦＦ", "face off"),
    ],
)
def test_normalize_title_basics(raw: str, key: str) -> None:
    assert normalize_title(raw) == key


@pytest.mark.parametrize(
    "variant",
    ["The Wicker Man", "Wicker Man, The", "wicker man", "WICKER MAN,THE", "the  wicker-man"],
)
def test_articles_leading_and_trailing_give_same_key(variant: str) -> None:
    assert normalize_title(variant) == "wicker man"


def test_articles_a_and_an() -> None:
    assert normalize_title("A Few Good Men") == normalize_title("Few Good Men, A")
    assert normalize_title("An Education") == normalize_title("Education, An") == "education"
    assert normalize_title("Rock, The") == normalize_title("The Rock") == "rock"


def test_article_alone_is_kept() -> None:
    assert normalize_title("The") == "the"
    assert normalize_title("A") == "a"


@pytest.mark.parametrize(
    ("roman", "digits"),
    [
        ("Rocky II", "Rocky 2"),
        ("Rocky IV", "Rocky 4"),
        ("Rocky V", "Rocky 5"),
        ("Part XX", "Part 20"),
        ("Chapter IX", "chapter 9"),
    ],
)
def test_roman_numerals_match_digits(roman: str, digits: str) -> None:
    assert normalize_title(roman) == normalize_title(digits)


def test_roman_numerals_only_whole_words_and_lone_i_kept() -> None:
    assert normalize_title("I, Robot") == "i robot"
    assert normalize_title("Vivid") == "vivid"
    assert normalize_title("Mix Tape") == "mix tape"


def test_invisible_and_control_characters_are_ignored() -> None:
    assert normalize_title("Con\u200bAir") == "conair"
    assert normalize_title("Con\x00Air") == "con air"
    assert normalize_title("\u202eMandy\u200f") == "mandy"
    assert normalize_title("🎬 Mandy 🔥") == "mandy"


@pytest.mark.parametrize("raw", WEIRD_STRINGS)
def test_never_raises_on_odd_unicode(raw: str) -> None:
    for result in (normalize_title(raw), normalize_name(raw), parse_title_query(raw).text):
        assert isinstance(result, str)
        assert result == result.strip()
        assert "  " not in result


def test_normalize_name() -> None:
    assert normalize_name("Nicolas Cage") == "nicolas cage"
    assert normalize_name("  Nicolás   CAGE ") == "nicolas cage"
    assert normalize_name("Jean-Claude Van Damme") == "jean claude van damme"
    assert normalize_name("Dwayne “The Rock” Johnson") == "dwayne the rock johnson"
    assert normalize_name("The Rock") == "the rock"  # no article logic for people
    assert normalize_name("Sinéad O’Connor") == "sinead oconnor"


@pytest.mark.parametrize(
    ("query", "text", "year"),
    [
        ("Leaving Las Vegas", "leaving las vegas", None),
        ("Leaving Las Vegas 1995", "leaving las vegas", 1995),
        ("Leaving Las Vegas (1995)", "leaving las vegas", 1995),
        ("Leaving Las Vegas [1995]", "leaving las vegas", 1995),
        ("(1995) Leaving Las Vegas", "leaving las vegas", 1995),
        ("the rock 1996", "rock", 1996),
        ("Wicker Man, The (1973)", "wicker man", 1973),
        ("Wicker Man, The 1973", "wicker man", 1973),
        ("2012", "2012", None),
        ("1917", "1917", None),
        ("1917 (2019)", "1917", 2019),
        ("1917 2019", "1917", 2019),
        ("Gone in 60 Seconds", "gone in 60 seconds", None),
        ("Mandy 1700", "mandy 1700", None),  # not a plausible year
        ("Mandy 2500", "mandy 2500", None),
        ("Mandy 20188", "mandy 20188", None),
        ("leaving las vegas 1995 blu-ray", "leaving las vegas", 1995),
    ],
)
def test_parse_title_query_years(query: str, text: str, year: int | None) -> None:
    assert parse_title_query(query) == TitleQuery(text=text, year=year)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("con air blu-ray", "con air"),
        ("Con Air Blu Ray review", "con air"),
        ("con air bluray", "con air"),
        ("con air 4K", "con air"),
        ("mandy movie", "mandy"),
        ("the mandy film", "mandy"),
        ("pig dvd review", "pig"),
        ("blu-ray", "blu ray"),  # nothing else left: keep it
        ("movie", "movie"),
        ("review", "review"),
    ],
)
def test_parse_title_query_drops_filler_words(query: str, text: str) -> None:
    assert parse_title_query(query).text == text


def test_parse_title_query_literal_keeps_numbers_and_filler() -> None:
    assert parse_title_query("Death Race 2000", literal=True) == TitleQuery("death race 2000", None)
    assert parse_title_query("Scary Movie", literal=True).text == "scary movie"
    assert parse_title_query("1917 (2019)", literal=True) == TitleQuery("1917", 2019)


def test_title_query_is_frozen() -> None:
    query = parse_title_query("Mandy (2018)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.year = 2019  # type: ignore[misc]


def test_empty_query() -> None:
    assert parse_title_query("") == TitleQuery("", None)
    assert parse_title_query("(1995)") == TitleQuery("", 1995)


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("FACE/OFF (1997)", "face/off"),
        ("Face/Off  1997", "face/off"),
        ("face off", "face off"),
        ("2012", "2012"),  # a title that is a year stays
        ("Death Race 2000", "death race"),  # compared alike on both sides
    ],
)
def test_spelling_keeps_punctuation_and_drops_case_spaces_and_year(text: str, spelt: str) -> None:
    assert spelling(text) == spelt
