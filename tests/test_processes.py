"""tests/processes.py: `popcorn` forked from a server that has the bot imported behaves as a fresh
`python -m bot` (and the real entry points, bot/__main__.py and the installed `popcorn` script,
still run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO
from tests.processes import (
    SUBPROCESS_ENV,
    exit_status,
    run_bot,
    run_module,
    startup_differences,
)

RECORD = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"


def environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("POPCORN_") and k not in ("DISCORD_TOKEN", "DATABASE_URL")
    }
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'p.sqlite3'}", PYTHONPATH=str(REPO))
    env.update(settings)
    return env


def both_ways(
    args: list[str], tmp_path: Path, env: dict[str, str], stdin: str | None = None
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """The forked run, then the same command in a plain `python -m bot` subprocess."""
    forked = run_bot(args, cwd=tmp_path, env=env, stdin=stdin)
    plain = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, stdin=subprocess.DEVNULL if stdin is None else None, capture_output=True,
        text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    return forked, plain


def test_forked_runs_answer_as_python_dash_m_bot(tmp_path: Path, seeded_sqlite: Path) -> None:
    """Same exit status and output: a usage error, the readable chat (rich's
    drawing, at the COLUMNS given), stdin read line by line (not ASCII, a lone \\r kept in the
    line as a fresh interpreter keeps it), a .env file in the working folder, and settings
    from `env` (the prefix). The plain runs are the real entry point bot/__main__.py (`python
    -m bot`), on a copy of the seeded database: it runs a chat and exits 0."""
    shutil.copyfile(seeded_sqlite, tmp_path / "p.sqlite3")
    (tmp_path / ".env").write_text("POPCORN_AFFILIATE_TAG=envfile-21\n", encoding="utf-8")
    env = environment(tmp_path, COLUMNS="70", POPCORN_PREFIX="?")
    cases: list[tuple[list[str], str | None]] = [
        (["no-such-command"], None),
        (["chat", "?buy leaving las vegas"], None),
        (["chat"], "?verdict leaving las vegas\n?review léaving las végas\r1995\n!cage\n"),
    ]
    outputs, plains = [], []
    for args, stdin in cases:
        forked, plain = both_ways(args, tmp_path, env, stdin)
        assert (forked.returncode, forked.stdout, forked.stderr) == (
            plain.returncode,
            plain.stdout,
            plain.stderr,
        ), args
        outputs.append(forked)
        plains.append(plain)
    assert [done.returncode for done in outputs] == [2, 0, 0]
    assert "&tag=envfil" in outputs[1].stdout  # the .env file's affiliate tag (wrapped at 70)
    assert "Great film let down" in outputs[2].stdout  # ?verdict: the prefix from env
    # bot/__main__.py through `python -m bot`: a chat run, exit 0 (test_the_real_entry_points)
    assert plains[2].returncode == 0, plains[2].stderr
    assert "Great film let down by poor audio" in plains[2].stdout


def test_the_child_starts_as_a_fresh_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a forked child sees: the environment given (nothing more), the working folder
    first on sys.path, stdio as the interpreter builds it for files, no logging handler, no
    other thread, the interpreter's signal handlers, no asyncio policy; the same as in a
    fresh `python -m` (tests/processes_probe.py prints it). The server imported PRELOAD: what
    those imports could have left behind (threads, handlers, a changed environment) is not
    there. The fresh run is the escape hatch's (POPCORN_TEST_SUBPROCESS=1): a plain
    `python -m` subprocess of this process, the same call as subprocess.run here."""
    env = environment(tmp_path, POPCORN_PROBE="1")
    env.pop("HOME", None)
    forked = run_module("tests.processes_probe", ["a b"], cwd=tmp_path, env=env, stdin="x\r\n")
    with monkeypatch.context() as hatch:
        hatch.setenv(SUBPROCESS_ENV, "1")
        plain = run_module("tests.processes_probe", ["a b"], cwd=tmp_path, env=env, stdin="x\r\n")
    assert forked.returncode == plain.returncode == 3, forked.stderr
    seen, fresh = json.loads(forked.stdout), json.loads(plain.stdout)
    # The escape hatch ran a child of this process; the runner a child of its fork server
    # (unless the whole run has POPCORN_TEST_SUBPROCESS=1: then both are plain subprocesses).
    assert fresh["ppid"] == os.getpid()
    if os.environ.get(SUBPROCESS_ENV, "") in ("", "0"):
        assert seen["ppid"] != os.getpid()
    assert fresh["path0"] == str(tmp_path)
    assert seen["environ"] == env
    assert seen["path0"] == str(tmp_path)
    assert seen["argv"][1:] == ["a b"]
    assert seen["root_handlers"] == 0 and seen["threads"] == 1
    keys = ("environ", "cwd", "path0", "stdio", "root_handlers", "root_level", "threads")
    for key in (*keys, "signals", "asyncio_policy", "bot_modules_from"):
        assert seen[key] == fresh[key], key
    assert seen["stdin"] == fresh["stdin"] == "x\r\n"
    assert forked.stderr == plain.stderr == "probe: stderr\n"


def test_a_variable_read_at_start_up_gets_a_fresh_interpreter(tmp_path: Path) -> None:
    env = environment(tmp_path, PYTHONIOENCODING="utf-8:strict")
    assert startup_differences(os.environ, env) == ["PYTHONIOENCODING"]
    assert startup_differences(os.environ, environment(tmp_path, POPCORN_PREFIX="?")) == []
    forked = run_module("tests.processes_probe", [], cwd=tmp_path, env=env)
    assert forked.returncode == 3 and json.loads(forked.stdout)["environ"] == env


def test_exit_statuses_as_the_interpreter_gives_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_status(SystemExit()) == 0
    assert exit_status(SystemExit(None)) == 0
    assert exit_status(SystemExit(2)) == 2
    assert exit_status(SystemExit(-1)) == 255
    assert capsys.readouterr().err == ""
    assert exit_status(SystemExit("popcorn: gone")) == 1
    assert capsys.readouterr().err == "popcorn: gone\n"


def test_a_run_past_its_timeout_is_killed(tmp_path: Path) -> None:
    with pytest.raises(subprocess.TimeoutExpired):
        run_module("tests.processes_probe", ["sleep"], cwd=tmp_path, env=environment(tmp_path),
                   timeout=0.5)  # fmt: skip
    after = run_bot(["--help"], cwd=tmp_path, env=environment(tmp_path))
    assert after.returncode == 0 and "usage: popcorn" in after.stdout


def test_the_real_entry_points(tmp_path: Path, seeded_sqlite: Path) -> None:
    """The `popcorn` script pip installed beside the interpreter (when there is one), on a copy
    of the seeded database. bot/__main__.py through `python -m bot` is what every plain run of
    test_forked_runs_answer_as_python_dash_m_bot starts (there: the verdict printed, exit 0),
    not started a second time here."""
    shutil.copyfile(seeded_sqlite, tmp_path / "p.sqlite3")
    env = environment(tmp_path)
    script = Path(sys.executable).parent / "popcorn"
    if not script.exists():
        pytest.skip(f"no installed popcorn script at {script}")
    done = subprocess.run(
        [str(script), "import", str(RECORD)], capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Imported 1 record(s): 0 film(s) added, ")
