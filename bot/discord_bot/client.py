"""The Bot subclass: owns the Popcorn core (database + index), answers messages, loads the
slash commands.

Prefix messages take one path: `on_message` -> `parse_command` (the parser `popcorn chat`
uses) -> the member's cooldown -> `ctx.respond` (answer, then send with the channel's
permission checks). discord.py's own prefix-command parser is not used; slash commands are
discord.py's app commands, generated from the same command table (cogs/films.py).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import Any

import discord
from discord.ext import commands

from bot.answers.commands import BY_NAME, UNKNOWN_COMMAND
from bot.answers.parse import mention_question, parse_command
from bot.answers.text import clean_input, clip
from bot.answers.types import Actor, Attachment, Request
from bot.app import Popcorn
from bot.config import Settings
from bot.db.changes import ChangeEvent, moderation_settings
from bot.discord_bot.announcements import Announcer
from bot.discord_bot.context import PopcornContext
from bot.discord_bot.cooldowns import QUIET, MemberCooldowns
from bot.discord_bot.errors import PopcornTree, prefix_failed, slow_down
from bot.discord_bot.facts import posting_missing
from bot.discord_bot.owner import OWNER_COMMANDS, owner_command
from bot.discord_bot.sync_loop import SiteSync
from bot.discord_bot.views import EXPIRED, VIEW_MARK
from bot.records.files import MAX_FILE_BYTES

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.discord_bot.cogs.films", "bot.discord_bot.cogs.moderation")
MAX_ATTACHMENTS = 3


class ShardingError(ValueError):
    """Sharding settings one process cannot honour."""


def default_intents() -> discord.Intents:
    """Only what the bot needs: guild messages, and their content for prefix commands."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = True
    return wanted


def shard_options(settings: Settings) -> tuple[int | None, int | None]:
    """A process runs one shard: POPCORN_SHARD_COUNT and the one id in POPCORN_SHARD_IDS
    (run one process per shard). None of them set: one connection for every server.
    Returns (shard_id, shard_count)."""
    ids = settings.shard_ids or []
    if not (settings.sharded or settings.shard_count or ids):
        return None, None
    if settings.shard_count and len(ids) == 1 and 0 <= ids[0] < settings.shard_count:
        return ids[0], settings.shard_count
    raise ShardingError(
        "a Popcorn process runs one shard: set POPCORN_SHARD_COUNT to the number of shards "
        "and POPCORN_SHARD_IDS to the one shard this process runs (below the count), and "
        "start one process per shard; leave all three unset for one connection."
    )


