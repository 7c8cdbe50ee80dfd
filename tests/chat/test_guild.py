"""The chat's pretend server (bot/chat/guild.py): every id one a member could type, the owner
is the chat's moderator, and a channel the bot cannot post in to try the warning on."""

from __future__ import annotations

from bot.answers.moderation.settings import snowflake
from bot.chat.console import ChatSession
from bot.chat.guild import CHAT_GUILD, CHAT_GUILD_ID


def test_the_pretend_server_is_one_a_moderator_can_set_up() -> None:
    typed_ids = [role.id for role in CHAT_GUILD.roles if not role.everyone]
    typed_ids += [channel.id for channel in CHAT_GUILD.channels]
    assert all(snowflake(str(i)) == i for i in typed_ids)
    assert len(set(typed_ids)) == len(typed_ids)
    [everyone] = [role for role in CHAT_GUILD.roles if role.everyone]
    assert everyone.id == CHAT_GUILD_ID  # as on Discord: the @everyone role is the server's id
    assert CHAT_GUILD.owner_name == "moderator"
    assert [c.name for c in CHAT_GUILD.channels if c.missing] == ["announcements"]
    holders = {name for role in CHAT_GUILD.roles for name in role.members or ()}
    assert set(CHAT_GUILD.manage_messages_members or ()) <= holders
    # Everyone with a Manage Messages role is listed as having it.
    for role in CHAT_GUILD.roles:
        if role.manage_messages:
            assert set(role.members or ()) <= set(CHAT_GUILD.manage_messages_members or ())


def test_the_chat_member_is_in_that_server() -> None:
    actor = ChatSession(app=None, moderator=True).actor  # type: ignore[arg-type]
    assert actor.guild_id == CHAT_GUILD_ID and actor.is_guild_owner
    assert actor.name == CHAT_GUILD.owner_name
