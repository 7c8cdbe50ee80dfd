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

A process kept running and talked to through pipes (several bot processes at once, an import
waiting for another): `start_bot` gives a `subprocess.Popen` (ForkedPopen: the same class, its
child forked by the server), `start_bot_async` an object with asyncio.subprocess.Process's
interface (StreamWriter stdin, StreamReader stdout/stderr, wait, kill, communicate). Their
pipes are made here and their child's ends passed to the server over a Unix socket
(SCM_RIGHTS); the child becomes `python -m bot ARGS` on them as run_bot's children do. Each
child is its own OS process, running beside the others.

POPCORN_TEST_SUBPROCESS=1: every run is a plain `subprocess.run([python, "-m", "bot", ...])`
instead (same signature, same result), `start_bot` a plain `subprocess.Popen` and
`start_bot_async` `asyncio.create_subprocess_exec` -- the runner's own check."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import os
import signal
import socket
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


class _Job:
    """One child as the client sees it: its pid once forked, its exit status once reaped (None:
    the server went away first); callbacks run (in the reader thread) when it ends."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.ended = threading.Event()
        self.pid = 0
        self.code: int | None = None
        self.lock = threading.Lock()
        self.callbacks: list[Any] = []

    def start(self, pid: int) -> None:
        self.pid = pid
        self.started.set()

    def end(self, code: int | None) -> None:
        with self.lock:
            self.code = code
            self.ended.set()
            callbacks, self.callbacks = self.callbacks, []
        self.started.set()
        for callback in callbacks:
            # A waiter's loop may be closed by now: the reader thread must live on.
            with contextlib.suppress(Exception):
                callback()

    def when_ended(self, callback: Any) -> None:
        with self.lock:
            if not self.ended.is_set():
                self.callbacks.append(callback)
                return
        callback()


class _Server:
    """The fork server as its client sees it: requests sent on a Unix socket (one message each,
    any thread, with the descriptors the child is to have), `{id} pid {pid}` and `{id} {exit
    status}` read from its stdout by a thread of ours."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # Run in the repository (`-c` puts the working folder first on sys.path: tests.processes
        # is found), in this process's environment.
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from tests.processes import serve; serve()",
             str(theirs.fileno())],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, cwd=REPO,
            pass_fds=[theirs.fileno()],
        )  # fmt: skip
        theirs.close()
        self.socket = ours
        self.lock = threading.Lock()
        self.ids = count(1)
        self.jobs: dict[int, _Job] = {}
        threading.Thread(target=self._read, name="popcorn-fork-server", daemon=True).start()
        atexit.register(self.close)

    def close(self) -> None:
        """The end of its socket ends the server (its running children run on)."""
        with contextlib.suppress(OSError):
            self.socket.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            words = line.split()
            job = self.jobs.get(int(words[0]))
            if job is None:
                continue
            if words[1] == b"pid":
                job.start(int(words[2]))
            else:
                job.end(int(words[1]))
        for job in list(self.jobs.values()):  # the server is gone
            job.end(None)

    def _send(self, message: dict[str, Any], fds: Sequence[int] = ()) -> None:
        data = json.dumps(message).encode("utf-8")
        with self.lock:
            socket.send_fds(self.socket, [data], list(fds))

    def start(self, request: dict[str, Any], fds: Sequence[int] = ()) -> tuple[int, _Job]:
        """A child forked for `request` (with `fds` as its 0, 1, 2 when given): its id, once
        the server has forked it (job.pid). Forget it with `done(ident)` once it has ended."""
        ident = next(self.ids)
        job = _Job()
        self.jobs[ident] = job
        self._send({"id": ident, **request}, fds)
        job.started.wait()
        if job.ended.is_set() and job.code is None:
            self.jobs.pop(ident, None)
            raise RuntimeError("the popcorn fork server stopped (its stderr says why)")
        return ident, job

    def signal(self, ident: int, signal_number: int) -> None:
        """The signal sent to the child of `ident` if it is still running (the server knows:
        it has not reaped it, so its pid is still its own)."""
        with contextlib.suppress(OSError):
            self._send({"id": ident, "signal": int(signal_number)})

    def done(self, ident: int) -> None:
        self.jobs.pop(ident, None)

    def run(self, request: dict[str, Any], timeout: float) -> int | None:
        """The exit status of the child run for `request`; None: killed after `timeout`."""
        ident, job = self.start(request)
        try:
            if not job.ended.wait(timeout):
                self.signal(ident, signal.SIGKILL)
                job.ended.wait()
                if job.code is not None:
                    return None
        finally:
            self.done(ident)
        if job.code is None:
            raise RuntimeError("the popcorn fork server stopped (its stderr says why)")
        return job.code


