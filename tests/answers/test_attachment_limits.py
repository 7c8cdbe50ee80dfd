"""An attached article is read beside the event loop, with a size limit and a time limit
(issue 10, item 19): a file of junk never stalls the bot for everyone, and the moderator gets
one line saying why nothing was saved."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.answers import moderation
from bot.answers.types import Actor, Attachment, Notice, Request, Tone
from bot.app import Popcorn

MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=99)


async def add(app: Popcorn, name: str, data: bytes) -> Notice:
    answer = await app.answer(
        Request("review add", actor=MOD, attachments=(Attachment(name, data),))
    )
    assert isinstance(answer, Notice), answer
    return answer


async def test_an_article_over_the_size_limit_is_refused_in_one_line(app: Popcorn) -> None:
    junk = ("lorem ipsum " * 80_000).encode()  # ~960 KB: under the file limit, not an article
    answer = await add(app, "junk.txt", junk)
    assert answer.tone is Tone.ERROR
    assert answer.text.startswith("Nothing was saved.")
    assert "at most 500 KB" in answer.text


async def test_a_slow_article_is_given_up_and_the_loop_keeps_serving(
    app: Popcorn, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(text: str, filename: str) -> object:
        time.sleep(1.0)  # a parser stuck on a pathological file
        raise AssertionError("given up before this")

    monkeypatch.setattr("bot.records.article.parse_article", slow)
    monkeypatch.setattr(moderation, "READ_SECONDS", 0.2)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    running = asyncio.create_task(ticker())
    try:
        answer = await add(app, "slow.txt", b"Movie title: Something")
    finally:
        running.cancel()
    assert "took over 0.2 seconds" in answer.text
    assert answer.text.startswith("Nothing was saved.")
    assert ticks >= 5, "the event loop was blocked while the file was read"
    # Members are still answered meanwhile and afterwards.
    card = await app.answer_text("!verdict leaving las vegas")
    assert card is not None
