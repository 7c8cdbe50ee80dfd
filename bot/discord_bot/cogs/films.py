"""The member commands, prefix and slash from one definition each (hybrid commands).

Names, aliases and descriptions come from bot.answers.commands, the table `popcorn chat` and
the help also read. Slash options that name a film or a person autocomplete; the value sent
back is the record's id (`#123`), so two films of the same title stay apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.commands import BY_NAME
from bot.answers.parse import parse_command
from bot.answers.text import clip, film_label
from bot.answers.types import Request
from bot.discord_bot import limits

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

ID_VALUE = re.compile(r"^#(\d{1,12})$")
FILM_HELP = "The film's title (typos are fine); add a year for remakes"
PERSON_HELP = "A name or just a surname"
QUESTION_HELP = "e.g. who plays Sera in leaving las vegas? / which film has the best audio?"
ASPECT_HELP = "Rank by the film rating or the Blu-ray's picture, audio or extras"
COUNT_HELP = "How many films to list (1 to 25)"
SECTION_HELP = "The part of the review to open at (default: the start)"
SECTION_CHOICES = [
    app_commands.Choice(name=name, value=name)
    for name in ("intro", "synopsis", "direction", "music", "acting", "conclusion", "blu-ray",
                 "extras", "verdict", "pros", "recommendation")
]  # fmt: skip
ASPECT_CHOICES = [
    app_commands.Choice(name=name, value=name) for name in ("film", "picture", "audio", "extras")
]


def spec(name: str) -> dict[str, Any]:
    """hybrid_command(...) arguments from the command table."""
    command = BY_NAME[name]
    return {
        "name": command.name,
        "aliases": list(command.aliases),
        "description": clip(command.summary, 100),
        "help": f"{command.summary}. Example: {command.example}",
    }


def film_request(command: str, value: str) -> Request:
    """A typed title, or `#id` from autocomplete."""
    value = value.strip()
    if match := ID_VALUE.match(value):
        return Request(command, film_id=int(match.group(1)))
    return Request(command, value)


def person_request(command: str, value: str) -> Request:
    value = value.strip()
    if match := ID_VALUE.match(value):
        return Request(command, person_id=int(match.group(1)))
    return Request(command, value)


def typed_request(ctx: commands.Context[Any], command: str, *values: object) -> Request:
    """The request for a command with optional arguments: a prefix command's own text (so
    `!top 5 audio` reads like `popcorn chat` reads it), a slash command's options."""
    if ctx.interaction is None:
        parsed = parse_command(ctx.message.content, ctx.prefix or "!", None)
        if parsed is not None and parsed.command == command:
            return Request(command, parsed.text)
    return Request(command, " ".join(str(v) for v in values if v is not None))


def member_cooldown() -> Any:
    return commands.dynamic_cooldown(_cooldown_for, commands.BucketType.member)


def _cooldown_for(ctx: commands.Context[Any]) -> commands.Cooldown:
    settings = ctx.bot.settings
    return commands.Cooldown(settings.cooldown_rate, settings.cooldown_seconds)


