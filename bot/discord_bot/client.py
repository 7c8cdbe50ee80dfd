"""The Bot subclass: owns the Popcorn core (database + index), loads the cogs, answers."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import Any

import discord
from discord.ext import commands

from bot.answers.commands import BY_NAME
from bot.answers.parse import mention_question, parse_command
from bot.answers.text import clean_input, clip
from bot.answers.types import Actor, Answer, Attachment, Notice, Request, Tone
from bot.app import Popcorn
from bot.config import Settings
from bot.db.changes import ChangeEvent, moderation_settings
from bot.discord_bot.render import Reply, as_plain_text
from bot.discord_bot.views import EXPIRED, VIEW_MARK, OwnedView, interactive_reply
from bot.records.files import MAX_FILE_BYTES

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.discord_bot.cogs.films",
    "bot.discord_bot.cogs.moderation",
    "bot.discord_bot.cogs.errors",
    "bot.discord_bot.cogs.admin",
)


def intents() -> discord.Intents:
    """Only what the bot needs: guild messages, and their content for prefix commands."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = True
    return wanted


class PopcornBotMixin:
    """What Popcorn adds to discord.py's Bot (and to AutoShardedBot when sharded)."""

    core: Popcorn
    settings: Settings

    def _popcorn_init(
        self, settings: Settings, core: Popcorn | None, wanted: discord.Intents | None
    ) -> dict[str, Any]:
        self.settings = settings
        self._core = core
        self._popcorn_closing: asyncio.Task[None] | None = None
        self.fallback_cooldown = commands.CooldownMapping.from_cooldown(
            settings.cooldown_rate, settings.cooldown_seconds, commands.BucketType.member
        )
        return {
            "command_prefix": settings.prefix,
            "intents": wanted or intents(),
            "case_insensitive": True,
            "strip_after_prefix": True,
            "help_command": None,
            "allowed_mentions": discord.AllowedMentions.none(),
        }

    async def setup_hook(self) -> None:
        if self._core is None:
            self._core = await Popcorn.start(self.settings)
        self.core = self._core
        self.core.listeners.append(self.post_to_modlog)
        bot: commands.Bot = self  # type: ignore[assignment]
        for extension in EXTENSIONS:
            await bot.load_extension(extension)
        if self.settings.test_guild:
            guild = discord.Object(id=self.settings.test_guild)
            bot.tree.copy_global_to(guild=guild)
            try:
                synced = await bot.tree.sync(guild=guild)
            except discord.HTTPException as exc:
                # 404 Unknown Server, 403 Missing Access: the bot is not in that server (or
                # lacks the applications.commands scope there). Prefix commands still work.
                log.warning(
                    "could not sync slash commands to POPCORN_TEST_GUILD=%s (%s %s): is the "
                    "bot in that server, invited with the applications.commands scope? "
                    "Prefix commands work; slash commands there may be missing or stale.",
                    guild.id, exc.status, exc.text or type(exc).__name__,
                )  # fmt: skip
            else:
                log.info("synced %d slash commands to the test guild %s", len(synced), guild.id)

    async def on_ready(self) -> None:
        bot: commands.Bot = self  # type: ignore[assignment]
        guilds = ", ".join(f"{g.name} ({g.id})" for g in bot.guilds[:20]) or "none yet"
        log.info("connected as %s to %d guild(s): %s", bot.user, len(bot.guilds), guilds)
        log.info("cogs: %s", ", ".join(bot.cogs) or "none")
        log.info(
            "indexed %d films and %d people",
            self.core.index.film_count,
            self.core.index.person_count,
        )

    def mention_forms(self) -> tuple[str, ...]:
        """How a mention of the bot is written in a message's content."""
        bot: commands.Bot = self  # type: ignore[assignment]
        if bot.user is None:
            return ()
        return (f"<@{bot.user.id}>", f"<@!{bot.user.id}>")

    async def process_commands(self, message: discord.Message, /) -> None:
        """Commands as discord.py parses them; an unknown command that names a person
        (`!cage`, `!shue`) is that person's filmography; a message that mentions the bot
        anywhere is a question (`hey @Popcorn who directed con air?`)."""
        if message.author.bot:
            return
        bot: commands.Bot = self  # type: ignore[assignment]
        ctx = await bot.get_context(message)
        mentions = self.mention_forms()
        request = parse_command(message.content, self.settings.prefix, mentions)
        spec = BY_NAME.get(request.command) if request is not None else None
        # These paths run outside discord.py's invoke: their errors are handed to the same
        # error handler (on_command_error) by hand.
        try:
            if request is not None and spec is not None and spec.moderator:
                await self.moderator_command(ctx, request)
                return
            if (
                request is not None
                and mention_question(clean_input(message.content), mentions) is not None
            ):
                await self.mentioned(ctx, request)
                return
            if ctx.prefix is not None and ctx.command is None:
                await self.unknown_command(ctx)
                return
        except Exception as exc:
            ctx.command = None  # not the hybrid command of the same name: no invoke ran
            if request is not None:
                ctx.invoked_with = request.command
            bot.dispatch("command_error", ctx, commands.CommandInvokeError(exc))
            return
        await bot.invoke(ctx)

    async def mentioned(self, ctx: commands.Context[Any], request: Request) -> None:
        """A message that mentions the bot: its question (or command)."""
        bucket = self.fallback_cooldown.get_bucket(ctx.message)
        if bucket is not None and bucket.update_rate_limit():
            return  # someone flooding mentions: stay quiet
        await self.respond(ctx, request)

    async def moderator_command(self, ctx: commands.Context[Any], request: Request) -> None:
        """`!review add`, `!review set`...: parsed like `popcorn chat` parses them."""
        files = []
        for attachment in ctx.message.attachments[:3]:
            if attachment.size > MAX_FILE_BYTES:
                await ctx.reply(
                    f"❌ Nothing was saved: {attachment.filename} is over 1 MB.",
                    mention_author=False,
                    allowed_mentions=discord.AllowedMentions.none(),
                )
                return
            files.append(Attachment(attachment.filename, await attachment.read()))
        await self.respond(ctx, replace(request, attachments=tuple(files)))

    async def actor_for(self, user: discord.abc.User, guild: discord.Guild | None) -> Actor:
        """Moderators: a configured moderator role, or Manage Messages when none is set.
        The server owner always is one. Nobody moderates in DMs."""
        if guild is None:
            return Actor(user.id, str(user))
        member = user if isinstance(user, discord.Member) else guild.get_member(user.id)
        async with self.core.sessions() as session:
            role_ids, _ = await moderation_settings(session, guild.id)
        owner = guild.owner_id == user.id
        if member is None:
            allowed = owner
        elif role_ids:
            allowed = owner or any(role.id in role_ids for role in member.roles)
        else:
            allowed = owner or member.guild_permissions.manage_messages
        return Actor(
            user.id, member.display_name if member else str(user), allowed, guild.id, owner
        )

    async def post_to_modlog(self, event: ChangeEvent) -> None:
        """A short line in the guild's mod-log channel for each change, when one is set."""
        if event.guild_id is None:
            return
        async with self.core.sessions() as session:
            _, channel_id = await moderation_settings(session, event.guild_id)
        bot: commands.Bot = self  # type: ignore[assignment]
        channel = bot.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.abc.Messageable):
            return
        try:
            await channel.send(
                clip(f"📝 **{event.actor}** {event.summary}", 2000),
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.HTTPException as exc:
            log.warning("cannot write to the mod-log channel %s: %s", channel_id, exc)

    async def unknown_command(self, ctx: commands.Context[Any]) -> None:
        request = parse_command(ctx.message.content, self.settings.prefix, self.mention_forms())
        if request is None:
            return  # "!!!": punctuation, not a command
        bucket = self.fallback_cooldown.get_bucket(ctx.message)
        if bucket is not None and bucket.update_rate_limit():
            return  # someone flooding unknown commands: stay quiet
        await self.respond(ctx, request)

    async def respond(self, ctx: commands.Context[Any], request: Request) -> discord.Message | None:
        """Answer a request in the context's channel (or interaction), as a reply to its author."""
        if request.actor is None:
            request = replace(request, actor=await self.actor_for(ctx.author, ctx.guild))
        answer = await self.core.answer(request)
        reply = interactive_reply(answer, ctx.author.id, self.core)
        ephemeral = ctx.interaction is not None and is_refusal(request, answer)
        return await self.send_reply(ctx, reply, ephemeral=ephemeral)

    async def send_reply(
        self, ctx: commands.Context[Any], reply: Reply, *, ephemeral: bool = False
    ) -> discord.Message | None:
        interaction = ctx.interaction
        if (
            interaction is not None
            and ctx.guild is not None
            and reply.files
            and not interaction.app_permissions.attach_files
        ):
            await self.no_files(ctx, "I need the Attach Files permission here to send it.")
            return None
        if ctx.interaction is None and ctx.guild is not None:
            me = ctx.guild.me
            permissions = ctx.channel.permissions_for(me)  # type: ignore[arg-type]
            if not permissions.send_messages:
                log.warning(
                    "cannot answer in #%s (%s) of %s: missing Send Messages",
                    getattr(ctx.channel, "name", "?"), ctx.channel.id, ctx.guild.id,
                )  # fmt: skip
                return None
            if not permissions.embed_links and reply.embeds:
                reply = as_plain_text(reply)
            if reply.files and not permissions.attach_files:
                await self.no_files(ctx, "I need the Attach Files permission here to send it.")
                return None
        kwargs = reply.send_kwargs()
        if ephemeral:
            kwargs["ephemeral"] = True  # only for interactions (Context.send ignores it else)
        try:
            message = await ctx.send(**kwargs)
        except discord.HTTPException as exc:
            if not reply.files:
                raise
            await self.no_files(ctx, f"Discord refused the upload ({exc.status} {exc.text}).")
            return None
        if isinstance(reply.view, OwnedView):
            reply.view.message = message
        return message

    async def no_files(self, ctx: commands.Context[Any], why: str) -> None:
        """An answer with files (`!export`) that cannot be sent here: say so."""
        log.warning(
            "cannot send files in channel %s of guild %s for %s: %s",
            ctx.channel.id, ctx.guild.id if ctx.guild else None, ctx.author.id, why,
        )  # fmt: skip
        text = f"❌ I couldn't send the file: {why}"
        if ctx.interaction is not None:
            await ctx.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        else:
            await ctx.send(text, allowed_mentions=discord.AllowedMentions.none())

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """A button or menu no live view answers (its message was sent before a restart, or
        its view was dropped): say so instead of leaving Discord's "interaction failed"."""
        if interaction.type is not discord.InteractionType.component:
            return
        if interaction.extras.get(VIEW_MARK) or self.view_is_live(interaction):
            return
        if interaction.response.is_done():
            return
        try:
            await interaction.response.send_message(EXPIRED, ephemeral=True)
        except discord.HTTPException as exc:
            log.debug("could not answer an expired control: %s", exc)

    def view_is_live(self, interaction: discord.Interaction) -> bool:
        """Whether discord.py's view store holds a view for this control (the same look-up
        as ViewStore.dispatch_view: by message, then views without a message)."""
        data: Any = interaction.data or {}
        key = (data.get("component_type"), data.get("custom_id"))
        store = getattr(getattr(self, "_connection", None), "_view_store", None)
        views = getattr(store, "_views", None)
        if not isinstance(views, dict):
            return True  # cannot tell: stay quiet rather than answer twice
        message_id = interaction.message.id if interaction.message is not None else None
        return key in views.get(message_id, {}) or key in views.get(None, {})

    async def close(self) -> None:
        """Close Discord, then the database, once: a second call (SIGTERM, then `async with`
        leaving) awaits the same closing instead of starting another."""
        if self._popcorn_closing is None:
            self._popcorn_closing = asyncio.ensure_future(self._close_all())
        await asyncio.shield(self._popcorn_closing)

    async def _close_all(self) -> None:
        await super().close()  # type: ignore[misc]
        if self._core is not None:
            await self._core.close()
            log.info("database closed")


def is_refusal(request: Request, answer: Answer) -> bool:
    """A moderator command refused to a member who is not one: only they need to see it."""
    spec = BY_NAME.get(request.command)
    return (
        spec is not None
        and spec.moderator
        and isinstance(answer, Notice)
        and answer.tone is Tone.ERROR
        and (request.actor is None or not request.actor.is_moderator)
    )


class PopcornBot(PopcornBotMixin, commands.Bot):
    def __init__(
        self,
        settings: Settings,
        core: Popcorn | None = None,
        intents: discord.Intents | None = None,
    ) -> None:
        super().__init__(**self._popcorn_init(settings, core, intents))


class ShardedPopcornBot(PopcornBotMixin, commands.AutoShardedBot):
    def __init__(
        self,
        settings: Settings,
        core: Popcorn | None = None,
        intents: discord.Intents | None = None,
    ) -> None:
        options = self._popcorn_init(settings, core, intents)
        if settings.shard_count:
            options["shard_count"] = settings.shard_count
        if settings.shard_ids:
            options["shard_ids"] = settings.shard_ids
        super().__init__(**options)


def create_bot(
    settings: Settings, core: Popcorn | None = None, intents: discord.Intents | None = None
) -> commands.Bot:
    """AutoShardedBot when POPCORN_SHARDED (or a shard count) is set, else a plain Bot.

    `core`: an already started Popcorn core (else setup_hook starts one); `intents`: instead
    of the minimal ones (tests that need a member cache)."""
    if settings.sharded or settings.shard_count or settings.shard_ids:
        return ShardedPopcornBot(settings, core, intents)
    return PopcornBot(settings, core, intents)
