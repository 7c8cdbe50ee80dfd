"""`review cast` (bot/answers/moderation/cast.py) through the command pipeline, on SQLite and
PostgreSQL: add, remove, a character fixed in place (the billing kept), a role moved, and a
name with two roles asked about rather than guessed."""

from __future__ import annotations

from sqlalchemy import select

from bot.answers.moderation.editing import describe_change, ordinal
from bot.answers.types import Attachment, Confirmation, ItemList, Notice, Tone
from bot.app import Popcorn
from bot.db.models import Credit, Film, Person, Role
from tests.answers.moderation.helpers import MEMBER, raising_arizona, say, text_of
from tests.db.test_storage import snapshot

LLV = "leaving las vegas"


async def cast_rows(app: Popcorn, title: str) -> list[tuple[str, str | None]]:
    """The film's actors in billing order, as the database holds them."""
    async with app.sessions() as session:
        rows = await session.execute(
            select(Person.name, Credit.character)
            .join(Credit, Credit.person_id == Person.id)
            .join(Film, Credit.film_id == Film.id)
            .where(Film.title == title, Credit.role == Role.ACTOR)
            .order_by(Credit.billing)
        )
        return [(name, character) for name, character in rows]


async def cast_complete(app: Popcorn, title: str) -> bool:
    async with app.sessions() as session:
        flag = await session.scalar(select(Film.cast_complete).where(Film.title == title))
        return bool(flag)


async def add_raising_arizona(app: Popcorn) -> None:
    preview = await say(
        app, "!review add", files=(Attachment("ra.yaml", raising_arizona().encode()),)
    )
    assert isinstance(preview, Confirmation), preview
    await app.apply(preview.change)


async def test_add_then_remove_a_cast_member(any_app: Popcorn) -> None:
    added = await say(any_app, f'!review cast add {LLV} "Ed Lauter as Mobster"')
    assert text_of(added) == "Saved. Leaving Las Vegas (1995) — cast: +Ed Lauter as Mobster"
    cast = await say(any_app, f"!cast {LLV}", actor=None)
    assert isinstance(cast, ItemList) and cast.items[-1] == "10. **Ed Lauter** as Mobster"
    again = await say(any_app, f'!review cast add {LLV} "ed lauter as mobster"')
    assert text_of(again) == (
        "Nothing changed: Leaving Las Vegas (1995) already has “Ed Lauter as Mobster” "
        "(10th in the cast)."
    )
    removed = await say(any_app, f'!review cast remove {LLV} "Ed Lauter"')
    assert text_of(removed) == "Saved. Leaving Las Vegas (1995) — cast: −Ed Lauter as Mobster"
    assert len(await cast_rows(any_app, "Leaving Las Vegas")) == 9
    assert await cast_complete(any_app, "Leaving Las Vegas")


async def test_a_character_fixed_in_place_keeps_its_billing(any_app: Popcorn) -> None:
    before = await cast_rows(any_app, "Leaving Las Vegas")
    fixed = await say(any_app, f'!review cast set {LLV} "Julian Sands as Yuri"')
    assert text_of(fixed) == (
        "Saved. Leaving Las Vegas (1995) — cast: Julian Sands as Yuri Butsov → as Yuri "
        "(still billed 3rd)\n"
        "Cast now: Nicolas Cage, Elisabeth Shue, Julian Sands, Richard Lewis, Steven Weber…"
    )
    after = await cast_rows(any_app, "Leaving Las Vegas")
    assert after[2] == ("Julian Sands", "Yuri")
    assert after[:2] + after[3:] == before[:2] + before[3:]
    assert await cast_complete(any_app, "Leaving Las Vegas")  # a fix keeps the flag
    history = await say(any_app, f"!review history {LLV}")
    assert isinstance(history, ItemList)
    assert "cast set" in history.items[0] and "Yuri Butsov → as Yuri" in history.items[0]


