"""Spec'd fakes of discord.py objects for interaction tests (dpytest has no interactions),
and real PopcornContexts over them."""

from __future__ import annotations

import functools
from typing import Any
from unittest import mock
from unittest.mock import AsyncMock, MagicMock, NonCallableMagicMock, create_autospec

import discord
from discord import app_commands
from discord.ext.commands.view import StringView  # what Context's constructor takes

from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.context import PopcornContext

OWNER, STRANGER = 111, 222
GUILD, CHANNEL = 4242, 77


# --- spec'd fakes, built lazily -----------------------------------------------------------------
# `create_autospec(cls, instance=True)` makes a signature-checked mock of EVERY method of `cls` up
# front (discord.Guild: ~150 of them, ~0.1 s per fake; ~30 s of CPU across the suite), though a
# test looks up a handful. `autospec(cls)` gives the same mock, but each method's mock is made the
# first time it is looked up, exactly as create_autospec makes it (same class, spec, signature
# check, parent); what `cls` offers (dir, which entries are methods) is read once per class. Each
# call returns a fresh, independent mock. tests/discord_bot/test_fakes.py checks it against
# create_autospec. It uses unittest.mock's own helpers (_SpecState, _check_signature, _is_magic,
# _must_skip, FunctionTypes) as create_autospec does, so it follows Python's version of them.


class _Method(mock._SpecState):
    """A method of the spec'd class whose mock is not made yet (a _SpecState, so that
    reset_mock and call matching skip it as they skip create_autospec's lazy attributes)."""

    def __init__(self, original: Any, parent: Any, name: str, skipfirst: bool) -> None:
        super().__init__(original, False, parent, name, instance=True)
        self.skipfirst = skipfirst

    def build(self) -> Any:
        """The method's mock, as create_autospec(cls, instance=True) makes it."""
        child_class = AsyncMock if mock.iscoroutinefunction(self.spec) else MagicMock
        child = child_class(
            parent=self.parent, name=self.name, _new_name=self.name, _new_parent=self.parent,
            spec=self.spec, _eat_self=self.skipfirst,
        )  # fmt: skip
        mock._check_signature(self.spec, child, skipfirst=self.skipfirst)
        return child


class _Fake(NonCallableMagicMock):
    """A non-callable instance mock whose pending methods are made when first looked up."""

    def __getattr__(self, name: str) -> Any:
        children = self.__dict__.get("_mock_children", {})  # not there during __init__
        pending = children.get(name)
        if type(pending) is _Method:
            children[name] = pending.build()
        return super().__getattr__(name)


@functools.cache
def _entries(cls: type) -> tuple[tuple[str, Any, bool | None], ...]:
    """`cls`'s attributes as create_autospec walks them: (name, value, whether its first
    argument is skipped if it is a method, else None)."""
    entries: list[tuple[str, Any, bool | None]] = []
    for entry in dir(cls):
        if mock._is_magic(entry):
            continue
        try:
            original = getattr(cls, entry)
        except AttributeError:
            continue
        if isinstance(original, mock.FunctionTypes):
            entries.append((entry, original, mock._must_skip(cls, entry, True)))
        else:
            entries.append((entry, original, None))
    return tuple(entries)


def autospec(cls: type) -> Any:
    """`create_autospec(cls, instance=True)`, each method's mock made when first looked up."""
    if mock._instance_callable(cls):  # never needed so far: create_autospec's MagicMock
        return create_autospec(cls, instance=True)
    fake = _Fake(spec=cls, _spec_as_instance=True, parent=None, _new_parent=None, _new_name="")
    mock._check_signature(cls, fake, True, True)
    children = fake._mock_children
    for entry, original, skipfirst in _entries(cls):
        if skipfirst is None:
            children[entry] = mock._SpecState(original, False, fake, entry, True)
        else:
            children[entry] = _Method(original, fake, entry, skipfirst)
    return fake


def fake_interaction(user_id: int = OWNER) -> Any:
    interaction = autospec(discord.Interaction)
    interaction.user = autospec(discord.Member)
    interaction.user.id = user_id
    interaction.user.display_name = "member"
    interaction.user.roles = []
    interaction.user.guild_permissions = discord.Permissions.none()
    interaction.response = autospec(discord.InteractionResponse)
    interaction.response.is_done.return_value = False
    interaction.is_expired.return_value = False
    interaction.message = autospec(discord.Message)
    interaction.data = {}
    interaction.extras = {}
    return interaction


def fake_guild(owner_id: int = 1) -> Any:
    guild = autospec(discord.Guild)
    guild.id = GUILD
    guild.owner_id = owner_id
    guild.get_member = MagicMock(return_value=None)
    return guild


def fake_channel(permissions: discord.Permissions | None = None) -> Any:
    channel = autospec(discord.TextChannel)
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
    interaction.command = autospec(app_commands.Command)
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
    ctx.send = AsyncMock(return_value=autospec(discord.Message))
    return ctx


def fake_guild_context(bot: PopcornBot, permissions: discord.Permissions) -> Any:
    """A prefix message's context in a guild channel where the bot has `permissions`."""
    message = autospec(discord.Message)
    message.content = "!review leaving las vegas"
    message.author = autospec(discord.Member)
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
