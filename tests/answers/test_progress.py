"""`!progress`: how far the reviews have got through the project person's films
(POPCORN_PROJECT_PERSON, Nicolas Cage by default), and the honest "next review" answer."""

from __future__ import annotations

from collections.abc import Iterator

import discord.ext.test as dpytest
import pytest
from discord import app_commands

from bot.answers.progress import next_review_answer, progress_answer, progress_bar
from bot.answers.types import Card, ItemList, Notice, Request
from bot.app import Popcorn
from bot.config import get_settings
from tests.helpers import answered as run
from tests.helpers import dpytest_bot, make_settings


@pytest.fixture(autouse=True)
def project_person(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The default project person, whatever the environment says."""
    monkeypatch.setenv("POPCORN_PROJECT_PERSON", "Nicolas Cage")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


async def test_progress_of_the_shipped_data(app: Popcorn) -> None:
    answer = await run(app, "!progress")
    assert isinstance(answer, Card)
    assert answer.title == "Nicolas Cage: review progress"
    total = (await run(app, "!cage")).items  # type: ignore[union-attr]
    assert answer.description == (
        f"**1 of {len(total)} Nicolas Cage films in the database reviewed so far, "
        f"{len(total) - 1} to go.**\n`▱▱▱▱▱▱▱▱▱▱ 1%`"
    )
    ((name, latest),) = [(f.name, f.value) for f in answer.fields]
    # The shipped review has no publication date: the date it was added instead.
    assert name == "Latest review"
    assert latest.startswith("Leaving Las Vegas (1995) — added ")
    assert latest.endswith("(no publication date given)")
    assert [c.label for c in answer.followups] == [
        "Not reviewed yet",
        "Latest: Leaving Las Vegas (1995)",
        "Reviewed so far",
    ]
    left = await app.answer(answer.followups[0].request)
    assert isinstance(left, ItemList)
    assert left.title == "Nicolas Cage: filmography, not reviewed yet"
    assert len(left.items) == len(total) - 1 and not any("⭐" in i for i in left.items)
    card = await app.answer(answer.followups[1].request)
    assert isinstance(card, Card) and card.title == "Leaving Las Vegas (1995)"


async def test_latest_is_by_publication_date(qapp: Popcorn) -> None:
    answer = await run(qapp, "!progress")
    assert isinstance(answer, Card)
    assert "**5 of " in (answer.description or "")
    assert answer.fields[0].value == "The Wicker Man (2006) — published 2 February 2024"


async def test_progress_of_someone_else(app: Popcorn) -> None:
    answer = await run(app, "!progress elisabeth shue")
    assert isinstance(answer, Card)
    assert answer.title == "Elisabeth Shue: review progress"
    assert answer.description == (
        "**The one Elisabeth Shue film in the database is reviewed.**\n`▰▰▰▰▰▰▰▰▰▰ 100%`"
    )
    assert "Not reviewed yet" not in [c.label for c in answer.followups]
    nobody = await run(app, "!progress qqqzzzxxx")
    assert isinstance(nobody, Notice)
    assert "I couldn't find anyone called “qqqzzzxxx”" in nobody.text


async def test_a_project_person_not_in_the_database(sqlite_url: str) -> None:
    app = await Popcorn.start(make_settings(sqlite_url, POPCORN_PROJECT_PERSON="Tom Hanks"))
    try:
        answer = await run(app, "!progress")
    finally:
        await app.close()
    assert isinstance(answer, Notice)
    assert answer.text.startswith(
        "Tom Hanks isn't in the database, so I can't say how far the reviews have got."
    )


async def test_blank_setting_is_the_default() -> None:
    assert make_settings("sqlite:///x", POPCORN_PROJECT_PERSON="  ").project_person == (
        "Nicolas Cage"
    )
    assert make_settings("sqlite:///x").project_person == "Nicolas Cage"


async def test_the_question_path(app: Popcorn) -> None:
    """The question code passes the member's question: its text is not taken as a name."""
    async with app.sessions() as session:
        ctx = app.context(session)
        far = await progress_answer(ctx, Request("ask", "how far are you through cage's films?"))
        assert isinstance(far, Card) and far.title == "Nicolas Cage: review progress"
        nxt = await next_review_answer(ctx, Request("ask", "when is the next review?"))
        shue_id = app.index.find_person("elisabeth shue").best.id  # type: ignore[union-attr]
        shue = await progress_answer(
            ctx, Request("ask", "how far through shue?", person_id=shue_id)
        )
    assert isinstance(nxt, Card)
    assert nxt.title == "The next review"
    description = nxt.description or ""
    assert description.startswith(
        "I don't know which film the site will review next, or when: the reviewers don't tell "
        "me their plans.\n1 of "
    )
    assert "to go." in description
    assert "not reviewed yet are in the list below." in description
    assert nxt.followups[0].label == "Not reviewed yet"
    assert isinstance(shue, Card) and shue.title == "Elisabeth Shue: review progress"


@pytest.mark.parametrize(
    ("done", "total", "bar"),
    [
        (1, 102, "▱▱▱▱▱▱▱▱▱▱ 1%"),
        (0, 10, "▱▱▱▱▱▱▱▱▱▱ 0%"),
        (5, 10, "▰▰▰▰▰▱▱▱▱▱ 50%"),
        (101, 102, "▰▰▰▰▰▰▰▰▰▱ 99%"),
        (1, 1000, "▱▱▱▱▱▱▱▱▱▱ 1%"),
        (10, 10, "▰▰▰▰▰▰▰▰▰▰ 100%"),
        (0, 0, "▱▱▱▱▱▱▱▱▱▱ 0%"),
    ],
)
def test_progress_bar(done: int, total: int, bar: str) -> None:
    assert progress_bar(done, total) == bar


async def test_progress_command_on_discord(sqlite_url: str) -> None:
    app = await Popcorn.start(make_settings(sqlite_url))
    try:
        async with dpytest_bot(app) as bot:
            assert isinstance(bot.tree.get_command("progress"), app_commands.Command)
            await dpytest.message("!progress")
            embed = dpytest.get_message().embeds[0]
            assert embed.title == "Nicolas Cage: review progress"
            assert "1%" in (embed.description or "")
    finally:
        await app.close()
