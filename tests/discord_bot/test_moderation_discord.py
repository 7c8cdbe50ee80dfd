"""Who moderates on Discord (roles, Manage Messages, owner, DMs), the mod-log channel, and a
moderator prefix command end to end through discord.py's message processing (dpytest)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.answers.types import Actor, Request
from bot.app import Popcorn
from bot.db.changes import ChangeEvent
from tests.helpers import dpytest_bot

GUILD = 4242
MOD_ROLE = 555555555555555555


def member(
    *, role_ids: tuple[int, ...] = (), manage_messages: bool = False, user_id: int = 9
) -> Any:
    fake = create_autospec(discord.Member, instance=True)
    fake.id = user_id
    fake.display_name = "someone"
    fake.roles = [MagicMock(id=r) for r in role_ids]
    fake.guild_permissions = discord.Permissions(manage_messages=manage_messages)
    return fake


def guild(owner_id: int = 1) -> Any:
    fake = create_autospec(discord.Guild, instance=True)
    fake.id = GUILD
    fake.owner_id = owner_id
    fake.get_member = MagicMock(return_value=None)
    return fake


@pytest.fixture
async def bot(app: Popcorn) -> AsyncIterator[commands.Bot]:
    async with dpytest_bot(app) as popcorn_bot:
        yield popcorn_bot


async def configure(app: Popcorn, text: str) -> None:
    owner = Actor(1, "owner", is_moderator=True, guild_id=GUILD, is_guild_owner=True)
    await app.answer(Request(text.split()[0], " ".join(text.split()[1:]), actor=owner))


async def test_manage_messages_moderates_while_no_role_is_set(bot: Any, app: Popcorn) -> None:
    assert (await bot.actor_for(member(manage_messages=True), guild())).is_moderator
    assert not (await bot.actor_for(member(), guild())).is_moderator


async def test_configured_roles_replace_manage_messages(bot: Any, app: Popcorn) -> None:
    await configure(app, f"modrole add {MOD_ROLE}")
    assert (await bot.actor_for(member(role_ids=(MOD_ROLE,)), guild())).is_moderator
    assert not (await bot.actor_for(member(manage_messages=True), guild())).is_moderator
    owner = await bot.actor_for(member(user_id=1), guild(owner_id=1))
    assert owner.is_moderator and owner.is_guild_owner


async def test_nobody_moderates_in_dms(bot: Any) -> None:
    user = create_autospec(discord.User, instance=True)
    user.id = 9
    actor = await bot.actor_for(user, None)
    assert not actor.is_moderator and actor.guild_id is None


async def test_changes_are_posted_to_the_mod_log(bot: Any, app: Popcorn) -> None:
    await configure(app, "modlog 666666666666666666")
    channel = create_autospec(discord.TextChannel, instance=True)
    channel.send = AsyncMock()
    bot.get_channel = MagicMock(return_value=channel)
    event = ChangeEvent(
        1, GUILD, "Mod", "set Leaving Las Vegas (1995): audio: POOR → GOOD @everyone"
    )
    await bot.post_to_modlog(event)
    bot.get_channel.assert_called_once_with(666666666666666666)
    text = channel.send.await_args.args[0]
    assert text.startswith("📝 **Mod** set Leaving Las Vegas")
    assert channel.send.await_args.kwargs["allowed_mentions"].everyone is False


async def test_no_mod_log_no_post(bot: Any) -> None:
    bot.get_channel = MagicMock()
    await bot.post_to_modlog(ChangeEvent(1, GUILD, "Mod", "x"))
    bot.get_channel.assert_not_called()


async def test_a_member_typing_a_moderator_command_is_refused(bot: commands.Bot) -> None:
    await dpytest.message("!review set leaving las vegas audio GOOD")
    assert "Moderators only" in dpytest.get_message().content


async def test_a_moderator_edits_through_discord(bot: commands.Bot) -> None:
    from discord.ext.test import backend

    config = dpytest.get_config()
    author = config.members[0]
    permissions = discord.Permissions(manage_messages=True).value
    role = backend.make_role("Reviewers", config.guilds[0], permissions=permissions)
    await dpytest.add_role(author, role)
    assert author.guild_permissions.manage_messages
    await dpytest.message("!review set leaving las vegas audio GOOD")
    assert "audio: POOR → GOOD" in dpytest.get_message().content
