"""A Core SELECT run straight on sqlite3, as SQLAlchemy would run it, without SQLAlchemy's
per-execution work (the execution context, the expanding IN rendered again, the result's
metadata): for the SQLite read connection (bot/db/reading.py, ReadConnection), whose few
statements run for every uncached reply.

A statement's plan is made once per shape of its parameters (which names, how many ids in a
list): SQLAlchemy compiles it with distinct sentinel values, and the position of each sentinel
in the compiled parameters says which value goes where; the rows get SQLAlchemy's own result
processors (JSON, booleans, dates) and come back as named tuples with the columns' keys. A
statement or parameters it cannot plan exactly (a parameter that is not an int or a list of
ints, a bind processor, a column key that is not a plain name, a repeated key) get no plan: the
caller runs them through SQLAlchemy. tests/db/test_raw_reads.py compares both ways."""

from __future__ import annotations

import collections
import keyword
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Executable

#: Sentinels start here (negative: never an id); each value of a planned call gets its own.
_SENTINEL = -7_300_000_001


@dataclass(frozen=True, slots=True)
class RawPlan:
    sql: str
    #: for each `?`: (parameter name, index in its list, or None for a scalar)
    slots: tuple[tuple[str, int | None], ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    row: Callable[..., Any]

    def run(self, cursor: sqlite3.Cursor, params: dict[str, Any]) -> list[Any]:
        args = [params[name] if at is None else params[name][at] for name, at in self.slots]
        rows = cursor.execute(self.sql, args).fetchall()
        make, processors = self.row, self.processors
        if not any(processors):
            return [make(*row) for row in rows]
        return [
            make(
                *[
                    value if p is None else p(value)
                    for p, value in zip(processors, row, strict=True)
                ]
            )
            for row in rows
        ]


def shape_of(params: dict[str, Any]) -> tuple[tuple[str, int | None], ...] | None:
    """The parameters' shape (name, list length or None), or None: not ints or lists of ints."""
    shape: list[tuple[str, int | None]] = []
    for name, value in sorted(params.items()):
        if isinstance(value, list | tuple):
            if not all(type(v) is int for v in value):
                return None
            shape.append((name, len(value)))
        elif type(value) is int:
            shape.append((name, None))
        else:
            return None
    return tuple(shape)


def make_plan(
    statement: Executable, shape: tuple[tuple[str, int | None], ...], dialect: Dialect
) -> RawPlan | None:
    """The plan for `statement` with parameters of `shape`, or None (run it the usual way)."""
    sentinels: dict[int, tuple[str, int | None]] = {}
    values: dict[str, Any] = {}
    next_value = _SENTINEL
    for name, length in shape:
        items = []
        for at in [None] if length is None else range(length):
            sentinels[next_value] = (name, at)
            items.append(next_value)
            next_value -= 1
        values[name] = items[0] if length is None else items
    try:
        compiled: Any = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
        expanded = compiled.construct_expanded_state(values)
        given = expanded.positional_parameters
    except Exception:  # not plannable: SQLAlchemy's own path will say why
        return None
    converted = {**compiled._bind_processors, **expanded.processors}
    if any(converted.get(name) for name in (*values, *(expanded.positiontup or ()))):
        return None  # a value SQLAlchemy converts before binding
    slots = []
    for value in given:
        if type(value) is not int or value not in sentinels:
            return None  # a literal or a default SQLAlchemy binds itself: not planned
        slots.append(sentinels[value])
    columns = compiled._result_columns  # (key, name, objects, type)
    keys = [column[0] for column in columns]
    if len(set(keys)) != len(keys) or not all(
        key.isidentifier() and not keyword.iskeyword(key) and not key.startswith("_")
        for key in keys
    ):
        return None
    processors = tuple(column[3]._cached_result_processor(dialect, None) for column in columns)
    row = collections.namedtuple("Row", keys)  # type: ignore[misc]
    return RawPlan(expanded.statement, tuple(slots), processors, row)


class RawReads:
    """Plans by statement and shape, made when first asked for (None: run it the usual way).
    At most MAX_PLANS are kept (a list of ids of each length is a shape of its own)."""

    MAX_PLANS = 512

    __slots__ = ("_dialect", "_plans")

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        self._plans: dict[tuple[int, Any], tuple[Executable, RawPlan | None]] = {}

    def plan(self, statement: Executable, params: dict[str, Any]) -> RawPlan | None:
        shape = shape_of(params)
        if shape is None:
            return None
        key = (id(statement), shape)
        found = self._plans.get(key)
        if found is None or found[0] is not statement:
            if len(self._plans) >= self.MAX_PLANS:
                self._plans.clear()
            found = (statement, make_plan(statement, shape, self._dialect))
            self._plans[key] = found
        return found[1]

    def run_all(
        self, cursor: sqlite3.Cursor, statements: Sequence[tuple[Executable, dict[str, Any]]]
    ) -> list[list[Any]] | None:
        """Every statement's rows, or None when one of them has no plan (nothing was run)."""
        plans = [self.plan(statement, params) for statement, params in statements]
        if any(plan is None for plan in plans):
            return None
        out: list[list[Any]] = []
        for plan, (_, params) in zip(plans, statements, strict=True):
            assert plan is not None
            out.append([] if out and not out[0] else plan.run(cursor, params))
        return out
