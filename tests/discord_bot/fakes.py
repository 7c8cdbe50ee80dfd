"""Spec'd fakes of discord.py objects for interaction tests (dpytest has no interactions)."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
from discord.ext import commands

OWNER, STRANGER = 111, 222


def fake_interaction(user_id: int = OWNER) -> Any:
    interaction = create_autospec(discord.Interaction, instance=True)
    interaction.user = create_autospec(discord.Member, instance=True)
    interaction.user.id = user_id
    interaction.response = create_autospec(discord.InteractionResponse, instance=True)
    interaction.response.is_done.return_value = False
    interaction.message = create_autospec(discord.Message, instance=True)
    interaction.data = {}
    return interaction


def fake_guild_context(permissions: discord.Permissions) -> Any:
    """A prefix-command context in a guild channel where the bot has `permissions`."""
    ctx = create_autospec(commands.Context, instance=True)
    ctx.interaction = None
    ctx.author = create_autospec(discord.Member, instance=True)
    ctx.author.id = OWNER
    ctx.author.display_name = "member"
    ctx.author.roles = []
    ctx.author.guild_permissions = discord.Permissions.none()
    ctx.guild = create_autospec(discord.Guild, instance=True)
    ctx.guild.id = 4242
    ctx.guild.owner_id = 1
    ctx.channel = create_autospec(discord.TextChannel, instance=True)
    ctx.channel.id = 77
    ctx.channel.permissions_for = MagicMock(return_value=permissions)
    ctx.send = AsyncMock()
    return ctx


def fake_slash_context(bot: commands.Bot, user_id: int = OWNER) -> Any:
    """The context of a slash command used in a DM (no guild)."""
    ctx = create_autospec(commands.Context, instance=True)
    ctx.bot = bot
    ctx.interaction = fake_interaction(user_id)
    ctx.author = ctx.interaction.user
    ctx.guild = None
    ctx.send = AsyncMock(return_value=create_autospec(discord.Message, instance=True))
    return ctx
