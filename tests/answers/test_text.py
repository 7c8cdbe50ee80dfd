"""The text helpers (bot/answers/text.py): a member's own words echoed back are made safe;
clipping, cleaning, labels, lists and plurals."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answers.text import (
    ELLIPSIS,
    clean_input,
    clip,
    echo,
    emphasised,
    film_label,
    human_date,
    human_list,
    plural,
)
from bot.answers.types import Answer, Card, Choices, ItemList
from bot.app import Popcorn
from tests.helpers import answered as ask


def all_text(answer: Answer) -> str:
    if isinstance(answer, Card):
        parts = [answer.title, answer.description or "", answer.footer or ""]
        parts += [f"{f.name} {f.value}" for f in answer.fields]
        return "\n".join(parts)
    if isinstance(answer, ItemList):
        return "\n".join([answer.title, answer.intro or "", *answer.items])
    if isinstance(answer, Choices):
        return "\n".join([answer.prompt, *(c.label for c in answer.choices)])
    return answer.text


async def test_member_text_is_defused_when_echoed(app: Popcorn) -> None:
    answer = await ask(app, "!review @everyone **bold** qzxv")
    text = all_text(answer)
    assert "@everyone" not in text
    assert "**bold**" not in text


# --- the helpers themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "clipped"),
    [("abc", 3, "abc"), ("abcdef", 4, "abc…"), ("ab   cdef", 4, "ab…"), ("abc", 0, "…")],
)
def test_clip_ends_in_an_ellipsis_only_when_it_cuts(text: str, limit: int, clipped: str) -> None:
    assert clip(text, limit) == clipped


def test_clean_input_keeps_one_line_without_invisible_characters() -> None:
    assert clean_input("\u200bleaving\tlas\nvegas\x00\u202e ") == "leaving las vegas"
    assert clean_input("Ame\u0301lie") == "Amélie"  # NFC: one code point for é
    assert len(clean_input("Ame\u0301lie")) == 6


def test_echo_defuses_markdown_and_mentions() -> None:
    assert echo("@everyone **bold** `x`") == "@\u200beveryone \\*\\*bold\\*\\* \\`x\\`"
    assert echo("y" * 100) == "y" * 79 + ELLIPSIS
    assert echo("<@123>", limit=3) == "<@\u200b…"


def test_emphasised_keeps_a_title_whole() -> None:
    assert emphasised("Face/Off (1997)") == "*Face/Off (1997)*"
    assert emphasised("Star*Wars_") == "*Star\\*Wars\\_*"


def test_film_label_shortens_the_title_never_the_year() -> None:
    assert film_label("Face/Off", 1997) == "Face/Off (1997)"
    assert film_label("Face/Off", None) == "Face/Off"
    assert film_label("A very long title indeed", 1997, limit=15) == "A very… (1997)"


def test_lists_dates_and_plurals_in_words() -> None:
    assert human_list([]) == ""
    assert human_list(["a"]) == "a"
    assert human_list(["a", "b", "c"]) == "a, b and c"
    assert human_list(["a", "b"], "or") == "a or b"
    assert human_date(dt.date(2016, 7, 4)) == "4 July 2016"
    assert human_date(None) is None
    assert [plural(n, "film") for n in (0, 1, 2)] == ["0 films", "1 film", "2 films"]
    assert plural(2, "person", "people") == "2 people"
