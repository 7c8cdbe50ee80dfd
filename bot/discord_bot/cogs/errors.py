"""One error handler for prefix commands and one for the slash-command tree.

Expected problems get a short, friendly reply; unexpected ones are logged with context and
the member sees a short apology, never a traceback.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.types import Request
from bot.discord_bot.views import APOLOGY, reply_privately

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

log = logging.getLogger(__name__)


def command_name(ctx: commands.Context[Any]) -> str | None:
    """The command's name, also for paths outside discord.py's invoke (`!cage`, mentions,
    moderator commands: PopcornBot.process_commands sets invoked_with to the request's)."""
    if ctx.command is not None:
        return ctx.command.qualified_name
    return ctx.invoked_with


def unwrap(error: BaseException) -> BaseException:
    """The real error inside CommandInvokeError / HybridCommandError / app CommandInvokeError."""
    while isinstance(
        error,
        commands.CommandInvokeError | commands.HybridCommandError | app_commands.CommandInvokeError,
    ):
        error = error.original
    return error


def missing_permissions_text(perms: list[str]) -> str:
    return ", ".join(p.replace("_", " ").replace("guild", "server").title() for p in perms)


class ErrorHandler(commands.Cog):
    def __init__(self, bot: PopcornBot) -> None:
        self.bot = bot
        self._old_tree_error = bot.tree.on_error
        bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._old_tree_error  # type: ignore[method-assign]

    async def tell(self, ctx: commands.Context[Any], text: str) -> None:
        """A short reply: only the member sees it for slash commands."""
        try:
            if ctx.interaction is not None:
                await ctx.send(
                    text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
                )
            else:
                await ctx.reply(
                    text, mention_author=False, allowed_mentions=discord.AllowedMentions.none()
                )
        except discord.HTTPException as exc:
            log.warning("could not send an error reply in channel %s: %s", ctx.channel.id, exc)

    @commands.Cog.listener()
    async def on_command_error(
        self, ctx: commands.Context[Any], error: commands.CommandError
    ) -> None:
        error = unwrap(error)  # type: ignore[assignment]
        if isinstance(error, commands.CommandNotFound):
            return  # answered by PopcornBot.process_commands (person look-up)
        if isinstance(error, commands.MissingRequiredArgument) and ctx.command is not None:
            await self.bot.respond(ctx, Request(ctx.command.name, ""))
        elif isinstance(error, commands.CommandOnCooldown):
            await self.tell(ctx, f"Slow down a little: try again in {error.retry_after:.0f}s.")
        elif isinstance(error, commands.NoPrivateMessage):
            await self.tell(ctx, "That command only works in a server.")
        elif isinstance(error, commands.BotMissingPermissions):
            missing = missing_permissions_text(error.missing_permissions)
            await self.tell(ctx, f"I need these permissions here: {missing}.")
        elif isinstance(
            error, commands.NotOwner | commands.MissingPermissions | commands.CheckFailure
        ):
            await self.tell(ctx, "You can't use that command.")
        elif isinstance(error, commands.UserInputError):
            await self.tell(ctx, f"I didn't understand that. Try `{self.bot.settings.prefix}help`.")
        elif isinstance(error, discord.Forbidden):
            log.warning(
                "missing permission in channel %s of guild %s for %s (author %s): %s",
                ctx.channel.id, ctx.guild.id if ctx.guild else None, command_name(ctx),
                ctx.author.id, error.text,
            )  # fmt: skip
        else:
            log.error(
                "command %s failed (guild %s, channel %s, author %s, message %r)",
                command_name(ctx), ctx.guild.id if ctx.guild else None, ctx.channel.id,
                ctx.author.id,
                ctx.message.content[:200] if ctx.interaction is None else None,
                exc_info=error,
            )  # fmt: skip
            await self.tell(ctx, APOLOGY)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        original = unwrap(error)
        if isinstance(original, app_commands.CommandOnCooldown):
            text = f"Slow down a little: try again in {original.retry_after:.0f}s."
        elif isinstance(original, app_commands.CheckFailure):
            text = "You can't use that command."
        else:
            command = interaction.command.qualified_name if interaction.command else None
            log.error(
                "slash command %s failed (guild %s, channel %s, user %s)",
                command, interaction.guild_id, interaction.channel_id, interaction.user.id,
                exc_info=original,
            )  # fmt: skip
            text = APOLOGY
        await reply_privately(interaction, text)


async def setup(bot: PopcornBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
