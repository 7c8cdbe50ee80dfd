"""Interactive views: pages, "did you mean" menus and link buttons.

Only the member who asked may use a view's controls; controls turn off when the view times
out. The callbacks are the same whether Discord or `popcorn chat` presses them.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import discord

from bot.answers.text import clip
from bot.answers.types import (
    Answer,
    Card,
    Choice,
    Choices,
    Confirmation,
    ItemList,
    Link,
    PendingChange,
    Request,
)
from bot.discord_bot import limits
from bot.discord_bot.render import (
    Reply,
    is_web_url,
    page_count,
    render,
    render_list_page,
    start_page,
)

log = logging.getLogger(__name__)


class Actions(Protocol):
    """What controls may do: answer a request, apply a confirmed change (Popcorn does both)."""

    async def answer(self, request: Request, /) -> Answer: ...
    async def apply(self, change: PendingChange, /) -> Answer: ...


VIEW_TIMEOUT = 180.0
NOT_YOURS = "Only the member who asked can use these controls. Ask the bot yourself!"
EXPIRED = "This menu has expired; ask again."
#: Set in Interaction.extras when a live view took a control's interaction (see
#: PopcornBot.on_interaction, which answers the controls no view takes).
VIEW_MARK = "popcorn_view"
APOLOGY = "Sorry, something went wrong on my side. It has been logged."


async def reply_privately(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral reply to an interaction, answered or not yet; a refused send is logged."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("could not send an error reply to an interaction: %s", exc)


class OwnedView(discord.ui.View):
    """A view whose controls answer only to `owner_id`, and switch off on time-out."""

    def __init__(self, owner_id: int, *, timeout: float | None = VIEW_TIMEOUT) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | None = None

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        interaction.extras[VIEW_MARK] = True
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    def disable_controls(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button) and item.url:
                continue  # link buttons keep working
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        """A control's callback failed: logged with its context, a short apology to the member."""
        log.error(
            "control %s of %s failed (guild %s, channel %s, user %s)",
            getattr(item, "custom_id", None), type(self).__name__, interaction.guild_id,
            interaction.channel_id, interaction.user.id, exc_info=error,
        )  # fmt: skip
        await reply_privately(interaction, APOLOGY)

    async def on_timeout(self) -> None:
        self.disable_controls()
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException as exc:
                log.debug(
                    "could not switch off the controls of message %s: %s", self.message.id, exc
                )

    async def show(self, interaction: discord.Interaction, reply: Reply) -> None:
        """Replace the message the control belongs to with `reply`."""
        await interaction.response.edit_message(
            content=reply.content,
            embeds=reply.embeds,
            view=reply.view,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        if isinstance(reply.view, OwnedView):
            reply.view.message = interaction.message


def add_link_buttons(view: discord.ui.View, links: tuple[Link, ...], room: int) -> None:
    for link in [link for link in links if is_web_url(link.url)][:room]:
        view.add_item(discord.ui.Button(label=clip(link.label, limits.BUTTON_LABEL), url=link.url))


class Paginator(OwnedView):
    """◀ Previous · page x/y · Next ▶ under a long list."""

    def __init__(self, answer: ItemList, owner_id: int, page: int = 0) -> None:
        super().__init__(owner_id)
        self.answer = answer
        self.pages = page_count(answer)
        self.page = min(max(page, 0), self.pages - 1)
        add_link_buttons(self, answer.links, room=limits.BUTTONS_PER_ROW)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= self.pages - 1
        self.counter.label = f"{self.page + 1}/{self.pages}"

    def current(self) -> Reply:
        reply = render_list_page(self.answer, self.page)
        return Reply(content=reply.content, embeds=reply.embeds, view=self)

    async def turn(self, interaction: discord.Interaction, step: int) -> None:
        self.page = min(max(self.page + step, 0), self.pages - 1)
        self._sync_buttons()
        reply = self.current()
        await interaction.response.edit_message(embeds=reply.embeds, view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary, row=0)
    async def previous(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        await self.turn(interaction, -1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def counter(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        await interaction.response.defer()  # a label, never enabled

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.primary, row=0)
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button[Any]) -> None:
        await self.turn(interaction, +1)


class ChoiceSelect(discord.ui.Select["ChoiceView"]):
    def __init__(self, answer: Choices) -> None:
        options = [
            discord.SelectOption(
                label=clip(choice.label, limits.SELECT_LABEL),
                value=str(i),
                description=clip(choice.description, limits.SELECT_DESCRIPTION)
                if choice.description
                else None,
            )
            for i, choice in enumerate(answer.choices[: limits.SELECT_OPTIONS])
        ]
        super().__init__(placeholder="Choose the one you meant…", options=options)

    async def callback(self, interaction: discord.Interaction) -> None:
        await self.choose(interaction, self.values[0])

    async def choose(self, interaction: discord.Interaction, value: str) -> None:
        assert self.view is not None
        await self.view.pick(interaction, int(value))


class ChoiceView(OwnedView):
    """A "did you mean" menu: the choice is answered in place of the question."""

    def __init__(self, answer: Choices, owner_id: int, actions: Actions) -> None:
        super().__init__(owner_id)
        self.answer = answer
        self.actions = actions
        self.add_item(ChoiceSelect(answer))

    async def pick(self, interaction: discord.Interaction, index: int) -> None:
        choice = self.answer.choices[index]
        self.stop()
        answer = await self.actions.answer(choice.request)
        await self.show(interaction, interactive_reply(answer, self.owner_id, self.actions))


class FollowupButton(discord.ui.Button["FollowupView"]):
    def __init__(self, choice: Choice, primary: bool) -> None:
        style = discord.ButtonStyle.primary if primary else discord.ButtonStyle.secondary
        super().__init__(label=clip(choice.label, limits.BUTTON_LABEL), style=style, row=0)
        self.choice = choice

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        await self.view.follow(interaction, self.choice)


class FollowupView(OwnedView):
    """A short answer with buttons to what it is about (the film's card, the full cast): the
    button's request is answered in place of the short answer."""

    def __init__(self, answer: Card, owner_id: int, actions: Actions) -> None:
        super().__init__(owner_id)
        self.answer = answer
        self.actions = actions
        followups = answer.followups[: limits.BUTTONS_PER_ROW]
        for i, choice in enumerate(followups):
            self.add_item(FollowupButton(choice, primary=i == 0))
        room = limits.ACTION_ROWS * limits.BUTTONS_PER_ROW - len(followups)
        add_link_buttons(self, answer.links, room=room)

    async def follow(self, interaction: discord.Interaction, choice: Choice) -> None:
        self.stop()
        answer = await self.actions.answer(choice.request)
        await self.show(interaction, interactive_reply(answer, self.owner_id, self.actions))


class ConfirmView(OwnedView):
    """Confirm / Cancel under a preview: nothing is saved before Confirm, and only the
    moderator who asked can press it. Timing out changes nothing."""

    def __init__(self, answer: Confirmation, owner_id: int, actions: Actions) -> None:
        super().__init__(owner_id, timeout=600)
        self.answer = answer
        self.actions = actions
        if answer.destructive:
            self.confirm.style = discord.ButtonStyle.danger

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.success)
    async def confirm(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        result = await self.actions.apply(self.answer.change)
        await self.show(interaction, render(result))

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        await self.show(interaction, Reply(content="Cancelled. Nothing was changed."))


def interactive_reply(answer: Answer, owner_id: int, actions: Actions) -> Reply:
    """The rendered answer, with working controls: pages for long lists, a menu for choices,
    Confirm and Cancel under previews, buttons to a short answer's film card."""
    reply = render(answer)
    if isinstance(answer, ItemList) and page_count(answer) > 1:
        reply.view = Paginator(answer, owner_id, page=start_page(answer))
    elif isinstance(answer, Choices) and answer.choices:
        reply.view = ChoiceView(answer, owner_id, actions)
    elif isinstance(answer, Confirmation):
        reply.view = ConfirmView(answer, owner_id, actions)
    elif isinstance(answer, Card) and answer.followups:
        reply.view = FollowupView(answer, owner_id, actions)
    return reply
