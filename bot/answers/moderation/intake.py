"""New reviews coming in: an attached record file or review article, or the quick-entry
form, turned into a Record (with the limits a file must keep to)."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from bot.answers.moderation.arguments import path_name
from bot.answers.moderation.editing import describe_edit_error
from bot.answers.text import clip
from bot.answers.types import Field
from bot.records.files import (
    CATALOG_SUFFIXES,
    MAX_FILE_BYTES,
    RECORD_SUFFIXES,
    RecordError,
    load_bytes,
)
from bot.records.ratings import Grade, read_film_rating
from bot.records.schema import Record

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
#: A review article is a few dozen KB of text (a saved page with its markup, a few hundred):
#: more is not an article, and parsing it would only cost time.
MAX_ARTICLE_BYTES = 500_000
#: Reading an attachment runs beside the event loop, and is given up after this long.
READ_SECONDS = 10.0
#: The quick-entry form's fields, in order (Discord's modal; `title | year | ...` typed).
FORM_FIELDS = ("title", "year", "verdict", "ratings", "more")
RATING_WORDS = {
    "picture": "picture", "video": "picture", "audio": "audio", "sound": "audio",
    "extras": "extras", "film": "film", "movie": "film", "rating": "film",
}  # fmt: skip


#: The parser's warning about a value it read but could not use -> the path it would have filled.
WARNED_PATHS = {
    "certificate ": "film.certificate",
    "running time ": "film.runtime_min",
    "label ": "release.label",
    "release date ": "release.release_date",
    "region ": "release.region",
    "number of discs ": "release.discs",
    "picture rating ": "review.ratings.picture",
    "audio rating ": "review.ratings.audio",
    "extras rating ": "review.ratings.extras",
    "film rating ": "review.ratings.film",
    "no cast list": "film.cast",
}
_OFF_SCALE = re.compile(r"^\w+ rating '(?P<value>[^']*)' is not on the word scale")


@dataclass(frozen=True)
class ArticleNotes:
    """What reading an attachment noticed: the paths the article really does not give, and
    the parser's warnings (what it saw but could not use, and why)."""

    missing: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    article: bool = False  # read from an article (not a record file): see keep_review_facts


def record_from_attachment(filename: str, data: bytes) -> tuple[Record, ArticleNotes]:
    """A record file (the data/ format) or a review article (text or HTML) -> a record, and
    what the article did not give or the parser could not use. A value the record refuses is
    said as moderators name the field (`released: ...`), never as the record's path."""
    try:
        return _record_from_attachment(filename, data)
    except RecordError as exc:
        refused = exc.__context__
        if isinstance(refused, ValidationError):
            problem = describe_edit_error(refused)
            raise RecordError(exc.source, problem, record=exc.record) from None
        raise


def _record_from_attachment(filename: str, data: bytes) -> tuple[Record, ArticleNotes]:
    suffix = PurePath(filename).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        raise RecordError(filename, f"the file is over {MAX_FILE_BYTES // 1_000_000} MB")
    if suffix in RECORD_SUFFIXES:
        return load_bytes(data, filename)[0].record, ArticleNotes()
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
        return parsed.record, ArticleNotes(parsed.missing, parsed.warnings, article=True)
    known = ", ".join(RECORD_SUFFIXES + ARTICLE_SUFFIXES)
    raise RecordError(filename, f"unknown file type (expected {known})")


async def read_attachment(filename: str, data: bytes) -> tuple[Record, ArticleNotes]:
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


def warned_paths(warnings: tuple[str, ...]) -> set[str]:
    """The paths a warning explains (the article gave them, but not in a usable form)."""
    return {
        path
        for warning in warnings
        for start, path in WARNED_PATHS.items()
        if warning.startswith(start)
    }


def with_suggestion(warning: str) -> str:
    """A warning about a grade off the word scale, with the grade it most likely meant:
    `picture rating 'EXCELENT' is not on the word scale — not used (did you mean EXCELLENT?)`."""
    match = _OFF_SCALE.match(warning)
    near = Grade.near_miss(match["value"]) if match else None
    return f"{warning} (did you mean {near.value}?)" if near is not None else warning


def missing_field(notes: ArticleNotes | tuple[str, ...]) -> Field | None:
    """The preview's line naming what the article really did not say (a value the parser saw
    but could not use is in warning_field instead)."""
    if not isinstance(notes, ArticleNotes):
        notes = ArticleNotes(notes)
    explained = warned_paths(notes.warnings)
    names = [path_name(path) for path in notes.missing if path not in explained]
    if not names:
        return None
    return Field("Missing (not in the article)", clip(", ".join(names), 1000))


