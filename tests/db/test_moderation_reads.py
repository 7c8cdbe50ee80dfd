"""The db-layer functions the moderators' answers use instead of the ORM (issue 13), on SQLite
and PostgreSQL: documents and plain rows back, refusals as ChangeError, writes as before."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.answers.moderation.editing import set_field
from bot.answers.types import PendingChange
from bot.app import Popcorn
from bot.db.changes import (
    ChangeError,
    ConflictError,
    HistoryRow,
    carry_out,
    film_document_by_slug,
    history_entries,
    history_rows,
    preview_record,
)
from bot.db.documents import FilmDocument, PersonRef
from bot.db.merges import (
    Repair,
    RepairRace,
    merge_people_by_id,
    person_ref_by_name,
    remove_film_by_id,
    rename_person_by_id,
    run_repair,
)
from bot.db.models import Change, Film, FilmAlias, Person
from bot.db.queries import NameOwner, film_id_by_slug, known_person_keys, title_owner
from bot.db.records import record_of
from bot.search.normalize import normalize_title
from tests.answers.moderation.helpers import MOD

LLV = "leaving-las-vegas-1995"


async def test_title_owner_finds_another_films_title_then_alias(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        llv = await film_document_by_slug(session, LLV)
        assert llv is not None
        other = await session.scalar(select(Film).where(Film.slug != LLV).order_by(Film.id))
        assert other is not None
        session.add(FilmAlias(film_id=other.id, alias="The Other One"))
        await session.flush()
        key, alias = normalize_title("Leaving Las Vegas"), normalize_title("The Other One")
        assert await title_owner(session, key, llv.id) is None  # its own title is not a clash
        assert await title_owner(session, key, other.id) == NameOwner(
            "Leaving Las Vegas", 1995, None
        )
        assert await title_owner(session, alias, llv.id) == NameOwner(
            other.title, other.year, "The Other One"
        )
        assert await title_owner(session, alias, other.id) is None


async def test_known_person_keys_and_film_id_by_slug(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        cage = await person_ref_by_name(session, "nicolas CAGE")
        assert cage is not None and cage == PersonRef(id=cage.id, name="Nicolas Cage")
        assert await person_ref_by_name(session, "Nobody At All") is None
        await rename_person_by_id(session, cage.id, "Nicolas Kage", MOD)
        known, spelt = await known_person_keys(
            session, ["nicolas kage", "nicolas cage", "nobody at all"]
        )
        assert known == {"nicolas kage"}
        assert spelt == {"nicolas cage": "Nicolas Kage"}
        llv_id = await session.scalar(select(Film.id).where(Film.slug == LLV))
        assert await film_id_by_slug(session, LLV) == llv_id
        assert await film_id_by_slug(session, "no-such-film-2000") is None


async def test_carry_out_returns_the_document_and_history_rows_are_plain(
    any_app: Popcorn,
) -> None:
    async with any_app.sessions() as session:
        doc = await film_document_by_slug(session, LLV)
        assert isinstance(doc, FilmDocument) and doc.review is not None
        edited = set_field(record_of(doc), "review.verdict", "Changed verdict")
        change = PendingChange("save", MOD, film_id=doc.id, base_version=doc.version,
                               record=edited, action="set")  # fmt: skip
        saved, diff = await carry_out(session, change)
        await session.commit()
        assert isinstance(saved, FilmDocument)
        assert saved.version == doc.version + 1
        assert saved.review is not None and saved.review.verdict == "Changed verdict"
        assert diff == [("review.verdict", doc.review.verdict, "Changed verdict")]
        rows = await history_rows(session, doc.id)
        assert all(isinstance(r, HistoryRow) for r in rows)
        orm = (await session.scalars(select(Change).where(Change.film_id == doc.id))).all()
        assert {r.id for r in rows} == {c.id for c in orm}
        entries = history_entries(rows)
        assert [(r.field, r.new_value, r.film_version) for r in entries[0]] == [
            ("review.verdict", "Changed verdict", doc.version + 1)
        ]
        with pytest.raises(ConflictError):  # the old version again: refused
            await carry_out(session, change)
        await session.rollback()
        after = await film_document_by_slug(session, LLV)
        assert after is not None and after.version == doc.version + 1


async def test_preview_record_yields_a_document_and_keeps_nothing(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        doc = await film_document_by_slug(session, LLV)
        assert doc is not None
        edited = set_field(record_of(doc), "film.title", "Leaving Las Vegas Again")
        async with preview_record(session, edited) as previewed:
            assert isinstance(previewed, FilmDocument)
            assert previewed.title == "Leaving Las Vegas Again"
        assert await film_document_by_slug(session, LLV) == doc


async def test_run_repair_turns_an_integrity_error_into_repair_race(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(Person))

        async def clash() -> Repair:
            session.add(Person(name="Someone New", name_key="someone new"))
            await session.flush()
            raise IntegrityError("x", None, Exception())

        with pytest.raises(RepairRace) as raised:
            await run_repair(session, clash)
        assert isinstance(raised.value, ChangeError)
        assert await session.scalar(select(func.count()).select_from(Person)) == count


async def test_repairs_by_id_check_the_version_and_the_people(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        doc = await film_document_by_slug(session, LLV)
        assert doc is not None
        with pytest.raises(ConflictError):
            await remove_film_by_id(session, doc.id, doc.version - 1 or 99, MOD)
        with pytest.raises(ChangeError, match="no longer in the database"):
            await remove_film_by_id(session, 10**9, 1, MOD)
        with pytest.raises(ChangeError, match="no longer in the database"):
            await merge_people_by_id(session, 10**9, 1, MOD)
        cage = await person_ref_by_name(session, "Nicolas Cage")
        assert cage is not None
        session.add(Person(name="Nick Cage", name_key="nick cage"))
        await session.flush()
        nick = await person_ref_by_name(session, "Nick Cage")
        assert nick is not None
        await merge_people_by_id(session, nick.id, cage.id, MOD)
        await session.commit()
        assert await person_ref_by_name(session, "Nick Cage") == cage
