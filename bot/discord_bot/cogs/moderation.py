"""Moderator slash commands (`/reviews ...`), the quick-entry form and the edit form.

Prefix moderator commands (`!review add`, `!review set`...) are parsed by the same text
parser `popcorn chat` uses (PopcornBot.on_message); both end in bot.answers.moderation, which
checks the member's rights (the Discord layer only says who they are: PopcornBot.actor_for).
Slash names: Discord cannot have `/review film:` and `/review add` side by side (a command
with sub-commands cannot itself be invoked), so the moderators' group is `/reviews`.

Every moderator command has a slash version (`/reviews cast add`, `/reviews person merge`...):
it builds the Request the prefix command would (the same words and text, the film's id when
it was picked from the suggestions) and answers it with refusals and mistakes private.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.moderation import EDITABLE
from bot.answers.moderation.access import may_moderate
from bot.answers.moderation.form_edit import VERSION, EditForm, edit_form
from bot.answers.text import clip
from bot.answers.types import Attachment, Request
from bot.discord_bot import limits
from bot.discord_bot.cogs.films import FILM_HELP, PERSON_HELP
from bot.discord_bot.context import PopcornContext
from bot.discord_bot.transformers import FilmOption, PersonOption, Target
from bot.discord_bot.views import APOLOGY, interactive_reply, reply_privately
from bot.records.files import MAX_FILE_BYTES

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

log = logging.getLogger(__name__)
#: The fields `/reviews set` can change: suggested as the moderator types (there are more of
#: them than the 25 choices Discord allows an option).
FIELD_NAMES = tuple(sorted(EDITABLE))
Interaction = discord.Interaction["PopcornBot"]
#: Discord's limits on a form: its title, and what one text box holds.
MODAL_TITLE, INPUT_MAX = 45, 4000
VERDICT_MAX, RATINGS_MAX = 1000, 300


async def form_failed(interaction: discord.Interaction, error: Exception, form: str) -> None:
    """A form (modal) that failed: logged with its context, a short apology, as the
    slash-command error handler does."""
    log.error(
        "the %s form failed (guild %s, channel %s, user %s)",
        form, interaction.guild_id, interaction.channel_id, interaction.user.id, exc_info=error,
    )  # fmt: skip
    await reply_privately(interaction, APOLOGY)


class QuickEntry(discord.ui.Modal, title="New review"):
    """`/reviews new`: film, year, verdict and ratings; the rest can follow with edits."""

    film_title: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Film title", max_length=300
    )
    year: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Year", min_length=4, max_length=4, placeholder="1997"
    )
    verdict: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Verdict (one line)", max_length=1000
    )
    ratings: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Ratings", placeholder="picture GOOD, audio POOR, extras OK, film 7", max_length=200
    )
    more: discord.ui.TextInput[QuickEntry] = discord.ui.TextInput(
        label="Pros and cons (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=2000,
        placeholder="pros: Nicolas Cage; Gripping story\ncons: Poor audio",
    )

    def __init__(self, origin: PopcornContext) -> None:
        """`origin`: the context of the `/reviews new` command that opened the form."""
        super().__init__()
        self.origin = origin

    def form(self) -> tuple[tuple[str, str], ...]:
        return (
            ("title", self.film_title.value),
            ("year", self.year.value),
            ("verdict", self.verdict.value),
            ("ratings", self.ratings.value),
            ("more", self.more.value or ""),
        )

    async def on_error(  # type: ignore[override]  # discord.ui.Modal drops BaseView's `item`
        self, interaction: discord.Interaction, error: Exception, /
    ) -> None:
        await form_failed(interaction, error, "quick-entry")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        ctx = self.origin.answering(interaction)
        # A mistake in the form ("Nothing was saved. …") only the moderator needs to see.
        await ctx.respond(Request("review new", form=self.form()), private_errors=True)


async def field_names(_interaction: Interaction, typed: str) -> list[app_commands.Choice[str]]:
    """The editable fields that start with what is typed, then those that contain it."""
    typed = typed.strip().casefold()
    starting = [name for name in FIELD_NAMES if name.startswith(typed)]
    containing = [name for name in FIELD_NAMES if typed in name and name not in starting]
    return [
        app_commands.Choice(name=name, value=name)
        for name in (starting + containing)[: limits.AUTOCOMPLETE_CHOICES]
    ]


def quoted(value: str) -> str:
    """A value at the end of a command's text, in the quotes the handlers read it by."""
    return f'"{value.strip()}"'


