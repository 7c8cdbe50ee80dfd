"""The bot (bot/discord_bot/client.py): prefix messages end to end through its one path, on
dpytest's fake Discord (on_message -> parse_command, the parser `popcorn chat` uses ->
cooldown -> answer -> send), a failed test-guild sync, expired menus, one shard a process."""

from __future__ import annotations

import logging
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend, factories

from bot.answers.commands import COMMANDS
from bot.answers.types import Actor, Request
from bot.app import Popcorn
from bot.db.changes import ChangeEvent
from bot.discord_bot.client import PopcornBot, ShardingError, create_bot, shard_options
from bot.discord_bot.views import (
    EXPIRED,
    VIEW_MARK,
    Paginator,
)
from tests.discord_bot.fakes import (
    GUILD,
    OWNER,
    autospec,
    component_interaction,
    fake_guild,
    fake_interaction,
    http_error,
)
from tests.helpers import make_settings


def sent() -> discord.Message:
    return dpytest.get_message()


async def test_review_sends_the_rating_card(live_bot: PopcornBot) -> None:
    await dpytest.message("!review leaving las vegas")
    message = sent()
    embed = message.embeds[0]
    assert embed.title == "Leaving Las Vegas (1995)"
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Audio"].endswith("POOR") and fields["Picture"].endswith("GOOD")
    assert "Mike Figgis" in fields["Directed by"]
    assert dpytest.verify().message().nothing()


@pytest.mark.parametrize(
    "text", ["!Review leaving las vegas", "!REVIEW Leaving Las Vegas", "! review leaving las vegas"]
)
async def test_command_names_are_case_insensitive_and_spacing_is_forgiven(
    live_bot: PopcornBot, text: str
) -> None:
    await dpytest.message(text)
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_aliases_answer_as_their_command(live_bot: PopcornBot) -> None:
    await dpytest.message("!film leaving las vegas")
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_a_typo_and_a_year_find_the_film(live_bot: PopcornBot) -> None:
    await dpytest.message("!review levaing las vegs 1995")
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_unknown_command_naming_a_person_is_their_filmography(live_bot: PopcornBot) -> None:
    await dpytest.message("!cage")
    message = sent()
    assert message.embeds[0].title == "Nicolas Cage: filmography"
    # Pages: only the first page is shown, with working page buttons.
    assert "Page 1/" in message.embeds[0].footer.text


async def test_unknown_command_naming_nobody_gets_a_hint(live_bot: PopcornBot) -> None:
    await dpytest.message("!xyzzyplugh")
    assert "!help" in sent().content


async def test_a_mention_anywhere_is_a_question(live_bot: PopcornBot) -> None:
    assert live_bot.user is not None
    await dpytest.message(f"hey {live_bot.user.mention} who directed leaving las vegas?")
    assert "Mike Figgis" in (sent().embeds[0].description or "")


async def test_missing_argument_asks_for_the_film(live_bot: PopcornBot) -> None:
    await dpytest.message("!review")  # nothing raised: the answer asks, as in popcorn chat
    assert "Which film?" in sent().content


async def test_punctuation_is_not_a_command(live_bot: PopcornBot) -> None:
    await dpytest.message("!!!")
    await dpytest.message("nice film tonight")
    assert dpytest.verify().message().nothing()


async def test_a_year_that_matches_nothing_is_said_to_match_nothing(live_bot: PopcornBot) -> None:
    await dpytest.message("!review con air 1990")
    message = sent()
    assert message.embeds[0].title == "Did you mean…"
    assert "No film from 1990" in message.embeds[0].description
    assert "Con Air (1997)" in message.embeds[0].description


async def test_replies_ping_no_one(live_bot: PopcornBot) -> None:
    await dpytest.message("!review @everyone")
    message = sent()
    assert "@everyone" not in (message.content or "").replace("@\u200beveryone", "")
    assert not message.mention_everyone


async def test_other_bots_are_ignored(live_bot: PopcornBot) -> None:
    config = dpytest.get_config()
    data = factories.make_user_dict("OtherBot", "0003", None, bot=True)
    other_bot = backend.make_member(backend.get_state().store_user(data), config.guilds[0])
    assert other_bot.bot
    await dpytest.message("!review leaving las vegas", member=other_bot)
    assert dpytest.verify().message().nothing()


@pytest.mark.parametrize(("first", "second"), [("!top 5 audio", "!top audio 5")])
async def test_a_prefix_command_is_parsed_once_in_any_order(
    live_bot: PopcornBot, first: str, second: str
) -> None:
    await dpytest.message(first)
    one = sent().embeds[0]
    await dpytest.message(second)
    other = sent().embeds[0]
    assert one.title == other.title == "Top 5 by audio rating"
    assert one.description == other.description


