"""`review undo` (bot/answers/moderation/undo.py) through the command pipeline, on SQLite and
PostgreSQL: the last change or entry n of the history reverted after a before -> after
preview and Confirm, recorded in the history; what cannot be undone here is refused, saying
why and what to type instead."""

from __future__ import annotations

from bot.answers.types import Card, Confirmation, ItemList, Notice, Tone
from bot.app import Popcorn
from bot.db.changes import HISTORY_VALUE_LIMIT, film_by_slug, film_history
from bot.db.exporter import current_review, film_to_record
from bot.db.models import Change
from bot.records.schema import Record
from tests.answers.moderation.helpers import MEMBER, MOD, fields, review_card, say, text_of
from tests.db.test_storage import snapshot

PROS = ["Cage and Connery", "The car chase", "Reference picture and sound"]
NEW_ROCK = (
    "!review new The Rock | 1996 | Big loud fun | film 8, picture GREAT | "
    "pros: Cage and Connery; The car chase; Reference picture and sound"
)


async def add_the_rock(app: Popcorn) -> None:
    preview = await say(app, NEW_ROCK)
    assert isinstance(preview, Confirmation)
    assert text_of(await app.apply(preview.change)) == "Done: added the review of The Rock (1996)."


async def the_rock(app: Popcorn) -> Record:
    async with app.sessions() as session:
        film = await film_by_slug(session, "the-rock-1996")
        assert film is not None
        return film_to_record(film)


async def pros(app: Popcorn) -> list[str]:
    record = await the_rock(app)
    assert record.review is not None
    return record.review.pros


