"""Message text -> Request, the way discord.py's command parser reads it (case-insensitive
names, a space after the prefix allowed), plus `!<name>` for people, and a message that
mentions the bot anywhere as a question (`@Popcorn who plays Sera in leaving las vegas?`,
`hey @Popcorn who directed con air`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers.commands import UNKNOWN_COMMAND, command_for
from bot.answers.text import clean_input
from bot.answers.types import Request

MAX_MESSAGE = 4000
#: How `popcorn chat` writes a mention of the bot.
CHAT_MENTION = "@Popcorn"
_AFTER_MENTION = re.compile(r"^[\s,:;\-–—]*")
_LEADING_PUNCTUATION = re.compile(r"^[\s,:;.!?\-–—]*")


def mention_question(text: str, mentions: str | Sequence[str] | None) -> str | None:
    """The question of a message that mentions the bot anywhere (None if it doesn't): what
    follows a mention at the start, else the message without the mention (`hey @Popcorn who
    directed con air` -> `hey who directed con air`)."""
    if not mentions:
        return None
    folded = text.casefold()
    for mention in (mentions,) if isinstance(mentions, str) else mentions:
        if not mention:
            continue
        key = mention.casefold()
        start = folded.find(key)
        while start != -1:
            end = start + len(key)
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                start = folded.find(key, end)  # "@Popcornfan" is someone else
                continue
            if start == 0:
                return _AFTER_MENTION.sub("", text[end:]).strip()
            rest = f"{text[:start].rstrip(' ,:;')} {_AFTER_MENTION.sub('', text[end:])}"
            return " ".join(rest.split())
    return None


def parse_command(
    text: str, prefix: str = "!", bot_mention: str | Sequence[str] | None = CHAT_MENTION
) -> Request | None:
    """None when the message is not addressed to the bot (no prefix, no mention at its start).

    `bot_mention`: how a mention of the bot is written (`<@123>` and `<@!123>` on Discord,
    `@Popcorn` in `popcorn chat`). A message that mentions the bot anywhere is a question
    (`ask`), unless the rest is itself a command (`@Popcorn !review con air`)."""
    text = clean_input(text[: MAX_MESSAGE * 2])
    question = mention_question(text, bot_mention)
    if question is not None:
        if question.startswith(prefix):
            command = parse_command(question, prefix, None)
            if command is not None and command.command != UNKNOWN_COMMAND:
                return command  # `@Popcorn !review con air`
        question = _LEADING_PUNCTUATION.sub("", question)
        return Request(command="ask", text=question, invoked_as="@")
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
