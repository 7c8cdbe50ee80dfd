"""Moderator commands: add, edit, remove and restore reviews, history, aliases, export.

Adding and removing show a preview with Confirm and Cancel (a PendingChange that the
database layer applies on Confirm); field edits are applied at once. Every change is one
transaction with history, refused when the film moved on since the moderator looked.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import PurePath
from typing import Any

import yaml
from pydantic import ValidationError

from bot.answers.context import AnswerContext
from bot.answers.films import review_card, unreviewed_card
from bot.answers.resolve import resolve_film
from bot.answers.text import clip, echo, film_label, human_list
from bot.answers.types import (
    Answer,
    Card,
    Choices,
    Confirmation,
    Field,
    FileAnswer,
    ItemList,
    Notice,
    PendingChange,
    Request,
    Tone,
)
from bot.db.changes import (
    ChangeError,
    ChangeEvent,
    film_by_slug,
    film_history,
    guild_settings,
    save_record,
    set_review_removed,
)
from bot.db.exporter import (
    BACKUP_FILE,
    current_review,
    export_backup,
    export_records,
    film_to_record,
)
from bot.db.models import Film
from bot.records.files import (
    CATALOG_SUFFIXES,
    MAX_FILE_BYTES,
    RECORD_SUFFIXES,
    RecordError,
    describe_validation_error,
    load_bytes,
)
from bot.records.schema import Record

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
#: A review article is a few dozen KB of text (a saved page with its markup, a few hundred):
#: more is not an article, and parsing it would only cost time.
MAX_ARTICLE_BYTES = 500_000
#: Reading an attachment runs beside the event loop, and is given up after this long.
READ_SECONDS = 10.0
REPLACE_WORDS = {"replace", "--replace"}
CLEAR_WORDS = {"none", "unset", "-", "clear"}
LIST_SPLIT = re.compile(r"\s*;\s*")
QUOTED_END = re.compile(r"""^(?P<head>.*?)\s*["“”'‘’](?P<value>[^"“”]+)["“”'‘’]\s*$""")


def _field(path: str, kind: str = "text") -> tuple[str, str]:
    return path, kind


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
PATH_NAMES = {path: name for name, (path, _) in EDITABLE.items()} | {
    "film.aliases": "aliases",
    "film.cast": "cast",
    "review.purchase_links": "purchase links",
    "review.trailer.note": "trailer note",
}


def _item(value: Any) -> str:
    if isinstance(value, dict) and "name" in value:
        return (
            f"{value['name']} as {value['character']}" if value.get("character") else value["name"]
        )
    if isinstance(value, dict) and "retailer" in value:
        return f"{value['retailer']} ({value.get('url', '')})"
    return str(value)


def describe_change(field: str, old: Any, new: Any) -> str:
    """`audio: POOR → GOOD`; for lists what was added and removed: `cast: +Ed Lauter as Hitman`."""
    name = PATH_NAMES.get(field, field)
    if isinstance(old, list) or isinstance(new, list):
        before, after = [_item(i) for i in old or []], [_item(i) for i in new or []]
        parts = [f"+{i}" for i in after if i not in before]
        parts += [f"−{i}" for i in before if i not in after]
        return f"{name}: {clip(', '.join(parts), 160) if parts else 'reordered'}"
    shown = [clip(str(v), 60) if v is not None else "—" for v in (old, new)]
    return f"{name}: {shown[0]} → {shown[1]}"


def guard(request: Request, *, owner: bool = False) -> Notice | None:
    """Moderators only, and not in DMs."""
    actor = request.actor
    if actor is None or actor.guild_id is None:
        return Notice("Moderator commands only work in a server, not in DMs.", Tone.ERROR)
    if owner and not actor.is_guild_owner:
        return Notice("Only the server owner can change that.", Tone.ERROR)
    if not owner and not actor.is_moderator:
        return Notice("Moderators only: ask a moderator to change the reviews.", Tone.ERROR)
    return None


async def film_to_change(
    ctx: AnswerContext, request: Request, text: str, example: str
) -> Film | Answer:
    """Like resolve_film, but a change never goes ahead on a guess: when several films could
    be meant, the moderator is asked to say it exactly (or add the year) and type it again."""
    found = await resolve_film(ctx, replace(request, text=text), example)
    if isinstance(found, Choices):
        names = human_list([f"**{c.label}**" for c in found.choices], "or")
        return Notice(
            f"{found.prompt.removesuffix(':')} Which one? Type it again with the exact "
            f"title or the year: {names}.",
            Tone.WARNING,
        )
    return found


