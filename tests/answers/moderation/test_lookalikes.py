"""Look-alikes said before Confirm (bot/answers/moderation/lookalikes.py), on the shipped data/
(Leaving Las Vegas reviewed; Nicolas Cage's filmography with Face/Off (1997), Sean Connery,
Nicholas Hoult...) and SQLite and PostgreSQL: the slips real writers make, and no warning for
what is genuinely new."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from bot.answers.moderation.lookalikes import (
    letters_allowed,
    lookalike_field,
    lookalike_warnings,
    short_form_of,
    slip_of,
)
from bot.answers.types import Attachment, Confirmation, Field
from bot.app import Popcorn
from bot.db.changes import film_by_slug
from bot.db.models import Credit, Film, Person
from bot.records.schema import Record
from tests.answers.moderation.helpers import say, text_of

NEW = "(a new person would be created)"


def record(
    title: str = "Raising Arizona",
    year: int | None = 1987,
    cast: tuple[str, ...] = (),
    directors: tuple[str, ...] = ("Joel Coen",),
    writers: tuple[str, ...] = (),
) -> Record:
    film: dict[str, Any] = {
        "title": title,
        "year": year,
        "directors": list(directors),
        "writers": list(writers),
        "cast": [{"name": name, "character": None} for name in cast],
    }
    return Record.model_validate({"schema": 1, "film": film})


async def warnings(app: Popcorn, rec: Record, film_id: int | None = None) -> list[str]:
    async with app.sessions() as session:
        return await lookalike_warnings(app.context(session), rec, film_id)


async def existing_id(app: Popcorn, slug: str) -> int:
    async with app.sessions() as session:
        film = await film_by_slug(session, slug)
        assert film is not None
        return film.id


async def test_a_misspelt_star_is_flagged(any_app: Popcorn) -> None:
    rec = record(cast=("Nicholas Cage", "Holly Hunter"))
    assert await warnings(any_app, rec) == [f"Nicholas Cage: did you mean Nicolas Cage? {NEW}"]


async def test_known_people_and_a_genuinely_new_person_are_not_flagged(any_app: Popcorn) -> None:
    rec = record(cast=("Nicolas Cage", "Elisabeth Shue", "Holly Hunter", "Frances McDormand"))
    assert await warnings(any_app, rec) == []
    # Nicholas Hoult is known: no slip of Nicolas Cage, however alike the first names.
    assert await warnings(any_app, record(cast=("Nicholas Hoult",))) == []


async def test_a_letter_wrong_in_the_first_name(any_app: Popcorn) -> None:
    rec = record("Leaving Las Vegas", 1995, cast=("Elizabeth Shue",))
    lines = await warnings(any_app, rec, await existing_id(any_app, "leaving-las-vegas-1995"))
    assert lines == [f"Elizabeth Shue: did you mean Elisabeth Shue? {NEW}"]


async def test_a_short_form_of_a_known_name_is_flagged(any_app: Popcorn) -> None:
    """Nic Cage is four letters from Nicolas Cage, not one: still the same man (the surname as
    known, the first name its first letters), so it is flagged too."""
    assert await warnings(any_app, record(cast=("Nic Cage",))) == [
        f"Nic Cage: did you mean Nicolas Cage? {NEW}"
    ]


async def test_crew_names_are_checked_too(any_app: Popcorn) -> None:
    rec = record(directors=("Mike Figis",), writers=("Sean Conery",))
    assert await warnings(any_app, rec) == [
        f"Mike Figis: did you mean Mike Figgis? {NEW}",
        f"Sean Conery: did you mean Sean Connery? {NEW}",
    ]


async def test_a_person_added_since_start_up_is_known(any_app: Popcorn) -> None:
    """John Goodman comes with a review added from Discord: the index has him at once, and
    John Goodmen is then a slip of him."""
    arizona = (
        "schema: 1\nfilm:\n  title: Raising Arizona\n  year: 1987\n  cast:\n"
        "    - {name: Nicolas Cage, character: H.I. McDunnough}\n"
        "    - {name: John Goodman, character: Gale Snoats}\n"
        "review:\n  verdict: Still the Coens' funniest\n"
    )
    preview = await say(any_app, "!review add", files=(Attachment("ra.yaml", arizona.encode()),))
    assert isinstance(preview, Confirmation), preview
    await any_app.apply(preview.change)
    rec = record("Barton Fink", 1991, cast=("John Turturro", "John Goodmen"))
    assert await warnings(any_app, rec) == [f"John Goodmen: did you mean John Goodman? {NEW}"]


async def test_a_duplicate_film_a_year_out(any_app: Popcorn) -> None:
    rec = record("Face Off", 1996, cast=("Nicolas Cage", "John Travolta"))
    assert await warnings(any_app, rec) == [
        "Face Off (1996): did you mean Face/Off (1997)? Saving makes a second film; "
        "fix the title or year."
    ]


async def test_a_typo_in_a_known_title(any_app: Popcorn) -> None:
    rec = record("Leaving Las Vega", 1995, cast=("Nicolas Cage",))
    assert await warnings(any_app, rec) == [
        "Leaving Las Vega (1995): did you mean Leaving Las Vegas (1995)? Saving makes a second "
        "film; fix the title or year."
    ]


async def test_a_genuinely_new_film_is_not_flagged(any_app: Popcorn) -> None:
    assert await warnings(any_app, record("Barton Fink", 1991)) == []
    # The same title far from the known one's year is a remake or another film, not a slip.
    assert await warnings(any_app, record("Face/Off", 1980)) == []


async def test_the_record_of_a_known_film_is_no_second_film(any_app: Popcorn) -> None:
    """Replacing Face/Off (1997), or a record whose slug is a known film's: no film warning."""
    rec = record("Face/Off", 1997, cast=("Nicolas Cage",))
    assert await warnings(any_app, rec, await existing_id(any_app, "face-off-1997")) == []
    assert await warnings(any_app, rec) == []


