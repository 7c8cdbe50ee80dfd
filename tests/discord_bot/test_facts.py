"""The server's facts for the set-up commands (bot/discord_bot/facts.py): roles and who holds
them, the channels and what the bot lacks in each, the owner; and `!modrole add @Reviewers`
typed on Discord (dpytest), where a role that is not mentionable stays the text "@Reviewers"."""

from __future__ import annotations

from typing import Any
from unittest.mock import MagicMock

import discord
import discord.ext.test as dpytest
from discord.ext.test import backend
from sqlalchemy import select

from bot.answers.types import ChannelFact
from bot.app import Popcorn
from bot.db.models import GuildSettings
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.facts import guild_facts, posting_missing
from tests.discord_bot.fakes import autospec

MANAGE_MESSAGES = discord.Permissions(manage_messages=True).value


async def server(bot: PopcornBot, *, all_members_loaded: bool = True) -> tuple[Any, Any, Any]:
    """dpytest's server: TestUser0 owns it and has @Reviewers, TestUser1 has @Mods (Manage
    Messages). `all_members_loaded`: the member list is complete (as after chunking)."""
    config = dpytest.get_config()
    guild = config.guilds[0]
    owner, other = config.members[0], config.members[1]
    guild.owner_id = owner.id
    reviewers = backend.make_role("Reviewers", guild, permissions=0)
    mods = backend.make_role("Mods", guild, permissions=MANAGE_MESSAGES)
    await dpytest.add_role(owner, reviewers)
    await dpytest.add_role(other, mods)
    if all_members_loaded:
        guild._member_count = len(guild.members)  # what discord.py sees once chunked
    return guild, owner, other


async def configured(app: Popcorn, guild_id: int) -> list[int]:
    async with app.sessions() as session:
        row = await session.scalar(select(GuildSettings).where(GuildSettings.guild_id == guild_id))
        return [] if row is None else list(row.moderator_role_ids)


async def test_modrole_add_at_a_role_name_works_as_the_help_shows(
    live_bot: PopcornBot, app: Popcorn
) -> None:
    guild, _owner, other = await server(live_bot)
    await dpytest.message("!modrole add @Reviewers")
    reviewers = next(role for role in guild.roles if role.name == "Reviewers")
    assert dpytest.get_message().content == (
        "Added @Reviewers. @Reviewers is the first moderator role, so Manage Messages no "
        "longer makes a moderator here: only the server owner and members with a moderator "
        "role are. Moderators now: the server owner (TestUser0\\_0\\_nick) and the members "
        "with @Reviewers (nobody else has it yet). No longer moderators (Manage Messages without "
        "the role): TestUser1\\_1\\_nick. Give them @Reviewers to keep them."
    )
    assert await configured(app, guild.id) == [reviewers.id]
    # The member with Manage Messages lost the rights: the roles are not theirs to see now.
    await dpytest.message("!modrole", member=other)
    assert dpytest.get_message().content == (
        "❌ Moderators only: ask a moderator to change the reviews."
    )


async def test_without_the_member_list_the_reply_names_roles(live_bot: PopcornBot) -> None:
    await server(live_bot, all_members_loaded=False)
    await dpytest.message("!modrole add reviewers")
    assert dpytest.get_message().content.endswith(
        "Moderators now: the server owner (TestUser0\\_0\\_nick) and the members with "
        "@Reviewers. Members who have Manage Messages (through @Mods) but not @Reviewers are "
        "no longer moderators: give them the role, or add their role too "
        "(`!modrole add @role`)."
    )


async def test_a_member_typing_modrole_add_is_refused(live_bot: PopcornBot) -> None:
    config = dpytest.get_config()
    await dpytest.message("!modrole add @Reviewers", member=config.members[1])
    assert "Moderators only" in dpytest.get_message().content


async def test_the_facts_of_a_server(live_bot: PopcornBot) -> None:
    guild, owner, _other = await server(live_bot)
    facts = guild_facts(guild, members_known=True, author=owner)
    by_name = {role.name: role for role in facts.roles}
    assert by_name["Reviewers"].members == ("TestUser0_0_nick",)
    assert by_name["Mods"].members == ("TestUser1_1_nick",) and by_name["Mods"].manage_messages
    assert not by_name["Reviewers"].manage_messages
    assert by_name["@everyone"].everyone and by_name["@everyone"].id == guild.id
    assert facts.owner_name == "TestUser0_0_nick"
    # The owner has every permission; bots (the app itself) are left out.
    assert facts.manage_messages_members == ("TestUser0_0_nick", "TestUser1_1_nick")
    channel = guild.text_channels[0]
    assert facts.channels == (ChannelFact(channel.id, channel.name, ()),)
    unknown = guild_facts(guild, members_known=False)
    assert all(role.members is None for role in unknown.roles)
    assert unknown.manage_messages_members is None


def test_what_the_bot_lacks_to_post_in_a_channel() -> None:
    me = autospec(discord.Member)
    channel = autospec(discord.TextChannel)
    channel.permissions_for = MagicMock(return_value=discord.Permissions(view_channel=True))
    assert posting_missing(channel, me) == ("Send Messages",)
    channel.permissions_for.return_value = discord.Permissions.none()
    assert posting_missing(channel, me) == ("View Channel", "Send Messages")
    channel.permissions_for.return_value = discord.Permissions(
        view_channel=True, send_messages=True
    )
    assert posting_missing(channel, me) == ()
    thread = autospec(discord.Thread)
    thread.permissions_for = MagicMock(
        return_value=discord.Permissions(view_channel=True, send_messages=True)
    )
    assert posting_missing(thread, me) == ("Send Messages in Threads",)
    assert posting_missing(channel, None) == ()  # unknown: nothing claimed
