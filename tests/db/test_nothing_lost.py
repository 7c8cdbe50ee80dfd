"""Issue #10, "Nothing lost": data lost or changed behind the moderators' back, through the
entry points people use (`popcorn import`, the moderator commands), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.answers.moderation import edited_record
from bot.answers.types import Attachment, Confirmation, Notice, Tone
from bot.app import DATA_LOADED, Popcorn
from bot.db.changes import film_history, record_diff
from bot.db.exporter import export_to_dir
from bot.db.models import Film, Meta
from bot.records.files import dump_record, parse_record_text
from bot.records.schema import Record, film_slug
from tests.answers.moderation.helpers import fields, review_card, say, text_of
from tests.db.test_storage import snapshot
from tests.helpers import REPO, make_settings

LLV = "leaving-las-vegas-1995"


def _llv_record() -> Record:
    path = next((REPO / "data" / "reviews").glob("leaving-las-vegas*.yaml"))
    return parse_record_text(path.read_text(encoding="utf-8"), path.name)


NON_LATIN = "title,year\n八佰,2020\n鬼滅の刃,2020\nЛевиафан,2020\nΖ,2020\n"


async def test_titles_without_latin_letters_get_their_own_slugs(
    database_url: str, tmp_path: Path
) -> None:
    catalog = tmp_path / "world.csv"
    catalog.write_text(NON_LATIN, encoding="utf-8")
    app = await Popcorn.start(make_settings(database_url, POPCORN_DATA_DIR=tmp_path / "none"))
    try:
        stats = await app.import_paths([catalog])
        assert stats.films_created == 4
        async with app.sessions() as session:
            films = dict((await session.execute(select(Film.title, Film.slug))).all())
        assert set(films) == {"八佰", "鬼滅の刃", "Левиафан", "Ζ"}
        assert len(set(films.values())) == 4
        assert all(slug.endswith("-2020") and slug != "film-2020" for slug in films.values())
        # The export (the backup) re-imports as the same four films.
        async with app.sessions() as session:
            assert await export_to_dir(session, tmp_path / "export") == 4
        again = await app.import_paths([tmp_path / "export"])
        assert (again.films_created, again.films_updated) == (0, 0)
    finally:
        await app.close()


def test_slugs_of_latin_titles_do_not_change() -> None:
    assert film_slug("Face/Off", 1997) == "face-off-1997"
    assert film_slug("Amélie", 2001) == "amelie-2001"
    assert film_slug("Léon: The Professional", 1994) == "leon-the-professional-1994"
    assert film_slug("Straße", 2001) == "strae-2001"  # as before: records reference it
    assert film_slug("Leaving Las Vegas", None) == "leaving-las-vegas"


def test_non_latin_slugs_are_stable_and_distinct() -> None:
    assert film_slug("Левиафан", 2014) == film_slug("Левиафан", 2014)
    assert film_slug("Левиафан", 2014) != film_slug("Левиафан", 2015)
    # Latin words beside another script keep them, and still differ by the other words.
    assert film_slug("Brother 2 Брат", 2000).startswith("brother-2-brat-")
    assert film_slug("Левиафан", 2014).startswith("leviafan-")  # transliterated, still unique
    assert film_slug("八佰", 2020).startswith("babai-")
    assert film_slug("Brother 2 Брат", 2000) != film_slug("Brother 2 Сестра", 2000)


async def _history(app: Popcorn, slug: str) -> list[tuple[str, str | None, str | None, str | None]]:
    async with app.sessions() as session:
        film_id = await session.scalar(select(Film.id).where(Film.slug == slug))
        assert film_id is not None
        return [
            (c.action, c.field, c.old_value, c.new_value)
            for c in await film_history(session, film_id)
        ]


async def test_a_zero_rating_is_a_change_from_no_rating(any_app: Popcorn) -> None:
    """Leaving Las Vegas's review gives no film rating: 0 is a rating, and `none` clears it."""
    before = await _history(any_app, LLV)
    unchanged = text_of(await say(any_app, "!review set leaving las vegas rating none"))
    assert unchanged.startswith("Nothing changed")
    assert await _history(any_app, LLV) == before
    assert fields(await review_card(any_app, "leaving las vegas"))["Film"] == "not rated"

    saved = text_of(await say(any_app, "!review set leaving las vegas rating 0"))
    assert saved.startswith("Saved.") and "rating" in saved
    assert fields(await review_card(any_app, "leaving las vegas"))["Film"] == "0/10"
    history = await _history(any_app, LLV)
    assert history[0] == ("set", "review.ratings.film", None, "0.0")

    cleared = text_of(await say(any_app, "!review set leaving las vegas rating none"))
    assert cleared.startswith("Saved.")
    assert fields(await review_card(any_app, "leaving las vegas"))["Film"] == "not rated"
    assert (await _history(any_app, LLV))[0] == ("set", "review.ratings.film", "0.0", None)