def event(ctx: AnswerContext, request: Request, film: Film | None, summary: str) -> None:
    actor = request.actor
    ctx.events.append(
        ChangeEvent(
            film_id=film.id if film is not None else None,
            guild_id=actor.guild_id if actor else None,
            actor=actor.name if actor else "?",
            summary=summary,
        )
    )


# ---------------------------------------------------------------- adding


def record_from_attachment(filename: str, data: bytes) -> tuple[Record, tuple[str, ...]]:
    """A record file (the data/ format) or a review article (text or HTML) -> a record."""
    suffix = PurePath(filename).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        raise RecordError(filename, f"the file is over {MAX_FILE_BYTES // 1_000_000} MB")
    if suffix in RECORD_SUFFIXES:
        return load_bytes(data, filename)[0].record, ()
    if suffix in CATALOG_SUFFIXES:
        raise RecordError(filename, "a CSV catalog is imported with `popcorn import`, not here")
    if suffix in ARTICLE_SUFFIXES:
        if len(data) > MAX_ARTICLE_BYTES:
            raise RecordError(
                filename, f"an article is at most {MAX_ARTICLE_BYTES // 1000} KB; this is not one"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise RecordError(filename, "the file is not UTF-8 text") from None
        from bot.records.article import parse_article

        parsed = parse_article(text, filename)
        return parsed.record, parsed.missing
    known = ", ".join(RECORD_SUFFIXES + ARTICLE_SUFFIXES)
    raise RecordError(filename, f"unknown file type (expected {known})")


async def read_attachment(filename: str, data: bytes) -> tuple[Record, tuple[str, ...]]:
    """record_from_attachment in a worker thread, so a slow file never stalls the bot for
    everyone, and given up after READ_SECONDS."""
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(record_from_attachment, filename, data), timeout=READ_SECONDS
        )
    except TimeoutError:
        raise RecordError(
            filename, f"reading it took over {READ_SECONDS:g} seconds: is it really a review?"
        ) from None


def missing_field(missing: tuple[str, ...]) -> Field | None:
    if not missing:
        return None
    names = [PATH_NAMES.get(path, path) for path in missing]
    return Field("Missing (not in the article)", clip(", ".join(names), 1000))


def keep_known_facts(new: Record, old: Record) -> Record:
    """A review added to a film the database already knows keeps the film facts (and the
    release) the new record leaves out: nothing is lost by adding a review."""
    film = new.film.model_dump()
    for name, value in old.film.model_dump().items():
        if name == "cast_complete":
            continue
        if film.get(name) in (None, [], "") and value not in (None, [], ""):
            film[name] = value
    if not new.film.cast and old.film.cast and new.film.cast_complete is None:
        # The cast kept is the database's (a catalogue's, maybe): so is whether it is complete.
        film["cast_complete"] = old.cast_complete
    data = new.model_dump(by_alias=True)
    data["film"] = film
    if new.release is None and old.release is not None:
        data["release"] = old.release.model_dump()
    return Record.model_validate(data)


async def preview_card(ctx: AnswerContext, record: Record, extra: list[Field]) -> Card:
    """The card as it will look once saved: written in the session, then rolled back."""
    actor_stub = type("PreviewActor", (), {"id": 0, "name": "preview", "guild_id": None})()
    existing = await film_by_slug(ctx.session, record.slug)
    base = existing.version if existing else None
    try:
        film, _ = await save_record(
            ctx.session, record, actor_stub, base_version=base, action="preview"
        )
        review = current_review(film)
        card = review_card(film, review, ctx.affiliate_tag) if review else unreviewed_card(film)
    finally:
        await ctx.session.rollback()
    fields = (*card.fields[: 25 - len(extra)], *extra)
    return replace(card, title=f"Preview: {card.title}", fields=fields, tone=Tone.WARNING)


async def add_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request)) is not None:
        return denied
    words = request.text.split()
    replacing = bool(words) and words[0].lower() in REPLACE_WORDS
    pasted = " ".join(words[1:] if replacing else words)
    sources = [(a.filename, a.data) for a in request.attachments]
    if pasted and not sources:
        sources = [("pasted article.txt", request.text.encode("utf-8"))]
    if not sources:
        return Notice(
            f"Attach a record file (.yaml) or a review article (.txt or .html) to "
            f"`{ctx.prefix}review add`, or use `/reviews new` for a quick entry.",
            Tone.WARNING,
        )
    if len(sources) > 1:
        return Notice("One review at a time: attach a single file.", Tone.ERROR)
    try:
        record, missing = await read_attachment(*sources[0])
    except RecordError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    return await preview_save(ctx, request, record, missing, replacing=replacing)


