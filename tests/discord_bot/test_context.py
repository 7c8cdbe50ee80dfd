"""PopcornContext (bot/discord_bot/context.py): a reply sent as the member's channel allows
(plain text without Embed Links, files without Attach Files), refusals kept private."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.answers.types import Actor, Request
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.render import Reply
from bot.discord_bot.views import (
    Paginator,
)
from tests.discord_bot.fakes import (
    OWNER,
    autospec,
    fake_guild,
    fake_guild_context,
    fake_slash_context,
    http_error,
)


async def test_respond_answers_as_the_member_who_asked(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True, embed_links=True))
    message = await ctx.respond(Request("filmography", "nicolas cage"))
    kwargs = ctx.send.await_args.kwargs
    assert kwargs["embeds"][0].title == "Nicolas Cage: filmography"
    view = kwargs["view"]
    assert isinstance(view, Paginator) and view.owner_id == ctx.author.id
    assert view.message is message  # so the view can switch its controls off later


async def test_without_embed_links_the_bot_answers_in_plain_text(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True, embed_links=False))
    await ctx.respond(Request("review", "leaving las vegas"))
    kwargs = ctx.send.await_args.kwargs
    assert "embeds" not in kwargs
    assert "Leaving Las Vegas (1995)" in kwargs["content"] and "Embed Links" in kwargs["content"]
    assert len(kwargs["content"]) <= 2000


async def test_without_send_messages_the_bot_logs_what_is_missing(
    bot: PopcornBot, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = fake_guild_context(bot, discord.Permissions.none())
    await ctx.respond(Request("review", "leaving las vegas"))
    ctx.send.assert_not_awaited()
    assert "missing Send Messages" in caplog.text


MODERATOR = Actor(OWNER, "mod", is_moderator=True, guild_id=4242)


async def test_export_without_attach_files_says_so(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True, embed_links=True))
    await ctx.respond(Request("export", actor=MODERATOR))
    ctx.send.assert_awaited_once()
    kwargs = ctx.send.await_args.kwargs
    text = ctx.send.await_args.args[0]
    assert "files" not in kwargs
    assert "Attach Files" in text


async def test_export_refused_by_discord_says_so(bot: PopcornBot) -> None:
    perms = discord.Permissions(send_messages=True, embed_links=True, attach_files=True)
    ctx = fake_guild_context(bot, perms)
    too_big = http_error(discord.HTTPException, 413, "Request entity too large")
    ctx.send = AsyncMock(side_effect=[too_big, None])
    await ctx.respond(Request("export", actor=MODERATOR))
    first, second = ctx.send.await_args_list
    assert first.kwargs["files"]  # the upload was tried
    assert "refused the upload" in second.args[0] and "413" in second.args[0]


async def test_export_by_slash_command_without_attach_files_is_private(bot: PopcornBot) -> None:
    ctx = fake_slash_context(bot, guild=fake_guild())
    ctx.interaction.app_permissions = discord.Permissions(send_messages=True)
    await ctx.send_reply(_files_reply())
    ctx.send.assert_awaited_once()
    assert "Attach Files" in ctx.send.await_args.args[0]
    assert ctx.send.await_args.kwargs["ephemeral"] is True


def _files_reply() -> Any:

    return Reply(content="export", files=[("popcorn-export.zip", b"data")])


async def test_a_refused_slash_moderator_command_is_private(bot: PopcornBot) -> None:
    ctx = fake_slash_context(bot, guild=fake_guild())
    await ctx.respond(Request("review remove", "leaving las vegas"))
    kwargs = ctx.send.await_args.kwargs
    assert "Moderators only" in (kwargs.get("content") or str(kwargs.get("embeds")))
    assert kwargs["ephemeral"] is True


async def test_an_ordinary_slash_answer_stays_public(bot: PopcornBot) -> None:
    ctx = fake_slash_context(bot)
    await ctx.respond(Request("review", "leaving las vegas"))
    assert "ephemeral" not in ctx.send.await_args.kwargs


def server_with_roles(owner_id: int) -> Any:
    """A spec'd server with a @Reviewers role, a #mod-log where the bot may only read, and
    no member list (the bot's default intents)."""
    guild = fake_guild(owner_id=owner_id)
    everyone = autospec(discord.Role)
    everyone.configure_mock(id=guild.id, name="@everyone", position=0)
    everyone.permissions = discord.Permissions.none()
    everyone.is_default.return_value = True
    reviewers = autospec(discord.Role)
    reviewers.configure_mock(id=100000000000000001, name="Reviewers", position=1)
    reviewers.permissions = discord.Permissions.none()
    reviewers.is_default.return_value = False
    modlog = autospec(discord.TextChannel)
    modlog.configure_mock(id=200000000000000001, name="mod-log")
    modlog.permissions_for = MagicMock(return_value=discord.Permissions(view_channel=True))
    guild.roles = [everyone, reviewers]
    guild.text_channels = [modlog]
    guild.owner = None
    guild.chunked = False
    return guild


@pytest.mark.parametrize("slash", [False, True])
async def test_the_set_up_commands_get_the_servers_facts(bot: PopcornBot, slash: bool) -> None:
    guild = server_with_roles(owner_id=OWNER)
    if slash:
        ctx = fake_slash_context(bot, guild=guild)
        ctx.author.guild_permissions = discord.Permissions.all()
    else:
        ctx = fake_guild_context(bot, discord.Permissions(send_messages=True, embed_links=True))
        ctx.message.guild = guild
    await ctx.respond(Request("modrole", "add @reviewers"))
    text = ctx.send.await_args.kwargs["content"]
    assert text.startswith("Added @Reviewers. @Reviewers is the first moderator role")
    assert "the server owner (member)" in text  # the owner asked: named though not cached
    await ctx.respond(Request("modlog", "#Mod-Log"))
    assert ctx.send.await_args.kwargs["content"].startswith(
        "⚠️ Saved, but I can't post in #mod-log: I need Send Messages there."
    )
