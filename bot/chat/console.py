"""A chat session: each line is a message a guild member typed; the replies are what the bot
would send on Discord, rendered by the same renderer."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rich.console import Console

from bot.app import Popcorn
from bot.chat.terminal import print_payload
from bot.discord_bot.render import Reply, render

ATTACH_COMMAND = ":attach "
QUIT_COMMANDS = {":quit", ":exit", ":q"}


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    data: bytes


@dataclass(slots=True)
class ChatSession:
    """One member talking to the bot in one channel."""

    app: Popcorn
    moderator: bool = False
    pending: list[Attachment] = field(default_factory=list)
    history: list[Reply] = field(default_factory=list)

    async def send(self, text: str, attachments: Sequence[Attachment] = ()) -> list[Reply]:
        """The bot's replies to one message (empty when the message is not for the bot)."""
        answer = await self.app.answer_text(text)
        replies = [] if answer is None else [render(answer)]
        self.history.extend(replies)
        return replies


def read_attachment(path: Path) -> Attachment:
    return Attachment(path.name, path.read_bytes())


async def run_chat(
    app: Popcorn,
    messages: Sequence[str],
    *,
    as_json: bool,
    moderator: bool,
    attachments: Sequence[Path],
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    console = Console(file=stdout, highlight=False, soft_wrap=False)
    session = ChatSession(app, moderator=moderator)
    first_attachments = [read_attachment(p) for p in attachments]

    async def handle(line: str, files: Sequence[Attachment]) -> None:
        replies = await session.send(line, files)
        if as_json:
            stdout.write(json.dumps([r.payload() for r in replies], ensure_ascii=False) + "\n")
            stdout.flush()
        else:
            for reply in replies:
                print_payload(console, reply.payload())

    if messages:
        for message in messages:
            await handle(message, first_attachments)
            first_attachments = []
        return 0

    interactive = stdin.isatty() and not as_json
    if interactive:
        console.print(
            f"Popcorn chat: type messages as a member would (e.g. "
            f"{app.settings.prefix}review leaving las vegas); :quit to leave."
        )
    pending = list(first_attachments)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        line = line.rstrip("\n")
        if line.strip() in QUIT_COMMANDS:
            break
        if line.startswith(ATTACH_COMMAND):
            path = Path(line[len(ATTACH_COMMAND) :].strip())
            try:
                pending.append(read_attachment(path))
            except OSError as exc:
                console.print(f"cannot attach {path}: {exc.strerror}", style="red")
            if as_json:
                stdout.write("[]\n")
            continue
        await handle(line, pending)
        pending = []
    return 0
