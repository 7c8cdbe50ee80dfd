"""The server owner's moderation settings: the moderator roles and the mod-log channel."""

from __future__ import annotations

import re

from bot.answers.context import AnswerContext
from bot.answers.moderation.access import acting_guild
from bot.answers.text import human_list
from bot.answers.types import Answer, Notice, Request, Tone
from bot.db.changes import guild_settings

ROLE_ID = re.compile(r"^(?:<@&|@)?(\d+)>?$")
CHANNEL_ID = re.compile(r"^(?:<#|#)?(\d+)>?$")
SNOWFLAKE_DIGITS = range(15, 21)  # Discord ids: 17-20 digits today, never over 2**63 - 1


def snowflake(digits: str) -> int | None:
    """The Discord id a member typed (a mention's digits or a raw id), or None when it cannot be
    one: the database columns are signed 64-bit, so a 21-digit number must never reach them."""
    if len(digits) not in SNOWFLAKE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    value = int(digits)
    return value if 0 < value < 2**63 else None


async def modrole_answer(ctx: AnswerContext, request: Request) -> Answer:
    verb, _, rest = request.text.partition(" ")
    settings = await guild_settings(ctx.session, acting_guild(request))
    roles = list(settings.moderator_role_ids or [])
    if verb.lower() in ("add", "remove"):
        match = ROLE_ID.match(rest.strip())
        role_id = snowflake(match.group(1)) if match else None
        if role_id is None:
            problem = "That is not a Discord role id. " if match else ""
            return Notice(
                f"{problem}Name the role: `{ctx.prefix}modrole {verb.lower()} @Reviewers`.",
                Tone.WARNING,
            )
        if verb.lower() == "add" and role_id not in roles:
            roles.append(role_id)
        elif verb.lower() == "remove" and role_id in roles:
            roles.remove(role_id)
        settings.moderator_role_ids = roles
        await ctx.session.commit()
    listed = human_list([f"<@&{r}>" for r in roles]) if roles else None
    if listed:
        return Notice(f"Moderator roles: {listed}.")
    return Notice("No moderator roles are set: members with Manage Messages are moderators.")


async def modlog_answer(ctx: AnswerContext, request: Request) -> Answer:
    settings = await guild_settings(ctx.session, acting_guild(request))
    value = request.text.strip()
    if value.lower() in ("off", "none"):
        settings.modlog_channel_id = None
    elif match := CHANNEL_ID.match(value):
        channel_id = snowflake(match.group(1))
        if channel_id is None:
            return Notice(
                f"That is not a Discord channel id. Name the channel: "
                f"`{ctx.prefix}modlog #mod-log` (or `off`).",
                Tone.WARNING,
            )
        settings.modlog_channel_id = channel_id
    elif value:
        return Notice(f"Name the channel: `{ctx.prefix}modlog #mod-log` (or `off`).", Tone.WARNING)
    await ctx.session.commit()
    if settings.modlog_channel_id:
        return Notice(f"Moderator changes are logged in <#{settings.modlog_channel_id}>.")
    return Notice("No mod-log channel is set.")
