"""Filmographies (`!cage`, `!filmography <person>`, `!<any person's name>`): reviewed films
first with their ratings, then the rest by year; filters by review status and by year or
decade; and a person's newest or earliest film (`person_film_by_year`)."""

from __future__ import annotations

import re

import pytest

from bot.answers.people import parse_filmography_text, person_film_by_year
from bot.answers.types import Card, Choices, ItemList, Notice, Tone
from bot.app import Popcorn
from bot.db.documents import FilmSummary, PersonCredit, PersonDocument, Role
from bot.db.reading import load_person
from tests.helpers import answered as run

#: The tests on a module-wide app run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")

LLV_LINE = (
    "**Leaving Las Vegas** (1995) — as Ben Sanderson · ⭐ picture GOOD, audio POOR, extras OK · "
    "Great film let down by poor audio on the Blu-ray release"
)
VERDICT = "Great film let down by poor audio on the Blu-ray release"
YEAR = re.compile(r"\*\* \((\d{4})\)")


def years(answer: ItemList) -> list[int]:
    return [int(m.group(1)) for item in answer.items if (m := YEAR.search(item))]


def reviewed(answer: ItemList) -> list[str]:
    return [item for item in answer.items if "⭐" in item]


# --- the whole filmography --------------------------------------------------------------------


async def test_cage_reviewed_first_then_by_year(app: Popcorn) -> None:
    answer = await run(app, "!cage")
    assert isinstance(answer, ItemList)
    assert answer.title == "Nicolas Cage: filmography"
    total = len(answer.items)
    assert total > 80
    assert answer.intro == (
        f"{total} films in the database: 1 reviewed, {total - 1} not yet. Reviewed films first."
    )
    # No film rating in this review: the Blu-ray grades and the verdict instead.
    assert answer.items[0] == LLV_LINE
    rest = answer.items[1:]
    assert all(item.endswith("· not reviewed yet") for item in rest)
    assert rest[0].startswith("**Fast Times at Ridgemont High** (1982)")
    assert years(ItemList("", rest)) == sorted(years(ItemList("", rest)))


async def test_reviewed_films_show_the_film_rating_and_come_by_year(qapp: Popcorn) -> None:
    answer = await run(qapp, "!cage")
    assert isinstance(answer, ItemList)
    total = len(answer.items)
    assert answer.intro == (
        f"{total} films in the database: 5 reviewed, {total - 5} not yet. Reviewed films first."
    )
    assert [item.split(" — ")[0] for item in answer.items[:5]] == [
        "**Leaving Las Vegas** (1995)",
        "**The Rock** (1996)",
        "**Con Air** (1997)",
        "**Face/Off** (1997)",
        "**The Wicker Man** (2006)",
    ]
    assert answer.items[2] == (
        "**Con Air** (1997) — as Cameron Poe · ⭐ 8/10 · "
        "Big dumb fun with a reference-quality soundtrack"
    )
    assert "⭐" not in "\n".join(answer.items[5:])
    joe = next(item for item in answer.items if item.startswith("**Joe** (2013)"))
    assert joe == "**Joe** (2013) — as Joe Ransom · not reviewed yet"


async def test_another_persons_filmography(app: Popcorn) -> None:
    answer = await run(app, "!filmography elisabeth shue")
    assert isinstance(answer, ItemList)
    assert answer.title == "Elisabeth Shue: filmography"
    assert answer.intro == "1 film in the database: 1 reviewed, 0 not yet."
    assert answer.items == (LLV_LINE.replace("as Ben Sanderson", "as Sera"),)


# --- filters ----------------------------------------------------------------------------------


@on_the_module_loop
@pytest.mark.parametrize(
    "text", ["!Cage Reviewed", "!cage reviewed", "!filmography nicolas cage reviewed"]
)
async def test_reviewed_only(shared_qapp: Popcorn, text: str) -> None:
    answer = await run(shared_qapp, text)
    assert isinstance(answer, ItemList)
    assert answer.title == "Nicolas Cage: filmography, reviewed"
    assert len(answer.items) == 5 and reviewed(answer) == list(answer.items)
    assert re.fullmatch(r"5 of \d+ films in the database are reviewed\.", answer.intro or "")


@on_the_module_loop
@pytest.mark.parametrize(
    "text", ["!cage unreviewed", "!cage not reviewed", "!filmography nic cage unreviewed"]
)
async def test_unreviewed_only(shared_qapp: Popcorn, text: str) -> None:
    everything = await run(shared_qapp, "!cage")
    answer = await run(shared_qapp, text)
    assert isinstance(answer, ItemList) and isinstance(everything, ItemList)
    assert answer.title == "Nicolas Cage: filmography, not reviewed yet"
    assert answer.items == everything.items[5:]
    total = len(everything.items)
    assert answer.intro == f"{total - 5} of {total} films in the database are not reviewed yet."


