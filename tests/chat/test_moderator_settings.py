"""Setting moderation up offline (issue 12, item 8): `popcorn chat --moderator` plays the owner
of a pretend server (bot/chat/guild.py), so `!help`'s `!modrole add @Reviewers` works as
written, and the database says what the replies say; a moderator who is not the owner sees the
roles and cannot change them."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from bot.app import Popcorn
from bot.chat.console import ChatSession
from bot.chat.guild import ANNOUNCEMENTS_CHANNEL, CHAT_GUILD_ID, MODLOG_CHANNEL, REVIEWERS_ROLE
from tests.chat.script import chat_messages, run_script


def chat(lines: list[str], db: Path) -> list[str]:
    """Each line typed into `popcorn chat --json --moderator`: the text of each reply."""
    replies = chat_messages(f"sqlite:///{db}", lines)
    assert all(len(reply) == 1 for reply in replies), replies
    return [reply[0]["content"] for reply in replies]


def stored(db: Path) -> tuple[object, object]:
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT moderator_role_ids, modlog_channel_id FROM guild_settings WHERE guild_id = ?",
            (CHAT_GUILD_ID,),
        ).fetchone()
    return (json.loads(row[0]), row[1]) if row else (None, None)


def test_the_owner_sets_moderation_up_as_the_help_says(tmp_path: Path, seeded_sqlite: Path) -> None:
    db = tmp_path / "p.sqlite3"
    shutil.copyfile(seeded_sqlite, db)  # data/ loaded, as the first chat would load it
    replies = chat(
        [
            "!modrole add @Reviewers",
            "!modrole add @Critics",
            "!modrole",
            "!modlog #announcements",
            "!modlog #mod-log",
        ],
        db,
    )
    assert replies[0] == (
        "Added @Reviewers. @Reviewers is the first moderator role, so Manage Messages no "
        "longer makes a moderator here: only the server owner and members with a moderator "
        "role are. Moderators now: the server owner (moderator) and the members with "
        "@Reviewers: Ann and Carl. No longer moderators (Manage Messages without the role): "
        "Dee and Eve. Give them @Reviewers to keep them."
    )
    assert replies[1] == (
        "⚠️ This server has no role called @Critics. Nothing was saved. Its roles: @Admins, "
        "@Mods, @Reviewers and @Film Club."
    )
    assert replies[2] == (
        "Moderator roles: @Reviewers. Change them: `!modrole add @role`, `remove @role`."
    )
    assert replies[3].startswith(
        "⚠️ Saved, but I can't post in #announcements: I need Send Messages there."
    )
    assert replies[4] == "Moderator changes are logged in #mod-log."
    assert stored(db) == ([REVIEWERS_ROLE], MODLOG_CHANNEL)
    assert MODLOG_CHANNEL != ANNOUNCEMENTS_CHANNEL


def test_the_last_role_removed_gives_manage_messages_back(
    tmp_path: Path, seeded_sqlite: Path
) -> None:
    db = tmp_path / "p.sqlite3"
    shutil.copyfile(seeded_sqlite, db)  # data/ loaded, as the first chat would load it
    replies = chat(["!modrole add reviewers", "!modrole remove @REVIEWERS"], db)
    assert replies[1] == (
        "Removed @Reviewers. No moderator roles are left, so members with Manage Messages are "
        "moderators again (and the server owner). Moderators now: the server owner "
        "(moderator) and everyone with Manage Messages: Carl, Dee and Eve."
    )
    assert stored(db) == ([], None)


async def test_a_moderator_who_is_not_the_owner_sees_the_roles_only(app: Popcorn) -> None:
    owner = ChatSession(app, moderator=True)
    await owner.send("!modrole add @Reviewers")
    moderator = ChatSession(app, moderator=True, owner=False)
    [listed] = await moderator.send("!modrole")
    assert listed.content == "Moderator roles: @Reviewers. The server owner changes them."
    [refused] = await moderator.send("!modrole remove @Reviewers")
    assert refused.content == (
        "❌ Only the server owner can change that. Nothing was saved. `!modrole` shows the "
        "moderator roles."
    )
    [refused] = await moderator.send("!modlog #mod-log")
    assert refused.content == "❌ Only the server owner can change that."
    [member] = await ChatSession(app).send("!modrole")
    assert member.content == "❌ Moderators only: ask a moderator to change the reviews."
    [listed] = await owner.send("!modrole")
    assert listed.content.startswith("Moderator roles: @Reviewers.")


async def test_a_moderator_who_is_not_the_owner_sees_the_roles_and_cannot_change_them(
    seeded_url: str,
) -> None:
    replies = await run_script(
        seeded_url, ["!modrole", "!modrole add @Reviewers", "!modrole"], flags=["--not-owner"]
    )
    assert (
        replies[0]
        == replies[2]
        == (
            "No moderator roles are set: members with Manage Messages are moderators. "
            "The server owner changes them."
        )
    )
    assert replies[1] == (
        "❌ Only the server owner can change that. Nothing was saved. "
        "`!modrole` shows the moderator roles."
    )
