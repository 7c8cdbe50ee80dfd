"""Moderator changes: every change is one transaction, refused when the film moved on since
the moderator looked at it, and written to the film's history with old and new values."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from bot.db.documents import FilmDocument
from bot.db.exporter import current_review, film_to_record
from bot.db.importer import Importer
from bot.db.models import Change, Film, GuildSettings
from bot.db.queries import film_details, film_details_by_slug
from bot.db.reading import document_of, load_film
from bot.records.files import LoadedRecord
from bot.records.schema import Record

HISTORY_VALUE_LIMIT = 4000


class Actor(Protocol):
    """Who makes a change (bot.answers.types.Actor fits)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def guild_id(self) -> int | None: ...


class PendingChange(Protocol):
    """A change to carry out (bot.answers.types.PendingChange fits): "save" a whole record, or
    "remove" / "restore" a film's review, from the film's version the moderator saw."""

    @property
    def kind(self) -> str: ...
    @property
    def actor(self) -> Actor: ...
    @property
    def film_id(self) -> int | None: ...
    @property
    def base_version(self) -> int | None: ...
    @property
    def record(self) -> object | None: ...
    @property
    def action(self) -> str: ...


Diff = list[tuple[str, Any, Any]]


class ChangeError(Exception):
    """A change that cannot be made; `str()` is the reply for the moderator."""


class ConflictError(ChangeError):
    """Someone else changed the film after this change was prepared."""


def _label(film: Film) -> str:
    return f"{film.title} ({film.year})" if film.year else film.title


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """{"film": {"year": 1995}} -> {"film.year": 1995}; lists stay whole."""
    if isinstance(data, dict):
        flat: dict[str, Any] = {}
        for key, value in data.items():
            flat.update(_flatten(value, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): data}


