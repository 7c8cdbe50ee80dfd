"""The commands that correct a reviewed film in place, saved at once with their history:
`review set` (one field), `review link` and `alias` (add or remove one); `review cast` is in
bot.answers.moderation.cast."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.answers.context import AnswerContext
from bot.answers.moderation.arguments import (
    EDITABLE,
    FIELD_WORDS,
    field_name,
    field_names,
    film_to_change,
    find_film_and_rest,
    list_change,
    list_hint,
    parse_value,
    split_quoted,
)
from bot.answers.moderation.cast import cast_answer
from bot.answers.moderation.editing import EditError, edit_record, set_field, typed_value
from bot.answers.moderation.pending import save_now
from bot.answers.text import clip, echo, film_label, human_list
from bot.answers.types import Answer, Notice, Request, Tone
from bot.db.documents import FilmDocument
from bot.db.queries import title_owner
from bot.db.records import record_of
from bot.records.retailers import is_affiliate_shop, retailer_name
from bot.records.schema import Record
from bot.search.normalize import normalize_title

__all__ = ["alias_answer", "cast_answer", "link_answer", "set_answer"]  # cast_answer: moved


async def set_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review set <film> <field> <value>` (from a slash command: `<field> <value>`)."""
    words = request.text.split()
    if request.film_id is not None:  # from a slash command: the text is `<field> <value>`
        film = await film_to_change(ctx, request, "", "")
        if not isinstance(film, FilmDocument):
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
    record = record_of(film)
    if EDITABLE[name][0].startswith("review.") and record.review is None:
        return Notice(
            f"{film_label(film.title, film.year)} has no review yet: add one with "
            f"`{ctx.prefix}review add` (attach the record or the article) or `/reviews new`.",
            Tone.WARNING,
        )
    if EDITABLE[name][1] == "list":
        return await set_list(ctx, request, film, record, typed, raw)
    try:
        edited = edit_record(record, typed, raw)
    except EditError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    path, kind = EDITABLE[name]
    _, converted = typed_value(path, parse_value(raw, kind))  # read already: it is valid
    saved = await save_now(ctx, request, film, edited, "set")
    if converted and isinstance(saved, Notice) and saved.text.startswith("Saved."):
        return replace(saved, text=f"{saved.text} ({converted})")
    return saved


def current_list(record: Record, path: str) -> list[str]:
    """The items of a list field of the record (`review.pros`), empty when it has none."""
    node: Any = record.model_dump(mode="json", by_alias=True)
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return [str(item) for item in node] if isinstance(node, list) else []


def shown_list(name: str, items: list[str], now: str = " now") -> str:
    return f"{name}{now}: {'; '.join(items)}" if items else f"{name} is{now} empty."


async def set_list(
    ctx: AnswerContext, request: Request, film: FilmDocument, record: Record, typed: str, raw: str
) -> Answer:
    """`pros +Great sound`, `pros -Great sound`, `pros = a; b`: a list field edited, the
    reply ending with the whole list as it now is."""
    name = field_name(typed) or typed
    path = EDITABLE[name][0]
    label = film_label(film.title, film.year)
    change = list_change(raw)
    if change is None:
        return Notice(f"Nothing was saved: {list_hint(typed.strip().lower(), raw)}", Tone.WARNING)
    how, items = change
    before = current_list(record, path)
    keys = [item.casefold() for item in before]
    if how == "add":
        there = [item for item in items if item.casefold() in keys]
        if there:
            return Notice(
                f"Nothing changed: {label} already has "
                f"{human_list([f'“{echo(item)}”' for item in there])} in its {name}. "
                f"{shown_list(name, before, '')}"
            )
        after = before + items
    elif how == "remove":
        missing = [item for item in items if item.casefold() not in keys]
        if missing:
            return Notice(
                f"Nothing changed: {human_list([f'“{echo(item)}”' for item in missing])} "
                f"{'is' if len(missing) == 1 else 'are'} not in the {name} of {label}. "
                f"{shown_list(name, before, '')}",
                Tone.WARNING,
            )
        gone = {item.casefold() for item in items}
        after = [item for item in before if item.casefold() not in gone]
    else:
        after = items
    try:
        edited = set_field(record, path, after, typed.strip())
    except EditError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    saved = await save_now(ctx, request, film, edited, "set")
    if isinstance(saved, Notice) and saved.text.startswith("Saved."):
        return Notice(clip(f"{saved.text}\n{shown_list(name, after)}", 1900), saved.tone)
    return saved


