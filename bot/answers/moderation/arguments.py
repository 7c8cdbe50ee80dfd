"""What moderators type: the editable fields and their names, values (lists, clearing), a
quoted value at the end of a command, and the film a change is about (never a guess)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.answers.context import AnswerContext
from bot.answers.resolve import gone, resolve_film
from bot.answers.text import human_list
from bot.answers.types import Answer, Choices, Notice, Request, Tone
from bot.db.documents import FilmDocument
from bot.db.reading import load_film

REPLACE_WORDS = {"replace", "--replace"}
CLEAR_WORDS = {"none", "unset", "-", "clear"}
LIST_SPLIT = re.compile(r"\s*;\s*")
QUOTED_END = re.compile(r"""^(?P<head>.*?)\s*["“”'‘’](?P<value>[^"“”]+)["“”'‘’]\s*$""")


def _field(path: str, kind: str = "text") -> tuple[str, str]:
    return path, kind


#: The fields `review set` changes: the name moderators type -> (the record's path, kind).
EDITABLE: dict[str, tuple[str, str]] = {
    "title": _field("film.title"),
    "year": _field("film.year"),
    "runtime": _field("film.runtime_min"),
    "certificate": _field("film.certificate"),
    "genres": _field("film.genres", "list"),
    "description": _field("film.description"),
    "synopsis": _field("film.synopsis"),
    "directors": _field("film.directors", "list"),
    "writers": _field("film.writers", "list"),
    "cinematographers": _field("film.cinematographers", "list"),
    "composers": _field("film.composers", "list"),
    "label": _field("release.label"),
    "released": _field("release.release_date"),
    "discs": _field("release.discs"),
    "region": _field("release.region"),
    "country": _field("release.country"),
    "format": _field("release.format"),
    "features": _field("release.extras", "list"),
    "verdict": _field("review.verdict"),
    "recommendation": _field("review.recommendation"),
    "headline": _field("review.headline"),
    "url": _field("review.url"),
    "author": _field("review.author"),
    "published": _field("review.published"),
    "rating": _field("review.ratings.film"),
    "picture": _field("review.ratings.picture"),
    "audio": _field("review.ratings.audio"),
    "extras": _field("review.ratings.extras"),
    "pros": _field("review.pros", "list"),
    "cons": _field("review.cons", "list"),
    "trailer": _field("review.trailer.url"),
    "style": _field("review.sections.style_direction"),
    "music": _field("review.sections.music_audio"),
    "acting": _field("review.sections.acting_characters"),
    "film_conclusion": _field("review.film_conclusion"),
    "release_conclusion": _field("review.release_conclusion"),
}
FIELD_ALIASES = {
    "runtime_min": "runtime", "cert": "certificate", "genre": "genres", "director": "directors",
    "release_date": "released", "date": "released", "film_rating": "rating", "score": "rating",
    "film": "rating", "special_features": "features", "pro": "pros", "con": "cons",
}  # fmt: skip
#: A record's path -> the name moderators know it by (in replies and the history).
PATH_NAMES = {path: name for name, (path, _) in EDITABLE.items()} | {
    "film.aliases": "aliases",
    "film.cast": "cast",
    "film.cast_complete": "whole cast listed",
    "film.slug": "slug",
    "review.intro": "intro",
    "review.purchase_links": "purchase links",
    "review.ratings": "ratings",
    "review.sections": "sections",
    "review.trailer": "trailer",
    "review.trailer.note": "trailer note",
}
FIELD_WORDS = set(EDITABLE) | set(FIELD_ALIASES)


def path_name(path: str) -> str:
    """A record's field as moderators call it (`film.runtime_min` -> runtime), never the
    record's internal path: a field with no such name is its last part in words."""
    return PATH_NAMES.get(path) or path.rsplit(".", 1)[-1].replace("_", " ")


def field_name(typed: str) -> str | None:
    """The editable field a typed name means (`score` -> `rating`), or None."""
    name = typed.strip().lower()
    name = FIELD_ALIASES.get(name, name)
    return name if name in EDITABLE else None