async def preview_save(
    ctx: AnswerContext,
    request: Request,
    record: Record,
    missing: tuple[str, ...] = (),
    *,
    replacing: bool = False,
) -> Answer:
    """The preview of a record to save, with Confirm and Cancel (`review add`, `review new`)."""
    existing = await film_by_slug(ctx.session, record.slug)
    if existing is not None and current_review(existing) is not None and not replacing:
        label = film_label(existing.title, existing.year)
        return Notice(
            f"{label} already has a review. Change it with "
            f"`{ctx.prefix}review set {existing.title} <field> <value>`, or replace it whole "
            f"with `{ctx.prefix}review add replace` and the file.",
            Tone.WARNING,
        )
    base_version = existing.version if existing else None
    existing_id = existing.id if existing else None  # the preview's rollback expires `existing`
    if existing is not None:
        record = keep_known_facts(record, film_to_record(existing))
    extra = [f for f in (missing_field(missing),) if f is not None]
    try:
        card = await preview_card(ctx, record, extra)
    except ChangeError as exc:
        return Notice(str(exc), Tone.ERROR)
    verb = "Replace the review of" if existing_id and replacing else "Save"
    assert request.actor is not None
    return Confirmation(
        preview=card,
        change=PendingChange(
            "save",
            request.actor,
            film_id=existing_id,
            base_version=base_version,
            record=record,
            summary=f"{'replaced' if replacing and existing_id else 'added'} the review of "
            f"{film_label(record.film.title, record.film.year)}",
        ),
        prompt=f"{verb} {film_label(record.film.title, record.film.year)}? "
        "Nothing is saved until you press Confirm.",
    )


RATING_WORDS = {
    "picture": "picture", "video": "picture", "audio": "audio", "sound": "audio",
    "extras": "extras", "film": "film", "movie": "film", "rating": "film",
}  # fmt: skip


FORM_FIELDS = ("title", "year", "verdict", "ratings", "more")


def entry_data(title: str, year: str, verdict: str, ratings: str, more: str = "") -> dict[str, Any]:
    """The quick-entry form's fields as record data (not validated yet).

    `ratings`: `picture GOOD, audio POOR, extras OK, film 7` (any order, any may be left out);
    `more`: optional `pros: a; b` and `cons: c; d` lines. Raises ValueError with a reply."""
    ratings_data: dict[str, Any] = {}
    for part in re.split(r"[,\n]+", ratings):
        if not part.strip():
            continue
        key, _, value = part.strip().partition(" ")
        aspect = RATING_WORDS.get(key.lower().rstrip(":"))
        if aspect is None or not value.strip():
            raise ValueError(
                f"I can't read the rating “{clip(part.strip(), 40)}”: write e.g. audio GOOD"
            )
        ratings_data[aspect] = value.strip()
    review: dict[str, Any] = {"verdict": verdict, "ratings": ratings_data}
    for line in more.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("pros", "cons"):
            review[key.strip().lower()] = [p for p in LIST_SPLIT.split(value.strip()) if p]
        elif line.strip():
            raise ValueError("Extra lines must start with `pros:` or `cons:`.")
    return {"schema": 1, "film": {"title": title, "year": year.strip()}, "review": review}


def quick_entry(title: str, year: str, verdict: str, ratings: str, more: str = "") -> bytes:
    """The quick-entry form as a record file, for `review add`. Kept for the Discord form until
    it sends `Request("review new", form=...)`; new code uses `review new`."""
    data = entry_data(title, year, verdict, ratings, more)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def form_from_text(text: str) -> tuple[tuple[str, str], ...]:
    """`Mandy | 2018 | Bonkers | film 9 | pros: Cage | cons: Slow` (typed in `popcorn chat`):
    the form's fields in order, the parts after the ratings being the `more` lines."""
    parts = [part.strip() for part in text.split("|")]
    values = [*parts[:4], "\n".join(parts[4:])]
    return tuple(zip(FORM_FIELDS, values, strict=False))


def record_from_form(form: tuple[tuple[str, str], ...]) -> Record:
    """The form's fields -> a validated record. Raises ValueError with the reply."""
    values = dict(form)
    title = values.get("title", "").strip()
    if not title:
        raise ValueError("The form needs the film's title.")
    data = entry_data(
        title,
        values.get("year", ""),
        values.get("verdict", "").strip(),
        values.get("ratings", ""),
        values.get("more", ""),
    )
    try:
        return Record.model_validate(data)
    except ValidationError as exc:
        raise ValueError(describe_edit_error(exc)) from None


