"""Moderation on Discord (bot/discord_bot/cogs/moderation.py): who moderates (roles, Manage
Messages, owner, DMs), the mod-log channel, the quick-entry form, and a moderator prefix command
end to end through discord.py's message processing (dpytest)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, cast
from unittest.mock import AsyncMock, MagicMock

import discord
import discord.ext.test as dpytest
import pytest
from discord import app_commands
from discord.ext.test import backend

from bot.answers.commands import MODERATOR_COMMANDS
from bot.answers.moderation.access import MODERATORS_ONLY, OWNER_ONLY
from bot.answers.moderation.form_edit import EditForm
from bot.answers.types import Actor, Notice, Request
from bot.app import Popcorn
from bot.db.changes import ChangeEvent
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.cogs.moderation import QuickEntry, ReviewEdit, too_long_for_the_form
from bot.discord_bot.transformers import Target
from bot.discord_bot.views import (
    APOLOGY,
    ConfirmView,
)
from bot.records.files import MAX_FILE_BYTES
from tests.discord_bot.fakes import (
    GUILD,
    OWNER,
    STRANGER,
    autospec,
    fake_guild,
    fake_guild_context,
    fake_interaction,
    fake_slash_context,
    film_id,
    sent,
    slash_interaction,
)
from tests.helpers import REPO

MOD_ROLE = 555555555555555555
#: The tests on the module-wide app (`shared_bot`) run on the module's event loop.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")


def member(
    *, role_ids: tuple[int, ...] = (), manage_messages: bool = False, user_id: int = 9
) -> Any:
    fake = autospec(discord.Member)
    fake.id = user_id
    fake.display_name = "someone"
    fake.roles = [MagicMock(id=r) for r in role_ids]
    fake.guild_permissions = discord.Permissions(manage_messages=manage_messages)
    return fake


async def configure(app: Popcorn, text: str) -> None:
    owner = Actor(1, "owner", is_moderator=True, guild_id=GUILD, is_guild_owner=True)
    await app.answer(Request(text.split()[0], " ".join(text.split()[1:]), actor=owner))


async def test_manage_messages_moderates_while_no_role_is_set(bot: Any, app: Popcorn) -> None:
    assert (await bot.actor_for(member(manage_messages=True), fake_guild())).is_moderator
    assert not (await bot.actor_for(member(), fake_guild())).is_moderator


async def test_configured_roles_replace_manage_messages(bot: Any, app: Popcorn) -> None:
    await configure(app, f"modrole add {MOD_ROLE}")
    assert (await bot.actor_for(member(role_ids=(MOD_ROLE,)), fake_guild())).is_moderator
    assert not (await bot.actor_for(member(manage_messages=True), fake_guild())).is_moderator
    owner = await bot.actor_for(member(user_id=1), fake_guild(owner_id=1))
    assert owner.is_moderator and owner.is_guild_owner


async def test_nobody_moderates_in_dms(bot: Any) -> None:
    user = autospec(discord.User)
    user.id = 9
    actor = await bot.actor_for(user, None)
    assert not actor.is_moderator and actor.guild_id is None


async def test_changes_are_posted_to_the_mod_log(bot: Any, app: Popcorn) -> None:
    await configure(app, "modlog 666666666666666666")
    channel = autospec(discord.TextChannel)
    channel.send = AsyncMock()
    bot.get_channel = MagicMock(return_value=channel)
    event = ChangeEvent(
        1, GUILD, "Mod", "set Leaving Las Vegas (1995): audio: POOR → GOOD @everyone"
    )
    await bot.post_to_modlog(event)
    bot.get_channel.assert_called_once_with(666666666666666666)
    text = channel.send.await_args.args[0]
    assert text.startswith("📝 **Mod** set Leaving Las Vegas")
    assert channel.send.await_args.kwargs["allowed_mentions"].everyone is False


async def test_no_mod_log_no_post(bot: Any) -> None:
    bot.get_channel = MagicMock()
    await bot.post_to_modlog(ChangeEvent(1, GUILD, "Mod", "x"))
    bot.get_channel.assert_not_called()


async def test_a_member_typing_a_moderator_command_is_refused(live_bot: PopcornBot) -> None:
    await dpytest.message("!review set leaving las vegas audio GOOD")
    assert "Moderators only" in dpytest.get_message().content


async def test_a_moderator_edits_through_discord(live_bot: PopcornBot) -> None:
    config = dpytest.get_config()
    author = config.members[0]
    permissions = discord.Permissions(manage_messages=True).value
    role = backend.make_role("Reviewers", config.guilds[0], permissions=permissions)
    await dpytest.add_role(author, role)
    assert author.guild_permissions.manage_messages
    await dpytest.message("!review set leaving las vegas audio GOOD")
    assert "audio: POOR → GOOD" in dpytest.get_message().content


async def make_moderator() -> None:
    config = dpytest.get_config()
    permissions = discord.Permissions(manage_messages=True).value
    role = backend.make_role("Reviewers", config.guilds[0], permissions=permissions)
    await dpytest.add_role(config.members[0], role)


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    """A copy of a shipped review record, to attach."""
    record = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"
    attached = tmp_path / record.name
    attached.write_bytes(record.read_bytes())
    return attached


async def test_a_moderator_command_reads_the_attached_record(
    live_bot: PopcornBot, record_file: Path
) -> None:
    await make_moderator()
    await dpytest.message("!review add", attachments=[str(record_file)])
    reply = dpytest.get_message()
    assert "Leaving Las Vegas (1995) already has a review" in reply.content


@pytest.fixture
def edited_record_file(record_file: Path) -> Path:
    """The shipped record with its audio rating changed, as a moderator edits the source."""
    record_file.write_bytes(record_file.read_bytes().replace(b"audio: POOR", b"audio: OK"))
    return record_file


async def test_replacing_a_review_shows_the_diff_in_the_embed_before_confirm(
    live_bot: PopcornBot, edited_record_file: Path
) -> None:
    """Issue 12, item 6: what changes, field by field, with what goes in bold, on Discord."""
    await make_moderator()
    await dpytest.message("!review add replace", attachments=[str(edited_record_file)])
    reply = dpytest.get_message()
    assert reply.content.startswith("Replace the review of Leaving Las Vegas (1995)?")
    embed = reply.embeds[0]
    assert embed.title == "Preview: Leaving Las Vegas (1995)"
    assert (embed.fields[0].name, embed.fields[0].value) == (
        "Changes (before → after; what goes is in bold)",
        "audio: **POOR** → OK",
    )


async def test_the_quick_entry_form_sends_its_fields(bot: PopcornBot) -> None:
    ctx = fake_slash_context(bot, guild=fake_guild(owner_id=OWNER))  # the owner moderates
    form = QuickEntry(ctx)
    for name, value in (
        ("film_title", "Mandy"),
        ("year", "2018"),
        ("verdict", "Bonkers and beautiful"),
        ("ratings", "film 9, picture GOOD, audio GOOD, extras OK"),
        ("more", "pros: Nicolas Cage"),
    ):
        text_input = autospec(discord.ui.TextInput)
        text_input.value = value
        setattr(form, name, text_input)
    submitted = fake_interaction(OWNER)
    await form.on_submit(submitted)
    kwargs = submitted.response.send_message.await_args.kwargs
    assert isinstance(kwargs["view"], ConfirmView)
    assert "Mandy" in kwargs["embeds"][0].title
    assert not kwargs["ephemeral"]


async def test_an_attachment_over_the_limit_is_not_read(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True))
    big = autospec(discord.Attachment)
    big.filename, big.size = "huge.yaml", MAX_FILE_BYTES + 1
    ctx.message.attachments = [big]
    assert await bot.read_attachments(ctx) is None
    big.read.assert_not_awaited()
    assert ctx.send.await_args.args[0] == "❌ Nothing was saved: huge.yaml is over 1 MB."


async def test_a_failing_quick_entry_form_is_logged_and_apologised_for(
    bot: PopcornBot, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.discord_bot.cogs import moderation

    form = moderation.QuickEntry(fake_slash_context(bot, guild=fake_guild()))
    interaction = fake_interaction()
    interaction.guild_id, interaction.channel_id = 4242, 77
    with caplog.at_level(logging.ERROR):
        await form.on_error(interaction, RuntimeError("boom"))
    interaction.response.send_message.assert_awaited_once_with(APOLOGY, ephemeral=True)
    assert "guild 4242" in caplog.records[-1].getMessage()


# --- /reviews: every moderator command, shown to role moderators, refused privately -------

LLV = Target("leaving las vegas")
#: Each /reviews command and the options it is called with here.
ARGUMENTS: dict[str, dict[str, Any]] = {
    "add": {"replace": False},  # `file` is made per test (a fake attachment)
    "new": {},
    "edit": {"film": LLV},
    "set": {"film": LLV, "field": "audio", "value": "GOOD"},
    "remove": {"film": LLV},
    "restore": {"film": LLV},
    "history": {"film": LLV},
    "undo": {"film": LLV, "entry": 2},
    "source": {"film": LLV},
    "export": {},
    "modrole": {"action": "list", "role": None},
    "modlog": {"channel": None, "off": True},
    "announce": {"channel": None, "off": True},
    "cast add": {"film": LLV, "name": "Ed Lauter", "character": "Hitman"},
    "cast remove": {"film": LLV, "name": "Ed Lauter", "character": ""},
    "cast set": {"film": LLV, "name": "Ed Lauter", "character": "Hit man"},
    "cast move": {"film": LLV, "name": "Ed Lauter", "position": 2},
    "link add": {"film": LLV, "url": "https://www.amazon.co.uk/dp/B01", "shop": "Amazon UK"},
    "link remove": {"film": LLV, "link": "Amazon UK"},
    "alias add": {"film": LLV, "alias": "LLV"},
    "alias remove": {"film": LLV, "alias": "LLV"},
    "alias list": {"film": LLV},
    "person rename": {"person": Target("Nicholas Cage"), "new_name": "Nicolas Cage"},
    "person merge": {"person": Target("Nicholas Cage"), "into": Target("Nicolas Cage")},
    "film merge": {"film": Target("face off 1996"), "into": Target("face/off")},
    "film remove": {"film": Target("face off 1996")},
}
#: What each one asks the answers layer, as the prefix command is typed.
REQUESTS: dict[str, tuple[str, str]] = {
    "add": ("review add", ""),
    "set": ("review set", "leaving las vegas audio GOOD"),
    "remove": ("review remove", "leaving las vegas"),
    "restore": ("review restore", "leaving las vegas"),
    "history": ("review history", "leaving las vegas"),
    "undo": ("review undo", "leaving las vegas 2"),
    "source": ("review source", "leaving las vegas"),
    "export": ("export", ""),
    "modrole": ("modrole", ""),
    "modlog": ("modlog", "off"),
    "announce": ("announce", "off"),
    "cast add": ("review cast", 'add leaving las vegas "Ed Lauter as Hitman"'),
    "cast remove": ("review cast", 'remove leaving las vegas "Ed Lauter"'),
    "cast set": ("review cast", 'set leaving las vegas "Ed Lauter as Hit man"'),
    "cast move": ("review cast", 'move leaving las vegas "Ed Lauter" 2'),
    "link add": (
        "review link",
        'add leaving las vegas "https://www.amazon.co.uk/dp/B01 Amazon UK"',
    ),
    "link remove": ("review link", 'remove leaving las vegas "Amazon UK"'),
    "alias add": ("alias", 'add leaving las vegas "LLV"'),
    "alias remove": ("alias", 'remove leaving las vegas "LLV"'),
    "alias list": ("alias", "list leaving las vegas"),
    "person rename": ("person rename", "Nicholas Cage = Nicolas Cage"),
    "person merge": ("person merge", "Nicholas Cage into Nicolas Cage"),
    "film merge": ("film merge", "face off 1996 into face/off"),
    "film remove": ("film remove", "face off 1996"),
}
FORMS = {"new", "edit"}  # these open a form instead


def reviews_commands(bot: PopcornBot) -> dict[str, app_commands.Command[Any, ..., Any]]:
    """Every /reviews command by its name under /reviews (`cast add`)."""
    group = bot.tree.get_command("reviews")
    assert isinstance(group, app_commands.Group)
    return {
        c.qualified_name.removeprefix("reviews "): c
        for c in group.walk_commands()
        if isinstance(c, app_commands.Command)
    }


def attachment() -> Any:
    file = autospec(discord.Attachment)
    file.filename, file.size = "llv.yaml", 10
    file.read = AsyncMock(return_value=b"film: {title: X}")
    return file


async def call(bot: PopcornBot, name: str, interaction: Any, /, **options: Any) -> None:
    """Run /reviews `name` as discord.py does once its options are read."""
    command = reviews_commands(bot)[name]
    if name == "add":
        options.setdefault("file", attachment())
    await command.callback(command.binding, interaction, **options)  # type: ignore[call-arg]


def asking(monkeypatch: pytest.MonkeyPatch) -> list[Request]:
    """The requests the core is asked from now on (each answered "done")."""
    asked: list[Request] = []

    async def answer(_core: Popcorn, request: Request) -> Notice:
        asked.append(request)
        return Notice("done")

    monkeypatch.setattr(Popcorn, "answer", answer)
    return asked


def reply_text(interaction: Any) -> str:
    kwargs = sent(interaction)
    return str(kwargs.get("content") or kwargs["embeds"][0].description)


def test_every_moderator_command_has_a_slash_version(bot: PopcornBot) -> None:
    names = set(reviews_commands(bot))
    assert names == set(ARGUMENTS)
    for spec in MODERATOR_COMMANDS:
        typed = spec.words.removeprefix("review ")
        assert typed in names or any(n.startswith(f"{typed} ") for n in names), spec.words


def test_reviews_is_for_servers_and_hidden_from_no_moderator(bot: PopcornBot) -> None:
    """Discord's default permissions cannot say "has the moderator role": /reviews is shown to
    every member of a server (never in DMs), and the answers refuse who may not."""
    group = bot.tree.get_command("reviews")
    assert isinstance(group, app_commands.Group)
    payload = group.to_dict(bot.tree)
    assert payload["default_member_permissions"] is None
    assert payload["dm_permission"] is False
    assert payload["contexts"] == [0]  # Discord's GUILD context only: never in DMs
    for name, command in reviews_commands(bot).items():
        assert command.root_parent is group, name
        assert command.default_permissions is None, name  # nothing hides a sub-command
        assert all(p.type is not None for p in command.parameters)


@on_the_module_loop
@pytest.mark.parametrize("name", sorted(ARGUMENTS))
async def test_a_member_is_refused_privately(shared_bot: PopcornBot, name: str) -> None:
    interaction = slash_interaction(shared_bot, STRANGER, guild=fake_guild(), command=name)
    await call(shared_bot, name, interaction, **ARGUMENTS[name])
    interaction.response.send_modal.assert_not_awaited()
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True
    expected = OWNER_ONLY if name == "modlog" else MODERATORS_ONLY
    assert kwargs["content"] == f"❌ {expected}"


@on_the_module_loop
@pytest.mark.parametrize("name", sorted(REQUESTS))
async def test_each_command_asks_what_the_prefix_command_types(
    shared_bot: PopcornBot, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = asking(monkeypatch)
    interaction = slash_interaction(
        shared_bot, OWNER, guild=fake_guild(owner_id=OWNER), command=name
    )
    await call(shared_bot, name, interaction, **ARGUMENTS[name])
    (request,) = asked
    assert (request.command, request.text, request.film_id) == (*REQUESTS[name], None)
    assert request.actor is not None and request.actor.is_moderator


async def test_a_picked_suggestion_is_named_by_its_title_and_id(
    bot: PopcornBot, app: Popcorn, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = asking(monkeypatch)
    llv, con_air = film_id(app, "leaving las vegas"), film_id(app, "con air")
    cage = app.index.find_person("nicolas cage").best
    assert cage is not None
    guild = fake_guild(owner_id=OWNER)
    picked = {
        "cast set": {"film": Target(film_id=llv), "name": "Ed Lauter", "character": "Hitman"},
        "alias list": {"film": Target(film_id=llv)},
        "source": {"film": Target(film_id=llv)},
        "undo": {"film": Target(film_id=llv), "entry": None},
        "film merge": {"film": Target(film_id=con_air), "into": Target(film_id=llv)},
        "person rename": {"person": Target(person_id=cage.id), "new_name": "Nic Cage"},
        "set": {"film": Target(film_id=llv), "field": "audio", "value": "GOOD"},
    }
    for name, options in picked.items():
        await call(bot, name, slash_interaction(bot, OWNER, guild=guild), **options)
    assert [(r.command, r.text, r.film_id) for r in asked] == [
        ("review cast", 'set Leaving Las Vegas (1995) "Ed Lauter as Hitman"', llv),
        ("alias", "list Leaving Las Vegas (1995)", llv),
        ("review source", "Leaving Las Vegas (1995)", llv),
        ("review undo", "Leaving Las Vegas (1995)", None),
        ("film merge", "Con Air (1997) into Leaving Las Vegas (1995)", None),
        ("person rename", "Nicolas Cage = Nic Cage", None),
        ("review set", "audio GOOD", llv),
    ]


async def test_modrole_and_modlog_name_the_role_and_the_channel(
    bot: PopcornBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = asking(monkeypatch)
    guild = fake_guild(owner_id=OWNER)
    role = autospec(discord.Role)
    role.id, role.mention = MOD_ROLE, f"<@&{MOD_ROLE}>"
    await call(bot, "modrole", slash_interaction(bot, guild=guild), action="add", role=role)
    await call(bot, "modrole", slash_interaction(bot, guild=guild), action="remove", role=role)
    channel = autospec(discord.TextChannel)
    channel.id, channel.mention = 666666666666666666, "<#666666666666666666>"
    await call(bot, "modlog", slash_interaction(bot, guild=guild), channel=channel, off=False)
    await call(bot, "modlog", slash_interaction(bot, guild=guild), channel=None, off=False)
    assert [(r.command, r.text) for r in asked] == [
        ("modrole", f"add <@&{MOD_ROLE}>"),
        ("modrole", f"remove <@&{MOD_ROLE}>"),
        ("modlog", "<#666666666666666666>"),
        ("modlog", ""),
    ]
    both = slash_interaction(bot, guild=guild)
    await call(bot, "modlog", both, channel=channel, off=True)
    both.response.send_message.assert_awaited_once_with(
        "❌ Nothing was changed: give a channel, or off, not both.", ephemeral=True
    )
    assert len(asked) == 4


async def test_slash_alias_and_cast_change_the_film(bot: PopcornBot, app: Popcorn) -> None:
    guild = fake_guild(owner_id=OWNER)
    llv = Target(film_id=film_id(app, "leaving las vegas"))
    added = slash_interaction(bot, guild=guild)
    await call(bot, "alias add", added, film=llv, alias="Las Vegas drinking film")
    assert reply_text(added).startswith("Saved. Leaving Las Vegas (1995) — aliases: +Las Vegas")
    assert app.index.find_film("las vegas drinking film").best is not None
    cast = slash_interaction(bot, guild=guild)
    await call(bot, "cast add", cast, film=llv, name="Ed Lauter", character="Hitman")
    assert "cast: +Ed Lauter as Hitman" in reply_text(cast)
    assert sent(cast).get("ephemeral") is not True  # a change is said in the channel


# --- /reviews edit: the form pre-filled ------------------------------------------------------


async def open_edit_form(bot: PopcornBot, app: Popcorn) -> ReviewEdit:
    interaction = slash_interaction(bot, guild=fake_guild(owner_id=OWNER), command="edit")
    film = Target(film_id=film_id(app, "leaving las vegas"))
    await call(bot, "edit", interaction, film=film)
    (form,) = interaction.response.send_modal.await_args.args
    # The cog's module as the bot loaded it (an extension is imported afresh).
    assert type(form).__qualname__ == ReviewEdit.__qualname__
    return cast(ReviewEdit, form)


def typed_into(form: ReviewEdit, **values: str) -> None:
    """As if the moderator typed `values` over the form's boxes before sending it."""
    for name in ("verdict", "ratings", "pros", "cons"):
        box = autospec(discord.ui.TextInput)
        box.value = values.get(name, getattr(form, name).default or "")
        setattr(form, name, box)


