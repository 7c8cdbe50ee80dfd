"""Slash-command options that name a film or a person: typed text, or the record id (`#123`)
an autocomplete choice sends back, so two films of the same title stay apart.

The transformers turn the option's value into a `Target`, which becomes the command's
`Request` (`target.request("review")`): the film or person id when the member picked a
suggestion, else the typed text, searched as any typed name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.answers.text import clip, film_label
from bot.answers.types import Request
from bot.discord_bot import limits
from bot.search import SearchIndex

if TYPE_CHECKING:
    from bot.discord_bot.client import PopcornBot

ID_VALUE = re.compile(r"^#(\d{1,12})$")
#: How much of what the member is typing is searched for suggestions.
TYPED_LIMIT = 100
#: Characters that would end a quoted value (`"…"`) or a form part (`|`) in a command's text.
UNSAFE_IN_TEXT = re.compile(r"[\"“”|]")


@dataclass(frozen=True, slots=True)
class Target:
    """A film or a person as a slash option named it: an id, or text to search."""

    text: str = ""
    film_id: int | None = None
    person_id: int | None = None

    def request(self, command: str, more: str = "") -> Request:
        """The request for `command`; `more` follows the target (`/read`'s section)."""
        if self.film_id is not None or self.person_id is not None:
            return Request(command, more.strip(), film_id=self.film_id, person_id=self.person_id)
        return Request(command, f"{self.text} {more}".strip())

    def words(self, index: SearchIndex) -> str:
        """The film or person as a command's text names it: a picked suggestion by its title
        and year (`Face/Off (1997)`) or name, what was typed otherwise. For commands whose
        text names two records (`film merge A into B`) or more than the film; a title with a
        double quote or a `|` in it (which would end the command's value) is `#id`."""
        if self.film_id is not None:
            film = index.film(self.film_id)
            said = film_label(film.title, film.year) if film else ""
            return said if said and not UNSAFE_IN_TEXT.search(said) else f"#{self.film_id}"
        if self.person_id is not None:
            person = index.person(self.person_id)
            said = person.name if person else ""
            return said if said and not UNSAFE_IN_TEXT.search(said) else f"#{self.person_id}"
        return self.text


def film_target(value: str) -> Target:
    """`#42` (an autocomplete value) is the film with id 42; anything else is a title."""
    value = value.strip()
    if match := ID_VALUE.match(value):
        return Target(film_id=int(match.group(1)))
    return Target(value)


def person_target(value: str) -> Target:
    value = value.strip()
    if match := ID_VALUE.match(value):
        return Target(person_id=int(match.group(1)))
    return Target(value)


def film_request(command: str, value: str) -> Request:
    """A typed title, or `#id` from autocomplete."""
    return film_target(str(value)).request(command)


def person_request(command: str, value: str) -> Request:
    return person_target(str(value)).request(command)


Suggestions = list[app_commands.Choice[int | float | str]]


class _RecordTransformer(app_commands.Transformer["PopcornBot"]):
    """An option naming a film or a person: the typed text (or the `#id` an autocomplete
    suggestion sends back) becomes a Target."""

    def target(self, value: str) -> Target:
        raise NotImplementedError

    def suggestions(self, index: SearchIndex, typed: str) -> Suggestions:
        raise NotImplementedError

    async def transform(
        self, interaction: discord.Interaction[PopcornBot], value: object, /
    ) -> Target:
        return self.target(str(value))

    async def autocomplete(
        self, interaction: discord.Interaction[PopcornBot], value: int | float | str, /
    ) -> Suggestions:
        return self.suggestions(interaction.client.core.index, str(value)[:TYPED_LIMIT])


class FilmTransformer(_RecordTransformer):
    """A film option: suggestions labelled "Title (Year)", the value the film's id."""

    def target(self, value: str) -> Target:
        return film_target(value)

    def suggestions(self, index: SearchIndex, typed: str) -> Suggestions:
        return [
            app_commands.Choice(
                name=film_label(c.doc.title, c.doc.year, limits.CHOICE_NAME - 1),
                value=f"#{c.doc.id}",
            )
            for c in index.suggest_films(typed, limits.AUTOCOMPLETE_CHOICES)
        ]


class PersonTransformer(_RecordTransformer):
    """A person option: suggestions by name, the value the person's id."""

    def target(self, value: str) -> Target:
        return person_target(value)

    def suggestions(self, index: SearchIndex, typed: str) -> Suggestions:
        return [
            app_commands.Choice(name=clip(c.doc.name, limits.CHOICE_NAME - 1), value=f"#{c.doc.id}")
            for c in index.suggest_people(typed, limits.AUTOCOMPLETE_CHOICES)
        ]


FilmOption = app_commands.Transform[Target, FilmTransformer]
PersonOption = app_commands.Transform[Target, PersonTransformer]
