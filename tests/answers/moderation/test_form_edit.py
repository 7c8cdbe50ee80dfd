"""`review edit` (bot/answers/moderation/form_edit.py): the verdict, ratings, pros and cons in
one form, saved at once with one group of history rows, on SQLite and PostgreSQL; the form's
pre-filled values; mistakes named as typed, the form given back, nothing saved."""

from __future__ import annotations

import pytest

from bot.answers.moderation.form_edit import (
    VERSION,
    EditForm,
    edit_form,
    edit_form_values,
    list_items,
    ratings_text,
)
from bot.answers.types import ItemList, Notice, Request, Tone
from bot.app import Popcorn
from bot.db.changes import film_by_slug, film_history
from bot.db.exporter import film_to_record
from bot.records.schema import Ratings, Record
from tests.answers.moderation.helpers import MEMBER, MOD, say, text_of
from tests.db.test_storage import snapshot

#: The tests on a module-wide app run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")

SLUG = "leaving-las-vegas-1995"
VERDICT = "Great film let down by poor audio on the Blu-ray release"
PROS = ["Nicolas Cage", "Elisabeth Shue", "Gripping Storyline"]
CONS = ["Poor Audio Quality", "Picture Quality Could Be Better"]


async def stored(app: Popcorn) -> Record:
    async with app.sessions() as session:
        film = await film_by_slug(session, SLUG)
        assert film is not None
        return film_to_record(film)


async def version(app: Popcorn) -> int:
    async with app.sessions() as session:
        film = await film_by_slug(session, SLUG)
        assert film is not None
        return film.version


async def history_count(app: Popcorn) -> int:
    async with app.sessions() as session:
        film = await film_by_slug(session, SLUG)
        assert film is not None
        return len(await film_history(session, film.id))


def form(**changed: str) -> tuple[tuple[str, str], ...]:
    """The Discord form as it opens for Leaving Las Vegas, with `changed` typed over it (and
    the film's version it was opened at, `version=`, as the form sends it)."""
    values = {
        "verdict": VERDICT,
        "ratings": "picture GOOD, audio POOR, extras OK",
        "pros": "\n".join(PROS),
        "cons": "\n".join(CONS),
    }
    return tuple((values | changed).items())


def test_ratings_are_shown_as_the_quick_entry_types_them() -> None:
    assert ratings_text(Ratings(film=7, picture="GOOD", audio="POOR", extras="OK")) == (
        "picture GOOD, audio POOR, extras OK, film 7"
    )
    assert ratings_text(Ratings(film=7.5)) == "film 7.5"
    assert ratings_text(Ratings()) == ""


def test_a_list_keeps_the_items_it_has_and_splits_new_lines_as_the_quick_entry() -> None:
    current = ["Cage, Connery and Harris"]
    typed = "Cage, Connery and Harris\n- Loud, fun\nThe car chase; The score"
    assert list_items(typed, current) == [
        "Cage, Connery and Harris",
        "Loud",
        "fun",
        "The car chase",
        "The score",
    ]
    assert list_items("Cage, Connery and Harris; Big", current) == [
        "Cage, Connery and Harris",
        "Big",
    ]
    assert list_items("none", current) == []
    assert list_items("", current) == []