@on_the_module_loop
@pytest.mark.parametrize(
    "text",
    [
        "!nick cage 90s",
        "!cage 1990s",
        "!cage the 90s",
        "!cage from the '90s",
        "!filmography nicolas cage 1990s",
    ],
)
async def test_a_decade(shared_qapp: Popcorn, text: str) -> None:
    answer = await run(shared_qapp, text)
    assert isinstance(answer, ItemList), answer
    assert answer.title == "Nicolas Cage: filmography, the 1990s"
    found = years(answer)
    assert len(found) == len(answer.items) > 10
    assert all(1990 <= year <= 1999 for year in found)
    # Reviewed first: Leaving Las Vegas, The Rock, Con Air, Face/Off.
    assert len(reviewed(answer)) == 4 and reviewed(answer) == list(answer.items[:4])
    count = len(answer.items)
    assert answer.intro == (
        f"{count} films from the 1990s in the database: 4 reviewed, {count - 4} not yet. "
        "Reviewed films first."
    )


async def test_a_year_and_a_status_together(qapp: Popcorn) -> None:
    answer = await run(qapp, "!filmography nicolas cage reviewed 1997")
    assert isinstance(answer, ItemList)
    assert answer.title == "Nicolas Cage: filmography, reviewed, 1997"
    assert [item.split(" — ")[0] for item in answer.items] == [
        "**Con Air** (1997)",
        "**Face/Off** (1997)",
    ]
    year = await run(qapp, "!cage 1997")
    assert isinstance(year, ItemList)
    assert year.title == "Nicolas Cage: filmography, 1997"
    assert year.items == answer.items
    assert year.intro == "2 films from 1997 in the database: 2 reviewed, 0 not yet."


@on_the_module_loop
@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("!cage 1985", "No Nicolas Cage films from 1985 in the database."),
        ("!filmography elisabeth shue unreviewed", "No unreviewed Elisabeth Shue films in the "
         "database."),
        ("!shue 2000s", "No Elisabeth Shue films from the 2000s in the database."),
    ],
)  # fmt: skip
async def test_a_filter_that_matches_nothing_says_so(
    shared_app: Popcorn, text: str, reply: str
) -> None:
    answer = await run(shared_app, text)
    assert isinstance(answer, Notice)
    assert answer.text == reply


@on_the_module_loop
@pytest.mark.parametrize(
    ("text", "period"), [("!cage 3000", "3000"), ("!cage 1700s", "the 1700s"), ("!cage 50s", "")]
)
async def test_impossible_years(shared_app: Popcorn, text: str, period: str) -> None:
    answer = await run(shared_app, text)
    if not period:  # the 1950s are possible: simply nothing of his from then
        assert isinstance(answer, Notice)
        assert answer.text == "No Nicolas Cage films from the 1950s in the database."
        return
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert answer.text.startswith(f"There are no films from {period}: try a year from 1880 to ")
    assert "`1990s` or `90s`" in answer.text


async def test_a_year_alone_is_no_person(app: Popcorn) -> None:
    answer = await run(app, "!1997")
    assert isinstance(answer, Notice)
    assert answer.text.startswith("I don't know the command `!1997`.")
    unknown = await run(app, "!xyzzyq reviewed")
    assert isinstance(unknown, Notice)
    assert unknown.text.startswith("I don't know the command `!xyzzyq`.")


async def test_a_did_you_mean_choice_keeps_the_filter(qapp: Popcorn) -> None:
    answer = await run(qapp, "!filmography john 1997")
    assert isinstance(answer, Choices), answer
    labels = [choice.label for choice in answer.choices]
    assert "John Cusack" in labels
    pick = answer.choices[labels.index("John Cusack")].request
    assert pick.person_id is not None and pick.text == "john 1997"
    picked = await qapp.answer(pick)
    assert isinstance(picked, ItemList)
    assert picked.title == "John Cusack: filmography, 1997"
    assert picked.items[0].startswith("**Con Air** (1997) — as Vince Larkin · ⭐ 8/10")


def test_filter_words_are_not_the_name() -> None:
    parsed = parse_filmography_text("Cage Reviewed")
    assert (parsed.name, parsed.filter.status) == ("Cage", "reviewed")
    parsed = parse_filmography_text("nick cage from the 90s")
    assert parsed.name == "nick cage"
    assert (parsed.filter.first_year, parsed.filter.last_year) == (1990, 1999)
    assert parse_filmography_text("nicolas cage 20s").filter.first_year == 2020
    assert parse_filmography_text("cage 1980's").filter.period == "the 1980s"
    # Nothing left for a name: the text is the name (`!1997`), unless the person is known.
    assert parse_filmography_text("1997").name == "1997"
    assert not parse_filmography_text("1997").filter.active
    known = parse_filmography_text("unreviewed", person_known=True)
    assert (known.name, known.filter.status) == ("", "unreviewed")
    assert parse_filmography_text("the rock").name == "the rock"  # `the` only goes before a year
    assert parse_filmography_text("cage 3000").problem is not None


# --- newest and earliest ----------------------------------------------------------------------


async def cage(app: Popcorn) -> PersonDocument:
    found = app.index.find_person("nicolas cage").best
    assert found is not None
    async with app.sessions() as session:
        person = await load_person(session, found.id)
    assert person is not None
    return person


