"""Slash commands, autocomplete, pages and "did you mean" menus, through their callbacks with
spec'd fakes of discord.py objects (dpytest has no interaction support)."""

from __future__ import annotations

from typing import Any
from unittest.mock import MagicMock, create_autospec

import discord
import pytest
from discord import app_commands

from bot.answers.commands import COMMANDS
from bot.answers.text import clip
from bot.answers.types import Request
from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.transformers import (
    FilmTransformer,
    PersonTransformer,
    Target,
    film_request,
)
from bot.discord_bot.views import NOT_YOURS, ChoiceView, Paginator, interactive_reply
from tests.discord_bot.fakes import (
    OWNER,
    STRANGER,
    fake_guild_context,
    fake_interaction,
    sent,
    slash_interaction,
)


def film_id(app: Popcorn, title: str) -> int:
    match = app.index.find_film(title)
    assert match.best is not None
    return match.best.id


def slash(bot: PopcornBot, name: str) -> app_commands.Command[Any, ..., Any]:
    command = bot.tree.get_command(name)
    assert isinstance(command, app_commands.Command), name
    return command


def test_every_command_of_the_table_is_a_slash_command_with_its_description(
    bot: PopcornBot,
) -> None:
    for spec in COMMANDS:
        command = slash(bot, spec.name)
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
        spec.name: [(p.display_name, p.required) for p in slash(bot, spec.name).parameters]
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
    read = {p.name: p for p in slash(bot, "read").parameters}
    assert {c.value for c in read["section"].choices} >= {"acting", "extras", "blu-ray"}
    count = {p.name: p for p in slash(bot, "top").parameters}["count"]
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
    await slash(bot, "review").callback(interaction, film=film)  # type: ignore[call-arg]
    kwargs = sent(interaction)
    assert kwargs["embeds"][0].title == "Leaving Las Vegas (1995)"
    assert kwargs["allowed_mentions"].everyone is False
    assert any(item.url for item in kwargs["view"].children)  # link buttons


async def test_slash_top_reads_like_the_prefix_command(bot: PopcornBot) -> None:
    interaction = slash_interaction(bot, command="top")
    await slash(bot, "top").callback(interaction, aspect="audio", count=2)  # type: ignore[call-arg]
    assert sent(interaction)["embeds"][0].title == "Top 2 by audio rating"


async def test_slash_read_opens_at_the_section(bot: PopcornBot, app: Popcorn) -> None:
    interaction = slash_interaction(bot, command="read")
    film = Target(film_id=film_id(app, "leaving las vegas"))
    await slash(bot, "read").callback(interaction, film=film, section="extras")  # type: ignore[call-arg]
    assert sent(interaction)["embeds"][0].description.startswith("**Extras**")
    typed = slash_interaction(bot, command="read")
    await slash(bot, "read").callback(typed, film=Target("leaving las vegas"), section="blu-ray")  # type: ignore[call-arg]
    assert sent(typed)["embeds"][0].description.startswith("**Conclusion: the Blu-ray**")


async def test_slash_cooldown_is_the_members_prefix_cooldown(bot: PopcornBot) -> None:
    interaction = slash_interaction(bot, command="stats")
    (check,) = slash(bot, "stats").checks
    for _ in range(bot.settings.cooldown_rate):
        assert await check(interaction)
    with pytest.raises(app_commands.CommandOnCooldown):
        await check(interaction)
    # The same buckets as prefix commands: `!stats` is on cooldown too.
    assert bot.cooldowns.retry_after("stats", None, OWNER) is not None


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
        (film,) = [p for p in slash(bot, name).parameters if p.name == "film"]
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


async def test_the_paginator_turns_pages_for_its_owner(app: Popcorn) -> None:
    answer = await app.answer(Request("filmography", "nicolas cage"))
    reply = interactive_reply(answer, OWNER, app)
    view = reply.view
    assert isinstance(view, Paginator) and view.pages > 1
    assert view.previous.disabled and not view.next.disabled

    interaction = fake_interaction(OWNER)
    assert await view.interaction_check(interaction)
    await view.next.callback(interaction)
    edit = interaction.response.edit_message.await_args.kwargs
    assert edit["embeds"][0].footer.text.startswith(f"Page 2/{view.pages}")
    assert not view.previous.disabled


async def test_only_the_member_who_asked_can_turn_pages(app: Popcorn) -> None:
    answer = await app.answer(Request("filmography", "nicolas cage"))
    view = interactive_reply(answer, OWNER, app).view
    assert isinstance(view, Paginator)
    interaction = fake_interaction(STRANGER)
    assert not await view.interaction_check(interaction)  # discord.py stops here
    interaction.response.send_message.assert_awaited_once_with(NOT_YOURS, ephemeral=True)
    interaction.response.edit_message.assert_not_awaited()
    assert view.page == 0


async def test_controls_turn_off_when_the_view_times_out(app: Popcorn) -> None:
    answer = await app.answer(Request("filmography", "nicolas cage"))
    view = interactive_reply(answer, OWNER, app).view
    assert isinstance(view, Paginator)
    view.message = create_autospec(discord.Message, instance=True)
    await view.on_timeout()
    assert view.next.disabled and view.previous.disabled
    view.message.edit.assert_awaited_once_with(view=view)


async def test_a_did_you_mean_choice_answers_in_place(app: Popcorn) -> None:
    answer = await app.answer(Request("review", "con air 1990"))
    reply = interactive_reply(answer, OWNER, app)
    view = reply.view
    assert isinstance(view, ChoiceView)
    menu = view.children[0]
    assert isinstance(menu, discord.ui.Select)
    assert [o.label for o in menu.options] == ["Con Air (1997)"]

    interaction = fake_interaction(OWNER)
    await menu.choose(interaction, menu.options[0].value)  # what Select.callback calls
    edit = interaction.response.edit_message.await_args.kwargs
    assert edit["embeds"][0].title == "Con Air (1997)"
    assert view.is_finished()


async def test_a_stranger_cannot_choose(app: Popcorn) -> None:
    answer = await app.answer(Request("review", "con air 1990"))
    view = interactive_reply(answer, OWNER, app).view
    assert isinstance(view, ChoiceView)
    interaction = fake_interaction(STRANGER)
    assert await view.interaction_check(interaction) is False
    interaction.response.send_message.assert_awaited_once_with(NOT_YOURS, ephemeral=True)


async def test_respond_answers_as_the_member_who_asked(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True, embed_links=True))
    message = await ctx.respond(Request("filmography", "nicolas cage"))
    kwargs = ctx.send.await_args.kwargs
    assert kwargs["embeds"][0].title == "Nicolas Cage: filmography"
    view = kwargs["view"]
    assert isinstance(view, Paginator) and view.owner_id == ctx.author.id
    assert view.message is message  # so the view can switch its controls off later


async def test_without_embed_links_the_bot_answers_in_plain_text(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True, embed_links=False))
    await ctx.respond(Request("review", "leaving las vegas"))
    kwargs = ctx.send.await_args.kwargs
    assert "embeds" not in kwargs
    assert "Leaving Las Vegas (1995)" in kwargs["content"] and "Embed Links" in kwargs["content"]
    assert len(kwargs["content"]) <= 2000


async def test_without_send_messages_the_bot_logs_what_is_missing(
    bot: PopcornBot, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = fake_guild_context(bot, discord.Permissions.none())
    await ctx.respond(Request("review", "leaving las vegas"))
    ctx.send.assert_not_awaited()
    assert "missing Send Messages" in caplog.text


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
