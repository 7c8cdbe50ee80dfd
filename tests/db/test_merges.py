"""Repairs of people and films in the database (bot/db/merges.py), on SQLite and PostgreSQL:
what moves, what is deleted, what the history keeps, and what the search index reads after."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.answers.types import Attachment, Confirmation
from bot.app import Popcorn
from bot.db.changes import ChangeError
from bot.db.merges import (
    NameTaken,
    film_for_change,
    merge_films,
    merge_people,
    person_by_name,
    remove_film,
    rename_person,
)
from bot.db.models import Change, Credit, Film, FilmAlias, Person, PersonAlias
from bot.db.queries import person_document, search_documents
from tests.answers.moderation.helpers import MOD, say

SNAKE_EYES = """\
schema: 1
film:
  title: Snake Eyes
  year: 1998
  directors: [Brian De Palma]
  cast:
    - {name: Nicolas Cage, character: Rick Santoro}
    - {name: Nicholas Cage, character: Rick Santoro}
    - {name: Nicholas Cage, character: Himself}
    - {name: Gary Sinise, character: Kevin Dunne}
review:
  verdict: Flashy
  ratings: {film: 6}
"""


async def add_record(app: Popcorn, text: str, name: str = "record.yaml") -> None:
    preview = await say(app, "!review add", files=(Attachment(name, text.encode()),))
    assert isinstance(preview, Confirmation), preview
    await app.apply(preview.change)


async def credits_of(app: Popcorn, slug: str) -> list[tuple[str, str, str | None, int]]:
    async with app.sessions() as session:
        rows = await session.execute(
            select(Person.name, Credit.role, Credit.character, Credit.billing)
            .join(Credit, Credit.person_id == Person.id)
            .join(Film, Film.id == Credit.film_id)
            .where(Film.slug == slug)
            .order_by(Credit.billing)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def history(app: Popcorn, label: str) -> list[tuple[int | None, str, str | None]]:
    async with app.sessions() as session:
        rows = await session.execute(
            select(Change.film_id, Change.action, Change.new_value)
            .where(Change.film_label == label)
            .order_by(Change.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def test_merging_people_moves_credits_keeps_billing_and_never_doubles_one(
    any_app: Popcorn,
) -> None:
    await add_record(any_app, SNAKE_EYES)
    async with any_app.sessions() as session:
        source = await person_by_name(session, "Nicholas Cage")
        target = await person_by_name(session, "nicolas CAGE")
        assert source is not None and target is not None and source.id != target.id
        version = await session.scalar(select(Film.version).where(Film.slug == "snake-eyes-1998"))
        repair = await merge_people(session, source, target, MOD)
        await session.commit()
        source_id, target_id = source.id, target.id
    assert [label for _, label in repair.films] == ["Snake Eyes (1998)"]
    assert await credits_of(any_app, "snake-eyes-1998") == [
        ("Brian De Palma", "director", None, 0),
        ("Nicolas Cage", "actor", "Rick Santoro", 1),  # the misspelt one's was the same role
        ("Nicolas Cage", "actor", "Himself", 3),  # moved, its billing kept
        ("Gary Sinise", "actor", "Kevin Dunne", 4),
    ]
    async with any_app.sessions() as session:
        assert await session.get(Person, source_id) is None
        aliases = (await session.execute(select(PersonAlias.person_id, PersonAlias.alias))).all()
        assert [tuple(a) for a in aliases] == [(target_id, "Nicholas Cage")]
        # The old spelling now names the right person.
        found = await person_by_name(session, "nicholas cage")
        assert found is not None and found.id == target_id
        assert (
            await session.scalar(select(Film.version).where(Film.slug == "snake-eyes-1998"))
            == (version or 0) + 1
        )
        doc = await person_document(session, target_id)
        assert doc is not None and doc.aliases == ("Nicholas Cage",)
    assert (await history(any_app, "Snake Eyes (1998)"))[-1][1:] == (
        "person merge",
        "Nicholas Cage → Nicolas Cage",
    )


async def test_renaming_keeps_the_credits_and_refuses_a_name_already_taken(
    any_app: Popcorn,
) -> None:
    await add_record(any_app, SNAKE_EYES)
    async with any_app.sessions() as session:
        person = await person_by_name(session, "Gary Sinise")
        assert person is not None
        with pytest.raises(NameTaken) as taken:
            await rename_person(session, person, "Nicolas  Cage", MOD)
        assert taken.value.other == "Nicolas Cage"
        await session.rollback()
        person = await person_by_name(session, "Gary Sinise")
        assert person is not None
        repair = await rename_person(session, person, "Gary  Sinese", MOD)
        await session.commit()
    assert [label for _, label in repair.films] == ["Snake Eyes (1998)"]
    assert ("Gary Sinese", "actor", "Kevin Dunne", 4) in await credits_of(
        any_app, "snake-eyes-1998"
    )
    async with any_app.sessions() as session:
        old = await person_by_name(session, "gary sinise")  # the old spelling still finds him
        assert old is not None and old.name == "Gary Sinese"
    assert (await history(any_app, "Snake Eyes (1998)"))[-1][1:] == (
        "person rename",
        "Gary Sinise → Gary Sinese",
    )


async def test_an_orphan_is_left_out_of_the_search_documents(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        session.add(Person(name="Ursula Nobody", name_key="ursula nobody"))
        await session.commit()
        _, people = await search_documents(session)
    names = {doc.name for doc in people}
    assert "Ursula Nobody" not in names and "Nicolas Cage" in names


async def test_removing_a_film_keeps_its_history_and_refuses_a_reviewed_one(
    any_app: Popcorn,
) -> None:
    await add_record(any_app, SNAKE_EYES)
    async with any_app.sessions() as session:
        film_id = await session.scalar(select(Film.id).where(Film.slug == "snake-eyes-1998"))
        assert film_id is not None
        with pytest.raises(ChangeError, match="has a review"):
            await remove_film(session, await film_for_change(session, film_id), MOD)
        await session.rollback()
    await say(any_app, "!review remove snake eyes")  # a preview: Confirm is needed
    async with any_app.sessions() as session:
        film = await film_for_change(session, film_id)
        for review in film.reviews:
            review.deleted_at = review.created_at  # removed (soft-deleted)
        await session.commit()
        repair = await remove_film(session, await film_for_change(session, film_id), MOD)
        await session.commit()
        assert await session.get(Film, film_id) is None
        sinise = await person_by_name(session, "Gary Sinise")
        assert sinise is not None and sinise.id in repair.orphans
    rows = await history(any_app, "Snake Eyes (1998)")
    assert rows and all(film is None for film, _, _ in rows)
    assert rows[-1][1:] == (
        "film remove",
        "removed Snake Eyes (1998); its removed review went with it: Flashy",
    )


async def test_merging_films_gives_the_title_and_credits_then_deletes_the_duplicate(
    any_app: Popcorn,
) -> None:
    async with any_app.sessions() as session:
        session.add(
            Film(
                slug="faceoff-1996",
                title="FaceOff!",
                year=1996,
                genres=[],
                aliases=[FilmAlias(alias="Face Off Woo")],
                credits=[
                    Credit(person=Person(name="Jon Woo", name_key="jon woo"), role="director"),
                ],
            )
        )
        await session.commit()
        source_id = await session.scalar(select(Film.id).where(Film.slug == "faceoff-1996"))
        target_id = await session.scalar(select(Film.id).where(Film.slug == "face-off-1997"))
        assert source_id is not None and target_id is not None
        source = await film_for_change(session, source_id)
        target = await film_for_change(session, target_id)
        repair = await merge_films(session, source, target, MOD)
        await session.commit()
        assert await session.get(Film, source_id) is None
        aliases = await session.scalars(
            select(FilmAlias.alias).where(FilmAlias.film_id == target_id).order_by(FilmAlias.id)
        )
        assert list(aliases) == ["FaceOff!", "Face Off Woo"]
    assert repair.aliases == ["FaceOff!", "Face Off Woo"] and repair.credits == 1
    assert ("Jon Woo", "director", None) in [
        c[:3] for c in await credits_of(any_app, "face-off-1997")
    ]
    assert (await history(any_app, "Face/Off (1997)"))[-1][1:] == (
        "film merge",
        "merged FaceOff! (1996) into it; aliases: FaceOff!, Face Off Woo; 1 credit added",
    )
    assert (await history(any_app, "FaceOff! (1996)"))[-1] == (
        None,
        "film merge",
        "merged into Face/Off (1997)",
    )
