"""The member commands: one table that the text parser, `popcorn chat`, the Discord cogs and
the help all read, so a command is defined once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from bot.answers.context import AnswerContext
from bot.answers.films import buy_answer, cast_answer, review_answer, verdict_answer
from bot.answers.people import filmography_answer, unknown_command_answer
from bot.answers.search import search_answer
from bot.answers.types import Answer, ItemList, Request

Handler = Callable[[AnswerContext, Request], Awaitable[Answer]]
ArgumentKind = Literal["film", "person", "text", "none"]
UNKNOWN_COMMAND = "_person"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    summary: str
    example: str
    argument: ArgumentKind
    handler: Handler
    aliases: tuple[str, ...] = ()


async def help_answer(ctx: AnswerContext, request: Request) -> Answer:
    lines = [
        f"`{ctx.prefix}{spec.example}` — {spec.summary}"
        + (f" (also `{'`, `'.join(ctx.prefix + a for a in spec.aliases)}`)" if spec.aliases else "")
        for spec in COMMANDS
    ]
    lines.append(f"`{ctx.prefix}cage` — any person's name as a command shows their filmography")
    return ItemList(
        title="Popcorn commands",
        items=tuple(lines),
        intro="Film and person names can be typed loosely: typos, missing articles and a year "
        "(`1995` or `(1995)`) are fine.",
        page_size=25,
    )


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "review",
        "the rating card: ratings, verdict, pros and cons, where to buy",
        "review leaving las vegas",
        "film",
        review_answer,
        aliases=("film", "card"),
    ),
    CommandSpec(
        "verdict",
        "the one-line verdict and the ratings",
        "verdict leaving las vegas",
        "film",
        verdict_answer,
    ),
    CommandSpec(
        "cast",
        "the cast in billing order, with characters",
        "cast leaving las vegas",
        "film",
        cast_answer,
    ),
    CommandSpec(
        "buy",
        "where to buy the Blu-ray",
        "buy leaving las vegas",
        "film",
        buy_answer,
        aliases=("shop",),
    ),
    CommandSpec(
        "filmography",
        "a person's films, reviewed or not",
        "filmography elisabeth shue",
        "person",
        filmography_answer,
        aliases=("films", "person"),
    ),
    CommandSpec(
        "search",
        "films and people whose names look like the text",
        "search vegas",
        "text",
        search_answer,
    ),
    CommandSpec("help", "this list", "help", "none", help_answer, aliases=("commands",)),
)

BY_NAME: dict[str, CommandSpec] = {}
for _spec in COMMANDS:
    for _name in (_spec.name, *_spec.aliases):
        if _name in BY_NAME:
            raise RuntimeError(f"two commands are called {_name!r}")
        BY_NAME[_name] = _spec
FALLBACK = CommandSpec(
    UNKNOWN_COMMAND, "a person's filmography", "cage", "person", unknown_command_answer
)


def command_for(name: str) -> CommandSpec | None:
    return BY_NAME.get(name.casefold())


async def answer_request(ctx: AnswerContext, request: Request) -> Answer:
    spec = BY_NAME.get(request.command, FALLBACK)
    return await spec.handler(ctx, request)


__all__ = ["BY_NAME", "COMMANDS", "CommandSpec", "answer_request", "command_for"]
