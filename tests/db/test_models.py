"""The ORM models (bot/db/models.py): no relationship is ever loaded lazily (issue 13)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import selectinload

from bot.app import Popcorn
from bot.db.models import Base, Credit, Film


def test_every_relationship_raises_when_not_loaded() -> None:
    relationships = [
        f"{mapper.class_.__name__}.{rel.key}"
        for mapper in Base.registry.mappers
        for rel in mapper.relationships
    ]
    assert len(relationships) == 15  # all of them: Film 4, Review 4, Credit 2, the rest 1 each
    lazy = {
        f"{mapper.class_.__name__}.{rel.key}": rel.lazy
        for mapper in Base.registry.mappers
        for rel in mapper.relationships
    }
    assert {name: how for name, how in lazy.items() if how != "raise"} == {}


async def test_a_relationship_no_query_loaded_is_an_error(app: Popcorn) -> None:
    async with app.sessions() as session:
        film = await session.scalar(select(Film).where(Film.slug == "leaving-las-vegas-1995"))
        assert film is not None
        with pytest.raises(InvalidRequestError, match=r"'Film\.credits' is not available"):
            _ = film.credits
        loaded = await session.scalar(
            select(Film)
            .where(Film.id == film.id)
            .options(selectinload(Film.credits))
            .execution_options(populate_existing=True)
        )
        assert loaded is not None and loaded.credits[0].person_id > 0
        with pytest.raises(InvalidRequestError, match=r"'Credit\.person' is not available"):
            _ = loaded.credits[0].person
        assert isinstance(loaded.credits[0], Credit)
