"""The views a reply carries (bot/discord_bot/views.py): pages turned only by the member who
asked, "did you mean" menus answered in place, controls that time out, errors apologised for."""

from __future__ import annotations

import logging

import discord
import discord.ext.test as dpytest
import pytest

from bot.answers.types import Request
from bot.app import Popcorn
from bot.discord_bot.render import Reply
from bot.discord_bot.views import (
    APOLOGY,
    NOT_YOURS,
    VIEW_MARK,
    ChoiceView,
    Paginator,
    interactive_reply,
)
from tests.discord_bot.fakes import (
    OWNER,
    STRANGER,
    autospec,
    component_interaction,
    fake_interaction,
)
from tests.discord_bot.limits_check import assert_within_limits
from tests.helpers import dpytest_bot


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
    view.message = autospec(discord.Message)
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


async def test_an_owned_view_marks_the_interactions_it_takes(app: Popcorn) -> None:
    answer = await app.answer_text("!top 25")
    view = Paginator(answer, OWNER)  # type: ignore[arg-type]
    interaction = component_interaction(view.next.custom_id)
    assert await view.interaction_check(interaction)
    assert interaction.extras[VIEW_MARK] is True


async def test_a_failing_control_is_logged_with_context_and_apologised_for(
    app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    answer = await app.answer_text("!top 25")
    view = Paginator(answer, OWNER)  # type: ignore[arg-type]
    interaction = component_interaction(view.next.custom_id)
    interaction.guild_id, interaction.channel_id = 4242, 77
    with caplog.at_level(logging.ERROR):
        await view.on_error(interaction, RuntimeError("boom"), view.next)
    interaction.response.send_message.assert_awaited_once_with(APOLOGY, ephemeral=True)
    line = caplog.records[-1].getMessage()
    assert "guild 4242" in line and "channel 77" in line and f"user {OWNER}" in line


# --- `!read`'s pages ------------------------------------------------------------------------

LLV = "Leaving Las Vegas (1995)"


async def test_only_the_member_who_asked_turns_the_pages(app: Popcorn) -> None:
    answer = await app.answer(Request("read", "leaving las vegas acting"))
    view = interactive_reply(answer, OWNER, app).view
    assert isinstance(view, Paginator) and view.page == 4
    stranger = fake_interaction(STRANGER)
    assert not await view.interaction_check(stranger)
    stranger.response.send_message.assert_awaited_once_with(NOT_YOURS, ephemeral=True)
    stranger.response.edit_message.assert_not_awaited()
    assert view.page == 4
    owner = fake_interaction(OWNER)
    assert await view.interaction_check(owner)
    await view.next.callback(owner)
    edit = owner.response.edit_message.await_args.kwargs
    assert edit["embeds"][0].description.startswith("**Conclusion: the film**")
    assert edit["embeds"][0].footer.text.startswith("Page 6/11")
    assert_within_limits(Reply(embeds=edit["embeds"], view=edit["view"]))


async def test_the_prefix_command_through_discord_py(app: Popcorn) -> None:
    async with dpytest_bot(app):
        await dpytest.message("!read leaving las vegas verdict")
        message = dpytest.get_message()
        embed = message.embeds[0]
        assert embed.title == f"The review of {LLV}"
        assert (embed.description or "").startswith("**Verdict**")
        assert (embed.footer.text or "").startswith("Page 9/11")
