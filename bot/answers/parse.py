"""Message text -> Request, the way discord.py's command parser reads it (case-insensitive
names, a space after the prefix allowed), plus `!<name>` for people."""

from __future__ import annotations

from bot.answers.commands import UNKNOWN_COMMAND, command_for
from bot.answers.text import clean_input
from bot.answers.types import Request

MAX_MESSAGE = 4000


def parse_command(text: str, prefix: str = "!") -> Request | None:
    """None when the message is not addressed to the bot (no prefix)."""
    text = clean_input(text[: MAX_MESSAGE * 2])
    if not text.startswith(prefix):
        return None
    body = text[len(prefix) :].strip()
    if not body:
        return Request(command="help", invoked_as="")
    name, _, rest = body.partition(" ")
    if not any(ch.isalnum() for ch in name):
        return None  # "!!!", "!?": punctuation, not a command
    found = command_for(name, rest.strip())
    if found is not None:
        spec, argument = found
        return Request(command=spec.words, text=argument, invoked_as=name)
    return Request(command=UNKNOWN_COMMAND, text=body, invoked_as=name)
