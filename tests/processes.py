"""`popcorn ARGS` as a user runs it, without paying Python's start-up for each run: `run_bot`
runs the command line in a NEW process forked from a server process that has already imported
the bot (the pytest process itself, which has threads, is never forked). The server is started
once per test process (`python -c "...serve()"`, single-threaded): it imports PRELOAD, then
forks one child per request it reads on its stdin and writes each child's exit status on its
stdout.

The child is made to look like a fresh `python -m bot ARGS`: it moves to `cwd`, takes `env` as
its whole environment, gets real descriptors 0/1/2 (stdin from a file holding `stdin`, or
/dev/null; stdout and stderr to files) with sys.stdin/stdout/stderr built on them as the
interpreter builds them for files and pipes, starts with no logging configured, runs
`bot.cli.main()` and ends as the interpreter would (exit status, traceback, joined threads,
atexit, flushed output). What the server computed at start-up from its own environment (the
interpreter's flags and locale, the text encoding of stdio, C extensions' switches) cannot be
redone in a fork: when `env` differs from the server's in anything but what the bot reads while
it runs (RUNTIME_VARIABLES), the child execs a fresh `python -m bot` instead (same descriptors,
same result, the start-up paid).

POPCORN_TEST_SUBPROCESS=1: every run is a plain `subprocess.run([python, "-m", "bot", ...])`
instead (same signature, same result) -- the runner's own check."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from itertools import count
from pathlib import Path
from typing import Any

#: Set (to anything but "" or "0") to run every command in a plain subprocess.
SUBPROCESS_ENV = "POPCORN_TEST_SUBPROCESS"
REPO = Path(__file__).resolve().parents[1]
#: Imported once by the server, before it forks: what `popcorn chat/import/export/sync/db`
#: import on their way (bot.cli imports the rest lazily). None of them reads the environment
#: or the working folder, starts a thread, opens a socket, sets a signal handler or an asyncio
#: policy, or configures logging when imported (tests/test_processes.py checks the server);
#: bot.config's `get_settings` cache is cleared in the child all the same. Left out:
#: bot.discord_bot.runner (signal handlers, the gateway), which these tests never reach.
PRELOAD = (
    "bot.cli",
    "bot.app",
    "bot.chat.console",
    "bot.chat.guild",
    "bot.chat.interactions",
    "bot.chat.terminal",
    "bot.db.exporter",
    "bot.db.importer",
    "bot.db.locks",
    "bot.db.migrate",
    "bot.discord_bot.render",
    "bot.discord_bot.views",
    "bot.records.wxr",
    "bot.sync.http",
    "bot.sync.run",
    "aiosqlite",
    "asyncpg",
    "rich.progress",
    "sqlalchemy.dialects.postgresql.asyncpg",
    "sqlalchemy.dialects.sqlite.aiosqlite",
)
#: Environment variables read only while the bot runs (never at import or interpreter
#: start-up), so a forked child may take the test's values: the bot's settings, the terminal
#: settings rich reads when a Console is made, TZ (time.tzset is called), PYTHONPATH (put on
#: sys.path), and the working folder and pytest's current test.
RUNTIME_VARIABLES = frozenset(
    {
        "DISCORD_TOKEN",
        "DATABASE_URL",
        "COLUMNS",
        "LINES",
        "FORCE_COLOR",
        "NO_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "TERM",
        "COLORTERM",
        "TZ",
        "PYTHONPATH",
        "PWD",
        "OLDPWD",
        "PYTEST_CURRENT_TEST",
    }
)
RUNTIME_PREFIXES = ("POPCORN_",)
DEFAULT_TIMEOUT = 180.0


def _uses_subprocess() -> bool:
    return os.environ.get(SUBPROCESS_ENV, "") not in ("", "0")


def run_bot(
    args: Sequence[str],
    *,
    cwd: Path | str,
    env: Mapping[str, str],
    stdin: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """`popcorn ARGS` in `cwd` with exactly the environment `env`, reading `stdin` (None: an
    empty stdin, /dev/null): its exit status and what it printed (UTF-8, newlines as
    `subprocess.run(text=True)` gives them). subprocess.TimeoutExpired after `timeout` seconds
    (the process killed first)."""
    return run_module("bot", args, cwd=cwd, env=env, stdin=stdin, timeout=timeout)


def run_module(
    module: str,
    args: Sequence[str],
    *,
    cwd: Path | str,
    env: Mapping[str, str],
    stdin: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """As run_bot, `python -m MODULE ARGS`: "bot" runs bot.cli.main() as bot/__main__.py does;
    another module (tests.docs.cli_driver) is run as `__main__` by runpy, as `-m` runs it (not
    in PRELOAD: runpy warns about a module imported before it runs it)."""
    argv = [str(arg) for arg in args]
    if _uses_subprocess():
        return subprocess.run(
            [sys.executable, "-m", module, *argv],
            input=stdin,
            stdin=subprocess.DEVNULL if stdin is None else None,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=dict(env),
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
    with tempfile.TemporaryDirectory(prefix="popcorn-run-") as folder:
        files = Path(folder)
        stdin_path = os.devnull
        if stdin is not None:
            stdin_path = str(files / "stdin")
            Path(stdin_path).write_bytes(stdin.encode("utf-8"))
        out, err = files / "stdout", files / "stderr"
        request = {
            "module": module,
            "argv": argv,
            "cwd": str(Path(cwd).resolve()),
            "env": dict(env),
            "stdin": stdin_path,
            "stdout": str(out),
            "stderr": str(err),
        }
        code = _server().run(request, timeout)
        if code is None:
            raise subprocess.TimeoutExpired(
                ["popcorn", *argv], timeout, output=_text(out), stderr=_text(err)
            )
        return subprocess.CompletedProcess(["popcorn", *argv], code, _text(out), _text(err))


def _text(path: Path) -> str:
    """A file's bytes as subprocess.run(text=True, encoding="utf-8") decodes a pipe's."""
    data = path.read_bytes() if path.exists() else b""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


class _Server:
    """The fork server as its client sees it: requests written on its stdin (one JSON line
    each, any thread), exit statuses read from its stdout by a thread of ours."""

    def __init__(self) -> None:
        # Run in the repository (`-c` puts the working folder first on sys.path: tests.processes
        # is found), in this process's environment.
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from tests.processes import serve; serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO,
        )  # fmt: skip
        self.lock = threading.Lock()
        self.ids = count(1)
        self.waiting: dict[int, queue.Queue[int | None]] = {}
        threading.Thread(target=self._read, name="popcorn-fork-server", daemon=True).start()
        atexit.register(self.close)

    def close(self) -> None:
        """The end of its stdin ends the server (its running children run on)."""
        assert self.process.stdin is not None
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            ident, code = (int(word) for word in line.split())
            waiting = self.waiting.get(ident)
            if waiting is not None:
                waiting.put(code)
        for waiting in list(self.waiting.values()):  # the server is gone
            waiting.put(None)

    def _send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        with self.lock:
            self.process.stdin.write(json.dumps(message).encode("utf-8") + b"\n")
            self.process.stdin.flush()

    def run(self, request: dict[str, Any], timeout: float) -> int | None:
        """The exit status of the child run for `request`; None: killed after `timeout`."""
        ident = next(self.ids)
        done: queue.Queue[int | None] = queue.Queue()
        self.waiting[ident] = done
        try:
            self._send({"id": ident, **request})
            try:
                code = done.get(timeout=timeout)
            except queue.Empty:
                self._send({"id": ident, "kill": True})
                done.get()
                return None
        finally:
            del self.waiting[ident]
        if code is None:
            raise RuntimeError("the popcorn fork server stopped (its stderr says why)")
        return code


_server_lock = threading.Lock()
_the_server: _Server | None = None


def _server() -> _Server:
    global _the_server
    with _server_lock:
        if _the_server is None or _the_server.process.poll() is not None:
            _the_server = _Server()
        return _the_server


# --- the server ----------------------------------------------------------------------------


def serve() -> None:
    """The fork server's loop: PRELOAD imported, then a child forked for each request line on
    stdin; `{id} {exit status}` written on stdout when it ends (negative: killed by that
    signal); a request with "kill" kills its running child. Ends at the end of stdin."""
    import importlib
    import select
    import signal

    for name in PRELOAD:
        importlib.import_module(name)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    running: dict[int, int] = {}  # pid -> request id
    pending = b""
    while True:
        ready, _, _ = select.select([0, wake_r], [], [])
        if wake_r in ready:
            try:
                while os.read(wake_r, 4096):
                    pass
            except BlockingIOError:
                pass
            while running:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
                ident = running.pop(pid, None)
                if ident is not None:
                    os.write(1, f"{ident} {os.waitstatus_to_exitcode(status)}\n".encode())
        if 0 in ready:
            data = os.read(0, 1 << 16)
            if not data:
                return
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                request = json.loads(line)
                if request.get("kill"):
                    for pid, ident in running.items():
                        if ident == request["id"]:
                            os.kill(pid, signal.SIGKILL)
                    continue
                pid = os.fork()
                if pid == 0:
                    try:
                        signal.set_wakeup_fd(-1)
                        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                        os.close(wake_r)
                        os.close(wake_w)
                        _child(request)
                    finally:
                        os._exit(70)  # _child never returns: a failure of the runner itself
                running[pid] = request["id"]


# --- in the child ----------------------------------------------------------------------------


def _child(request: dict[str, Any]) -> None:
    """The forked child: becomes `python -m bot ARGV` and never returns (os._exit)."""
    argv: list[str] = request["argv"]
    module: str = request["module"]
    env: dict[str, str] = request["env"]
    _redirect(0, os.open(request["stdin"], os.O_RDONLY))
    _redirect(1, os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    _redirect(2, os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    os.chdir(request["cwd"])
    if startup_differences(os.environ, env):
        # The interpreter would start otherwise: a fresh one, on the same descriptors.
        os.execve(sys.executable, [sys.executable, "-m", module, *argv], env)
    _become_fresh(argv, request["cwd"], env)
    os._exit(_run_main(module))


def _redirect(fd: int, opened: int) -> None:
    os.dup2(opened, fd)
    os.close(opened)


def startup_differences(server: Mapping[str, str], env: Mapping[str, str]) -> list[str]:
    """The variables `env` sets otherwise than the server's environment that are not read only
    while the bot runs: a process forked from the server would not have started as one
    started with `env`."""
    names = set(server) | set(env)
    return sorted(
        name
        for name in names
        if server.get(name) != env.get(name)
        and name not in RUNTIME_VARIABLES
        and not name.startswith(RUNTIME_PREFIXES)
    )


def _become_fresh(argv: list[str], cwd: str, env: dict[str, str]) -> None:
    import io
    import logging
    import time

    from bot.config import get_settings

    ours = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    os.environ.clear()
    os.environ.update(env)
    time.tzset()
    sys.argv = ["popcorn", *argv]
    # `python -m` puts the working folder first, then PYTHONPATH's folders (the server's own
    # PYTHONPATH and `-c`'s "" go).
    first = [cwd, *(p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p)]
    rest = [p for p in sys.path if p not in first and p not in ours and p != ""]
    sys.path[:] = [*first, *rest]

    # The interpreter's stdio on files and pipes (Python/pylifecycle.c, create_stdio):
    # buffered unless PYTHONUNBUFFERED, "\n" newlines, stderr line-buffered, the encoding
    # and error handlers the server's interpreter chose (its environment is the same in
    # what decides them, or the child would have exec'd).
    buffered = not env.get("PYTHONUNBUFFERED")

    def stdio(fd: int, original: Any, default_errors: str) -> io.TextIOWrapper:
        writing = fd != 0
        binary = open(  # noqa: SIM115 (the process's stdio, never closed)
            fd, "wb" if writing else "rb", buffering=-1 if buffered or not writing else 0,
            closefd=False,
        )  # fmt: skip
        raw: Any = getattr(binary, "raw", binary)
        raw.name = ("<stdin>", "<stdout>", "<stderr>")[fd]
        text = io.TextIOWrapper(
            binary,
            encoding=getattr(original, "encoding", None) or "utf-8",
            errors=getattr(original, "errors", None) or default_errors,
            newline="\n",
            line_buffering=buffered and (fd == 2 or os.isatty(fd)),
            write_through=not buffered,
        )
        text.mode = "w" if writing else "r"  # type: ignore[misc]
        return text

    for fd, name, errors in ((0, "stdin", "strict"), (1, "stdout", "strict"),
                             (2, "stderr", "backslashreplace")):  # fmt: skip
        stream = stdio(fd, getattr(sys, f"__{name}__"), errors)
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)

    # Logging as a fresh process has it: nothing configured (bot.cli configures it in main()).
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    logging.disable(logging.NOTSET)
    get_settings.cache_clear()


def _run_main(module: str) -> int:
    """bot/__main__.py's `raise SystemExit(main())` (another module: run as `__main__`), ended
    as the interpreter ends it: the exit status, a traceback for any other exception, the
    threads joined, atexit run, stdio flushed."""
    import runpy

    try:
        if module != "bot":
            runpy.run_module(module, run_name="__main__", alter_sys=True)
            raise SystemExit(None)
        from bot.cli import main

        raise SystemExit(main())
    except SystemExit as exc:
        status = exit_status(exc)
    except BaseException:
        sys.excepthook(*sys.exc_info())
        status = 1
    try:
        threading._shutdown()  # type: ignore[attr-defined]
        atexit._run_exitfuncs()
    except BaseException:
        sys.excepthook(*sys.exc_info())
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = 120  # what the interpreter exits with when stdout cannot be flushed
    return status


def exit_status(exc: SystemExit) -> int:
    """The exit status a `SystemExit` gives at the top of a program: None 0, an int itself, else
    it is printed on stderr and the status is 1."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF  # as the operating system keeps it
    print(exc.code, file=sys.stderr)
    return 1
