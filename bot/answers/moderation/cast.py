"""`review cast`: a film's cast edited in place, saved at once with its history.

- `add <film> "Name as Character"`: a role at the end of the billing;
- `remove <film> "Name"` (or `"Name as Character"` when they have two roles);
- `set <film> "Name as Character"`: the character changed, the billing kept
  (`"Name as Old character = New character"` when they have two roles);
- `move <film> "Name" <position>`: the role moved to that place in the billing (1 is first).

A cast change keeps the film's cast_complete flag as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.answers.context import AnswerContext
from bot.answers.moderation.arguments import film_to_change, split_quoted
from bot.answers.moderation.editing import EditError, ordinal, set_field
from bot.answers.moderation.pending import save_now
from bot.answers.text import clean_input, clip, echo, film_label, human_list
from bot.answers.types import Answer, Notice, Request, Tone
from bot.db.documents import FilmDocument
from bot.db.records import record_of
from bot.records.schema import Record
from bot.search.normalize import normalize_name

VERBS = ("add", "remove", "set", "move")
EXAMPLES = {
    "add": 'review cast add leaving las vegas "Ed Lauter as Hitman"',
    "remove": 'review cast remove leaving las vegas "Ed Lauter"',
    "set": 'review cast set leaving las vegas "Julian Sands as Yuri"',
    "move": 'review cast move leaving las vegas "Julian Sands" 2',
}
USAGE = "add, remove, set or move a cast member: " + ", ".join(
    f"`{{prefix}}{example}`" for example in EXAMPLES.values()
)
#: `… "Julian Sands" 2` or `… "Julian Sands" to 2`: the position after the quoted name.
MOVE_END = re.compile(r"^(?P<head>.*[\"”'’])\s*(?:to\s+)?(?:#|no\.?\s*)?(?P<position>\d{1,4})\s*$")
#: How many names the reply to a move shows.
SHOWN = 5

Member = dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Said:
    """How the command was typed, to show it again with one role picked."""

    verb: str
    film: str
    inside: str = ""  # after the role, inside the quotes (`= New character`)
    after: str = ""  # after the quotes (a position)


@dataclass(frozen=True, slots=True)
class Typed:
    """A cast member as typed: `Name`, `Name as Character` or `Name as Old = New`."""

    name: str
    character: str | None  # None: no ` as ` typed
    new_character: str | None = None  # `= New`: the character it becomes

    @classmethod
    def read(cls, value: str, *, renaming: bool = False) -> Typed:
        name, sep, character = value.partition(" as ")
        new: str | None = None
        if renaming and sep and " = " in character:
            character, _, new = character.partition(" = ")
            new = new.strip()
        return cls(name.strip(), character.strip() if sep else None, new)


def in_code(text: str) -> str:
    """Text shown inside a `code span` (a command to type again): markdown is not read there,
    so it is not escaped (a backslash would be typed back); only a backquote is replaced."""
    return clip(clean_input(text), 120).replace("`", "'")


def said(member: Member) -> str:
    character = member.get("character")
    return f"{member['name']} as {character}" if character else str(member["name"])


def roles_of(cast: list[Member], name: str) -> list[int]:
    """The places (0-based) of the roles of the person named, compared as names are (case,
    accents and punctuation aside)."""
    key = normalize_name(name)
    return [n for n, member in enumerate(cast) if normalize_name(str(member["name"])) == key]


def same_character(member: Member, character: str) -> bool:
    return (member.get("character") or "").casefold().strip() == character.casefold().strip()


def nearest_names(cast: list[Member], name: str, limit: int = 3) -> list[str]:
    """The cast names nearest the one typed (rapidfuzz), best first."""
    names = list(dict.fromkeys(str(member["name"]) for member in cast))
    found = process.extract(
        normalize_name(name),
        {n: normalize_name(n) for n in names},
        scorer=fuzz.WRatio,
        processor=None,
        limit=limit,
        score_cutoff=60,
    )
    return [str(key) for _, _, key in found]


def not_in_cast(ctx: AnswerContext, film: FilmDocument, cast: list[Member], name: str) -> Notice:
    label = film_label(film.title, film.year)
    near = nearest_names(cast, name)
    hint = f" Nearest in its cast: {human_list(near, 'or')}." if near else ""
    if not cast:
        hint = f" It has no cast yet: add one with `{ctx.prefix}{EXAMPLES['add']}`."
    return Notice(
        f"Nothing was saved: “{echo(name)}” is not in the cast of {label}.{hint}", Tone.WARNING
    )


def which_role(
    ctx: AnswerContext, film: FilmDocument, cast: list[Member], places: list[int], how: Said
) -> Notice:
    """A name with several roles: name them all and say how to pick one (the command again,
    as typed, with one of the roles)."""
    label = film_label(film.title, film.year)
    name = str(cast[places[0]]["name"])
    roles = [
        f"“{echo(said(cast[n]))}” ({ordinal(n + 1)})"
        if cast[n].get("character")
        else f"{echo(name)} with no character ({ordinal(n + 1)})"
        for n in places
    ]
    example = next((said(cast[n]) for n in places if cast[n].get("character")), name)
    return Notice(
        f"Nothing was saved: {echo(name)} has {len(places)} roles in {label}: "
        f"{human_list(roles)}. Say which one: "
        f"`{ctx.prefix}review cast {how.verb} {how.film} "
        f'"{in_code(example)}{how.inside}"{how.after}`.',
        Tone.WARNING,
    )


def pick(
    ctx: AnswerContext, film: FilmDocument, cast: list[Member], typed: Typed, how: Said
) -> int | Notice:
    """The place of the one role meant: the name's only role, or the one whose character was
    typed; else a question (several roles) or a refusal (not in the cast)."""
    places = roles_of(cast, typed.name)
    if not places:
        return not_in_cast(ctx, film, cast, typed.name)
    if typed.character is not None:
        chosen = [n for n in places if same_character(cast[n], typed.character)]
        if chosen:
            return chosen[0]
    if len(places) == 1 and typed.character is None:
        return places[0]
    if typed.character is not None:
        label = film_label(film.title, film.year)
        roles = human_list([f"“{echo(said(cast[n]))}”" for n in places])
        return Notice(
            f"Nothing was saved: {echo(typed.name)} is not “{echo(typed.character)}” in "
            f"{label}; their {'roles are' if len(places) > 1 else 'role is'} {roles}.",
            Tone.WARNING,
        )
    return which_role(ctx, film, cast, places, how)


def billing(cast: list[Member], limit: int = SHOWN) -> str:
    names = [str(member["name"]) for member in cast[:limit]]
    more = "…" if len(cast) > limit else ""
    return ", ".join(names) + more


async def save_cast(
    ctx: AnswerContext,
    request: Request,
    film: FilmDocument,
    record: Record,
    cast: list[Member],
    verb: str,
) -> Answer:
    """The new cast saved; the film's cast_complete flag stays as it is (adding, removing or
    fixing one role neither completes a cast list nor makes it partial)."""
    try:
        record = set_field(record, "film.cast_complete", bool(film.cast_complete))
        record = set_field(record, "film.cast", cast, "cast")
    except EditError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    saved = await save_now(ctx, request, film, record, f"cast {verb}")
    if verb in ("move", "set") and isinstance(saved, Notice) and saved.text.startswith("Saved."):
        return Notice(clip(f"{saved.text}\nCast now: {billing(cast)}", 1900), saved.tone)
    return saved


def parse(ctx: AnswerContext, text: str) -> tuple[str, str, str, int | None] | Notice:
    """`<verb> <film> "<value>"` (`move`: and a position) -> verb, film, value, position."""
    verb, _, rest = text.strip().partition(" ")
    verb = verb.lower()
    if verb not in VERBS:
        return Notice(f"Use: {USAGE.format(prefix=ctx.prefix)}", Tone.WARNING)
    position: int | None = None
    if verb == "move":
        match = MOVE_END.match(rest.strip())
        if match is None:
            return Notice(
                f"Say where to: `{ctx.prefix}{EXAMPLES['move']}` (1 is the top of the billing).",
                Tone.WARNING,
            )
        rest, position = match.group("head"), int(match.group("position"))
    parts = split_quoted(rest)
    if parts is None or not parts[1]:
        return Notice(f"Use: `{ctx.prefix}{EXAMPLES[verb]}`", Tone.WARNING)
    return verb, parts[0], parts[1], position


async def cast_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review cast add|remove|set|move <film> "Name as Character"` (move: `"Name" <n>`)."""
    parsed = parse(ctx, request.text)
    if isinstance(parsed, Notice):
        return parsed
    verb, film_text, value, position = parsed
    if not film_text and request.film_id is None:
        return Notice(f"Which film? `{ctx.prefix}{EXAMPLES[verb]}`", Tone.WARNING)
    film = await film_to_change(ctx, request, film_text, EXAMPLES[verb])
    if not isinstance(film, FilmDocument):
        return film
    record = record_of(film)
    cast: list[Member] = [dict(member.model_dump()) for member in record.film.cast]
    label = film_label(film.title, film.year)
    film_words = in_code(film_text) if film_text else in_code(film.title.lower())
    typed = Typed.read(value, renaming=verb == "set")
    if not typed.name:
        return Notice(f"Use: `{ctx.prefix}{EXAMPLES[verb]}`", Tone.WARNING)

    if verb == "add":
        there = [
            n for n in roles_of(cast, typed.name) if same_character(cast[n], typed.character or "")
        ]
        if there:
            return Notice(
                f"Nothing changed: {label} already has “{echo(said(cast[there[0]]))}” "
                f"({ordinal(there[0] + 1)} in the cast)."
            )
        cast.append({"name": typed.name, "character": typed.character or None})
        return await save_cast(ctx, request, film, record, cast, verb)

    if verb == "remove":
        place = pick(ctx, film, cast, typed, Said(verb, film_words))
        if isinstance(place, Notice):
            return place
        del cast[place]
        return await save_cast(ctx, request, film, record, cast, verb)

    if verb == "set":
        if typed.character is None:
            return Notice(
                f"Say the character after “as”: `{ctx.prefix}{EXAMPLES['set']}`.", Tone.WARNING
            )
        places = roles_of(cast, typed.name)
        if typed.new_character is None and len(places) > 1:
            already = [n for n in places if same_character(cast[n], typed.character)]
            if already:
                return Notice(
                    f"Nothing changed: {label} already has “{echo(said(cast[already[0]]))}”."
                )
            return which_role(ctx, film, cast, places, Said(verb, film_words, " = New character"))
        if typed.new_character is None:
            chosen = pick(ctx, film, cast, Typed(typed.name, None), Said(verb, film_words))
            character = typed.character
        else:
            chosen = pick(ctx, film, cast, typed, Said(verb, film_words))
            character = typed.new_character
        if isinstance(chosen, Notice):
            return chosen
        if not character:
            return Notice(
                f"Say the new character after “=”: `{ctx.prefix}{EXAMPLES['set']}`.", Tone.WARNING
            )
        if cast[chosen].get("character") == character:
            return Notice(f"Nothing changed: {label} already has “{echo(said(cast[chosen]))}”.")
        cast[chosen] = {**cast[chosen], "character": character}
        return await save_cast(ctx, request, film, record, cast, verb)

    assert position is not None  # parse() read it for `move`
    place = pick(ctx, film, cast, typed, Said(verb, film_words, after=f" {position}"))
    if isinstance(place, Notice):
        return place
    if not 1 <= position <= len(cast):
        return Notice(
            f"Nothing was saved: {label} has {len(cast)} cast members; give a place from 1 to "
            f"{len(cast)} (1 is the top of the billing).",
            Tone.WARNING,
        )
    if place == position - 1:
        return Notice(
            f"Nothing changed: {echo(said(cast[place]))} is already {ordinal(position)} "
            f"in the cast of {label}."
        )
    member = cast.pop(place)
    cast.insert(position - 1, member)
    return await save_cast(ctx, request, film, record, cast, verb)
