"""New reviews posted in each server's announce channel (`!announce #channel`), as their cards.

`Announcer.on_change` is a change listener of the core (a `!review add` confirmed: the film's
new review), `Announcer.announce_new()` looks at every film (after a sync or an import). Either
way a review is posted once per server, whichever process finds it first: the announcement row
is claimed (bot.db.announcements.claim_announcement) before the card is sent, and a card that
Discord refuses gives its claim back, so the next look posts it. Edits are never announced: a
review announced (or older than the channel's setting) is not new.

A channel that is gone or where the bot lacks a permission is logged once (per channel and
reason), like the mod-log; `!announce` shows the problem to the moderators."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import discord
from sqlalchemy import delete

from bot.answers.films import film_card
from bot.answers.text import clip
from bot.db.announcements import (
    AnnounceChannel,
    NewReview,
    announce_channels,
    claim_announcement,
    new_reviews,
)
from bot.db.changes import ChangeEvent
from bot.db.models import Announcement
from bot.db.reading import load_film
from bot.discord_bot import background, limits
from bot.discord_bot.facts import posting_missing
from bot.discord_bot.render import Reply, as_plain_text, render_card

if TYPE_CHECKING:
    from bot.app import Popcorn

log = logging.getLogger(__name__)

#: At most this many cards per server at one look (a first sync of a whole site finds
#: hundreds): the others are marked announced without a post, and the log says how many.
MAX_POSTS = 10
#: How often the bot looks for new reviews it was not told of (written by another process: an
#: import, `popcorn sync`, another shard's `!review add`), in seconds.
LOOK_SECONDS = 60.0
NEW_REVIEW = "🍿 New review: **{label}**"


class Announcer:
    """Posts new reviews for the bot `client` (its channels, its permissions) from `core`."""

    def __init__(self, client: discord.Client, core: Popcorn) -> None:
        self.client = client
        self.core = core
        #: Why a channel could not be posted in, said once (channel id -> reason).
        self.troubles: dict[int, str] = {}
        self.task: asyncio.Task[None] | None = None

    def start(
        self,
        ready: Callable[[], Awaitable[object]],
        every: float = LOOK_SECONDS,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> asyncio.Task[None]:
        """Look for new reviews every `every` seconds once `ready()` (the bot connected)."""

        async def looking() -> None:
            try:
                await ready()
            except RuntimeError as exc:  # set up without logging in (a test): no looks
                log.info("not looking for new reviews to announce: %s", exc)
                return
            while True:
                try:
                    await self.announce_new()
                except Exception:
                    log.exception("looking for new reviews to announce failed")
                await sleep(every)

        self.task = asyncio.create_task(looking(), name="popcorn-announcements")
        return self.task

    async def stop(self) -> None:
        task, self.task = self.task, None
        await background.cancel(task)

    async def on_change(self, event: ChangeEvent) -> None:
        """A change committed here: the film's review, if it is new, is announced."""
        if event.film_id is not None:
            await self.announce_new(event.film_id)

    async def announce_new(self, film_id: int | None = None) -> int:
        """Post every new review (of `film_id`, or of any film) in each server's announce
        channel. Returns how many cards were posted."""
        async with self.core.sessions() as session:
            channels = await announce_channels(session)
        posted = 0
        for where in channels:
            if self.client.get_guild(where.guild_id) is None:
                continue  # not this bot's (another shard's, or a server it left)
            async with self.core.sessions() as session:
                fresh = await new_reviews(session, where, film_id)
            if fresh:
                posted += await self.announce_in(where, fresh)
        return posted

    async def announce_in(self, where: AnnounceChannel, fresh: list[NewReview]) -> int:
        channel = self.usable_channel(where)
        if channel is None:
            return 0  # not claimed: posted once the channel is fixed (or by another shard)
        posted = 0
        for item in fresh[:MAX_POSTS]:
            if not await claim_announcement(self.core.sessions, item.review_id, where):
                continue  # another process announces it
            reply = await self.card_of(item.film_id)
            if reply is None:
                continue
            if not channel.permissions_for(channel.guild.me).embed_links:
                reply = as_plain_text(reply)
            try:
                await channel.send(**reply.send_kwargs())
            except discord.HTTPException as exc:
                await self.unclaim(item.review_id, where)
                why = f"Discord refused it ({exc.status} {exc.text or type(exc).__name__})"
                self.trouble(where, why)
                return posted
            posted += 1
            self.troubles.pop(where.channel_id, None)  # it works: a new problem is logged again
        skipped = 0
        for item in fresh[MAX_POSTS:]:
            skipped += await claim_announcement(self.core.sessions, item.review_id, where)
        if skipped:
            log.info(
                "announced %d new review(s) in channel %s of guild %s; %d more not posted "
                "(at most %d at once)", posted, where.channel_id, where.guild_id, skipped,
                MAX_POSTS,
            )  # fmt: skip
        return posted

    def usable_channel(self, where: AnnounceChannel) -> discord.TextChannel | None:
        """The announce channel, if the bot can post there (else the reason is logged once)."""
        channel = self.client.get_channel(where.channel_id)
        if channel is None:
            self.trouble(where, "the channel is gone or hidden")
            return None
        if not isinstance(channel, discord.TextChannel):
            self.trouble(where, "it is not a text channel")
            return None
        missing = posting_missing(channel, channel.guild.me)
        if missing:
            self.trouble(where, f"missing {', '.join(missing)}")
            return None
        return channel

    async def card_of(self, film_id: int) -> Reply | None:
        async with self.core.sessions() as session:
            film = await load_film(session, film_id)
        if film is None or film.review is None:
            return None
        reply = render_card(
            film_card(film, self.core.settings.affiliate_tag, self.core.settings.site_url)
        )
        label = film.title if film.year is None else f"{film.title} ({film.year})"
        reply.content = clip(NEW_REVIEW.format(label=label), limits.CONTENT)
        return reply

    async def unclaim(self, review_id: int, where: AnnounceChannel) -> None:
        """A card Discord refused: its claim is given back, so a later look posts it."""
        async with self.core.sessions() as session:
            await session.execute(
                delete(Announcement).where(
                    Announcement.review_id == review_id, Announcement.guild_id == where.guild_id
                )
            )
            await session.commit()

    def trouble(self, where: AnnounceChannel, why: str) -> None:
        """One warning per channel and reason."""
        if self.troubles.get(where.channel_id) == why:
            return
        self.troubles[where.channel_id] = why
        log.warning(
            "cannot announce new reviews in channel %s of guild %s: %s (logged once; a "
            "moderator can fix it with !announce)", where.channel_id, where.guild_id, why,
        )  # fmt: skip


__all__ = ["MAX_POSTS", "Announcer"]
