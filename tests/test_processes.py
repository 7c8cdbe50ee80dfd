"""tests/processes.py: `popcorn` forked from a server that has the bot imported behaves as a fresh
`python -m bot` (and the real entry points, bot/__main__.py and the installed `popcorn` script,
still run)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO
from tests.processes import (
    SUBPROCESS_ENV,
    exit_status,
    run_bot,
    run_module,
    start_bot,
    start_bot_async,
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
    -m bot`), on a copy of the seeded database: it runs a chat and exits 0. (A chat with its
    message as an argument is run forked by tests/chat and the docs' examples, against the
    replies they expect.)"""
    shutil.copyfile(seeded_sqlite, tmp_path / "p.sqlite3")
    (tmp_path / ".env").write_text("POPCORN_AFFILIATE_TAG=envfile-21\n", encoding="utf-8")
    env = environment(tmp_path, COLUMNS="70", POPCORN_PREFIX="?")
    lines = "?buy leaving las vegas\n?verdict leaving las vegas\n"
    lines += "?review léaving las végas\r1995\n!cage\n"
    cases: list[tuple[list[str], str | None]] = [(["no-such-command"], None), (["chat"], lines)]
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
    assert [done.returncode for done in outputs] == [2, 0]
    assert "&tag=envfil" in outputs[1].stdout  # the .env file's affiliate tag (wrapped at 70)
    assert "Great film let down" in outputs[1].stdout  # ?verdict: the prefix from env
    # bot/__main__.py through `python -m bot`: a chat run, exit 0 (test_the_real_entry_points)
    assert plains[1].returncode == 0, plains[1].stderr
    assert "Great film let down by poor audio" in plains[1].stdout


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


# --- processes kept running: start_bot (Popen) and start_bot_async (asyncio) ---------------


def start_forked(
    args: list[str], tmp_path: Path, env: dict[str, str], **popen: Any
) -> subprocess.Popen[str]:
    """`popcorn ARGS` started by start_bot, on text pipes unless `popen` says otherwise."""
    return start_bot(args, cwd=tmp_path, env=env, **pipes(**popen))


def start_plain(
    args: list[str], tmp_path: Path, env: dict[str, str], **popen: Any
) -> subprocess.Popen[str]:
    """The same in a plain `python -m bot` Popen."""
    command = [sys.executable, "-m", "bot", *args]
    return subprocess.Popen(command, cwd=tmp_path, env=env, **pipes(**popen))


def pipes(**popen: Any) -> dict[str, Any]:
    return {
        "stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE,
        "text": True, "encoding": "utf-8", **popen,
    }  # fmt: skip


def popen_both_ways(
    args: list[str], tmp_path: Path, env: dict[str, str]
) -> tuple[subprocess.Popen[str], subprocess.Popen[str]]:
    """Both at once: start_forked's, then start_plain's."""
    return start_forked(args, tmp_path, env), start_plain(args, tmp_path, env)


def without_ids(replies: Any) -> Any:
    """JSON replies without their components' custom_id (discord.py draws it at random)."""
    if isinstance(replies, dict):
        return {k: without_ids(v) for k, v in replies.items() if k != "custom_id"}
    if isinstance(replies, list):
        return [without_ids(v) for v in replies]
    return replies