def _role(name: str, character: str) -> str:
    """/reviews cast add, remove: the actor, `as` their character when one is given."""
    return f"{name.strip()} as {character.strip()}" if character.strip() else name


def command(name: str, text: str, film: Target | None = None) -> Request:
    """`Request(name, text)`, the film's id kept when it was picked (`film_id=`)."""
    return Request(name, text.strip(), film_id=film.film_id if film else None)


class ReviewEdit(discord.ui.Modal, title="Edit review"):
    """`/reviews edit`: the film's verdict, ratings, pros and cons, pre-filled with what the
    review says now; sent as `review edit` with the fields (and the version it was opened at,
    so a change made meanwhile is not overwritten)."""

    def __init__(self, origin: PopcornContext, form: EditForm) -> None:
        super().__init__(title=clip(f"Edit {form.label}", MODAL_TITLE))
        self.origin = origin
        self.film_id = form.film_id
        self.version = form.version
        values = dict(form.values)
        self.verdict: discord.ui.TextInput[ReviewEdit] = discord.ui.TextInput(
            label="Verdict (one line)",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=VERDICT_MAX,
            default=values.get("verdict") or None,
        )
        self.ratings: discord.ui.TextInput[ReviewEdit] = discord.ui.TextInput(
            label="Ratings",
            required=False,
            max_length=RATINGS_MAX,
            placeholder="picture GOOD, audio POOR, extras OK, film 7",
            default=values.get("ratings") or None,
        )
        self.pros: discord.ui.TextInput[ReviewEdit] = discord.ui.TextInput(
            label="Pros (one a line)",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=INPUT_MAX,
            default=values.get("pros") or None,
        )
        self.cons: discord.ui.TextInput[ReviewEdit] = discord.ui.TextInput(
            label="Cons (one a line)",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=INPUT_MAX,
            default=values.get("cons") or None,
        )
        for text_input in (self.verdict, self.ratings, self.pros, self.cons):
            self.add_item(text_input)

    def form(self) -> tuple[tuple[str, str], ...]:
        return (
            ("verdict", self.verdict.value or ""),
            ("ratings", self.ratings.value or ""),
            ("pros", self.pros.value or ""),
            ("cons", self.cons.value or ""),
            (VERSION, str(self.version)),
        )

    async def on_error(  # type: ignore[override]  # discord.ui.Modal drops BaseView's `item`
        self, interaction: discord.Interaction, error: Exception, /
    ) -> None:
        await form_failed(interaction, error, "edit")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        ctx = self.origin.answering(interaction)
        request = Request("review edit", film_id=self.film_id, form=self.form())
        await ctx.respond(request, private_errors=True)


def too_long_for_the_form(form: EditForm) -> str | None:
    """The field whose current value does not fit the form's box (it would be cut, and the
    cut saved), or None."""
    limits_by_name = {"verdict": VERDICT_MAX, "ratings": RATINGS_MAX}
    for name, value in form.values:
        if len(value) > limits_by_name.get(name, INPUT_MAX):
            return name
    return None


