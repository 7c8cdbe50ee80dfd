"""Ids a member types (`!modlog #channel`, `!modrole add @role`, raw ids) are checked as Discord
snowflakes before they reach the database: a 21-digit number is a short reply, not an
OverflowError (SQLite) or a DataError (PostgreSQL). Issue #10, class 11."""

from __future__ import annotations

import pytest
import pytest_asyncio
from sqlalchemy import select

from bot.answers.moderation import snowflake
from bot.answers.types import Actor, Notice, Tone
from bot.app import Popcorn
from bot.db.models import GuildSettings

OWNER = Actor(8, "Owner", is_moderator=True, guild_id=99, is_guild_owner=True)
TOO_BIG = [
    "999999999999999999999",  # 21 digits
    "9223372036854775808",  # 2**63: one past the largest signed 64-bit value
    "99999999999999999999",  # 20 digits, over 2**63
    "0000000000000000000",  # zero is no id
    "12345",  # too short to be an id
    "9" * 400,
]


async def say(app: Popcorn, text: str) -> Notice:
    answer = await app.answer_text(text, OWNER)
    assert isinstance(answer, Notice), answer
    return answer


async def stored(app: Popcorn) -> tuple[int | None, list[int]] | None:
    async with app.sessions() as session:
        row = await session.scalar(select(GuildSettings).where(GuildSettings.guild_id == 99))
        return None if row is None else (row.modlog_channel_id, list(row.moderator_role_ids))


def test_snowflake_bounds() -> None:
    assert snowflake("9223372036854775807") == 2**63 - 1
    assert snowflake("234567890123456789") == 234567890123456789
    for bad in TOO_BIG:
        assert snowflake(bad) is None, bad
    assert snowflake("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧") is None  # Arabic-Indic digits match \d


#: What each bad id is tried against: a mod-log channel and a moderator role already set.
SET = (234567890123456789, [345678901234567890])
#: The apps the two settings were made on (by id; each kept here, so no other takes its id).
_set_up: dict[int, Popcorn] = {}


@pytest_asyncio.fixture(loop_scope="module")
async def set_app(module_any_app: Popcorn) -> Popcorn:
    """The module's app on each database (one database of its own per module), with the mod-log
    channel and a moderator role set once (they were set again by each case, to the same values);
    each case then only refuses a bad id and checks the stored settings did not change."""
    if id(module_any_app) not in _set_up:
        await say(module_any_app, "!modlog 234567890123456789")
        await say(module_any_app, "!modrole add 345678901234567890")
        _set_up[id(module_any_app)] = module_any_app
    return module_any_app


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("digits", TOO_BIG)
@pytest.mark.parametrize(
    "template", ["!modlog {}", "!modlog #{}", "!modlog <#{}>", "!modrole add {}",
                 "!modrole add <@&{}>", "!modrole remove @{}"],
)  # fmt: skip
async def test_a_bad_id_gets_a_short_reply_and_changes_nothing(
    set_app: Popcorn, template: str, digits: str
) -> None:
    before = await stored(set_app)
    assert before == SET  # as set up: no earlier case changed it
    answer = await say(set_app, template.format(digits))
    assert answer.tone is Tone.WARNING
    assert "not a Discord" in answer.text and len(answer.text) < 200, answer.text
    assert await stored(set_app) == before


async def test_the_largest_id_is_stored(any_app: Popcorn) -> None:
    big = 2**63 - 1
    assert f"<#{big}>" in (await say(any_app, f"!modlog <#{big}>")).text
    assert f"<@&{big}>" in (await say(any_app, f"!modrole add <@&{big}>")).text
    assert await stored(any_app) == (big, [big])