_server_lock = threading.Lock()
_the_server: _Server | None = None


def _server() -> _Server:
    global _the_server
    with _server_lock:
        if _the_server is None or _the_server.process.poll() is not None:
            _the_server = _Server()
        return _the_server


# --- processes kept running: Popen and asyncio forms ---------------------------------------


def start_bot(
    args: Sequence[str],
    *,
    cwd: Path | str,
    env: Mapping[str, str],
    module: str = "bot",
    **popen: Any,
) -> subprocess.Popen[Any]:
    """`popcorn ARGS` started as `subprocess.Popen([python, "-m", "bot", *ARGS], cwd=cwd,
    env=env, **popen)` starts it (stdin/stdout/stderr: PIPE, DEVNULL, STDOUT, a file, None;
    text, encoding, errors, bufsize), its child forked from the server: a ForkedPopen."""
    argv = [str(arg) for arg in args]
    command = [sys.executable, "-m", module, *argv]
    if _uses_subprocess():
        return subprocess.Popen(command, cwd=cwd, env=dict(env), **popen)
    return ForkedPopen(command, cwd=cwd, env=env, **popen)


class ForkedPopen(subprocess.Popen[Any]):
    """subprocess.Popen whose child is forked by the fork server instead of this process: its
    pipes (made by Popen as for any child) are passed to the server, which forks a child that
    becomes `python -m MODULE ARGS` on them. Waiting, polling and signals go through the
    server, which reaps the child; all the rest (communicate, the text layers, timeouts, the
    context manager) is Popen's own code. Popen's hooks for its POSIX child are overridden:
    _execute_child, _internal_poll, _wait, send_signal."""

    _fork_ident = 0
    _fork_job: _Job | None = None
    _fork_server: _Server | None = None

    def _execute_child(  # type: ignore[override]
        self,
        args: list[str],
        executable: Any,
        preexec_fn: Any,
        close_fds: bool,
        pass_fds: Sequence[int],
        cwd: Any,
        env: Mapping[str, str] | None,
        startupinfo: Any,
        creationflags: int,
        shell: bool,
        p2cread: int,
        p2cwrite: int,
        c2pread: int,
        c2pwrite: int,
        errread: int,
        errwrite: int,
        *rest: Any,
    ) -> None:
        if shell or preexec_fn is not None or pass_fds or executable is not None:
            raise ValueError("ForkedPopen runs `python -m MODULE ARGS` only")
        if args[:2] != [sys.executable, "-m"]:
            raise ValueError(f"not a `python -m` command line: {args!r}")
        # -1: the child has this process's descriptor, as a Popen child inherits it.
        fds = [fd if fd != -1 else own for fd, own in ((p2cread, 0), (c2pwrite, 1), (errwrite, 2))]
        request = {
            "module": args[2],
            "argv": [str(arg) for arg in args[3:]],
            "cwd": str(Path(os.fsdecode(cwd) if cwd is not None else os.getcwd()).resolve()),
            "env": dict(os.environ if env is None else env),
        }
        try:
            self._fork_server = _server()
            self._fork_ident, self._fork_job = self._fork_server.start(request, fds)
            self.pid = self._fork_job.pid
            self._child_created = True
        finally:
            self._close_pipe_fds(p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _internal_poll(self, _deadstate: int | None = None, **_: Any) -> int | None:  # type: ignore[override]
        # As Popen's: called by __del__ (nothing outside self used).
        job = self._fork_job
        if self.returncode is None and job is not None and job.ended.is_set():
            self.returncode = job.code if job.code is not None else _deadstate
            if self._fork_server is not None:
                self._fork_server.done(self._fork_ident)
        return self.returncode

    def _wait(self, timeout: float | None) -> int:
        job = self._fork_job
        assert job is not None
        if self.returncode is None:
            if not job.ended.wait(timeout):
                raise subprocess.TimeoutExpired(self.args, timeout)  # type: ignore[arg-type]
            if job.code is None:
                raise RuntimeError("the popcorn fork server stopped (its stderr says why)")
            self.returncode = job.code
            if self._fork_server is not None:
                self._fork_server.done(self._fork_ident)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        self.poll()
        if self.returncode is None and self._fork_server is not None:
            self._fork_server.signal(self._fork_ident, sig)


async def start_bot_async(
    args: Sequence[str],
    *,
    cwd: Path | str,
    env: Mapping[str, str],
    module: str = "bot",
    stdin: int | None = subprocess.PIPE,
    stdout: int | None = subprocess.PIPE,
    stderr: int | None = subprocess.PIPE,
    limit: int = 2**16,
) -> asyncio.subprocess.Process | ForkedProcess:
    """`popcorn ARGS` started as `asyncio.create_subprocess_exec(python, "-m", "bot", *ARGS,
    cwd=cwd, env=env, stdin=..., stdout=..., stderr=...)` starts it: a ForkedProcess, with the
    interface of asyncio.subprocess.Process, its child forked from the server."""
    argv = [str(arg) for arg in args]
    if _uses_subprocess():
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", module, *argv, cwd=cwd, env=dict(env),
            stdin=stdin, stdout=stdout, stderr=stderr, limit=limit,
        )  # fmt: skip
    popen = ForkedPopen(
        [sys.executable, "-m", module, *argv], cwd=cwd, env=env, bufsize=0,
        stdin=stdin, stdout=stdout, stderr=stderr,
    )  # fmt: skip
    process = ForkedProcess(popen)
    try:
        await process._connect(limit)
    except BaseException:
        popen.kill()
        raise
    return process


