"""New reviews announced (bot/discord_bot/announcements.py) end to end with the Discord fakes:
`!announce` sets the channel, `!review add` confirmed posts the new review's card there once, an
edit posts nothing, an import's new review is posted by `announce_new`, a missing permission is
logged once (and the review posted once it is fixed), and two processes on one database post a
review once."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from sqlalchemy import select

from bot.answers.types import Actor, Attachment, Confirmation
from bot.app import Popcorn
from bot.db.models import Announcement
from bot.discord_bot.announcements import MAX_POSTS, Announcer
from bot.discord_bot.client import PopcornBot
from tests.answers.moderation.helpers import CON_AIR, say, text_of
from tests.discord_bot.fakes import GUILD, autospec, fake_guild, http_error

CHANNEL = 888888888888888888
MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=GUILD)


def announce_channel(granted: discord.Permissions) -> Any:
    channel = autospec(discord.TextChannel)
    channel.id = CHANNEL
    channel.guild = fake_guild()
    channel.permissions_for = MagicMock(return_value=granted)
    channel.send = AsyncMock()
    return channel


async def announcing(app: Popcorn, client: Any, granted: discord.Permissions) -> Any:
    """`!announce <#CHANNEL>` in GUILD, where the bot has `granted`: returns the channel."""
    channel = announce_channel(granted)
    client.get_channel = MagicMock(return_value=channel)
    client.get_guild = MagicMock(return_value=channel.guild)
    assert text_of(await say(app, f"!announce <#{CHANNEL}>", actor=MOD)) == (
        f"Each new review will be posted in <#{CHANNEL}>, once, as its card (edits are not). "
        "`!announce off` stops it."
    )
    return channel


async def add_con_air(app: Popcorn) -> None:
    preview = await say(app, "!review add", MOD, (Attachment("con-air.yaml", CON_AIR.encode()),))
    assert isinstance(preview, Confirmation)
    assert text_of(await app.apply(preview.change)).startswith("Done: added the review of Con Air")


def posted(channel: Any) -> list[tuple[str, str | None]]:
    """(content, the card's title) of each message sent."""
    out = []
    for call in channel.send.await_args_list:
        embeds = call.kwargs.get("embeds") or []
        out.append((call.kwargs.get("content"), embeds[0].title if embeds else None))
    return out


async def claims(app: Popcorn) -> list[tuple[int, int]]:
    async with app.sessions() as session:
        rows = await session.execute(select(Announcement.guild_id, Announcement.channel_id))
        return [tuple(row) for row in rows]  # type: ignore[misc]


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "announce" in r.getMessage()
    ]


async def test_a_new_review_is_posted_once_and_an_edit_not(bot: PopcornBot, app: Popcorn) -> None:
    channel = await announcing(app, bot, discord.Permissions.all())
    await add_con_air(app)  # the bot's listener (setup_hook) hears of it
    assert posted(channel) == [("🍿 New review: **Con Air (1997)**", "Con Air (1997)")]
    card = channel.send.await_args.kwargs
    assert card["allowed_mentions"].to_dict()["parse"] == []
    assert await claims(app) == [(GUILD, CHANNEL)]
    # An edit is not new; a second look finds nothing; the shipped reviews never were new.
    assert text_of(await say(app, "!review set con air audio POOR", actor=MOD)).startswith("Saved.")
    assert bot.announcer is not None
    assert await bot.announcer.announce_new() == 0
    assert len(posted(channel)) == 1


async def test_an_imported_review_is_posted_by_the_look_after_it(
    bot: PopcornBot, app: Popcorn, tmp_path: Path
) -> None:
    channel = await announcing(app, bot, discord.Permissions.all())
    record = tmp_path / "con-air.yaml"
    record.write_text(CON_AIR)
    stats = await app.import_paths([record])
    assert stats.films_updated == 1  # the catalogue's Con Air gets its first review
    assert posted(channel) == []  # an import tells no listener: the sync loop looks after it
    assert bot.announcer is not None
    assert await bot.announcer.announce_new() == 1
    assert posted(channel) == [("🍿 New review: **Con Air (1997)**", "Con Air (1997)")]
    assert await bot.announcer.announce_new() == 0


async def test_without_embed_links_the_card_is_text(bot: PopcornBot, app: Popcorn) -> None:
    granted = discord.Permissions(view_channel=True, send_messages=True)
    channel = await announcing(app, bot, granted)
    await add_con_air(app)
    (call,) = channel.send.await_args_list
    assert "embeds" not in call.kwargs
    assert call.kwargs["content"].startswith("🍿 New review: **Con Air (1997)**\n\n**Con Air")
    assert "I need the Embed Links permission" in call.kwargs["content"]


