"""Moderator slash commands (`/reviews ...`) and the quick-entry form.

Prefix moderator commands (`!review add`, `!review set`...) are parsed by the same text
parser `popcorn chat` uses (PopcornBot.process_commands); both end in bot.answers.moderation.
Slash names: Discord cannot have `/review film:` and `/review add` side by side (a command
with sub-commands cannot itself be invoked), so the moderators' group is `/reviews`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.moderation import EDITABLE, quick_entry
from bot.answers.types import Attachment, Request
from bot.discord_bot.cogs.films import FILM_HELP, film_request
from bot.discord_bot.views import APOLOGY, OwnedView, interactive_reply, reply_privately
from bot.records.files import MAX_FILE_BYTES

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

log = logging.getLogger(__name__)
FieldName = Literal[tuple(sorted(EDITABLE))]  # type: ignore[valid-type]


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

    def __init__(self, bot: PopcornBot) -> None:
        super().__init__()
        self.bot = bot

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:
        """Logged with its context, a short apology: as the slash-command error handler does."""
        log.error(
            "the quick-entry form failed (guild %s, channel %s, user %s)",
            interaction.guild_id, interaction.channel_id, interaction.user.id, exc_info=error,
        )  # fmt: skip
        await reply_privately(interaction, APOLOGY)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        try:
            data = quick_entry(
                self.film_title.value, self.year.value, self.verdict.value,
                self.ratings.value, self.more.value or "",
            )  # fmt: skip
        except ValueError as exc:
            await interaction.response.send_message(f"❌ Nothing was saved. {exc}", ephemeral=True)
            return
        actor = await self.bot.actor_for(interaction.user, interaction.guild)
        request = Request("review add", actor=actor, attachments=(Attachment("form.yaml", data),))
        answer = await self.bot.core.answer(request)
        reply = interactive_reply(answer, interaction.user.id, self.bot.core)
        await interaction.response.send_message(**reply.send_kwargs())
        if isinstance(reply.view, OwnedView):
            reply.view.message = await interaction.original_response()


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

    async def run(self, interaction: discord.Interaction, request: Request) -> None:
        ctx = await commands.Context.from_interaction(interaction)
        await self.bot.respond(ctx, request)  # fills in the actor, checks moderator rights

    async def film_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        films: Any = self.bot.get_cog("Films")
        return await films.film_choices(interaction, current)

    @app_commands.command(name="add", description="Add a review from a record file or an article")
    @app_commands.describe(
        file="A record (.yaml) or a review article (.txt/.html)",
        replace="Replace an existing review",
    )
    async def add(
        self, interaction: discord.Interaction, file: discord.Attachment, replace: bool = False
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
    async def new(self, interaction: discord.Interaction) -> None:
        actor = await self.bot.actor_for(interaction.user, interaction.guild)
        if not actor.is_moderator:
            await interaction.response.send_message("❌ Moderators only.", ephemeral=True)
            return
        await interaction.response.send_modal(QuickEntry(self.bot))

    @app_commands.command(name="set", description="Change one field of a review")
    @app_commands.describe(
        film=FILM_HELP, field="What to change", value="The new value (none to clear)"
    )
    @app_commands.autocomplete(film=film_choices)
    async def set_field(
        self, interaction: discord.Interaction, film: str, field: FieldName, value: str
    ) -> None:
        base = film_request("review set", film)
        if base.film_id is not None:
            request = Request("review set", f"{field} {value}", film_id=base.film_id)
        else:
            request = Request("review set", f"{film} {field} {value}")
        await self.run(interaction, request)

    @app_commands.command(name="remove", description="Remove a review (it can be restored)")
    @app_commands.describe(film=FILM_HELP)
    @app_commands.autocomplete(film=film_choices)
    async def remove(self, interaction: discord.Interaction, film: str) -> None:
        await self.run(interaction, film_request("review remove", film))

    @app_commands.command(name="restore", description="Bring a removed review back")
    @app_commands.describe(film=FILM_HELP)
    @app_commands.autocomplete(film=film_choices)
    async def restore(self, interaction: discord.Interaction, film: str) -> None:
        await self.run(interaction, film_request("review restore", film))

    @app_commands.command(name="history", description="Who changed what, and when")
    @app_commands.describe(film=FILM_HELP)
    @app_commands.autocomplete(film=film_choices)
    async def history(self, interaction: discord.Interaction, film: str) -> None:
        await self.run(interaction, film_request("review history", film))

    @app_commands.command(name="export", description="The whole database as record files")
    async def export(self, interaction: discord.Interaction) -> None:
        await self.run(interaction, Request("export"))


async def setup(bot: PopcornBot) -> None:
    await bot.add_cog(Reviews(bot))