def test_the_diff_tells_falsy_values_from_nothing() -> None:
    unrated = parse_record_text(dump_record(_llv_record()), "llv")
    zero = edited_record(unrated, "review.ratings.film", 0)
    assert record_diff(unrated, zero) == [("review.ratings.film", None, 0.0)]
    assert record_diff(zero, unrated) == [("review.ratings.film", 0.0, None)]
    assert record_diff(unrated, edited_record(unrated, "review.ratings.film", None)) == []
    assert record_diff(unrated, edited_record(unrated, "review.pros", [])) != []
    assert record_diff(edited_record(unrated, "review.cons", []), unrated) != []


def _llv_yaml(verdict: str) -> str:
    text = (REPO / "data" / "reviews" / f"{LLV}.yaml").read_text(encoding="utf-8")
    record = _llv_record()
    assert record.review is not None and record.review.verdict
    assert record.review.verdict in text
    return text.replace(record.review.verdict, verdict)


async def test_a_stale_confirm_cannot_overwrite_an_import(any_app: Popcorn, tmp_path: Path) -> None:
    moderators = _llv_yaml("The moderator's verdict").encode()
    preview = await say(any_app, "!review add replace", files=(Attachment("llv.yaml", moderators),))
    assert isinstance(preview, Confirmation)

    imported = tmp_path / f"{LLV}.yaml"
    imported.write_text(_llv_yaml("The imported verdict"), encoding="utf-8")
    stats = await any_app.import_paths([imported])
    assert stats.films_updated == 1
    history = await _history(any_app, LLV)
    assert history[0][:2] == ("import", "review.verdict")
    assert history[0][3] == "The imported verdict"

    refused = await any_app.apply(preview.change)
    assert isinstance(refused, Notice) and refused.tone is Tone.ERROR
    assert "Nothing was saved" in refused.text
    card = await review_card(any_app, "leaving las vegas")
    assert card.description and "The imported verdict" in card.description


@pytest.mark.asyncio(loop_scope="module")
async def test_a_catalog_row_never_changes_a_reviewed_film(
    unchanged_app: Popcorn, tmp_path: Path
) -> None:
    before = await snapshot(unchanged_app.engine)
    catalog = tmp_path / "more.csv"
    catalog.write_text(
        "title,year,runtime_min,genres,directors,cast\n"
        "Leaving Las Vegas,1995,112,Comedy,Someone Else,Jane Doe as Extra\n",
        encoding="utf-8",
    )
    stats = await unchanged_app.import_paths([catalog])
    assert (stats.films_created, stats.films_updated, stats.rows_kept_out) == (0, 0, 1)
    assert await snapshot(unchanged_app.engine) == before


async def test_a_catalog_row_records_what_it_changes(any_app: Popcorn, tmp_path: Path) -> None:
    catalog = tmp_path / "new.csv"
    catalog.write_text("title,year\nA Film Without Facts,2001\n", encoding="utf-8")
    await any_app.import_paths([catalog])
    slug = "a-film-without-facts-2001"
    assert await _history(any_app, slug) == [("import", None, None, "A Film Without Facts (2001)")]
    catalog.write_text(
        "title,year,runtime_min,directors\nA Film Without Facts,2001,95,Ann Director\n",
        encoding="utf-8",
    )
    stats = await any_app.import_paths([catalog])
    assert stats.films_updated == 1
    async with any_app.sessions() as session:
        version = await session.scalar(select(Film.version).where(Film.slug == slug))
    assert version == 2
    changes = {field: (old, new) for _, field, old, new in (await _history(any_app, slug))[:2]}
    assert changes == {
        "film.runtime_min": (None, "95"),
        "film.directors": ("[]", '["Ann Director"]'),
    }


