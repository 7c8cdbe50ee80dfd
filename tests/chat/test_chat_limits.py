"""Issue #10, item 20: every reply of `popcorn chat`, its own notes included (an unknown
button or menu option, a file it cannot attach), stays within Discord's limits: the words a
member typed are quoted back clipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.chat.console import ChatSession, within_limits
from bot.discord_bot.render import Reply
from tests.discord_bot.limits_check import CONTENT, assert_within_limits
from tests.helpers import run_popcorn

LONG = "x" * 5000


def contents(replies: list[Reply]) -> list[str | None]:
    return [reply.content for reply in replies]


async def test_press_and_select_echo_a_clipped_label() -> None:
    session = ChatSession(app=None)  # type: ignore[arg-type]  # no history: no app needed
    for replies in (await session.send(":press " + LONG), await session.send(":select " + LONG)):
        (reply,) = replies
        assert reply.content is not None
        assert len(reply.content) < 200
        assert "xxxx…" in reply.content
        assert_within_limits(reply.payload())


async def test_short_labels_are_echoed_whole_and_defused() -> None:
    session = ChatSession(app=None)  # type: ignore[arg-type]
    (reply,) = await session.press("@everyone *next*")
    assert reply.content == "(no button “@\u200beveryone \\*next\\*” on the messages so far)"


def test_any_reply_over_the_content_limit_is_clipped() -> None:
    replies = within_limits([Reply(content="y" * 5000), Reply(content="short"), Reply()])
    assert [len(c or "") for c in contents(replies)] == [CONTENT, 5, 0]
    assert replies[0].content is not None and replies[0].content.endswith("…")


@pytest.mark.parametrize("label", [LONG, "é" * 3000 + "<@123>", "*" * 4000])
def test_chat_cli_notes_stay_within_limits(tmp_path: Path, seeded_sqlite: Path, label: str) -> None:
    messages = [
        "!cage",
        f":press {label}",
        f":select {label}",
        f":attach {tmp_path / label[:200]}",  # no such file
        "!review leaving las vegas",
        f":press Next {label}",
    ]
    stdin = "".join(m + "\n" for m in messages)
    shutil.copyfile(seeded_sqlite, tmp_path / "chat.sqlite3")  # data/ loaded, as by a first chat
    result = run_popcorn(["chat", "--json"], tmp_path / "chat.sqlite3", tmp_path, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines: list[list[dict[str, Any]]] = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(messages)
    for payloads in lines:
        for payload in payloads:
            assert_within_limits(payload)
    notes = [payloads[0]["content"] for payloads in lines[1:4]]
    assert all(note.startswith("(") and len(note) < 250 for note in notes), notes
    assert "cannot attach" in notes[2]
