"""`!announce` (bot/answers/moderation/settings.py, announce_answer): the channel named as typed,
what the moderators see (and any permission problem), off, and who may; on both databases."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.answers.types import Notice, Tone
from bot.app import Popcorn
from bot.db.models import GuildSettings, Review
from tests.answers.moderation.helpers import MEMBER, MOD, say, text_of
from tests.answers.moderation.test_settings import GENERAL, NEWS, ask, logged


async def stored(app: Popcorn) -> tuple[int | None, int | None] | None:
    async with app.sessions() as session:
        row = await session.get(GuildSettings, 99)
        return None if row is None else (row.announce_channel_id, row.announce_after_review)


async def last_review(app: Popcorn) -> int:
    async with app.sessions() as session:
        return int(await session.scalar(select(func.max(Review.id))) or 0)


async def test_a_channel_is_set_by_name_shown_and_turned_off(any_app: Popcorn) -> None:
    events = logged(any_app)
    assert text_of(await ask(any_app, "announce", actor=MOD)) == (
        "New reviews are not announced. Set a channel: `!announce #channel`."
    )
    assert text_of(await ask(any_app, "announce", "#General", actor=MOD)) == (
        "Each new review will be posted in #general, once, as its card (edits are not). "
        "`!announce off` stops it."
    )
    last = await last_review(any_app)
    assert last > 0  # the shipped reviews: none of them is new
    assert await stored(any_app) == (GENERAL, last)
    assert text_of(await ask(any_app, "announce", actor=MOD)) == (
        "New reviews are posted in #general. `!announce off` stops it."
    )
    assert text_of(await ask(any_app, "announce", f"<#{GENERAL}>", actor=MOD)) == (
        "New reviews already are posted in #general."
    )
    assert text_of(await ask(any_app, "announce", "off", actor=MOD)) == (
        "New reviews are no longer announced. `!announce #channel` starts again."
    )
    assert await stored(any_app) == (None, None)
    assert text_of(await ask(any_app, "announce", "off", actor=MOD)) == (
        "New reviews are not announced: there is nothing to turn off."
    )
    assert [(e.film_id, e.summary) for e in events] == [
        (None, "set the announce channel to #general"),
        (None, "turned the announcements of new reviews off"),
    ]


async def test_a_channel_the_bot_cannot_post_in_is_saved_and_shown(app: Popcorn) -> None:
    answer = await ask(app, "announce", "#news", actor=MOD)
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert answer.text == (
        "Saved, but I can't post in #news: I need Send Messages there. Allow it for me in the "
        "channel's settings (Edit Channel → Permissions); until then new reviews are not "
        "announced."
    )
    assert await stored(app) == (NEWS, await last_review(app))
    assert text_of(await ask(app, "announce", actor=MOD)) == (
        "New reviews are posted in #news, but I can't post there: I need Send Messages. Allow "
        "it for me in the channel's settings."
    )


async def test_moving_the_channel_keeps_what_is_new(app: Popcorn) -> None:
    await ask(app, "announce", "#news", actor=MOD)
    first = await stored(app)
    assert first is not None
    async with app.sessions() as session:  # as if reviews were added since
        row = await session.get(GuildSettings, 99)
        assert row is not None
        row.announce_after_review = 1
        await session.commit()
    await ask(app, "announce", "#general", actor=MOD)
    assert await stored(app) == (GENERAL, 1)


async def test_unknown_channels_and_members_are_refused(app: Popcorn) -> None:
    assert text_of(await ask(app, "announce", "#newz", actor=MOD)) == (
        "This server has no text channel called #newz. Nothing was saved. "
        "Its text channels: #mod-log, #general and #news."
    )
    assert text_of(await ask(app, "announce", "<#12>", actor=MOD)) == (
        "That is not a Discord channel id. Name the channel: `!announce #new-reviews` (or "
        "`off`). Nothing was saved."
    )
    refused = await say(app, "!announce #general", actor=MEMBER)
    assert isinstance(refused, Notice) and refused.tone is Tone.ERROR
    assert await stored(app) is None
    # Without the server's facts (a DM-less test, `popcorn chat` without a guild): ids only.
    assert text_of(await say(app, "!announce general", actor=MOD)) == (
        "Name the channel: `!announce #new-reviews` (or `off`). Nothing was saved."
    )
    assert text_of(await say(app, "!announce <#234567890123456789>", actor=MOD)) == (
        "Each new review will be posted in <#234567890123456789>, once, as its card (edits "
        "are not). `!announce off` stops it."
    )
