"""Per-member cooldowns (bot/discord_bot/cooldowns.py), through prefix messages on dpytest."""

from __future__ import annotations

import discord
import discord.ext.test as dpytest

from bot.discord_bot.client import PopcornBot


def sent() -> discord.Message:
    return dpytest.get_message()


async def test_cooldown_stops_a_flood(live_bot: PopcornBot) -> None:
    rate = live_bot.settings.cooldown_rate
    for _ in range(rate):
        await dpytest.message("!verdict leaving las vegas")
        sent()
    await dpytest.message("!verdict leaving las vegas")
    text = sent().content
    assert text.startswith("Slow down a little: try again in ") and text.endswith("s.")
    await dpytest.message("!review leaving las vegas")  # another command: its own bucket
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_aliases_share_their_command_s_cooldown(live_bot: PopcornBot) -> None:
    for _ in range(live_bot.settings.cooldown_rate):
        await dpytest.message("!film leaving las vegas")
        sent()
    await dpytest.message("!review leaving las vegas")
    assert "Slow down" in sent().content


async def test_a_moderator_command_gets_the_cooldown(live_bot: PopcornBot) -> None:
    for _ in range(live_bot.settings.cooldown_rate):
        await dpytest.message("!review history leaving las vegas")
        sent()
    await dpytest.message("!review history leaving las vegas")
    assert "Slow down" in sent().content


async def test_flooding_mentions_and_unknown_commands_stays_quiet(live_bot: PopcornBot) -> None:
    assert live_bot.user is not None
    for _ in range(live_bot.settings.cooldown_rate):
        await dpytest.message("!cage")
        sent()
    await dpytest.message("!cage")
    await dpytest.message(f"{live_bot.user.mention} who directed con air?")
    assert dpytest.verify().message().nothing()
    await dpytest.message("!review leaving las vegas")  # real commands still answer
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"
