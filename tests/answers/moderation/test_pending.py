"""Every change is a PendingChange carried out by bot.db.changes.apply_change
(bot/answers/moderation/pending.py): previews save nothing, a Confirm on an old version is
refused, two at once save one, and a change is announced after its commit."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot.answers.moderation.pending import diff_lines, diff_text
from bot.answers.types import Attachment, Confirmation, PendingChange
from bot.app import Popcorn
from bot.db.changes import (
    ChangeError,
    ChangeEvent,
    apply_change,
    film_by_slug,
    film_history,
    history_entries,
    preview_record,
)
from bot.db.exporter import film_to_record
from bot.db.models import Change
from bot.records.files import parse_record_text
from tests.answers.moderation.helpers import CON_AIR, MOD, fields, review_card, say, text_of
from tests.db.test_storage import snapshot


async def test_a_confirm_based_on_an_old_version_is_refused(any_app: Popcorn) -> None:
    first = await say(any_app, "!review remove leaving las vegas")
    assert isinstance(first, Confirmation)
    await say(any_app, "!review set leaving las vegas audio OK")  # someone else edits meanwhile
    refused = await any_app.apply(first.change)
    assert "Someone else changed this film" in text_of(refused)
    assert fields(await review_card(any_app, "leaving las vegas"))["Audio"].endswith("OK")


async def test_two_moderators_confirming_at_once_save_one_change(any_app: Popcorn) -> None:
    a = await say(any_app, "!review remove leaving las vegas")
    b = await say(any_app, "!review remove leaving las vegas")
    assert isinstance(a, Confirmation) and isinstance(b, Confirmation)
    results = await asyncio.gather(any_app.apply(a.change), any_app.apply(b.change))
    texts = sorted(text_of(r) for r in results)
    assert texts[0].startswith("Done") and "Someone else changed" in texts[1]


async def test_every_change_is_announced_after_commit(any_app: Popcorn) -> None:
    events: list[ChangeEvent] = []

    async def listen(event: ChangeEvent) -> None:
        events.append(event)

    any_app.listeners.append(listen)
    await say(any_app, "!review set leaving las vegas audio GOOD")
    await say(any_app, "!review set leaving las vegas audio SUPERB")  # refused: no event
    assert [e.summary for e in events] == ["set Leaving Las Vegas (1995): audio: POOR → GOOD"]
    assert events[0].guild_id == 99 and events[0].actor == "Mod Erator"


# ---------------------------------------------------------------- the one write path


async def test_a_preview_is_written_then_rolled_back(app: Popcorn) -> None:
    before = await snapshot(app.engine)
    text = CON_AIR.replace("Con Air", "Not Yet Saved").replace("1997", "2001")
    record = parse_record_text(text, "not-yet-saved.yaml")
    async with app.sessions() as session:
        async with preview_record(session, record) as film:
            assert (film.title, film.year) == ("Not Yet Saved", 2001)
            assert "Nicolas Cage" in [credit.person.name for credit in film.credits]
        assert await film_by_slug(session, record.slug) is None
    assert await snapshot(app.engine) == before


async def test_apply_change_refuses_what_it_cannot_carry_out(app: Popcorn) -> None:
    async with app.sessions() as session:
        with pytest.raises(ChangeError, match="no record"):
            await apply_change(session, PendingChange("save", MOD))
        with pytest.raises(ChangeError, match="Which film"):
            await apply_change(session, PendingChange("remove", MOD))
        with pytest.raises(ChangeError, match="unknown change"):
            await apply_change(session, PendingChange("rename", MOD, film_id=1, base_version=1))


async def test_a_field_edit_is_a_change_with_its_action_in_the_history(app: Popcorn) -> None:
    await say(app, "!review set leaving las vegas audio GOOD")
    await say(app, '!alias add leaving las vegas "llv"')
    async with app.sessions() as session:
        film = await film_by_slug(session, "leaving-las-vegas-1995")
        assert film is not None
        changes = await film_history(session, film.id)
    assert [(c.action, c.field, c.actor_name) for c in changes[:2]] == [
        ("alias add", "film.aliases", "Mod Erator"),
        ("set", "review.ratings.audio", "Mod Erator"),
    ]


async def test_a_set_typed_as_people_write_it_is_saved_on_the_sites_scale(app: Popcorn) -> None:
    rated = await say(app, "!review set leaving las vegas rating 4.5 stars")
    assert text_of(rated) == (
        "Saved. Leaving Las Vegas (1995) — rating: — → 9/10 (4.5/5 is 9/10 on the site's scale)"
    )
    dated = await say(app, "!review set leaving las vegas released 26 March 2018")
    assert text_of(dated) == "Saved. Leaving Las Vegas (1995) — released: 2016-07-04 → 2018-03-26"
    async with app.sessions() as session:
        film = await film_by_slug(session, "leaving-las-vegas-1995")
        assert film is not None
        record = film_to_record(film)
    assert record.review is not None and record.review.ratings.film == 9.0
    assert record.release is not None and str(record.release.release_date) == "2018-03-26"
    refused = await say(app, "!review set leaving las vegas released 31/02/2018")
    assert text_of(refused) == (
        "Nothing was saved. released: '31/02/2018' is not a date: February 2018 has 28 days"
    )


async def test_the_rows_of_one_change_share_the_films_version_it_produced(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        film = await film_by_slug(session, "leaving-las-vegas-1995")
        assert film is not None
        film_id, version = film.id, film.version
    record = film_to_record(film)
    assert record.review is not None
    review = record.review.model_copy(update={"verdict": "Changed", "pros": ["One"]})
    edited = record.model_copy(update={"review": review})
    change = PendingChange("save", MOD, film_id=film_id, base_version=version, record=edited)
    assert text_of(await any_app.apply(change)) == "Done: changed Leaving Las Vegas (1995)."
    await say(any_app, "!review set leaving las vegas audio GOOD")
    async with any_app.sessions() as session:
        rows = await film_history(session, film_id)
        film = await film_by_slug(session, "leaving-las-vegas-1995")
    assert film is not None and film.version == version + 2
    assert [(c.field, c.film_version) for c in rows[:3]] == [
        ("review.ratings.audio", version + 2),
        ("review.verdict", version + 1),
        ("review.pros", version + 1),
    ]


def test_a_diff_says_each_field_before_and_after_what_goes_in_bold() -> None:
    diff = [
        ("review.ratings.audio", "POOR", "GOOD"),
        ("review.ratings.film", None, 8.0),
        ("review.pros", ["Cage", "Sound"], ["Cage", "Picture"]),
        ("review.cons", ["a", "b"], ["b", "a"]),
        ("review.verdict", "x" * 50 + " old ending", "x" * 50 + " new ending"),
        ("film.cast_complete", True, False),
    ]
    assert diff_lines(diff) == [
        "audio: **POOR** → GOOD",
        "rating: — → 8/10",
        "pros: +Picture, −**Sound**",
        "cons: reordered",
        "verdict: **…" + "x" * 19 + " old ending** → …" + "x" * 19 + " new ending",
        "whole cast listed: **True** → False",
    ]


def test_a_long_diff_is_cut_saying_how_much_more() -> None:
    lines = [f"line {n}" for n in range(10)]
    assert diff_text(lines, 1000) == "\n".join(lines)
    assert diff_text(lines, 30) == "line 0\nline 1\n… and 8 more"
    assert diff_text(["y" * 50], 20) == "y" * 19 + "…"


def test_history_rows_are_grouped_into_changes() -> None:
    at = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)

    def row(n: int, version: int | None, action: str = "set", seconds: float = 0) -> Change:
        return Change(
            id=n,
            action=action,
            actor_name="Mod",
            film_version=version,
            created_at=at + dt.timedelta(seconds=seconds),
        )

    rows = [
        row(7, 5),
        row(6, 4),
        row(5, 4),
        row(4, None, "import", 100),  # older rows without a version: one import...
        row(3, None, "import", 99.5),
        row(2, None, "set", 99),  # ...then another change
        row(1, None, "set", 10),  # and one long before it
    ]
    entries = history_entries(rows)
    assert [[c.id for c in entry] for entry in entries] == [[7], [6, 5], [4, 3], [2], [1]]


async def test_a_slip_that_would_make_a_second_person_or_film_is_said_before_confirm(
    any_app: Popcorn,
) -> None:
    """Issue 12, items 2-3: "Nicholas Cage" and "Face Off (1996)" are flagged in the preview."""
    before = await snapshot(any_app.engine)
    preview = await say(
        any_app, "!review new Face Off | 1996 | Slick | film 7 | pros: Cage | cons: Long"
    )
    assert isinstance(preview, Confirmation), preview
    assert fields(preview.preview)["Check before saving"] == (
        "• Face Off (1996): did you mean Face/Off (1997)? Saving makes a second film; "
        "fix the title or year."
    )
    record = (
        "schema: 1\nfilm:\n  title: Snake Eyes\n  year: 1998\n  cast:\n"
        "    - {name: Nicholas Cage, character: Rick Santoro}\nreview:\n  verdict: Flashy\n"
    )
    preview = await say(any_app, "!review add", files=(Attachment("se.yaml", record.encode()),))
    assert isinstance(preview, Confirmation), preview
    assert fields(preview.preview)["Check before saving"] == (
        "• Nicholas Cage: did you mean Nicolas Cage? (a new person would be created)"
    )
    # A record with no slip has no such field.
    clean = await say(any_app, "!review new Mandy | 2018 | Bonkers | film 9")
    assert isinstance(clean, Confirmation) and "Check before saving" not in fields(clean.preview)
    assert await snapshot(any_app.engine) == before
