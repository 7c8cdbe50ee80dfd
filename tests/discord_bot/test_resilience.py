"""Issue #10 on a real server: a failed test-guild sync, SIGTERM closing the database, errors
outside discord.py's invoke, files without Attach Files, expired menus, private refusals."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.answers.types import Actor, Request
from bot.app import Popcorn
from bot.discord_bot import runner
from bot.discord_bot.client import PopcornBot, ShardingError, create_bot, shard_options
from bot.discord_bot.owner import owner_command
from bot.discord_bot.views import APOLOGY, EXPIRED, VIEW_MARK, Paginator
from tests.discord_bot.fakes import (
    OWNER,
    fake_guild,
    fake_guild_context,
    fake_interaction,
    fake_slash_context,
)
from tests.helpers import make_settings

TEST_GUILD = 987654321987654321


def http_error(kind: type[discord.HTTPException], status: int, text: str) -> Any:
    response = MagicMock(status=status, reason=text)
    return kind(response, {"code": 10004, "message": text})


@pytest.mark.parametrize(
    "error",
    [
        http_error(discord.NotFound, 404, "Unknown Guild"),
        http_error(discord.Forbidden, 403, "Missing Access"),
    ],
)
async def test_a_failed_test_guild_sync_is_one_warning_and_prefix_commands_work(
    app: Popcorn, caplog: pytest.LogCaptureFixture, error: discord.HTTPException
) -> None:
    settings = app.settings.model_copy(update={"test_guild": TEST_GUILD})
    bot = create_bot(settings, core=app, intents=discord.Intents.all())
    bot.tree.sync = AsyncMock(side_effect=error)  # type: ignore[method-assign]
    await bot.__aenter__()  # discord.py's set-up on the running loop (see conftest.live_bot)
    with caplog.at_level(logging.WARNING):
        await bot.setup_hook()  # did not raise
    bot.tree.sync.assert_awaited_once()
    warnings = [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("bot.")
    ]
    assert len(warnings) == 1
    assert "POPCORN_TEST_GUILD" in warnings[0].getMessage()
    assert str(TEST_GUILD) in warnings[0].getMessage()
    dpytest.configure(bot, members=2)
    try:
        await dpytest.message("!review leaving las vegas")
        assert dpytest.get_message().embeds[0].title == "Leaving Las Vegas (1995)"
    finally:
        await dpytest.empty_queue()


async def test_sigterm_closes_the_database_before_run_discord_returns(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The same run_discord as `popcorn run`, with login and the gateway connection faked:
    the bot starts its own core, receives SIGTERM while connected, and must have closed the
    database by the time run_discord returns (asyncio.run cancels whatever is left)."""
    settings = make_settings(sqlite_url, DISCORD_TOKEN="fake.token.value")
    made: list[Any] = []

    def factory(s: Any) -> commands.Bot:
        bot = create_bot(s)
        closed = asyncio.Event()
        http_close = bot.http.close

        async def login(_token: str) -> None:
            await bot.setup_hook()  # `async with bot` in run_discord has set the loop up

        async def connect(*, reconnect: bool = True) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            await closed.wait()  # the gateway connection ends inside discord.py's close()

        async def closing_http() -> None:
            closed.set()
            await http_close()

        bot.http.close = closing_http  # type: ignore[method-assign]
        bot.login = login  # type: ignore[method-assign]
        bot.connect = connect  # type: ignore[method-assign]
        made.append(bot)
        return bot

    monkeypatch.setattr(runner, "create_bot", factory)
    with caplog.at_level(logging.INFO):
        assert await runner.run_discord(settings) == 0
    assert "SIGTERM received" in caplog.text
    assert "database closed" in caplog.text
    assert caplog.text.count("database closed") == 1
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
    assert not any("close" in repr(t.get_coro()) for t in others), others


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("!review set leaving las vegas audio GOOD", "review set"),  # moderator command
        ("!cage", "cage"),  # an unknown command: a person's filmography
        ("hey {mention} who directed leaving las vegas?", "ask"),  # a mention question
    ],
)
async def test_errors_of_the_prefix_path_are_logged_and_apologised_for(
    live_bot: Any,
    app: Popcorn,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    text: str,
    command: str,
) -> None:
    # Popcorn has slots: the class's method is replaced (the bot's core is `app`).
    monkeypatch.setattr(type(app), "answer", AsyncMock(side_effect=RuntimeError("boom")))
    with caplog.at_level(logging.ERROR):
        await dpytest.message(text.format(mention=f"<@{live_bot.user.id}>"))
    assert dpytest.get_message().content == APOLOGY
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    line = errors[0].getMessage()
    config = dpytest.get_config()
    assert line.startswith("command ")
    assert f"guild {config.guilds[0].id}" in line
    assert f"channel {config.channels[0].id}" in line
    assert f"author {config.members[0].id}" in line
    assert errors[0].exc_info is not None and "boom" in str(errors[0].exc_info[1])
    assert command.split()[0] in line


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
    from bot.discord_bot.render import Reply

    return Reply(content="export", files=[("popcorn-export.zip", b"data")])


