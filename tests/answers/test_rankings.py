"""`!top`, `!worst`, `!random`, `!latest`, `!stats` (and the ranking questions) on SQLite and
PostgreSQL: the site's ratings order the films, films without the rating are left out and
counted, removed reviews never count."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
import pytest_asyncio
from discord.ext import commands
from sqlalchemy import delete, update

from bot.answers.rankings import parse_ranking_args, ranking_or_fallback
from bot.answers.types import Card, ItemList, Notice
from bot.app import Popcorn
from bot.db.models import Rating, Review
from bot.db.rankings import bluray_ranking, ranking, review_stats
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from bot.discord_bot.client import PopcornBot
from tests.discord_bot.fakes import sent, slash_interaction
from tests.helpers import (
    ANSWER_DATA,
    POSTGRES_ENV,
    REPO,
    copy_sqlite,
    dpytest_bot,
    make_settings,
    run_async,
)
from tests.helpers import answered as run

REVIEWS = REPO / "data" / "reviews"


async def start_ranked(url: str) -> Popcorn:
    """Seven films: six reviewed (Leaving Las Vegas and the test records), Joe unreviewed."""
    app = await Popcorn.start(make_settings(url), seed=False)
    await app.import_paths([REVIEWS, ANSWER_DATA])
    return app


@pytest.fixture
async def ranked(database_url: str) -> AsyncIterator[Popcorn]:
    """The seven films on a database of the test's own (for the tests that change them)."""
    app = await start_ranked(database_url)
    try:
        yield app
    finally:
        await app.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def ranked_sqlite(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Popcorn]:
    path = tmp_path_factory.mktemp("ranked") / "ranked.sqlite3"
    app = await start_ranked(to_async_url(f"sqlite:///{path}"))
    try:
        yield app
    finally:
        await app.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def ranked_postgres() -> AsyncIterator[Popcorn]:
    """A database of the module's own (bot/db/scratch.py, as tests/answers/conftest.py's
    seeded_postgres_app)."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    name, url = await create_database(admin_url, "popcorn_test")
    try:
        app = await start_ranked(url)
        try:
            yield app
        finally:
            await app.close()
    finally:
        await drop_database(admin_url, name)


@pytest.fixture(params=["sqlite", "postgres"])
def ranked_read(request: pytest.FixtureRequest) -> Popcorn:
    """The seven films, on each database, made once per module for the tests that only read
    (`!top`, `!stats`, the ranking queries: no answer of theirs writes); the document cache is
    emptied for each test, which reads from the database as on an app of its own."""
    app: Popcorn = request.getfixturevalue(f"ranked_{request.param}")
    app.documents.clear()
    return app


#: The tests on `ranked_read` run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture
async def empty(sqlite_url: str) -> AsyncIterator[Popcorn]:
    app = await Popcorn.start(make_settings(sqlite_url), seed=False)
    try:
        yield app
    finally:
        await app.close()


async def remove_review(app: Popcorn, headline: str) -> None:
    async with app.sessions.begin() as session:
        await session.execute(
            update(Review)
            .where(Review.headline == headline)
            .values(deleted_at=dt.datetime.now(dt.UTC))
        )


# --- !top / !worst --------------------------------------------------------------------------------


@on_the_module_loop
async def test_top_by_film_rating_with_ties_and_the_left_out_count(ranked_read: Popcorn) -> None:
    answer = await run(ranked_read, "!top")
    assert isinstance(answer, ItemList)
    assert answer.title == "Top 10 by film rating"
    assert answer.items == (
        "1. **Face/Off** (1997) — 9/10",
        "1. **The Wicker Man** (1973) — 9/10",
        "3. **Con Air** (1997) — 8/10",
        "4. **The Rock** (1996) — 7/10",
        "5. **The Wicker Man** (2006) — 3/10",
    )
    # Leaving Las Vegas has no film rating: it is left out, and said to be.
    assert "1 reviewed film has no film rating and is left out." in (answer.intro or "")


@on_the_module_loop
@pytest.mark.parametrize("text", ["!top audio 3", "!top 3 audio", "!top sound 3", "!TOP Audio 3"])
async def test_top_by_a_blu_ray_rating_and_a_count(ranked_read: Popcorn, text: str) -> None:
    answer = await run(ranked_read, text)
    assert isinstance(answer, ItemList)
    assert answer.title == "Top 3 by audio rating"
    assert answer.items == (
        "1. **Con Air** (1997) — ▰▰▰▰▰ EXCELLENT",
        "2. **Face/Off** (1997) — ▰▰▰▰▱ GREAT",
        "2. **The Rock** (1996) — ▰▰▰▰▱ GREAT",
    )
    assert "left out" not in (answer.intro or "")  # every review rates the audio


@on_the_module_loop
async def test_worst_extras_leaves_out_the_unrated(ranked_read: Popcorn) -> None:
    answer = await run(ranked_read, "!worst extras")
    assert isinstance(answer, ItemList)
    assert answer.items[:2] == (
        "1. **Con Air** (1997) — ▰▱▱▱▱ POOR",
        "1. **The Wicker Man** (2006) — ▰▱▱▱▱ POOR",
    )
    assert answer.items[-1] == "5. **The Rock** (1996) — ▰▰▰▰▰ EXCELLENT"
    assert "Face/Off" not in "\n".join(answer.items)  # no extras rating
    assert "1 reviewed film has no extras rating and is left out." in (answer.intro or "")


@on_the_module_loop
async def test_worst_picture(ranked_read: Popcorn) -> None:
    answer = await run(ranked_read, "!worst picture 1")
    assert isinstance(answer, ItemList)
    assert answer.items == ("1. **The Wicker Man** (2006) — ▰▰▱▱▱ OK",)


@on_the_module_loop
@pytest.mark.parametrize(
    ("text", "complaint"),
    [("!top 50", "1 to 25"), ("!top 0", "1 to 25"), ("!top bananas", "rank by “bananas”")],
)
async def test_bad_ranking_arguments_say_how(
    ranked_read: Popcorn, text: str, complaint: str
) -> None:
    answer = await run(ranked_read, text)
    assert isinstance(answer, Notice)
    assert complaint in answer.text
    assert any("`!top audio 5`" in hint for hint in answer.hints)


def test_ranking_arguments() -> None:
    assert parse_ranking_args("") == parse_ranking_args("film")
    args = parse_ranking_args("5 picture")
    assert not isinstance(args, str) and (args.aspect, args.count) == ("picture", 5)
    assert isinstance(parse_ranking_args("audio audio 99"), str)


async def test_removed_reviews_never_count(ranked: Popcorn) -> None:
    await remove_review(ranked, "Face/Off Blu-ray Review")
    top = await run(ranked, "!top")
    assert isinstance(top, ItemList)
    assert top.items[0] == "1. **The Wicker Man** (1973) — 9/10"
    assert "Face/Off" not in "\n".join(top.items)
    stats = await run(ranked, "!stats")
    assert isinstance(stats, Card)
    assert stats.fields[0].value == "5 films reviewed of 7 in the database"
    for _ in range(20):
        card = await run(ranked, "!random")
        assert isinstance(card, Card) and card.title != "Face/Off (1997)"
    latest = await run(ranked, "!latest 25")
    assert isinstance(latest, ItemList) and "Face/Off" not in "\n".join(latest.items)


@on_the_module_loop
async def test_ranking_query_counts(ranked_read: Popcorn) -> None:
    async with ranked_read.sessions() as session:
        result = await ranking(session, "extras", limit=2)
        assert [f.title for f in result.films] == ["The Rock", "The Wicker Man"]
        assert (result.reviewed, result.left_out) == (6, 1)
        cage = ranked_read.index.find_person("nicolas cage").best
        assert cage is not None
        mine = await ranking(session, "film", person_id=cage.id)
        assert [f.title for f in mine.films] == [
            "Face/Off",
            "Con Air",
            "The Rock",
            "The Wicker Man",
        ]
        assert (mine.reviewed, mine.left_out) == (5, 1)


# --- no film rating anywhere: the Blu-ray ratings instead ---------------------------------------

FALLBACK_NOTE = (
    "No review gives a film rating yet, so this ranks by the Blu-ray ratings "
    "(the average of the picture, audio and extras grades)."
)
BLURAY_ORDER = (
    "1. **Face/Off** (1997) — 4.5/5 (picture EXCELLENT, audio GREAT)",
    "2. **The Rock** (1996) — 4/5 (picture GOOD, audio GREAT, extras EXCELLENT)",
    "3. **Con Air** (1997) — 3.3/5 (picture GREAT, audio EXCELLENT, extras POOR)",
    "4. **The Wicker Man** (1973) — 3/5 (picture GOOD, audio OK, extras GREAT)",
    "5. **Leaving Las Vegas** (1995) — 2/5 (picture GOOD, audio POOR, extras OK)",
    "5. **The Wicker Man** (2006) — 2/5 (picture OK, audio GOOD, extras POOR)",
)


async def test_top_and_worst_fall_back_to_the_blu_ray_ratings(app: Popcorn) -> None:
    """The shipped review gives no film rating: `!top` ranks by the Blu-ray grades, says so."""
    for text, order in (("!top", "Highest first."), ("!worst", "Lowest first.")):
        answer = await run(app, text)
        assert isinstance(answer, ItemList)
        assert answer.title == f"{'Top' if text == '!top' else 'Worst'} 10 by Blu-ray rating"
        assert answer.intro == f"{FALLBACK_NOTE} {order}"
        assert answer.items == (
            "1. **Leaving Las Vegas** (1995) — 2/5 (picture GOOD, audio POOR, extras OK)",
        )
    audio = await run(app, "!worst audio")
    assert isinstance(audio, ItemList)
    assert audio.title == "Worst 10 by audio rating"
    assert audio.items == ("1. **Leaving Las Vegas** (1995) — ▰▱▱▱▱ POOR",)
    assert "Blu-ray ratings" not in (audio.intro or "")


async def test_the_fallback_ranks_every_reviewed_film(ranked: Popcorn) -> None:
    async with ranked.sessions.begin() as session:
        await session.execute(delete(Rating).where(Rating.aspect == "film"))
    top = await run(ranked, "!top")
    assert isinstance(top, ItemList)
    assert top.items == BLURAY_ORDER
    assert top.intro == f"{FALLBACK_NOTE} Highest first."
    worst = await run(ranked, "!worst 2")
    assert isinstance(worst, ItemList)
    assert worst.title == "Worst 2 by Blu-ray rating"
    assert worst.items == (
        "1. **Leaving Las Vegas** (1995) — 2/5 (picture GOOD, audio POOR, extras OK)",
        "1. **The Wicker Man** (2006) — 2/5 (picture OK, audio GOOD, extras POOR)",
    )


@on_the_module_loop
async def test_ranking_or_fallback_only_falls_back_for_want_of_film_ratings(
    ranked_read: Popcorn,
) -> None:
    async with ranked_read.sessions() as session:
        result, note = await ranking_or_fallback(session, "film", limit=3)
        assert note is None and result.aspect == "film"
        assert [f.title for f in result.films] == ["Face/Off", "The Wicker Man", "Con Air"]
        result, note = await ranking_or_fallback(session, "audio")
        assert note is None and result.aspect == "audio"
        shue = ranked_read.index.find_person("elisabeth shue").best
        assert shue is not None
        # Her one reviewed film has no film rating: her films rank by the Blu-ray ratings.
        result, note = await ranking_or_fallback(
            session, "film", worst=True, person_id=shue.id, whose="Elisabeth Shue"
        )
        assert result.aspect == "bluray"
        assert [(f.title, f.score) for f in result.films] == [("Leaving Las Vegas", 2.0)]
        assert note == (
            "No review of Elisabeth Shue's films gives a film rating yet, so this ranks by the "
            "Blu-ray ratings (the average of the picture, audio and extras grades)."
        )
        everything = await bluray_ranking(session)
        assert [f.title for f in everything.films][:2] == ["Face/Off", "The Rock"]
        assert (everything.reviewed, everything.left_out) == (6, 0)


async def test_no_reviews_means_no_fallback(empty: Popcorn) -> None:
    async with empty.sessions() as session:
        result, note = await ranking_or_fallback(session, "film")
    assert note is None and result.films == [] and result.reviewed == 0


# --- !random / !latest / !stats -------------------------------------------------------------------


@on_the_module_loop
async def test_random_is_a_reviewed_film_card(ranked_read: Popcorn) -> None:
    reviewed = {
        "Leaving Las Vegas (1995)", "Con Air (1997)", "Face/Off (1997)", "The Rock (1996)",
        "The Wicker Man (1973)", "The Wicker Man (2006)",
    }  # fmt: skip
    seen = set()
    for _ in range(30):
        card = await run(ranked_read, "!random")
        assert isinstance(card, Card)
        seen.add(card.title)
    assert seen <= reviewed and len(seen) > 1  # Joe is not reviewed


@on_the_module_loop
async def test_latest_newest_first(ranked_read: Popcorn) -> None:
    answer = await run(ranked_read, "!latest")
    assert isinstance(answer, ItemList)
    assert answer.items[0].startswith("**The Wicker Man (2006)** — 2 February 2024")
    assert len(answer.items) == 5
    everything = await run(ranked_read, "!latest 25")
    assert isinstance(everything, ItemList)
    assert everything.items[-1].startswith("**Leaving Las Vegas (1995)** — date not given")
    assert isinstance(await run(ranked_read, "!latest lots"), Notice)


@on_the_module_loop
async def test_stats_count_by_rating_genre_and_year(ranked_read: Popcorn) -> None:
    answer = await run(ranked_read, "!stats")
    assert isinstance(answer, Card)
    fields = {f.name: f.value for f in answer.fields}
    assert fields["Reviews"] == "6 films reviewed of 7 in the database"
    assert fields["Film rating"] == "9/10: 2 · 8/10: 1 · 7/10: 1 · 3/10: 1 · not rated: 1"
    assert fields["Picture"] == "EXCELLENT: 1 · GREAT: 1 · GOOD: 3 · OK: 1"
    assert fields["Extras"] == "EXCELLENT: 1 · GREAT: 1 · OK: 1 · POOR: 2 · not rated: 1"
    assert fields["Genres (reviewed films)"].startswith("Action: 3 · Thriller: 3 · Horror: 2")
    assert fields["Reviews per year"] == "2024: 2 · 2023: 2 · 2022: 1 · date not given: 1"
    async with ranked_read.sessions() as session:
        stats = await review_stats(session)
    assert stats.reviewed == 6 and stats.unrated["film"] == 1


async def test_with_no_reviews_everything_says_so(empty: Popcorn) -> None:
    for text in ("!top", "!worst audio"):
        answer = await run(empty, text)
        assert isinstance(answer, ItemList) and not answer.items
        assert answer.empty_text == "No film has been reviewed yet."
    assert "No film has been reviewed yet." in (await run(empty, "!random")).text  # type: ignore[union-attr]
    stats = await run(empty, "!stats")
    assert isinstance(stats, Card) and stats.description == "No film has been reviewed yet."
    latest = await run(empty, "!latest")
    assert isinstance(latest, ItemList) and not latest.items
    count = await run(empty, "!ask how many films have you reviewed?")
    assert "I've reviewed 0 films so far" in (count.description or "")  # type: ignore[union-attr]
    best = await run(empty, "!ask which film has the best audio")
    assert "Nothing is reviewed yet." in (best.description or "")  # type: ignore[union-attr]


# --- the ranking questions ------------------------------------------------------------------------


@on_the_module_loop
async def test_best_questions_say_what_was_left_out(ranked_read: Popcorn) -> None:
    answer = await run(ranked_read, "!ask which blu-ray has the best extras?")
    assert isinstance(answer, Card)
    assert answer.description == (
        "The best extras of the reviewed films are on The Rock (1996): EXCELLENT. "
        "1 reviewed film has no extras rating and is left out."
    )
    assert [c.label for c in answer.followups] == ["Film card", "Top 10"]
    top = await ranked_read.answer(answer.followups[1].request)
    assert isinstance(top, ItemList) and top.title == "Top 10 by extras rating"


@on_the_module_loop
async def test_a_persons_best_and_worst(ranked_read: Popcorn) -> None:
    best = await run(ranked_read, "!ask what is the best rated nicolas cage film?")
    assert "The best-rated of the Nicolas Cage films I've reviewed is Face/Off (1997): 9/10." in (
        best.description or ""  # type: ignore[union-attr]
    )
    worst = await run(ranked_read, "!ask worst elisabeth shue film")
    # Her one reviewed film has no film rating: her films rank by the Blu-ray ratings (shown
    # as such, never as a made-up film rating), and the answer says so.
    said = worst.description or ""  # type: ignore[union-attr]
    assert "Leaving Las Vegas (1995)" in said
    assert "2/5 (picture GOOD, audio POOR, extras OK)" in said
    assert "/10" not in said
    assert (
        "No review of Elisabeth Shue's films gives a film rating yet, so this ranks by the "
        "Blu-ray ratings" in said
    )


# --- Discord: prefix and slash --------------------------------------------------------------------


@pytest.fixture(scope="module")
def ranked_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seven films in a SQLite file, made once per module: each bot below starts on a copy."""
    path = tmp_path_factory.mktemp("ranked") / "template.sqlite3"

    async def make() -> None:
        app = await start_ranked(to_async_url(f"sqlite:///{path}"))
        await app.close()

    run_async(make)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the whole database in one file
    return path


