"""A database that cannot be used at start-up ends `popcorn` with one line on stderr naming the
setting to fix and a non-zero exit, never a traceback. Real processes (`popcorn ...`, forked by
tests/processes.py). Issue #10, class 17."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.helpers import POSTGRES_ENV, REPO
from tests.processes import run_bot

COMMANDS = [["chat", "!cage"], ["import", str(REPO / "data")], ["export", "out"]]


def run(args: list[str], cwd: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("POPCORN_") and k not in ("DISCORD_TOKEN", "DATABASE_URL")
    }
    env.update(settings, PYTHONPATH=str(REPO))
    return run_bot(args, cwd=cwd, env=env, timeout=120)


def assert_one_line(result: subprocess.CompletedProcess[str], setting: str, *words: str) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("popcorn: ") and setting in lines[0], lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("args", COMMANDS)
def test_a_folder_as_the_database(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "popcorn.sqlite3"
    folder.mkdir()
    assert_one_line(run(args, tmp_path, POPCORN_DB_PATH=str(folder)), "POPCORN_DB_PATH", "folder")
    url = f"sqlite:///{folder}"
    assert_one_line(run(args, tmp_path, DATABASE_URL=url), "DATABASE_URL", "cannot open")


@pytest.mark.parametrize("args", COMMANDS)
def test_a_file_that_is_not_a_database(tmp_path: Path, args: list[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: popcorn, butter, salt\n" * 200, encoding="utf-8")
    line = assert_one_line(
        run(args, tmp_path, POPCORN_DB_PATH=str(notes)), "POPCORN_DB_PATH", "not a SQLite database"
    )
    assert str(notes) in line
    assert notes.read_text(encoding="utf-8").startswith("shopping list")  # left as it was


def test_a_read_only_database(tmp_path: Path) -> None:
    db = tmp_path / "popcorn.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE unrelated (x)").connection.commit()
    # (opened read-only through SQLite's URI: file permissions do not stop root, who runs CI)
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    for args in COMMANDS[:2]:
        assert_one_line(run(args, tmp_path, DATABASE_URL=url), "DATABASE_URL", "read-only")
    if os.geteuid() != 0:
        db.chmod(0o444)
        tmp_path.chmod(0o555)  # no room for the -wal and -shm files either
        try:
            result = run(COMMANDS[0], tmp_path, POPCORN_DB_PATH=str(db))
        finally:
            tmp_path.chmod(0o755)
        assert_one_line(result, "POPCORN_DB_PATH")


@pytest.fixture
def postgres_admin() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    return url


@pytest.mark.parametrize("args", COMMANDS)
def test_postgres_database_missing(tmp_path: Path, postgres_admin: str, args: list[str]) -> None:
    url = make_url(postgres_admin).set(database="popcorn_no_such_database")
    line = assert_one_line(
        run(args, tmp_path, DATABASE_URL=url.render_as_string(hide_password=False)),
        "DATABASE_URL",
        "popcorn_no_such_database",
    )
    assert "does not exist" in line


@pytest.mark.parametrize("args", COMMANDS[:2])
def test_postgres_role_unknown(tmp_path: Path, postgres_admin: str, args: list[str]) -> None:
    url = make_url(postgres_admin).set(username="popcorn_no_such_role", password="secret")
    line = assert_one_line(
        run(args, tmp_path, DATABASE_URL=url.render_as_string(hide_password=False)),
        "DATABASE_URL",
        "popcorn_no_such_role",
    )
    assert "secret" not in line


def test_a_file_where_the_database_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "var").write_text("not a folder", encoding="utf-8")
    db = tmp_path / "var" / "popcorn.sqlite3"
    for args in COMMANDS:
        assert_one_line(run(args, tmp_path, POPCORN_DB_PATH=str(db)), "POPCORN_DB_PATH", "folder")
