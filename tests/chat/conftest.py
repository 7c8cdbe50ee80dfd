"""The chat scripts' databases: `seeded_url`, as tests/conftest.py's `database_url` (a SQLite
file, then PostgreSQL; same test ids) but holding what the first `popcorn chat` would have
loaded (migrated, data/ loaded: a copy of the session's seeded SQLite file, or of its seeded
PostgreSQL template), so the script's first chat does not load data/ itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers import POSTGRES_ENV, copy_sqlite

if TYPE_CHECKING:
    from tests.scratch_pool import ScratchDatabases


@pytest.fixture(params=["sqlite", "postgres"])
def seeded_url(request: pytest.FixtureRequest) -> str:
    """The test's own database, data/ loaded, on each database (ids `sqlite`, `postgres`)."""
    return str(request.getfixturevalue(f"seeded_{request.param}_copy"))


@pytest.fixture
def seeded_sqlite_copy(sqlite_url: str, seeded_sqlite: Path) -> str:
    assert copy_sqlite(seeded_sqlite, sqlite_url)
    return sqlite_url


@pytest.fixture
async def seeded_postgres_copy(
    scratch_databases: ScratchDatabases | None,
) -> AsyncIterator[str]:
    """A copy of the seeded template (tests/conftest.py's pool, as `postgres_url` takes it for
    `any_app`), given back after the test."""
    if scratch_databases is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    name, url = await scratch_databases.take(seeded=True)
    try:
        yield url
    finally:
        scratch_databases.give_back(name)