def alive(pid: int) -> bool:
    """The process is there and has not ended (a zombie has)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def test_a_started_process_answers_as_python_dash_m_bot(
    tmp_path: Path, seeded_sqlite: Path
) -> None:
    """start_bot against a plain Popen of `python -m bot` on the same commands: the same exit
    status and output for a usage error (stderr to stdout), an import (stdin /dev/null), and a
    JSON chat fed line by line whose end of stdin ends it (exit 0). Both chats run at once,
    each a process of its own."""
    shutil.copyfile(seeded_sqlite, tmp_path / "p.sqlite3")
    env = environment(tmp_path, POPCORN_PREFIX="?")
    # A usage error, its stderr on stdout; an import, no stdin.
    for args, popen in (
        (["no-such-command"], {"stderr": subprocess.STDOUT}),
        (["import", str(RECORD)], {"stdin": subprocess.DEVNULL}),
    ):
        done = []
        for start in (start_forked, start_plain):  # one at a time: an import waits for another
            proc = start(args, tmp_path, env, **popen)
            done.append((proc.communicate(timeout=120), proc.returncode))
        assert done[0] == done[1], args
    assert done[0][1] == 0 and done[0][0][0].startswith("Imported 1 record(s): ")
    # A chat kept running: a line in, a JSON line out, stdin closed: it ends.
    forked, plain = popen_both_ways(["chat", "--json"], tmp_path, env)
    assert forked.pid != plain.pid and forked.pid != os.getpid()
    assert alive(forked.pid) and alive(plain.pid)
    replies = []
    for proc in (forked, plain):
        assert proc.stdin is not None and proc.stdout is not None
        for line in ("?verdict leaving las vegas", "?review léaving las végas"):
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
            replies.append(json.loads(proc.stdout.readline()))
        assert proc.poll() is None
    assert without_ids(replies[:2]) == without_ids(replies[2:])
    assert "Great film let down" in json.dumps(replies[0])
    ends = []
    for proc in (forked, plain):
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
        ends.append((proc.returncode, proc.stdout.read(), proc.stderr.read()))
        proc.stdout.close()
        proc.stderr.close()
    assert ends[0] == ends[1] == (0, "", "")
    assert not alive(forked.pid)


def test_a_started_process_is_killed_and_times_out_as_a_plain_one(
    tmp_path: Path, seeded_sqlite: Path
) -> None:
    """A chat waiting on its open stdin: wait(timeout) raises TimeoutExpired and poll() says
    running; terminate() and kill() end it (-SIGTERM, -SIGKILL) as they end a plain one, and a
    signal to an ended process is a no-op. communicate(timeout) on a process that sleeps: the
    output so far kept, the process killed, communicate() ends. (SIGKILL cannot be caught: any
    process ends -SIGKILL, so that ending is not run on a plain one too.)"""
    shutil.copyfile(seeded_sqlite, tmp_path / "p.sqlite3")
    env = environment(tmp_path)
    for ending, status in (("terminate", -signal.SIGTERM), ("kill", -signal.SIGKILL)):
        procs = popen_both_ways if ending == "terminate" else lambda *a: [start_forked(*a)]
        for proc in procs(["chat"], tmp_path, env):
            with proc:
                with pytest.raises(subprocess.TimeoutExpired):
                    proc.wait(timeout=0.05)
                assert proc.poll() is None and proc.returncode is None
                getattr(proc, ending)()
                assert proc.wait(timeout=60) == status, (ending, type(proc))
                proc.kill()  # already ended: nothing happens
                assert proc.poll() == status
            assert not alive(proc.pid)
    sleeping = [
        start_bot(["sleep"], module="tests.processes_probe", cwd=tmp_path, env=env,
                  stdout=subprocess.PIPE, stderr=subprocess.PIPE),
        subprocess.Popen([sys.executable, "-m", "tests.processes_probe", "sleep"], cwd=tmp_path,
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE),
    ]  # fmt: skip
    for proc in sleeping:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.communicate(timeout=0.1)
        assert proc.poll() is None
        proc.kill()
        assert proc.communicate(timeout=60) == (b"", b"")
        assert proc.returncode == -signal.SIGKILL


def test_the_started_child_starts_as_a_fresh_process(tmp_path: Path) -> None:
    """What a child started by start_bot on pipes sees (tests/processes_probe.py): the same as
    a plain `python -m` Popen on pipes (its stdio on pipes, the environment, sys.path, no
    handler, thread or policy); a child of the fork server, not of this process."""
    env = environment(tmp_path, POPCORN_PROBE="1")
    options: dict[str, Any] = {
        "stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE,
    }  # fmt: skip
    forked = start_bot(["a b"], module="tests.processes_probe", cwd=tmp_path, env=env, **options)
    plain = subprocess.Popen(
        [sys.executable, "-m", "tests.processes_probe", "a b"], cwd=tmp_path, env=env, **options
    )
    out, err = forked.communicate(b"x\r\n", timeout=60)
    fresh_out, fresh_err = plain.communicate(b"x\r\n", timeout=60)
    assert forked.returncode == plain.returncode == 3, err
    seen, fresh = json.loads(out), json.loads(fresh_out)
    if os.environ.get(SUBPROCESS_ENV, "") in ("", "0"):
        assert seen["ppid"] != os.getpid()
    assert fresh["ppid"] == os.getpid()
    assert seen["environ"] == env and seen["argv"][1:] == ["a b"]
    keys = ("environ", "cwd", "path0", "stdio", "root_handlers", "root_level", "threads")
    for key in (*keys, "signals", "asyncio_policy", "bot_modules_from", "stdin"):
        assert seen[key] == fresh[key], key
    assert err == fresh_err == b"probe: stderr\n"


async def test_the_asyncio_form_answers_as_create_subprocess_exec(
    tmp_path: Path, seeded_sqlite: Path
) -> None:
    """start_bot_async against asyncio.create_subprocess_exec of `python -m bot`: a JSON chat
    through StreamWriter/StreamReader, then communicate(input) ends it (its stdin closed: exit
    0, the rest of the output read); kill() (-SIGKILL: any process ends so, the forked one
    only)."""
    shutil.copyfile(seeded_sqlite, tmp_path / "p.sqlite3")
    env = environment(tmp_path)
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    args = ["chat", "--json"]
    forked = await start_bot_async(args, cwd=tmp_path, env=env, **pipes)
    plain = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=tmp_path, env=env, **pipes
    )
    assert forked.pid != plain.pid and alive(forked.pid)
    replies, ends = [], []
    for proc in (forked, plain):
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(b"!verdict leaving las vegas\n")
        await proc.stdin.drain()
        replies.append(json.loads(await asyncio.wait_for(proc.stdout.readline(), 60)))
        assert proc.returncode is None
    for proc in (forked, plain):
        out, err = await asyncio.wait_for(proc.communicate(b"!cage\n"), 60)
        ends.append((proc.returncode, without_ids(json.loads(out or b"null")), err))
    assert without_ids(replies[0]) == without_ids(replies[1])
    assert "Great film let down" in json.dumps(replies[0])
    assert ends[0] == ends[1] and ends[0][0] == 0 and ends[0][2] == b""
    assert "Nicolas Cage" in json.dumps(ends[0][1])
    assert not alive(forked.pid)

    killed = await start_bot_async(["chat"], cwd=tmp_path, env=env, **pipes)
    killed.kill()
    assert await asyncio.wait_for(killed.wait(), 60) == -signal.SIGKILL
    await asyncio.wait_for(killed.communicate(), 60)  # its pipes end with it
    assert not alive(killed.pid)