class ForkedProcess:
    """asyncio.subprocess.Process's interface on a ForkedPopen: stdin a StreamWriter, stdout
    and stderr StreamReaders (on the pipes, through the loop's pipe transports, as asyncio's
    own subprocess transport makes them), pid, returncode, wait(), send_signal(), terminate(),
    kill(), communicate()."""

    def __init__(self, popen: ForkedPopen) -> None:
        self._popen = popen
        self.pid = popen.pid
        self.stdin: asyncio.StreamWriter | None = None
        self.stdout: asyncio.StreamReader | None = None
        self.stderr: asyncio.StreamReader | None = None
        self._transports: dict[int, asyncio.BaseTransport] = {}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.pid}>"

    async def _connect(self, limit: int) -> None:
        loop = asyncio.get_running_loop()
        popen = self._popen
        if popen.stdin is not None:
            transport, protocol = await loop.connect_write_pipe(
                lambda: asyncio.streams.FlowControlMixin(loop), popen.stdin
            )
            self._transports[0] = transport
            self.stdin = asyncio.StreamWriter(transport, protocol, None, loop)
        for fd, pipe in ((1, popen.stdout), (2, popen.stderr)):
            if pipe is None:
                continue
            reader = asyncio.StreamReader(limit=limit, loop=loop)
            transport, _ = await loop.connect_read_pipe(
                lambda reader=reader: asyncio.StreamReaderProtocol(reader, loop=loop), pipe
            )
            self._transports[fd] = transport
            setattr(self, ("", "stdout", "stderr")[fd], reader)
        # The transports own the pipes now.
        popen.stdin = popen.stdout = popen.stderr = None

    @property
    def returncode(self) -> int | None:
        return self._popen.poll()

    async def wait(self) -> int:
        """Wait until the process exits and return its exit status."""
        job = self._popen._fork_job
        assert job is not None
        if not job.ended.is_set():
            loop = asyncio.get_running_loop()
            ended = loop.create_future()

            def wake() -> None:
                if not ended.done():
                    ended.set_result(None)

            job.when_ended(lambda: loop.call_soon_threadsafe(wake))
            await ended
        return self._popen.wait()

    def send_signal(self, sig: int) -> None:
        self._popen.send_signal(sig)

    def terminate(self) -> None:
        self._popen.terminate()

    def kill(self) -> None:
        self._popen.kill()

    async def communicate(self, input: bytes | None = None) -> tuple[bytes | None, bytes | None]:
        """As asyncio.subprocess.Process.communicate: `input` written (then stdin closed), both
        outputs read to their end, the exit awaited."""

        async def feed() -> None:
            if input is None or self.stdin is None:
                return
            try:
                self.stdin.write(input)
                await self.stdin.drain()
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.stdin.close()

        async def read(fd: int) -> bytes | None:
            stream = self.stdout if fd == 1 else self.stderr
            if stream is None:
                return None
            output = await stream.read()
            self._transports[fd].close()
            return output

        _, out, err = await asyncio.gather(feed(), read(1), read(2))
        await self.wait()
        return out, err


