"""Setting moderation up: the moderator roles (any moderator sees them, the server owner changes
them) and the mod-log channel (the owner's). Roles and channels are named as members type them
(`@Reviewers`, `#mod-log`, a mention or an id), looked up in the server's facts that the Discord
layer gives these two commands (`Request.guild`); each change goes to the mod-log."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers.context import AnswerContext
from bot.answers.moderation.access import OWNER_ONLY, acting_guild
from bot.answers.moderation.pending import event
from bot.answers.text import clip, echo, human_list
from bot.answers.types import (
    Answer,
    ChannelFact,
    GuildFacts,
    Notice,
    Request,
    RoleFact,
    Tone,
)
from bot.db.announcements import last_review_id
from bot.db.changes import guild_settings

ROLE_ID = re.compile(r"^(?:<@&|@)?(\d+)>?$")
CHANNEL_ID = re.compile(r"^(?:<#|#)?(\d+)>?$")
SNOWFLAKE_DIGITS = range(15, 21)  # Discord ids: 17-20 digits today, never over 2**63 - 1
REPLY_LIMIT = 1900  # a reply's text, under Discord's 2000
NAMES_LIMIT = 600  # a list of member or role names inside a reply
NOTHING_SAVED = "Nothing was saved."


def snowflake(digits: str) -> int | None:
    """The Discord id a member typed (a mention's digits or a raw id), or None when it cannot be
    one: the database columns are signed 64-bit, so a 21-digit number must never reach them."""
    if len(digits) not in SNOWFLAKE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    value = int(digits)
    return value if 0 < value < 2**63 else None


def role_label(role: RoleFact) -> str:
    return "@" + echo(role.name.removeprefix("@"), 100)


def channel_label(channel: ChannelFact) -> str:
    return "#" + echo(channel.name.removeprefix("#"), 100)


def names(items: list[str] | tuple[str, ...], limit: int = NAMES_LIMIT) -> str:
    """`Alice, Bob and Carol`, clipped to `limit` with how many more there are."""
    shown: list[str] = []
    for position, item in enumerate(items):
        rest = len(items) - position - 1
        tail = f" and {rest} more" if rest else ""
        if len(", ".join([*shown, item])) + len(tail) > limit and shown:
            return f"{', '.join(shown)} and {len(items) - position} more"
        shown.append(item)
    return human_list(shown)


def members_of(names_held: tuple[str, ...]) -> list[str]:
    return [echo(name, 60) for name in names_held]


# ---------------------------------------------------------------------------------- roles


class Unresolved(Exception):
    """What the moderator typed names no role (or channel): the reply says why."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.text)
        self.notice = notice


def typed_name(text: str, sigil: str) -> str:
    return text.strip().removeprefix(sigil).strip().casefold()


def find_role(
    ctx: AnswerContext, facts: GuildFacts | None, text: str, verb: str, configured: list[int]
) -> RoleFact:
    """The role typed as `<@&id>`, an id, `@Reviewers` or `reviewers` (letter case ignored).
    Without facts (no server to look in) only an id can be taken; it is kept as a bare id. A
    configured role the server no longer has can still be removed by its id."""
    example = f"`{ctx.prefix}modrole {verb} @Reviewers`"
    typed = text.strip()
    if not typed:
        raise Unresolved(Notice(f"Name the role: {example}. {NOTHING_SAVED}", Tone.WARNING))
    if match := ROLE_ID.match(typed):
        role_id = snowflake(match.group(1))
        if role_id is None:
            raise Unresolved(
                Notice(
                    f"That is not a Discord role id. Name the role: {example}. {NOTHING_SAVED}",
                    Tone.WARNING,
                )
            )
        if facts is None or (verb == "remove" and role_id in configured):
            known = [role for role in facts.roles if role.id == role_id] if facts else []
            return known[0] if known else RoleFact(role_id, str(role_id))
        for role in facts.roles:
            if role.id == role_id:
                return role
        raise Unresolved(
            Notice(
                f"This server has no role with the id {role_id}. {NOTHING_SAVED} "
                f"{roles_there(facts)}",
                Tone.WARNING,
            )
        )
    if facts is None:
        raise Unresolved(
            Notice(
                f"I can't look roles up by name here: mention the role or give its id "
                f"(`{ctx.prefix}modrole {verb} <@&123456789012345678>`). {NOTHING_SAVED}",
                Tone.WARNING,
            )
        )
    wanted = typed_name(typed, "@")
    exact = [role for role in facts.roles if typed_name(role.name, "@") == wanted]
    if len(exact) == 1:
        return exact[0]
    shown = echo(typed.removeprefix("@"), 60)
    if exact:
        ids = human_list([f"`{ctx.prefix}modrole {verb} {role.id}`" for role in exact[:5]], "or")
        raise Unresolved(
            Notice(
                f"{len(exact)} roles are called @{shown}: type the one you mean by its id: "
                f"{ids}. {NOTHING_SAVED}",
                Tone.WARNING,
            )
        )
    close = [
        role for role in facts.roles if wanted and typed_name(role.name, "@").startswith(wanted)
    ]
    if close:
        suggestion = human_list([role_label(role) for role in close[:5]], "or")
        raise Unresolved(
            Notice(
                f"This server has no role called @{shown}. Did you mean {suggestion}? "
                f"{NOTHING_SAVED}",
                Tone.WARNING,
            )
        )
    raise Unresolved(
        Notice(
            f"This server has no role called @{shown}. {NOTHING_SAVED} {roles_there(facts)}",
            Tone.WARNING,
        )
    )


def roles_there(facts: GuildFacts) -> str:
    usable = [role_label(role) for role in facts.roles if not role.everyone]
    if not usable:
        return "It has no roles yet: create one in the server's settings first."
    return f"Its roles: {names(usable)}."


def label_of(role_id: int, facts: GuildFacts | None) -> str:
    """A configured role as the reply names it: `@Reviewers` when the server says, else its
    mention (which Discord shows as the role's name)."""
    if facts is not None:
        for role in facts.roles:
            if role.id == role_id:
                return role_label(role)
    return f"<@&{role_id}>"


def roles_line(role_ids: list[int], facts: GuildFacts | None, prefix: str) -> str:
    if not role_ids:
        return "No moderator roles are set: members with Manage Messages are moderators."
    line = f"Moderator roles: {names([label_of(r, facts) for r in role_ids])}."
    if facts is not None:
        known = {role.id for role in facts.roles}
        gone = [str(r) for r in role_ids if r not in known]
        if gone:
            line += (
                f" This server no longer has {human_list(gone)}: remove "
                f"{'it' if len(gone) == 1 else 'them'} with `{prefix}modrole remove <id>`."
            )
    return line


def holders(role_ids: list[int], facts: GuildFacts) -> tuple[str, ...] | None:
    """Everyone who holds one of `role_ids` (None when the server's members are unknown)."""
    found: dict[str, None] = {}  # in order, once each
    for role in facts.roles:
        if role.id in role_ids:
            if role.members is None:
                return None
            found.update(dict.fromkeys(role.members))
    return tuple(found)


def manage_messages_roles(facts: GuildFacts, role_ids: list[int]) -> list[str]:
    return [
        role_label(role)
        for role in facts.roles
        if role.manage_messages and role.id not in role_ids and not role.everyone
    ]


def owner_phrase(facts: GuildFacts) -> str:
    return f"the server owner ({echo(facts.owner_name, 60)})" if facts.owner_name else "the owner"


def first_role_note(role: RoleFact, facts: GuildFacts | None, ctx: AnswerContext) -> str:
    """Adding the first role: Manage Messages stops making moderators; who keeps the rights and
    who loses them."""
    lines = [
        f"{role_label(role) if facts else label_of(role.id, None)} is the first moderator role, "
        "so Manage Messages no longer makes a moderator here: only the server owner and members "
        "with a moderator role are."
    ]
    if facts is None:
        return " ".join(lines)
    keep = holders([role.id], facts)
    if keep is None:
        lines.append(
            f"Moderators now: {owner_phrase(facts)} and the members with {role_label(role)}."
        )
    else:
        others = tuple(name for name in keep if name != facts.owner_name)
        held = f": {names(members_of(others))}" if others else " (nobody else has it yet)"
        lines.append(
            f"Moderators now: {owner_phrase(facts)} and the members with {role_label(role)}{held}."
        )
    losing = facts.manage_messages_members
    if losing is not None and keep is not None:
        kept = {*keep, facts.owner_name or ""}
        lost = [name for name in losing if name not in kept]
        if lost:
            lines.append(
                f"No longer moderators (Manage Messages without the role): "
                f"{names(members_of(tuple(lost)))}. Give them {role_label(role)} to keep them."
            )
        else:
            lines.append("Nobody loses the rights: everyone with Manage Messages has the role.")
    else:
        through = manage_messages_roles(facts, [role.id])
        via = f" (through {names(through)})" if through else ""
        lines.append(
            f"Members who have Manage Messages{via} but not {role_label(role)} are no longer "
            f"moderators: give them the role, or add their role too "
            f"(`{ctx.prefix}modrole add @role`)."
        )
    return " ".join(lines)


def last_role_note(facts: GuildFacts | None) -> str:
    note = (
        "No moderator roles are left, so members with Manage Messages are moderators again "
        "(and the server owner)."
    )
    if facts is not None and facts.manage_messages_members is not None:
        back = [
            echo(name, 60) for name in facts.manage_messages_members if name != facts.owner_name
        ]
        note += (
            f" Moderators now: {owner_phrase(facts)} and everyone with Manage Messages: "
            f"{names(back)}."
            if back
            else f" Moderators now: {owner_phrase(facts)} (nobody else has Manage Messages)."
        )
    return note


async def modrole_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!modrole` lists the roles (any moderator); `add` / `remove` change them (the owner)."""
    text = request.text.strip()
    verb, _, rest = text.partition(" ")
    verb = verb.casefold()
    facts = request.guild
    settings = await guild_settings(ctx.session, acting_guild(request))
    roles = list(settings.moderator_role_ids or [])
    if not text:
        line = roles_line(roles, facts, ctx.prefix)
        actor = request.actor
        if actor is not None and actor.is_guild_owner:
            return Notice(f"{line} Change them: `{ctx.prefix}modrole add @role`, `remove @role`.")
        return Notice(f"{line} The server owner changes them.")
    if verb not in ("add", "remove"):
        return Notice(
            f"Type `{ctx.prefix}modrole` to see the moderator roles; the server owner changes "
            f"them with `{ctx.prefix}modrole add @Reviewers` or `{ctx.prefix}modrole remove "
            f"@Reviewers`.",
            Tone.WARNING,
        )
    if request.actor is None or not request.actor.is_guild_owner:
        return Notice(
            f"{OWNER_ONLY} {NOTHING_SAVED} `{ctx.prefix}modrole` shows the moderator roles.",
            Tone.ERROR,
        )
    try:
        role = find_role(ctx, facts, rest, verb, roles)
    except Unresolved as unresolved:
        return unresolved.notice
    label = label_of(role.id, facts)
    listed = roles_line(roles, facts, ctx.prefix)  # as they are before this change
    if verb == "add":
        if role.everyone:
            return Notice(
                f"@everyone can't be a moderator role: every member would moderate. "
                f"{NOTHING_SAVED}",
                Tone.WARNING,
            )
        if role.id in roles:
            return Notice(f"{label} already is a moderator role. {listed}")
        first = not roles
        roles.append(role.id)
    else:
        if role.id not in roles:
            return Notice(
                f"{label} is not a moderator role. {NOTHING_SAVED} {listed}",
                Tone.WARNING,
            )
        roles.remove(role.id)
    settings.moderator_role_ids = roles
    await ctx.session.commit()
    if verb == "add":
        event(ctx, request, None, f"added the moderator role {label}")
        reply = f"Added {label}. " + (
            first_role_note(role, facts, ctx) if first else roles_line(roles, facts, ctx.prefix)
        )
    else:
        event(ctx, request, None, f"removed the moderator role {label}")
        reply = f"Removed {label}. " + (
            roles_line(roles, facts, ctx.prefix) if roles else last_role_note(facts)
        )
    return Notice(clip(reply, REPLY_LIMIT))


