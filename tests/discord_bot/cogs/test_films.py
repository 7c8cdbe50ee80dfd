"""The member slash commands (bot/discord_bot/cogs/films.py): one per command of the table, their
options, and their callbacks run with spec'd fakes of discord.py objects (dpytest has no
interaction support)."""

from __future__ import annotations

from typing import Any

import pytest
from discord import app_commands

from bot.answers.commands import COMMANDS
from bot.answers.text import clip
from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.transformers import (
    Target,
)
from bot.discord_bot.views import Paginator
from tests.discord_bot.fakes import (
    OWNER,
    film_id,
    sent,
    slash_command,
    slash_interaction,
)


def test_every_command_of_the_table_is_a_slash_command_with_its_description(
    bot: PopcornBot,
) -> None:
    for spec in COMMANDS:
        command = slash_command(bot, spec.name)
        assert command.description == clip(spec.summary, 100)
        kinds = {p.name: p for p in command.parameters}
        if spec.argument in ("film", "person"):
            (option,) = [p for p in command.parameters if p.name == spec.argument]
            assert option.autocomplete, spec.name
            assert option.required or spec.name == "progress"
        if spec.argument == "none":
            assert not kinds, spec.name


def test_slash_options_are_as_before(bot: PopcornBot) -> None:
    options = {
        spec.name: [(p.display_name, p.required) for p in slash_command(bot, spec.name).parameters]
        for spec in COMMANDS
    }
    assert options["review"] == [("film", True)]
    assert options["read"] == [("film", True), ("section", False)]
    assert options["filmography"] == [("person", True)]
    assert options["search"] == [("text", True)]
    assert options["ask"] == [("question", True)]
    assert options["top"] == options["worst"] == [("aspect", False), ("count", False)]
    assert options["latest"] == [("count", False)]
    assert options["progress"] == [("person", False)]
    assert options["random"] == options["stats"] == options["help"] == []
    read = {p.name: p for p in slash_command(bot, "read").parameters}
    assert {c.value for c in read["section"].choices} >= {"acting", "extras", "blu-ray"}
    count = {p.name: p for p in slash_command(bot, "top").parameters}["count"]
    assert (count.min_value, count.max_value) == (1, 25)


def test_no_slash_option_has_more_choices_than_discord_allows(bot: PopcornBot) -> None:
    def commands_of(item: Any) -> list[Any]:
        if isinstance(item, app_commands.Group):
            return [c for child in item.commands for c in commands_of(child)]
        return [item]

    for command in [c for top in bot.tree.get_commands() for c in commands_of(top)]:
        for parameter in command.parameters:
            assert len(parameter.choices) <= 25, (command.qualified_name, parameter.name)


async def test_slash_review_with_an_autocompleted_id(bot: PopcornBot, app: Popcorn) -> None:
    interaction = slash_interaction(bot)
    film = Target(film_id=film_id(app, "leaving las vegas"))
    await slash_command(bot, "review").callback(interaction, film=film)  # type: ignore[call-arg]
    kwargs = sent(interaction)
    assert kwargs["embeds"][0].title == "Leaving Las Vegas (1995)"
    assert kwargs["allowed_mentions"].everyone is False
    assert any(item.url for item in kwargs["view"].children)  # link buttons


async def test_slash_top_reads_like_the_prefix_command(bot: PopcornBot) -> None:
    interaction = slash_interaction(bot, command="top")
    await slash_command(bot, "top").callback(interaction, aspect="audio", count=2)  # type: ignore[call-arg]
    assert sent(interaction)["embeds"][0].title == "Top 2 by audio rating"


async def test_slash_read_opens_at_the_section(bot: PopcornBot, app: Popcorn) -> None:
    read = slash_command(bot, "read")
    interaction = slash_interaction(bot, command="read")
    film = Target(film_id=film_id(app, "leaving las vegas"))
    await read.callback(interaction, film=film, section="extras")  # type: ignore[call-arg]
    assert sent(interaction)["embeds"][0].description.startswith("**Extras**")
    typed = slash_interaction(bot, command="read")
    await read.callback(typed, film=Target("leaving las vegas"), section="blu-ray")  # type: ignore[call-arg]
    assert sent(typed)["embeds"][0].description.startswith("**Conclusion: the Blu-ray**")


async def test_slash_cooldown_is_the_members_prefix_cooldown(bot: PopcornBot) -> None:
    interaction = slash_interaction(bot, command="stats")
    (check,) = slash_command(bot, "stats").checks
    for _ in range(bot.settings.cooldown_rate):
        assert await check(interaction)
    with pytest.raises(app_commands.CommandOnCooldown):
        await check(interaction)
    # The same buckets as prefix commands: `!stats` is on cooldown too.
    assert bot.cooldowns.retry_after("stats", None, OWNER) is not None


# --- /read --------------------------------------------------------------------------------


async def test_the_slash_command_takes_the_film_and_the_part(bot: PopcornBot, app: Popcorn) -> None:
    command = bot.tree.get_command("read")
    assert isinstance(command, app_commands.Command)
    options = {p.name: p for p in command.parameters}
    assert options["film"].required and options["film"].autocomplete
    assert not options["section"].required
    assert {c.value for c in options["section"].choices} >= {"acting", "extras", "blu-ray"}

    interaction = slash_interaction(bot, command="read")
    film = Target(film_id=film_id(app, "leaving las vegas"))
    await command.callback(interaction, film=film, section="extras")  # type: ignore[call-arg]
    kwargs = sent(interaction)
    assert kwargs["embeds"][0].description.startswith("**Extras**")
    assert isinstance(kwargs["view"], Paginator) and kwargs["view"].owner_id == OWNER

    typed = slash_interaction(bot, command="read")
    await command.callback(typed, film=Target("leaving las vegas"), section="blu-ray")  # type: ignore[call-arg]
    embed = sent(typed)["embeds"][0]
    assert embed.description.startswith("**Conclusion: the Blu-ray**")