async def test_the_edit_form_opens_with_the_reviews_values(bot: PopcornBot, app: Popcorn) -> None:
    form = await open_edit_form(bot, app)
    assert form.title == "Edit Leaving Las Vegas (1995)"
    # What Discord is sent: each box's label and the value it opens with.
    sent_boxes = [row["components"][0] for row in form.to_components()]
    boxes = {box["label"]: box.get("value") for box in sent_boxes}
    assert boxes == {
        "Verdict (one line)": "Great film let down by poor audio on the Blu-ray release",
        "Ratings": "picture GOOD, audio POOR, extras OK",
        "Pros (one a line)": "Nicolas Cage\nElisabeth Shue\nGripping Storyline",
        "Cons (one a line)": "Poor Audio Quality\nPicture Quality Could Be Better",
    }
    assert all(len(label) <= 45 for label in boxes)
    assert all(box["max_length"] <= 4000 and not box["required"] for box in sent_boxes)


async def test_the_sent_edit_form_saves_the_changes(bot: PopcornBot, app: Popcorn) -> None:
    form = await open_edit_form(bot, app)
    typed_into(form, verdict="Great film, muddy mix", ratings="picture GOOD, audio OK, extras OK")
    submitted = fake_interaction(OWNER)
    await form.on_submit(submitted)
    assert reply_text(submitted) == (
        "Saved. Leaving Las Vegas (1995) — audio: POOR → OK; verdict: Great film let down by "
        "poor audio on the Blu-ray release → Great film, muddy mix"
    )
    assert not sent(submitted)["ephemeral"]
    card = await app.answer(Request("verdict", "leaving las vegas"))
    assert "Great film, muddy mix" in str(card)


