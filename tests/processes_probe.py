"""What a process started by tests/processes.py sees of itself (tests/test_processes.py runs it
forked and as a fresh `python -m tests.processes_probe`): printed as JSON, exit status 3;
`sleep` as its argument: it sleeps (the timeout's test)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import threading
import time

if __name__ == "__main__":
    if sys.argv[1:] == ["sleep"]:
        time.sleep(60)

    def stream(name: str) -> dict[str, object]:
        text = getattr(sys, name)
        return {
            "same": text is getattr(sys, f"__{name}__"),
            "encoding": text.encoding,
            "errors": text.errors,
            "line_buffering": text.line_buffering,
            "write_through": text.write_through,
            "newlines": text.newlines,
            "mode": text.mode,
            "name": text.name,
            "fileno": text.fileno(),
            "isatty": text.isatty(),
            "buffer": type(text.buffer).__name__,
        }

    state = {
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "ppid": os.getppid(),
        "path0": sys.path[0],
        "argv": sys.argv,
        "stdio": {name: stream(name) for name in ("stdin", "stdout", "stderr")},
        "root_handlers": len(logging.getLogger().handlers),
        "root_level": logging.getLogger().level,
        "threads": threading.active_count(),
        "signals": {
            str(int(number)): str(signal.getsignal(number))
            for number in signal.valid_signals()
            if number not in (signal.SIGKILL, signal.SIGSTOP)
        },
        "asyncio_policy": repr(asyncio.events._event_loop_policy),
        "bot_modules_from": os.path.dirname(os.path.dirname(__import__("bot").__file__)),
        "stdin": sys.stdin.buffer.read().decode("utf-8"),
    }
    print(json.dumps(state))
    print("probe: stderr", file=sys.stderr)
    raise SystemExit(3)
