"""Who may moderate: the one check, made where a command is dispatched (answer_request), and
the typed look-up the handlers use once it has passed."""

from __future__ import annotations

from bot.answers.types import Actor, Notice, Request, Tone

NOT_IN_DMS = "Moderator commands only work in a server, not in DMs."
MODERATORS_ONLY = "Moderators only: ask a moderator to change the reviews."
OWNER_ONLY = "Only the server owner can change that."


def may_moderate(actor: Actor | None) -> bool:
    """A moderator, in a server."""
    return actor is not None and actor.is_moderator and bool(actor.guild_id)


def refusal(actor: Actor | None, *, owner: bool = False) -> Notice | None:
    """Why `actor` may not run a moderator command (`owner`: a server-owner one), or None."""
    if actor is None or actor.guild_id is None:
        return Notice(NOT_IN_DMS, Tone.ERROR)
    if owner and not actor.is_guild_owner:
        return Notice(OWNER_ONLY, Tone.ERROR)
    if not owner and not actor.is_moderator:
        return Notice(MODERATORS_ONLY, Tone.ERROR)
    return None


class RightsNotChecked(RuntimeError):
    """A moderator command was answered without going through answer_request's check."""


def acting(request: Request) -> Actor:
    """The moderator making the change (answer_request has checked their rights)."""
    if request.actor is None:
        raise RightsNotChecked(f"{request.command!r} needs an actor: answer it via answer_request")
    return request.actor


def acting_guild(request: Request) -> int:
    """The server a moderator command was typed in (answer_request refused DMs)."""
    guild_id = acting(request).guild_id
    if guild_id is None:
        raise RightsNotChecked(f"{request.command!r} was answered in DMs")
    return guild_id
