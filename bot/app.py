"""The running bot's core, shared by Discord, `popcorn chat` and the benchmark: the database
engine, the session factory, the fuzzy index and the document cache, created once at start-up.

Every committed change empties its films from the document cache before anything else hears of
it (`announce`), and the change feed does the same in the other processes (`refresh_film`,
`resync`), so no reply shows a film as it was before a change."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Container, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from bot.answers.commands import answer_request
from bot.answers.context import AnswerContext
from bot.answers.parse import parse_command
from bot.answers.text import film_label
from bot.answers.types import Actor, Answer, Attachment, Notice, PendingChange, Request, Tone
from bot.config import Settings
from bot.db import migrate
from bot.db.changes import ChangeError, ChangeEvent, apply_change
from bot.db.engine import create_engine, create_session_factory
from bot.db.exporter import BACKUP_FILE
from bot.db.faults import session_reply
from bot.db.feed import ChangeFeed, supports_feed
from bot.db.importer import (
    ImportStats,
    ProgressCallback,
    import_records,
    parse_backup,
    read_backups,
    restore_backup,
    restore_guild_settings,
)
from bot.db.locks import startup_lock
from bot.db.models import Film, Meta, Review
from bot.db.queries import (
    SEARCH_STATEMENTS,
    credited_people,
    film_and_people,
    search_documents,
    search_documents_of,
)
from bot.db.read_cache import DocumentCache
from bot.db.reading import ReadConnection, Reads
from bot.records.archives import is_archive, read_archive
from bot.records.files import CatalogFile, LoadedRecord, check_unique, load_import, load_paths
from bot.search import FilmDoc, PersonDoc, SearchIndex

log = logging.getLogger(__name__)
#: The meta row saying the shipped data/ was loaded (when, from where): never guessed.
DATA_LOADED = "data_loaded"
ChangeListener = Callable[[ChangeEvent], Awaitable[None]]
#: A change of more films than this (a prolific person renamed) is signalled to the other
#: processes as "resync" (rebuild the index, empty the cache) rather than film by film.
FEED_FILMS = 20


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Popcorn:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    index: SearchIndex
    listeners: list[ChangeListener] = field(default_factory=list)
    feed: ChangeFeed | None = None
    #: The films' read documents (bot/db/read_cache.py), used by `context().reads`.
    documents: DocumentCache = field(default_factory=DocumentCache)
    #: On SQLite, the read connection `context().reads` loads documents through (bot/db/reading.py).
    reader: ReadConnection | None = None

    @classmethod
    async def start(cls, settings: Settings, *, seed: bool = True) -> Popcorn:
        """Open the database, migrate it, load data/ into an empty one, build the index."""
        started = time.perf_counter()
        engine = create_engine(settings.resolved_database_url)
        reader: ReadConnection | None = None
        try:
            sessions = create_session_factory(engine)
            documents = DocumentCache(settings.cache_films, settings.cache_mb)
            app = cls(settings, engine, sessions, SearchIndex(), documents=documents)
            # On a SQLite file, the start's reads (is data/ loaded, the index's documents) go
            # through the read connection too: one snapshot, no thread hop per statement.
            app.reader = reader = ReadConnection.for_engine(engine)
            # On PostgreSQL the lock's own connection migrates and reads (no second one).
            async with startup_lock(engine) as locked:
                await migrate.upgrade(locked or engine)
                if seed:
                    await app.seed_if_empty(locked)
            await app.rebuild_index(starting=True)
            if supports_feed(engine):
                app.feed = ChangeFeed(engine, app.refresh_film, app.resync)
                await app.feed.start()
        except BaseException:
            if reader is not None:
                reader.close()
            await engine.dispose()
            raise
        log.info(
            "ready in %.2fs: %d films and %d people indexed",
            time.perf_counter() - started,
            app.index.film_count,
            app.index.person_count,
        )
        return app

    async def seed_if_empty(self, connection: AsyncConnection | None = None) -> ImportStats | None:
        """Load data/ unless the database says it was loaded (a meta row, not an empty table:
        a database an import created before the first start still gets the shipped data).

        Into a database that already has films (`popcorn import` before the first start),
        the shipped review records do not replace a review the database has: what was
        imported wins, and the rest of data/ is added.

        The usual case (loaded) is one light read: on a SQLite file through the read
        connection, on PostgreSQL through `connection` (the start-up lock's) when given."""
        meta = Meta.__table__.c  # Core columns: the same SQL, compiled in half the time
        mark = select(meta.key).where(meta.key == DATA_LOADED)
        if self.reader is not None:
            if self.reader.read((mark, {}))[0]:
                return None
        elif connection is not None:
            async with connection.begin():
                if await connection.scalar(mark) is not None:
                    return None
        async with self.sessions() as session:
            # Not asked above (no read connection, no lock's connection): asked here.
            unasked = self.reader is None and connection is None
            if unasked and await session.scalar(mark) is not None:
                return None
            reviewed = set(
                (
                    await session.scalars(
                        select(Film.slug).join(Review).where(Review.deleted_at.is_(None))
                    )
                ).all()
            )
        data_dir = self.settings.data_dir
        if not data_dir.is_dir():
            log.warning("the shipped data was never loaded and there is no folder %s", data_dir)
            return None
        loaded = [
            item
            for item in load_paths([data_dir])
            if not (item.mode == "replace" and item.record.slug in reviewed)
        ]
        stats = await self._import(loaded, [], mark=f"{_now()} from {data_dir}")
        log.info("first run: loaded %s from %s", stats.summary(), data_dir)
        return stats

    async def import_paths(
        self,
        paths: Sequence[Path],
        progress: ProgressCallback | None = None,
        *,
        reindex: bool = True,
        overwrite_edits: bool = False,
    ) -> ImportStats:
        """Validate every file, then write all of it in one transaction (or nothing). CSV
        catalogs are streamed: their rows are validated as they are written, and a bad row
        rolls everything back.

        A WordPress export's review of a film a moderator edited in Discord since it was last
        imported or synced is not written, and said (`kept: ...`), as by `popcorn sync`
        (bot.sync.edits), unless `overwrite_edits`. Record files, catalogs and backups are
        written as they are: an operator's file is the truth.

        Into a database that never had the shipped data/, the summary says it is not loaded
        yet and how it will be (the next start loads it; the import's reviews win).

        `reindex=False`: the search index is not rebuilt afterwards, for a process that
        exits after the import (`popcorn import`): a million films' index is ~600 MB."""
        from bot.sync.edits import keep_discord_edits

        zips = [path for path in paths if is_archive(path)]
        folders = [path for path in paths if path not in zips]
        given = load_import(folders)
        backups = read_backups(folders)  # an export's removed reviews, history, settings
        # Films whose history a backup carries: the records next to it (an export's).
        restoring = {
            item.record.slug
            for item in given.records
            for folder in folders
            if folder.is_dir()
            and (folder / BACKUP_FILE).is_file()
            and Path(item.source).is_relative_to(folder)
        }
        for path in zips:  # an export's zip, as it is: its records and its backup file
            content = read_archive(path, BACKUP_FILE)
            given.records.extend(content.records)
            if content.backup is not None:
                backups.append(parse_backup(content.backup[1], content.backup[0]))
                restoring.update(item.record.slug for item in content.records)
        check_unique(given.records)
        kept = await keep_discord_edits(self.sessions, given, overwrite_edits=overwrite_edits)
        data_dir = self.settings.data_dir
        backed_up = next((b["data_loaded"] for b in backups if b.get("data_loaded")), None)
        if backed_up:  # a backup of a database that had data/: it is in the records
            mark: str | None = str(backed_up)[:2000]
        elif data_dir.resolve() in {path.resolve() for path in paths}:
            mark = f"{_now()} from {data_dir}"
        else:
            mark = None
        stats = await self._import(
            given.records,
            backups,
            mark=mark,
            progress=progress,
            catalogs=given.catalogs,
            reindex=reindex,
            restoring=restoring,
        )
        stats.reports = given.reports + [
            k.line("popcorn import", "the export's version") for k in kept
        ]
        return stats

    async def _import(
        self,
        loaded: Sequence[LoadedRecord],
        backups: Sequence[dict[str, Any]],
        *,
        mark: str | None,
        progress: ProgressCallback | None = None,
        catalogs: Sequence[CatalogFile] = (),
        reindex: bool = True,
        restoring: Container[str] = (),
    ) -> ImportStats:
        """One transaction: the records, then the backups; `mark`: data/ is now loaded.
        `restoring`: films whose history the backups carry (bot.db.importer.import_records)."""
        data_dir = self.settings.data_dir
        async with self.sessions.begin() as session:
            note = ""
            if await session.get(Meta, DATA_LOADED) is None:
                if mark is not None:
                    session.add(Meta(key=DATA_LOADED, value=mark))
                elif data_dir.is_dir():
                    note = (
                        f"the shipped data in {data_dir} is not loaded into this database yet: "
                        "the bot's next start loads it (keeping the reviews imported here), "
                        f"or `popcorn import {data_dir}` now"
                    )
                else:
                    note = (
                        f"the shipped data is not loaded into this database: there is no folder "
                        f"{data_dir}; set POPCORN_DATA_DIR to it and start the bot"
                    )
            stats = await import_records(
                session, loaded, progress, catalogs=catalogs, restoring=restoring
            )
            stats.note = note
            for backup in backups:
                reviews, rows = await restore_backup(session, backup)
                stats.removed_reviews_restored += reviews
                stats.history_restored += rows
                stats.settings_restored += await restore_guild_settings(session, backup)
        # Committed: any film may have changed (its record, a restored removed review).
        self.documents.clear()
        if reindex:
            await self.rebuild_index()
        changed = stats.films_created or stats.films_updated or stats.removed_reviews_restored
        if self.feed is not None and changed:
            await self.feed.publish(None)
        return stats

    async def rebuild_index(self, *, starting: bool = False) -> None:
        """The search index built again from the database. At start (nothing served yet), on
        a SQLite file, its rows are read through the read connection in one snapshot; later
        (after an import, a resync) through a session, off the event loop (at 58,788 films
        the read takes ~1.3 s, which members' replies would otherwise wait for)."""
        if starting and self.reader is not None:
            films, people = search_documents_of(
                self.reader.read(*((statement, {}) for statement in SEARCH_STATEMENTS))
            )
        else:
            async with self.sessions() as session:
                films, people = await search_documents(session)
        self.index = SearchIndex(films, people)

    async def resync(self) -> None:
        """Signals from other processes may have been missed (the change feed reconnected),
        or many films changed (an import, a rename there): nothing cached is trusted, and
        the index is built again."""
        self.documents.clear()
        await self.rebuild_index()

    def context(self, session: AsyncSession) -> AnswerContext:
        return AnswerContext(
            session=session,
            index=self.index,
            reads=Reads(
                session,
                cache=self.documents,
                reader=self.reader,
            ),
            prefix=self.settings.prefix,
            affiliate_tag=self.settings.affiliate_tag,
            site_url=self.settings.site_url,
            project_person=self.settings.project_person,
        )

    async def answer(self, request: Request) -> Answer:
        """One session per command; changes it committed are then announced."""
        try:
            async with self.sessions() as session:
                ctx = self.context(session)
                answer = await answer_request(ctx, request)
        except DBAPIError as exc:  # busy, disk full, read-only: rolled back, said in one line
            if (reply := session_reply(exc)) is None:
                raise
            log.warning("%s: %s", reply, exc.orig)
            return Notice(reply, Tone.ERROR)
        await self.announce(ctx.events)
        return answer

    async def answer_text(
        self, text: str, actor: Actor | None = None, attachments: Sequence[Attachment] = ()
    ) -> Answer | None:
        request = parse_command(text, self.settings.prefix)
        if request is None:
            return None
        return await self.answer(replace(request, actor=actor, attachments=tuple(attachments)))

    async def apply(self, change: PendingChange) -> Answer:
        """Carry out a confirmed change in one transaction (or refuse it and change nothing)."""
        async with self.sessions() as session:
            try:
                film, _ = await apply_change(session, change)
                await session.commit()
            except ChangeError as exc:
                await session.rollback()
                return Notice(str(exc), Tone.ERROR)
            except IntegrityError:
                await session.rollback()
                return Notice(
                    "Someone else saved that film at the same moment. Nothing was saved: "
                    "look at it again.",
                    Tone.ERROR,
                )
            except DBAPIError as exc:  # busy, disk full, read-only: said in one line
                await session.rollback()
                if (reply := session_reply(exc)) is None:
                    raise
                log.warning("%s: %s", reply, exc.orig)
                return Notice(reply, Tone.ERROR)
            label = film_label(film.title, film.year)
        event = ChangeEvent(film.id, change.actor.guild_id, change.actor.name, change.summary)
        await self.announce([event])
        summary = change.summary or f"changed {label}"
        return Notice(f"Done: {summary}.")

    async def announce(self, events: Sequence[ChangeEvent]) -> None:
        """After a commit: the document cache forgets every film the change wrote (first,
        before any await), the index sees the film changed at once, the other processes are
        signalled (the change feed), then the listeners hear of it.

        The films an event only touched (a renamed person's, a merged or removed film) were
        already set right in the index by their command; the other processes refresh them
        one by one, or, past FEED_FILMS, all at once (`resync`)."""
        for event in events:
            films = [event.film_id] if event.film_id is not None else []
            films += [film_id for film_id in event.touched if film_id not in films]
            for film_id in films:
                self.documents.invalidate(film_id)
            if event.film_id is not None:
                await self.refresh_film(event.film_id)
            if self.feed is not None and films:
                signals: list[int | None] = [*films] if len(films) <= FEED_FILMS else [None]
                for signal in signals:
                    try:
                        await self.feed.publish(signal)
                    except Exception:
                        log.exception("could not signal the change of film %s", signal)
            for listener in self.listeners:
                try:
                    await listener(event)
                except Exception:
                    log.exception("a change listener failed for %s", event)

    async def refresh_film(self, film_id: int) -> None:
        """The index told of a film's change (here, or by the change feed from another
        process): the film, its people as they are now (renamed, aliases), and the people the
        change left with no film at all, who drop out of every look-up. Its cached document
        is forgotten first (before any await: a read in flight is not cached after it).

        Only the people who left the film can have been orphaned by its change: the index
        remembers each film's people (FilmDoc.people), and those it held that the film no
        longer credits are checked (one small query), not every person in the database."""
        self.documents.invalidate(film_id)
        checked: dict[int, bool] = {}  # person id -> still credited on some film
        async with self.sessions() as session:
            doc, people = await film_and_people(session, film_id)
            # Asked again after each await (another refresh of this film may have changed
            # whom the index holds for it), and the index then changed with no await between.
            while left := [p for p in self.index.people_leaving(film_id, doc) if p not in checked]:
                credited = await credited_people(session, left)
                checked.update((person_id, person_id in credited) for person_id in left)
            self._film_refreshed(film_id, doc, people, checked)

    def _film_refreshed(
        self, film_id: int, doc: FilmDoc | None, people: list[PersonDoc], credited: dict[int, bool]
    ) -> None:
        """The index takes the film as it is now (`doc`, None: removed) and its `people`, and
        forgets those who left it with no credit anywhere (`credited` says, for each)."""
        for person_id in self.index.people_leaving(film_id, doc):
            if not credited[person_id]:
                self.index.remove_person(person_id)
        if doc is None:
            self.index.remove_film(film_id)
            return
        self.index.upsert_film(doc)
        for person in people:
            self.index.upsert_person(person)

    async def close(self) -> None:
        log.info("document cache at close: %s", self.documents.stats())
        if self.feed is not None:
            await self.feed.close()
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        await self.engine.dispose()