def field_names() -> str:
    return ", ".join(sorted(EDITABLE))


def clean_value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] in "\"“'‘" and raw[-1] in "\"”'’":
        raw = raw[1:-1].strip()
    return raw


def parse_value(raw: str, kind: str) -> Any:
    """A typed value: quotes dropped, `none` (`clear`, `-`) clears, `a; b` is a list."""
    value = clean_value(raw)
    if value.lower() in CLEAR_WORDS:
        return [] if kind == "list" else None
    if kind == "list":
        return [part for part in LIST_SPLIT.split(value) if part]
    return value


ADD_SIGNS = "+"
REMOVE_SIGNS = "-−–"  # the reply's minus (−) and a dash typed by a phone, too


def list_change(raw: str) -> tuple[str, list[str]] | None:
    """How a list field is edited: `+a` adds (`+a; b` several), `-a` removes, `= a; b` replaces
    the whole list, `none` (`clear`, `-`) empties it; a bare value is None (refused: typed
    without a sign it would replace the list by mistake)."""
    value = raw.strip()
    if value.lower() in CLEAR_WORDS:
        return "replace", []
    if not value:
        return None
    sign = value[0]
    if sign == "=":
        items = parse_value(value[1:], "list")
        return "replace", items
    if sign in ADD_SIGNS or sign in REMOVE_SIGNS:
        signs = ADD_SIGNS if sign in ADD_SIGNS else REMOVE_SIGNS
        parts = [clean_value(part.strip().lstrip(signs)) for part in LIST_SPLIT.split(value)]
        items = [part for part in parts if part]
        if not items:
            return None
        return ("add" if signs == ADD_SIGNS else "remove"), items
    return None


def list_hint(typed: str, raw: str) -> str:
    """The three forms of a list edit, shown with what was typed."""
    item = clean_value(raw) or "item"
    return (
        f"{typed} is a list: `{typed} +{item}` adds, `{typed} -{item}` removes, "
        f"`{typed} = {item}; …` replaces the whole list."
    )


def split_quoted(text: str) -> tuple[str, str] | None:
    """`leaving las vegas "Ed Lauter as Hitman"` -> ("leaving las vegas", "Ed Lauter as Hitman")."""
    match = QUOTED_END.match(text.strip())
    if match is None:
        return None
    return match.group("head").strip(), match.group("value").strip()


async def film_to_change(
    ctx: AnswerContext, request: Request, text: str, example: str
) -> FilmDocument | Answer:
    """Like resolve_film, but a change never goes ahead on a guess: when several films could
    be meant, the moderator is asked to say it exactly (or add the year) and type it again."""
    found = await resolve_film(ctx, replace(request, text=text), example)
    if isinstance(found, FilmDocument):  # read again in this session, never from the cache:
        return await load_film(ctx.session, found.id) or gone("film")  # its version is the base
    if isinstance(found, Choices):
        names = human_list([f"**{c.label}**" for c in found.choices], "or")
        prompt = found.prompt.removesuffix(":")
        for tail in (" The nearest are", " Did you mean"):
            prompt = prompt.removesuffix(tail)
        prompt = prompt if prompt.endswith((".", "?")) else f"{prompt}."
        return Notice(
            f"{prompt} Did you mean {names}? Type it again with the exact title or the year.",
            Tone.WARNING,
        )
    return found


async def find_film_and_rest(
    ctx: AnswerContext, request: Request, words: list[str], stop: set[str]
) -> tuple[FilmDocument, int] | Answer:
    """The film named by the first words, up to one of the `stop` words (tried left to right)."""
    positions = [i for i, word in enumerate(words) if i > 0 and word.lower() in stop]
    last: Answer | None = None
    for position in positions:
        target = await film_to_change(ctx, request, " ".join(words[:position]), "")
        if isinstance(target, FilmDocument):
            return target, position
        last = target
    if last is not None:
        return last
    return Notice(
        f"Say which film and which field: `{ctx.prefix}review set leaving las vegas audio GOOD`. "
        f"Fields: {field_names()}.",
        Tone.WARNING,
    )
