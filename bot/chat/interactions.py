"""Pressing buttons and choosing from menus in `popcorn chat`: a stand-in for the parts of
`discord.Interaction` that the bot's views use, so the very same callbacks run offline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import discord

from bot.discord_bot.render import Reply


@dataclass(slots=True)
class ChatUser:
    id: int
    name: str = "member"

    @property
    def mention(self) -> str:
        return f"@{self.name}"


@dataclass(slots=True)
class ChatResponse:
    """Records what a callback answered: an edit of the message, or a new message."""

    edited: Reply | None = None
    sent: list[Reply] = field(default_factory=list)
    deferred: bool = False

    def is_done(self) -> bool:
        return self.deferred or self.edited is not None or bool(self.sent)

    async def edit_message(self, **kwargs: Any) -> None:
        self.edited = Reply(
            content=kwargs.get("content"),
            embeds=list(kwargs.get("embeds") or []),
            view=kwargs.get("view"),
        )

    async def send_message(self, content: str | None = None, **kwargs: Any) -> None:
        embeds = kwargs.get("embeds") or ([kwargs["embed"]] if kwargs.get("embed") else [])
        self.sent.append(Reply(content=content, embeds=list(embeds), view=kwargs.get("view")))

    async def defer(self, **_kwargs: Any) -> None:
        self.deferred = True


@dataclass(slots=True)
class ChatInteraction:
    user: ChatUser
    response: ChatResponse = field(default_factory=ChatResponse)
    message: Any = None
    extras: dict[str, Any] = field(default_factory=dict)  # as discord.Interaction.extras


def _label_key(label: str | None) -> str:
    return "".join(ch for ch in (label or "").casefold() if ch.isalnum())


def find_button(view: discord.ui.View, label: str) -> discord.ui.Button[Any] | None:
    wanted = _label_key(label)
    buttons = [item for item in view.children if isinstance(item, discord.ui.Button)]
    exact = [b for b in buttons if _label_key(b.label) == wanted]
    found = exact or [b for b in buttons if wanted and _label_key(b.label).startswith(wanted)]
    return found[0] if found else None


def find_option(view: discord.ui.View, label: str) -> tuple[discord.ui.Select[Any], str] | None:
    wanted = _label_key(label)
    for item in view.children:
        if isinstance(item, discord.ui.Select):
            for i, option in enumerate(item.options):
                if _label_key(option.label) == wanted or wanted == str(i + 1):
                    return item, option.value
    return None
