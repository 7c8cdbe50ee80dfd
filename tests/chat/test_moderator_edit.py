"""`!review edit` end to end through `popcorn chat --moderator` (a subprocess, on SQLite and on
PostgreSQL when POPCORN_TEST_POSTGRES_URL is set): the line to copy, the verdict, ratings and
pros changed in one line and saved at once, the same line again changes nothing, a misspelt
grade saves nothing. The database is read back with `popcorn export`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.chat.script import popcorn, run_script

VERDICT = "Great film let down by poor audio on the Blu-ray release"
EDIT = (
    "!review edit leaving las vegas | verdict: Great film, muddy mix | "
    "ratings: picture GOOD, audio OK, extras OK, film 8 | "
    "pros: Nicolas Cage; Elisabeth Shue; Gripping Storyline; Mike Figgis's score"
)


def exported_review(seeded_url: str, folder: Path) -> dict[str, Any]:
    popcorn(["export", str(folder)], seeded_url)
    (path,) = folder.rglob("leaving-las-vegas-1995.yaml")
    review: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))["review"]
    return review


async def test_a_review_edited_in_one_line(seeded_url: str, tmp_path: Path) -> None:
    replies = await run_script(
        seeded_url,
        [
            "!review edit leaving las vegas",
            EDIT,
            EDIT,
            "!review edit leaving las vegas | ratings: picture GOOD, audio EXCELENT",
            "!review history leaving las vegas",
        ],
    )
    assert replies[0] == (
        "Change what you need and send it back (a field you leave out stays as it is): "
        f"`!review edit Leaving Las Vegas (1995) | verdict: {VERDICT} | "
        "ratings: picture GOOD, audio POOR, extras OK | pros: Nicolas Cage; Elisabeth Shue; "
        "Gripping Storyline | cons: Poor Audio Quality; Picture Quality Could Be Better`"
    )
    assert replies[1] == (
        "Saved. Leaving Las Vegas (1995) — pros: +Mike Figgis's score; audio: POOR → OK; "
        f"rating: — → 8/10; verdict: {VERDICT} → Great film, muddy mix"
    )
    assert replies[2] == ("Nothing changed: Leaving Las Vegas (1995) already says that.")
    assert replies[3] == (
        "❌ Nothing was saved. audio: 'EXCELENT' is not on the rating scale "
        "(POOR / OK / GOOD / GREAT / EXCELLENT): did you mean EXCELLENT?"
    )
    history = replies[4]  # one change: one entry above the import
    assert "**1.** `" in history and "**moderator** edit verdict: " in history
    assert "audio: POOR → OK" in history and "**2.** `" in history and "**3.**" not in history
    review = exported_review(seeded_url, tmp_path / "export")
    assert review["verdict"] == "Great film, muddy mix"
    assert review["ratings"] == {"film": 8.0, "picture": "GOOD", "audio": "OK", "extras": "OK"}
    assert review["pros"] == [
        "Nicolas Cage",
        "Elisabeth Shue",
        "Gripping Storyline",
        "Mike Figgis's score",
    ]
    assert review["cons"] == ["Poor Audio Quality", "Picture Quality Could Be Better"]