async def test_an_import_before_the_first_start_still_gets_the_shipped_data(
    database_url: str, tmp_path: Path
) -> None:
    catalog = tmp_path / "mine.csv"
    catalog.write_text("title,year\nMy Own Film,2020\n", encoding="utf-8")
    mine = tmp_path / f"{LLV}.yaml"
    mine.write_text(_llv_yaml("My own verdict"), encoding="utf-8")
    # As `popcorn import` does it: no seeding at start, then the import.
    app = await Popcorn.start(make_settings(database_url), seed=False)
    try:
        stats = await app.import_paths([catalog, mine])
        assert "not loaded into this database yet" in stats.summary()
        assert "next start loads it" in stats.summary()
        async with app.sessions() as session:
            assert await session.get(Meta, DATA_LOADED) is None
    finally:
        await app.close()
    # The films table is not empty, yet the first start loads data/ (the import's review wins).
    app = await Popcorn.start(make_settings(database_url))
    try:
        assert (await review_card(app, "face off")).title == "Face/Off (1997)"
        assert (await review_card(app, "my own film")).title == "My Own Film (2020)"
        card = await review_card(app, "leaving las vegas")
        assert card.description and "My own verdict" in card.description
        async with app.sessions() as session:
            assert await session.get(Meta, DATA_LOADED) is not None
        before = await snapshot(app.engine)
    finally:
        await app.close()
    again = await Popcorn.start(make_settings(database_url))
    try:
        assert await snapshot(again.engine) == before  # loaded once: not again
    finally:
        await again.close()


async def test_without_a_data_folder_an_import_says_so_and_a_later_start_loads_it(
    database_url: str, tmp_path: Path
) -> None:
    catalog = tmp_path / "mine.csv"
    catalog.write_text("title,year\nMy Own Film,2020\n", encoding="utf-8")
    missing = tmp_path / "no-data"
    app = await Popcorn.start(make_settings(database_url, POPCORN_DATA_DIR=missing), seed=False)
    try:
        stats = await app.import_paths([catalog])
        assert "not loaded" in stats.summary() and str(missing) in stats.summary()
    finally:
        await app.close()
    # The films table is not empty, yet the next start with the data folder loads it.
    app = await Popcorn.start(make_settings(database_url))
    try:
        assert (await review_card(app, "leaving las vegas")).title == "Leaving Las Vegas (1995)"
        assert (await review_card(app, "my own film")).title == "My Own Film (2020)"
    finally:
        await app.close()


async def test_the_export_carries_removed_reviews_and_the_history(
    any_app: Popcorn, database_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    await say(any_app, "!review set leaving las vegas audio GOOD")
    confirm = await say(any_app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation)
    await any_app.apply(confirm.change)
    history = await _history(any_app, LLV)
    assert [h[0] for h in history[:3]] == ["remove", "set", "import"]
    async with any_app.sessions() as session:
        await export_to_dir(session, tmp_path / "export")
    assert (tmp_path / "export" / "popcorn-backup.json").is_file()

    # Into an empty database of the other kind when this one is PostgreSQL, else a new SQLite.
    target_url = sqlite_url if "postgresql" in database_url else database_url + ".copy"
    copy = await Popcorn.start(make_settings(target_url), seed=False)
    try:
        stats = await copy.import_paths([tmp_path / "export"])
        assert "shipped data" not in stats.summary()  # the backup says it was loaded
        assert stats.removed_reviews_restored == 1
        restored_history = await _history(copy, LLV)
        assert restored_history[-len(history) :] == history
        # The removed review is there, removed, and a moderator can restore it.
        unreviewed = await review_card(copy, "leaving las vegas")
        assert unreviewed.description and unreviewed.description.startswith("Not reviewed yet")
        assert "Restored" in text_of(await say(copy, "!review restore leaving las vegas"))
        assert fields(await review_card(copy, "leaving las vegas"))["Audio"].endswith("GOOD")
        # Importing the same export again adds nothing.
        before = await snapshot(copy.engine)
        again = await copy.import_paths([tmp_path / "export"])
        assert (again.removed_reviews_restored, again.history_restored) == (0, 0)
        after = await snapshot(copy.engine)
        assert after["changes"] == before["changes"]
    finally:
        await copy.close()
