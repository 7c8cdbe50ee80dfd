"""Setting moderation up (bot/answers/moderation/settings.py): moderator roles named as typed
(`@Reviewers`), what the first role and the last one change, who sees and who changes them, the
mod-log channel and whether the bot can post there, and the mod-log lines of these changes."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.answers.types import (
    Actor,
    Answer,
    ChannelFact,
    GuildFacts,
    Notice,
    Request,
    RoleFact,
    Tone,
)
from bot.app import Popcorn
from bot.db.changes import ChangeEvent
from bot.db.models import GuildSettings
from tests.answers.moderation.helpers import MEMBER, MOD, OWNER, say, text_of

REVIEWERS, MODS, ADMINS, TWIN = 100000000000000001, 100000000000000002, 100000000000000003, 4
EVERYONE = 99  # the @everyone role's id is the guild's
MODLOG, GENERAL, NEWS = 200000000000000001, 200000000000000002, 200000000000000003

FACTS = GuildFacts(
    roles=(
        RoleFact(EVERYONE, "@everyone", ("Owner", "Ann", "Carl", "Dee", "Eve"), everyone=True),
        RoleFact(REVIEWERS, "Reviewers", ("Ann", "Carl")),
        RoleFact(MODS, "Mods", ("Carl", "Dee"), manage_messages=True),
        RoleFact(ADMINS, "Admins", ("Eve",), manage_messages=True),
    ),
    channels=(
        ChannelFact(MODLOG, "mod-log"),
        ChannelFact(GENERAL, "general"),
        ChannelFact(NEWS, "news", ("Send Messages",)),
    ),
    owner_name="Owner",
    manage_messages_members=("Owner", "Carl", "Dee", "Eve"),
)
#: The same server when the bot cannot list members (no Server Members intent).
NO_MEMBERS = GuildFacts(
    roles=tuple(replace(role, members=None) for role in FACTS.roles),
    channels=FACTS.channels,
    owner_name="Owner",
)


async def ask(
    app: Popcorn, command: str, text: str = "", actor: Actor = OWNER, facts: GuildFacts = FACTS
) -> Answer:
    return await app.answer(Request(command, text, actor=actor, guild=facts))


async def stored(app: Popcorn) -> tuple[int | None, list[int]] | None:
    async with app.sessions() as session:
        row = await session.scalar(select(GuildSettings).where(GuildSettings.guild_id == 99))
        return None if row is None else (row.modlog_channel_id, list(row.moderator_role_ids))


def logged(app: Popcorn) -> list[ChangeEvent]:
    events: list[ChangeEvent] = []

    async def listen(event: ChangeEvent) -> None:
        events.append(event)

    app.listeners.append(listen)
    return events


async def test_only_the_owner_configures_moderation(any_app: Popcorn) -> None:
    refused = await say(any_app, "!modrole add 123456789012345678")
    assert refused == Notice(
        "Only the server owner can change that. Nothing was saved. "
        "`!modrole` shows the moderator roles.",
        Tone.ERROR,
    )
    assert await stored(any_app) is None
    assert "123456789012345678" in text_of(
        await say(any_app, "!modrole add 123456789012345678", actor=OWNER)
    )
    assert "<#234567890123456789>" in text_of(
        await say(any_app, "!modlog #234567890123456789", actor=OWNER)
    )
    assert await stored(any_app) == (234567890123456789, [123456789012345678])


async def test_any_moderator_sees_the_roles_members_do_not(any_app: Popcorn) -> None:
    await ask(any_app, "modrole", "add @Reviewers")
    assert text_of(await ask(any_app, "modrole", actor=MOD)) == (
        "Moderator roles: @Reviewers. The server owner changes them."
    )
    assert text_of(await ask(any_app, "modrole", actor=OWNER)) == (
        "Moderator roles: @Reviewers. Change them: `!modrole add @role`, `remove @role`."
    )
    assert text_of(await ask(any_app, "modrole", actor=MEMBER)) == (
        "Moderators only: ask a moderator to change the reviews."
    )
    assert "server owner" in text_of(await ask(any_app, "modrole", "remove @Reviewers", MOD))
    assert await stored(any_app) == (None, [REVIEWERS])


async def test_a_role_is_found_by_its_name_as_typed(any_app: Popcorn) -> None:
    for typed in ("@Reviewers", "reviewers", "@REVIEWERS", f"<@&{REVIEWERS}>", str(REVIEWERS)):
        await ask(any_app, "modrole", "remove @Reviewers")
        answer = await ask(any_app, "modrole", f"add {typed}")
        assert text_of(answer).startswith("Added @Reviewers."), typed
        assert await stored(any_app) == (None, [REVIEWERS]), typed


async def test_the_first_role_says_who_keeps_and_who_loses_the_rights(any_app: Popcorn) -> None:
    events = logged(any_app)
    answer = await ask(any_app, "modrole", "add @Reviewers")
    assert text_of(answer) == (
        "Added @Reviewers. @Reviewers is the first moderator role, so Manage Messages no "
        "longer makes a moderator here: only the server owner and members with a moderator "
        "role are. Moderators now: the server owner (Owner) and the members with @Reviewers: "
        "Ann and Carl. No longer moderators (Manage Messages without the role): Dee and Eve. "
        "Give them @Reviewers to keep them."
    )
    assert [(e.film_id, e.guild_id, e.actor, e.summary) for e in events] == [
        (None, 99, "Owner", "added the moderator role @Reviewers")
    ]
    second = await ask(any_app, "modrole", "add mods")
    assert text_of(second) == "Added @Mods. Moderator roles: @Reviewers and @Mods."
    assert await stored(any_app) == (None, [REVIEWERS, MODS])
    again = await ask(any_app, "modrole", "add @mods")
    assert text_of(again) == (
        "@Mods already is a moderator role. Moderator roles: @Reviewers and @Mods."
    )
    assert len(events) == 2


async def test_without_the_member_list_the_roles_that_lose_rights_are_named(
    app: Popcorn,
) -> None:
    answer = await ask(app, "modrole", "add @Reviewers", facts=NO_MEMBERS)
    assert text_of(answer) == (
        "Added @Reviewers. @Reviewers is the first moderator role, so Manage Messages no "
        "longer makes a moderator here: only the server owner and members with a moderator "
        "role are. Moderators now: the server owner (Owner) and the members with @Reviewers. "
        "Members who have Manage Messages (through @Mods and @Admins) but not @Reviewers are "
        "no longer moderators: give them the role, or add their role too "
        "(`!modrole add @role`)."
    )


async def test_removing_the_last_role_gives_manage_messages_back(any_app: Popcorn) -> None:
    await ask(any_app, "modrole", "add @Reviewers")
    await ask(any_app, "modrole", "add @Mods")
    events = logged(any_app)
    assert text_of(await ask(any_app, "modrole", "remove @mods")) == (
        "Removed @Mods. Moderator roles: @Reviewers."
    )
    assert text_of(await ask(any_app, "modrole", "remove reviewers")) == (
        "Removed @Reviewers. No moderator roles are left, so members with Manage Messages are "
        "moderators again (and the server owner). Moderators now: the server owner (Owner) "
        "and everyone with Manage Messages: Carl, Dee and Eve."
    )
    assert [e.summary for e in events] == [
        "removed the moderator role @Mods",
        "removed the moderator role @Reviewers",
    ]
    assert await stored(any_app) == (None, [])
    answer = await ask(any_app, "modrole", "remove reviewers")
    assert answer == Notice(
        "@Reviewers is not a moderator role. Nothing was saved. No moderator roles are set: "
        "members with Manage Messages are moderators.",
        Tone.WARNING,
    )


async def test_unknown_ambiguous_and_unsafe_roles_are_refused(app: Popcorn) -> None:
    twins = replace(FACTS, roles=(*FACTS.roles, RoleFact(TWIN * 10**17, "reviewers", ("Zed",))))
    assert text_of(await ask(app, "modrole", "add @Critics")) == (
        "This server has no role called @Critics. Nothing was saved. "
        "Its roles: @Reviewers, @Mods and @Admins."
    )
    assert text_of(await ask(app, "modrole", "add @rev")) == (
        "This server has no role called @rev. Did you mean @Reviewers? Nothing was saved."
    )
    assert text_of(await ask(app, "modrole", "add @Reviewers", facts=twins)) == (
        "2 roles are called @Reviewers: type the one you mean by its id: "
        f"`!modrole add {REVIEWERS}` or `!modrole add {TWIN * 10**17}`. Nothing was saved."
    )
    assert text_of(await ask(app, "modrole", "add @everyone")) == (
        "@everyone can't be a moderator role: every member would moderate. Nothing was saved."
    )
    assert text_of(await ask(app, "modrole", f"add <@&{NEWS}>")) == (
        f"This server has no role with the id {NEWS}. Nothing was saved. "
        "Its roles: @Reviewers, @Mods and @Admins."
    )
    assert text_of(await ask(app, "modrole", "add")) == (
        "Name the role: `!modrole add @Reviewers`. Nothing was saved."
    )
    assert "`!modrole add @Reviewers`" in text_of(await ask(app, "modrole", "give @Reviewers"))
    assert await stored(app) in (None, (None, []))


async def test_a_long_list_of_names_is_clipped(app: Popcorn) -> None:
    crowd = tuple(f"Member number {n}" for n in range(300))
    big = replace(
        FACTS,
        roles=(RoleFact(REVIEWERS, "Reviewers", crowd[:150]),),
        manage_messages_members=crowd,
    )
    text = text_of(await ask(app, "modrole", "add @Reviewers", facts=big))
    assert len(text) < 1900
    assert "Member number 0, Member number 1" in text and " more" in text
    assert "Member number 150" in text  # the first who loses the rights


async def test_names_without_a_server_need_a_mention_or_an_id(app: Popcorn) -> None:
    answer = await say(app, "!modrole add @Reviewers", actor=OWNER)
    assert text_of(answer) == (
        "I can't look roles up by name here: mention the role or give its id "
        "(`!modrole add <@&123456789012345678>`). Nothing was saved."
    )


async def test_roles_are_listed_added_and_removed_by_id(app: Popcorn) -> None:
    none = "No moderator roles are set: members with Manage Messages are moderators."
    assert text_of(await say(app, "!modrole", actor=MOD)).startswith(none)
    await say(app, "!modrole add <@&123456789012345678>", actor=OWNER)
    listed = text_of(await say(app, "!modrole", actor=MOD))
    assert listed == "Moderator roles: <@&123456789012345678>. The server owner changes them."
    await say(app, "!modrole remove 123456789012345678", actor=OWNER)
    assert text_of(await say(app, "!modrole", actor=MOD)).startswith(none)
    assert text_of(await say(app, "!modrole add 1" + "0" * 25, actor=OWNER)).startswith(
        "That is not a Discord role id."
    )


async def test_the_modlog_is_set_by_name_and_turned_off(any_app: Popcorn) -> None:
    events = logged(any_app)
    assert text_of(await ask(any_app, "modlog", "#Mod-Log")) == (
        "Moderator changes are logged in #mod-log."
    )
    assert await stored(any_app) == (MODLOG, [])
    assert text_of(await ask(any_app, "modlog")) == "Moderator changes are logged in #mod-log."
    assert text_of(await ask(any_app, "modlog", "off")) == (
        "The mod-log is off: moderator changes are no longer posted anywhere."
    )
    assert await stored(any_app) == (None, [])
    assert [(e.film_id, e.summary) for e in events] == [
        (None, "set the mod-log channel to #mod-log"),
        (None, "turned the mod-log off"),
    ]


async def test_a_channel_the_bot_cannot_post_in_is_saved_with_a_warning(app: Popcorn) -> None:
    answer = await ask(app, "modlog", f"<#{NEWS}>")
    assert answer == Notice(
        "Saved, but I can't post in #news: I need Send Messages there. Allow it for me in "
        "the channel's settings (Edit Channel → Permissions); until then moderator changes are "
        "not logged.",
        Tone.WARNING,
    )
    assert await stored(app) == (NEWS, [])
    assert text_of(await ask(app, "modlog")) == (
        "Moderator changes are logged in #news, but I can't post there: I need Send Messages."
    )


async def test_unknown_channels_are_said(app: Popcorn) -> None:
    assert text_of(await ask(app, "modlog", "#modlogs")) == (
        "This server has no text channel called #modlogs. Nothing was saved. "
        "Its text channels: #mod-log, #general and #news."
    )
    assert text_of(await ask(app, "modlog", "<#234567890123456789>")) == (
        "This server has no text channel with the id 234567890123456789 (or I can't see it). "
        "Nothing was saved. Its text channels: #mod-log, #general and #news."
    )
    assert await stored(app) is None
    # Without a server to look in (`popcorn chat` without one): ids only.
    await say(app, "!modlog <#234567890123456789>", actor=OWNER)
    assert "<#234567890123456789>" in text_of(await say(app, "!modlog", actor=OWNER))
    assert text_of(await say(app, "!modlog off", actor=OWNER)).startswith("The mod-log is off")
    assert "Name the channel" in text_of(await say(app, "!modlog somewhere", actor=OWNER))


async def test_a_role_the_server_deleted_is_said_and_can_be_removed(app: Popcorn) -> None:
    await ask(app, "modrole", "add @Reviewers")
    await ask(app, "modrole", "add @Mods")
    gone = replace(FACTS, roles=tuple(r for r in FACTS.roles if r.id != MODS))
    assert text_of(await ask(app, "modrole", actor=MOD, facts=gone)) == (
        f"Moderator roles: @Reviewers and <@&{MODS}>. This server no longer has {MODS}: remove "
        f"it with `!modrole remove <id>`. The server owner changes them."
    )
    assert text_of(await ask(app, "modrole", f"remove {MODS}", facts=gone)) == (
        f"Removed <@&{MODS}>. Moderator roles: @Reviewers."
    )
    assert await stored(app) == (None, [REVIEWERS])
    assert text_of(await ask(app, "modrole", f"add {MODS}", facts=gone)).startswith(
        f"This server has no role with the id {MODS}. Nothing was saved."
    )
