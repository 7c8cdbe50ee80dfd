"""Message text -> Request (bot.answers.parse.parse_command) and the command table."""

from __future__ import annotations

import re

import pytest

from bot.answers.commands import (
    BY_NAME,
    COMMANDS,
    MODERATOR_COMMANDS,
    UNKNOWN_COMMAND,
    CommandSpec,
    command_for,
)
from bot.answers.parse import parse_command
from bot.answers.types import Request


@pytest.mark.parametrize(
    "text",
    [
        "!review leaving las vegas",
        "!Review leaving las vegas",
        "!REVIEW leaving las vegas",
        "! review leaving las vegas",
        "!review    leaving   las    vegas   ",
        "   !review leaving las vegas",
        "!review\tleaving\nlas vegas",
    ],
)
def test_review_spellings(text: str) -> None:
    request = parse_command(text)
    assert request is not None
    assert request.command == "review"
    assert request.text == "leaving las vegas"
    assert request.film_id is None and request.person_id is None


def test_invoked_as_keeps_what_was_typed() -> None:
    request = parse_command("!REVIEW x")
    assert request == Request(command="review", text="x", invoked_as="REVIEW")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("!film leaving las vegas", "review"),
        ("!card leaving las vegas", "review"),
        ("!shop leaving las vegas", "buy"),
        ("!films leaving las vegas", "filmography"),
        ("!person leaving las vegas", "filmography"),
        ("!verdict leaving las vegas", "verdict"),
        ("!cast leaving las vegas", "cast"),
        ("!buy leaving las vegas", "buy"),
        ("!filmography leaving las vegas", "filmography"),
        ("!search leaving las vegas", "search"),
    ],
)
def test_names_and_aliases(text: str, command: str) -> None:
    request = parse_command(text)
    assert request is not None
    assert (request.command, request.text) == (command, "leaving las vegas")


@pytest.mark.parametrize("text", ["!help", "!commands", "!HELP", "!", " ! ", "!   "])
def test_help(text: str) -> None:
    request = parse_command(text)
    assert request is not None
    assert request.command == "help"
    assert request.text == ""


@pytest.mark.parametrize(
    ("text", "person"),
    [("!cage", "cage"), ("!nic cage", "nic cage"), ("!Elisabeth  Shue", "Elisabeth Shue")],
)
def test_unknown_command_is_a_person_request(text: str, person: str) -> None:
    request = parse_command(text)
    assert request is not None
    assert request.command == UNKNOWN_COMMAND
    assert request.text == person
    assert request.invoked_as == person.split()[0]


@pytest.mark.parametrize(
    "text",
    ["hello", "review leaving las vegas", "", "   ", "!!!", "!?", "! ?!", "?review x", "x!review"],
)
def test_not_for_the_bot(text: str) -> None:
    assert parse_command(text) is None


def test_ten_thousand_characters() -> None:
    text = "!review " + "a" * 10_000
    request = parse_command(text)
    assert request is not None
    assert request.command == "review"
    assert set(request.text) == {"a"}
    assert len(request.text) <= 10_000


def test_ten_thousand_spaces_then_command() -> None:
    # the message is cut before cleaning; it must not crash either way
    parse_command(" " * 10_000 + "!review x")


@pytest.mark.parametrize(
    "text",
    [
        "\u200b!review leaving las vegas",  # zero-width space before the prefix
        "\u200f!review leaving las vegas",  # right-to-left mark
        "\u202e!review leaving las vegas\u202c",  # RTL override
        "\u2066!review leaving las vegas\u2069",  # isolate
        "\ufeff!review leaving las vegas",  # BOM / zero-width no-break space
        "!review\x00leaving las vegas",
        "!review leaving\u200b las\u200e vegas\x07",
    ],
)
def test_invisible_and_control_characters(text: str) -> None:
    request = parse_command(text)
    assert request is not None
    assert request.command == "review"
    assert request.text == "leaving las vegas"


def test_zero_width_inside_the_command_name() -> None:
    request = parse_command("!rev\u200biew leaving las vegas")
    assert request is not None
    assert request.command == "review"
    assert request.text == "leaving las vegas"


@pytest.mark.parametrize("prefix", ["?", "pc!", "$$"])
def test_custom_prefix(prefix: str) -> None:
    request = parse_command(f"{prefix}review leaving las vegas", prefix)
    assert request is not None
    assert (request.command, request.text) == ("review", "leaving las vegas")
    assert parse_command("!review leaving las vegas", prefix) is None
    assert parse_command(prefix, prefix) == Request(command="help", invoked_as="")
    cage = parse_command(f"{prefix}cage", prefix)
    assert cage is not None and cage.command == UNKNOWN_COMMAND


def test_default_prefix_is_bang() -> None:
    assert parse_command("?review x") is None
    assert parse_command("!review x") is not None


# --- the command table --------------------------------------------------------------------

ALL_SPECS = COMMANDS + MODERATOR_COMMANDS


def typed_names(spec: CommandSpec) -> list[str]:
    """How a command can be typed after the prefix: `review`, `film`, `review add`..."""
    return [spec.words, *(f"{spec.parent} {a}" if spec.parent else a for a in spec.aliases)]


def test_no_two_commands_share_a_name_or_alias() -> None:
    names = [name.casefold() for spec in ALL_SPECS for name in typed_names(spec)]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert duplicates == []
    assert set(names) == set(BY_NAME)


def test_no_member_command_alias_is_another_commands_name() -> None:
    top_level = [
        name.casefold() for spec in ALL_SPECS if spec.parent is None for name in typed_names(spec)
    ]
    assert len(top_level) == len(set(top_level))


def test_command_names_fit_slash_commands() -> None:
    for spec in ALL_SPECS:
        for name in (spec.name, *spec.aliases):
            assert re.fullmatch(r"[a-z0-9_-]{1,32}", name), name
        assert 1 <= len(spec.summary) <= 100, spec.name


def test_every_name_and_alias_parses_to_its_command() -> None:
    for spec in ALL_SPECS:
        for name in typed_names(spec):
            request = parse_command(f"!{name.upper()} something")
            assert request is not None, name
            assert request.command == spec.words, name
            assert request.text == "something"


def test_member_commands_are_not_moderator_commands() -> None:
    assert not any(spec.moderator for spec in COMMANDS)
    assert all(spec.moderator for spec in MODERATOR_COMMANDS)
    request = parse_command("!cast leaving las vegas")
    assert request is not None
    assert request.command == "cast"


def test_the_fallback_is_not_a_command() -> None:
    assert UNKNOWN_COMMAND not in BY_NAME
    assert command_for(UNKNOWN_COMMAND) is None
    request = parse_command(f"!{UNKNOWN_COMMAND} cage")
    assert request is not None
    assert request.command == UNKNOWN_COMMAND
