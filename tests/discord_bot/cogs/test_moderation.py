"""Moderation on Discord (bot/discord_bot/cogs/moderation.py): who moderates (roles, Manage
Messages, owner, DMs), the mod-log channel, the quick-entry form, and a moderator prefix command
end to end through discord.py's message processing (dpytest)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend

from bot.answers.types import Actor, Request
from bot.app import Popcorn
from bot.db.changes import ChangeEvent
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.cogs.moderation import QuickEntry
from bot.discord_bot.views import (
    APOLOGY,
    ConfirmView,
)
from bot.records.files import MAX_FILE_BYTES
from tests.discord_bot.fakes import (
    GUILD,
    OWNER,
    fake_guild,
    fake_guild_context,
    fake_interaction,
    fake_slash_context,
)
from tests.helpers import REPO

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


async def configure(app: Popcorn, text: str) -> None:
    owner = Actor(1, "owner", is_moderator=True, guild_id=GUILD, is_guild_owner=True)
    await app.answer(Request(text.split()[0], " ".join(text.split()[1:]), actor=owner))


async def test_manage_messages_moderates_while_no_role_is_set(bot: Any, app: Popcorn) -> None:
    assert (await bot.actor_for(member(manage_messages=True), fake_guild())).is_moderator
    assert not (await bot.actor_for(member(), fake_guild())).is_moderator


async def test_configured_roles_replace_manage_messages(bot: Any, app: Popcorn) -> None:
    await configure(app, f"modrole add {MOD_ROLE}")
    assert (await bot.actor_for(member(role_ids=(MOD_ROLE,)), fake_guild())).is_moderator
    assert not (await bot.actor_for(member(manage_messages=True), fake_guild())).is_moderator
    owner = await bot.actor_for(member(user_id=1), fake_guild(owner_id=1))
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


async def test_a_member_typing_a_moderator_command_is_refused(live_bot: PopcornBot) -> None:
    await dpytest.message("!review set leaving las vegas audio GOOD")
    assert "Moderators only" in dpytest.get_message().content


async def test_a_moderator_edits_through_discord(live_bot: PopcornBot) -> None:
    config = dpytest.get_config()
    author = config.members[0]
    permissions = discord.Permissions(manage_messages=True).value
    role = backend.make_role("Reviewers", config.guilds[0], permissions=permissions)
    await dpytest.add_role(author, role)
    assert author.guild_permissions.manage_messages
    await dpytest.message("!review set leaving las vegas audio GOOD")
    assert "audio: POOR → GOOD" in dpytest.get_message().content


async def make_moderator() -> None:
    config = dpytest.get_config()
    permissions = discord.Permissions(manage_messages=True).value
    role = backend.make_role("Reviewers", config.guilds[0], permissions=permissions)
    await dpytest.add_role(config.members[0], role)


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    """A copy of a shipped review record, to attach."""
    record = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"
    attached = tmp_path / record.name
    attached.write_bytes(record.read_bytes())
    return attached


async def test_a_moderator_command_reads_the_attached_record(
    live_bot: PopcornBot, record_file: Path
) -> None:
    await make_moderator()
    await dpytest.message("!review add", attachments=[str(record_file)])
    reply = dpytest.get_message()
    assert "Leaving Las Vegas (1995) already has a review" in reply.content


async def test_the_quick_entry_form_sends_its_fields(bot: PopcornBot) -> None:
    ctx = fake_slash_context(bot, guild=fake_guild(owner_id=OWNER))  # the owner moderates
    form = QuickEntry(ctx)
    for name, value in (
        ("film_title", "Mandy"),
        ("year", "2018"),
        ("verdict", "Bonkers and beautiful"),
        ("ratings", "film 9, picture GOOD, audio GOOD, extras OK"),
        ("more", "pros: Nicolas Cage"),
    ):
        text_input = create_autospec(discord.ui.TextInput, instance=True)
        text_input.value = value
        setattr(form, name, text_input)
    submitted = fake_interaction(OWNER)
    await form.on_submit(submitted)
    kwargs = submitted.response.send_message.await_args.kwargs
    assert isinstance(kwargs["view"], ConfirmView)
    assert "Mandy" in kwargs["embeds"][0].title
    assert not kwargs["ephemeral"]


async def test_an_attachment_over_the_limit_is_not_read(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True))
    big = create_autospec(discord.Attachment, instance=True)
    big.filename, big.size = "huge.yaml", MAX_FILE_BYTES + 1
    ctx.message.attachments = [big]
    assert await bot.read_attachments(ctx) is None
    big.read.assert_not_awaited()
    assert ctx.send.await_args.args[0] == "❌ Nothing was saved: huge.yaml is over 1 MB."


async def test_a_failing_quick_entry_form_is_logged_and_apologised_for(
    bot: PopcornBot, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.discord_bot.cogs import moderation

    form = moderation.QuickEntry(fake_slash_context(bot, guild=fake_guild()))
    interaction = fake_interaction()
    interaction.guild_id, interaction.channel_id = 4242, 77
    with caplog.at_level(logging.ERROR):
        await form.on_error(interaction, RuntimeError("boom"))
    interaction.response.send_message.assert_awaited_once_with(APOLOGY, ephemeral=True)
    assert "guild 4242" in caplog.records[-1].getMessage()


async def test_the_moderators_group_is_for_servers_and_their_moderators(bot: PopcornBot) -> None:
    """`/reviews` is not offered in DMs, and is shown by default to Manage Messages only (a
    server can grant it to its moderator roles in its Integrations settings)."""
    group = bot.tree.get_command("reviews")
    assert isinstance(group, discord.app_commands.Group)
    assert group.guild_only
    assert group.default_permissions == discord.Permissions(manage_messages=True)
