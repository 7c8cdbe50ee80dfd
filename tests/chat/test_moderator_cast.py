"""Issue 12, item 4, end to end through `popcorn chat --moderator` (a subprocess), on SQLite and
on PostgreSQL (DATABASE_URL): a character fixed in place keeps its billing, a role moves to a
place in the billing, and a name with two roles is named, not removed twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.answers.moderation.helpers import raising_arizona
from tests.chat.script import chat_messages


def content(reply: Any) -> str:
    return str(reply[0]["content"])


def test_a_character_fixed_in_place_and_two_roles_named(seeded_url: str, tmp_path: Path) -> None:
    record = tmp_path / "raising-arizona-1987.yaml"
    # As a writer left it: Edwina misspelt "Ed", Trey Wilson twice.
    record.write_text(raising_arizona(holly_hunter_as="Ed"), encoding="utf-8")
    replies = chat_messages(
        seeded_url,
        [
            f":attach {record}",
            "!review add",
            ":press Confirm",
            '!review cast set raising arizona "Holly Hunter as Edwina"',
            '!review cast remove raising arizona "Trey Wilson"',
            '!review cast remove raising arizona "Trey Wilson as Nathan Arizona Jr. (voice)"',
            '!review cast move raising arizona "John Goodman" 2',
            "!cast raising arizona",
            "!review history raising arizona",
        ],
    )
    assert content(replies[2]).startswith("Done: added the review of Raising Arizona (1987)")
    assert content(replies[3]) == (
        "Saved. Raising Arizona (1987) — cast: Holly Hunter as Ed → as Edwina (still billed 2nd)"
        "\nCast now: Nicolas Cage, Holly Hunter, Trey Wilson, John Goodman, William Forsythe…"
    )
    assert content(replies[4]) == (
        "⚠️ Nothing was saved: Trey Wilson has 2 roles in Raising Arizona (1987): "
        "“Trey Wilson as Nathan Arizona Sr.” (3rd) and "
        "“Trey Wilson as Nathan Arizona Jr. \\(voice\\)” (6th). Say which one: "
        '`!review cast remove raising arizona "Trey Wilson as Nathan Arizona Sr."`.'
    )
    assert content(replies[5]) == (
        "Saved. Raising Arizona (1987) — cast: −Trey Wilson as Nathan Arizona Jr. (voice)"
    )
    assert content(replies[6]).startswith(
        "Saved. Raising Arizona (1987) — cast: John Goodman moved from 4th to 2nd"
    )
    shown = json.dumps(replies[7], ensure_ascii=False)
    order = [
        shown.index(name)
        for name in ("Nicolas Cage", "John Goodman", "Holly Hunter", "Trey Wilson", "Forsythe")
    ]
    assert order == sorted(order), shown
    assert "Edwina" in shown and "Nathan Arizona Sr." in shown
    assert "(voice)" not in shown and shown.count("Trey Wilson") == 1
    history = json.dumps(replies[8], ensure_ascii=False)
    assert "cast move" in history and "cast remove" in history and "cast set" in history
