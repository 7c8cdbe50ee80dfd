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

from bot.db.models import Change, Film, GuildSettings, Meta, Review, Role
from bot.db.queries import all_films
from bot.records.files import dump_record
from bot.records.schema import Record


def current_review(film: Film) -> Review | None:
    return next((r for r in film.reviews if r.deleted_at is None), None)


def film_to_record(film: Film) -> Record:
    credits = sorted(film.credits, key=lambda c: (c.billing, c.id or 0))
    crew: dict[str, list[str]] = {role.value: [] for role in Role}
    cast = []
    for credit in credits:
        if credit.role == Role.ACTOR:
            cast.append({"name": credit.person.name, "character": credit.character})
        elif credit.person.name not in crew[credit.role]:
            crew[credit.role].append(credit.person.name)
    review = current_review(film)
    # Written only when the record would not say it by itself (a reviewed film's cast is
    # complete, anyone else's partial: Record.cast_complete), so an export re-imports the same.
    complete = bool(film.cast_complete)
    cast_complete = complete if complete != (review is not None and bool(cast)) else None
    data: dict[str, object] = {
        "film": {
            "title": film.title,
            "year": film.year,
            "slug": film.slug,
            "aliases": [a.alias for a in film.aliases],
            "genres": list(film.genres or []),
            "certificate": film.certificate,
            "runtime_min": film.runtime_min,
            "description": film.description,
            "synopsis": film.synopsis,
            "directors": crew[Role.DIRECTOR],
            "writers": crew[Role.WRITER],
            "cinematographers": crew[Role.CINEMATOGRAPHER],
            "composers": crew[Role.COMPOSER],
            "cast": cast,
            "cast_complete": cast_complete,
        }
    }
    release = (review.release if review else None) or (film.releases[0] if film.releases else None)
    if release is not None:
        data["release"] = {
            "format": release.format,
            "edition": release.edition,
            "label": release.label,
            "release_date": release.release_date,
            "country": release.country,
            "region": release.region,
            "discs": release.discs,
            "extras": list(release.extras or []),
        }
    if review is not None:
        data["review"] = review_data(review)
    return Record.model_validate(data)


def review_data(review: Review) -> dict[str, Any]:
    """A review as the `review:` section of a record (before validation)."""
    ratings = {r.aspect: (r.score if r.aspect == "film" else r.grade) for r in review.ratings}
    return {
        "headline": review.headline,
        "url": review.url,
        "author": review.author,
        "published": review.published,
        "cover_url": review.cover_url,
        "intro": review.intro,
        "sections": {
            "style_direction": review.style_direction,
            "music_audio": review.music_audio,
            "acting_characters": review.acting_characters,
        },
        "film_conclusion": review.film_conclusion,
        "release_conclusion": review.release_conclusion,
        "ratings": ratings,
        "verdict": review.verdict,
        "pros": list(review.pros or []),
        "cons": list(review.cons or []),
        "recommendation": review.recommendation,
        "purchase_links": [
            {"retailer": p.retailer, "url": p.url, "affiliate": p.affiliate}
            for p in review.purchase_links
        ],
        "trailer": {"url": review.trailer_url, "note": review.trailer_note}
        if review.trailer_url
        else None,
    }


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
                {"film": {"title": film.title, "year": film.year}, "review": review_data(review)}
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
