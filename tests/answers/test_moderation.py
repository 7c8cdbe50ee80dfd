"""Moderators keep the reviews: every path through the command pipeline (the same one Discord
and `popcorn chat` use), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from bot.answers.moderation import quick_entry
from bot.answers.types import (
    Actor,
    Answer,
    Attachment,
    Card,
    Confirmation,
    FileAnswer,
    ItemList,
    Notice,
    Tone,
)
from bot.app import Popcorn
from bot.db.changes import ChangeEvent
from bot.db.exporter import current_review
from bot.db.queries import film_details
from bot.discord_bot.render import render
from bot.records.files import dump_record, parse_record_text
from tests.db.test_storage import snapshot
from tests.helpers import REPO, make_settings

MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=99)
OWNER = Actor(8, "Owner", is_moderator=True, guild_id=99, is_guild_owner=True)
MEMBER = Actor(9, "Member", is_moderator=False, guild_id=99)
IN_DM = Actor(7, "Mod Erator", is_moderator=True, guild_id=None)

CON_AIR = """\
schema: 1
film:
  title: Con Air
  year: 1997
  aliases: [Con-Air]
  directors: [Simon West]
  cast:
    - {name: Nicolas Cage, character: Cameron Poe}
    - {name: John Malkovich, character: Cyrus Grissom}
release: {label: Touchstone, release_date: 2012-10-08, discs: 1}
review:
  verdict: Big dumb fun on a decent disc
  ratings: {film: 7, picture: GREAT, audio: GOOD, extras: POOR}
  pros: [John Malkovich]
  cons: [No extras to speak of]