def warning_field(notes: ArticleNotes | tuple[str, ...]) -> Field | None:
    """The preview's line with the parser's warnings, one a line: what it read but did not
    use, and why (`release date '03/26/2018' not understood — not used`)."""
    if not isinstance(notes, ArticleNotes) or not notes.warnings:
        return None
    lines = [f"• {with_suggestion(warning)}" for warning in notes.warnings]
    return Field("Not understood (check these)", clip("\n".join(lines), 1000))


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


#: What a review article never carries (the site adds them around the text, or a moderator
#: does later): replacing a review keeps the current ones unless the new record says otherwise.
KEPT_REVIEW_FACTS = ("purchase_links", "trailer", "author", "url", "published")
#: How a record file says "none" for each of them (the file's own keys).
EMPTY_IN_FILE = {
    "purchase_links": "purchase_links: []",
    "trailer": "trailer: null",
    "author": "author: null",
    "url": "url: null",
    "published": "published: null",
}


def _blank(value: Any) -> bool:
    return value is None or value == [] or value == ""


def keep_review_facts(new: Record, old: Record, *, article: bool) -> tuple[Record, tuple[str, ...]]:
    """A review replaced keeps the current purchase links, trailer, author, url and published
    date the new record does not give: an article never has them (so an empty one is kept),
    a record file that does not mention them keeps them, and one that says them, even empty
    (`purchase_links: []`, `trailer: null`), is the moderator's choice. Returns the record and
    the names of what was kept."""
    if new.review is None or old.review is None:
        return new, ()
    updates: dict[str, Any] = {}
    for name in KEPT_REVIEW_FACTS:
        current = getattr(old.review, name)
        if _blank(current):
            continue
        given = getattr(new.review, name)
        said = not _blank(given) if article else name in new.review.model_fields_set
        if not said:
            updates[name] = current
    if not updates:
        return new, ()
    review = new.review.model_copy(update=updates)
    return new.model_copy(update={"review": review}), tuple(updates)


#: In the form, a list's items are split on commas and semicolons (and come one per line).
FORM_LIST_SPLIT = re.compile(r"\s*[;,]\s*")


def entry_data(title: str, year: str, verdict: str, ratings: str, more: str = "") -> dict[str, Any]:
    """The quick-entry form's fields as record data (not validated yet).

    `ratings`: `picture GOOD, audio POOR, extras OK, film 7` (any order, any may be left out;
    the film's as people write it, `film 9/10`, `film 4.5 stars`, on the site's scale);
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
        if aspect == "film":
            try:
                ratings_data[aspect] = read_film_rating(value)[0]
            except ValueError as exc:
                raise ValueError(f"{key.rstrip(':')}: {exc}") from None
            continue
        ratings_data[aspect] = value.strip()
    review: dict[str, Any] = {"verdict": verdict, "ratings": ratings_data}
    listing: str | None = None  # the list the lines below `pros:` / `cons:` go on
    for line in more.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("pros", "cons"):
            listing = key.strip().lower()
        elif listing is None and line.strip():
            raise ValueError("Extra lines must start with `pros:` or `cons:`.")
        else:
            value = line.strip().lstrip("-•*+ ")  # a bullet on a line of its own
        items = [p for p in FORM_LIST_SPLIT.split(value.strip()) if p]
        if listing is not None:
            review.setdefault(listing, []).extend(items)
    return {"schema": 1, "film": {"title": title, "year": year.strip()}, "review": review}


def record_from_form(form: tuple[tuple[str, str], ...]) -> Record:
    """The quick-entry form's fields (`(("title", "Mandy"), ("year", "2018"), ...)`) -> a
    validated record. Raises ValueError with the reply, naming the field that is wrong."""
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


def form_from_text(text: str) -> tuple[tuple[str, str], ...]:
    """`Mandy | 2018 | Bonkers | film 9 | pros: Cage | cons: Slow` (typed in `popcorn chat`):
    the form's fields in order, the parts after the ratings being the `more` lines."""
    parts = [part.strip() for part in text.split("|")]
    first = parts[:4] + [""] * (4 - len(parts[:4]))
    return tuple(zip(FORM_FIELDS, [*first, "\n".join(parts[4:])], strict=True))