async def test_many_slips_are_cut_short(any_app: Popcorn) -> None:
    rec = record(cast=tuple(f"Nicolas Cag{c}" for c in "abcdfghijklm"))
    lines = await warnings(any_app, rec)
    assert len(lines) == 8
    assert lines[-1] == "… and 5 more names like these."


@pytest.mark.parametrize(
    ("typed", "known", "slip"),
    [
        ("nicholas cage", "nicolas cage", True),
        ("john goodmen", "john goodman", True),
        ("sean penn", "sean bean", False),  # two letters in a short name: another person
        ("nic cage", "nicolas cage", False),  # not a slip: a short form (short_form_of)
        ("elisabeth shue", "elisabeth shue", True),
    ],
)
def test_what_a_slip_is(typed: str, known: str, slip: bool) -> None:
    assert slip_of(typed, known) is slip


def test_short_forms_and_allowances() -> None:
    assert short_form_of("nic cage", "nicolas cage")
    assert not short_form_of("ni cage", "nicolas cage")
    assert not short_form_of("nicolas cage", "nicolas cage")
    assert not short_form_of("nic coppola", "nicolas cage")
    assert [letters_allowed(k) for k in ("ab", "sean penn", "john goodman")] == [0, 1, 2]


async def test_the_preview_field(any_app: Popcorn) -> None:
    rec = record("Face Off", 1996, cast=("Nicholas Cage", "John Travolta"))
    async with any_app.sessions() as session:
        field = await lookalike_field(any_app.context(session), rec, None)
        assert field == Field(
            "Check before saving",
            "• Face Off (1996): did you mean Face/Off (1997)? Saving makes a second film; fix "
            f"the title or year.\n• Nicholas Cage: did you mean Nicolas Cage? {NEW}",
        )
        assert await lookalike_field(any_app.context(session), record("Barton Fink"), None) is None


async def test_a_merged_spelling_is_saved_as_the_person_it_was_merged_into(
    any_app: Popcorn,
) -> None:
    """After `person merge Nicholas Cage into Nicolas Cage`, "Nicholas Cage" is an alias that
    finds him: a record naming him so is saved as Nicolas Cage, and the preview says so."""
    snake_eyes = (
        "schema: 1\nfilm:\n  title: Snake Eyes\n  year: 1998\n  cast:\n"
        "    - {name: Nicholas Cage, character: Rick Santoro}\n"
        "review:\n  verdict: Flashy\n"
    )
    preview = await say(any_app, "!review add", files=(Attachment("se.yaml", snake_eyes.encode()),))
    assert isinstance(preview, Confirmation), preview
    await any_app.apply(preview.change)
    # Saved as it was: Nicholas Cage is known now (a person of his own), so not flagged.
    assert await warnings(any_app, record(cast=("Nicholas Cage",))) == []
    merged = await say(any_app, "!person merge Nicholas Cage into Nicolas Cage")
    assert "Merged Nicholas Cage into Nicolas Cage" in text_of(merged)
    assert await warnings(any_app, record(cast=("Nicholas Cage",))) == [
        "Nicholas Cage: saved as Nicolas Cage (that spelling was merged into them)"
    ]
    # ... and truly: saving a record naming him so makes no second person.
    again = snake_eyes.replace("Snake Eyes", "Bringing Out the Dead").replace("1998", "1999")
    preview = await say(any_app, "!review add", files=(Attachment("bo.yaml", again.encode()),))
    assert isinstance(preview, Confirmation), preview
    await any_app.apply(preview.change)
    async with any_app.sessions() as session:
        count = await session.scalar(
            select(func.count(Person.id)).where(Person.name_key == "nicholas cage")
        )
        credited = await session.scalar(
            select(Person.name)
            .join(Credit, Credit.person_id == Person.id)
            .join(Film, Credit.film_id == Film.id)
            .where(Film.title == "Bringing Out the Dead", Credit.character == "Rick Santoro")
        )
    assert count == 0
    assert credited == "Nicolas Cage"