"""


async def say(
    app: Popcorn, text: str, actor: Actor | None = MOD, files: tuple[Attachment, ...] = ()
) -> Answer:
    answer = await app.answer_text(text, actor, files)
    assert answer is not None
    return answer


def text_of(answer: Answer) -> str:
    assert isinstance(answer, Notice), answer
    return answer.text


async def review_card(app: Popcorn, title: str) -> Card:
    answer = await say(app, f"!review {title}", actor=None)
    assert isinstance(answer, Card), answer
    return answer


def fields(card: Card) -> dict[str, str]:
    return {f.name: f.value for f in card.fields}


# ---------------------------------------------------------------- adding


async def test_adding_a_record_file_previews_then_saves_on_confirm(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    preview = await say(
        any_app, "!review add", files=(Attachment("con-air.yaml", CON_AIR.encode()),)
    )
    assert isinstance(preview, Confirmation)
    assert preview.preview.title == "Preview: Con Air (1997)"
    assert fields(preview.preview)["Picture"].endswith("GREAT")
    assert await snapshot(any_app.engine) == before  # nothing saved before Confirm

    done = await any_app.apply(preview.change)
    assert "added the review of Con Air (1997)" in text_of(done)
    card = await review_card(any_app, "con air")
    assert card.description and "Big dumb fun" in card.description
    assert fields(card)["Film"] == "7/10"
    # The index sees the new alias and the new person at once.
    assert (await review_card(any_app, "con-air")).title == "Con Air (1997)"
    malkovich = await say(any_app, "!filmography john malkovich", actor=None)
    assert isinstance(malkovich, ItemList) and "Con Air" in malkovich.items[0]


async def test_adding_a_review_that_exists_is_refused_unless_replacing(any_app: Popcorn) -> None:
    record = (REPO / "data/reviews/leaving-las-vegas-1995.yaml").read_bytes()
    refused = await say(any_app, "!review add", files=(Attachment("llv.yaml", record),))
    assert "already has a review" in text_of(refused) and "!review set" in text_of(refused)
    replacing = await say(any_app, "!review add replace", files=(Attachment("llv.yaml", record),))
    assert isinstance(replacing, Confirmation) and replacing.prompt.startswith("Replace")


async def test_the_quick_entry_form_goes_through_the_same_add(any_app: Popcorn) -> None:
    ratings = "picture EXCELLENT, audio GREAT, film 9"
    data = quick_entry("Mandy", "2018", "Bonkers", ratings, "pros: Cage; Colours\ncons: Slow start")
    preview = await say(any_app, "!review add", files=(Attachment("form.yaml", data),))
    assert isinstance(preview, Confirmation)
    await any_app.apply(preview.change)
    card = await review_card(any_app, "mandy")
    assert fields(card)["Film"] == "9/10" and "Colours" in fields(card)["Pros"]
    assert fields(card)["Extras"] == "not rated"


def test_the_quick_entry_form_says_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="audio GOOD"):
        quick_entry("Mandy", "2018", "x", "sound-ish")
    with pytest.raises(ValueError, match="pros"):
        quick_entry("Mandy", "2018", "x", "audio GOOD", "whatever")


@pytest.mark.parametrize(
    ("filename", "data", "problem"),
    [
        ("bad.yaml", b"film:\n  title: X\n  year: 1700\n", "film.year"),
        ("bad.yaml", b"film: [unclosed", "not valid YAML"),
        (
            "link.yaml",
            CON_AIR.replace("review:\n", "review:\n  url: javascript:alert(1)\n").encode(),
            "http",
        ),
        ("huge.yaml", b"#" * 1_000_001, "over 1 MB"),
        ("virus.exe", b"MZ", "unknown file type"),
        ("catalog.csv", b"title,year\nX,2000\n", "popcorn import"),
        ("bad-rating.yaml", CON_AIR.replace("GREAT", "SUPERB").encode(), "rating scale"),
    ],
)
async def test_bad_files_get_one_clear_reply_and_change_nothing(
    any_app: Popcorn, filename: str, data: bytes, problem: str
) -> None:
    before = await snapshot(any_app.engine)
    answer = await say(any_app, "!review add", files=(Attachment(filename, data),))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert problem in answer.text and "Nothing was saved" in answer.text
    assert await snapshot(any_app.engine) == before


# ---------------------------------------------------------------- editing


async def test_set_changes_one_field_with_history(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review set leaving las vegas audio GOOD")
    assert "audio: POOR → GOOD" in text_of(answer)
    assert fields(await review_card(any_app, "leaving las vegas"))["Audio"].endswith("GOOD")
    await say(any_app, '!review set levaing las vegas verdict "A masterpiece, a muddy mix"')
    history = await say(any_app, "!review history leaving las vegas")
    assert isinstance(history, ItemList)
    assert "Mod Erator" in history.items[0] and "verdict" in history.items[0]
    assert "audio: POOR → GOOD" in history.items[1]


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        (
            "!review set leaving las vegas audio SUPERB",
            "audio: 'SUPERB' is not on the rating scale",
        ),
        ("!review set leaving las vegas year 1700", "year"),
        (f"!review set leaving las vegas year {2100}", "year"),
        ("!review set leaving las vegas runtime -5", "runtime"),
        ("!review set leaving las vegas runtime abc", "runtime"),
        ("!review set leaving las vegas trailer javascript:alert(1)", "trailer"),
        ("!review set leaving las vegas verdict " + "x" * 1500, "verdict"),
    ],
)
async def test_invalid_edits_name_the_field_and_change_nothing(
    any_app: Popcorn, command: str, problem: str
) -> None:
    before = await snapshot(any_app.engine)
    answer = await say(any_app, command)
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR, answer
    assert problem in answer.text
    assert await snapshot(any_app.engine) == before


async def test_cast_links_and_aliases(any_app: Popcorn) -> None:
    await say(any_app, '!review cast add leaving las vegas "Ed Lauter as Mobster"')
    cast = await say(any_app, "!cast leaving las vegas", actor=None)
    assert isinstance(cast, ItemList) and cast.items[-1] == "10. **Ed Lauter** as Mobster"
    assert "Ed Lauter" in text_of(
        await say(any_app, '!review cast remove leaving las vegas "Ed Lauter"')
    )

    await say(any_app, '!review link add leaving las vegas "https://www.zavvi.com/llv Zavvi"')
    card = await review_card(any_app, "leaving las vegas")
    assert [link.label for link in card.links][:2] == ["Buy at Amazon UK", "Buy at Zavvi"]
    bad = await say(any_app, '!review link add leaving las vegas "javascript:alert(1) Evil"')
    assert isinstance(bad, Notice) and bad.tone is Tone.ERROR

    await say(any_app, '!alias add face off "the one with the faces"')
    assert (await review_card(any_app, "the one with the faces")).title == "Face/Off (1997)"
    await say(any_app, '!alias remove face off "the one with the faces"')
    gone = await say(any_app, "!review the one with the faces", actor=None)
    assert not (isinstance(gone, Card) and gone.title == "Face/Off (1997)")


async def test_remove_asks_then_soft_deletes_and_restore_brings_it_back(any_app: Popcorn) -> None:
    confirm = await say(any_app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation) and confirm.destructive
    assert fields(await review_card(any_app, "leaving las vegas"))["Audio"]  # not yet removed
    await any_app.apply(confirm.change)
    unreviewed = await review_card(any_app, "leaving las vegas")
    assert unreviewed.description and unreviewed.description.startswith("Not reviewed yet")
    async with any_app.sessions() as session:
        film = await film_details(session, unreviewed.film_id or 0)
        assert film is not None and current_review(film) is None and len(film.reviews) == 1
    assert "Restored" in text_of(await say(any_app, "!review restore leaving las vegas"))
    assert fields(await review_card(any_app, "leaving las vegas"))["Audio"].endswith("POOR")


# ---------------------------------------------------------------- who may


MODERATOR_ONLY = [
    "!review set leaving las vegas audio GOOD",
    "!review remove leaving las vegas",
    "!review add",
    "!export",
    "!review history leaving las vegas",
]


@pytest.mark.parametrize("command", MODERATOR_ONLY)
async def test_members_and_dms_are_refused(any_app: Popcorn, command: str) -> None:
    before = await snapshot(any_app.engine)
    assert "Moderators only" in text_of(await say(any_app, command, actor=MEMBER))
    assert "not in DMs" in text_of(await say(any_app, command, actor=IN_DM))
    assert "not in DMs" in text_of(await say(any_app, command, actor=None))
    assert await snapshot(any_app.engine) == before


async def test_only_the_owner_configures_moderation(any_app: Popcorn) -> None:
    assert "server owner" in text_of(await say(any_app, "!modrole add 123456789012345678"))
    assert "123456789012345678" in text_of(
        await say(any_app, "!modrole add 123456789012345678", actor=OWNER)
    )
    assert "<#234567890123456789>" in text_of(
        await say(any_app, "!modlog #234567890123456789", actor=OWNER)
    )


# ---------------------------------------------------------------- safety


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


async def test_export_then_import_gives_back_the_same_database(
    any_app: Popcorn, tmp_path: Path
) -> None:
    await say(any_app, "!review set leaving las vegas audio GREAT")
    exported = await say(any_app, "!export")
    assert isinstance(exported, FileAnswer) and exported.filename.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        archive.extractall(tmp_path / "export")
        names = archive.namelist()
    assert len(names) == any_app.index.film_count + 1
    assert "reviews/popcorn-backup.json" in names  # removed reviews and the history
    llv = parse_record_text(
        (tmp_path / "export/reviews/leaving-las-vegas-1995.yaml").read_text(), "x"
    )
    assert llv.review is not None and str(llv.review.ratings.audio) == "GREAT"
    assert dump_record(llv)  # round-trips through the writer too

    copy = await Popcorn.start(
        make_settings(f"sqlite+aiosqlite:///{tmp_path / 'copy.sqlite3'}"), seed=False
    )
    try:
        await copy.import_paths([tmp_path / "export"])
        for command in ("!review leaving las vegas", "!cast leaving las vegas", "!cage"):
            # Ids differ between databases; what members see is the same.
            theirs = render(await say(copy, command, actor=None)).payload()
            ours = render(await say(any_app, command, actor=None)).payload()
            assert (theirs["content"], theirs["embeds"]) == (ours["content"], ours["embeds"])
    finally:
        await copy.close()


async def test_the_discord_export_carries_removed_reviews_and_the_history(
    any_app: Popcorn, tmp_path: Path
) -> None:
    confirm = await say(any_app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation)
    await any_app.apply(confirm.change)
    exported = await say(any_app, "!export")
    assert isinstance(exported, FileAnswer)
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        archive.extractall(tmp_path / "export")
    copy = await Popcorn.start(
        make_settings(f"sqlite+aiosqlite:///{tmp_path / 'copy.sqlite3'}"), seed=False
    )
    try:
        await copy.import_paths([tmp_path / "export" / "reviews"])
        history = await say(copy, "!review history leaving las vegas")
        assert isinstance(history, ItemList)
        assert any("remove" in item.casefold() for item in history.items), history.items
        assert "Restored" in text_of(await say(copy, "!review restore leaving las vegas"))
    finally:
        await copy.close()


async def test_a_failed_import_leaves_the_sqlite_file_byte_for_byte_unchanged(
    app: Popcorn, tmp_path: Path
) -> None:
    database = Path(app.engine.url.database or "")
    async with app.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def digest() -> str:
        return "".join(
            hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(database.parent.glob(database.name + "*"))
        )

    before = digest()
    good = tmp_path / "good.yaml"
    good.write_text(CON_AIR)
    bad = tmp_path / "z-bad.yaml"
    bad.write_text(CON_AIR.replace("title: Con Air", "title: Con Air 2").replace("1997", "1500"))
    with pytest.raises(Exception, match=r"film\.year"):
        await app.import_paths([good, bad])
    assert digest() == before