def record_diff(old: Record | None, new: Record | None) -> list[tuple[str, Any, Any]]:
    """The fields that differ, as (dotted name, old value, new value)."""

    def dump(record: Record | None) -> dict[str, Any]:
        if record is None:
            return {}
        flat = _flatten(record.model_dump(mode="json", exclude_none=True))
        # What the record means, spelt out or implied: spelling out what a record implies
        # anyway (a moderator's cast edit keeps the flag that way) is no change.
        flat["film.cast_complete"] = record.cast_complete
        return flat

    before, after = dump(old), dump(new)
    ignored = {"schema", "film.slug"}
    return [
        (key, before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if key not in ignored
        and before.get(key) != after.get(key)
        and not (_empty(before.get(key)) and _empty(after.get(key)))
    ]


def _empty(value: Any) -> bool:
    """Nothing said: None, or an empty text or list. 0 and False are values (a film rated
    0/10 is not an unrated film)."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text[:HISTORY_VALUE_LIMIT]


def add_history(
    session: AsyncSession,
    film: Film,
    actor: Actor,
    action: str,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> None:
    """One history row of a change to `film`, after `claim` (or for a new film): the row keeps
    the film's version the change produced, shared by every row of the same change."""
    session.add(
        Change(
            film_id=film.id,
            film_label=_label(film),
            action=action,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            actor_id=actor.id,
            actor_name=actor.name[:120],
            guild_id=actor.guild_id,
            film_version=film.version,
        )
    )


async def claim(session: AsyncSession, film_id: int, base_version: int) -> None:
    """Move the film to the next version, only if it is still at `base_version`.

    On PostgreSQL the UPDATE also locks the row until the transaction ends, so of two
    moderators confirming at once, the second finds the version moved and is refused."""
    result = await session.execute(
        update(Film)
        .where(Film.id == film_id, Film.version == base_version)
        .values(version=Film.version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(
            "Someone else changed this film after you looked at it. Nothing was saved: "
            "look at it again and redo your change."
        )
    # The film loaded in the session learns its new version (without an UPDATE of its own),
    # so the history rows written next record the version this change produced.
    loaded = session.identity_map.get(identity_key(Film, film_id))
    if isinstance(loaded, Film):
        set_committed_value(loaded, "version", base_version + 1)


async def film_by_slug(session: AsyncSession, slug: str, *, fresh: bool = False) -> Film | None:
    return await film_details_by_slug(session, slug, fresh=fresh)


async def film_document_by_slug(session: AsyncSession, slug: str) -> FilmDocument | None:
    """The film with this slug as a document, read in the session (its own writes included)."""
    film_id = await session.scalar(select(Film.id).where(Film.slug == slug))
    return None if film_id is None else await load_film(session, film_id)


async def _write_record(
    session: AsyncSession, record: Record, existing: Film | None = None
) -> Film:
    """The record written over its film (or as a new one) in the session, not committed.
    `existing`: that film as film_details loaded it in this session (not read again)."""
    item = LoadedRecord("moderator", record, "replace")
    importer = Importer(session, history=False)  # the claim and the history are the caller's
    await importer.prepare([item], loaded=() if existing is None else (existing,))
    await importer.apply(item)
    await session.flush()
    film = await film_by_slug(session, record.slug, fresh=True)
    if film is None:
        raise ChangeError(f"{record.film.title} could not be written. Nothing was saved.")
    return film


async def save_record(
    session: AsyncSession,
    record: Record,
    actor: Actor,
    *,
    base_version: int | None,
    action: str,
) -> tuple[Film, Diff]:
    """Write a whole record (a new review, or an edited one) with its history.

    `base_version` is the film's version the moderator saw (None: the film did not exist)."""
    existing = await film_by_slug(session, record.slug)
    if existing is None and base_version is not None:
        raise ConflictError("That film was removed after you looked at it. Nothing was saved.")
    if existing is not None:
        if base_version is None:
            raise ConflictError(
                "That film was added by someone else after you looked at it. Nothing was saved."
            )
        old_record = film_to_record(existing)
        await claim(session, existing.id, base_version)
    else:
        old_record = None
    film = await _write_record(session, record, existing)
    diff = record_diff(old_record, record)
    if old_record is None:
        add_history(session, film, actor, action, None, None, _label(film))
    for field, old, new in diff if old_record is not None else []:
        add_history(session, film, actor, action, field, old, new)
    return film, diff


@asynccontextmanager
async def preview_record(session: AsyncSession, record: Record) -> AsyncIterator[FilmDocument]:
    """The film as it will look once `record` is saved (a document): written in the session
    (no version claimed, no history), and everything in the session rolled back on leaving."""
    try:
        yield document_of(await _write_record(session, record))
    finally:
        await session.rollback()


async def apply_change(session: AsyncSession, change: PendingChange) -> tuple[Film, Diff]:
    """Carry out a change, the one way every moderator change is written: in the session, for
    the caller to commit (or to roll back on ChangeError, which says why nothing was saved).

    Returns the film and, for a save, the fields that changed."""
    if change.kind == "save":
        if not isinstance(change.record, Record):
            raise ChangeError("There is no record to save. Nothing was saved.")
        return await save_record(
            session,
            change.record,
            change.actor,
            base_version=change.base_version,
            action=change.action,
        )
    if change.kind in ("remove", "restore"):
        if change.film_id is None or change.base_version is None:
            raise ChangeError("Which film? Nothing was changed.")
        film = await set_review_removed(
            session,
            change.film_id,
            change.actor,
            removed=change.kind == "remove",
            base_version=change.base_version,
        )
        return film, []
    raise ChangeError(f"unknown change {change.kind!r}")


async def carry_out(session: AsyncSession, change: PendingChange) -> tuple[FilmDocument, Diff]:
    """apply_change, the film returned as its document (as the change left it)."""
    film, diff = await apply_change(session, change)
    return document_of(film), diff


async def set_review_removed(
    session: AsyncSession, film_id: int, actor: Actor, *, removed: bool, base_version: int
) -> Film:
    """Soft-delete (or restore) the film's review: nothing is destroyed."""
    film = await film_details(session, film_id)
    if film is None:
        raise ChangeError("That film is no longer in the database.")
    await claim(session, film.id, base_version)  # first: a stale change is refused as such
    if removed:
        review = current_review(film)
        if review is None:
            raise ChangeError(f"{_label(film)} has no review to remove.")
    else:
        if current_review(film) is not None:
            raise ChangeError(f"{_label(film)} already has a review.")
        deleted = [r for r in film.reviews if r.deleted_at is not None]
        if not deleted:
            raise ChangeError(f"{_label(film)} has no removed review to restore.")
        review = max(deleted, key=lambda r: r.deleted_at or dt.datetime.min)
    review.deleted_at = dt.datetime.now(dt.UTC) if removed else None
    action = "remove" if removed else "restore"
    add_history(session, film, actor, action, "review", None, review.verdict)
    return film


async def film_history(session: AsyncSession, film_id: int, limit: int = 200) -> Sequence[Change]:
    stmt = (
        select(Change)
        .where(Change.film_id == film_id)
        .order_by(Change.created_at.desc(), Change.id.desc())
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One row of a film's history (a `changes` row) as plain values."""

    id: int
    film_id: int | None
    film_label: str
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    actor_name: str
    created_at: dt.datetime
    film_version: int | None


async def history_rows(session: AsyncSession, film_id: int, limit: int = 200) -> list[HistoryRow]:
    """film_history as plain rows (newest first), for the answers (no ORM object)."""
    return [
        HistoryRow(
            id=c.id,
            film_id=c.film_id,
            film_label=c.film_label,
            action=c.action,
            field=c.field,
            old_value=c.old_value,
            new_value=c.new_value,
            actor_name=c.actor_name,
            created_at=c.created_at,
            film_version=c.film_version,
        )
        for c in await film_history(session, film_id, limit)
    ]


class _Row(Protocol):
    @property
    def action(self) -> str: ...
    @property
    def actor_name(self) -> str: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def film_version(self) -> int | None: ...


_R = TypeVar("_R", bound=_Row)


#: Rows of the history written before changes had a version (or by an import) count as one
#: change when they follow each other with the same action and author within this long.
_SAME_CHANGE_SECONDS = 2.0


def history_entries(changes: Sequence[_R]) -> list[list[_R]]:
    """A film's history rows (newest first, as film_history gives them) grouped into its
    changes, newest first: the rows of one change share the film's version it produced.
    Entry 1 is the last change; `!review history` numbers them so, and `!review undo` takes
    the same number."""
    entries: list[list[_R]] = []
    by_version: dict[int, list[_R]] = {}
    for change in changes:
        if change.film_version is not None:
            entry = by_version.get(change.film_version)
            if entry is None:
                entry = by_version[change.film_version] = []
                entries.append(entry)
            entry.append(change)
            continue
        last = entries[-1] if entries else None
        if (
            last is not None
            and last[-1].film_version is None
            and last[-1].action == change.action
            and last[-1].actor_name == change.actor_name
            and abs((last[-1].created_at - change.created_at).total_seconds())
            <= _SAME_CHANGE_SECONDS
        ):
            last.append(change)
        else:
            entries.append([change])
    return entries


async def moderation_settings(session: AsyncSession, guild_id: int) -> tuple[list[int], int | None]:
    """(moderator role ids, mod-log channel id) of a guild; nothing is created by reading."""
    settings = await session.get(GuildSettings, guild_id)
    if settings is None:
        return [], None
    return list(settings.moderator_role_ids or []), settings.modlog_channel_id


async def guild_settings(session: AsyncSession, guild_id: int) -> GuildSettings:
    settings = await session.get(GuildSettings, guild_id)
    if settings is None:
        settings = GuildSettings(guild_id=guild_id, moderator_role_ids=[], modlog_channel_id=None)
        session.add(settings)
    return settings


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """Told to listeners after a change is committed (mod-log, other processes, the index,
    the document cache). `touched`: other films the same change wrote (a merged duplicate,
    gone now), refreshed like `film_id` but not told as changes of their own. An event with
    no film at all (film_id None, nothing touched) means films unknown: all are refreshed."""

    film_id: int | None
    guild_id: int | None
    actor: str
    summary: str
    touched: tuple[int, ...] = ()
