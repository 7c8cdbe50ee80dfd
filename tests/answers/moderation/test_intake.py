"""New reviews coming in (bot/answers/moderation/intake.py): the quick-entry form, `review new`
(Discord's modal sends its fields as `Request.form`), builds the record directly and goes
through the same preview and Confirm as `review add`; an attached article is read beside the
event loop, with a size limit and a time limit. Attached files: test_reviews.py."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.answers.moderation.intake import (
    ArticleNotes,
    form_from_text,
    missing_field,
    record_from_form,
    warning_field,
)
from bot.answers.types import Actor, Attachment, Card, Confirmation, Notice, Request, Tone
from bot.app import Popcorn
from tests.answers.moderation.helpers import CON_AIR
from tests.db.test_storage import snapshot
from tests.helpers import REPO

MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=99)


def form(**values: str) -> tuple[tuple[str, str], ...]:
    fields = {"title": "Mandy", "year": "2018", "verdict": "Bonkers", "ratings": "film 9"}
    fields |= values
    return tuple(
        (key, fields.get(key, "")) for key in ("title", "year", "verdict", "ratings", "more")
    )


async def test_a_good_form_previews_the_film_then_saves_on_confirm(app: Popcorn) -> None:
    before = await snapshot(app.engine)
    more = "pros: Cage; Colours\ncons: Slow start"
    ratings = "picture EXCELLENT, audio GREAT, film 9"
    preview = await app.answer(
        Request("review new", actor=MOD, form=form(ratings=ratings, more=more))
    )
    assert isinstance(preview, Confirmation), preview
    assert preview.preview.title == "Preview: Mandy (2018)"
    shown = {f.name: f.value for f in preview.preview.fields}
    assert shown["Picture"].endswith("EXCELLENT") and shown["Film"] == "9/10"
    assert "Cage" in shown["Pros"] and "Colours" in shown["Pros"] and "Slow start" in shown["Cons"]
    assert await snapshot(app.engine) == before  # nothing saved before Confirm

    done = await app.apply(preview.change)
    assert isinstance(done, Notice) and "added the review of Mandy (2018)" in done.text
    card = await app.answer_text("!review mandy")
    assert isinstance(card, Card) and card.description and "Bonkers" in card.description


async def test_a_bad_rating_is_one_line_naming_the_field(app: Popcorn) -> None:
    answer = await app.answer(Request("review new", actor=MOD, form=form(ratings="audio LOUD")))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    error, _, typed = answer.text.partition("\n")  # one line, then the form given back
    assert error.startswith("Nothing was saved. audio: ") and "review.ratings" not in error
    assert typed.startswith("What you typed, to copy into the form again:")


async def test_an_unreadable_rating_or_extra_line_is_refused(app: Popcorn) -> None:
    unreadable = await app.answer(Request("review new", actor=MOD, form=form(ratings="loud")))
    assert isinstance(unreadable, Notice) and "I can't read the rating “loud”" in unreadable.text
    extra = await app.answer(Request("review new", actor=MOD, form=form(more="notes: hm")))
    assert isinstance(extra, Notice) and "must start with `pros:` or `cons:`" in extra.text
    year = await app.answer(Request("review new", actor=MOD, form=form(year="soon")))
    assert isinstance(year, Notice) and year.text.startswith("Nothing was saved. year: ")


async def test_typed_in_chat_with_bars_or_said_how(app: Popcorn) -> None:
    typed = await app.answer_text(
        "!review new Mandy | 2018 | Bonkers | film 9, audio GOOD | pros: Cage; Colours", MOD
    )
    assert isinstance(typed, Confirmation), typed
    assert {f.name: f.value for f in typed.preview.fields}["Audio"].endswith("GOOD")
    how = await app.answer_text("!review new", MOD)
    assert isinstance(how, Notice) and "/reviews new" in how.text


async def test_a_film_with_a_review_is_not_replaced_by_the_form(app: Popcorn) -> None:
    answer = await app.answer(
        Request("review new", actor=MOD, form=form(title="Leaving Las Vegas", year="1995"))
    )
    assert isinstance(answer, Notice) and "already has a review" in answer.text


# ---------------------------------------------------------------- the form, pure


def test_the_forms_fields_become_a_record() -> None:
    record = record_from_form(
        form(ratings="picture GOOD\nsound: POOR, movie 7", more="pros: a; b\n\ncons: c")
    )
    assert record.film.title == "Mandy" and record.film.year == 2018
    assert record.review is not None
    assert (str(record.review.ratings.picture), str(record.review.ratings.audio)) == (
        "GOOD",
        "POOR",
    )
    assert record.review.ratings.film == 7
    assert record.review.pros == ["a", "b"] and record.review.cons == ["c"]


def test_a_form_without_a_title_is_refused() -> None:
    with pytest.raises(ValueError, match="title"):
        record_from_form(form(title="  "))


def test_a_form_says_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="audio GOOD"):
        record_from_form(form(ratings="sound-ish"))
    with pytest.raises(ValueError, match="pros"):
        record_from_form(form(more="whatever"))


def test_typed_with_bars() -> None:
    assert form_from_text("Mandy | 2018 | Bonkers | film 9 | pros: a; b | cons: c") == (
        ("title", "Mandy"),
        ("year", "2018"),
        ("verdict", "Bonkers"),
        ("ratings", "film 9"),
        ("more", "pros: a; b\ncons: c"),
    )
    short = dict(form_from_text("Mandy | 2018"))
    assert short["verdict"] == short["ratings"] == short["more"] == ""


# --- attached articles: a size limit and a time limit (issue 10, item 19) --------------------


async def add(app: Popcorn, name: str, data: bytes) -> Notice:
    answer = await app.answer(
        Request("review add", actor=MOD, attachments=(Attachment(name, data),))
    )
    assert isinstance(answer, Notice), answer
    return answer


async def test_an_article_over_the_size_limit_is_refused_in_one_line(app: Popcorn) -> None:
    junk = ("lorem ipsum " * 80_000).encode()  # ~960 KB: under the file limit, not an article
    answer = await add(app, "junk.txt", junk)
    assert answer.tone is Tone.ERROR
    assert answer.text.startswith("Nothing was saved.")
    assert "at most 500 KB" in answer.text


async def test_a_slow_article_is_given_up_and_the_loop_keeps_serving(
    app: Popcorn, monkeypatch: pytest.MonkeyPatch
) -> None:
    unstuck = threading.Event()

    def slow(text: str, filename: str) -> object:
        unstuck.wait(10)  # a parser stuck on a pathological file (until the test is over)
        raise AssertionError("given up before this")

    monkeypatch.setattr("bot.records.article.parse_article", slow)
    monkeypatch.setattr("bot.answers.moderation.intake.READ_SECONDS", 0.2)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    running = asyncio.create_task(ticker())
    try:
        answer = await add(app, "slow.txt", b"Movie title: Something")
    finally:
        running.cancel()
        unstuck.set()
    assert "took over 0.2 seconds" in answer.text
    assert answer.text.startswith("Nothing was saved.")
    assert ticks >= 5, "the event loop was blocked while the file was read"
    # Members are still answered meanwhile and afterwards.
    card = await app.answer_text("!verdict leaving las vegas")
    assert card is not None


# --- previews tell the truth: the parser's warnings, apart from what is absent (issue 12) ------


async def test_a_preview_shows_what_the_article_said_but_was_not_understood(
    app: Popcorn,
) -> None:
    article = (REPO / "tests/records/articles/con-air.txt").read_text(encoding="utf-8")
    article = article.replace("Blu-ray Released: 8th October 2012", "Blu-ray Released: 03/26/2018")
    article = article.replace("Blu-ray Picture: GREAT", "Blu-ray Picture: EXCELENT")
    before = await snapshot(app.engine)
    preview = await app.answer(
        Request("review add", actor=MOD, attachments=(Attachment("con-air.txt", article.encode()),))
    )
    assert isinstance(preview, Confirmation), preview
    shown = {f.name: f.value for f in preview.preview.fields}
    assert shown["Not understood (check these)"] == (
        "• release date '03/26/2018' not understood — not used\n"
        "• picture rating 'EXCELENT' is not on the word scale — not used "
        "(did you mean EXCELLENT?)"
    )
    # What is listed as missing is only what the article really lacks, said as moderators say it.
    assert shown["Missing (not in the article)"] == "purchase links, trailer"
    assert await snapshot(app.engine) == before


def test_missing_lists_only_what_is_really_absent() -> None:
    notes = ArticleNotes(
        missing=("release.release_date", "review.ratings.picture", "film.runtime_min"),
        warnings=("release date '03/26/2018' not understood — not used",),
    )
    missing = missing_field(notes)
    assert missing is not None and missing.value == "picture, runtime"
    warned = warning_field(notes)
    assert warned is not None
    assert warned.value == "• release date '03/26/2018' not understood — not used"
    assert warning_field(ArticleNotes(missing=("film.runtime_min",))) is None
    assert missing_field(ArticleNotes()) is None


async def test_the_forms_film_rating_as_people_write_it(app: Popcorn) -> None:
    stars = await app.answer(
        Request("review new", actor=MOD, form=form(ratings="film 4.5 stars, audio great"))
    )
    assert isinstance(stars, Confirmation), stars
    shown = {f.name: f.value for f in stars.preview.fields}
    assert shown["Film"] == "9/10" and shown["Audio"] == "▰▰▰▰▱ GREAT"
    wrong = await app.answer(Request("review new", actor=MOD, form=form(ratings="film 12/10")))
    assert isinstance(wrong, Notice) and wrong.tone is Tone.ERROR
    error = wrong.text.partition("\n")[0]  # then the form given back
    assert error == "Nothing was saved. film: '12/10' is more than the site's maximum, 10"
    misspelt = await app.answer(Request("review new", actor=MOD, form=form(ratings="audio gret")))
    assert isinstance(misspelt, Notice)
    assert misspelt.text.partition("\n")[0] == (
        "Nothing was saved. audio: 'gret' is not on the rating scale "
        "(POOR / OK / GOOD / GREAT / EXCELLENT): did you mean GREAT?"
    )


async def test_an_attached_record_that_is_refused_names_fields_plainly(app: Popcorn) -> None:
    record = CON_AIR.replace("release_date: 2012-10-08", "release_date: 31/02/2012")
    record = record.replace("film: 7,", "film: 11,")
    answer = await add(app, "con-air.yaml", record.encode())
    assert answer.text == (
        "Nothing was saved. con-air.yaml, record 'Con Air': released: '31/02/2012' is not a "
        "date: February 2012 has 29 days; rating: must be at most 10.0"
    )
    iso = await add(app, "con-air.yaml", CON_AIR.replace("2012-10-08", "8 October 2012").encode())
    assert iso.text.endswith("released: '8 October 2012' should be written 2012-10-08")


def test_the_forms_lists_split_on_commas_semicolons_and_lines() -> None:
    more = "pros: Cage, Colours; Score\n- The car chase\ncons:\nSlow start"
    record = record_from_form(form(more=more))
    assert record.review is not None
    assert record.review.pros == ["Cage", "Colours", "Score", "The car chase"]
    assert record.review.cons == ["Slow start"]


async def test_a_form_with_a_mistake_gives_back_what_was_typed(app: Popcorn) -> None:
    typed = form(ratings="picture SUPERB", more="pros: Cage")
    answer = await app.answer(Request("review new", actor=MOD, form=typed))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert answer.text.startswith("Nothing was saved. ")
    assert answer.text.endswith(
        "What you typed, to copy into the form again:\n```\ntitle: Mandy\nyear: 2018\n"
        "verdict: Bonkers\nratings: picture SUPERB\nmore: pros: Cage\n```"
    )
