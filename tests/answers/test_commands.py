"""The command table and dispatch (bot/answers/commands.py): `!help`, unknown commands, empty
and too long arguments."""

from __future__ import annotations

import re
from pathlib import Path

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
from bot.answers.types import Actor, ItemList, Notice, Request, Tone
from bot.app import Popcorn
from tests.helpers import answered as ask
from tests.helpers import make_settings


async def test_unknown_command_hints_at_help(app: Popcorn) -> None:
    answer = await ask(app, "!xyzzyq")
    assert answer == Notice(
        "I don't know the command `!xyzzyq`. Type `!help` for the list of commands.", Tone.WARNING
    )


@pytest.mark.parametrize("text", ["!help", "!commands", "!"])
async def test_help_lists_every_command(app: Popcorn, text: str) -> None:
    answer = await ask(app, text)
    assert isinstance(answer, ItemList)
    listed = "\n".join(answer.items)
    for spec in COMMANDS:
        assert f"`!{spec.example}`" in listed, spec.name
        assert spec.summary in listed
        for alias in spec.aliases:
            assert f"`!{alias}`" in listed, alias
    assert "`!cage`" in listed
    assert len(answer.items) <= answer.page_size  # one page


async def test_help_uses_the_configured_prefix(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'prefix.sqlite3'}"
    app = await Popcorn.start(make_settings(url, POPCORN_PREFIX="?"), seed=False)
    try:
        assert await app.answer_text("!help") is None
        answer = await ask(app, "?help")
        assert isinstance(answer, ItemList)
        assert "`?review leaving las vegas`" in answer.items[0]
        assert all("`!" not in item for item in answer.items)
    finally:
        await app.close()


# --- bad arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("!review", "Which film?"),
        ("!verdict", "Which film?"),
        ("!cast", "Which film?"),
        ("!buy", "Which film?"),
        ("!filmography", "Who?"),
        ("!search", "Search for what?"),
    ],
)
async def test_empty_argument_asks(app: Popcorn, text: str, asks: str) -> None:
    answer = await ask(app, text)
    assert isinstance(answer, Notice)
    assert answer.tone is Tone.WARNING
    assert answer.text.startswith(asks)
    assert f"`{text}" in answer.text  # an example of the same command


@pytest.mark.parametrize("command", ["review", "verdict", "cast", "buy", "filmography", "search"])
async def test_ten_thousand_character_argument(app: Popcorn, command: str) -> None:
    answer = await ask(app, f"!{command} " + "x" * 10_000)
    assert isinstance(answer, Notice)
    assert answer.tone is Tone.ERROR
    assert "too long" in answer.text
    assert len(answer.text) < 200


async def test_ten_thousand_character_command(app: Popcorn) -> None:
    answer = await ask(app, "!" + "x" * 10_000)
    # the name is echoed clipped to 40 characters (its last an ellipsis), the rest as for any
    # unknown command
    assert answer == Notice(
        f"I don't know the command `!{'x' * 39}…`. Type `!help` for the list of commands.",
        Tone.WARNING,
    )


async def test_help_for_a_moderator_lists_the_moderator_commands(app: Popcorn) -> None:
    moderator = Actor(id=1, name="mod", is_moderator=True, guild_id=10)
    answer = await app.answer(Request(command="help", actor=moderator))
    assert isinstance(answer, ItemList)
    listed = "\n".join(answer.items)
    for spec in MODERATOR_COMMANDS:
        assert f"`!{spec.example}`" in listed, spec.words
    member = await ask(app, "!help")
    assert isinstance(member, ItemList)
    assert all(f"`!{spec.example}`" not in "\n".join(member.items) for spec in MODERATOR_COMMANDS)


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


def test_no_two_commands_share_a_name() -> None:
    names = [n for spec in COMMANDS for n in (spec.name, *spec.aliases)]
    assert len(names) == len(set(names))