async def test_set_the_same_character_changes_nothing(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    same = await say(any_app, f'!review cast set {LLV} "julian sands as Yuri Butsov"')
    assert text_of(same) == (
        "Nothing changed: Leaving Las Vegas (1995) already has “Julian Sands as Yuri Butsov”."
    )
    assert await snapshot(any_app.engine) == before


async def test_a_name_not_in_the_cast_names_the_nearest(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    answer = await say(any_app, f'!review cast set {LLV} "Nicholas Cage as Ben"')
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert answer.text == (
        "Nothing was saved: “Nicholas Cage” is not in the cast of Leaving Las Vegas (1995). "
        "Nearest in its cast: Nicolas Cage."
    )
    removed = await say(any_app, f'!review cast remove {LLV} "Elizabeth Shoe"')
    assert "Nearest in its cast: Elisabeth Shue" in text_of(removed)
    assert await snapshot(any_app.engine) == before


async def test_move_a_role_to_a_place_in_the_billing(any_app: Popcorn) -> None:
    moved = await say(any_app, f'!review cast move {LLV} "Laurie Metcalf" 2')
    assert text_of(moved) == (
        "Saved. Leaving Las Vegas (1995) — cast: Laurie Metcalf moved from 9th to 2nd\n"
        "Cast now: Nicolas Cage, Laurie Metcalf, Elisabeth Shue, Julian Sands, Richard Lewis…"
    )
    rows = await cast_rows(any_app, "Leaving Las Vegas")
    assert [name for name, _ in rows[:3]] == ["Nicolas Cage", "Laurie Metcalf", "Elisabeth Shue"]
    assert rows[1] == ("Laurie Metcalf", "Landlady") and len(rows) == 9
    down = await say(any_app, f'!review cast move {LLV} "Nicolas Cage" to 3')
    assert "Nicolas Cage moved from 1st to 3rd" in text_of(down)
    still = await say(any_app, f'!review cast move {LLV} "Nicolas Cage" 3')
    assert text_of(still) == (
        "Nothing changed: Nicolas Cage as Ben Sanderson is already 3rd in the cast of "
        "Leaving Las Vegas (1995)."
    )


async def test_move_outside_the_billing_or_without_a_place_is_refused(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    far = await say(any_app, f'!review cast move {LLV} "Laurie Metcalf" 12')
    assert text_of(far) == (
        "Nothing was saved: Leaving Las Vegas (1995) has 9 cast members; give a place from 1 "
        "to 9 (1 is the top of the billing)."
    )
    nowhere = await say(any_app, f'!review cast move {LLV} "Laurie Metcalf"')
    assert text_of(nowhere) == (
        'Say where to: `!review cast move leaving las vegas "Julian Sands" 2` '
        "(1 is the top of the billing)."
    )
    assert await snapshot(any_app.engine) == before


async def test_two_roles_are_named_and_one_is_picked(any_app: Popcorn) -> None:
    await add_raising_arizona(any_app)
    before = await snapshot(any_app.engine)
    asked = await say(any_app, '!review cast remove raising arizona "Trey Wilson"')
    assert isinstance(asked, Notice) and asked.tone is Tone.WARNING
    assert asked.text == (
        "Nothing was saved: Trey Wilson has 2 roles in Raising Arizona (1987): "
        "“Trey Wilson as Nathan Arizona Sr.” (3rd) and "
        "“Trey Wilson as Nathan Arizona Jr. \\(voice\\)” (6th). Say which one: "
        '`!review cast remove raising arizona "Trey Wilson as Nathan Arizona Sr."`.'
    )
    set_asked = await say(any_app, '!review cast set raising arizona "Trey Wilson as Nathan"')
    assert text_of(set_asked).endswith(
        '`!review cast set raising arizona "Trey Wilson as Nathan Arizona Sr. = New character"`.'
    )
    move_asked = await say(any_app, '!review cast move raising arizona "Trey Wilson" 1')
    assert text_of(move_asked).endswith(
        '`!review cast move raising arizona "Trey Wilson as Nathan Arizona Sr." 1`.'
    )
    assert await snapshot(any_app.engine) == before

    gone = await say(
        any_app, '!review cast remove raising arizona "Trey Wilson as Nathan Arizona Jr. (voice)"'
    )
    assert text_of(gone) == (
        "Saved. Raising Arizona (1987) — cast: −Trey Wilson as Nathan Arizona Jr. (voice)"
    )
    assert await cast_rows(any_app, "Raising Arizona") == [
        ("Nicolas Cage", "H.I. McDunnough"),
        ("Holly Hunter", "Edwina"),
        ("Trey Wilson", "Nathan Arizona Sr."),
        ("John Goodman", "Gale Snoats"),
        ("William Forsythe", "Evelle Snoats"),
    ]


async def test_one_of_two_roles_renamed_in_place(any_app: Popcorn) -> None:
    await add_raising_arizona(any_app)
    renamed = await say(
        any_app, '!review cast set raising arizona "Trey Wilson as Nathan Arizona Sr. = Nathan"'
    )
    assert text_of(renamed).startswith(
        "Saved. Raising Arizona (1987) — cast: Trey Wilson as Nathan Arizona Sr. → as Nathan "
        "(still billed 3rd)"
    )
    rows = await cast_rows(any_app, "Raising Arizona")
    assert rows[2] == ("Trey Wilson", "Nathan")
    assert rows[5] == ("Trey Wilson", "Nathan Arizona Jr. (voice)")
    wrong = await say(any_app, '!review cast remove raising arizona "Trey Wilson as Gale"')
    assert text_of(wrong) == (
        "Nothing was saved: Trey Wilson is not “Gale” in Raising Arizona (1987); their roles "
        "are “Trey Wilson as Nathan” and “Trey Wilson as Nathan Arizona Jr. \\(voice\\)”."
    )


async def test_cast_without_a_verb_says_how(any_app: Popcorn) -> None:
    answer = await say(any_app, f"!review cast fix {LLV}")
    assert isinstance(answer, Notice) and answer.text.startswith(
        "Use: add, remove, set or move a cast member: `!review cast add leaving las vegas"
    )
    no_character = await say(any_app, f'!review cast set {LLV} "Julian Sands"')
    assert text_of(no_character) == (
        'Say the character after “as”: `!review cast set leaving las vegas "Julian Sands as Yuri"`.'
    )


async def test_members_cannot_change_the_cast(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    answer = await say(any_app, f'!review cast set {LLV} "Julian Sands as Yuri"', actor=MEMBER)
    assert "Moderators only" in text_of(answer)
    assert await snapshot(any_app.engine) == before


def role(name: str, character: str | None = None) -> dict[str, str | None]:
    return {"name": name, "character": character}


def test_a_cast_change_is_said_as_moderators_see_it() -> None:
    """editing.describe_change for the cast: a move, a character fixed, else what came and
    went (the reply and the history both say it)."""
    a, b, c = role("Nicolas Cage", "Ben"), role("Elisabeth Shue", "Sera"), role("Julian Sands")
    assert describe_change("film.cast", [a, b, c], [c, a, b]) == (
        "cast: Julian Sands moved from 3rd to 1st"
    )
    fixed = role("Nicolas Cage", "Ben Sanderson")
    assert describe_change("film.cast", [a, b, c], [fixed, b, c]) == (
        "cast: Nicolas Cage as Ben → as Ben Sanderson (still billed 1st)"
    )
    cleared = role("Elisabeth Shue")
    assert describe_change("film.cast", [a, b], [a, cleared]) == (
        "cast: Elisabeth Shue as Sera → no character (still billed 2nd)"
    )
    assert describe_change("film.cast", [a, b, c, role("X")], [b, a, role("X"), c]) == (
        "cast: reordered"
    )
    assert describe_change("film.cast", [a, b], [a, b, c]) == "cast: +Julian Sands"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"
    ]  # fmt: skip