async def test_a_missing_permission_is_logged_once_and_the_review_waits(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    channel = await announcing(app, bot, discord.Permissions(view_channel=True))
    assert bot.announcer is not None
    with caplog.at_level(logging.WARNING):
        await add_con_air(app)
        await bot.announcer.announce_new()
        await bot.announcer.announce_new()
    channel.send.assert_not_awaited()
    assert warnings(caplog) == [
        f"cannot announce new reviews in channel {CHANNEL} of guild {GUILD}: missing Send "
        "Messages (logged once; a moderator can fix it with !announce)"
    ]
    assert await claims(app) == []  # not claimed: posted once the channel is fixed
    channel.permissions_for.return_value = discord.Permissions.all()
    assert await bot.announcer.announce_new() == 1
    assert posted(channel) == [("🍿 New review: **Con Air (1997)**", "Con Air (1997)")]


async def test_a_refused_card_gives_its_claim_back(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    channel = await announcing(app, bot, discord.Permissions.all())
    channel.send.side_effect = http_error(discord.Forbidden, 403, "Missing Access")
    with caplog.at_level(logging.WARNING):
        await add_con_air(app)
    assert warnings(caplog) == [
        f"cannot announce new reviews in channel {CHANNEL} of guild {GUILD}: Discord refused "
        "it (403 Missing Access) (logged once; a moderator can fix it with !announce)"
    ]
    assert await claims(app) == []
    channel.send.side_effect = None
    assert bot.announcer is not None
    assert await bot.announcer.announce_new() == 1


async def test_a_gone_channel_and_off(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    await announcing(app, bot, discord.Permissions.all())
    bot.get_channel = MagicMock(return_value=None)  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING):
        await add_con_air(app)
    assert warnings(caplog) == [
        f"cannot announce new reviews in channel {CHANNEL} of guild {GUILD}: the channel is "
        "gone or hidden (logged once; a moderator can fix it with !announce)"
    ]
    await say(app, "!announce off", actor=MOD)
    bot.get_channel.reset_mock()
    assert bot.announcer is not None
    assert await bot.announcer.announce_new() == 0
    bot.get_channel.assert_not_called()


async def test_many_new_reviews_post_at_most_a_few(
    bot: PopcornBot, app: Popcorn, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    channel = await announcing(app, bot, discord.Permissions.all())
    for n in range(MAX_POSTS + 2):
        (tmp_path / f"film-{n}.yaml").write_text(
            CON_AIR.replace("title: Con Air", f"title: Con Air {n}").replace(
                "aliases: [Con-Air]", "aliases: []"
            )
        )
    stats = await app.import_paths([tmp_path / f"film-{n}.yaml" for n in range(MAX_POSTS + 2)])
    assert stats.films_created == MAX_POSTS + 2
    assert bot.announcer is not None
    with caplog.at_level(logging.INFO):
        assert await bot.announcer.announce_new() == MAX_POSTS
    assert len(posted(channel)) == MAX_POSTS
    assert any("2 more not posted" in r.getMessage() for r in caplog.records)
    assert len(await claims(app)) == MAX_POSTS + 2
    assert await bot.announcer.announce_new() == 0


async def test_two_processes_on_one_database_post_once(any_app: Popcorn) -> None:
    other = await Popcorn.start(any_app.settings)
    try:
        clients = [MagicMock(), MagicMock()]
        channels = [announce_channel(discord.Permissions.all()) for _ in clients]
        for client, channel in zip(clients, channels, strict=True):
            client.get_channel = MagicMock(return_value=channel)
            client.get_guild = MagicMock(return_value=channel.guild)
        await say(any_app, f"!announce <#{CHANNEL}>", actor=MOD)
        await add_con_air(any_app)  # no listener here: both processes find it at once
        announcers = [Announcer(clients[0], any_app), Announcer(clients[1], other)]
        counts = await asyncio.gather(*(a.announce_new() for a in announcers))
        assert sorted(counts) == [0, 1]
        assert sorted(len(posted(channel)) for channel in channels) == [0, 1]
        assert await claims(any_app) == [(GUILD, CHANNEL)]
        assert await asyncio.gather(*(a.announce_new() for a in announcers)) == [0, 0]
    finally:
        await other.close()


async def test_another_shards_server_is_left_to_it(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    channel = await announcing(app, bot, discord.Permissions.all())
    bot.get_guild = MagicMock(return_value=None)  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING):
        await add_con_air(app)
    channel.send.assert_not_awaited()
    assert warnings(caplog) == [] and await claims(app) == []  # the other shard posts it


async def test_the_bot_looks_for_new_reviews_every_minute(app: Popcorn, tmp_path: Path) -> None:
    client = MagicMock()
    channel = await announcing(app, client, discord.Permissions.all())
    record = tmp_path / "con-air.yaml"
    record.write_text(CON_AIR)
    announcer = Announcer(client, app)
    ready = asyncio.Event()
    waits: asyncio.Queue[float] = asyncio.Queue()
    go = asyncio.Event()

    async def sleep(seconds: float) -> None:  # each wait lasts until the test says go
        await waits.put(seconds)
        await go.wait()
        go.clear()

    task = announcer.start(ready.wait, sleep=sleep)
    await asyncio.sleep(0.01)
    assert waits.empty()  # not before the bot is connected
    ready.set()
    assert await asyncio.wait_for(waits.get(), 5) == 60.0  # the first look: nothing new
    assert posted(channel) == []
    await app.import_paths([record])  # written elsewhere: no listener told
    go.set()
    assert await asyncio.wait_for(waits.get(), 5) == 60.0  # the next look posted it
    assert posted(channel) == [("🍿 New review: **Con Air (1997)**", "Con Air (1997)")]
    await announcer.stop()
    assert task.cancelled() and announcer.task is None