class Films(commands.Cog):
    """Reviews, casts, verdicts, shops, filmographies and search."""

    def __init__(self, bot: PopcornBot) -> None:
        self.bot = bot

    # Autocomplete: labels "Title (year)" under 100 characters, values the record id.
    async def film_choices(
        self, _interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        index = self.bot.core.index
        return [
            app_commands.Choice(
                name=film_label(c.doc.title, c.doc.year, limits.CHOICE_NAME - 1),
                value=f"#{c.doc.id}",
            )
            for c in index.suggest_films(current[:100], limits.AUTOCOMPLETE_CHOICES)
        ]

    async def person_choices(
        self, _interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        index = self.bot.core.index
        return [
            app_commands.Choice(name=clip(c.doc.name, limits.CHOICE_NAME - 1), value=f"#{c.doc.id}")
            for c in index.suggest_people(current[:100], limits.AUTOCOMPLETE_CHOICES)
        ]

    @commands.hybrid_command(**spec("review"))
    @app_commands.describe(film=FILM_HELP)
    @member_cooldown()
    async def review(self, ctx: commands.Context[Any], *, film: str) -> None:
        await self.bot.respond(ctx, film_request("review", film))

    @commands.hybrid_command(**spec("verdict"))
    @app_commands.describe(film=FILM_HELP)
    @member_cooldown()
    async def verdict(self, ctx: commands.Context[Any], *, film: str) -> None:
        await self.bot.respond(ctx, film_request("verdict", film))

    @commands.hybrid_command(**spec("cast"))
    @app_commands.describe(film=FILM_HELP)
    @member_cooldown()
    async def cast(self, ctx: commands.Context[Any], *, film: str) -> None:
        await self.bot.respond(ctx, film_request("cast", film))

    @commands.hybrid_command(**spec("buy"))
    @app_commands.describe(film=FILM_HELP)
    @member_cooldown()
    async def buy(self, ctx: commands.Context[Any], *, film: str) -> None:
        await self.bot.respond(ctx, film_request("buy", film))

    @commands.hybrid_command(**spec("read"))
    @app_commands.describe(film=FILM_HELP, section=SECTION_HELP)
    @app_commands.choices(section=SECTION_CHOICES)
    @member_cooldown()
    async def read(
        self, ctx: commands.Context[Any], *, film: str, section: str | None = None
    ) -> None:
        # A prefix command's text is all `film` (`!read leaving las vegas acting`): the
        # answer splits off the part. A slash command's part is an option of its own.
        request = film_request("read", film)
        if section:
            text = section if request.film_id is not None else f"{request.text} {section}"
            request = Request("read", text.strip(), film_id=request.film_id)
        await self.bot.respond(ctx, request)

    @commands.hybrid_command(**spec("filmography"))
    @app_commands.describe(person=PERSON_HELP)
    @member_cooldown()
    async def filmography(self, ctx: commands.Context[Any], *, person: str) -> None:
        await self.bot.respond(ctx, person_request("filmography", person))

    @commands.hybrid_command(**spec("search"))
    @app_commands.describe(text="Part of a title or a name")
    @member_cooldown()
    async def search(self, ctx: commands.Context[Any], *, text: str) -> None:
        await self.bot.respond(ctx, Request("search", text.strip()))

    @commands.hybrid_command(**spec("ask"))
    @app_commands.describe(question=QUESTION_HELP)
    @member_cooldown()
    async def ask(self, ctx: commands.Context[Any], *, question: str) -> None:
        await self.bot.respond(ctx, Request("ask", question.strip()))

    @commands.hybrid_command(**spec("top"))
    @app_commands.describe(aspect=ASPECT_HELP, count=COUNT_HELP)
    @app_commands.choices(aspect=ASPECT_CHOICES)
    @member_cooldown()
    async def top(
        self,
        ctx: commands.Context[Any],
        aspect: str | None = None,
        count: app_commands.Range[int, 1, 25] | None = None,
    ) -> None:
        await self.bot.respond(ctx, typed_request(ctx, "top", aspect, count))

    @commands.hybrid_command(**spec("worst"))
    @app_commands.describe(aspect=ASPECT_HELP, count=COUNT_HELP)
    @app_commands.choices(aspect=ASPECT_CHOICES)
    @member_cooldown()
    async def worst(
        self,
        ctx: commands.Context[Any],
        aspect: str | None = None,
        count: app_commands.Range[int, 1, 25] | None = None,
    ) -> None:
        await self.bot.respond(ctx, typed_request(ctx, "worst", aspect, count))

    @commands.hybrid_command(**spec("random"))
    @member_cooldown()
    async def random(self, ctx: commands.Context[Any]) -> None:
        await self.bot.respond(ctx, Request("random"))

    @commands.hybrid_command(**spec("latest"))
    @app_commands.describe(count=COUNT_HELP)
    @member_cooldown()
    async def latest(
        self, ctx: commands.Context[Any], count: app_commands.Range[int, 1, 25] | None = None
    ) -> None:
        await self.bot.respond(ctx, typed_request(ctx, "latest", count))

    @commands.hybrid_command(**spec("stats"))
    @member_cooldown()
    async def stats(self, ctx: commands.Context[Any]) -> None:
        await self.bot.respond(ctx, Request("stats"))

    @commands.hybrid_command(**spec("progress"))
    @app_commands.describe(person="Whose films (default: the site's project)")
    @member_cooldown()
    async def progress(self, ctx: commands.Context[Any], *, person: str | None = None) -> None:
        await self.bot.respond(ctx, person_request("progress", person or ""))

    @commands.hybrid_command(**spec("help"))
    @member_cooldown()
    async def help(self, ctx: commands.Context[Any]) -> None:
        await self.bot.respond(ctx, Request("help"))

    review.autocomplete("film")(film_choices)
    verdict.autocomplete("film")(film_choices)
    cast.autocomplete("film")(film_choices)
    buy.autocomplete("film")(film_choices)
    read.autocomplete("film")(film_choices)
    filmography.autocomplete("person")(person_choices)
    progress.autocomplete("person")(person_choices)


async def setup(bot: PopcornBot) -> None:
    await bot.add_cog(Films(bot))
