"""Owner-only upkeep: syncing slash commands deliberately, never on every start-up."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord.ext import commands

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

log = logging.getLogger(__name__)


class Admin(commands.Cog):
    def __init__(self, bot: PopcornBot) -> None:
        self.bot = bot

    @commands.command(name="sync", hidden=True)
    @commands.is_owner()
    async def sync(
        self, ctx: commands.Context[Any], scope: Literal["global", "guild", "clear"] = "guild"
    ) -> None:
        """`!sync` (this server), `!sync global` (every server, up to an hour), `!sync clear`."""
        tree = self.bot.tree
        if scope == "global":
            synced = await tree.sync()
            where = "globally"
        elif ctx.guild is None:
            await ctx.send("Use `sync global` in a DM, or `sync` in a server.")
            return
        elif scope == "clear":
            tree.clear_commands(guild=ctx.guild)
            synced = await tree.sync(guild=ctx.guild)
            where = "here (cleared)"
        else:
            tree.copy_global_to(guild=discord.Object(id=ctx.guild.id))
            synced = await tree.sync(guild=ctx.guild)
            where = "to this server"
        log.info("owner %s synced %d slash commands %s", ctx.author.id, len(synced), where)
        await ctx.send(f"Synced {len(synced)} slash commands {where}.")


async def setup(bot: PopcornBot) -> None:
    await bot.add_cog(Admin(bot))
