"""Issue 12, items 2 and 3, end to end through `popcorn chat --moderator` (a subprocess), on
SQLite and on PostgreSQL (DATABASE_URL): a misspelt "Nicholas Cage" confirmed makes `!cage`
ask, `!person merge` repairs it (and it stays repaired after a restart); an orphan is offered
no more; the "Face Off / 1996" slip is merged into Face/Off and every retyping finds a film."""

from __future__ import annotations

from pathlib import Path

from tests.chat.script import run_script

#: A review record as a writer left it: Cage misspelt, Connery misspelt in a role cut later.
SNAKE_EYES = """\
schema: 1
film:
  title: Snake Eyes
  year: 1998
  directors: [Brian De Palma]
  cast:
    - {name: Nicholas Cage, character: Rick Santoro}
    - {name: Gary Sinise, character: Kevin Dunne}
    - {name: Sean Conery, character: Extra}
review:
  verdict: Flashy, and Cage at full tilt
  ratings: {film: 6, picture: GOOD}
"""


async def test_a_misspelt_person_merged_and_an_orphan_gone(seeded_url: str, tmp_path: Path) -> None:
    record = tmp_path / "snake-eyes-1998.yaml"
    record.write_text(SNAKE_EYES, encoding="utf-8")
    replies = await run_script(
        seeded_url,
        [
            f":attach {record}",
            "!review add",
            ":press Confirm",
            "!cage",
            "!person merge Nicholas Cage into Nicolas Cage",
            "!cage",
            "!nicholas cage",
            '!review cast remove snake eyes "Sean Conery"',
            "!filmography sean conery",
            "!review history snake eyes",
        ],
    )
    assert replies[2].startswith("Done: added the review of Snake Eyes (1998).")
    assert "Several people match “cage”" in replies[3]
    assert "Nicholas Cage" in replies[3] and "[Choose the one you meant…]" not in replies[5]
    assert replies[4] == (
        "Merged Nicholas Cage into Nicolas Cage: 1 film changed (Snake Eyes (1998)). "
        "“Nicholas Cage” now finds Nicolas Cage."
    )
    for reply in replies[5:7]:
        assert "Nicolas Cage: filmography" in reply and "**Snake Eyes** (1998)" in reply
    assert replies[7] == "Saved. Snake Eyes (1998) — cast: −Sean Conery as Extra"
    # The orphan (0 films) is not offered: the nearest real person is.
    assert "Sean Conery" not in replies[8] and "0 films" not in replies[8]
    assert "Sean Connery: filmography" in replies[8]
    assert "person merge Nicholas Cage → Nicolas Cage" in replies[9]

    # A new process builds its index from the database: the repair and the alias hold.
    again = await run_script(seeded_url, ["!cage", "!nicholas cage", "!search sean conery"])
    assert all("Nicolas Cage: filmography" in reply for reply in again[:2])
    assert "Sean Conery" not in again[2]


async def test_the_face_off_slip_is_merged_and_retyping_works(seeded_url: str) -> None:
    replies = await run_script(
        seeded_url,
        [
            "!review new Face Off | 1996 | Dumb fun | film 5 | pros: Cage",
            ":press Confirm",
            "!film merge face off 1996 into face/off",
            "!review remove face off 1996",
            ":press Confirm",
            "!review set face off 1996 year 1997",
            "!review face/off",
            "!review Face Off (1997)",
            "!film merge face off 1997 into face/off 1997",
            "!review face off",
            "!review history face/off",
        ],
    )
    assert replies[1] == "Done: added the review of Face Off (1996)."
    assert replies[2] == (
        "⚠️ Nothing was changed: Face Off (1996) has a review. Remove the review first with "
        "`!review remove Face Off`, then `!film merge face off 1996 into face/off`."
    )
    assert replies[5] == "Saved. Face Off (1997) — year: 1996 → 1997"
    # Both are "face off 1997" to the index: the exact spelling picks each, no menu.
    assert replies[6].startswith("Face/Off (1997)") and "[Choose" not in replies[6]
    assert replies[7].startswith("Face Off (1997)") and "[Choose" not in replies[7]
    assert replies[8] == (
        "Merged Face Off (1997) into Face/Off (1997). “Face Off” now finds Face/Off (1997); "
        "the history of both is kept."
    )
    assert replies[9].startswith("Face/Off (1997)")
    assert "film merge merged Face Off (1997) into it" in replies[10]