async def test_prefix_answers_are_the_chat_answers(live_bot: PopcornBot, app: Popcorn) -> None:
    """The same parser as `popcorn chat`: the same answer, whatever the argument order."""
    answer = await app.answer_text("!worst picture 3")
    assert answer is not None
    await dpytest.message("!worst picture 3")
    assert sent().embeds[0].title == getattr(answer, "title", None)


async def test_discord_py_parses_no_prefix_command(live_bot: PopcornBot) -> None:
    """One parser: discord.py's prefix commands are not used (slash commands are)."""
    assert not live_bot.commands
    for spec in COMMANDS:
        assert live_bot.tree.get_command(spec.name) is not None, spec.name


TEST_GUILD = 987654321987654321


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


# ---------------------------------------------------------------------------------- the mod-log

MODLOG_CHANNEL = 666666666666666666


async def with_modlog(bot: PopcornBot, app: Popcorn, granted: discord.Permissions) -> Any:
    """The guild's mod-log is a channel where the bot has `granted`; returns the channel."""
    channel = autospec(discord.TextChannel)
    channel.id = MODLOG_CHANNEL
    channel.guild = fake_guild()
    channel.permissions_for = MagicMock(return_value=granted)
    channel.send = AsyncMock()
    bot.get_channel = MagicMock(return_value=channel)  # type: ignore[method-assign]
    owner = Actor(1, "Owner", is_moderator=True, guild_id=GUILD, is_guild_owner=True)
    await app.answer(Request("modlog", str(MODLOG_CHANNEL), actor=owner))
    if granted.send_messages:  # setting the channel is the first line posted there
        assert channel.send.await_args.args[0] == (
            f"📝 **Owner** set the mod-log channel to <#{MODLOG_CHANNEL}>"
        )
    channel.send.reset_mock()
    return channel


def modlog_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "mod-log" in r.getMessage()
    ]


async def test_a_server_level_change_is_posted(bot: PopcornBot, app: Popcorn) -> None:
    channel = await with_modlog(bot, app, discord.Permissions.all())
    await bot.post_to_modlog(ChangeEvent(None, GUILD, "Owner", "added the moderator role @Mods"))
    channel.send.assert_awaited_once()
    assert channel.send.await_args.args[0] == "📝 **Owner** added the moderator role @Mods"


async def test_the_modrole_change_itself_reaches_the_mod_log(bot: PopcornBot, app: Popcorn) -> None:
    channel = await with_modlog(bot, app, discord.Permissions.all())
    owner = Actor(1, "Owner", is_moderator=True, guild_id=GUILD, is_guild_owner=True)
    await app.answer(Request("modrole", "add 555555555555555555", actor=owner))
    channel.send.assert_awaited_once()
    assert channel.send.await_args.args[0] == (
        "📝 **Owner** added the moderator role <@&555555555555555555>"
    )


async def test_a_missing_permission_is_logged_once_not_at_each_change(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    channel = await with_modlog(bot, app, discord.Permissions(view_channel=True))
    event = ChangeEvent(1, GUILD, "Mod", "set Leaving Las Vegas (1995): audio: POOR → GOOD")
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            await bot.post_to_modlog(event)
    channel.send.assert_not_awaited()
    assert modlog_warnings(caplog) == [
        f"cannot post to the mod-log channel {MODLOG_CHANNEL} of guild {GUILD}: missing Send "
        "Messages (logged once; the owner can fix it with !modlog)"
    ]
    # Fixed: posted again; broken again later: said again, once.
    channel.permissions_for.return_value = discord.Permissions.all()
    await bot.post_to_modlog(event)
    channel.send.assert_awaited_once()
    channel.send.side_effect = http_error(discord.Forbidden, 403, "Missing Access")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        await bot.post_to_modlog(event)
        await bot.post_to_modlog(event)
    assert modlog_warnings(caplog) == [
        f"cannot post to the mod-log channel {MODLOG_CHANNEL} of guild {GUILD}: Discord refused "
        "it (403 Missing Access) (logged once; the owner can fix it with !modlog)"
    ]


async def test_a_deleted_mod_log_channel_is_logged_once(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    await with_modlog(bot, app, discord.Permissions.all())
    bot.get_channel = MagicMock(return_value=None)  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING):
        await bot.post_to_modlog(ChangeEvent(None, GUILD, "Owner", "x"))
        await bot.post_to_modlog(ChangeEvent(2, GUILD, "Mod", "y"))
    assert modlog_warnings(caplog) == [
        f"cannot post to the mod-log channel {MODLOG_CHANNEL} of guild {GUILD}: the channel is "
        "gone or hidden (logged once; the owner can fix it with !modlog)"
    ]