# ---------------------------------------------------------------------------------- mod-log


def find_channel(
    ctx: AnswerContext,
    facts: GuildFacts | None,
    typed: str,
    command: str = "modlog",
    sample: str = "#mod-log",
) -> ChannelFact:
    """The channel typed as `<#id>`, an id, `#mod-log` or `mod-log` (letter case ignored);
    `command` and `sample` make the examples the replies give (`!modlog #mod-log`)."""
    example = f"`{ctx.prefix}{command} {sample}` (or `off`)"
    if match := CHANNEL_ID.match(typed):
        channel_id = snowflake(match.group(1))
        if channel_id is None:
            raise Unresolved(
                Notice(
                    f"That is not a Discord channel id. Name the channel: {example}. "
                    f"{NOTHING_SAVED}",
                    Tone.WARNING,
                )
            )
        if facts is None:
            return ChannelFact(channel_id, str(channel_id))
        for channel in facts.channels:
            if channel.id == channel_id:
                return channel
        raise Unresolved(
            Notice(
                f"This server has no text channel with the id {channel_id} (or I can't see it). "
                f"{NOTHING_SAVED} {channels_there(facts)}",
                Tone.WARNING,
            )
        )
    if facts is None:
        raise Unresolved(Notice(f"Name the channel: {example}. {NOTHING_SAVED}", Tone.WARNING))
    wanted = typed_name(typed, "#")
    exact = [channel for channel in facts.channels if typed_name(channel.name, "#") == wanted]
    if len(exact) == 1:
        return exact[0]
    shown = echo(typed.removeprefix("#"), 60)
    if exact:
        ids = human_list([f"`{ctx.prefix}{command} <#{c.id}>`" for c in exact[:5]], "or")
        raise Unresolved(
            Notice(
                f"{len(exact)} channels are called #{shown}: type the one you mean as a "
                f"mention: {ids}. {NOTHING_SAVED}",
                Tone.WARNING,
            )
        )
    raise Unresolved(
        Notice(
            f"This server has no text channel called #{shown}. {NOTHING_SAVED} "
            f"{channels_there(facts)}",
            Tone.WARNING,
        )
    )


