"""The pieces `film merge`/`film remove` and `person rename`/`person merge` share: the split at
a word, the pair both sides name, a repair committed or rolled back with its reply."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.answers.moderation.repairs import RACE, pair_named, save_repair, splits
from bot.answers.types import Answer, Notice, Tone
from bot.app import Popcorn
from bot.db.changes import ChangeError
from bot.db.merges import NameTaken, Repair
from bot.db.models import Person


def test_splits_tries_each_place_the_word_stands_left_to_right() -> None:
    assert list(splits("Journey into Fear into Journey Into Fear", "into")) == [
        ("Journey", "Fear into Journey Into Fear"),
        ("Journey into Fear", "Journey Into Fear"),
        ("Journey into Fear into Journey", "Fear"),
    ]
    assert list(splits("Nicholas Cage = Nicolas Cage", "=")) == [("Nicholas Cage", "Nicolas Cage")]
    assert list(splits("intolerance", "into")) == []
    assert list(splits("into Fear", "into")) == []


async def _names(text: str) -> str | Answer:
    return text if text in {"Journey into Fear", "Fear"} else Notice(f"no {text}")


async def test_pair_named_is_the_first_split_whose_both_sides_name_something() -> None:
    usage = Notice("Use: …")
    found = await pair_named("Journey into Fear into Fear", str, _names, usage)
    assert found == ("Journey into Fear", "Fear")
    refused = await pair_named("Journey into Fear into Nobody", str, _names, usage)
    assert refused == Notice("no Nobody")
    assert await pair_named("Nobody into Fear", str, _names, usage) == Notice("no Nobody")
    assert await pair_named("Fear", str, _names, usage) is usage


async def _people(app: Popcorn) -> int:
    async with app.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Person)) or 0)


async def test_save_repair_commits_the_work_or_rolls_it_back_with_its_reply(app: Popcorn) -> None:
    before = await _people(app)

    async def add(session_error: Exception | None) -> Repair:
        session.add(Person(name="Nobody Atall", name_key="nobody atall"))
        await session.flush()
        if session_error is not None:
            raise session_error
        return Repair()

    async with app.sessions() as session:
        ctx = app.context(session)
        refused = await save_repair(ctx, lambda: add(ChangeError("Nothing was saved: no.")))
        assert refused == Notice("Nothing was saved: no.", Tone.WARNING)
        raced = await save_repair(ctx, lambda: add(IntegrityError("x", None, Exception())))
        assert raced == Notice(RACE, Tone.ERROR)
        with pytest.raises(NameTaken):
            await save_repair(ctx, lambda: add(NameTaken("taken", "Nicolas Cage")))
    assert await _people(app) == before

    async with app.sessions() as session:
        saved = await save_repair(app.context(session), lambda: add(None))
        assert saved == Repair()
    assert await _people(app) == before + 1
