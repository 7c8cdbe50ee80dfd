"""The context of one prefix message or slash command: answers a Request in its channel.

Built by discord.py (`bot.get_context(message, cls=PopcornContext)` for a prefix message,
`PopcornContext.from_interaction(interaction)` for a slash command or the quick-entry form),
so everything that replies goes through `ctx.respond` / `ctx.send_reply`, with the checks
that the bot may send here (Send Messages; Embed Links, else plain text; Attach Files).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.answers.commands import BY_NAME
from bot.answers.types import Answer, Notice, Request, Tone
from bot.discord_bot.facts import SETUP_COMMANDS, guild_facts
from bot.discord_bot.render import Reply, as_plain_text
from bot.discord_bot.views import OwnedView, interactive_reply

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot  # noqa: F401  # the quoted base below

log = logging.getLogger(__name__)
NO_MENTIONS = discord.AllowedMentions.none()
NEED_ATTACH_FILES = "I need the Attach Files permission here to send it."


class PopcornContext(commands.Context["PopcornBot"]):
    def answering(self, interaction: discord.Interaction[Any]) -> PopcornContext:
        """The same command's context, answering a later interaction of it: the form that
        `/reviews new` opened is submitted as an interaction of its own, which carries no
        command (so `from_interaction` cannot build its context)."""
        return type(self)(
            message=self.message,
            bot=self.bot,
            view=self.view,
            prefix=self.prefix,
            command=self.command,
            invoked_with=self.invoked_with,
            interaction=interaction,
        )

    async def respond(
        self, request: Request, *, private_errors: bool = False
    ) -> discord.Message | None:
        """Answer `request` here, as a reply to the member who asked (the actor is filled in
        from the member's roles). A moderator command refused to a member is private on a
        slash command; `private_errors`: every error is (the quick-entry form's)."""
        if request.actor is None:
            request = replace(request, actor=await self.bot.actor_for(self.author, self.guild))
        if self.guild is not None and request.guild is None and wants_facts(request):
            members_known = self.bot.intents.members and self.guild.chunked
            facts = guild_facts(self.guild, members_known=members_known, author=self.author)
            request = replace(request, guild=facts)
        answer = await self.bot.core.answer(request)
        reply = interactive_reply(answer, self.author.id, self.bot.core)
        private = is_refusal(request, answer) or (private_errors and is_error(answer))
        return await self.send_reply(reply, ephemeral=self.interaction is not None and private)

    async def send_reply(self, reply: Reply, *, ephemeral: bool = False) -> discord.Message | None:
        """Send `reply` if the bot may: without Embed Links as plain text, without Attach
        Files a line saying so, without Send Messages only a log line."""
        interaction = self.interaction
        if interaction is not None:
            may_attach = interaction.app_permissions.attach_files
            if self.guild is not None and reply.files and not may_attach:
                await self.no_files(NEED_ATTACH_FILES)
                return None
        elif self.guild is not None:
            permissions = self.bot_permissions
            if not permissions.send_messages:
                log.warning(
                    "cannot answer in #%s (%s) of %s: missing Send Messages",
                    getattr(self.channel, "name", "?"), self.channel.id, self.guild.id,
                )  # fmt: skip
                return None
            if not permissions.embed_links and reply.embeds:
                reply = as_plain_text(reply)
            if reply.files and not permissions.attach_files:
                await self.no_files(NEED_ATTACH_FILES)
                return None
        kwargs = reply.send_kwargs()
        if ephemeral:
            kwargs["ephemeral"] = True  # only for interactions (Context.send ignores it else)
        try:
            message = await self.send(**kwargs)
        except discord.HTTPException as exc:
            if not reply.files:
                raise
            await self.no_files(f"Discord refused the upload ({exc.status} {exc.text}).")
            return None
        if isinstance(reply.view, OwnedView):
            reply.view.message = message
        return message

    async def no_files(self, why: str) -> None:
        """An answer with files (`!export`) that cannot be sent here: say so."""
        log.warning(
            "cannot send files in channel %s of guild %s for %s: %s",
            self.channel.id, self.guild.id if self.guild else None, self.author.id, why,
        )  # fmt: skip
        text = f"❌ I couldn't send the file: {why}"
        if self.interaction is not None:
            await self.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await self.send(text, allowed_mentions=NO_MENTIONS)

    async def tell(self, text: str) -> None:
        """A short line ("Slow down…", an apology): private on a slash command, a reply that
        pings no one on a prefix command. A refused send is logged."""
        try:
            if self.interaction is not None:
                await self.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await self.reply(text, mention_author=False, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not send a short reply in channel %s: %s", self.channel.id, exc)


#: The set-up commands given the server's facts: modrole, modlog, and announce (its channel).
FACT_COMMANDS = SETUP_COMMANDS | {"announce"}


def wants_facts(request: Request) -> bool:
    """A set-up command (modrole, modlog, announce) asked by a moderator: it names roles and
    channels, so it is given the server's facts (read only then: a member is refused anyway)."""
    actor = request.actor
    return request.command in FACT_COMMANDS and actor is not None and actor.is_moderator


def is_error(answer: Answer) -> bool:
    return isinstance(answer, Notice) and answer.tone is Tone.ERROR


def is_refusal(request: Request, answer: Answer) -> bool:
    """A moderator command refused to a member who is not one: only they need to see it."""
    spec = BY_NAME.get(request.command)
    return (
        spec is not None
        and spec.moderator
        and is_error(answer)
        and (request.actor is None or not request.actor.is_moderator)
    )
