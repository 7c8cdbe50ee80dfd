"""The moderator's flow offline, exactly as issue 4 describes it: attach the site's article to
`!review add`, then `:press Confirm`; and `popcorn run` without a token."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REPO, SEED_ARTICLE, SEED_MISSING
from tests.processes import run_bot


def run(args: list[str], db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "DATABASE_URL")}
    env["POPCORN_DB_PATH"] = str(db)
    return run_bot(args, cwd=REPO, env=env, stdin=stdin, timeout=120)


@pytest.fixture
def db(tmp_path: Path, seeded_sqlite: Path) -> Path:
    """A copy of the seeded database (migrated, data/ loaded: what the first chat would make)."""
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(seeded_sqlite, path)
    return path


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason=SEED_MISSING)
def test_attach_the_article_then_press_confirm(db: Path) -> None:
    lines = "\n".join(
        [
            "!review remove leaving las vegas",
            ":press Confirm",
            f":attach {SEED_ARTICLE}",
            "!review add",
            ":press Confirm",
            "!review leaving las vegas",
        ]
    )
    out = run(["chat", "--json", "--moderator"], db, stdin=lines + "\n")
    assert out.returncode == 0, out.stderr
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(replies) == 6
    assert replies[1][0]["content"].startswith("Done: removed")
    preview = replies[3][0]
    assert preview["embeds"][0]["title"] == "Preview: Leaving Las Vegas (1995)"
    labels = [c["label"] for row in preview["components"] for c in row["components"]]
    assert labels == ["Confirm", "Cancel"]
    assert replies[4][0]["content"].startswith("Done: added the review")
    card = replies[5][0]["embeds"][0]
    fields = {f["name"]: f["value"] for f in card["fields"]}
    assert fields["Audio"].endswith("POOR") and fields["Directed by"] == "Mike Figgis"


def test_the_quick_entry_typed_with_bars_then_confirm(db: Path) -> None:
    """`!review new` has no form offline: it says how, or takes the fields separated by |."""
    lines = [
        "!review new",
        "!review new Mandy | 2018 | Bonkers | film 9, audio GREAT | pros: Cage; Colours",
        ":press Confirm",
        "!verdict mandy",
    ]
    out = run(["chat", "--json", "--moderator"], db, "\n".join(lines) + "\n")
    assert out.returncode == 0, out.stderr
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    assert "/reviews new" in replies[0][0]["content"]
    assert replies[1][0]["embeds"][0]["title"] == "Preview: Mandy (2018)"
    assert replies[2][0]["content"].startswith("Done: added the review of Mandy (2018)")
    assert "Bonkers" in json.dumps(replies[3])


def test_a_member_cannot_add(db: Path) -> None:
    out = run(["chat", "--json", "--attach", str(REPO / "data/reviews/leaving-las-vegas-1995.yaml"),
               "!review add"], db)  # fmt: skip
    assert "Moderators only" in json.loads(out.stdout)[0]["content"]


def test_run_without_a_token_says_how_in_one_line(tmp_path: Path) -> None:
    out = run(["run"], tmp_path / "p.sqlite3")
    assert out.returncode == 2
    assert "DISCORD_TOKEN" in out.stderr and "popcorn chat" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