async def test_a_mistake_in_the_edit_form_is_private_and_given_back(
    bot: PopcornBot, app: Popcorn
) -> None:
    form = await open_edit_form(bot, app)
    typed_into(form, ratings="picture GOOD, audio EXCELENT", pros="Cage\nShue")
    submitted = fake_interaction(OWNER)
    await form.on_submit(submitted)
    assert sent(submitted)["ephemeral"] is True
    text = reply_text(submitted)
    assert text.startswith("❌ Nothing was saved. audio: 'EXCELENT' is not on the rating scale")
    assert "pros: Cage\nShue" in text and "version" not in text
    unchanged = await app.answer(Request("verdict", "leaving las vegas"))
    assert "EXCELENT" not in str(unchanged)


async def test_no_form_for_a_member_or_a_film_without_a_review(
    bot: PopcornBot, app: Popcorn
) -> None:
    member_asks = slash_interaction(bot, STRANGER, guild=fake_guild(), command="edit")
    await call(bot, "edit", member_asks, film=LLV)
    member_asks.response.send_modal.assert_not_awaited()
    assert sent(member_asks)["ephemeral"] is True
    assert reply_text(member_asks) == f"❌ {MODERATORS_ONLY}"
    no_review = slash_interaction(bot, guild=fake_guild(owner_id=OWNER), command="edit")
    await call(bot, "edit", no_review, film=Target("con air"))
    no_review.response.send_modal.assert_not_awaited()
    assert sent(no_review)["ephemeral"] is True
    assert reply_text(no_review).startswith("⚠️ Con Air (1997) has no review yet")


