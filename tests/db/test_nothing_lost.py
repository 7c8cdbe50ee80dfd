"""Issue #10, "Nothing lost": data lost or changed behind the moderators' back, through the
entry points people use (`popcorn import`, the moderator commands), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.app import Popcorn
from bot.db.exporter import export_to_dir
from bot.db.models import Film
from bot.records.schema import film_slug
from tests.helpers import make_settings

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
    assert film_slug("Brother 2 Брат", 2000).startswith("brother-2-")
    assert film_slug("Brother 2 Брат", 2000) != film_slug("Brother 2 Сестра", 2000)
