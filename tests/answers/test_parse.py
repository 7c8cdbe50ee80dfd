"""Message text -> Request (bot.answers.parse.parse_command): commands, prefixes, invisible
characters, and a mention of the bot (a question)."""

from __future__ import annotations

import pytest

from bot.answers.commands import (
    UNKNOWN_COMMAND,
)
from bot.answers.parse import MAX_MESSAGE, parse_command
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
    # The message is cut to MAX_MESSAGE * 2 (8000) characters before cleaning: a command after
    # 10,000 spaces is cut off, one that ends within the first 8000 characters is read.
    assert MAX_MESSAGE * 2 == 8000
    assert parse_command(" " * 10_000 + "!review x") is None
    within = " " * (8000 - len("!review x")) + "!review x"
    assert parse_command(within) == Request(command="review", text="x", invoked_as="review")
    assert parse_command(" " + within) == Request(command="review", invoked_as="review")


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


# --- a mention of the bot: a question -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("@Popcorn who plays Sera in leaving las vegas?", "who plays Sera in leaving las vegas?"),
        ("@popcorn, who directed con air", "who directed con air"),
        ("  @Popcorn: hi", "hi"),
        ("@Popcorn", ""),
        ("@Popcorn   ", ""),
    ],
)
def test_a_message_starting_with_the_mention_is_a_question(text: str, question: str) -> None:
    request = parse_command(text)
    assert request is not None
    assert (request.command, request.text) == ("ask", question)


def test_discord_mentions_and_what_is_not_a_mention() -> None:
    forms = ("<@42>", "<@!42>")
    assert parse_command("<@42> who directed con air", "!", forms) == Request(
        "ask", "who directed con air", invoked_as="@"
    )
    assert parse_command("<@!42> hi", "!", forms).text == "hi"  # type: ignore[union-attr]
    assert parse_command("<@43> who directed con air", "!", forms) is None  # someone else
    assert parse_command("@Popcorn hi", "!", forms) is None  # on Discord, text is not a mention
    assert parse_command("@Popcornfan hi") is None
    # Members mention bots mid-sentence: the message is a question, without the mention.
    assert parse_command("hey @Popcorn who directed con air") == Request(
        "ask", "hey who directed con air", invoked_as="@"
    )
    assert parse_command("who directed con air <@!42> ?", "!", forms) == Request(
        "ask", "who directed con air ?", invoked_as="@"
    )
    assert parse_command("ask @Popcornfan about it") is None
    command = parse_command("@Popcorn !cast con air")
    assert command is not None and (command.command, command.text) == ("cast", "con air")
