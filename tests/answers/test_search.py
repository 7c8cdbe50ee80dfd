"""`!search` (bot/answers/search.py): films and people whose names match."""

from __future__ import annotations

from bot.answers.types import ItemList
from bot.app import Popcorn
from tests.helpers import answered as ask

LLV = "Leaving Las Vegas (1995)"


async def test_search(app: Popcorn) -> None:
    answer = await ask(app, "!search vegas")
    assert isinstance(answer, ItemList)
    assert answer.title == "Search: vegas"
    assert f"🎬 {LLV}" in answer.items
    assert "🎬 Honeymoon in Vegas (1992)" in answer.items
    assert all("Face/Off" not in item for item in answer.items)


async def test_search_people(app: Popcorn) -> None:
    answer = await ask(app, "!search shue")
    assert isinstance(answer, ItemList)
    assert "👤 Elisabeth Shue" in answer.items


async def test_search_nothing(app: Popcorn) -> None:
    answer = await ask(app, "!search qqqqzzzzxxxx")
    assert isinstance(answer, ItemList)
    assert answer.items == ()
    assert answer.empty_text
