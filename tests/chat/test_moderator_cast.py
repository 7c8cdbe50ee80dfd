"""Issue 12, item 4, end to end through `popcorn chat --moderator` (a subprocess), on SQLite and
on PostgreSQL (DATABASE_URL): a character fixed in place keeps its billing, a role moves to a
place in the billing, and a name with two roles is named, not removed twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers import REPO

#: Raising Arizona as a writer left it: a character misspelt (Edwina as "Ed"), Trey Wilson twice.
RAISING_ARIZONA = """\
schema: 1
film:
  title: Raising Arizona
  year: 1987
  directors: [Joel Coen]
  cast:
    - {name: Nicolas Cage, character: H.I. McDunnough}
    - {name: Holly Hunter, character: Ed}
    - {name: Trey Wilson, character: Nathan Arizona Sr.}
    - {name: John Goodman, character: Gale Snoats}
    - {name: William Forsythe, character: Evelle Snoats}
    - {name: Trey Wilson, character: Nathan Arizona Jr. (voice)}
release: {label: Arrow, release_date: 2020-01-20, discs: 1}
review:
  verdict: Still the Coens' funniest
  ratings: {film: 9, picture: GREAT, audio: GOOD, extras: GOOD}
"""


def chat(database_url: str, lines: list[str]) -> list[Any]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "DATABASE_URL")}
    env["DATABASE_URL"] = database_url
    out = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--json", "--moderator"],
        cwd=REPO, env=env, input="\n".join(lines) + "\n", capture_output=True, text=True,
        timeout=180,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(replies) == len(lines), out.stdout
    return replies


def content(reply: Any) -> str:
    return str(reply[0]["content"])


def test_a_character_fixed_in_place_and_two_roles_named(database_url: str, tmp_path: Path) -> None:
    record = tmp_path / "raising-arizona-1987.yaml"
    record.write_text(RAISING_ARIZONA, encoding="utf-8")
    replies = chat(
        database_url,
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