@app_commands.guild_only()
class Reviews(
    commands.GroupCog,
    group_name="reviews",
    group_description="Moderators: keep the reviews up to date",
):
    """Every moderator command, for servers only. Shown to every member (Discord's default
    permissions cannot say "has the moderator role", and a bot cannot set a server's command
    permissions): the answers layer refuses a member privately, and the forms are refused
    before they open."""

    cast = app_commands.Group(name="cast", description="Moderators: the film's cast")
    link = app_commands.Group(name="link", description="Moderators: the review's purchase links")
    alias = app_commands.Group(name="alias", description="Moderators: other names for a film")
    person = app_commands.Group(name="person", description="Moderators: correct a person")
    film = app_commands.Group(name="film", description="Moderators: duplicate or slipped films")

    def __init__(self, bot: PopcornBot) -> None:
        self.bot = bot
        super().__init__()

    async def run(self, interaction: Interaction, request: Request) -> None:
        """Answered as the prefix command is; a refusal or a mistake only the moderator sees."""
        ctx = await PopcornContext.from_interaction(interaction)
        await ctx.respond(request, private_errors=True)  # the answer checks moderator rights

    async def refused(self, interaction: Interaction, request: Request) -> PopcornContext | None:
        """The context to open a form in, or None when the member may not (they have been
        answered, privately, with the answers layer's refusal)."""
        ctx = await PopcornContext.from_interaction(interaction)
        actor = await self.bot.actor_for(interaction.user, interaction.guild)
        if may_moderate(actor):
            return ctx
        await ctx.respond(replace(request, actor=actor), private_errors=True)
        return None

    @app_commands.command(name="add", description="Add a review from a record file or an article")
    @app_commands.describe(
        file="A record (.yaml) or a review article (.txt/.html)",
        replace="Replace an existing review",
    )
    async def add(
        self, interaction: Interaction, file: discord.Attachment, replace: bool = False
    ) -> None:
        if file.size > MAX_FILE_BYTES:
            await interaction.response.send_message(
                "❌ Nothing was saved: the file is over 1 MB.", ephemeral=True
            )
            return
        data = await file.read()
        request = Request(
            "review add",
            "replace" if replace else "",
            attachments=(Attachment(file.filename, data),),
        )
        await self.run(interaction, request)

    @app_commands.command(name="new", description="A quick review: film, year, verdict, ratings")
    async def new(self, interaction: Interaction) -> None:
        ctx = await self.refused(interaction, Request("review new"))
        if ctx is not None:
            await interaction.response.send_modal(QuickEntry(ctx))

    @app_commands.command(name="edit", description="Change the verdict, ratings, pros and cons")
    @app_commands.describe(film=FILM_HELP)
    async def edit(self, interaction: Interaction, film: FilmOption) -> None:
        request = film.request("review edit")
        ctx = await self.refused(interaction, request)
        if ctx is None:
            return
        core = self.bot.core
        async with core.sessions() as session:
            found = await edit_form(core.context(session), request)
        if not isinstance(found, EditForm):  # no such film, several, no review
            await ctx.send_reply(interactive_reply(found, ctx.author.id, core), ephemeral=True)
            return
        if (field := too_long_for_the_form(found)) is not None:
            await ctx.tell(
                f"The {field} of {found.label} are too long for the form. Change them with "
                f"`/reviews set` (+item, -item), or edit the record from `/reviews source`."
            )
            return
        await interaction.response.send_modal(ReviewEdit(ctx, found))

    @app_commands.command(name="set", description="Change one field of a review")
    @app_commands.describe(
        film=FILM_HELP, field="What to change", value="The new value (none to clear)"
    )
    @app_commands.autocomplete(field=field_names)
    async def set_field(
        self, interaction: Interaction, film: FilmOption, field: str, value: str
    ) -> None:
        await self.run(interaction, film.request("review set", f"{field.strip()} {value}"))

    @app_commands.command(name="remove", description="Remove a review (it can be restored)")
    @app_commands.describe(film=FILM_HELP)
    async def remove(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, film.request("review remove"))

    @app_commands.command(name="restore", description="Bring a removed review back")
    @app_commands.describe(film=FILM_HELP)
    async def restore(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, film.request("review restore"))

    @app_commands.command(name="history", description="Who changed what, and when")
    @app_commands.describe(film=FILM_HELP)
    async def history(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, film.request("review history"))

    @app_commands.command(name="undo", description="Undo a film's last change, after a preview")
    @app_commands.describe(film=FILM_HELP, entry="The history entry to undo (default: the last)")
    async def undo(
        self,
        interaction: Interaction,
        film: FilmOption,
        entry: app_commands.Range[int, 1, 10_000] | None = None,
    ) -> None:
        words = film.words(self.bot.core.index)
        await self.run(interaction, Request("review undo", f"{words} {entry or ''}".strip()))

    @app_commands.command(name="source", description="The film's record as a file, to edit")
    @app_commands.describe(film=FILM_HELP)
    async def source(self, interaction: Interaction, film: FilmOption) -> None:
        words = film.words(self.bot.core.index)
        await self.run(interaction, command("review source", words, film))

    @app_commands.command(name="export", description="The whole database as record files")
    async def export(self, interaction: Interaction) -> None:
        await self.run(interaction, Request("export"))

    @app_commands.command(
        name="modrole", description="The moderator roles (the owner changes them)"
    )
    @app_commands.describe(action="Add or remove a role (default: list them)", role="The role")
    async def modrole(
        self,
        interaction: Interaction,
        action: Literal["list", "add", "remove"] = "list",
        role: discord.Role | None = None,
    ) -> None:
        text = "" if action == "list" else f"{action} {role.mention if role else ''}"
        await self.run(interaction, Request("modrole", text.strip()))

    async def set_channel(
        self,
        interaction: Interaction,
        command: str,
        channel: discord.TextChannel | None,
        off: bool,
    ) -> None:
        """/modlog, /announce: a channel, off, or (neither) what is set; refused with both."""
        if channel is not None and off:
            await interaction.response.send_message(
                "❌ Nothing was changed: give a channel, or off, not both.", ephemeral=True
            )
            return
        text = "off" if off else channel.mention if channel is not None else ""
        await self.run(interaction, Request(command, text))

    @app_commands.command(name="modlog", description="Server owner: the mod-log channel")
    @app_commands.describe(
        channel="Where moderator changes are posted", off="Stop posting moderator changes"
    )
    async def modlog(
        self,
        interaction: Interaction,
        channel: discord.TextChannel | None = None,
        off: bool = False,
    ) -> None:
        await self.set_channel(interaction, "modlog", channel, off)

    @app_commands.command(name="announce", description="Where new reviews are posted")
    @app_commands.describe(
        channel="Post each new review's card here", off="Stop announcing new reviews"
    )
    async def announce(
        self,
        interaction: Interaction,
        channel: discord.TextChannel | None = None,
        off: bool = False,
    ) -> None:
        await self.set_channel(interaction, "announce", channel, off)

    # --- /reviews cast ----------------------------------------------------------------------

    @cast.command(name="add", description="Add a cast member (at the end of the billing)")
    @app_commands.describe(film=FILM_HELP, name="The actor", character="Their character")
    async def cast_add(
        self, interaction: Interaction, film: FilmOption, name: str, character: str = ""
    ) -> None:
        role = _role(name, character)
        await self.run(interaction, self.on_film("review cast", film, "add", quoted(role)))

    @cast.command(name="remove", description="Remove a cast member (or one of their roles)")
    @app_commands.describe(
        film=FILM_HELP, name="The actor", character="Only this role, when they have two"
    )
    async def cast_remove(
        self, interaction: Interaction, film: FilmOption, name: str, character: str = ""
    ) -> None:
        role = _role(name, character)
        await self.run(interaction, self.on_film("review cast", film, "remove", quoted(role)))

    @cast.command(name="set", description="Change a character, keeping the billing")
    @app_commands.describe(film=FILM_HELP, name="The actor", character="The right character")
    async def cast_set(
        self, interaction: Interaction, film: FilmOption, name: str, character: str
    ) -> None:
        role = quoted(f"{name.strip()} as {character.strip()}")
        await self.run(interaction, self.on_film("review cast", film, "set", role))

    @cast.command(name="move", description="Move a cast member in the billing")
    @app_commands.describe(film=FILM_HELP, name="The actor", position="1 is top billing")
    async def cast_move(
        self,
        interaction: Interaction,
        film: FilmOption,
        name: str,
        position: app_commands.Range[int, 1, 500],
    ) -> None:
        more = f"{quoted(name)} {position}"
        await self.run(interaction, self.on_film("review cast", film, "move", more))

    # --- /reviews link, /reviews alias -------------------------------------------------------

    @link.command(name="add", description="Add a purchase link")
    @app_commands.describe(
        film=FILM_HELP, url="The shop's address (https://…)", shop="The shop's name (optional)"
    )
    async def link_add(
        self, interaction: Interaction, film: FilmOption, url: str, shop: str = ""
    ) -> None:
        value = quoted(f"{url.strip()} {shop.strip()}")
        await self.run(interaction, self.on_film("review link", film, "add", value))

    @link.command(name="remove", description="Remove a purchase link")
    @app_commands.describe(film=FILM_HELP, link="The link's address or its shop's name")
    async def link_remove(self, interaction: Interaction, film: FilmOption, link: str) -> None:
        await self.run(interaction, self.on_film("review link", film, "remove", quoted(link)))

    @alias.command(name="add", description="Add another name members may use for a film")
    @app_commands.describe(film=FILM_HELP, alias="The other name")
    async def alias_add(self, interaction: Interaction, film: FilmOption, alias: str) -> None:
        await self.run(interaction, self.on_film("alias", film, "add", quoted(alias)))

    @alias.command(name="remove", description="Remove one of a film's other names")
    @app_commands.describe(film=FILM_HELP, alias="The other name")
    async def alias_remove(self, interaction: Interaction, film: FilmOption, alias: str) -> None:
        await self.run(interaction, self.on_film("alias", film, "remove", quoted(alias)))

    @alias.command(name="list", description="A film's other names")
    @app_commands.describe(film=FILM_HELP)
    async def alias_list(self, interaction: Interaction, film: FilmOption) -> None:
        await self.run(interaction, self.on_film("alias", film, "list"))

    # --- /reviews person, /reviews film ------------------------------------------------------

    @person.command(name="rename", description="Correct a person's name everywhere")
    @app_commands.describe(person=PERSON_HELP, new_name="The right spelling")
    async def person_rename(
        self, interaction: Interaction, person: PersonOption, new_name: str
    ) -> None:
        words = person.words(self.bot.core.index)
        await self.run(interaction, Request("person rename", f"{words} = {new_name.strip()}"))

    @person.command(name="merge", description="Merge a misspelt person into the right one")
    @app_commands.describe(person="The misspelt one", into="The right one (who keeps the credits)")
    async def person_merge(
        self, interaction: Interaction, person: PersonOption, into: PersonOption
    ) -> None:
        index = self.bot.core.index
        text = f"{person.words(index)} into {into.words(index)}"
        await self.run(interaction, Request("person merge", text))

    @film.command(name="merge", description="Merge a duplicate film (no review) into the right one")
    @app_commands.describe(film="The duplicate", into="The right film")
    async def film_merge(
        self, interaction: Interaction, film: FilmOption, into: FilmOption
    ) -> None:
        index = self.bot.core.index
        await self.run(
            interaction, Request("film merge", f"{film.words(index)} into {into.words(index)}")
        )

    @film.command(name="remove", description="Remove a film that has no review (a slip)")
    @app_commands.describe(film=FILM_HELP)
    async def film_remove(self, interaction: Interaction, film: FilmOption) -> None:
        words = film.words(self.bot.core.index)
        await self.run(interaction, command("film remove", words, film))

    def on_film(self, name: str, film: Target, verb: str, more: str = "") -> Request:
        """`<verb> <film> <more>`: the text the prefix command reads (`add <film> "<value>"`),
        the film's id kept when it was picked from the suggestions."""
        words = film.words(self.bot.core.index)
        return command(name, f"{verb} {words} {more}", film)


async def setup(bot: PopcornBot) -> None:
    await bot.add_cog(Reviews(bot))