def channels_there(facts: GuildFacts) -> str:
    if not facts.channels:
        return "It has no text channels I can see."
    return f"Its text channels: {names([channel_label(c) for c in facts.channels])}."


def modlog_line(channel_id: int | None, facts: GuildFacts | None) -> str:
    if channel_id is None:
        return "No mod-log channel is set."
    known = next((c for c in facts.channels if c.id == channel_id), None) if facts else None
    shown = channel_label(known) if known else f"<#{channel_id}>"
    if facts is not None and known is None:
        return (
            f"Moderator changes are logged in {shown}, but that channel is gone (or I can't "
            f"see it): set another one."
        )
    if known is not None and known.missing:
        need = human_list(list(known.missing))
        return f"Moderator changes are logged in {shown}, but I can't post there: I need {need}."
    return f"Moderator changes are logged in {shown}."


def _saved_without_rights(shown: str, missing: Sequence[str], until_then: str) -> Notice:
    """A channel saved that the bot cannot post in: what it needs there, and what waits."""
    return Notice(
        f"Saved, but I can't post in {shown}: I need {human_list(list(missing))} there. Allow "
        f"{'it' if len(missing) == 1 else 'them'} for me in the channel's settings "
        f"(Edit Channel → Permissions); until then {until_then}.",
        Tone.WARNING,
    )