async def new_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review new`: the quick-entry form (Discord's modal sends its fields in `request.form`;
    in `popcorn chat`, `title | year | verdict | ratings | pros: … | cons: …`)."""
    if (denied := guard(request)) is not None:
        return denied
    form = request.form or (form_from_text(request.text) if request.text.strip() else ())
    if not form:
        return Notice(
            "Use the quick-entry form: `/reviews new` on Discord, or type "
            f"`{ctx.prefix}review new Mandy | 2018 | Bonkers | film 9, audio GOOD | "
            "pros: Cage; Colours | cons: Slow start`.",
            Tone.WARNING,
        )
    try:
        record = record_from_form(form)
    except ValueError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    return await preview_save(ctx, request, record)


# ---------------------------------------------------------------- editing


def clean_value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] in "\"“'‘" and raw[-1] in "\"”'’":
        raw = raw[1:-1].strip()
    return raw


def parse_value(raw: str, kind: str) -> Any:
    value = clean_value(raw)
    if value.lower() in CLEAR_WORDS:
        return [] if kind == "list" else None
    if kind == "list":
        return [part for part in LIST_SPLIT.split(value) if part]
    return value


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    node = data
    parts = path.split(".")
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def edited_record(record: Record, path: str, value: Any) -> Record:
    data = record.model_dump(mode="json", by_alias=True, exclude_none=True)
    set_path(data, path, value)
    if path == "review.trailer.url" and value is None:
        data["review"].pop("trailer", None)
    return Record.model_validate(data)


def describe_edit_error(error: ValidationError) -> str:
    text = describe_validation_error(error)
    for path, name in sorted(PATH_NAMES.items(), key=lambda item: -len(item[0])):
        text = text.replace(path, name)
    return text


def field_names() -> str:
    return ", ".join(sorted(EDITABLE))


async def find_film_and_rest(
    ctx: AnswerContext, request: Request, words: list[str], stop: set[str]
) -> tuple[Film, int] | Answer:
    """The film named by the first words, up to one of the `stop` words (tried left to right)."""
    positions = [i for i, word in enumerate(words) if i > 0 and word.lower() in stop]
    last: Answer | None = None
    for position in positions:
        target = await film_to_change(ctx, request, " ".join(words[:position]), "")
        if isinstance(target, Film):
            return target, position
        last = target
    if last is not None:
        return last
    return Notice(
        f"Say which film and which field: `{ctx.prefix}review set leaving las vegas audio GOOD`. "
        f"Fields: {field_names()}.",
        Tone.WARNING,
    )


async def commit_record(
    ctx: AnswerContext, request: Request, film: Film, record: Record, action: str
) -> Answer:
    assert request.actor is not None
    try:
        saved, diff = await save_record(
            ctx.session, record, request.actor, base_version=film.version, action=action
        )
        await ctx.session.commit()
    except ChangeError as exc:
        await ctx.session.rollback()
        return Notice(str(exc), Tone.ERROR)
    label = film_label(saved.title, saved.year)
    if not diff:
        return Notice(f"Nothing changed: {label} already says that.")
    changes = "; ".join(describe_change(field, old, new) for field, old, new in diff)
    event(ctx, request, saved, f"{action} {label}: {changes}")
    return Notice(clip(f"Saved. {label} — {changes}", 1900))


async def save_edit(
    ctx: AnswerContext,
    request: Request,
    film: Film,
    record: Record,
    path: str,
    value: Any,
    action: str,
) -> Answer:
    """Set one field of the film's record, validate the whole record, and save it."""
    try:
        new_record = edited_record(record, path, value)
    except ValidationError as exc:
        return Notice(f"Nothing was saved. {describe_edit_error(exc)}", Tone.ERROR)
    return await commit_record(ctx, request, film, new_record, action)


