"""A CSV catalog is imported as a stream (issue #10, item 18): CATALOG_CHUNK rows at a time are
validated and written, in one transaction. With a small chunk patched in, a multi-chunk import
gives the database that one chunk gives (the whole catalog at once, as before), a bad row in
the last chunk leaves nothing written, and importing again changes nothing. On SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import func, select

import bot.db.importer as importer_module
from bot.app import Popcorn
from bot.db.models import Change, Credit, Film, Person
from bot.db.urls import to_async_url
from bot.records.files import RecordError
from tests.helpers import make_settings

if TYPE_CHECKING:
    from tests.scratch_pool import ScratchDatabases

ROWS = 1200
CHUNK = 100  # twelve chunks
LATER = 550  # a film listed again this many rows later: five and a half chunks
FIRST_NAMES = ("Ann", "Bob", "Cy", "Dee", "Eve", "Flo", "Gus")
KNOWN = 40  # films in the database before the big catalog

REVIEW = """\
schema: 1
film:
  title: Known Film 3
  year: 2003
  directors: [Ann Person0]
review:
  verdict: Fine
"""

NEW_REVIEW = """\
schema: 1
film:
  title: Reviewed New
  year: 2010
"""


def person(i: int) -> str:
    return f"{FIRST_NAMES[i % len(FIRST_NAMES)]} Person{i % 97}"  # 679 names, reused


def write_catalog(path: Path, bad_last: bool = False) -> None:
    """ROWS rows: the KNOWN films again (runtime and a credit to fill in), new films, and
    new films listed a second time LATER rows later (another chunk) with more cast and the
    cast marked complete; a row for "Reviewed New" (added by a record in the same import)."""
    lines = ["title,year,runtime_min,genres,directors,cast,cast_complete"]
    for i in range(KNOWN):
        lines.append(f"Known Film {i},{2000 + i % 20},{90 + i},Drama,{person(i)},{person(i + 1)},")
    lines.append("Reviewed New,2010,101,Comedy,Ann Person5,,")
    n = 0
    while len(lines) <= ROWS:
        year = 1950 + n % 70
        if n >= LATER and n % 10 == 0:  # again, a chunk or more later
            m = n - LATER
            cast = f"{person(m + 2)} as Hero; {person(m + 3)} as Someone"
            lines.append(f"New Film {m},{1950 + m % 70},,,{person(m)},{cast},yes")
        else:
            runtime = "" if n % 7 == 0 else str(80 + n % 60)
            cast = f"{person(n + 2)} as Hero" if n % 3 else ""
            lines.append(f"New Film {n},{year},{runtime},Drama; Comedy,{person(n)},{cast},")
        n += 1
    if bad_last:
        lines[-1] = "Broken Film,nineteen,,,,,"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def dump(app: Popcorn) -> dict[str, Any]:
    """The whole catalogue without ids or times: films, people, credits, history."""
    async with app.sessions() as session:
        films = sorted(
            (
                f.slug,
                f.title,
                f.year,
                tuple(f.genres),
                f.runtime_min,
                f.cast_complete,
                f.version,
            )
            for f in await session.scalars(select(Film))
        )
        people = sorted((await session.execute(select(Person.name_key, Person.name))).all())
        credits = sorted(
            (
                await session.execute(
                    select(
                        Film.slug, Person.name_key, Credit.role, Credit.character, Credit.billing
                    )
                    .join(Credit, Credit.film_id == Film.id)
                    .join(Person, Credit.person_id == Person.id)
                )
            ).all()
        )
        history = sorted(
            (
                await session.execute(
                    select(
                        Film.slug, Change.action, Change.field, Change.old_value, Change.new_value
                    ).join(Film, Change.film_id == Film.id, isouter=True)
                )
            ).all(),
            key=repr,
        )
    return {"films": films, "people": people, "credits": credits, "history": history}


@pytest.fixture
async def second_url(
    database_url: str, tmp_path: Path, scratch_databases: ScratchDatabases | None
) -> AsyncIterator[str]:
    """Another empty database of the same kind."""
    if database_url.startswith("sqlite"):
        yield to_async_url(f"sqlite:///{tmp_path / 'second.sqlite3'}")
        return
    assert scratch_databases is not None  # database_url is PostgreSQL's
    name, url = await scratch_databases.take(seeded=False)
    try:
        yield url
    finally:
        scratch_databases.give_back(name)


async def prepared(url: str, tmp_path: Path) -> Popcorn:
    """A database with KNOWN films (no runtimes), one of them reviewed."""
    app = await Popcorn.start(make_settings(url), seed=False)
    known = tmp_path / "known.csv"
    rows = [f"Known Film {i},{2000 + i % 20},,,{person(i)}," for i in range(KNOWN)]
    known.write_text("title,year,runtime_min,genres,directors,cast\n" + "\n".join(rows) + "\n")
    review = tmp_path / "review" / "known-3.yaml"
    review.parent.mkdir(exist_ok=True)
    review.write_text(REVIEW, encoding="utf-8")
    await app.import_paths([known, review.parent])
    return app


async def imported(
    url: str, tmp_path: Path, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, list[tuple[int, int]], dict[str, Any]]:
    monkeypatch.setattr(importer_module, "CATALOG_CHUNK", chunk)
    work = tmp_path / f"chunk-{chunk}"
    work.mkdir()
    app = await prepared(url, work)
    try:
        catalog = work / "big.csv"
        write_catalog(catalog)
        record = work / "new" / "reviewed-new.yaml"
        record.parent.mkdir()
        record.write_text(NEW_REVIEW, encoding="utf-8")
        calls: list[tuple[int, int]] = []
        stats = await app.import_paths(
            [catalog, record.parent], lambda done, total: calls.append((done, total))
        )
        return stats.summary(), calls, await dump(app)
    finally:
        await app.close()


async def test_a_multi_chunk_import_writes_what_one_chunk_writes(
    database_url: str, second_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_summary, _, one = await imported(second_url, tmp_path, 10**9, monkeypatch)
    summary, calls, many = await imported(database_url, tmp_path, CHUNK, monkeypatch)
    assert summary == one_summary
    assert many["films"] == one["films"]
    assert many["people"] == one["people"]
    assert many["credits"] == one["credits"]
    assert many["history"] == one["history"]
    # Not an empty comparison: what the catalog says is there.
    films = {slug: rest for slug, *rest in many["films"]}
    lines = (tmp_path / f"chunk-{CHUNK}" / "big.csv").read_text().splitlines()[1:]
    distinct = {tuple(line.split(",")[:2]) for line in lines}
    assert len(films) == len(distinct) > ROWS * 11 // 12 and len(lines) == ROWS
    assert films["known-film-4-2004"][3] == 94  # runtime filled in
    assert films["known-film-4-2004"][5] == 2  # version: the import changed it
    assert films["known-film-3-2003"][3] is None  # reviewed: the catalog row leaves it alone
    assert films["new-film-0-1950"][4] is True  # cast complete from its later row
    assert films["reviewed-new-2010"][3] == 101 and films["reviewed-new-2010"][5] == 1
    credits_of_0 = {c[1:] for c in many["credits"] if c[0] == "new-film-0-1950"}
    assert credits_of_0 == {  # the later row's cast after the first row's director
        ("ann person0", "director", None, 0),
        ("cy person2", "actor", "Hero", 1),
        ("dee person3", "actor", "Someone", 2),
    }
    assert summary.startswith(f"{ROWS + 1} record(s): ")
    assert calls[-1][0] == ROWS + 1 and len(calls) > ROWS // (2 * CHUNK)


async def test_a_bad_row_in_the_last_chunk_writes_nothing(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer_module, "CATALOG_CHUNK", CHUNK)
    app = await prepared(database_url, tmp_path)
    try:
        before = await dump(app)
        catalog = tmp_path / "big.csv"
        write_catalog(catalog, bad_last=True)
        with pytest.raises(RecordError) as refused:
            await app.import_paths([catalog])
        assert f"line {ROWS + 1} ('Broken Film')" in str(refused.value)
        assert "year" in str(refused.value)
        assert await dump(app) == before
        async with app.sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Film)) == KNOWN
    finally:
        await app.close()


async def test_importing_the_big_catalog_again_changes_nothing(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer_module, "CATALOG_CHUNK", CHUNK)
    app = await prepared(database_url, tmp_path)
    try:
        catalog = tmp_path / "big.csv"
        write_catalog(catalog)
        await app.import_paths([catalog])
        first = await dump(app)
        again = await app.import_paths([catalog])
        assert again.films_created == 0 and again.films_updated == 0
        assert again.records == ROWS
        assert await dump(app) == first
    finally:
        await app.close()
