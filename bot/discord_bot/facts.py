"""What a server looks like, for the commands that set moderation up (`modrole`, `modlog`): its
roles (and who holds them, when the bot may list members), its text channels (and whether the
bot can post in each), its owner. Read from discord.py's cache, only for those two commands."""

from __future__ import annotations

import discord

from bot.answers.types import ChannelFact, GuildFacts, RoleFact

#: The commands whose Request carries the server's facts.
SETUP_COMMANDS = frozenset({"modrole", "modlog", "announce"})


def grants_manage_messages(permissions: discord.Permissions) -> bool:
    return permissions.administrator or permissions.manage_messages


def posting_missing(
    channel: discord.abc.GuildChannel | discord.Thread, me: discord.Member | None
) -> tuple[str, ...]:
    """The permissions the bot lacks to post a line of text in `channel` (the mod-log's lines
    are plain text: no embeds, no files). Unknown (no member of its own cached): none."""
    if me is None:
        return ()
    permissions = channel.permissions_for(me)
    missing = []
    if not permissions.view_channel:
        missing.append("View Channel")
    if isinstance(channel, discord.Thread):
        if not permissions.send_messages_in_threads:
            missing.append("Send Messages in Threads")
    elif not permissions.send_messages:
        missing.append("Send Messages")
    return tuple(missing)


def guild_facts(
    guild: discord.Guild, *, members_known: bool, author: discord.abc.User | None = None
) -> GuildFacts:
    """The server's facts. `members_known`: the bot has the Server Members intent and the
    server's members are loaded, so role holders can be named; else they are None (unknown),
    never a partial list from the cache. `author`: who asked (named as the owner if it is them
    and the owner is not cached)."""
    holders: dict[int, list[str]] = {role.id: [] for role in guild.roles}
    manage_messages: list[str] | None = None
    if members_known:
        manage_messages = []
        for member in guild.members:
            if member.bot:
                continue
            for role in member.roles:
                holders.setdefault(role.id, []).append(member.display_name)
            if grants_manage_messages(member.guild_permissions):
                manage_messages.append(member.display_name)
    roles = tuple(
        RoleFact(
            id=role.id,
            name=role.name,
            members=tuple(holders[role.id]) if members_known else None,
            manage_messages=grants_manage_messages(role.permissions),
            everyone=role.is_default(),
        )
        for role in sorted(guild.roles, key=lambda r: r.position, reverse=True)
    )
    channels = tuple(
        ChannelFact(channel.id, channel.name, posting_missing(channel, guild.me))
        for channel in guild.text_channels
    )
    owner = guild.owner
    if owner is not None:
        owner_name: str | None = owner.display_name
    elif author is not None and author.id == guild.owner_id:
        owner_name = getattr(author, "display_name", None) or str(author)
    else:
        owner_name = None
    return GuildFacts(
        roles=roles,
        channels=channels,
        owner_name=owner_name,
        manage_messages_members=tuple(manage_messages) if manage_messages is not None else None,
    )
