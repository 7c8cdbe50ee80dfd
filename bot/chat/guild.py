"""The pretend server `popcorn chat` plays in, so the set-up commands (`!modrole`, `!modlog`) can
be tried offline as on Discord: roles named as members type them, a channel the bot cannot post
in. The chat's own member ("moderator" with --moderator) owns it and has @Reviewers."""

from __future__ import annotations

from bot.answers.types import ChannelFact, GuildFacts, RoleFact

CHAT_GUILD_ID = 1  # `popcorn chat` plays a member in a channel of this server
REVIEWERS_ROLE = 100000000000000101
MODS_ROLE = 100000000000000102
ADMINS_ROLE = 100000000000000103
FILM_CLUB_ROLE = 100000000000000104
GENERAL_CHANNEL = 300000000000000001
MODLOG_CHANNEL = 300000000000000002
ANNOUNCEMENTS_CHANNEL = 300000000000000003

CHAT_GUILD = GuildFacts(
    roles=(
        RoleFact(ADMINS_ROLE, "Admins", ("Eve",), manage_messages=True),
        RoleFact(MODS_ROLE, "Mods", ("Carl", "Dee"), manage_messages=True),
        RoleFact(REVIEWERS_ROLE, "Reviewers", ("moderator", "Ann", "Carl")),
        RoleFact(FILM_CLUB_ROLE, "Film Club", ("Ann", "Bob", "Dee")),
        RoleFact(
            CHAT_GUILD_ID,
            "@everyone",
            ("moderator", "Ann", "Bob", "Carl", "Dee", "Eve", "member"),
            everyone=True,
        ),
    ),
    channels=(
        ChannelFact(GENERAL_CHANNEL, "general"),
        ChannelFact(MODLOG_CHANNEL, "mod-log"),
        ChannelFact(ANNOUNCEMENTS_CHANNEL, "announcements", ("Send Messages",)),
    ),
    owner_name="moderator",
    manage_messages_members=("moderator", "Carl", "Dee", "Eve"),
)