async def set_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request)) is not None:
        return denied
    words = request.text.split()
    names = set(EDITABLE) | set(FIELD_ALIASES)
    if request.film_id is not None:  # from a slash command: the text is `<field> <value>`
        film = await film_to_change(ctx, request, "", "")
        if not isinstance(film, Film):
            return film
        if not words or words[0].lower() not in names:
            return Notice(f"Which field? One of: {field_names()}.", Tone.WARNING)
        position = 0
    else:
        found = await find_film_and_rest(ctx, request, words, names)
        if not isinstance(found, tuple):
            return found
        film, position = found
    name = FIELD_ALIASES.get(words[position].lower(), words[position].lower())
    path, kind = EDITABLE[name]
    raw = " ".join(words[position + 1 :])
    if not raw:
        return Notice(f"What should {name} be? Add the value after the field name.", Tone.WARNING)
    record = film_to_record(film)
    if path.startswith("review.") and record.review is None:
        return Notice(
            f"{film_label(film.title, film.year)} has no review yet: add one with "
            f"`{ctx.prefix}review add` (attach the record or the article) or `/reviews new`.",
            Tone.WARNING,
        )
    return await save_edit(ctx, request, film, record, path, parse_value(raw, kind), "set")


def split_quoted(text: str) -> tuple[str, str] | None:
    """`leaving las vegas "Ed Lauter as Hitman"` -> ("leaving las vegas", "Ed Lauter as Hitman")."""
    match = QUOTED_END.match(text.strip())
    if match is None:
        return None
    return match.group("head").strip(), match.group("value").strip()


async def list_edit(
    ctx: AnswerContext, request: Request, what: str, example: str
) -> tuple[Film, str, str] | Answer:
    """Shared by cast/alias/link add and remove: `<add|remove> <film> "<value>"`."""
    if (denied := guard(request)) is not None:
        return denied
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
    found = await list_edit(ctx, request, "alias", 'alias add face off "faceoff"')
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
    return await save_edit(ctx, request, film, record, "film.aliases", aliases, f"alias {verb}")


async def cast_answer(ctx: AnswerContext, request: Request) -> Answer:
    found = await list_edit(
        ctx, request, "cast", 'review cast add leaving las vegas "Ed Lauter as Hitman"'
    )
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
    record = edited_record(record, "film.cast_complete", bool(film.cast_complete))
    return await save_edit(ctx, request, film, record, "film.cast", cast, f"cast {verb}")


def retailer_from_url(url: str) -> str:
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host.split(".")[0].title() if host else "Shop"


async def link_answer(ctx: AnswerContext, request: Request) -> Answer:
    example = 'review link add leaving las vegas "https://www.amazon.co.uk/dp/..."'
    found = await list_edit(ctx, request, "link", example)
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
        retailer = retailer.strip() or retailer_from_url(url)
        affiliate = "amazon" in url.lower()
        links.append({"retailer": retailer, "url": url, "affiliate": affiliate})
    else:
        keep = [link for link in links if value not in (link["url"], link["retailer"])]
        if len(keep) == len(links):
            return Notice(
                f"No purchase link “{echo(value)}” on {film_label(film.title, film.year)}.",
                Tone.WARNING,
            )
        links = keep
    return await save_edit(
        ctx, request, film, record, "review.purchase_links", links, f"link {verb}"
    )


# ---------------------------------------------------------------- remove, restore, history


async def remove_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request)) is not None:
        return denied
    film = await film_to_change(ctx, request, request.text, "review remove leaving las vegas")
    if not isinstance(film, Film):
        return film
    review = current_review(film)
    if review is None:
        return Notice(f"{film_label(film.title, film.year)} has no review to remove.", Tone.WARNING)
    card = review_card(film, review, ctx.affiliate_tag)
    assert request.actor is not None
    return Confirmation(
        preview=replace(card, title=f"Remove: {card.title}", tone=Tone.ERROR),
        change=PendingChange(
            "remove",
            request.actor,
            film_id=film.id,
            base_version=film.version,
            summary=f"removed the review of {film_label(film.title, film.year)}",
        ),
        prompt=f"Remove the review of {film_label(film.title, film.year)}? Members will see "
        f"“not reviewed yet”. `{ctx.prefix}review restore {film.title}` brings it back.",
        destructive=True,
    )


async def restore_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request)) is not None:
        return denied
    film = await film_to_change(ctx, request, request.text, "review restore leaving las vegas")
    if not isinstance(film, Film):
        return film
    assert request.actor is not None
    try:
        await set_review_removed(
            ctx.session, film.id, request.actor, removed=False, base_version=film.version
        )
        await ctx.session.commit()
    except ChangeError as exc:
        await ctx.session.rollback()
        return Notice(str(exc), Tone.WARNING)
    label = film_label(film.title, film.year)
    event(ctx, request, film, f"restored the review of {label}")
    return Notice(f"Restored the review of {label}.")