async def test_newest_film_lists_ties(qapp: Popcorn) -> None:
    answer = person_film_by_year(await cage(qapp), newest=True)
    assert isinstance(answer, Card)
    assert answer.title == "Nicolas Cage: newest film"
    assert answer.description == (
        "The newest Nicolas Cage films in the database are from 2024: 2 films, "
        "Arcadian (not reviewed yet) and Longlegs (not reviewed yet)."
    )
    assert [c.label for c in answer.followups] == ["Filmography"]


async def test_earliest_film(qapp: Popcorn) -> None:
    answer = person_film_by_year(await cage(qapp), newest=False)
    assert isinstance(answer, Card)
    assert answer.description == (
        "The earliest Nicolas Cage film in the database is "
        "Fast Times at Ridgemont High (1982), not reviewed yet."
    )
    card = await qapp.answer(answer.followups[0].request)
    assert isinstance(card, Card) and card.title == "Fast Times at Ridgemont High (1982)"


def _person(*films: tuple[int, str, int | None]) -> PersonDocument:
    credits = tuple(
        PersonCredit(FilmSummary(film_id, "", title, year, (), None), Role.ACTOR, "X", 0)
        for film_id, title, year in films
    )
    return PersonDocument(id=1, name="Test Person", aliases=(), credits=credits)


def test_films_without_a_year_are_left_out_and_said_to_be() -> None:
    person = _person((1, "Old One", 1990), (2, "New One", 2001), (3, "Undated", None))
    answer = person_film_by_year(person, newest=True)
    assert isinstance(answer, Card)
    assert answer.description == (
        "The newest Test Person film in the database is New One (2001), not reviewed yet. "
        "1 film has no year and is left out."
    )
    nothing = person_film_by_year(_person((3, "Undated", None), (4, "Also", None)), newest=False)
    assert isinstance(nothing, Card)
    assert nothing.description == (
        "None of the 2 Test Person films in the database has a year, "
        "so I can't tell which is the earliest."
    )
    empty = person_film_by_year(_person(), newest=True)
    assert isinstance(empty, Card)
    assert empty.description == "The database has no films for Test Person."


async def test_a_reviewed_newest_film_says_how_it_was_rated(qapp: Popcorn) -> None:
    found = qapp.index.find_person("elisabeth shue").best
    assert found is not None
    async with qapp.sessions() as session:
        shue = await load_person(session, found.id)
    assert shue is not None
    answer = person_film_by_year(shue, newest=True)
    assert isinstance(answer, Card)
    assert answer.description == (
        "The newest Elisabeth Shue film in the database is Leaving Las Vegas (1995), reviewed: "
        "picture GOOD, audio POOR, extras OK · "
        "Great film let down by poor audio on the Blu-ray release."
    )


# --- how a person is named ---------------------------------------------------------------------


def reviewed_items(answer: ItemList) -> list[str]:
    return [item for item in answer.items if "not reviewed yet" not in item]


async def test_cage_filmography(any_app: Popcorn) -> None:
    answer = await run(any_app, "!cage")
    assert isinstance(answer, ItemList)
    assert answer.title == "Nicolas Cage: filmography"
    assert len(answer.items) > 80
    n = len(answer.items)
    assert answer.intro is not None
    assert answer.intro.startswith(f"{n} films in the database: 1 reviewed, {n - 1} not yet.")
    (llv,) = reviewed_items(answer)
    assert answer.items[0] == llv  # the reviewed films come first
    assert "**Leaving Las Vegas** (1995)" in llv
    assert "Ben Sanderson" in llv
    assert VERDICT in llv
    face_off = next(item for item in answer.items if "**Face/Off** (1997)" in item)
    assert "not reviewed yet" in face_off
    rest = answer.items[1:]  # then the others, by year
    rest_years = [int(m.group(1)) for item in rest if (m := re.search(r"\((\d{4})\)", item))]
    assert rest_years == sorted(rest_years)


@on_the_module_loop
@pytest.mark.parametrize(
    "text",
    ["!nic cage", "!nicholas cage", "!Nicolas Cage", "!filmography nicolas cage", "!films cage"],
)
async def test_cage_spellings(shared_app: Popcorn, text: str) -> None:
    answer = await run(shared_app, text)
    assert isinstance(answer, ItemList), answer
    assert answer.title == "Nicolas Cage: filmography"
    assert len(answer.items) > 80


@on_the_module_loop
@pytest.mark.parametrize(
    "text", ["!filmography elizabeth shu", "!shue", "!filmography Elisabeth Shue", "!person shue"]
)
async def test_shue_filmography(shared_app: Popcorn, text: str) -> None:
    answer = await run(shared_app, text)
    assert isinstance(answer, ItemList), answer
    assert answer.title == "Elisabeth Shue: filmography"
    (item,) = answer.items
    assert "**Leaving Las Vegas** (1995)" in item
    assert "as Sera" in item
    assert "not reviewed yet" not in item


async def test_crew_filmography_names_the_roles(app: Popcorn) -> None:
    answer = await run(app, "!filmography mike figgis")
    assert isinstance(answer, ItemList)
    assert answer.title == "Mike Figgis: filmography"
    (item,) = answer.items
    assert "director" in item
    assert "composer" in item