@pytest.fixture
async def bot(sqlite_url: str, ranked_file: Path) -> AsyncIterator[commands.Bot]:
    """The real bot (dpytest) on the seven films, in a database of the test's own."""
    assert copy_sqlite(ranked_file, sqlite_url)
    app = await Popcorn.start(make_settings(sqlite_url), seed=False)
    try:
        async with dpytest_bot(app) as popcorn_bot:
            yield popcorn_bot
    finally:
        await app.close()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("!top", "Top 10 by film rating"),
        ("!top audio 3", "Top 3 by audio rating"),
        ("!top 3 audio", "Top 3 by audio rating"),
        ("!worst extras", "Worst 10 by extras rating"),
        ("!latest 2", "Latest reviews"),
        ("!stats", "Review stats"),
    ],
)
async def test_ranking_prefix_commands(bot: commands.Bot, text: str, title: str) -> None:
    await dpytest.message(text)
    assert dpytest.get_message().embeds[0].title == title


async def test_random_prefix_command(bot: commands.Bot) -> None:
    await dpytest.message("!random")
    assert dpytest.get_message().embeds[0].fields[0].name == "Film"


async def test_slash_top_has_an_aspect_choice_and_a_count(bot: PopcornBot) -> None:
    for name in ("top", "worst"):
        command = bot.tree.get_command(name)
        assert isinstance(command, discord.app_commands.Command)
        aspect, count = command.parameters
        assert [c.value for c in aspect.choices] == ["film", "picture", "audio", "extras"]
        assert (count.min_value, count.max_value) == (1, 25)
    top, worst = bot.tree.get_command("top"), bot.tree.get_command("worst")
    assert isinstance(top, discord.app_commands.Command)
    assert isinstance(worst, discord.app_commands.Command)
    interaction = slash_interaction(bot, command="top")
    await top.callback(interaction, aspect="audio", count=2)  # type: ignore[call-arg]
    assert sent(interaction)["embeds"][0].title == "Top 2 by audio rating"
    interaction = slash_interaction(bot, command="worst")
    await worst.callback(interaction)  # type: ignore[call-arg]
    assert sent(interaction)["embeds"][0].title == "Worst 10 by film rating"


@pytest.mark.parametrize("text", ["!top audio 50", "!latest 99", "!worst bananas"])
async def test_prefix_arguments_out_of_range_get_the_same_reply_as_chat(
    bot: commands.Bot, text: str
) -> None:
    await dpytest.message(text)
    content = dpytest.get_message().content
    assert "1 to 25" in content or "rank by “bananas”" in content