async def modlog_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!modlog` says where changes are logged; `!modlog #mod-log` / `off` changes it (the
    owner's, checked at dispatch). A channel the bot cannot post in is saved with a warning:
    the owner fixes the channel's permissions, and the log starts working."""
    facts = request.guild
    settings = await guild_settings(ctx.session, acting_guild(request))
    value = request.text.strip()
    if not value:
        return Notice(modlog_line(settings.modlog_channel_id, facts))
    if value.casefold() in ("off", "none"):
        if settings.modlog_channel_id is None:
            return Notice("No mod-log channel is set.")
        settings.modlog_channel_id = None
        await ctx.session.commit()
        event(ctx, request, None, "turned the mod-log off")
        return Notice("The mod-log is off: moderator changes are no longer posted anywhere.")
    try:
        channel = find_channel(ctx, facts, value)
    except Unresolved as unresolved:
        return unresolved.notice
    shown = channel_label(channel) if facts is not None else f"<#{channel.id}>"
    if settings.modlog_channel_id == channel.id and not channel.missing:
        return Notice(f"Moderator changes already are logged in {shown}.")
    settings.modlog_channel_id = channel.id
    await ctx.session.commit()
    event(ctx, request, None, f"set the mod-log channel to {shown}")
    if channel.missing:
        return _saved_without_rights(shown, channel.missing, "moderator changes are not logged")
    return Notice(f"Moderator changes are logged in {shown}.")


