"""Storage on SQLite and PostgreSQL: migrations, first-run seeding, idempotent import,
all-or-nothing import, export/import round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import MetaData, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.answers.types import Request
from bot.app import Popcorn
from bot.db import migrate
from bot.db.exporter import export_to_dir
from bot.db.models import Base, Film
from bot.discord_bot.render import render
from bot.records.files import RecordError
from tests.helpers import make_settings

COMMANDS = [
    "!review leaving las vegas",
    "!cast leaving las vegas",
    "!verdict leaving las vegas",
    "!buy leaving las vegas",
    "!cage",
    "!filmography elisabeth shue",
    "!review face off",
    "!search vegas",
]


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order."""
    tables: dict[str, list[tuple[object, ...]]] = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = await conn.execute(select(table).order_by(*table.primary_key.columns))
            tables[table.name] = [tuple(row) for row in rows]
    return tables


async def payloads(app: Popcorn) -> list[object]:
    out = []
    for message in COMMANDS:
        answer = await app.answer_text(message)
        assert answer is not None
        out.append(render(answer).payload())
    return out


@pytest.mark.asyncio(loop_scope="module")
async def test_migrations_create_the_models_schema(shared_any_app: Popcorn) -> None:
    assert await migrate.current_revision(shared_any_app.engine) == migrate.head_revision()

    def reflect(sync_conn: object) -> MetaData:
        meta = MetaData()
        meta.reflect(bind=sync_conn)  # type: ignore[arg-type]
        return meta

    async with shared_any_app.engine.connect() as conn:
        reflected = await conn.run_sync(reflect)
    for table in Base.metadata.sorted_tables:
        assert table.name in reflected.tables
        assert {c.name for c in reflected.tables[table.name].columns} == {
            c.name for c in table.columns
        }


@pytest.mark.asyncio(loop_scope="module")
async def test_models_match_the_migrations(shared_any_app: Popcorn) -> None:
    """Autogenerate finds nothing to add: every model change comes with a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    def diff(sync_conn: object) -> list[object]:
        context = MigrationContext.configure(sync_conn, opts={"compare_type": True})  # type: ignore[arg-type]
        return compare_metadata(context, Base.metadata)

    async with shared_any_app.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_first_run_loads_the_shipped_data(shared_any_app: Popcorn) -> None:
    async with shared_any_app.sessions() as session:
        titles = set((await session.scalars(select(Film.title))).all())
    assert "Leaving Las Vegas" in titles
    assert len(titles) > 80  # the Cage filmography
    assert shared_any_app.index.film_count == len(titles)


@pytest.mark.asyncio(loop_scope="module")
async def test_second_start_does_not_reload(unchanged_app: Popcorn) -> None:
    before = await snapshot(unchanged_app.engine)
    assert unchanged_app.settings.database_url is not None
    again = await Popcorn.start(make_settings(unchanged_app.settings.database_url))
    try:
        assert await snapshot(again.engine) == before
    finally:
        await again.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_importing_the_same_input_twice_changes_nothing(unchanged_app: Popcorn) -> None:
    data_dir = unchanged_app.settings.data_dir
    before = await snapshot(unchanged_app.engine)
    stats = await unchanged_app.import_paths([data_dir])
    assert stats.films_created == 0 and stats.films_updated == 0
    assert await snapshot(unchanged_app.engine) == before


@pytest.mark.asyncio(loop_scope="module")
async def test_a_bad_record_fails_the_whole_import(unchanged_app: Popcorn, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("title,year\nA Brand New Film,2020\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("film:\n  title: Bad Film\n  year: 1700\n", encoding="utf-8")
    before = await snapshot(unchanged_app.engine)
    with pytest.raises(RecordError) as caught:
        await unchanged_app.import_paths([good, bad])
    message = str(caught.value)
    assert "bad.yaml" in message and "'Bad Film'" in message and "film.year" in message
    assert await snapshot(unchanged_app.engine) == before


@pytest.mark.asyncio(loop_scope="module")
async def test_export_then_import_into_an_empty_database_gives_the_same_answers(
    shared_any_app: Popcorn, tmp_path: Path, sqlite_url: str
) -> None:
    async with shared_any_app.sessions() as session:
        count = await export_to_dir(session, tmp_path / "export")
    assert count == shared_any_app.index.film_count
    original = await payloads(shared_any_app)

    # Into an empty SQLite database (a second SQLite file when this one is SQLite).
    empty = await Popcorn.start(make_settings(sqlite_url), seed=False)
    try:
        await empty.import_paths([tmp_path / "export"])
        assert await payloads(empty) == original
    finally:
        await empty.close()


async def test_postgres_url_forms_are_accepted(database_url: str) -> None:
    settings = make_settings(database_url.replace("+asyncpg", "").replace("+aiosqlite", ""))
    app = await Popcorn.start(settings, seed=False)
    try:
        async with app.engine.connect() as conn:
            assert (await conn.execute(text("select 1"))).scalar() == 1
    finally:
        await app.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_answers_use_a_fresh_session_each_time(shared_any_app: Popcorn) -> None:
    first = await shared_any_app.answer(Request("review", "leaving las vegas"))
    second = await shared_any_app.answer(Request("review", "leaving las vegas"))
    assert first == second


async def test_a_long_import_reports_progress(any_app: Popcorn, tmp_path: Path) -> None:
    catalog = tmp_path / "many.csv"
    rows = "\n".join(f"Film Number {i},{1950 + i % 70}" for i in range(4500))
    catalog.write_text(f"title,year\n{rows}\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    stats = await any_app.import_paths([catalog], lambda done, total: seen.append((done, total)))
    assert stats.films_created == 4500
    assert len(seen) >= 3 and seen[-1] == (4500, 4500)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