# --- the server ----------------------------------------------------------------------------


def serve() -> None:
    """The fork server's loop: PRELOAD imported, then a child forked for each request message
    on the socket whose descriptor is sys.argv[1] (its 0, 1, 2 the descriptors sent with it,
    else the files the request names); `{id} pid {pid}` written on stdout when it is forked,
    `{id} {exit status}` when it ends (negative: killed by that signal); a request with
    "signal" sends it to its running child. Ends at the end of the socket."""
    import gc
    import importlib
    import select

    for name in PRELOAD:
        importlib.import_module(name)
    # What the imports made lives as long as the server: frozen, a child's garbage collector does
    # not walk it (nor copy its pages, shared with the server, by touching them).
    gc.collect()
    gc.freeze()
    requests = socket.socket(fileno=int(sys.argv[1]))
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    running: dict[int, int] = {}  # pid -> request id
    while True:
        ready, _, _ = select.select([requests, wake_r], [], [])
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
        if requests in ready:
            data, fds, flags, _ = socket.recv_fds(requests, 1 << 20, 3)
            if not data:
                return
            if flags & (socket.MSG_TRUNC | socket.MSG_CTRUNC):
                raise RuntimeError("a request too long for the fork server")
            request = json.loads(data)
            if "signal" in request:
                for pid, ident in running.items():
                    if ident == request["id"]:
                        os.kill(pid, request["signal"])
                continue
            pid = os.fork()
            if pid == 0:
                try:
                    signal.set_wakeup_fd(-1)
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    os.close(wake_r)
                    os.close(wake_w)
                    requests.close()
                    _child(request, fds)
                finally:
                    os._exit(70)  # _child never returns: a failure of the runner itself
            for fd in fds:  # the child's own now: the ends of its pipes are its alone
                os.close(fd)
            running[pid] = request["id"]
            os.write(1, f"{request['id']} pid {pid}\n".encode())


# --- in the child ----------------------------------------------------------------------------


def _child(request: dict[str, Any], fds: list[int]) -> None:
    """The forked child: becomes `python -m bot ARGV` and never returns (os._exit)."""
    argv: list[str] = request["argv"]
    module: str = request["module"]
    env: dict[str, str] = request["env"]
    if fds:
        # Descriptors passed by the client (its pipes, or its own 0/1/2): numbered 3 and up
        # here (the server has 0, 1, 2 open), each put in its place, then closed.
        for fd, given in enumerate(fds):
            os.dup2(given, fd)
        for given in set(fds):
            os.close(given)
    else:
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