async def test_a_failing_edit_form_is_logged_and_apologised_for(
    bot: PopcornBot, app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    form = await open_edit_form(bot, app)
    interaction = fake_interaction()
    interaction.guild_id, interaction.channel_id = 4242, 77
    with caplog.at_level(logging.ERROR):
        await form.on_error(interaction, RuntimeError("boom"))
    interaction.response.send_message.assert_awaited_once_with(APOLOGY, ephemeral=True)
    assert caplog.records[-1].getMessage().startswith("the edit form failed (guild 4242")


def test_a_list_too_long_for_the_form_is_not_cut() -> None:
    fits = EditForm(1, "X (2000)", 1, (("verdict", "v"), ("pros", "a" * 4000)))
    assert too_long_for_the_form(fits) is None
    cut = EditForm(1, "X (2000)", 1, (("verdict", "v"), ("pros", "a" * 4001)))
    assert too_long_for_the_form(cut) == "pros"


def test_a_target_names_itself_as_a_command_would_type_it(app: Popcorn) -> None:
    llv = film_id(app, "leaving las vegas")
    assert Target(film_id=llv).words(app.index) == "Leaving Las Vegas (1995)"
    assert Target("leaving las vegas").words(app.index) == "leaving las vegas"
    assert Target(film_id=987654).words(app.index) == "#987654"  # gone: the id, never a guess


async def test_announce_names_the_channel(bot: PopcornBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = asking(monkeypatch)
    guild = fake_guild(owner_id=OWNER)
    channel = autospec(discord.TextChannel)
    channel.id, channel.mention = 777777777777777777, "<#777777777777777777>"
    await call(bot, "announce", slash_interaction(bot, guild=guild), channel=channel, off=False)
    await call(bot, "announce", slash_interaction(bot, guild=guild), channel=None, off=False)
    await call(bot, "announce", slash_interaction(bot, guild=guild), channel=None, off=True)
    assert [(r.command, r.text) for r in asked] == [
        ("announce", "<#777777777777777777>"),
        ("announce", ""),
        ("announce", "off"),
    ]
    both = slash_interaction(bot, guild=guild)
    await call(bot, "announce", both, channel=channel, off=True)
    both.response.send_message.assert_awaited_once_with(
        "❌ Nothing was changed: give a channel, or off, not both.", ephemeral=True
    )
