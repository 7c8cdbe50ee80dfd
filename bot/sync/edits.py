"""Reviews a moderator edited in Discord are not overwritten by the site's version without
saying so: one rule for `popcorn sync` (bot.sync.run) and `popcorn import export.xml` (a
WordPress export, bot.app.Popcorn.import_paths).

A film whose latest history entry is not the import's ("popcorn import") was changed in Discord
since it was last imported or synced. A review from the site that would change such a film is
kept out, and reported as kept (bot.sync.report.Kept), unless `overwrite_edits`. What a review
would do (new, updated, unchanged) is learnt by applying it in a transaction that is rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.bulk import IMPORT_ACTOR
from bot.db.exporter import current_review
from bot.db.importer import Importer
from bot.db.models import Change, Film
from bot.records.files import ImportInput, LoadedRecord
from bot.sync.report import Kept

Outcome = Literal["new", "updated", "unchanged", "kept"]
#: Films asked about per statement (bound parameters stay far below every driver's limit).
CHUNK = 500


@dataclass(frozen=True, slots=True)
class Trial:
    """What one review would do: `edit` is (when, who) for "kept"."""

    item: LoadedRecord
    label: str
    outcome: Outcome
    edit: tuple[dt.datetime, str] | None = None

    def kept(self, url: str | None = None) -> Kept:
        assert self.edit is not None
        return Kept(url or self.item.source, self.label, *self.edit)


def as_utc(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


async def discord_edits(
    session: AsyncSession, film_ids: Iterable[int]
) -> dict[int, tuple[dt.datetime, str]]:
    """{film id: (when, who)} for the films whose latest history entry is not the import's: a
    moderator changed them in Discord after they were last imported or synced."""
    ids = list(dict.fromkeys(film_ids))
    found: dict[int, tuple[dt.datetime, str]] = {}
    for start in range(0, len(ids), CHUNK):
        latest = (
            select(
                Change.film_id,
                Change.actor_name,
                Change.created_at,
                func.row_number()
                .over(
                    partition_by=Change.film_id,
                    order_by=(Change.created_at.desc(), Change.id.desc()),
                )
                .label("n"),
            )
            .where(Change.film_id.in_(ids[start : start + CHUNK]))
            .subquery()
        )
        rows = await session.execute(
            select(latest.c.film_id, latest.c.actor_name, latest.c.created_at).where(
                latest.c.n == 1, latest.c.actor_name != IMPORT_ACTOR
            )
        )
        for film_id, actor, when in rows:
            found[film_id] = (as_utc(when), actor)
    return found


async def try_reviews(
    sessions: async_sessionmaker[AsyncSession],
    items: Sequence[LoadedRecord],
    *,
    overwrite_edits: bool = False,
    only_edited: bool = False,
) -> list[Trial]:
    """What each review would do, in the order given, learnt in a transaction rolled back.
    "kept": it would change a film edited in Discord since (never with `overwrite_edits`).

    `only_edited`: only the reviews of films edited in Discord are tried, the others left out
    of the answer: all an import needs to know, without trying a whole export first."""
    if not items or (only_edited and overwrite_edits):
        return []
    trials: list[Trial] = []
    async with sessions() as session:
        try:
            # Read before any trial change: the history as it is, nothing pending to flush.
            edited = {} if overwrite_edits else await _edited(session, items)
            if only_edited:
                items = [item for item in items if item.record.slug in edited]
                if not items:
                    return []
            importer = Importer(session)
            await importer.prepare(items)
            for item in items:
                facts = item.record.film
                label = f"{facts.title} ({facts.year})"
                film = importer.films.get(item.record.slug)
                had_review = film is not None and current_review(film) is not None
                before = (importer.stats.films_created, importer.stats.films_updated)
                await importer.apply(item)
                if (importer.stats.films_created, importer.stats.films_updated) == before:
                    trials.append(Trial(item, label, "unchanged"))
                elif film is not None and film.id is not None and item.record.slug in edited:
                    trials.append(Trial(item, label, "kept", edited[item.record.slug]))
                else:
                    trials.append(Trial(item, label, "updated" if had_review else "new"))
        finally:
            await session.rollback()
    return trials


async def _edited(
    session: AsyncSession, items: Sequence[LoadedRecord]
) -> dict[str, tuple[dt.datetime, str]]:
    """{slug: (when, who)} for the items' films edited in Discord since."""
    slugs = list(dict.fromkeys(item.record.slug for item in items))
    ids: dict[int, str] = {}
    for start in range(0, len(slugs), CHUNK):
        chunk = slugs[start : start + CHUNK]
        for slug, film_id in await session.execute(
            select(Film.slug, Film.id).where(Film.slug.in_(chunk))
        ):
            ids[film_id] = slug
    return {ids[film_id]: edit for film_id, edit in (await discord_edits(session, ids)).items()}


async def keep_discord_edits(
    sessions: async_sessionmaker[AsyncSession],
    given: ImportInput,
    *,
    overwrite_edits: bool = False,
) -> list[Kept]:
    """`popcorn import export.xml`: the exports' reviews that would change a film edited in
    Discord since are taken out of `given.records` (and `given.from_exports`) and returned,
    to be reported as kept. Record files, catalogs and backups are never held back."""
    if overwrite_edits or not given.from_exports:
        return []
    trials = await try_reviews(sessions, given.from_exports, only_edited=True)
    held = [trial for trial in trials if trial.outcome == "kept"]
    if not held:
        return []
    out = {id(trial.item) for trial in held}
    given.records = [item for item in given.records if id(item) not in out]
    given.from_exports = [item for item in given.from_exports if id(item) not in out]
    return [trial.kept(_post_url(trial.item)) for trial in held]


def _post_url(item: LoadedRecord) -> str | None:
    """The review's address on the site (an export's record source is `file (address)`)."""
    review = item.record.review
    return str(review.url) if review is not None and review.url else None
