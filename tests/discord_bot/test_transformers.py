"""The slash options' transformers (bot/discord_bot/transformers.py): autocomplete gives dated
labels and record ids, and values become requests."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.answers.types import Request
from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.transformers import (
    FilmTransformer,
    PersonTransformer,
    film_request,
)
from tests.discord_bot.fakes import (
    film_id,
    slash_command,
    slash_interaction,
)


async def test_film_autocomplete_gives_dated_labels_and_record_ids(
    bot: PopcornBot, app: Popcorn
) -> None:
    interaction = slash_interaction(bot)
    choices = await FilmTransformer().autocomplete(interaction, "leavng las")
    assert choices[0].name == "Leaving Las Vegas (1995)"
    assert choices[0].value == f"#{film_id(app, 'leaving las vegas')}"
    many = await FilmTransformer().autocomplete(interaction, "")
    assert 0 < len(many) <= 25
    assert all(0 < len(c.name) <= 100 for c in many)
    people = await PersonTransformer().autocomplete(interaction, "cage")
    assert people[0].name == "Nicolas Cage" and str(people[0].value).startswith("#")


async def test_the_film_option_autocompletes_through_the_transformer(bot: PopcornBot) -> None:
    for name in ("review", "verdict", "cast", "buy", "read"):
        (film,) = [p for p in slash_command(bot, name).parameters if p.name == "film"]
        assert film.autocomplete and film.type is discord.AppCommandOptionType.string
    group = bot.tree.get_command("reviews")
    assert isinstance(group, app_commands.Group)
    for name in ("set", "remove", "restore", "history"):
        command = group.get_command(name)
        assert isinstance(command, app_commands.Command)
        assert command.parameters[0].name == "film" and command.parameters[0].autocomplete


async def test_the_transformers_turn_values_into_requests(bot: PopcornBot) -> None:
    interaction = slash_interaction(bot)
    film = await FilmTransformer().transform(interaction, "#42")
    assert film.request("review") == Request("review", film_id=42)
    typed = await FilmTransformer().transform(interaction, " con air ")
    assert typed.request("review") == Request("review", "con air")
    person = await PersonTransformer().transform(interaction, "#7")
    assert person.request("filmography") == Request("filmography", person_id=7)
    named = await PersonTransformer().transform(interaction, "cage")
    assert named.request("filmography") == Request("filmography", "cage")
    assert film.request("read", "extras") == Request("read", "extras", film_id=42)
    assert typed.request("read", "extras") == Request("read", "con air extras")


def test_autocomplete_values_become_ids_and_text_stays_text() -> None:
    assert film_request("review", "#42") == Request("review", film_id=42)
    assert film_request("review", " con air ") == Request("review", "con air")
    assert film_request("review", "#42 x") == Request("review", "#42 x")
