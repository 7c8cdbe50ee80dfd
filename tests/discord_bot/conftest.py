"""The real bot on the `app` core: started as discord.py starts it (`async with bot`, then
setup_hook), wired to dpytest's fake Discord backend, or not connected at all."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

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
