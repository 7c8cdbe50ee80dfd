"""`review source` (bot/answers/moderation/source.py): the film's record as a file, exactly
what `review add replace` takes back, on SQLite and PostgreSQL."""

from __future__ import annotations

from bot.answers.types import Attachment, Confirmation, FileAnswer
from bot.app import Popcorn
from bot.db.changes import film_by_slug
from bot.db.exporter import export_records, film_to_record
from bot.records.files import dump_record
from tests.answers.moderation.helpers import MEMBER, fields, review_card, say, text_of
from tests.db.test_storage import snapshot


async def source_of(app: Popcorn, title: str) -> FileAnswer:
    answer = await say(app, f"!review source {title}")
    assert isinstance(answer, FileAnswer), answer
    return answer


async def test_the_source_is_the_films_record_file(any_app: Popcorn) -> None:
    source = await source_of(any_app, "leaving las vegas")
    assert source.filename == "leaving-las-vegas-1995.yaml"
    assert source.text == (
        "The record of Leaving Las Vegas (1995). Edit it, then attach it to "
        "`!review add replace`: you see what changes before anything is saved."
    )
    async with any_app.sessions() as session:
        film = await film_by_slug(session, "leaving-las-vegas-1995")
        assert film is not None
        assert source.data.decode() == dump_record(film_to_record(film))
        # the same file as the export's
        assert (await export_records(session))[source.filename] == source.data.decode()
    assert b"purchase_links:" in source.data and b"trailer:" in source.data


async def test_sent_back_unchanged_nothing_changes(any_app: Popcorn) -> None:
    source = await source_of(any_app, "leaving las vegas")
    before = await snapshot(any_app.engine)
    again = await say(
        any_app, "!review add replace", files=(Attachment(source.filename, source.data),)
    )
    assert text_of(again) == (
        "Nothing changed: the file says what Leaving Las Vegas (1995) already says. "
        "Nothing was saved."
    )
    assert await snapshot(any_app.engine) == before


async def test_edited_and_sent_back_it_shows_the_diff_then_saves(any_app: Popcorn) -> None:
    source = await source_of(any_app, "leaving las vegas")
    edited = source.data.replace(b"audio: POOR", b"audio: GOOD").replace(
        b"  - Poor Audio Quality\n", b""
    )
    preview = await say(any_app, "!review add replace", files=(Attachment("llv.yaml", edited),))
    assert isinstance(preview, Confirmation)
    assert preview.preview.fields[0].value == (
        "cons: −**Poor Audio Quality**\naudio: **POOR** → GOOD"
    )
    await any_app.apply(preview.change)
    card = fields(await review_card(any_app, "leaving las vegas"))
    assert card["Audio"].endswith("GOOD") and "Poor Audio" not in card["Cons"]


async def test_a_catalogue_film_has_a_source_too(any_app: Popcorn) -> None:
    source = await source_of(any_app, "the rock")
    assert source.filename == "the-rock-1996.yaml"
    assert source.data.startswith(b"schema: 1\nfilm:\n  title: The Rock\n  year: 1996\n")
    assert b"review:" not in source.data


async def test_members_get_no_source(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review source leaving las vegas", actor=MEMBER)
    assert not isinstance(answer, FileAnswer)
    assert "Moderators only" in text_of(answer)
