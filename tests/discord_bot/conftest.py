"""The real bot on the `app` core: started as discord.py starts it (`async with bot`, then
setup_hook), wired to dpytest's fake Discord backend, or not connected at all."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot, create_bot
from tests.helpers import dpytest_bot


@pytest.fixture
async def bot(app: Popcorn) -> AsyncIterator[PopcornBot]:
    """Set up (cogs loaded, slash commands in the tree), not connected."""
    popcorn_bot = create_bot(app.settings, core=app)
    await popcorn_bot.setup_hook()
    yield popcorn_bot


@pytest.fixture
async def live_bot(app: Popcorn) -> AsyncIterator[PopcornBot]:
    """Connected to dpytest's backend: messages go through on_message as on Discord."""
    async with dpytest_bot(app) as popcorn_bot:
        yield popcorn_bot


@pytest_asyncio.fixture(loop_scope="module")
async def shared_bot(shared_app: Popcorn) -> AsyncIterator[PopcornBot]:
    """`bot`, a new one for each test, on the module's `shared_app`: ONLY for tests that only
    read (a member refused, the core's answer replaced). Its background look for reviews is
    stopped and its change listeners taken off the app after the test."""
    listeners = list(shared_app.listeners)
    popcorn_bot = create_bot(shared_app.settings, core=shared_app)
    await popcorn_bot.setup_hook()
    try:
        yield popcorn_bot
    finally:
        if popcorn_bot.announcer is not None:
            await popcorn_bot.announcer.stop()
        shared_app.listeners[:] = listeners
