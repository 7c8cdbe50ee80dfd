"""bot/db/raw_reads.py: the read connection's statements run straight on sqlite3 give the rows
SQLAlchemy gives (same values, same types, same names, same order), for every statement the
read connection sends and several shapes of parameters; what cannot be planned exactly is left
to SQLAlchemy."""

from __future__ import annotations

import datetime
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Date, Integer, bindparam, literal, select

import bot.db.reading as reading
from bot.db.models import Film, Meta
from bot.db.queries import SEARCH_STATEMENTS
from bot.db.raw_reads import RawReads, make_plan, shape_of
from bot.db.reading import ReadConnection


@pytest.fixture
def reader(seeded_answers_sqlite: Path, tmp_path: Path) -> Iterator[ReadConnection]:
    """A read connection on a copy of the answer tests' database (films with reviews,
    ratings, links, aliases, releases, people with credits)."""
    path = tmp_path / "answers.sqlite3"
    shutil.copyfile(seeded_answers_sqlite, path)
    connection = ReadConnection(str(path))
    try:
        yield connection
    finally:
        connection.close()


def by_sqlalchemy(reader: ReadConnection, statement: Any, params: dict[str, Any]) -> list[Any]:
    with reader.engine.connect() as connection:
        return list(connection.execute(statement, params).all())


def as_compared(rows: list[Any]) -> list[tuple[tuple[str, ...], tuple[Any, ...], tuple[type, ...]]]:
    """Each row's names, values and the values' types."""
    return [(tuple(row._fields), tuple(row), tuple(type(v) for v in row)) for row in rows]


def ids(reader: ReadConnection, table: str) -> list[int]:
    with reader.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        return [row[0] for row in driver.execute(f"SELECT id FROM {table} ORDER BY id")]


def test_every_statement_of_the_read_connection_as_sqlalchemy_reads_it(
    reader: ReadConnection,
) -> None:
    films, people = ids(reader, "films"), ids(reader, "people")
    assert len(films) > 20 and len(people) > 50
    raw = RawReads(reader.engine.dialect)
    cases: list[tuple[Any, dict[str, Any]]] = [(statement, {}) for statement in SEARCH_STATEMENTS]
    film_statements = (
        reading._FILMS, reading._ALIASES_AND_RELEASES, reading._ALL_REVIEWS,
        reading._CURRENT_REVIEWS,
    )  # fmt: skip
    for some in ([films[0]], [films[-1]], films[:7], films, [max(films) + 1], [films[3]] * 2):
        cases += [(statement, {"ids": some}) for statement in film_statements]
    for person in [*people[:5], people[-1], max(people) + 1]:
        cases.append((reading._PERSON, {"person_id": person}))
    seen_types: set[type] = set()
    with reader.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        cursor = driver.cursor()
        for statement, params in cases:
            plan = raw.plan(statement, params)
            assert plan is not None, statement
            got = plan.run(cursor, params)
            expected = by_sqlalchemy(reader, statement, params)
            assert as_compared(got) == as_compared(expected), (statement, params)
            seen_types |= {type(v) for row in got for v in row}
    # The processors were needed: JSON lists, booleans and dates come back typed.
    assert {list, bool, datetime.date} <= seen_types


def test_what_cannot_be_planned_is_left_to_sqlalchemy(reader: ReadConnection) -> None:
    dialect = reader.engine.dialect
    assert shape_of({"ids": [1, "2"]}) is None and shape_of({"title": "Pig"}) is None
    assert shape_of({"ids": (3, 1), "person_id": 2}) == (("ids", 2), ("person_id", None))
    # A value bound in the statement itself; a value SQLAlchemy converts before binding.
    marked = select(Meta.key).where(Meta.key == "data_loaded")
    dated = select(Film.id).where(Film.year > bindparam("when", type_=Date))
    repeated = select(Film.id, Film.id.label("id_1"), literal(1).label("id"))
    for statement, shape in ((marked, ()), (dated, (("when", None),)), (repeated, ())):
        assert make_plan(statement, shape, dialect) is None
    # read() runs such statements through SQLAlchemy, and the others raw, in one snapshot.
    (mark,), films = reader.read((marked, {})), reader.films(ids(reader, "films")[:3])
    assert [tuple(row) for row in mark] == [("data_loaded",)]
    assert len(films) == 3


def test_read_returns_what_it_returned_through_sqlalchemy(reader: ReadConnection) -> None:
    """ReadConnection.read, raw, against the same statements through SQLAlchemy, and the empty
    answer when the first statement has no row."""
    films = ids(reader, "films")
    statements = [(s, {"ids": films[:5]}) for s in (reading._FILMS, reading._ALL_REVIEWS)]
    raw_rows = reader.read(*statements)
    assert [as_compared(list(rows)) for rows in raw_rows] == [
        as_compared(by_sqlalchemy(reader, s, p)) for s, p in statements
    ]
    missing = [(s, {"ids": [max(films) + 1]}) for s in (reading._FILMS, reading._ALL_REVIEWS)]
    assert reader.read(*missing) == [[], []]


def test_each_value_goes_where_sqlalchemy_binds_it(reader: ReadConnection) -> None:
    """Several parameters, scalar and lists, each bound at its own places."""
    films = ids(reader, "films")
    low, high = bindparam("low", type_=Integer), bindparam("high", type_=Integer)
    statement = (
        select(Film.id, Film.title)
        .where(Film.id >= low, Film.id < high, Film.id.not_in(bindparam("skip", expanding=True)))
        .order_by(Film.id)
    )
    raw = RawReads(reader.engine.dialect)
    with reader.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        for params in (
            {"low": films[2], "high": films[12], "skip": [films[4], films[5]]},
            {"skip": [films[0]], "high": films[-1], "low": films[0]},
            {"low": films[5], "high": films[3], "skip": films[:3]},
        ):
            plan = raw.plan(statement, params)
            assert plan is not None
            got = plan.run(driver.cursor(), params)
            assert as_compared(got) == as_compared(by_sqlalchemy(reader, statement, params))
            assert got or params["low"] > params["high"]


def test_the_plans_kept_are_bounded(
    reader: ReadConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    films = ids(reader, "films")
    raw = RawReads(reader.engine.dialect)
    monkeypatch.setattr(RawReads, "MAX_PLANS", 4)
    plans = [raw.plan(reading._FILMS, {"ids": films[:n]}) for n in range(1, 10)]
    assert all(plans) and len(raw._plans) <= 4
    assert raw.plan(reading._FILMS, {"ids": films[:9]}) is plans[-1]  # still kept: the same plan
