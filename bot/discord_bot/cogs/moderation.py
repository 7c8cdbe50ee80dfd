"""Moderator slash commands (`/reviews ...`) and the quick-entry form.

Prefix moderator commands (`!review add`, `!review set`...) are parsed by the same text
parser `popcorn chat` uses (PopcornBot.on_message); both end in bot.answers.moderation, which
checks the member's rights (the Discord layer only says who they are: PopcornBot.actor_for).
Slash names: Discord cannot have `/review film:` and `/review add` side by side (a command
with sub-commands cannot itself be invoked), so the moderators' group is `/reviews`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.moderation import EDITABLE
from bot.answers.types import Attachment, Request
from bot.discord_bot import limits
from bot.discord_bot.cogs.films import FILM_HELP
from bot.discord_bot.context import PopcornContext
from bot.discord_bot.transformers import FilmOption
from bot.discord_bot.views import APOLOGY, reply_privately
from bot.records.files import MAX_FILE_BYTES

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

log = logging.getLogger(__name__)
#: The fields `/reviews set` can change: suggested as the moderator types (there are more of
#: them than the 25 choices Discord allows an option).
FIELD_NAMES = tuple(sorted(EDITABLE))
Interaction = discord.Interaction["PopcornBot"]


class QuickEntry(discord.ui.Modal, title="New review"):
    """`/reviews new`: film, year, verdict and ratings; the rest can follow with edits."""

    film_title: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Film title", max_length=300
    )
    year: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Year", min_length=4, max_length=4, placeholder="1997"
    )
    verdict: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Verdict (one line)", max_length=1000
    )
    ratings: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Ratings", placeholder="picture GOOD, audio POOR, extras OK, film 7", max_length=200
    )
    more: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Pros and cons (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=2000,
        placeholder="pros: Nicolas Cage; Gripping story\ncons: Poor audio",
    )

    def __init__(self, origin: PopcornContext) -> None:
        """`origin`: the context of the `/reviews new` command that opened the form."""
        super().__init__()
        self.origin = origin

    def form(self) -> tuple[tuple[str, str], ...]:
        return (
            ("title", self.film_title.value),
            ("year", self.year.value),
            ("verdict", self.verdict.value),
            ("ratings", self.ratings.value),
            ("more", self.more.value or ""),
        )

    async def on_error(  # type: ignore[override]  # discord.ui.Modal drops BaseView's `item`
        self, interaction: discord.Interaction, error: Exception, /
    ) -> None:
        """Logged with its context, a short apology: as the slash-command error handler does."""
        log.error(
            "the quick-entry form failed (guild %s, channel %s, user %s)",
            interaction.guild_id, interaction.channel_id, interaction.user.id, exc_info=error,
        )  # fmt: skip
        await reply_privately(interaction, APOLOGY)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        ctx = self.origin.answering(interaction)
        # A mistake in the form ("Nothing was saved. …") only the moderator needs to see.
        await ctx.respond(Request("review new", form=self.form()), private_errors=True)


async def field_names(_interaction: Interaction, typed: str) -> list[app_commands.Choice[str]]:
    """The editable fields that start with what is typed, then those that contain it."""
    typed = typed.strip().casefold()
    starting = [name for name in FIELD_NAMES if name.startswith(typed)]
    containing = [name for name in FIELD_NAMES if typed in name and name not in starting]
    return [
        app_commands.Choice(name=name, value=name)
        for name in (starting + containing)[: limits.AUTOCOMPLETE_CHOICES]
    ]


@app_commands.guild_only()
@app_commands.default_permissions(manage_messages=True)
class Reviews(
    commands.GroupCog,
    group_name="reviews",
    group_description="Moderators: keep the reviews up to date",
):
    def __init__(self, bot: PopcornBot) -> None:
        self.bot = bot
        super().__init__()

    async def run(self, interaction: Interaction, request: Request) -> None:
        ctx = await PopcornContext.from_interaction(interaction)
        await ctx.respond(request)  # fills in the actor; the answer checks moderator rights

    @app_commands.command(name="add", description="Add a review from a record file or an article")
    @app_commands.describe(
        file="A record (.yaml) or a review article (.txt/.html)",
        replace="Replace an existing review",
    )
    async def add(
        self, interaction: Interaction, file: discord.Attachment, replace: bool = False
    ) -> None:
        if file.size > MAX_FILE_BYTES:
            await interaction.response.send_message(
                "❌ Nothing was saved: the file is over 1 MB.", ephemeral=True
            )
            return
        data = await file.read()
        request = Request(
            "review add",
            "replace" if replace else "",
            attachments=(Attachment(file.filename, data),),
        )
        await self.run(interaction, request)

    @app_commands.command(name="new", description="A quick review: film, year, verdict, ratings")
    async def new(self, interaction: Interaction) -> None:
        ctx = await PopcornContext.from_interaction(interaction)
        actor = await self.bot.actor_for(interaction.user, interaction.guild)
        if not actor.is_moderator:
            await interaction.response.send_message("❌ Moderators only.", ephemeral=True)
            return
        await interaction.response.send_modal(QuickEntry(ctx))

    @app_commands.command(name="set", description="Change one field of a review")
    @app_commands.describe(
        film=FILM_HELP, field="What to change", value="The new value (none to clear)"
    )
    @app_commands.autocomplete(field=field_names)
    async def set_field(
        self, interaction: Interaction, film: FilmOption, field: str, value: str
    ) -> None:
        await self.run(interaction, film.request("review set", f"{field.strip()} {value}"))

    @app_commands.command(name="remove", description="Remove a review (it can be restored)")
    @app_commands.describe(film=FILM_HELP)
    async def remove(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, film.request("review remove"))

    @app_commands.command(name="restore", description="Bring a removed review back")
    @app_commands.describe(film=FILM_HELP)
    async def restore(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, film.request("review restore"))

    @app_commands.command(name="history", description="Who changed what, and when")
    @app_commands.describe(film=FILM_HELP)
    async def history(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, film.request("review history"))

    @app_commands.command(name="export", description="The whole database as record files")
    async def export(self, interaction: Interaction) -> None:
        await self.run(interaction, Request("export"))


async def setup(bot: PopcornBot) -> None:
    await bot.add_cog(Reviews(bot))