async def test_the_list_replaced_by_mistake_comes_back(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    mistake = await say(any_app, "!review set the rock pros = -The car chase")
    assert text_of(mistake).startswith("Saved. The Rock (1996) — pros: +-The car chase")
    assert await pros(any_app) == ["-The car chase"]
    before = await snapshot(any_app.engine)

    undo = await say(any_app, "!review undo the rock")
    assert isinstance(undo, Confirmation)
    assert undo.prompt == (
        "Undo the last change (set pros: +-The car chase, −Cage and Connery, −The car chase, "
        "−Reference picture and sound) of The Rock (1996)? Nothing is saved until you press "
        "Confirm."
    )
    assert undo.preview.title == "Undo: The Rock (1996)"
    assert undo.preview.description == (
        "pros: +Cage and Connery, +The car chase, +Reference picture and sound, −**-The car chase**"
    )
    assert await snapshot(any_app.engine) == before  # nothing saved before Confirm

    done = await any_app.apply(undo.change)
    assert text_of(done) == "Done: undid the last change of The Rock (1996)."
    assert await pros(any_app) == PROS
    history = await say(any_app, "!review history the rock")
    assert isinstance(history, ItemList)
    assert history.items[0].startswith("**1.** `")
    assert history.items[0].endswith(
        "**Mod Erator** undo pros: +Cage and Connery, +The car chase, "
        "+Reference picture and sound, −-The car chase"
    )
    assert (
        history.items[1].startswith("**2.** `") and "**Mod Erator** set pros:" in (history.items[1])
    )
    assert history.footer == "Undo one: !review undo The Rock <number> (1 is the last change)"


async def test_history_numbers_a_change_of_several_fields_once(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    history = await say(any_app, "!review history the rock")
    assert isinstance(history, ItemList) and len(history.items) == 2  # the add, the import
    assert history.items[0].endswith(
        "**Mod Erator** add verdict: — → Big loud fun; picture: — → GREAT; "
        "rating: — → 8/10; pros: +Cage and Connery, +The car chase, +Reference picture and sound"
    )
    assert (
        history.items[1].startswith("**2.** `") and "import The Rock (1996)" in (history.items[1])
    )


async def test_an_older_entry_by_its_number(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    await say(any_app, "!review set the rock audio GOOD")
    await say(any_app, "!review set the rock verdict Loud")
    undo = await say(any_app, "!review undo the rock 2")
    assert isinstance(undo, Confirmation)
    assert undo.preview.description == "audio: **GOOD** → —"
    assert text_of(await any_app.apply(undo.change)) == ("Done: undid change 2 of The Rock (1996).")
    record = await the_rock(any_app)
    assert record.review is not None
    assert record.review.ratings.audio is None and record.review.verdict == "Loud"


async def test_a_number_in_the_title_is_the_films(any_app: Popcorn) -> None:
    undo = await say(any_app, "!review undo gone in 60")
    assert text_of(undo) == (
        "Nothing was saved. Gone in 60 Seconds (2000) came in with an import: there is no "
        "review it added to take away. Remove the film with `!film remove Gone in 60 Seconds` "
        "if it should not be here."
    )
    year = await say(any_app, "!review undo the rock 1996")
    assert "The Rock (1996) came in with an import" in text_of(year)
    await add_the_rock(any_app)
    await say(any_app, "!review set the rock audio GOOD")
    picked = await say(any_app, "!review undo The Rock (1996) 2")  # as /reviews undo sends it
    assert isinstance(picked, Confirmation)
    assert picked.prompt.startswith("Undo change 2 (add verdict: — → Big loud fun;")


async def test_a_number_past_the_history_is_said(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    answer = await say(any_app, "!review undo the rock 7")
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert answer.text == (
        "The Rock (1996) has 2 history entries: there is no entry 7. "
        "See them with `!review history The Rock`."
    )


async def test_undoing_an_added_review_removes_it_and_undoing_that_restores_it(
    any_app: Popcorn,
) -> None:
    await add_the_rock(any_app)
    undo = await say(any_app, "!review undo the rock")
    assert isinstance(undo, Confirmation) and undo.destructive
    assert undo.preview.title == "Undo: remove the review of The Rock (1996)"
    assert text_of(await any_app.apply(undo.change)) == (
        "Done: removed the review of The Rock (1996) (undo)."
    )
    card = await review_card(any_app, "the rock")
    assert card.description and card.description.startswith("Not reviewed yet")

    again = await say(any_app, "!review undo the rock")
    assert isinstance(again, Confirmation) and not again.destructive
    assert again.preview.title == "Undo: restore the review of The Rock (1996)"
    await any_app.apply(again.change)
    assert fields(await review_card(any_app, "the rock"))["Film"] == "8/10"
    async with any_app.sessions() as session:
        film = await film_by_slug(session, "the-rock-1996")
        assert film is not None and current_review(film) is not None
        rows = await film_history(session, film.id)
    assert [(r.action, r.field) for r in rows[:2]] == [("restore", "review"), ("remove", "review")]


async def test_a_confirm_after_the_film_moved_on_is_refused(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    await say(any_app, "!review set the rock audio GOOD")
    undo = await say(any_app, "!review undo the rock")
    assert isinstance(undo, Confirmation)
    await say(any_app, "!review set the rock extras OK")  # someone else, meanwhile
    refused = await any_app.apply(undo.change)
    assert text_of(refused).startswith("Someone else changed this film after you looked at it.")
    record = await the_rock(any_app)
    assert record.review is not None and record.review.ratings.audio == "GOOD"


async def test_a_field_changed_again_since_is_not_overwritten(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    await say(any_app, "!review set the rock audio GOOD")
    await say(any_app, "!review set the rock audio POOR")
    before = await snapshot(any_app.engine)
    refused = await say(any_app, "!review undo the rock 2")
    assert text_of(refused) == (
        "Nothing was saved. audio changed again after that change: undo the later change "
        "first, or set it as it should be with `review set`."
    )
    assert await snapshot(any_app.engine) == before


async def history_row(app: Popcorn, action: str, field: str | None, old: str, new: str) -> None:
    """A history row of The Rock as another command (or an older bot) wrote it."""
    async with app.sessions() as session:
        film = await film_by_slug(session, "the-rock-1996")
        assert film is not None
        session.add(
            Change(
                film_id=film.id,
                film_label="The Rock (1996)",
                action=action,
                field=field,
                old_value=old,
                new_value=new,
                actor_id=MOD.id,
                actor_name=MOD.name,
                film_version=film.version + 1,
            )
        )
        await session.commit()


async def test_a_value_cut_short_in_the_history_is_not_put_back(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    long = "A" * HISTORY_VALUE_LIMIT  # what the history keeps of a longer one
    await history_row(any_app, "set", "review.verdict", long, "Big loud fun")
    refused = await say(any_app, "!review undo the rock")
    assert text_of(refused) == (
        f"Nothing was saved. The history kept only the first {HISTORY_VALUE_LIMIT} characters "
        "of verdict, so its old value cannot be put back whole. Set it again with `review "
        "set` (or edit the file from `review source`)."
    )


async def test_a_person_rename_is_undone_with_its_own_command(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    await history_row(
        any_app, "person rename", None, "Nicholas Cage", "Nicholas Cage → Nicolas Cage"
    )
    refused = await say(any_app, "!review undo the rock")
    assert text_of(refused) == (
        "Nothing was saved. A person's rename is not undone here (it changed every film of "
        "theirs): type `!person rename Nicolas Cage = Nicholas Cage` to give the name back."
    )


async def test_a_film_merge_is_not_undone_here(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    await history_row(any_app, "film merge", None, "", "merged The Rok (1996) into it")
    refused = await say(any_app, "!review undo the rock")
    assert text_of(refused) == (
        "Nothing was saved. A film merge is not undone here. Add the film again with "
        "`!review add` and its record file (`!review source` gives one)."
    )


async def test_members_cannot_undo(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review undo leaving las vegas", actor=MEMBER)
    assert not isinstance(answer, Confirmation | Card)
    assert "Moderators only" in text_of(answer)


async def test_a_section_a_change_brought_in_goes_with_its_undo(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    trailer = "https://www.youtube.com/watch?v=jGVJ8Pt6dU4"
    assert text_of(await say(any_app, f"!review set the rock trailer {trailer}")).startswith(
        "Saved."
    )
    assert text_of(await say(any_app, "!review set the rock label Criterion")).startswith("Saved.")
    label = await say(any_app, "!review undo the rock")
    assert isinstance(label, Confirmation) and label.preview.description == (
        "label: **Criterion** → —"
    )
    await any_app.apply(label.change)
    trailer_undo = await say(any_app, "!review undo the rock 3")  # 1 undo, 2 label, 3 trailer
    assert isinstance(trailer_undo, Confirmation)
    assert trailer_undo.preview.description == (
        "trailer: **https://www.youtube.com/watch?v=jGVJ8Pt6dU4** → —"
    )
    await any_app.apply(trailer_undo.change)
    record = await the_rock(any_app)
    assert record.release is not None and record.release.label is None
    assert record.review is not None and record.review.trailer is None
    redo = await say(any_app, "!review undo the rock 2")  # the label's undo, undone
    assert isinstance(redo, Confirmation)
    assert redo.preview.description == "label: — → Criterion"


async def test_undoing_a_new_films_review_removes_it(any_app: Popcorn) -> None:
    preview = await say(any_app, "!review new Paddington | 2014 | Marmalade | film 9")
    assert isinstance(preview, Confirmation)
    await any_app.apply(preview.change)
    undo = await say(any_app, "!review undo paddington")
    assert isinstance(undo, Confirmation)
    assert undo.prompt == (
        "Undo the last change (add Paddington (2014)) of Paddington (2014): remove its "
        "review? Members will see “not reviewed yet”; `!review restore Paddington` brings it "
        "back."
    )
    await any_app.apply(undo.change)
    card = await review_card(any_app, "paddington")
    assert card.description and card.description.startswith("Not reviewed yet")


async def test_an_add_whose_review_is_gone_already_is_said(any_app: Popcorn) -> None:
    await add_the_rock(any_app)
    removal = await say(any_app, "!review remove the rock")
    assert isinstance(removal, Confirmation)
    await any_app.apply(removal.change)
    answer = await say(any_app, "!review undo the rock 2")
    assert text_of(answer) == (
        "Nothing was saved. The review that change added to The Rock (1996) is removed already."
    )
