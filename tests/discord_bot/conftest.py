"""The real bot on the `app` core: started as discord.py starts it (`async with bot`, then
setup_hook), wired to dpytest's fake Discord backend, or not connected at all."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import discord.ext.test as dpytest
import pytest

from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot, create_bot


@pytest.fixture
async def bot(app: Popcorn) -> AsyncIterator[PopcornBot]:
    """Set up (cogs loaded, slash commands in the tree), not connected."""
    popcorn_bot = create_bot(app.settings, core=app)
    await popcorn_bot.setup_hook()
    yield popcorn_bot


@pytest.fixture
async def live_bot(app: Popcorn) -> AsyncIterator[PopcornBot]:
    """Connected to dpytest's backend: messages go through on_message as on Discord."""
    # dpytest builds members from the member cache, which needs the members intent; the bot
    # itself does not ask for it (it needs no member list).
    popcorn_bot = create_bot(app.settings, core=app, intents=discord.Intents.all())
    # `async with bot` is how discord.py sets a client up on the running loop; it is entered
    # and not left, because leaving closes the gateway connection, which dpytest's fake
    # websocket cannot do. The core is closed by the `app` fixture.
    await popcorn_bot.__aenter__()
    await popcorn_bot.setup_hook()
    dpytest.configure(popcorn_bot, members=2)
    try:
        yield popcorn_bot
    finally:
        await dpytest.empty_queue()
