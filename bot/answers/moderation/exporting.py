"""`export`: the whole database as a zip that `popcorn import` takes back as it is: a record
file per film, and the backup file (removed reviews, the history, this server's moderator
roles and mod-log channel)."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.types import Answer, FileAnswer, Request
from bot.db.exporter import export_zip

EXPORT_FILENAME = "popcorn-export.zip"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


async def export_answer(ctx: AnswerContext, request: Request) -> Answer:
    guild_id = request.actor.guild_id if request.actor is not None else None
    # Only this server's settings: another server's roles and channels are not its business.
    exported = await export_zip(ctx.session, [guild_id] if guild_id is not None else [])
    parts = [
        _count(exported.records, "record file", "record files"),
        _count(exported.removed_reviews, "removed review", "removed reviews"),
        _count(exported.history, "history entry", "history entries"),
    ]
    settings = "no settings for this server (none are set)"
    for row in exported.settings:
        roles = len(row.get("moderator_role_ids") or [])
        channel = "a mod-log channel" if row.get("modlog_channel_id") else "no mod-log channel"
        settings = (
            f"this server's settings ({_count(roles, 'moderator role', 'moderator roles')}, "
            f"{channel})"
        )
    return FileAnswer(
        text=f"The whole database: {', '.join(parts)}, and {settings}. It is a backup: "
        f"restore it with `popcorn import {EXPORT_FILENAME}` (the zip as it is).",
        filename=EXPORT_FILENAME,
        data=exported.data,
    )
