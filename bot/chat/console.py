"""A chat session: each line is a message a guild member typed; the replies are what the bot
would send on Discord, rendered by the same renderer."""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO, TypeVar

import discord
from rich.console import Console

from bot.answers.parse import parse_command
from bot.answers.text import clip, echo
from bot.answers.types import Actor, Answer, Attachment
from bot.app import Popcorn
from bot.chat.guild import CHAT_GUILD, CHAT_GUILD_ID
from bot.chat.interactions import ChatInteraction, ChatUser, find_button, find_option
from bot.chat.terminal import print_payload
from bot.discord_bot.facts import SETUP_COMMANDS
from bot.discord_bot.render import Reply
from bot.discord_bot.views import ChoiceSelect, interactive_reply

ATTACH_COMMAND = ":attach "
PRESS_COMMAND = ":press "
SELECT_COMMAND = ":select "
QUIT_COMMANDS = {":quit", ":exit", ":q"}
CHAT_USER_ID = 1000
CONTENT_LIMIT = 2000  # Discord's limit on a message's text
ECHO_LIMIT = 80  # a label or path the chat quotes back in its own notes

_Found = TypeVar("_Found")
#: A control's callback (a button's, or a menu's choice), given the interaction.
Callback = Callable[[discord.Interaction], Awaitable[None]]


def note(text: str) -> Reply:
    """One of the chat's own lines ("no such button"), within Discord's limit like any reply."""
    return Reply(content=clip(text, CONTENT_LIMIT))


def within_limits(replies: list[Reply]) -> list[Reply]:
    """Every reply's text within Discord's limit (the renderer's replies already are)."""
    for reply in replies:
        if reply.content is not None and len(reply.content) > CONTENT_LIMIT:
            reply.content = clip(reply.content, CONTENT_LIMIT)
    return replies


@dataclass(slots=True)
class ChatSession:
    """One member talking to the bot in one channel."""

    app: Popcorn
    moderator: bool = False
    #: The server's owner (who changes the moderator roles): None, as `moderator` says.
    owner: bool | None = None
    user: ChatUser = field(default_factory=lambda: ChatUser(CHAT_USER_ID))
    history: list[Reply] = field(default_factory=list)

    @property
    def actor(self) -> Actor:
        """--moderator: a moderator (and, unless `owner` is False, the server's owner, who
        configures moderation)."""
        return Actor(
            id=self.user.id,
            name="moderator" if self.moderator else "member",
            is_moderator=self.moderator,
            guild_id=CHAT_GUILD_ID,
            is_guild_owner=self.moderator if self.owner is None else self.owner,
        )

    async def answer_text(self, text: str, attachments: Sequence[Attachment]) -> Answer | None:
        """What the bot answers to `text` typed by this member; the set-up commands (modrole,
        modlog) see the chat's pretend server, as they see the real one on Discord."""
        request = parse_command(text, self.app.settings.prefix)
        if request is None:
            return None
        actor = self.actor
        request = replace(request, actor=actor, attachments=tuple(attachments))
        if request.command in SETUP_COMMANDS and actor.is_moderator:
            request = replace(request, guild=CHAT_GUILD)
        return await self.app.answer(request)

    async def send(self, text: str, attachments: Sequence[Attachment] = ()) -> list[Reply]:
        """The bot's replies to one message (empty when the message is not for the bot)."""
        if text.startswith(PRESS_COMMAND):
            return within_limits(await self.press(text[len(PRESS_COMMAND) :].strip()))
        if text.startswith(SELECT_COMMAND):
            return within_limits(await self.select(text[len(SELECT_COMMAND) :].strip()))
        answer = await self.answer_text(text, attachments)
        replies = [] if answer is None else [interactive_reply(answer, self.user.id, self.app)]
        self.history.extend(replies)
        return within_limits(replies)

    def _latest_with(
        self, finder: Callable[[discord.ui.View, str], _Found | None], label: str
    ) -> tuple[int, _Found] | None:
        for position in range(len(self.history) - 1, -1, -1):
            view = self.history[position].view
            if view is not None and (found := finder(view, label)) is not None:
                return position, found
        return None

    async def _interact(self, position: int, action: Callback) -> list[Reply]:
        """Run a control's callback as Discord would: the view's check first, then the callback."""
        view = self.history[position].view
        assert view is not None
        interaction = ChatInteraction(self.user, message=self.history[position])
        # A ChatInteraction plays a discord.Interaction: duck-typed, it has what views use.
        played: discord.Interaction = interaction  # type: ignore[assignment]
        if await view.interaction_check(played):
            await action(played)
        response = interaction.response
        if response.edited is not None:
            self.history[position] = response.edited
            return [response.edited]
        self.history.extend(response.sent)
        return response.sent

    async def press(self, label: str) -> list[Reply]:
        found = self._latest_with(find_button, label)
        if found is None:
            return [note(f"(no button “{echo(label, ECHO_LIMIT)}” on the messages so far)")]
        position, button = found
        if button.url:
            return [note(f"(opens {button.url})")]
        if button.disabled:
            return [note(f"(the button “{echo(button.label or '', ECHO_LIMIT)}” is switched off)")]
        return await self._interact(position, button.callback)

    async def select(self, label: str) -> list[Reply]:
        found = self._latest_with(find_option, label)
        if found is None:
            return [note(f"(no menu option “{echo(label, ECHO_LIMIT)}” on the messages so far)")]
        position, (menu, value) = found
        if not isinstance(menu, ChoiceSelect) or menu.disabled:
            return [note("(that menu is switched off)")]
        return await self._interact(position, lambda i: menu.choose(i, value))


def read_attachment(path: Path) -> Attachment:
    return Attachment(path.name, path.read_bytes())


async def run_chat(
    app: Popcorn,
    messages: Sequence[str],
    *,
    as_json: bool,
    moderator: bool,
    attachments: Sequence[Path],
    owner: bool | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    console = Console(file=stdout, highlight=False, soft_wrap=False)
    session = ChatSession(app, moderator=moderator, owner=owner)
    first_attachments = [read_attachment(p) for p in attachments]

    def show(replies: list[Reply]) -> None:
        if as_json:
            stdout.write(json.dumps([r.payload() for r in replies], ensure_ascii=False) + "\n")
            stdout.flush()
        else:
            for reply in replies:
                print_payload(console, reply.payload())

    async def handle(line: str, files: Sequence[Attachment]) -> None:
        show(await session.send(line, files))

    if messages:
        for message in messages:
            await handle(message, first_attachments)
            first_attachments = []
        return 0

    interactive = stdin.isatty() and not as_json
    if interactive:
        console.print(
            f"Popcorn chat: type messages as a member would (e.g. "
            f"{app.settings.prefix}review leaving las vegas); :quit to leave."
        )
    pending = list(first_attachments)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        line = line.rstrip("\n")
        if line.strip() in QUIT_COMMANDS:
            break
        if line.startswith(ATTACH_COMMAND):
            path = Path(line[len(ATTACH_COMMAND) :].strip())
            try:
                pending.append(read_attachment(path))
            except OSError as exc:
                # A note like any other reply: in --json mode stdout stays one JSON line each.
                show([note(f"(cannot attach {echo(str(path), ECHO_LIMIT)}: {exc.strerror})")])
                continue
            if as_json:
                stdout.write("[]\n")
            continue
        await handle(line, pending)
        pending = []
    return 0
