"""Run several `popcorn` command lines in this one process, one after the other, through the
command line's `main()`: `python -m tests.docs.cli_driver` reads a JSON list of argument lists
on stdin and writes a JSON list of {"output", "exit_code"} (stdout and stderr together, as a
terminal shows them)."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys

from bot.cli import main as popcorn


def run(argv: list[str]) -> dict[str, object]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            code = popcorn(argv)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    # `main()` points logging at the stderr of its time: forget it for the next command.
    for handler in logging.getLogger().handlers[:]:
        logging.getLogger().removeHandler(handler)
    return {"output": output.getvalue(), "exit_code": code}


def main() -> None:
    commands = json.load(sys.stdin)
    results = [run([str(word) for word in argv]) for argv in commands]
    sys.stdout.write(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
