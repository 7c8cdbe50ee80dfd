"""Prefix commands end to end through discord.py's own command processing (dpytest)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands

from bot.answers.commands import COMMANDS
from bot.app import Popcorn
from tests.helpers import dpytest_bot


@pytest.fixture
async def bot(app: Popcorn) -> AsyncIterator[commands.Bot]:
    async with dpytest_bot(app) as popcorn_bot:
        yield popcorn_bot


def sent() -> discord.Message:
    return dpytest.get_message()


async def test_review_sends_the_rating_card(bot: commands.Bot) -> None:
    await dpytest.message("!review leaving las vegas")
    message = sent()
    embed = message.embeds[0]
    assert embed.title == "Leaving Las Vegas (1995)"
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Audio"].endswith("POOR") and fields["Picture"].endswith("GOOD")
    assert "Mike Figgis" in fields["Directed by"]
    assert dpytest.verify().message().nothing()


@pytest.mark.parametrize(
    "text", ["!Review leaving las vegas", "!REVIEW Leaving Las Vegas", "! review leaving las vegas"]
)
async def test_command_names_are_case_insensitive_and_spacing_is_forgiven(
    bot: commands.Bot, text: str
) -> None:
    await dpytest.message(text)
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_a_typo_and_a_year_find_the_film(bot: commands.Bot) -> None:
    await dpytest.message("!review levaing las vegs 1995")
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_unknown_command_naming_a_person_is_their_filmography(bot: commands.Bot) -> None:
    await dpytest.message("!cage")
    message = sent()
    assert message.embeds[0].title == "Nicolas Cage: filmography"
    # Pages: only the first page is shown, with working page buttons.
    assert "Page 1/" in message.embeds[0].footer.text


async def test_unknown_command_naming_nobody_gets_a_hint(bot: commands.Bot) -> None:
    await dpytest.message("!xyzzyplugh")
    assert "!help" in sent().content


async def test_missing_argument_asks_for_the_film(bot: commands.Bot) -> None:
    # dpytest re-raises every command error after the bot's own handler has answered it.
    with pytest.raises(commands.MissingRequiredArgument):
        await dpytest.message("!review")
    assert "Which film?" in sent().content


async def test_a_year_that_matches_nothing_is_said_to_match_nothing(bot: commands.Bot) -> None:
    await dpytest.message("!review con air 1990")
    message = sent()
    assert message.embeds[0].title == "Did you mean…"
    assert "No film from 1990" in message.embeds[0].description
    assert "Con Air (1997)" in message.embeds[0].description


async def test_replies_ping_no_one(bot: commands.Bot) -> None:
    await dpytest.message("!review @everyone")
    message = sent()
    assert "@everyone" not in (message.content or "").replace("@\u200beveryone", "")
    assert not message.mention_everyone


async def test_other_bots_are_ignored(bot: commands.Bot) -> None:
    config = dpytest.get_config()
    other = config.members[1]
    other._user.bot = True
    await dpytest.message("!review leaving las vegas", member=1)
    assert dpytest.verify().message().nothing()


async def test_cooldown_stops_a_flood(bot: commands.Bot) -> None:
    rate = bot.settings.cooldown_rate  # type: ignore[attr-defined]
    for _ in range(rate):
        await dpytest.message("!verdict leaving las vegas")
        sent()
    with pytest.raises(commands.CommandOnCooldown):
        await dpytest.message("!verdict leaving las vegas")
    assert "Slow down" in sent().content


async def test_every_command_of_the_table_is_a_hybrid_command(bot: commands.Bot) -> None:
    for spec in COMMANDS:
        command = bot.get_command(spec.name)
        assert isinstance(command, commands.HybridCommand), spec.name
        assert set(command.aliases) == set(spec.aliases)


def test_no_two_commands_share_a_name() -> None:
    names = [n for spec in COMMANDS for n in (spec.name, *spec.aliases)]
    assert len(names) == len(set(names))
