"""The commands that correct a reviewed film in place, saved at once with their history:
`review set` (one field), `review cast`, `review link` and `alias` (add or remove one)."""

from __future__ import annotations

from typing import Any

from bot.answers.context import AnswerContext
from bot.answers.moderation.arguments import (
    EDITABLE,
    FIELD_WORDS,
    field_name,
    field_names,
    film_to_change,
    find_film_and_rest,
    split_quoted,
)
from bot.answers.moderation.editing import EditError, edit_record, set_field
from bot.answers.moderation.pending import save_now
from bot.answers.text import echo, film_label
from bot.answers.types import Answer, Notice, Request, Tone
from bot.db.exporter import film_to_record
from bot.db.models import Film
from bot.records.retailers import is_affiliate_shop, retailer_name
from bot.records.schema import Record


async def set_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review set <film> <field> <value>` (from a slash command: `<field> <value>`)."""
    words = request.text.split()
    if request.film_id is not None:  # from a slash command: the text is `<field> <value>`
        film = await film_to_change(ctx, request, "", "")
        if not isinstance(film, Film):
            return film
        if not words or words[0].lower() not in FIELD_WORDS:
            return Notice(f"Which field? One of: {field_names()}.", Tone.WARNING)
        position = 0
    else:
        found = await find_film_and_rest(ctx, request, words, FIELD_WORDS)
        if not isinstance(found, tuple):
            return found
        film, position = found
    typed = words[position]
    name = field_name(typed)
    if name is None:
        return Notice(f"Which field? One of: {field_names()}.", Tone.WARNING)
    raw = " ".join(words[position + 1 :])
    if not raw:
        return Notice(f"What should {name} be? Add the value after the field name.", Tone.WARNING)
    record = film_to_record(film)
    if EDITABLE[name][0].startswith("review.") and record.review is None:
        return Notice(
            f"{film_label(film.title, film.year)} has no review yet: add one with "
            f"`{ctx.prefix}review add` (attach the record or the article) or `/reviews new`.",
            Tone.WARNING,
        )
    try:
        edited = edit_record(record, typed, raw)
    except EditError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    return await save_now(ctx, request, film, edited, "set")


async def save_list(
    ctx: AnswerContext,
    request: Request,
    film: Film,
    record: Record,
    path: str,
    items: Any,
    action: str,
) -> Answer:
    """A list (cast, aliases, purchase links) replaced in the record and saved at once."""
    try:
        edited = set_field(record, path, items)
    except EditError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    return await save_now(ctx, request, film, edited, action)


async def list_edit(
    ctx: AnswerContext, request: Request, example: str
) -> tuple[Film, str, str] | Answer:
    """Shared by cast/alias/link add and remove: `<add|remove> <film> "<value>"`."""
    verb, _, rest = request.text.partition(" ")
    verb = verb.lower()
    parts = split_quoted(rest)
    if verb not in ("add", "remove") or parts is None or not parts[0]:
        return Notice(f"Use: `{ctx.prefix}{example}`", Tone.WARNING)
    film = await film_to_change(ctx, request, parts[0], example)
    if not isinstance(film, Film):
        return film
    return film, verb, parts[1]


async def alias_answer(ctx: AnswerContext, request: Request) -> Answer:
    found = await list_edit(ctx, request, 'alias add face off "faceoff"')
    if not isinstance(found, tuple):
        return found
    film, verb, alias = found
    record = film_to_record(film)
    aliases = list(record.film.aliases)
    if verb == "add":
        if alias in aliases:
            return Notice(
                f"{film_label(film.title, film.year)} already has the alias “{echo(alias)}”."
            )
        aliases.append(alias)
    else:
        if alias not in aliases:
            return Notice(
                f"{film_label(film.title, film.year)} has no alias “{echo(alias)}”.", Tone.WARNING
            )
        aliases.remove(alias)
    return await save_list(ctx, request, film, record, "film.aliases", aliases, f"alias {verb}")


async def cast_answer(ctx: AnswerContext, request: Request) -> Answer:
    found = await list_edit(ctx, request, 'review cast add leaving las vegas "Ed Lauter as Hitman"')
    if not isinstance(found, tuple):
        return found
    film, verb, value = found
    record = film_to_record(film)
    cast = [member.model_dump() for member in record.film.cast]
    name, sep, character = value.partition(" as ")
    if verb == "add":
        cast.append({"name": name.strip(), "character": character.strip() if sep else None})
    else:
        keep = [m for m in cast if m["name"].casefold() != name.strip().casefold()]
        if len(keep) == len(cast):
            return Notice(
                f"{echo(name)} is not in the cast of {film_label(film.title, film.year)}.",
                Tone.WARNING,
            )
        cast = keep
    # Adding or removing one member neither completes a cast list nor makes it partial.
    try:
        record = set_field(record, "film.cast_complete", bool(film.cast_complete))
    except EditError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    return await save_list(ctx, request, film, record, "film.cast", cast, f"cast {verb}")


async def link_answer(ctx: AnswerContext, request: Request) -> Answer:
    example = 'review link add leaving las vegas "https://www.amazon.co.uk/dp/..."'
    found = await list_edit(ctx, request, example)
    if not isinstance(found, tuple):
        return found
    film, verb, value = found
    record = film_to_record(film)
    if record.review is None:
        return Notice(
            f"{film_label(film.title, film.year)} has no review to add links to.", Tone.WARNING
        )
    links = [link.model_dump() for link in record.review.purchase_links]
    url, _, retailer = value.partition(" ")
    if verb == "add":
        retailer = retailer.strip() or retailer_name(url)
        links.append({"retailer": retailer, "url": url, "affiliate": is_affiliate_shop(url)})
    else:
        keep = [link for link in links if value not in (link["url"], link["retailer"])]
        if len(keep) == len(links):
            return Notice(
                f"No purchase link “{echo(value)}” on {film_label(film.title, film.year)}.",
                Tone.WARNING,
            )
        links = keep
    return await save_list(
        ctx, request, film, record, "review.purchase_links", links, f"link {verb}"
    )
