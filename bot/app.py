"""The running bot's core, shared by Discord, `popcorn chat` and the benchmark: the database
engine, the session factory and the fuzzy index, created once at start-up."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.answers.commands import answer_request
from bot.answers.context import AnswerContext
from bot.answers.parse import parse_command
from bot.answers.types import Answer, Request
from bot.config import Settings
from bot.db import migrate
from bot.db.engine import create_engine, create_session_factory
from bot.db.importer import ImportStats, ProgressCallback, import_records
from bot.db.queries import count_films, search_documents
from bot.records.files import load_paths
from bot.search import SearchIndex

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Popcorn:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    index: SearchIndex

    @classmethod
    async def start(cls, settings: Settings, *, seed: bool = True) -> Popcorn:
        """Open the database, migrate it, load data/ into an empty one, build the index."""
        started = time.perf_counter()
        engine = create_engine(settings.resolved_database_url)
        try:
            await migrate.upgrade(engine)
            sessions = create_session_factory(engine)
            app = cls(settings, engine, sessions, SearchIndex())
            if seed:
                await app.seed_if_empty()
            await app.rebuild_index()
        except BaseException:
            await engine.dispose()
            raise
        log.info(
            "ready in %.2fs: %d films and %d people indexed",
            time.perf_counter() - started,
            app.index.film_count,
            app.index.person_count,
        )
        return app

    async def seed_if_empty(self) -> ImportStats | None:
        async with self.sessions() as session:
            if await count_films(session):
                return None
        data_dir = self.settings.data_dir
        if not data_dir.is_dir():
            log.warning("the database is empty and there is no data folder at %s", data_dir)
            return None
        stats = await self.import_paths([data_dir])
        log.info("first run: loaded %s from %s", stats.summary(), data_dir)
        return stats

    async def import_paths(
        self, paths: Sequence[Path], progress: ProgressCallback | None = None
    ) -> ImportStats:
        """Validate every file, then write all of it in one transaction (or nothing)."""
        loaded = load_paths(paths)
        async with self.sessions.begin() as session:
            stats = await import_records(session, loaded, progress)
        await self.rebuild_index()
        return stats

    async def rebuild_index(self) -> None:
        async with self.sessions() as session:
            films, people = await search_documents(session)
        self.index = SearchIndex(films, people)

    def context(self, session: AsyncSession) -> AnswerContext:
        return AnswerContext(
            session=session,
            index=self.index,
            prefix=self.settings.prefix,
            affiliate_tag=self.settings.affiliate_tag,
        )

    async def answer(self, request: Request) -> Answer:
        """One session per command."""
        async with self.sessions() as session:
            return await answer_request(self.context(session), request)

    async def answer_text(self, text: str) -> Answer | None:
        request = parse_command(text, self.settings.prefix)
        return None if request is None else await self.answer(request)

    async def close(self) -> None:
        await self.engine.dispose()
