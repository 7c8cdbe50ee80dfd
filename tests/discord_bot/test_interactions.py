"""Slash commands, autocomplete, pages and "did you mean" menus, through their callbacks with
spec'd fakes of discord.py objects (dpytest has no interaction support)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from unittest.mock import MagicMock, create_autospec

import discord
import pytest
from discord.ext import commands

from bot.answers.types import Request
from bot.app import Popcorn
from bot.discord_bot.client import create_bot
from bot.discord_bot.cogs.films import Films, film_request
from bot.discord_bot.views import NOT_YOURS, ChoiceView, Paginator, interactive_reply
from tests.discord_bot.fakes import (
    OWNER,
    STRANGER,
    fake_guild_context,
    fake_interaction,
    fake_slash_context,
)


@pytest.fixture
async def bot(app: Popcorn) -> AsyncIterator[commands.Bot]:
    popcorn_bot = create_bot(app.settings, core=app)
    await popcorn_bot.setup_hook()
    yield popcorn_bot


def film_id(app: Popcorn, title: str) -> int:
    match = app.index.find_film(title)
    assert match.best is not None
    return match.best.id


async def test_slash_review_with_an_autocompleted_id(bot: commands.Bot, app: Popcorn) -> None:
    cog = bot.get_cog("Films")
    # load_extension imports the cog module anew: compare by name, not by class identity.
    assert type(cog).__name__ == Films.__name__
    ctx = fake_slash_context(bot)
    await type(cog).review.callback(cog, ctx, film=f"#{film_id(app, 'leaving las vegas')}")
    kwargs = ctx.send.await_args.kwargs
    assert kwargs["embeds"][0].title == "Leaving Las Vegas (1995)"
    assert kwargs["allowed_mentions"].everyone is False
    assert any(item.url for item in kwargs["view"].children)  # link buttons


async def test_autocomplete_gives_dated_labels_and_record_ids(
    bot: commands.Bot, app: Popcorn
) -> None:
    cog: Any = bot.get_cog("Films")
    choices = await cog.film_choices(fake_interaction(), "leavng las")
    assert choices[0].name == "Leaving Las Vegas (1995)"
    assert choices[0].value == f"#{film_id(app, 'leaving las vegas')}"
    many = await cog.film_choices(fake_interaction(), "")
    assert 0 < len(many) <= 25
    assert all(0 < len(c.name) <= 100 for c in many)
    people = await cog.person_choices(fake_interaction(), "cage")
    assert people[0].name == "Nicolas Cage" and people[0].value.startswith("#")


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
    await view._scheduled_task(view.next, interaction)
    edit = interaction.response.edit_message.await_args.kwargs
    assert edit["embeds"][0].footer.text.startswith(f"Page 2/{view.pages}")
    assert not view.previous.disabled


async def test_only_the_member_who_asked_can_turn_pages(app: Popcorn) -> None:
    answer = await app.answer(Request("filmography", "nicolas cage"))
    view = interactive_reply(answer, OWNER, app).view
    assert isinstance(view, Paginator)
    interaction = fake_interaction(STRANGER)
    await view._scheduled_task(view.next, interaction)
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


async def test_without_embed_links_the_bot_answers_in_plain_text(bot: commands.Bot) -> None:
    ctx = fake_guild_context(discord.Permissions(send_messages=True, embed_links=False))
    await bot.respond(ctx, Request("review", "leaving las vegas"))  # type: ignore[attr-defined]
    kwargs = ctx.send.await_args.kwargs
    assert "embeds" not in kwargs
    assert "Leaving Las Vegas (1995)" in kwargs["content"] and "Embed Links" in kwargs["content"]
    assert len(kwargs["content"]) <= 2000


async def test_without_send_messages_the_bot_logs_what_is_missing(
    bot: commands.Bot, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = fake_guild_context(discord.Permissions.none())
    await bot.respond(ctx, Request("review", "leaving las vegas"))  # type: ignore[attr-defined]
    ctx.send.assert_not_awaited()
    assert "missing Send Messages" in caplog.text


async def test_slash_command_errors_get_a_short_private_apology(
    bot: commands.Bot, caplog: pytest.LogCaptureFixture
) -> None:
    interaction = fake_interaction()
    interaction.command = None
    error = discord.app_commands.CommandInvokeError(MagicMock(), RuntimeError("boom"))
    await bot.tree.on_error(interaction, error)
    text = interaction.response.send_message.await_args.args[0]
    assert text.startswith("Sorry") and "boom" not in text
    assert "boom" in caplog.text
