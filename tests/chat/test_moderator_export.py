"""End to end (issue 12, item 7): a moderator's work through `popcorn chat --moderator --json`,
`!export` (the chat shows the attached zip but does not save it, so the same zip is written by
`popcorn export popcorn-export.zip`, built by the same code: bot.db.exporter.export_zip), then
`popcorn import popcorn-export.zip` into a new database restores it: the history, the removed
review, the mod-log channel. On SQLite and PostgreSQL. A hostile zip: exit 2, one line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from tests.helpers import REPO
from tests.processes import run_bot

CHANNEL = "#mod-log"  # a channel of the chat's server
WORK = [
    "!review set leaving las vegas audio GREAT",
    f"!modlog {CHANNEL}",
    "!review remove leaving las vegas",
    ":press Confirm",
    "!export",
]
LOOK = ["!review history leaving las vegas", "!modlog"]


def popcorn(
    args: list[str], url: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "DATABASE_URL")}
    env.update(DATABASE_URL=url, PYTHONPATH=str(REPO))
    env.pop("POPCORN_DATA_DIR", None)
    return run_bot(args, cwd=REPO, env=env, stdin=stdin, timeout=180)


def chat(url: str, lines: list[str]) -> list[list[dict[str, Any]]]:
    done = popcorn(["chat", "--moderator", "--json"], url, "".join(f"{line}\n" for line in lines))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(replies) == len(lines), done.stdout
    return replies


def test_the_export_zip_restores_a_moderators_work(seeded_url: str, tmp_path: Path) -> None:
    # seeded_url (tests/chat/conftest.py): data/ loaded, as the first chat would load it
    # the work, then the look at what it left (read-only: as a later chat would see it)
    replies = chat(seeded_url, [*WORK, *LOOK])
    (exported,) = replies[len(WORK) - 1]
    ours = replies[len(WORK) :]
    assert exported["attachments"][0]["filename"] == "popcorn-export.zip"
    assert exported["content"].endswith(
        "1 removed review, 104 history entries, and this server's settings (0 moderator roles, "
        "a mod-log channel). It is a backup: restore it with `popcorn import "
        "popcorn-export.zip` (the zip as it is)."
    )
    films = int(re.match(r"The whole database: (\d+) record files", exported["content"])[1])  # type: ignore[index]

    path = tmp_path / "popcorn-export.zip"
    done = popcorn(["export", str(path)], seeded_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"Exported {films} record file(s), 1 removed review(s), 104 history entries and 1 "
        f"server(s)' settings to {path} (restore it with `popcorn import {path}`).\n"
    )
    with zipfile.ZipFile(path) as archive:
        assert len(archive.namelist()) == films + 1

    copy = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    done = popcorn(["import", str(path)], copy)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"Imported {films} record(s): {films} film(s) added, 0 updated. Restored from the "
        "backup: 1 removed review(s), 104 history entries, 1 server(s)' moderator roles and "
        "mod-log channel.\n"
    )
    again = popcorn(["import", str(path)], copy)
    assert again.stdout == f"Imported {films} record(s): 0 film(s) added, 0 updated.\n"

    # the copy's look and then its restore in one chat (the look only reads)
    on_copy = chat(copy, [*LOOK, "!review restore leaving las vegas", "!verdict leaving las vegas"])
    theirs, restored = on_copy[: len(LOOK)], on_copy[len(LOOK) :]
    assert theirs == ours
    assert theirs[1][0]["content"] == f"Moderator changes are logged in {CHANNEL}."
    assert restored[0][0]["content"].startswith("Restored")
    audio = [f for f in restored[1][0]["embeds"][0]["fields"] if f["name"] == "Audio"]
    assert audio and audio[0]["value"].endswith("GREAT")


def test_a_hostile_zip_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("reviews/../../evil.yaml", "film: {title: Evil, year: 2000}\n")
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    done = popcorn(["import", str(path)], url)
    assert done.returncode == 2
    assert done.stderr == (
        f"popcorn: {path}:reviews/../../evil.yaml: a name that climbs out of the folder (..): "
        "refused\n"
    )
    assert not (tmp_path.parent / "evil.yaml").exists()
