"""`film merge` and `film remove` (bot/answers/moderation/catalogue.py) through the command
pipeline, on SQLite and PostgreSQL, from issue 12's item 3: a quick entry's slip made a second
"Face Off"; it is merged into Face/Off, and typing either title finds the right film."""

from __future__ import annotations

from sqlalchemy import select

from bot.answers.types import Card, Choices, Confirmation, ItemList, Notice
from bot.app import Popcorn
from bot.db.models import Change, Film, FilmAlias
from tests.answers.moderation.helpers import MEMBER, say, text_of


async def slugs(app: Popcorn, *wanted: str) -> set[str]:
    async with app.sessions() as session:
        found = await session.scalars(select(Film.slug).where(Film.slug.in_(wanted)))
        return set(found)


async def card_title(app: Popcorn, typed: str) -> str:
    answer = await say(app, typed, actor=None)
    assert isinstance(answer, Card), (typed, answer)
    return answer.title


async def the_slip(app: Popcorn) -> None:
    """Issue 12, item 3: "Face Off / 1996" typed in the quick entry, confirmed."""
    preview = await say(app, "!review new Face Off | 1996 | Dumb fun | film 5 | pros: Cage")
    assert isinstance(preview, Confirmation)
    await app.apply(preview.change)


async def test_the_duplicate_face_off_is_merged_and_each_title_finds_its_film(
    any_app: Popcorn,
) -> None:
    await the_slip(any_app)
    refused = await say(any_app, "!film merge face off 1996 into face/off")
    assert text_of(refused) == (
        "Nothing was changed: Face Off (1996) has a review. Remove the review first with "
        "`!review remove Face Off`, then `!film merge face off 1996 into face/off`."
    )
    removing = await say(any_app, "!review remove face off 1996")
    assert isinstance(removing, Confirmation)
    await any_app.apply(removing.change)
    fixed = await say(any_app, "!review set face off 1996 year 1997")
    assert text_of(fixed) == "Saved. Face Off (1997) — year: 1996 → 1997"
    # The trap: both are "face off 1997" to the index; the exact spelling picks each.
    assert await card_title(any_app, "!review face/off") == "Face/Off (1997)"
    assert await card_title(any_app, "!review FACE/OFF (1997)") == "Face/Off (1997)"
    assert await card_title(any_app, "!review face off 1997") == "Face Off (1997)"

    done = await say(any_app, "!film merge face off 1997 into face/off 1997")
    assert text_of(done) == (
        "Merged Face Off (1997) into Face/Off (1997). “Face Off” now finds Face/Off (1997); "
        "the history of both is kept."
    )
    assert await slugs(any_app, "face-off-1996", "face-off-1997") == {"face-off-1997"}
    for typed in ("!review face off", "!review face off 1997", "!review face/off"):
        assert await card_title(any_app, typed) == "Face/Off (1997)"
    history = await say(any_app, "!review history face/off")
    assert isinstance(history, ItemList)
    assert "film merge" in history.items[0] and "merged Face Off (1997) into it" in history.items[0]
    async with any_app.sessions() as session:
        kept = await session.scalars(
            select(Change.action).where(Change.film_label.like("Face Off (199%)"))
        )
        assert {"add", "remove", "film merge"} <= set(kept)


async def test_a_film_with_no_review_is_removed_and_found_no_more(any_app: Popcorn) -> None:
    await the_slip(any_app)
    refused = await say(any_app, "!film remove face off 1996")
    assert text_of(refused) == (
        "Nothing was changed: Face Off (1996) has a review. Remove the review first with "
        "`!review remove Face Off`, then `!film remove Face Off`."
    )
    removing = await say(any_app, "!review remove face off 1996")
    assert isinstance(removing, Confirmation)
    await any_app.apply(removing.change)
    done = await say(any_app, "!film remove face off 1996")
    assert text_of(done) == (
        "Removed the film Face Off (1996); its history is kept. Its removed review went "
        "with it (the verdict is in the history)."
    )
    assert await slugs(any_app, "face-off-1996") == set()
    # "face off" is Face/Off's again, alone.
    assert await card_title(any_app, "!review face off") == "Face/Off (1997)"


async def test_merging_a_film_into_itself_or_by_a_member_changes_nothing(
    any_app: Popcorn,
) -> None:
    same = await say(any_app, "!film merge face/off into face off")
    assert text_of(same) == "Both name Face/Off (1997): nothing to merge. Nothing was changed."
    member = await say(any_app, "!film remove the rock", actor=MEMBER)
    assert "Moderators only" in text_of(member)
    usage = await say(any_app, "!film merge the rock")
    assert isinstance(usage, Notice) and usage.text.startswith("Use: `!film merge")
    assert await slugs(any_app, "the-rock-1996", "face-off-1997") == {
        "the-rock-1996",
        "face-off-1997",
    }
    async with any_app.sessions() as session:
        assert list(await session.scalars(select(FilmAlias.alias))) == []


async def test_twins_of_the_same_title_and_year_can_still_be_told_apart(
    any_app: Popcorn,
) -> None:
    """A slip corrected to the original's very title and year: no typing tells them apart,
    so `film remove` offers both, and `film merge X into X` merges the copy."""
    preview = await say(any_app, "!review new Face/Off | 1996 | Dumb fun | film 5 | pros: Cage")
    assert isinstance(preview, Confirmation)
    await any_app.apply(preview.change)
    await say(any_app, "!review set face/off 1996 year 1997")
    asked = await say(any_app, "!film remove face/off 1997")
    assert isinstance(asked, Choices)
    assert asked.prompt == "2 films are called Face/Off (1997). Which one should go?"
    assert [(c.label, c.description) for c in asked.choices] == [
        ("Face/Off (1997) #1", "no review"),
        ("Face/Off (1997) #2", "has a review"),
    ]
    picked = await any_app.answer(asked.choices[1].request)
    assert text_of(picked).startswith("Nothing was changed: Face/Off (1997) has a review.")

    done = await say(any_app, "!film merge face/off 1997 into face/off 1997")
    assert text_of(done).startswith("Merged Face/Off (1997) into Face/Off (1997)")
    # The catalogue's copy (no review) went; the reviewed one stays, found at once.
    assert await slugs(any_app, "face-off-1996", "face-off-1997") == {"face-off-1996"}
    assert await card_title(any_app, "!review face/off") == "Face/Off (1997)"
