"""The plain-data answers the answering code returns and the renderer turns into messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Tone(StrEnum):
    """How an answer should look: the renderer picks a colour from it."""

    CARD = "card"
    UNREVIEWED = "unreviewed"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who asked: the Discord layer (or `popcorn chat`) says whether they may moderate."""

    id: int
    name: str
    is_moderator: bool = False
    guild_id: int | None = None
    is_guild_owner: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class RoleFact:
    """One of the server's roles, as the Discord layer sees it. `members`: the display names of
    the members who hold it, or None when the bot cannot list members (no Server Members
    intent). `manage_messages`: the role grants Manage Messages (or Administrator)."""

    id: int
    name: str
    members: tuple[str, ...] | None = None
    manage_messages: bool = False
    everyone: bool = False  # the @everyone role


@dataclass(frozen=True, slots=True)
class ChannelFact:
    """One of the server's text channels; `missing`: the permissions the bot lacks there to
    post a line ("View Channel", "Send Messages"), empty when it can."""

    id: int
    name: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GuildFacts:
    """What the server looks like, for the commands that set moderation up (modrole, modlog):
    filled by the Discord layer (and `popcorn chat`'s pretend server), None elsewhere.
    `manage_messages_members`: who has Manage Messages today, None when members are unknown."""

    roles: tuple[RoleFact, ...] = ()
    channels: tuple[ChannelFact, ...] = ()
    owner_name: str | None = None
    manage_messages_members: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """One command as the member asked it: a canonical command name and its argument text.

    `film_id` / `person_id` are set when the target is already known (a did-you-mean choice,
    an autocomplete value), so the text is not searched again. `form` holds the fields of a
    form the member filled in (Discord's quick-entry modal: `(("title", "Mandy"), ...)`).
    """

    command: str
    text: str = ""
    film_id: int | None = None
    person_id: int | None = None
    invoked_as: str | None = None
    actor: Actor | None = None
    attachments: tuple[Attachment, ...] = ()
    form: tuple[tuple[str, str], ...] = ()
    guild: GuildFacts | None = None  # only for the set-up commands (modrole, modlog)


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class Card:
    """A card about one thing (a film, a person, the help): an embed-shaped piece of data."""

    title: str
    url: str | None = None
    description: str | None = None
    fields: tuple[Field, ...] = ()
    footer: str | None = None
    links: tuple[Link, ...] = ()
    tone: Tone = Tone.CARD
    film_id: int | None = None
    # Buttons that answer another request in place (a question's answer -> the film's card).
    followups: tuple[Choice, ...] = ()
    # One line said above the card: what a loosely typed name was taken to mean.
    note: str | None = None
    # An image shown small beside the card (the review's cover): an http(s) link already
    # checked to be the site's own (bot.answers.covers).
    thumbnail: str | None = None


@dataclass(frozen=True, slots=True)
class ItemList:
    """A list to show a page at a time (filmographies, casts, search results)."""

    title: str
    items: tuple[str, ...]
    intro: str | None = None
    footer: str | None = None
    empty_text: str = "Nothing to show."
    page_size: int = 15
    url: str | None = None
    links: tuple[Link, ...] = ()
    tone: Tone = Tone.INFO
    # One line said above the list: what a loosely typed name was taken to mean.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    label: str
    request: Request
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Choices:
    """ "Did you mean": the member picks one, and that request is answered instead."""

    prompt: str
    choices: tuple[Choice, ...]
    tone: Tone = Tone.WARNING


@dataclass(frozen=True, slots=True)
class Notice:
    """A short reply: an error, a hint, a "not found"."""

    text: str
    tone: Tone = Tone.INFO
    hints: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A change a moderator has previewed and may confirm. Plain data: applying it is the
    database layer's job (bot.db.changes), and it is refused if the film moved on meanwhile."""

    kind: str  # "save" (a whole record), "remove" or "restore" (a review)
    actor: Actor
    film_id: int | None = None
    base_version: int | None = None
    record: object | None = None  # bot.records.schema.Record for "save"
    summary: str = ""
    action: str = "add"  # the history's name for a save: "add", "set", "cast add"...


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A preview with Confirm and Cancel: nothing is saved before Confirm."""

    preview: Card
    change: PendingChange
    prompt: str
    destructive: bool = False


@dataclass(frozen=True, slots=True)
class FileAnswer:
    """A file to send (the export), with a line of text."""

    text: str
    filename: str
    data: bytes


Answer = Card | ItemList | Choices | Notice | Confirmation | FileAnswer