async def test_the_form_opens_with_the_current_values(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        opened = await edit_form(
            any_app.context(session), Request("review edit", "levaing las vegas", actor=MOD)
        )
    assert isinstance(opened, EditForm)
    assert opened.label == "Leaving Las Vegas (1995)"
    assert opened.version == await version(any_app)
    assert opened.values == form()
    record = await stored(any_app)
    assert dict(edit_form_values(record, "; "))["pros"] == "; ".join(PROS)


async def test_a_film_without_a_review_gets_no_form(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        opened = await edit_form(
            any_app.context(session), Request("review edit", "con air", actor=MOD)
        )
    assert isinstance(opened, Notice)
    assert opened.text.startswith("Con Air (1997) has no review yet: add one with `!review add`")
    typed = await say(any_app, "!review edit con air | verdict: Fun")
    assert text_of(typed) == opened.text


async def test_the_submitted_form_saves_what_changed_at_once(any_app: Popcorn) -> None:
    before = await history_count(any_app)
    submitted = form(
        verdict="Great film, muddy mix",
        ratings="picture GOOD, audio POOR, extras OK, film 8",
        pros="Nicolas Cage\nElisabeth Shue\nGripping Storyline\nMike Figgis's score",
        version=str(await version(any_app)),
    )
    answer = await any_app.answer(Request("review edit", film_id=None, form=submitted, actor=MOD))
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING  # no film named
    film_id = any_app.index.find_film("leaving las vegas").best
    assert film_id is not None
    answer = await any_app.answer(
        Request("review edit", film_id=film_id.id, form=submitted, actor=MOD)
    )
    assert text_of(answer) == (
        "Saved. Leaving Las Vegas (1995) — pros: +Mike Figgis's score; rating: — → 8/10; "
        f"verdict: {VERDICT} → Great film, muddy mix"
    )
    record = await stored(any_app)
    assert record.review is not None
    assert record.review.verdict == "Great film, muddy mix"
    assert record.review.ratings.film == 8.0 and record.review.ratings.audio == "POOR"
    assert record.review.pros == [*PROS, "Mike Figgis's score"]
    assert record.review.cons == CONS
    assert await history_count(any_app) == before + 3  # a row a field, one change
    history = await say(any_app, "!review history leaving las vegas")
    assert isinstance(history, ItemList) and "**Mod Erator** edit" in history.items[0]


async def test_an_unchanged_form_saves_nothing(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    film = any_app.index.find_film("leaving las vegas").best
    assert film is not None
    answer = await any_app.answer(Request("review edit", film_id=film.id, form=form(), actor=MOD))
    assert text_of(answer) == ("Nothing changed: Leaving Las Vegas (1995) already says that.")
    assert await snapshot(any_app.engine) == before


async def test_a_mistake_names_the_field_gives_the_form_back_and_saves_nothing(
    any_app: Popcorn,
) -> None:
    before = await snapshot(any_app.engine)
    film = any_app.index.find_film("leaving las vegas").best
    assert film is not None
    typed = form(ratings="picture GOOD, audio EXCELENT", verdict="Muddy")
    answer = await any_app.answer(Request("review edit", film_id=film.id, form=typed, actor=MOD))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert answer.text.startswith(
        "Nothing was saved. audio: 'EXCELENT' is not on the rating scale "
        "(POOR / OK / GOOD / GREAT / EXCELLENT): did you mean EXCELLENT?\n"
        "What you typed, to copy into the form again:\n```\nverdict: Muddy\n"
    )
    assert "ratings: picture GOOD, audio EXCELENT" in answer.text
    assert await snapshot(any_app.engine) == before


async def test_a_form_opened_before_another_change_does_not_overwrite_it(
    any_app: Popcorn,
) -> None:
    opened_at = await version(any_app)
    await say(any_app, "!review set leaving las vegas audio GOOD")
    film = any_app.index.find_film("leaving las vegas").best
    assert film is not None
    stale = form(verdict="Mine", version=str(opened_at))
    answer = await any_app.answer(Request("review edit", film_id=film.id, form=stale, actor=MOD))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert answer.text.startswith(
        "Nothing was saved: Leaving Las Vegas (1995) was changed by someone else since you "
        "opened the form (see `!review history Leaving Las Vegas`). Open the form again.\n"
    )
    assert "verdict: Mine" in answer.text and VERSION not in answer.text.split("```")[1]
    record = await stored(any_app)
    assert record.review is not None and record.review.ratings.audio == "GOOD"
    assert record.review.verdict == VERDICT


async def test_typed_in_chat_only_the_fields_given_change(any_app: Popcorn) -> None:
    answer = await say(
        any_app, "!review edit leaving las vegas | cons: Poor Audio Quality | ratings: film 9/10"
    )
    assert text_of(answer) == (
        "Saved. Leaving Las Vegas (1995) — cons: −Picture Quality Could Be Better; "
        "audio: POOR → —; extras: OK → —; rating: — → 9/10; picture: GOOD → —"
    )
    record = await stored(any_app)
    assert record.review is not None
    assert record.review.cons == ["Poor Audio Quality"] and record.review.pros == PROS
    assert record.review.verdict == VERDICT


async def test_typed_without_fields_it_shows_the_line_to_copy(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review edit leaving las vegas")
    assert text_of(answer) == (
        "Change what you need and send it back (a field you leave out stays as it is): "
        f"`!review edit Leaving Las Vegas (1995) | verdict: {VERDICT} | "
        "ratings: picture GOOD, audio POOR, extras OK | pros: Nicolas Cage; Elisabeth Shue; "
        "Gripping Storyline | cons: Poor Audio Quality; Picture Quality Could Be Better`"
    )


@on_the_module_loop
@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        (
            "!review edit leaving las vegas | verdit: Good",
            "Nothing was saved. I can't read “verdit: Good”: each part is a field and its "
            "value, one of verdict:, ratings:, pros:, cons: (e.g. `| pros: Great sound; Cage`).",
        ),
        (
            "!review edit leaving las vegas | pros: a | pros: b",
            "Nothing was saved. pros is given twice.",
        ),
        (
            "!review edit leaving las vegas | ratings: sound LOUD",
            "Nothing was saved. audio: 'LOUD' is not on the rating scale "
            "(POOR / OK / GOOD / GREAT / EXCELLENT)",
        ),
        (
            "!review edit leaving las vegas | ratings: film 11",
            "Nothing was saved. ratings: film: '11' is more than the site's maximum, 10",
        ),
        (
            "!review edit leaving las vegas | ratings: colour GOOD",
            "Nothing was saved. ratings: I can't read the rating “colour GOOD”: "
            "write e.g. audio GOOD",
        ),
    ],
)
async def test_typed_mistakes_are_named_as_typed(
    unchanged_app: Popcorn, typed: str, reply: str
) -> None:
    before = await snapshot(unchanged_app.engine)
    answer = await say(unchanged_app, typed)
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert answer.text == reply
    assert await snapshot(unchanged_app.engine) == before


@on_the_module_loop
async def test_members_may_not_edit(unchanged_app: Popcorn) -> None:
    before = await snapshot(unchanged_app.engine)
    answer = await say(
        unchanged_app, "!review edit leaving las vegas | verdict: Mine", actor=MEMBER
    )
    assert text_of(answer).startswith("Moderators only")
    assert await snapshot(unchanged_app.engine) == before
