"""Fixtures of the answer tests: the shipped data plus the test records in tests/answers/data
(several reviewed films, shared actors, two films called The Wicker Man, Joe unreviewed).
The apps made once per module (`unchanged_app`, `shared_app`, `shared_qapp`, ...) are in
tests/conftest.py, shared with tests/db and tests/search."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import Popcorn
from tests.helpers import ANSWER_DATA, copy_sqlite, make_settings


@pytest.fixture
async def qapp(sqlite_url: str, seeded_answers_sqlite: Path) -> AsyncIterator[Popcorn]:
    """The shipped data (Leaving Las Vegas reviewed, the catalog) plus the test records
    (imported once per session into a template, copied here)."""
    copied = copy_sqlite(seeded_answers_sqlite, sqlite_url)
    app = await Popcorn.start(make_settings(sqlite_url))
    if not copied:  # a file was there already: as without the template
        await app.import_paths([ANSWER_DATA])
    try:
        yield app
    finally:
        await app.close()
