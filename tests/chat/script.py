"""End-to-end moderator scripts: lines typed into `popcorn chat --moderator --json` in a
process of its own (tests/processes.py), against the database a test names (a SQLite file or
a scratch PostgreSQL database), exactly as a moderator would type them offline."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.helpers import REPO
from tests.processes import run_bot


def _env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "DATABASE_URL")}
    env["DATABASE_URL"] = database_url
    return env


def popcorn(args: Sequence[str], database_url: str, stdin: str | None = None) -> str:
    """`popcorn <args>` on `database_url` (exit 0 asserted): what it printed."""
    done = run_bot(args, cwd=REPO, env=_env(database_url), stdin=stdin, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


def reply_text(messages: list[dict[str, Any]]) -> str:
    """One reply (the messages a line got) as the plain text a moderator reads."""
    parts: list[str] = []
    for message in messages:
        parts.append(message.get("content") or "")
        for embed in message.get("embeds", []):
            parts.extend([embed.get("title") or "", embed.get("description") or ""])
            parts.extend(f"{f['name']}: {f['value']}" for f in embed.get("fields", []))
        for row in message.get("components", []):
            parts.extend(f"[{c.get('label')}]" for c in row.get("components", []))
    return "\n".join(part for part in parts if part)


def chat_messages(
    database_url: str, lines: Sequence[str], *, flags: Sequence[str] = ()
) -> list[list[dict[str, Any]]]:
    """The messages (as `--json` prints them) each line typed into `popcorn chat --moderator`
    got, one list a line, in order; `flags`: more of `popcorn chat`'s options."""
    out = popcorn(["chat", "--json", "--moderator", *flags], database_url, "\n".join(lines) + "\n")
    replies = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(replies) == len(lines), out
    return replies


async def run_script(
    database_url: str,
    lines: Sequence[str],
    *,
    imports: Sequence[Path] = (),
    flags: Sequence[str] = (),
) -> list[str]:
    """The replies (plain text) to each line typed, after importing `imports` first;
    `flags`: more of `popcorn chat`'s options (`--not-owner`)."""

    def run() -> list[str]:
        for path in imports:
            popcorn(["import", str(path)], database_url)
        return [reply_text(reply) for reply in chat_messages(database_url, lines, flags=flags)]

    return await asyncio.to_thread(run)
