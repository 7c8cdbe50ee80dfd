"""What an answer may use: its reads (film and person documents, cached), the fuzzy index, and
one database session per command (for the moderators' writes and the listing queries)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.config import DEFAULT_PROJECT_PERSON
from bot.db.changes import ChangeEvent
from bot.db.reading import Reads
from bot.search import SearchIndex

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(slots=True)
class AnswerContext:
    session: AsyncSession
    index: SearchIndex
    reads: Reads  # ctx.reads.film(id), ctx.reads.person(id): documents, never ORM objects
    prefix: str = "!"
    affiliate_tag: str | None = None
    site_url: str | None = None  # POPCORN_SITE_URL: its images may be shown as covers
    project_person: str = DEFAULT_PROJECT_PERSON  # whose films the site is working through
    events: list[ChangeEvent] = field(default_factory=list)  # committed changes, to announce
    #: What a loose match was taken to mean ("Showing *Face/Off (1997)*"), said above the
    #: answer; set by the resolvers, one context per command.
    understood: str | None = None
