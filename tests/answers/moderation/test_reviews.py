"""The whole-review commands (bot/answers/moderation/reviews.py) through the command pipeline,
on SQLite and PostgreSQL: add (a record file, an article, the quick-entry form's file), remove
with Confirm, restore."""

from __future__ import annotations

import pytest

from bot.answers.moderation.pending import DIFF_TITLE
from bot.answers.types import Attachment, Confirmation, Field, ItemList, Notice, Tone
from bot.app import Popcorn
from bot.db.exporter import current_review
from bot.db.queries import film_details
from tests.answers.moderation.helpers import CON_AIR, fields, review_card, say, text_of
from tests.db.test_storage import snapshot
from tests.helpers import REPO, SEED_ARTICLE, SEED_MISSING

#: The tests on a module-wide app run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")


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
    same = await say(any_app, "!review add replace", files=(Attachment("llv.yaml", record),))
    assert text_of(same) == (
        "Nothing changed: the file says what Leaving Las Vegas (1995) already says. "
        "Nothing was saved."
    )
    edited = record.replace(b"audio: POOR", b"audio: OK")
    replacing = await say(any_app, "!review add replace", files=(Attachment("llv.yaml", edited),))
    assert isinstance(replacing, Confirmation) and replacing.prompt.startswith("Replace")
    assert replacing.preview.fields[0] == Field(DIFF_TITLE, "audio: **POOR** → OK")


async def test_the_quick_entry_form_goes_through_the_same_preview(any_app: Popcorn) -> None:
    ratings = "picture EXCELLENT, audio GREAT, film 9"
    more = "pros: Cage; Colours | cons: Slow start"
    typed = f"!review new Mandy | 2018 | Bonkers | {ratings} | {more}"
    preview = await say(any_app, typed)
    assert isinstance(preview, Confirmation)
    await any_app.apply(preview.change)
    card = await review_card(any_app, "mandy")
    assert fields(card)["Film"] == "9/10" and "Colours" in fields(card)["Pros"]
    assert fields(card)["Extras"] == "not rated"


@on_the_module_loop
@pytest.mark.parametrize(
    ("filename", "data", "problem"),
    [
        ("bad.yaml", b"film:\n  title: X\n  year: 1700\n", "year: must be at least 1888"),
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
    unchanged_app: Popcorn, filename: str, data: bytes, problem: str
) -> None:
    before = await snapshot(unchanged_app.engine)
    answer = await say(unchanged_app, "!review add", files=(Attachment(filename, data),))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert problem in answer.text and "Nothing was saved" in answer.text
    assert await snapshot(unchanged_app.engine) == before


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


async def test_restore_without_a_removed_review_is_a_warning(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review restore leaving las vegas")
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert "already has a review" in answer.text


async def test_history_lists_who_changed_what(any_app: Popcorn) -> None:
    before = await say(any_app, "!review history leaving las vegas")
    assert isinstance(before, ItemList)
    assert all("Mod Erator" not in item for item in before.items)
    await say(any_app, '!review cast add leaving las vegas "Ed Lauter as Mobster"')
    history = await say(any_app, "!review history leaving las vegas")
    assert isinstance(history, ItemList)
    assert "**Mod Erator** cast add cast: +Ed Lauter as Mobster" in history.items[0]


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason=SEED_MISSING)
async def test_replacing_from_an_article_keeps_the_links_and_trailer(any_app: Popcorn) -> None:
    article = Attachment("llv.txt", SEED_ARTICLE.read_bytes())
    preview = await say(any_app, "!review add replace", files=(article,))
    assert isinstance(preview, Confirmation)
    shown = fields(preview.preview)
    assert shown[DIFF_TITLE].endswith(
        "Kept from the current review (an article never has them): purchase links, trailer."
    )
    assert "purchase links" not in shown["Missing (not in the article)"]
    await any_app.apply(preview.change)
    card = await review_card(any_app, "leaving las vegas")
    assert [link.label for link in card.links] == ["Buy at Amazon UK", "Trailer"]
    async with any_app.sessions() as session:
        film = await film_details(session, card.film_id or 0)
        assert film is not None
        review = current_review(film)
        assert review is not None and review.trailer_url and len(review.purchase_links) == 1


async def test_a_file_drops_the_links_only_by_saying_so(any_app: Popcorn) -> None:
    record = (REPO / "data/reviews/leaving-las-vegas-1995.yaml").read_text()
    head, _ = record.split("  purchase_links:\n")
    unmentioned = head + "  verdict: Changed\n"  # no links, no trailer in the file
    preview = await say(
        any_app, "!review add replace", files=(Attachment("a.yaml", unmentioned.encode()),)
    )
    assert isinstance(preview, Confirmation)
    assert fields(preview.preview)[DIFF_TITLE].endswith(
        "Kept from the current review (the file does not mention them): purchase links, "
        "trailer. To remove them, write `purchase_links: []` or `trailer: null` in the file's "
        "review."
    )
    emptied = head + "  purchase_links: []\n  trailer: null\n"
    preview = await say(
        any_app, "!review add replace", files=(Attachment("b.yaml", emptied.encode()),)
    )
    assert isinstance(preview, Confirmation)
    diff = fields(preview.preview)[DIFF_TITLE].splitlines()
    assert diff[0].startswith("purchase links: −**Amazon UK \\(https://www.amazon.co.uk/")
    assert diff[1].startswith("trailer note: **Clip may not be representative")
    assert diff[2].startswith("trailer: **https://www.youtube.com/results?search\\_query=Leav")
    await any_app.apply(preview.change)
    card = await review_card(any_app, "leaving las vegas")
    assert card.links == ()
