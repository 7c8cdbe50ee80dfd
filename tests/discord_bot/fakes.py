"""Spec'd fakes of discord.py objects for interaction tests (dpytest has no interactions),
and real PopcornContexts over them."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
from discord import app_commands
from discord.ext.commands.view import StringView  # what Context's constructor takes

from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.context import PopcornContext

OWNER, STRANGER = 111, 222
GUILD, CHANNEL = 4242, 77


def fake_interaction(user_id: int = OWNER) -> Any:
    interaction = create_autospec(discord.Interaction, instance=True)
    interaction.user = create_autospec(discord.Member, instance=True)
    interaction.user.id = user_id
    interaction.user.display_name = "member"
    interaction.user.roles = []
    interaction.user.guild_permissions = discord.Permissions.none()
    interaction.response = create_autospec(discord.InteractionResponse, instance=True)
    interaction.response.is_done.return_value = False
    interaction.is_expired.return_value = False
    interaction.message = create_autospec(discord.Message, instance=True)
    interaction.data = {}
    interaction.extras = {}
    return interaction


def fake_guild(owner_id: int = 1) -> Any:
    guild = create_autospec(discord.Guild, instance=True)
    guild.id = GUILD
    guild.owner_id = owner_id
    guild.get_member = MagicMock(return_value=None)
    return guild


def fake_channel(permissions: discord.Permissions | None = None) -> Any:
    channel = create_autospec(discord.TextChannel, instance=True)
    channel.id = CHANNEL
    channel.type = discord.ChannelType.text
    granted = discord.Permissions.all() if permissions is None else permissions
    channel.permissions_for = MagicMock(return_value=granted)
    return channel


def slash_interaction(
    bot: PopcornBot, user_id: int = OWNER, *, guild: Any = None, command: str = "review"
) -> Any:
    """A slash command's interaction as discord.py hands it to the command's callback: what
    the bot sends is `interaction.response.send_message`'s arguments (see `sent`)."""
    interaction = fake_interaction(user_id)
    interaction.client = bot
    interaction.type = discord.InteractionType.application_command
    interaction.data = {"type": 1}
    interaction.command = create_autospec(app_commands.Command, instance=True)
    interaction.command.name = interaction.command.qualified_name = command
    interaction.guild = guild
    interaction.guild_id = guild.id if guild is not None else None
    interaction.channel_id = CHANNEL
    interaction.app_permissions = discord.Permissions.all()
    interaction.message.author = interaction.user
    interaction.message.guild = guild
    interaction.message.channel = fake_channel()
    return interaction


def sent(interaction: Any) -> dict[str, Any]:
    """What the bot answered a slash command with (the first response's arguments)."""
    return dict(interaction.response.send_message.await_args.kwargs)


def context_of(bot: PopcornBot, message: Any, interaction: Any = None) -> Any:
    """A real PopcornContext whose `send` is recorded (and returns a spec'd message)."""
    prefix = "/" if interaction is not None else "!"
    ctx: Any = PopcornContext(
        message=message, bot=bot, view=StringView(""), prefix=prefix, interaction=interaction
    )
    ctx.send = AsyncMock(return_value=create_autospec(discord.Message, instance=True))
    return ctx


def fake_guild_context(bot: PopcornBot, permissions: discord.Permissions) -> Any:
    """A prefix message's context in a guild channel where the bot has `permissions`."""
    message = create_autospec(discord.Message, instance=True)
    message.content = "!review leaving las vegas"
    message.author = create_autospec(discord.Member, instance=True)
    message.author.id = OWNER
    message.author.display_name = "member"
    message.author.roles = []
    message.author.guild_permissions = discord.Permissions.none()
    message.guild = fake_guild()
    message.channel = fake_channel(permissions)
    return context_of(bot, message)


def fake_slash_context(bot: PopcornBot, user_id: int = OWNER, *, guild: Any = None) -> Any:
    """The context of a slash command (in a DM unless `guild`), its `send` recorded."""
    interaction = slash_interaction(bot, user_id, guild=guild)
    return context_of(bot, interaction.message, interaction)


def component_interaction(custom_id: str, message_id: int = 999) -> Any:
    interaction = fake_interaction()
    interaction.type = discord.InteractionType.component
    interaction.data = {"component_type": 2, "custom_id": custom_id}
    interaction.message.id = message_id
    interaction.extras = {}
    return interaction


def http_error(kind: type[discord.HTTPException], status: int, text: str) -> Any:
    """An error as discord.py raises it for an HTTP response."""
    response = MagicMock(status=status, reason=text)
    return kind(response, {"code": 10004, "message": text})


def slash_command(bot: PopcornBot, name: str) -> app_commands.Command[Any, ..., Any]:
    command = bot.tree.get_command(name)
    assert isinstance(command, app_commands.Command), name
    return command


def film_id(app: Popcorn, title: str) -> int:
    """The id of the film the index finds best for `title`."""
    match = app.index.find_film(title)
    assert match.best is not None, title
    return match.best.id