# ---------------------------------------------------------------------------------- announce


def announce_line(channel_id: int | None, facts: GuildFacts | None, prefix: str) -> str:
    if channel_id is None:
        return f"New reviews are not announced. Set a channel: `{prefix}announce #channel`."
    known = next((c for c in facts.channels if c.id == channel_id), None) if facts else None
    shown = channel_label(known) if known else f"<#{channel_id}>"
    if facts is not None and known is None:
        return (
            f"New reviews are posted in {shown}, but that channel is gone (or I can't see it): "
            f"set another one with `{prefix}announce #channel`."
        )
    if known is not None and known.missing:
        need = human_list(list(known.missing))
        return (
            f"New reviews are posted in {shown}, but I can't post there: I need {need}. Allow "
            f"{'it' if len(known.missing) == 1 else 'them'} for me in the channel's settings."
        )
    return f"New reviews are posted in {shown}. `{prefix}announce off` stops it."


async def announce_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!announce` says where new reviews are posted (and what stops it); `!announce #channel`
    sets the channel, `!announce off` stops. Only reviews added after the channel is first set
    are announced: the ones already here are not posted all at once."""
    facts = request.guild
    settings = await guild_settings(ctx.session, acting_guild(request))
    value = request.text.strip()
    if not value:
        return Notice(announce_line(settings.announce_channel_id, facts, ctx.prefix))
    if value.casefold() in ("off", "none"):
        if settings.announce_channel_id is None:
            return Notice("New reviews are not announced: there is nothing to turn off.")
        settings.announce_channel_id = None
        settings.announce_after_review = None
        await ctx.session.commit()
        event(ctx, request, None, "turned the announcements of new reviews off")
        return Notice(
            f"New reviews are no longer announced. `{ctx.prefix}announce #channel` starts again."
        )
    try:
        channel = find_channel(ctx, facts, value, "announce", "#new-reviews")
    except Unresolved as unresolved:
        return unresolved.notice
    shown = channel_label(channel) if facts is not None else f"<#{channel.id}>"
    if settings.announce_channel_id == channel.id and not channel.missing:
        return Notice(f"New reviews already are posted in {shown}.")
    if settings.announce_channel_id is None:  # from now on: the reviews here are not new
        settings.announce_after_review = await last_review_id(ctx.session)
    settings.announce_channel_id = channel.id
    await ctx.session.commit()
    event(ctx, request, None, f"set the announce channel to {shown}")
    if channel.missing:
        return _saved_without_rights(shown, channel.missing, "new reviews are not announced")
    return Notice(
        f"Each new review will be posted in {shown}, once, as its card (edits are not). "
        f"`{ctx.prefix}announce off` stops it."
    )


__all__ = ["announce_answer", "modlog_answer", "modrole_answer", "snowflake"]