def component_interaction(custom_id: str, message_id: int = 999) -> Any:
    interaction = fake_interaction()
    interaction.type = discord.InteractionType.component
    interaction.data = {"component_type": 2, "custom_id": custom_id}
    interaction.message.id = message_id
    interaction.extras = {}
    return interaction


async def test_a_button_of_a_forgotten_view_says_the_menu_expired(live_bot: Any) -> None:
    interaction = component_interaction("a-custom-id-from-before-the-restart")
    await live_bot.on_interaction(interaction)
    interaction.response.send_message.assert_awaited_once_with(EXPIRED, ephemeral=True)


async def test_live_views_and_other_interactions_are_left_alone(
    live_bot: Any, app: Popcorn
) -> None:
    answer = await app.answer_text("!top 25")
    assert answer is not None
    view = Paginator(answer, OWNER)  # type: ignore[arg-type]
    # Sent with its message, as the bot sends it: discord.py keeps the view listening.
    message = await dpytest.get_config().channels[0].send("the list", view=view)
    dpytest.get_message()
    live = component_interaction(view.next.custom_id, message.id)
    await live_bot.on_interaction(live)
    live.response.send_message.assert_not_awaited()

    taken = component_interaction("stopped-view-button")
    taken.extras[VIEW_MARK] = True  # its view took it, then stopped
    await live_bot.on_interaction(taken)
    taken.response.send_message.assert_not_awaited()

    slash = fake_interaction()
    slash.type = discord.InteractionType.application_command
    slash.extras = {}
    await live_bot.on_interaction(slash)
    slash.response.send_message.assert_not_awaited()
    view.stop()


async def test_an_owned_view_marks_the_interactions_it_takes(app: Popcorn) -> None:
    answer = await app.answer_text("!top 25")
    view = Paginator(answer, OWNER)  # type: ignore[arg-type]
    interaction = component_interaction(view.next.custom_id)
    assert await view.interaction_check(interaction)
    assert interaction.extras[VIEW_MARK] is True


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


async def test_a_failing_control_is_logged_with_context_and_apologised_for(
    app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    answer = await app.answer_text("!top 25")
    view = Paginator(answer, OWNER)  # type: ignore[arg-type]
    interaction = component_interaction(view.next.custom_id)
    interaction.guild_id, interaction.channel_id = 4242, 77
    with caplog.at_level(logging.ERROR):
        await view.on_error(interaction, RuntimeError("boom"), view.next)
    interaction.response.send_message.assert_awaited_once_with(APOLOGY, ephemeral=True)
    line = caplog.records[-1].getMessage()
    assert "guild 4242" in line and "channel 77" in line and f"user {OWNER}" in line


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


def test_a_process_runs_one_shard(sqlite_url: str) -> None:
    assert shard_options(make_settings(sqlite_url)) == (None, None)
    one = make_settings(sqlite_url, POPCORN_SHARD_COUNT="4", POPCORN_SHARD_IDS="2")
    assert shard_options(one) == (2, 4)
    bot = create_bot(one)
    assert (bot.shard_id, bot.shard_count) == (2, 4)
    for unsupported in (
        {"POPCORN_SHARDED": "true"},
        {"POPCORN_SHARD_COUNT": "4", "POPCORN_SHARD_IDS": "0,1"},
        {"POPCORN_SHARD_COUNT": "2", "POPCORN_SHARD_IDS": "2"},
        {"POPCORN_SHARD_COUNT": "2"},
    ):
        with pytest.raises(ShardingError, match="one process per shard"):
            shard_options(make_settings(sqlite_url, **unsupported))


async def test_sharding_settings_one_process_cannot_honour_stop_popcorn_run(
    sqlite_url: str,
) -> None:
    settings = make_settings(sqlite_url, DISCORD_TOKEN="fake.token.value", POPCORN_SHARDED="true")
    with pytest.raises(runner.DiscordStartError, match="POPCORN_SHARD_COUNT"):
        await runner.run_discord(settings)


async def test_the_owner_syncs_the_slash_commands(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True))
    bot.is_owner = AsyncMock(return_value=True)  # type: ignore[method-assign]
    bot.tree.sync = AsyncMock(return_value=[object(), object()])  # type: ignore[method-assign]
    await owner_command(ctx, "sync", "")
    bot.tree.sync.assert_awaited_once_with(guild=ctx.guild)
    assert ctx.send.await_args.args[0] == "Synced 2 slash commands to this server."
    await owner_command(ctx, "sync", "everywhere")
    assert ctx.send.await_args.args[0] == "I didn't understand that. Try `!help`."
    bot.is_owner = AsyncMock(return_value=False)  # type: ignore[method-assign]
    await owner_command(ctx, "sync", "global")
    assert ctx.send.await_args.args[0] == "You can't use that command."
    assert bot.tree.sync.await_count == 1
