"""The bot's background tasks (the announcements' look, the site's sync): how one stops."""

from __future__ import annotations

import asyncio
import contextlib


async def cancel(task: asyncio.Task[None] | None) -> None:
    """Cancel a task still running and wait until it has ended (its cancel is not an error)."""
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
