"""What a member sees when a command fails: expected problems get a short, friendly line;
unexpected ones are logged with their context and the member sees a short apology, never a
traceback. One handler for slash commands (the tree's), one for prefix messages."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.answers.commands import UNKNOWN_COMMAND
from bot.answers.types import Request
from bot.discord_bot.views import APOLOGY, reply_privately

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot
    from bot.discord_bot.context import PopcornContext

log = logging.getLogger(__name__)
CANNOT_USE = "You can't use that command."


def slow_down(retry_after: float) -> str:
    return f"Slow down a little: try again in {retry_after:.0f}s."


def unwrap(error: BaseException) -> BaseException:
    """The real error inside app_commands.CommandInvokeError."""
    while isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    return error


class PopcornTree(app_commands.CommandTree["PopcornBot"]):
    """The slash-command tree, with the slash commands' error handler."""

    async def on_error(
        self, interaction: discord.Interaction[PopcornBot], error: app_commands.AppCommandError, /
    ) -> None:
        original = unwrap(error)
        if isinstance(original, app_commands.CommandOnCooldown):
            text = slow_down(original.retry_after)
        elif isinstance(original, app_commands.CheckFailure):
            text = CANNOT_USE
        else:
            command = interaction.command.qualified_name if interaction.command else None
            log.error(
                "slash command %s failed (guild %s, channel %s, user %s)",
                command, interaction.guild_id, interaction.channel_id, interaction.user.id,
                exc_info=original,
            )  # fmt: skip
            text = APOLOGY
        await reply_privately(interaction, text)


async def prefix_failed(ctx: PopcornContext, request: Request, error: Exception) -> None:
    """A prefix message's answer raised: a missing permission is a warning, anything else an
    error logged with the message, and the member sees the apology."""
    named = request.command != UNKNOWN_COMMAND or not request.invoked_as
    command = request.command if named else request.invoked_as  # `!cage`: cage
    if isinstance(error, discord.Forbidden):
        log.warning(
            "missing permission in channel %s of guild %s for %s (author %s): %s",
            ctx.channel.id, ctx.guild.id if ctx.guild else None, command, ctx.author.id,
            error.text,
        )  # fmt: skip
        return
    log.error(
        "command %s failed (guild %s, channel %s, author %s, message %r)",
        command, ctx.guild.id if ctx.guild else None, ctx.channel.id, ctx.author.id,
        ctx.message.content[:200], exc_info=error,
    )  # fmt: skip
    await ctx.tell(APOLOGY)
