"""The member commands: one table that the text parser, `popcorn chat`, the Discord cogs and
the help all read, so a command is defined once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Literal

from bot.answers.context import AnswerContext
from bot.answers.films import buy_answer, cast_answer, review_answer, verdict_answer
from bot.answers.moderation import catalogue, corrections, form_edit, people, reviews, source, undo
from bot.answers.moderation.access import may_moderate, refusal
from bot.answers.moderation.exporting import export_answer
from bot.answers.moderation.settings import announce_answer, modlog_answer, modrole_answer
from bot.answers.people import filmography_answer, unknown_command_answer
from bot.answers.progress import progress_answer
from bot.answers.questions import ask_answer
from bot.answers.rankings import (
    latest_answer,
    random_answer,
    stats_answer,
    top_answer,
    worst_answer,
)
from bot.answers.reading import read_answer
from bot.answers.resolve import with_understood
from bot.answers.search import search_answer
from bot.answers.types import Answer, ItemList, Request
from bot.search import MatchStatus

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
    moderator: bool = False  # moderators only (and not in DMs): checked by answer_request
    owner: bool = False  # of those, the server owner's only (modrole, modlog)
    parent: str | None = None  # `review add`: a sub-command of `review`

    @property
    def words(self) -> str:
        """How it is typed after the prefix: `review add`."""
        return f"{self.parent} {self.name}" if self.parent else self.name


def help_line(prefix: str, spec: CommandSpec) -> str:
    also = f" (also `{'`, `'.join(prefix + a for a in spec.aliases)}`)" if spec.aliases else ""
    return f"`{prefix}{spec.example}` — {spec.summary}{also}"


async def help_answer(ctx: AnswerContext, request: Request) -> Answer:
    lines = [help_line(ctx.prefix, spec) for spec in COMMANDS]
    lines.append(
        f"`{ctx.prefix}cage` — any person's name as a command shows their filmography "
        f"(`{ctx.prefix}cage reviewed`, `{ctx.prefix}cage unreviewed`, `{ctx.prefix}cage 90s`)"
    )
    if request.actor is not None and request.actor.is_moderator:
        lines.append("**Moderators**")
        lines.extend(help_line(ctx.prefix, spec) for spec in MODERATOR_COMMANDS)
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
        "read",
        "the review itself, a part a page; add a part to open at it (acting, audio, extras…)",
        "read leaving las vegas acting",
        "film",
        read_answer,
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
        "a person's films, reviewed first; add reviewed, unreviewed, 1990s or 1997",
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
    CommandSpec(
        "ask",
        "a question in plain English (or mention me with one)",
        "ask who plays Sera in leaving las vegas?",
        "text",
        ask_answer,
    ),
    CommandSpec(
        "top",
        "the best-rated reviews, by film, picture, audio or extras",
        "top audio 5",
        "text",
        top_answer,
    ),
    CommandSpec(
        "worst",
        "the lowest-rated reviews, by film, picture, audio or extras",
        "worst picture",
        "text",
        worst_answer,
    ),
    CommandSpec("random", "a reviewed film picked at random", "random", "none", random_answer),
    CommandSpec("latest", "the newest reviews", "latest 5", "text", latest_answer),
    CommandSpec(
        "stats",
        "counts by rating, by genre and reviews per year",
        "stats",
        "none",
        stats_answer,
    ),
    CommandSpec(
        "progress",
        "how far the reviews have got through the project's filmography",
        "progress",
        "text",
        progress_answer,
    ),
    CommandSpec("help", "this list", "help", "none", help_answer, aliases=("commands",)),
)

MODERATOR_COMMANDS: tuple[CommandSpec, ...] = tuple(
    CommandSpec(
        name, summary, example, "text", handler,
        moderator=True, owner=owner, parent=parent,
    )
    for parent, name, summary, example, handler, owner in (
        ("review", "add", "add a review: attach a record file or a review article",
         "review add (with the file attached)", reviews.add_answer, False),
        ("review", "new", "add a review from the quick-entry form (title, year, verdict, ratings)",
         "review new Mandy | 2018 | Bonkers | film 9, audio GOOD | pros: Cage",
         reviews.new_answer, False),
        ("review", "set", "change one field of a review", "review set leaving las vegas audio GOOD",
         corrections.set_answer, False),
        ("review", "cast", "add, remove, fix (set) or move a cast member in place",
         'review cast add leaving las vegas "Ed Lauter as Hitman"', corrections.cast_answer,
         False),
        ("review", "link", "add or remove a purchase link",
         'review link add leaving las vegas "https://www.amazon.co.uk/dp/B01… Amazon UK"',
         corrections.link_answer, False),
        ("review", "remove", "remove a review (it can be restored)",
         "review remove leaving las vegas", reviews.remove_answer, False),
        ("review", "restore", "bring a removed review back", "review restore leaving las vegas",
         reviews.restore_answer, False),
        ("review", "history", "who changed what, and when", "review history leaving las vegas",
         reviews.history_answer, False),
        ("review", "undo", "undo a film's last change (or history entry n), after a preview",
         "review undo leaving las vegas", undo.undo_answer, False),
        ("review", "source", "the film's record as a file, to edit and send back with add replace",
         "review source leaving las vegas", source.source_answer, False),
        ("review", "edit", "change the verdict, ratings, pros and cons in one form",
         "review edit leaving las vegas | verdict: … | pros: …", form_edit.edit_answer, False),
        ("person", "rename", "correct a person's name everywhere",
         "person rename Nicholas Cage = Nicolas Cage", people.rename_answer, False),
        ("person", "merge", "merge a misspelt person into the right one (credits move)",
         "person merge Nicholas Cage into Nicolas Cage", people.merge_answer, False),
        ("film", "merge", "merge a duplicate film (no review) into the right one",
         "film merge face off 1996 into face/off", catalogue.merge_answer, False),
        ("film", "remove", "remove a film that has no review (a slip)",
         "film remove face off 1996", catalogue.remove_answer, False),
        (None, "alias", "add or remove another name for a film", 'alias add face off "faceoff"',
         corrections.alias_answer, False),
        (None, "export", "the whole database as a zip backup (restore: popcorn import the zip)",
         "export", export_answer, False),
        (None, "modrole", "moderator roles (the server owner changes them)",
         "modrole add @Reviewers", modrole_answer, False),
        (None, "modlog", "server owner: the mod-log channel", "modlog #mod-log",
         modlog_answer, True),
        (None, "announce", "where new reviews are posted", "announce #new-reviews",
         announce_answer, False),
    )
)  # fmt: skip

BY_NAME: dict[str, CommandSpec] = {}
for _spec in COMMANDS + MODERATOR_COMMANDS:
    for _name in (_spec.words, *_spec.aliases):
        if _name in BY_NAME:
            raise RuntimeError(f"two commands are called {_name!r}")
        BY_NAME[_name] = _spec
#: Sub-commands by the word they follow: `review` (and its aliases), `person`, `film`.
SUBCOMMANDS: dict[str, set[str]] = {}
for _spec in MODERATOR_COMMANDS:
    if _spec.parent:
        SUBCOMMANDS.setdefault(_spec.parent, set()).add(_spec.name)
FALLBACK = CommandSpec(
    UNKNOWN_COMMAND, "a person's filmography", "cage", "person", unknown_command_answer
)


def command_for(name: str, rest: str = "") -> tuple[CommandSpec, str] | None:
    """The command typed as `name rest...` and the text after it (`review add x` -> add, x)."""
    name = name.casefold()
    spec = BY_NAME.get(name)
    if spec is None:
        return None
    sub, _, after = rest.partition(" ")
    # `person rename` and `film merge` are their own sub-commands, although `person` and `film`
    # are aliases (of filmography and review); `card add` is `review add`.
    for parent in (name, spec.name):
        if sub.casefold() in SUBCOMMANDS.get(parent, ()):
            return BY_NAME[f"{parent} {sub.casefold()}"], after.strip()
    return spec, rest


#: What a title that starts with a sub-command's name may match to be read as the title.
_TITLE_MATCH = (MatchStatus.FOUND, MatchStatus.AMBIGUOUS, MatchStatus.YEAR_MISMATCH)


def _title_typed(ctx: AnswerContext, spec: CommandSpec, request: Request) -> str | None:
    """The title when `!<parent> <sub> <text>` names a film rather than the sub-command: for a
    member (who cannot moderate) whenever the words match a film; for a moderator only
    `review new` typed without the form's `|` separators (`!review new jack city`)."""
    if request.form or request.attachments:
        return None
    typed_title = spec.name == "new" and bool(request.text) and "|" not in request.text
    if may_moderate(request.actor) and not typed_title:
        return None
    title = f"{spec.name} {request.text}".strip()
    if BY_NAME[spec.parent or ""].argument == "person":  # `!person merge…`: a person's name?
        return title if ctx.index.find_person(title).status in _TITLE_MATCH else None
    return title if ctx.index.find_film(title).status in _TITLE_MATCH else None


async def answer_request(ctx: AnswerContext, request: Request) -> Answer:
    spec = BY_NAME.get(request.command, FALLBACK)
    if spec.parent and (title := _title_typed(ctx, spec, request)) is not None:
        # A member's `!review history of violence`, anyone's `!review new jack city`: a film
        # whose title starts with a sub-command's name, not the moderator command.
        parent = BY_NAME[spec.parent]
        spec, request = parent, replace(request, command=parent.name, text=title)
    # Moderator and owner commands: the rights are checked here, once, for every handler.
    if spec.moderator and (denied := refusal(request.actor, owner=spec.owner)) is not None:
        return denied
    # A film or person found loosely is said in one line above the answer.
    return with_understood(ctx, await spec.handler(ctx, request))


__all__ = [
    "BY_NAME",
    "COMMANDS",
    "MODERATOR_COMMANDS",
    "CommandSpec",
    "answer_request",
    "command_for",
]
