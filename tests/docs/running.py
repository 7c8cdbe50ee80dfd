"""Running the examples: a `popcorn-chat` block in-process through `run_chat` (what
`popcorn chat` runs, on stdin), the `popcorn-cli` lines of a page in one process
(tests/docs/cli_driver.py, forked by tests/processes.py) through the command line's `main()`."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.app import Popcorn
from bot.chat.console import run_chat
from bot.db.urls import to_async_url
from tests.docs.markdown import Example
from tests.helpers import REPO, make_settings
from tests.processes import run_module

#: Files the examples name (`--attach mandy.yaml`, `popcorn import bad.yaml`), copied into the
#: folder the examples run in, beside a link to data/.
FILES = Path(__file__).resolve().parent / "files"
#: The examples show the terminal drawing at this width.
COLUMNS = "80"
#: Settings a developer's environment may hold that would change the replies.
UNSET = (
    "DISCORD_TOKEN",
    "DATABASE_URL",
    "POPCORN_DB_PATH",
    "POPCORN_DATA_DIR",
    "POPCORN_PREFIX",
    "POPCORN_AFFILIATE_TAG",
    "POPCORN_PROJECT_PERSON",
    "FORCE_COLOR",
    "NO_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "LINES",
)


def prepare_workdir(workdir: Path) -> Path:
    """The folder the examples run in: the files they name and `data` (the shipped data)."""
    workdir.mkdir(parents=True, exist_ok=True)
    for source in FILES.iterdir():
        shutil.copy(source, workdir / source.name)
    if not (workdir / "data").exists():
        (workdir / "data").symlink_to(REPO / "data", target_is_directory=True)
    return workdir


class _Typed(io.StringIO):
    """stdin holding the typed messages; each read notes where the output has got to, so the
    output can be cut into each message's replies."""

    def __init__(self, messages: Sequence[str], output: io.StringIO) -> None:
        super().__init__("".join(f"{message}\n" for message in messages))
        self.output = output
        self.marks: list[int] = []

    def isatty(self) -> bool:
        return False

    # typeshed's StringIO inherits _IOBase.readline (bytes) before TextIOBase's (str).
    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        self.marks.append(self.output.tell())
        return super().readline(-1 if size is None else size)


async def chat_outputs(app: Popcorn, example: Example) -> list[str]:
    """What `popcorn chat` (readable mode, reading stdin) prints after each message."""
    output = io.StringIO()
    typed = _Typed([step.typed for step in example.steps], output)
    await run_chat(
        app, [], as_json=False, moderator=example.moderator, attachments=[], stdin=typed,
        stdout=output,
    )  # fmt: skip
    text = output.getvalue()
    # Message i was read at marks[i]; its replies run up to the next read (or the end).
    marks = [*typed.marks, *[len(text)] * (len(example.steps) + 1)]
    return [text[marks[i] : marks[i + 1]] for i in range(len(example.steps))]


async def start_app(database: Path) -> Popcorn:
    """The bot's core on a copy-able SQLite file, with the test settings (the shipped data)."""
    return await Popcorn.start(make_settings(to_async_url(f"sqlite:///{database}")))


def seed_database(database: Path) -> Path:
    """A SQLite file loaded from data/, as on a first start."""

    async def seed() -> None:
        app = await start_app(database)
        await app.close()

    asyncio.run(seed())
    return database


@dataclass(frozen=True, slots=True)
class CliResult:
    output: str
    exit_code: int


def cli_environment(workdir: Path) -> dict[str, str]:
    """As tests/helpers.py's run_popcorn: no token, no affiliate tag, the default prefix and
    data folder, a SQLite file in the work folder; and 80 columns."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    db = workdir / "popcorn.sqlite3"
    env["POPCORN_DB_PATH"] = str(db)
    env["DATABASE_URL"] = f"sqlite:///{db}"
    env["PYTHONPATH"] = str(REPO)
    env["COLUMNS"] = COLUMNS
    return env


def cli_outputs(examples: Sequence[Example], workdir: Path) -> list[list[CliResult]]:
    """Every command line of a page's `popcorn-cli` blocks, in order, in ONE process, on one
    database that starts empty (the first `chat` loads data/, `import` does not)."""
    commands = [step.argv for example in examples for step in example.steps]
    result = run_module(
        "tests.docs.cli_driver", [], cwd=workdir, env=cli_environment(workdir),
        stdin=json.dumps(commands), timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    flat: list[dict[str, Any]] = json.loads(result.stdout)
    results = iter(CliResult(item["output"], item["exit_code"]) for item in flat)
    return [[next(results) for _ in example.steps] for example in examples]


async def run_chat_example(example: Example, seeded: Path, workdir: Path) -> list[str]:
    """A `popcorn-chat` block on its own copy of the seeded database, in the work folder."""
    database = workdir / f"chat-{example.block.first}.sqlite3"
    shutil.copy(seeded, database)
    app = await start_app(database)
    try:
        with contextlib.chdir(workdir):
            return await chat_outputs(app, example)
    finally:
        await app.close()
        database.unlink()


async def run_member_example(app: Popcorn, example: Example, workdir: Path) -> list[str]:
    """A member's `popcorn-chat` block (not --moderator: a member's commands never write) on
    `app`, a started app on a copy of the seeded database shared by such blocks, its document
    cache emptied first, in the work folder."""
    assert not example.moderator, example.name
    app.documents.clear()
    with contextlib.chdir(workdir):
        return await chat_outputs(app, example)