async def save_list(
    ctx: AnswerContext,
    request: Request,
    film: FilmDocument,
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
) -> tuple[FilmDocument, str, str] | Answer:
    """Shared by cast/alias/link add and remove: `<add|remove> <film> "<value>"`."""
    verb, _, rest = request.text.partition(" ")
    verb = verb.lower()
    parts = split_quoted(rest)
    if verb not in ("add", "remove") or parts is None or not parts[0]:
        return Notice(f"Use: `{ctx.prefix}{example}`", Tone.WARNING)
    film = await film_to_change(ctx, request, parts[0], example)
    if not isinstance(film, FilmDocument):
        return film
    return film, verb, parts[1]


async def alias_clash(ctx: AnswerContext, film: FilmDocument, alias: str) -> str | None:
    """Why `alias` cannot be another name for `film`: it is already a film's title or alias
    (compared as the search index compares titles: `con-air` is `Con Air`), else None."""
    key = normalize_title(alias)
    if not key:
        return f"“{echo(alias)}” has no letters or digits to look a film up by."
    if normalize_title(film.title) == key:
        return f"“{echo(alias)}” is already the title of {film_label(film.title, film.year)}."
    owner = await title_owner(ctx.session, key, film.id)
    if owner is None:
        return None
    label = film_label(owner.title, owner.year)
    other = owner.alias
    if other is None:
        return f"“{echo(alias)}” is already the title of {label}."
    return (
        f"“{echo(alias)}” is already an alias of {label}"
        f"{'' if other == alias else f' (as “{echo(other)}”)'}."
    )


async def alias_list(ctx: AnswerContext, request: Request, text: str) -> Answer:
    """`alias list <film>`: the other names members may use for it."""
    if not text.strip():
        return Notice(f"Use: `{ctx.prefix}alias list face off`", Tone.WARNING)
    film = await film_to_change(ctx, request, text.strip(), "alias list face off")
    if not isinstance(film, FilmDocument):
        return film
    aliases = list(record_of(film).film.aliases)
    label = film_label(film.title, film.year)
    if not aliases:
        return Notice(
            f'{label} has no aliases. Add one with `{ctx.prefix}alias add {text.strip()} "…"`.'
        )
    return Notice(f"Aliases of {label}: {', '.join(f'“{echo(a)}”' for a in aliases)}.")


async def alias_answer(ctx: AnswerContext, request: Request) -> Answer:
    verb, _, rest = request.text.partition(" ")
    if verb.lower() == "list":
        return await alias_list(ctx, request, rest)
    found = await list_edit(ctx, request, 'alias add face off "faceoff"')
    if not isinstance(found, tuple):
        return found
    film, verb, alias = found
    label = film_label(film.title, film.year)
    record = record_of(film)
    aliases = list(record.film.aliases)
    if verb == "add":
        same = [a for a in aliases if normalize_title(a) == normalize_title(alias)]
        if same:
            return Notice(f"{label} already has the alias “{echo(same[0])}”.")
        clash = await alias_clash(ctx, film, alias)
        if clash is not None:
            return Notice(f"Nothing was saved: {clash}", Tone.WARNING)
        aliases.append(alias)
    else:
        gone = [a for a in aliases if a.casefold() == alias.casefold()] or [
            a for a in aliases if normalize_title(a) == normalize_title(alias)
        ]
        if not gone:
            known = (
                f" Its aliases: {', '.join(f'“{echo(a)}”' for a in aliases)}." if aliases else ""
            )
            return Notice(f"{label} has no alias “{echo(alias)}”.{known}", Tone.WARNING)
        aliases = [a for a in aliases if a not in gone]
    return await save_list(ctx, request, film, record, "film.aliases", aliases, f"alias {verb}")


async def link_answer(ctx: AnswerContext, request: Request) -> Answer:
    example = 'review link add leaving las vegas "https://www.amazon.co.uk/dp/..."'
    found = await list_edit(ctx, request, example)
    if not isinstance(found, tuple):
        return found
    film, verb, value = found
    record = record_of(film)
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
