"""`person rename` and `person merge` (bot/answers/moderation/people.py) through the command
pipeline, on SQLite and PostgreSQL: the replies, the look-ups after, the database and the
history; and an orphan (a person left without credits) dropping out of the look-ups."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.answers.types import Choices, ItemList
from bot.app import Popcorn
from bot.db.models import Person, PersonAlias
from tests.answers.moderation.helpers import MEMBER, say, text_of
from tests.db.test_merges import SNAKE_EYES, add_record


async def people_called(app: Popcorn, key: str) -> int:
    async with app.sessions() as session:
        stmt = select(func.count(Person.id)).where(Person.name_key == key)
        return int(await session.scalar(stmt) or 0)


async def test_a_misspelt_person_merged_makes_cage_answer_directly(any_app: Popcorn) -> None:
    await add_record(any_app, SNAKE_EYES)
    asked = await say(any_app, "!cage", actor=None)
    assert isinstance(asked, Choices)
    assert [c.label for c in asked.choices] == ["Nicholas Cage", "Nicolas Cage"]

    done = await say(any_app, "!person merge Nicholas Cage into Nicolas Cage")
    assert text_of(done) == (
        "Merged Nicholas Cage into Nicolas Cage: 1 film changed (Snake Eyes (1998)). "
        "“Nicholas Cage” now finds Nicolas Cage."
    )
    assert await people_called(any_app, "nicholas cage") == 0
    for typed in ("!cage", "!nicholas cage", "!filmography Nicholas Cage"):
        films = await say(any_app, typed, actor=None)
        assert isinstance(films, ItemList), (typed, films)
        assert films.title == "Nicolas Cage: filmography"
        assert any(i.startswith("**Snake Eyes** (1998) — as Rick Santoro") for i in films.items)
    history = await say(any_app, "!review history snake eyes")
    assert isinstance(history, ItemList)
    assert "person merge" in history.items[0] and "Nicholas Cage → Nicolas Cage" in history.items[0]

    again = await say(any_app, "!person merge Nicholas Cage into Nicolas Cage")
    assert text_of(again) == "Nicolas Cage and Nicolas Cage are already the same person."


async def test_a_rename_corrects_the_name_everywhere(any_app: Popcorn) -> None:
    await add_record(any_app, SNAKE_EYES)
    done = await say(any_app, "!person rename gary sinise = Gary Sinese")
    assert text_of(done) == (
        "Renamed Gary Sinise to Gary Sinese: 1 film changed (Snake Eyes (1998)). "
        "“Gary Sinise” still finds them."
    )
    films = await say(any_app, "!filmography gary sinese", actor=None)
    assert isinstance(films, ItemList) and films.title == "Gary Sinese: filmography"
    cast = await say(any_app, "!cast snake eyes", actor=None)
    assert "Gary Sinese" in str(cast) and "Gary Sinise" not in str(cast)
    async with any_app.sessions() as session:
        aliases = (await session.scalars(select(PersonAlias.alias))).all()
    assert list(aliases) == ["Gary Sinise"]


async def test_a_rename_to_someone_else_s_name_suggests_a_merge(any_app: Popcorn) -> None:
    await add_record(any_app, SNAKE_EYES)
    refused = await say(any_app, "!person rename Nicholas Cage = nicolas cage")
    assert text_of(refused) == (
        "Nothing was saved: Nicolas Cage is already another person. To make them one, "
        "type `!person merge Nicholas Cage into Nicolas Cage`."
    )
    assert await people_called(any_app, "nicholas cage") == 1


async def test_a_name_not_typed_exactly_is_asked_back(any_app: Popcorn) -> None:
    loose = await say(any_app, "!person merge nick cage into Nicolas Cage")
    assert text_of(loose) == (
        "I couldn't find anyone called exactly “nick cage”. Did you mean **Nicolas Cage**? "
        "Type the name as it is spelt. Nothing was changed."
    )
    usage = await say(any_app, "!person rename Nicolas Cage")
    assert text_of(usage).startswith("Use: `!person rename Nicholas Cage = Nicolas Cage`")
    usage = await say(any_app, "!person merge Nicolas Cage")
    assert text_of(usage).startswith("Use: `!person merge Nicholas Cage into Nicolas Cage`")


async def test_members_cannot_repair_people(any_app: Popcorn) -> None:
    await add_record(any_app, SNAKE_EYES)
    refused = await say(any_app, "!person merge Nicholas Cage into Nicolas Cage", actor=MEMBER)
    assert "Moderators only" in text_of(refused)
    assert await people_called(any_app, "nicholas cage") == 1


async def test_an_orphan_drops_out_of_the_look_ups_at_once(any_app: Popcorn) -> None:
    """Issue 12, item 2: the cast fixed, the misspelt person (0 films) is offered no more."""
    await add_record(any_app, SNAKE_EYES)
    for character in ("Rick Santoro", "Himself"):
        fixed = await say(any_app, f'!review cast remove snake eyes "Nicholas Cage as {character}"')
        assert text_of(fixed).startswith("Saved."), fixed
    # Gone from the index with the change itself, before any look-up meets him (!search too).
    assert all(d.doc.name != "Nicholas Cage" for d in any_app.index.suggest_people("nicholas"))
    search = await say(any_app, "!search nicholas cage", actor=None)
    assert isinstance(search, ItemList) and "👤 Nicholas Cage" not in search.items
    films = await say(any_app, "!cage", actor=None)
    assert isinstance(films, ItemList) and films.title == "Nicolas Cage: filmography"
    gone = await say(any_app, "!filmography nicholas cage", actor=None)
    assert isinstance(gone, ItemList) and gone.title == "Nicolas Cage: filmography"
    assert any_app.index.person_count == len(
        {c.doc.id for c in any_app.index.suggest_people("", limit=10_000)}
    )
    assert all(d.doc.name != "Nicholas Cage" for d in any_app.index.suggest_people("nicholas"))
