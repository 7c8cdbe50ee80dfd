"""`qapp` (tests/answers/conftest.py), a copy of a database built once per session: the shipped
data plus the answer tests' records, indexed, and each test's copy its own."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.app import Popcorn
from bot.db.models import Film, Review
from tests.answers.moderation.helpers import MOD, say, text_of

#: The films reviewed: data/'s one and tests/answers/data's.
REVIEWED = {
    "leaving-las-vegas-1995",
    "con-air-1997",
    "face-off-1997",
    "the-rock-1996",
    "the-wicker-man-1973",
    "the-wicker-man-2006",
}


async def reviewed(app: Popcorn) -> set[str]:
    query = select(Film.slug).join(Review).where(Review.deleted_at.is_(None))
    async with app.sessions() as session:
        return set((await session.scalars(query)).all())


async def test_qapp_holds_the_shipped_data_and_the_answer_records(qapp: Popcorn) -> None:
    assert await reviewed(qapp) == REVIEWED
    async with qapp.sessions() as session:
        films = (await session.execute(select(func.count()).select_from(Film))).scalar_one()
    assert qapp.index.film_count == films > 100


async def test_a_review_removed_in_one_test(qapp: Popcorn) -> None:
    answer = await say(qapp, "!review remove con air", actor=MOD)
    assert answer.change is not None, text_of(answer)
    await qapp.apply(answer.change)
    assert "con-air-1997" not in await reviewed(qapp)


async def test_is_there_in_the_next(qapp: Popcorn) -> None:
    assert await reviewed(qapp) == REVIEWED
