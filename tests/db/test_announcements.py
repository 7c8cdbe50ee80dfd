"""bot/db/announcements.py on both databases: which reviews are new to a server (above its
mark, live, not announced there yet), and the claim that one insert wins."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from bot.app import Popcorn
from bot.db.announcements import (
    AnnounceChannel,
    NewReview,
    announce_channels,
    claim_announcement,
    last_review_id,
    new_reviews,
)
from bot.db.models import GuildSettings, Review
from tests.answers.moderation.helpers import CON_AIR


async def reviews(app: Popcorn) -> list[tuple[int, int]]:
    async with app.sessions() as session:
        rows = await session.execute(select(Review.id, Review.film_id).order_by(Review.id))
        return [(review_id, film_id) for review_id, film_id in rows]


async def test_new_reviews_and_claims(any_app: Popcorn, tmp_path: Path) -> None:
    for n in range(3):  # three more reviews beside the shipped one
        (tmp_path / f"{n}.yaml").write_text(
            CON_AIR.replace("title: Con Air", f"title: Con Air {n}").replace("[Con-Air]", "[]")
        )
    await any_app.import_paths([tmp_path / f"{n}.yaml" for n in range(3)])
    every = await reviews(any_app)
    assert len(every) == 4
    async with any_app.sessions() as session:
        assert await last_review_id(session) == every[-1][0]
        assert await session.scalar(select(func.count()).select_from(GuildSettings)) == 0
        session.add(GuildSettings(guild_id=1, moderator_role_ids=[], announce_channel_id=None))
        session.add(
            GuildSettings(
                guild_id=2,
                moderator_role_ids=[],
                announce_channel_id=20,
                announce_after_review=every[0][0],
            )
        )
        await session.commit()
        channels = await announce_channels(session)
    assert channels == [AnnounceChannel(2, 20, every[0][0])]
    where = channels[0]
    async with any_app.sessions() as session:
        fresh = await new_reviews(session, where)
        assert fresh == [NewReview(r, f) for r, f in every[1:]]
        assert await new_reviews(session, where, film_id=every[1][1]) == [NewReview(*every[1])]
    assert await claim_announcement(any_app.sessions, every[1][0], where) is True
    assert await claim_announcement(any_app.sessions, every[1][0], where) is False
    other_server = AnnounceChannel(3, 30, 0)
    assert await claim_announcement(any_app.sessions, every[1][0], other_server) is True
    async with any_app.sessions() as session:
        assert await new_reviews(session, where) == [NewReview(r, f) for r, f in every[2:]]
        # A removed review is not new.
        removed = await session.get(Review, every[2][0])
        assert removed is not None
        removed.deleted_at = dt.datetime.now(dt.UTC)
        await session.commit()
        assert await new_reviews(session, where) == [NewReview(r, f) for r, f in every[3:]]


async def test_a_channel_without_a_mark_takes_todays_last_review(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        last = await last_review_id(session)
        session.add(GuildSettings(guild_id=5, moderator_role_ids=[], announce_channel_id=50))
        await session.commit()
        assert await announce_channels(session) == [AnnounceChannel(5, 50, last)]
    async with any_app.sessions() as session:
        row = await session.get(GuildSettings, 5)
        assert row is not None and row.announce_after_review == last
        assert await new_reviews(session, AnnounceChannel(5, 50, last)) == []


async def test_a_restored_announce_channel_starts_after_the_restored_reviews(
    any_app: Popcorn,
) -> None:
    """A backup's mark is another database's review id: restored here, the channel starts from
    this database's newest review, so no restored review is announced as new."""
    from bot.db.importer import restore_guild_settings

    backup = {
        "guild_settings": [
            {
                "guild_id": 4242,
                "moderator_role_ids": [],
                "modlog_channel_id": None,
                "announce_channel_id": 777,
                "announce_after_review": 0,
            }
        ]
    }
    async with any_app.sessions() as session:
        assert await restore_guild_settings(session, backup) == 1
        await session.commit()
        newest = await session.scalar(select(func.max(Review.id)))
        row = await session.get(GuildSettings, 4242)
        assert row is not None and row.announce_channel_id == 777
        assert newest is not None and row.announce_after_review == newest
        # Restored again: nothing changes, the mark this database set is kept.
        assert await restore_guild_settings(session, backup) == 0
        assert row.announce_after_review == newest
