"""The server owner's settings (bot/answers/moderation/settings.py): moderator roles and the
mod-log channel, with ids checked before they reach the database."""

from __future__ import annotations

from bot.app import Popcorn
from tests.answers.moderation.helpers import OWNER, say, text_of


async def test_only_the_owner_configures_moderation(any_app: Popcorn) -> None:
    assert "server owner" in text_of(await say(any_app, "!modrole add 123456789012345678"))
    assert "123456789012345678" in text_of(
        await say(any_app, "!modrole add 123456789012345678", actor=OWNER)
    )
    assert "<#234567890123456789>" in text_of(
        await say(any_app, "!modlog #234567890123456789", actor=OWNER)
    )


async def test_roles_are_listed_added_and_removed(app: Popcorn) -> None:
    none = "No moderator roles are set: members with Manage Messages are moderators."
    assert text_of(await say(app, "!modrole", actor=OWNER)) == none
    await say(app, "!modrole add <@&123456789012345678>", actor=OWNER)
    listed = text_of(await say(app, "!modrole", actor=OWNER))
    assert listed == "Moderator roles: <@&123456789012345678>."
    await say(app, "!modrole remove 123456789012345678", actor=OWNER)
    assert text_of(await say(app, "!modrole", actor=OWNER)) == none
    assert text_of(await say(app, "!modrole add 1" + "0" * 25, actor=OWNER)).startswith(
        "That is not a Discord role id."
    )


async def test_the_modlog_is_set_and_turned_off(app: Popcorn) -> None:
    await say(app, "!modlog <#234567890123456789>", actor=OWNER)
    assert "<#234567890123456789>" in text_of(await say(app, "!modlog", actor=OWNER))
    assert text_of(await say(app, "!modlog off", actor=OWNER)) == "No mod-log channel is set."
    assert "Name the channel" in text_of(await say(app, "!modlog somewhere", actor=OWNER))
