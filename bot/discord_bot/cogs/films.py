"""The member slash commands, generated from the command table (bot.answers.commands): one
app command per entry, with its name and description, so a command is defined once for the
text parser, `popcorn chat`, the help and Discord.

The options follow the entry's argument kind: a film or a person (autocompleted, the value
sent back is the record's id `#123`, see transformers.py), a text, or none; a few commands
have options of their own (`/read`'s section, `/top`'s aspect and count...). Prefix messages
do not come here: PopcornBot.on_message parses them with the same parser `popcorn chat` uses.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.answers.commands import COMMANDS, CommandSpec
from bot.answers.text import clip
from bot.answers.types import Request
from bot.discord_bot import limits
from bot.discord_bot.context import PopcornContext
from bot.discord_bot.transformers import FilmOption, PersonOption

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

FILM_HELP = "The film's title (typos are fine); add a year for remakes"
PERSON_HELP = "A name or just a surname"
QUESTION_HELP = "e.g. who plays Sera in leaving las vegas? / which film has the best audio?"
ASPECT_HELP = "Rank by the film rating or the Blu-ray's picture, audio or extras"
COUNT_HELP = "How many films to list (1 to 25)"
SECTION_HELP = "The part of the review to open at (default: the start)"
PROGRESS_HELP = "Whose films (default: the site's project)"
SECTION_CHOICES = [
    app_commands.Choice(name=name, value=name)
    for name in ("intro", "synopsis", "direction", "music", "acting", "conclusion", "blu-ray",
                 "extras", "verdict", "pros", "recommendation")
]  # fmt: skip
ASPECT_CHOICES = [
    app_commands.Choice(name=name, value=name) for name in ("film", "picture", "audio", "extras")
]
#: A text command's option: its name and description (`/ask question:`, `/search text:`).
TEXT_OPTIONS = {"search": ("text", "Part of a title or a name"), "ask": ("question", QUESTION_HELP)}

Interaction = discord.Interaction["PopcornBot"]
Count = app_commands.Range[int, 1, limits.AUTOCOMPLETE_CHOICES]
SlashCommand = app_commands.Command[Any, ..., None]
Callback = Callable[..., Coroutine[Any, Any, None]]


async def answer(interaction: Interaction, request: Request) -> None:
    ctx = await PopcornContext.from_interaction(interaction)
    await ctx.respond(request)


async def within_cooldown(interaction: Interaction) -> bool:
    """The member's cooldown, the same buckets as their prefix commands."""
    bot = interaction.client
    name = interaction.command.qualified_name if interaction.command else "?"
    retry_after = bot.cooldowns.retry_after(name, interaction.guild_id, interaction.user.id)
    if retry_after is not None:
        cooldown = bot.cooldowns.cooldown(name, interaction.guild_id, interaction.user.id)
        raise app_commands.CommandOnCooldown(cooldown, retry_after)
    return True


def command(spec: CommandSpec, callback: Callback) -> SlashCommand:
    made: SlashCommand = app_commands.Command(
        name=spec.name, description=clip(spec.summary, 100), callback=callback
    )
    made.add_check(within_cooldown)
    return made


# --- by argument kind ----------------------------------------------------------------------


def film_command(spec: CommandSpec) -> SlashCommand:
    async def callback(interaction: Interaction, film: FilmOption) -> None:
        await answer(interaction, film.request(spec.words))

    return app_commands.describe(film=FILM_HELP)(command(spec, callback))


def person_command(spec: CommandSpec) -> SlashCommand:
    async def callback(interaction: Interaction, person: PersonOption) -> None:
        await answer(interaction, person.request(spec.words))

    return app_commands.describe(person=PERSON_HELP)(command(spec, callback))


def text_command(spec: CommandSpec) -> SlashCommand:
    async def callback(interaction: Interaction, text: str) -> None:
        await answer(interaction, Request(spec.words, text.strip()))

    name, description = TEXT_OPTIONS.get(spec.name, ("text", clip(spec.summary, 100)))
    made = app_commands.describe(text=description)(command(spec, callback))
    return app_commands.rename(text=name)(made) if name != "text" else made


def plain_command(spec: CommandSpec) -> SlashCommand:
    async def callback(interaction: Interaction) -> None:
        await answer(interaction, Request(spec.words))

    return command(spec, callback)


# --- commands with options of their own ----------------------------------------------------


def read_command(spec: CommandSpec) -> SlashCommand:
    async def callback(
        interaction: Interaction, film: FilmOption, section: str | None = None
    ) -> None:
        await answer(interaction, film.request(spec.words, section or ""))

    made = app_commands.describe(film=FILM_HELP, section=SECTION_HELP)(command(spec, callback))
    return app_commands.choices(section=SECTION_CHOICES)(made)


def ranking_command(spec: CommandSpec) -> SlashCommand:
    """`/top aspect: count:`: the same text as `!top audio 5`."""

    async def callback(
        interaction: Interaction, aspect: str | None = None, count: Count | None = None
    ) -> None:
        words = " ".join(str(value) for value in (aspect, count) if value is not None)
        await answer(interaction, Request(spec.words, words))

    made = app_commands.describe(aspect=ASPECT_HELP, count=COUNT_HELP)(command(spec, callback))
    return app_commands.choices(aspect=ASPECT_CHOICES)(made)


def latest_command(spec: CommandSpec) -> SlashCommand:
    async def callback(interaction: Interaction, count: Count | None = None) -> None:
        await answer(interaction, Request(spec.words, "" if count is None else str(count)))

    return app_commands.describe(count=COUNT_HELP)(command(spec, callback))


def progress_command(spec: CommandSpec) -> SlashCommand:
    async def callback(interaction: Interaction, person: PersonOption | None = None) -> None:
        request = person.request(spec.words) if person else Request(spec.words)
        await answer(interaction, request)

    return app_commands.describe(person=PROGRESS_HELP)(command(spec, callback))


Shape = Callable[[CommandSpec], SlashCommand]
BY_KIND: dict[str, Shape] = {
    "film": film_command,
    "person": person_command,
    "text": text_command,
    "none": plain_command,
}
OWN_OPTIONS: dict[str, Shape] = {
    "read": read_command,
    "top": ranking_command,
    "worst": ranking_command,
    "latest": latest_command,
    "progress": progress_command,
}


def member_commands() -> list[SlashCommand]:
    """One slash command per entry of the command table."""
    return [OWN_OPTIONS.get(spec.name, BY_KIND[spec.argument])(spec) for spec in COMMANDS]


async def setup(bot: PopcornBot) -> None:
    for slash in member_commands():
        bot.tree.add_command(slash)


async def teardown(bot: PopcornBot) -> None:
    for spec in COMMANDS:
        bot.tree.remove_command(spec.name)
