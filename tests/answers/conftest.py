"""Fixtures of the answer tests: the shipped data plus the test records in tests/answers/data
(several reviewed films, shared actors, two films called The Wicker Man, Joe unreviewed)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.app import Popcorn
from tests.helpers import ANSWER_DATA, make_settings


@pytest.fixture
async def qapp(sqlite_url: str) -> AsyncIterator[Popcorn]:
    """The shipped data (Leaving Las Vegas reviewed, the catalog) plus the test records."""
    app = await Popcorn.start(make_settings(sqlite_url))
    await app.import_paths([ANSWER_DATA])
    try:
        yield app
    finally:
        await app.close()
