"""The database written back out as record files (one YAML file per film), plus the backup
file (popcorn-backup.json: removed reviews, the history, the servers' moderation settings,
whether data/ was loaded), which `popcorn import` of the folder or of the zip restores. The
format is in data/README.md."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import zipfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Change, Film, GuildSettings, Meta, Review
from bot.db.queries import all_films
from bot.db.reading import document_of
from bot.db.records import record_of, review_section
from bot.records.files import dump_record
from bot.records.schema import Record


def current_review(film: Film) -> Review | None:
    return next((r for r in film.reviews if r.deleted_at is None), None)


def film_to_record(film: Film) -> Record:
    """The film's record: its document (`document_of`) as `record_of` writes it, so an
    export, the history's diffs and a moderator's `!review source` write a film the same way."""
    return record_of(document_of(film))


async def export_records(session: AsyncSession) -> dict[str, str]:
    """File name -> YAML text, for every film."""
    files: dict[str, str] = {}
    for film in await all_films(session):
        files[f"{film.slug}.yaml"] = dump_record(film_to_record(film))
    return files


BACKUP_FILE = "popcorn-backup.json"
#: 2: history entries carry every column of the changes table, and `guild_settings` is added.
BACKUP_FORMAT = 2
BACKUP_FORMATS = (1, 2)  # what `popcorn import` reads
EXPORT_FOLDER = "reviews"  # the folder inside the export's zip
#: Columns of a history row written by other means: `id` is the database's own, `film_id` is
#: written as the film's slug (`film`), ids differing between databases.
HISTORY_SKIPPED = ("id", "film_id")


def _iso(value: Any) -> Any:
    """A time in UTC with its zone (SQLite gives times back without one: they are UTC), so
    every database writes the same backup; a date as it is."""
    if isinstance(value, dt.datetime):
        zoned = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
        return zoned.astimezone(dt.UTC).isoformat()
    return value.isoformat() if hasattr(value, "isoformat") else value


def row_values(row: Any, skip: Sequence[str] = ()) -> dict[str, Any]:
    """Every column of a row (as JSON values), whatever columns the table has today."""
    table = row.__table__
    return {c.key: _iso(getattr(row, c.key)) for c in table.columns if c.key not in skip}


async def export_backup(
    session: AsyncSession, guild_ids: Collection[int] | None = None
) -> dict[str, Any]:
    """What the record files cannot say: removed reviews, the history, the settings of the
    servers (`guild_ids`; None: every server's), the data/ mark."""
    removed = []
    for film in await all_films(session):
        for review in film.reviews:
            if review.deleted_at is None:
                continue
            validated = Record.model_validate(
                {"film": {"title": film.title, "year": film.year}, "review": review_section(review)}
            )
            assert validated.review is not None
            removed.append(
                {
                    "film": film.slug,
                    "removed_at": _iso(review.deleted_at),
                    "review": validated.review.model_dump(mode="json", exclude_none=True),
                }
            )
    slugs = dict((await session.execute(select(Film.id, Film.slug))).all())
    history = [
        {
            "film": slugs.get(change.film_id) if change.film_id is not None else None,
            **row_values(change, HISTORY_SKIPPED),
        }
        for change in await session.scalars(select(Change).order_by(Change.id))
    ]
    stmt = select(GuildSettings).order_by(GuildSettings.guild_id)
    if guild_ids is not None:
        stmt = stmt.where(GuildSettings.guild_id.in_(list(guild_ids)))
    settings = [row_values(row) for row in await session.scalars(stmt)]
    mark = await session.get(Meta, "data_loaded")
    return {
        "format": BACKUP_FORMAT,
        "data_loaded": mark.value if mark is not None else None,
        "removed_reviews": removed,
        "history": history,
        "guild_settings": settings,
    }


@dataclass(frozen=True, slots=True)
class ExportZip:
    """popcorn-export.zip: `reviews/<slug>.yaml` for every film and `reviews/popcorn-backup.json`,
    what `popcorn import popcorn-export.zip` takes back as it is."""

    data: bytes
    records: int
    removed_reviews: int
    history: int
    guilds: int
    settings: list[dict[str, Any]]  # the servers' settings it holds (bot.db.models.GuildSettings)


async def export_zip(session: AsyncSession, guild_ids: Collection[int] | None = None) -> ExportZip:
    files = await export_records(session)
    backup = await export_backup(session, guild_ids)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(files.items()):
            archive.writestr(f"{EXPORT_FOLDER}/{name}", text)
        text = json.dumps(backup, ensure_ascii=False, indent=1) + "\n"
        archive.writestr(f"{EXPORT_FOLDER}/{BACKUP_FILE}", text)
    return ExportZip(
        buffer.getvalue(),
        records=len(files),
        removed_reviews=len(backup["removed_reviews"]),
        history=len(backup["history"]),
        guilds=len(backup["guild_settings"]),
        settings=backup["guild_settings"],
    )


def write_files(directory: Path, files: dict[str, str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")


async def export_to_dir(session: AsyncSession, directory: Path) -> int:
    """Writes the record files and the backup file; returns how many record files."""
    files = await export_records(session)
    backup = json.dumps(await export_backup(session), ensure_ascii=False, indent=1)
    await asyncio.to_thread(write_files, directory, {**files, BACKUP_FILE: backup + "\n"})
    return len(files)
