"""What moderators type (bot/answers/moderation/arguments.py): field names, values, a quoted
value at the end, and a film that is never guessed."""

from __future__ import annotations

from bot.answers.moderation.arguments import (
    EDITABLE,
    FIELD_ALIASES,
    PATH_NAMES,
    field_name,
    list_change,
    list_hint,
    parse_value,
    split_quoted,
)
from bot.answers.types import Notice, Tone
from bot.app import Popcorn
from tests.answers.moderation.helpers import say


def test_field_names_and_aliases() -> None:
    assert field_name("audio") == "audio" and field_name(" Score ") == "rating"
    assert field_name("colour") is None
    assert all(target in EDITABLE for target in FIELD_ALIASES.values())
    assert PATH_NAMES["review.ratings.film"] == "rating" and PATH_NAMES["film.cast"] == "cast"


def test_values() -> None:
    assert parse_value(' "A masterpiece" ', "text") == "A masterpiece"
    assert parse_value("“curly”", "text") == "curly"
    assert parse_value("a; b;;c", "list") == ["a", "b", "c"]
    assert parse_value("clear", "list") == [] and parse_value("-", "text") is None


def test_list_changes() -> None:
    assert list_change("+Great sound") == ("add", ["Great sound"])
    assert list_change("+Great sound; +Cage") == ("add", ["Great sound", "Cage"])
    assert list_change('-"The car chase"') == ("remove", ["The car chase"])
    assert list_change("−Dated effects") == ("remove", ["Dated effects"])  # the reply's minus
    assert list_change("= Cage; Shue") == ("replace", ["Cage", "Shue"])
    assert list_change("=none") == ("replace", []) and list_change("clear") == ("replace", [])
    assert list_change("The car chase") is None and list_change("+") is None


def test_the_list_hint_shows_the_three_forms() -> None:
    assert list_hint("cons", "Dated") == (
        "cons is a list: `cons +Dated` adds, `cons -Dated` removes, "
        "`cons = Dated; …` replaces the whole list."
    )


def test_a_quoted_value_at_the_end() -> None:
    assert split_quoted('leaving las vegas "Ed Lauter as Hitman"') == (
        "leaving las vegas",
        "Ed Lauter as Hitman",
    )
    assert split_quoted("face off “faceoff”") == ("face off", "faceoff")
    assert split_quoted("leaving las vegas Ed Lauter") is None


async def test_a_change_never_goes_ahead_on_a_guess(app: Popcorn) -> None:
    answer = await say(app, "!review set face audio GOOD")  # Face/Off, found loosely
    assert isinstance(answer, Notice), answer
    assert answer.tone is Tone.WARNING
    assert answer.text == (
        "I couldn't find a film called “face”. Did you mean **Face/Off (1997)**? "
        "Type it again with the exact title or the year."
    )


async def test_a_year_that_matches_no_film_is_said_once(app: Popcorn) -> None:
    answer = await say(app, "!review set leaving las vagas 1996 audio GOOD")
    assert isinstance(answer, Notice), answer
    assert answer.text == (
        "No film from 1996 matches “leaving las vagas 1996”. There is one from 1995. "
        "Did you mean **Leaving Las Vegas (1995)**? Type it again with the exact title or the year."
    )