def _stored(value: str | None) -> Any:
    """History values are stored as text, lists and mappings as JSON."""
    if value is None or not value.startswith(("[", "{")):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def history_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request)) is not None:
        return denied
    film = await film_to_change(ctx, request, request.text, "review history leaving las vegas")
    if not isinstance(film, Film):
        return film
    changes = await film_history(ctx.session, film.id)
    lines = []
    for change in changes:
        when = change.created_at.strftime("%Y-%m-%d %H:%M")
        if change.field and change.field != "review":
            old, new = _stored(change.old_value), _stored(change.new_value)
            what = f"{change.action} {describe_change(change.field, old, new)}"
        else:
            what = f"{change.action}: {clip(change.new_value or '', 80)}".rstrip(": ")
        lines.append(f"`{when}` **{echo(change.actor_name, 40)}** {what}")
    return ItemList(
        title=f"History of {film_label(film.title, film.year)}",
        items=tuple(lines),
        empty_text="No moderator has changed this film yet (it comes from the shipped data).",
        page_size=10,
    )


async def export_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request)) is not None:
        return denied
    files = await export_records(ctx.session)
    backup = json.dumps(await export_backup(ctx.session), ensure_ascii=False, indent=1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(files.items()):
            archive.writestr(f"reviews/{name}", text)
        archive.writestr(f"reviews/{BACKUP_FILE}", backup + "\n")  # removed reviews, history
    return FileAnswer(
        text=f"The whole database: {len(files)} record files, with the removed reviews and "
        "the history (unzip it and import the `reviews` folder with `popcorn import`).",
        filename="popcorn-export.zip",
        data=buffer.getvalue(),
    )


# ---------------------------------------------------------------- guild configuration

ROLE_ID = re.compile(r"^(?:<@&|@)?(\d+)>?$")
CHANNEL_ID = re.compile(r"^(?:<#|#)?(\d+)>?$")
SNOWFLAKE_DIGITS = range(15, 21)  # Discord ids: 17-20 digits today, never over 2**63 - 1


def snowflake(digits: str) -> int | None:
    """The Discord id a member typed (a mention's digits or a raw id), or None when it cannot be
    one: the database columns are signed 64-bit, so a 21-digit number must never reach them."""
    if len(digits) not in SNOWFLAKE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    value = int(digits)
    return value if 0 < value < 2**63 else None


async def modrole_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request, owner=True)) is not None:
        return denied
    assert request.actor is not None and request.actor.guild_id is not None
    verb, _, rest = request.text.partition(" ")
    settings = await guild_settings(ctx.session, request.actor.guild_id)
    roles = list(settings.moderator_role_ids or [])
    if verb.lower() in ("add", "remove"):
        match = ROLE_ID.match(rest.strip())
        role_id = snowflake(match.group(1)) if match else None
        if role_id is None:
            problem = "That is not a Discord role id. " if match else ""
            return Notice(
                f"{problem}Name the role: `{ctx.prefix}modrole {verb.lower()} @Reviewers`.",
                Tone.WARNING,
            )
        if verb.lower() == "add" and role_id not in roles:
            roles.append(role_id)
        elif verb.lower() == "remove" and role_id in roles:
            roles.remove(role_id)
        settings.moderator_role_ids = roles
        await ctx.session.commit()
    listed = human_list([f"<@&{r}>" for r in roles]) if roles else None
    if listed:
        return Notice(f"Moderator roles: {listed}.")
    return Notice("No moderator roles are set: members with Manage Messages are moderators.")


async def modlog_answer(ctx: AnswerContext, request: Request) -> Answer:
    if (denied := guard(request, owner=True)) is not None:
        return denied
    assert request.actor is not None and request.actor.guild_id is not None
    settings = await guild_settings(ctx.session, request.actor.guild_id)
    value = request.text.strip()
    if value.lower() in ("off", "none"):
        settings.modlog_channel_id = None
    elif match := CHANNEL_ID.match(value):
        channel_id = snowflake(match.group(1))
        if channel_id is None:
            return Notice(
                f"That is not a Discord channel id. Name the channel: "
                f"`{ctx.prefix}modlog #mod-log` (or `off`).",
                Tone.WARNING,
            )
        settings.modlog_channel_id = channel_id
    elif value:
        return Notice(f"Name the channel: `{ctx.prefix}modlog #mod-log` (or `off`).", Tone.WARNING)
    await ctx.session.commit()
    if settings.modlog_channel_id:
        return Notice(f"Moderator changes are logged in <#{settings.modlog_channel_id}>.")
    return Notice("No mod-log channel is set.")