class PopcornBot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        core: Popcorn | None = None,
        intents: discord.Intents | None = None,
    ) -> None:
        shard_id, shard_count = shard_options(settings)
        super().__init__(
            command_prefix=settings.prefix,
            intents=intents if intents is not None else default_intents(),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=PopcornTree,
            shard_id=shard_id,
            shard_count=shard_count,
        )
        self.settings = settings
        self._core = core
        self._closing: asyncio.Task[None] | None = None
        self.cooldowns = MemberCooldowns(settings.cooldown_rate, settings.cooldown_seconds)
        #: Why the mod-log of a channel could not be posted, said once (channel id -> reason).
        self.modlog_troubles: dict[int, str] = {}
        self.announcer: Announcer | None = None  # set up with the core (setup_hook)
        self.site_sync: SiteSync | None = None  # with POPCORN_SITE_URL

    @property
    def core(self) -> Popcorn:
        if self._core is None:
            raise RuntimeError("the Popcorn core starts in setup_hook")
        return self._core

    async def setup_hook(self) -> None:
        if self._core is None:
            self._core = await Popcorn.start(self.settings)
        self.core.listeners.append(self.post_to_modlog)
        self.announcer = Announcer(self, self.core)
        self.core.listeners.append(self.announcer.on_change)
        self.announcer.start(self.wait_until_ready)
        if self.settings.site_url:
            self.site_sync = SiteSync(
                self.core,
                self.settings.site_url,
                self.settings.sync_minutes,
                ready=self.wait_until_ready,
                after=self.announcer.announce_new,
            )
            self.site_sync.start()
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.settings.test_guild:
            await self.sync_test_guild(self.settings.test_guild)

    async def sync_test_guild(self, guild_id: int) -> None:
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        try:
            synced = await self.tree.sync(guild=guild)
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
        guilds = ", ".join(f"{g.name} ({g.id})" for g in self.guilds[:20]) or "none yet"
        log.info("connected as %s to %d guild(s): %s", self.user, len(self.guilds), guilds)
        log.info("slash commands: %d", len(self.tree.get_commands()))
        log.info(
            "indexed %d films and %d people",
            self.core.index.film_count,
            self.core.index.person_count,
        )

    def mention_forms(self) -> tuple[str, ...]:
        """How a mention of the bot is written in a message's content."""
        if self.user is None:
            return ()
        return (f"<@{self.user.id}>", f"<@!{self.user.id}>")

    # ------------------------------------------------------------------ prefix messages

    async def on_message(self, message: discord.Message, /) -> None:
        """Every message: parsed once, by the parser `popcorn chat` uses. A command, an
        unknown command that names a person (`!cage`), or a message that mentions the bot
        anywhere (`hey @Popcorn who directed con air?`): answered here, errors included."""
        if message.author.bot:
            return
        mentions = self.mention_forms()
        request = parse_command(message.content, self.settings.prefix, mentions)
        if request is None:
            return
        ctx = await self.get_context(message, cls=PopcornContext)
        mentioned = mention_question(clean_input(message.content), mentions) is not None
        try:
            await self.answer_message(ctx, request, mentioned=mentioned)
        except Exception as exc:
            await prefix_failed(ctx, request, exc)

    async def answer_message(
        self, ctx: PopcornContext, request: Request, *, mentioned: bool = False
    ) -> None:
        spec = BY_NAME.get(request.command)
        typed = (request.invoked_as or "").casefold()
        owner_only = request.command == UNKNOWN_COMMAND and typed in OWNER_COMMANDS
        # Mentions and unknown commands share one bucket, and a flood of them gets no reply;
        # a real command has its own bucket (its aliases share it) and says "Slow down".
        quiet = mentioned or (spec is None and not owner_only)
        bucket = QUIET if quiet else spec.words if spec is not None else typed
        guild_id = ctx.guild.id if ctx.guild else None
        retry_after = self.cooldowns.retry_after(bucket, guild_id, ctx.author.id)
        if retry_after is not None:
            if not quiet:
                await ctx.tell(slow_down(retry_after))
            return
        if owner_only:
            await owner_command(ctx, typed, request.text.partition(" ")[2])
            return
        if spec is not None and spec.moderator:
            files = await self.read_attachments(ctx)
            if files is None:
                return
            request = replace(request, attachments=files)
        await ctx.respond(request)

    async def read_attachments(self, ctx: PopcornContext) -> tuple[Attachment, ...] | None:
        """A moderator command's files (`!review add` with a record); None when one is too
        big to read (said to the moderator)."""
        files = []
        for attachment in ctx.message.attachments[:MAX_ATTACHMENTS]:
            if attachment.size > MAX_FILE_BYTES:
                await ctx.tell(f"❌ Nothing was saved: {attachment.filename} is over 1 MB.")
                return None
            files.append(Attachment(attachment.filename, await attachment.read()))
        return tuple(files)

    # ------------------------------------------------------------------ members and servers

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
        """A short line in the guild's mod-log channel for each change (a film's, or a
        server-level one such as a moderator role: film_id None), when one is set. A channel
        that is gone or where the bot lacks a permission is logged once, not at each change."""
        if event.guild_id is None:
            return
        async with self.core.sessions() as session:
            _, channel_id = await moderation_settings(session, event.guild_id)
        if not channel_id:
            return
        channel = self.get_channel(channel_id)
        if channel is None:
            self.modlog_trouble(event.guild_id, channel_id, "the channel is gone or hidden")
            return
        if not isinstance(channel, discord.abc.Messageable):
            self.modlog_trouble(event.guild_id, channel_id, "it is not a text channel")
            return
        if isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            missing = posting_missing(channel, channel.guild.me)
            if missing:
                self.modlog_trouble(event.guild_id, channel_id, f"missing {', '.join(missing)}")
                return
        try:
            await channel.send(
                clip(f"📝 **{event.actor}** {event.summary}", 2000),
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.HTTPException as exc:
            why = f"Discord refused it ({exc.status} {exc.text or type(exc).__name__})"
            self.modlog_trouble(event.guild_id, channel_id, why)
            return
        self.modlog_troubles.pop(channel_id, None)  # it works: a new problem is logged again

    def modlog_trouble(self, guild_id: int, channel_id: int, why: str) -> None:
        """A mod-log line that could not be posted: one warning per channel and reason."""
        if self.modlog_troubles.get(channel_id) == why:
            return
        self.modlog_troubles[channel_id] = why
        log.warning(
            "cannot post to the mod-log channel %s of guild %s: %s (logged once; the owner "
            "can fix it with !modlog)", channel_id, guild_id, why,
        )  # fmt: skip

    # ------------------------------------------------------------------ controls

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
        as ViewStore.dispatch_view: by message, then views without a message).

        discord.py has no public API for this: `Client.persistent_views` lists only views
        without a timeout, and the `interaction` event runs before the view's own
        interaction_check (which sets VIEW_MARK) has had a chance to. So the store is read,
        defensively: anything unexpected counts as live (stay quiet rather than answer
        twice)."""
        data: Any = interaction.data or {}
        key = (data.get("component_type"), data.get("custom_id"))
        store = getattr(getattr(self, "_connection", None), "_view_store", None)
        views = getattr(store, "_views", None)
        if not isinstance(views, dict):
            return True
        message_id = interaction.message.id if interaction.message is not None else None
        return key in views.get(message_id, {}) or key in views.get(None, {})

    # ------------------------------------------------------------------ closing

    async def close(self) -> None:
        """Close Discord, then the database, once: a second call (SIGTERM, then `async with`
        leaving) awaits the same closing instead of starting another."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close_all())
        await asyncio.shield(self._closing)

    async def _close_all(self) -> None:
        if self.site_sync is not None:
            await self.site_sync.stop()
        if self.announcer is not None:
            await self.announcer.stop()
        await super().close()
        if self._core is not None:
            await self._core.close()
            log.info("database closed")


def create_bot(
    settings: Settings, core: Popcorn | None = None, intents: discord.Intents | None = None
) -> PopcornBot:
    """The bot. `core`: an already started Popcorn core (else setup_hook starts one);
    `intents`: instead of the minimal ones (tests that need a member cache)."""
    return PopcornBot(settings, core, intents)
