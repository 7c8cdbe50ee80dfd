"""Errors on Discord (bot/discord_bot/errors.py): slash command errors and cooldowns said
privately, errors of the prefix path logged and apologised for."""

from __future__ import annotations

import logging
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import discord.ext.test as dpytest
import pytest
from discord import app_commands

from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.views import (
    APOLOGY,
)
from tests.discord_bot.fakes import (
    fake_interaction,
)


async def test_slash_command_errors_get_a_short_private_apology(
    bot: PopcornBot, caplog: pytest.LogCaptureFixture
) -> None:
    interaction = fake_interaction()
    interaction.command = None
    error = discord.app_commands.CommandInvokeError(MagicMock(), RuntimeError("boom"))
    await bot.tree.on_error(interaction, error)
    text = interaction.response.send_message.await_args.args[0]
    assert text.startswith("Sorry") and "boom" not in text
    assert "boom" in caplog.text


async def test_a_slash_cooldown_is_said_privately(bot: PopcornBot) -> None:
    interaction = fake_interaction()
    cooldown = app_commands.Cooldown(1, 10)
    await bot.tree.on_error(interaction, app_commands.CommandOnCooldown(cooldown, 7.2))
    interaction.response.send_message.assert_awaited_once_with(
        "Slow down a little: try again in 7s.", ephemeral=True
    )


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("!review set leaving las vegas audio GOOD", "review set"),  # moderator command
        ("!cage", "cage"),  # an unknown command: a person's filmography
        ("hey {mention} who directed leaving las vegas?", "ask"),  # a mention question
    ],
)
async def test_errors_of_the_prefix_path_are_logged_and_apologised_for(
    live_bot: Any,
    app: Popcorn,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    text: str,
    command: str,
) -> None:
    # Popcorn has slots: the class's method is replaced (the bot's core is `app`).
    monkeypatch.setattr(type(app), "answer", AsyncMock(side_effect=RuntimeError("boom")))
    with caplog.at_level(logging.ERROR):
        await dpytest.message(text.format(mention=f"<@{live_bot.user.id}>"))
    assert dpytest.get_message().content == APOLOGY
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    line = errors[0].getMessage()
    config = dpytest.get_config()
    assert line.startswith("command ")
    assert f"guild {config.guilds[0].id}" in line
    assert f"channel {config.channels[0].id}" in line
    assert f"author {config.members[0].id}" in line
    assert errors[0].exc_info is not None and "boom" in str(errors[0].exc_info[1])
    assert command.split()[0] in line
