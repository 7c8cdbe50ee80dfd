"""background.cancel: a running task is cancelled and awaited; an ended one, or none, is left."""

from __future__ import annotations

import asyncio

from bot.discord_bot import background


async def test_a_running_task_is_cancelled_and_has_ended() -> None:
    started = asyncio.Event()
    ended: list[str] = []

    async def forever() -> None:
        started.set()
        try:
            await asyncio.sleep(3600)
        finally:
            ended.append("cleaned up")

    task = asyncio.create_task(forever())
    await started.wait()
    await background.cancel(task)
    assert task.cancelled()
    assert ended == ["cleaned up"]


async def test_an_ended_task_or_none_is_left_as_it_is() -> None:
    async def quick() -> None:
        return None

    task = asyncio.create_task(quick())
    await task
    await background.cancel(task)
    assert task.done() and not task.cancelled()
    await background.cancel(None)
