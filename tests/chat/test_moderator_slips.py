"""Issue 12, end to end through `popcorn chat --moderator` on SQLite and PostgreSQL: the slips
real writers make, typed as moderators type them, and what the database holds afterwards.

Items 1 (previews tell the truth), 5 (lists edited item by item), 9 (values as people write
them, errors naming the field as typed), 10 (aliases) and 11 (the quick entry's lists)."""

from __future__ import annotations

from pathlib import Path

from tests.chat.script import run_script
from tests.helpers import ANSWER_DATA, REPO

ARTICLE = REPO / "tests/records/articles/con-air.txt"


async def test_item_1_the_preview_shows_what_was_not_understood(
    seeded_url: str, tmp_path: Path
) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    article = article.replace("Blu-ray Released: 8th October 2012", "Blu-ray Released: 03/26/2018")
    article = article.replace("Blu-ray Picture: GREAT", "Blu-ray Picture: EXCELENT")
    slipped = tmp_path / "con-air.txt"
    slipped.write_text(article, encoding="utf-8")
    replies = await run_script(
        seeded_url,
        [f":attach {slipped}", "!review add", ":press Cancel", "!verdict con air"],
    )
    preview = replies[1]
    assert "Not understood (check these): " in preview
    assert "release date '03/26/2018' not understood — not used" in preview
    assert "picture rating 'EXCELENT' is not on the word scale — not used (did you mean " in preview
    # Absent is only what the article really lacks: the date and the picture were there.
    assert "Missing (not in the article): purchase links, trailer" in preview
    # Cancelled: nothing saved.
    assert "not reviewed" in replies[3].lower() or "no review" in replies[3].lower(), replies[3]


async def test_items_5_9_10_corrections_as_moderators_type_them(seeded_url: str) -> None:
    replies = await run_script(
        seeded_url,
        [
            "!review set the rock pros -The car chase",  # not there: nothing changes
            "!review set the rock pros The car chase",  # a bare value: refused, says how
            "!review set the rock pros +The car chase",
            "!review set the rock released 26 March 2018",
            "!review set the rock released 31/02/2012",
            "!review set the rock film 9/10",
            "!review set the rock picture EXCELENT",
            '!alias add the rock "Con Air"',
            '!alias add the rock "Alcatraz"',
            '!alias remove the rock "ALCATRAZ"',
            '!alias add the rock "Alcatraz Siege"',
            "!alias list the rock",
            "!review history the rock",
        ],
        imports=[ANSWER_DATA],
    )
    assert replies[0] == (
        "⚠️ Nothing changed: “The car chase” is not in the pros of The Rock (1996). "
        "pros: Sean Connery"
    )
    assert replies[1] == (
        "⚠️ Nothing was saved: pros is a list: `pros +The car chase` adds, "
        "`pros -The car chase` removes, `pros = The car chase; …` replaces the whole list."
    )
    assert replies[2] == (
        "Saved. The Rock (1996) — pros: +The car chase\npros now: Sean Connery; The car chase"
    )
    assert replies[3] == "Saved. The Rock (1996) — released: — → 2018-03-26"
    assert replies[4] == (
        "❌ Nothing was saved. released: '31/02/2012' is not a date: February 2012 has 29 days"
    )
    assert replies[5] == "Saved. The Rock (1996) — rating: 7/10 → 9/10"
    assert replies[6].startswith("❌ Nothing was saved. picture: 'EXCELENT' is not on the rating")
    assert replies[6].endswith("did you mean EXCELLENT?")
    assert replies[7] == "⚠️ Nothing was saved: “Con Air” is already the title of Con Air (1997)."
    assert replies[8] == "Saved. The Rock (1996) — aliases: +Alcatraz"
    assert replies[9] == "Saved. The Rock (1996) — aliases: −Alcatraz"
    assert replies[11] == "Aliases of The Rock (1996): “Alcatraz Siege”."
    # No validation jargon or internal paths reached the moderator.
    for reply in replies:
        assert "Input should" not in reply and "review." not in reply and "film." not in reply
    history = replies[12]
    for change in ("pros", "released", "rating", "aliases"):
        assert change in history, history


async def test_item_11_the_quick_entry_splits_its_lists(seeded_url: str) -> None:
    replies = await run_script(
        seeded_url,
        [
            "!review new Mandy | 2018 | Bonkers | film 9, audio GOOD "
            "| pros: Cage, Colours; Score | cons: Slow start",
            ":press Confirm",
            "!review mandy",
        ],
    )
    assert "Pros: ✅ Cage\n✅ Colours\n✅ Score" in replies[0], replies[0]
    assert replies[1].startswith("Done: added the review of Mandy (2018)")
    assert "Pros: ✅ Cage\n✅ Colours\n✅ Score" in replies[2], replies[2]
    assert "Cons: ❌ Slow start" in replies[2]
