"""New reviews announced in each server's announce channel (`!announce #channel`).

A review is new to a server when its id is above the server's `announce_after_review` (the last
review when the channel was set) and no row of `announcements` holds it for that server. The
row is inserted (and committed) before the card is posted: of two processes that find the same
new review, the unique (review_id, guild_id) lets one insert win, and only that one posts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Announcement, GuildSettings, Review


@dataclass(frozen=True, slots=True)
class AnnounceChannel:
    """A server that announces new reviews: where, and the last review that is not new."""

    guild_id: int
    channel_id: int
    after_review: int


@dataclass(frozen=True, slots=True)
class NewReview:
    review_id: int
    film_id: int


async def last_review_id(session: AsyncSession) -> int:
    """The highest review id so far (0 when there are none): reviews above it are new."""
    return int(await session.scalar(select(func.max(Review.id))) or 0)


async def announce_channels(session: AsyncSession) -> list[AnnounceChannel]:
    """The servers that announce new reviews. One with a channel but no mark (set by hand, or
    restored from a backup without it) gets today's last review as its mark, and it is saved:
    the reviews already here are never taken for new ones."""
    rows = (
        await session.scalars(
            select(GuildSettings)
            .where(GuildSettings.announce_channel_id.is_not(None))
            .order_by(GuildSettings.guild_id)
        )
    ).all()
    unmarked = [row for row in rows if row.announce_after_review is None]
    if unmarked:
        last = await last_review_id(session)
        for row in unmarked:
            row.announce_after_review = last
        await session.commit()
    return [
        AnnounceChannel(row.guild_id, row.announce_channel_id, row.announce_after_review or 0)
        for row in rows
        if row.announce_channel_id is not None
    ]


async def new_reviews(
    session: AsyncSession, where: AnnounceChannel, film_id: int | None = None
) -> list[NewReview]:
    """The live reviews not yet announced in `where`'s server, oldest first (of one film when
    `film_id` is given)."""
    announced = select(Announcement.review_id).where(Announcement.guild_id == where.guild_id)
    stmt = (
        select(Review.id, Review.film_id)
        .where(
            Review.id > where.after_review,
            Review.deleted_at.is_(None),
            Review.id.not_in(announced),
        )
        .order_by(Review.id)
    )
    if film_id is not None:
        stmt = stmt.where(Review.film_id == film_id)
    return [NewReview(review_id, film) for review_id, film in await session.execute(stmt)]


async def claim_announcement(
    sessions: async_sessionmaker[AsyncSession], review_id: int, where: AnnounceChannel
) -> bool:
    """Whether this process announces the review in `where`'s server: its row is inserted and
    committed here (True), or another process's already was (False). A review removed since
    (its row gone) is not announced either."""
    async with sessions() as session:
        session.add(
            Announcement(review_id=review_id, guild_id=where.guild_id, channel_id=where.channel_id)
        )
        try:
            await session.commit()
        except IntegrityError:
            await session.rollback()
            return False
    return True


__all__ = [
    "AnnounceChannel",
    "NewReview",
    "announce_channels",
    "claim_announcement",
    "last_review_id",
    "new_reviews",
]
