"""What an answer may use: one database session (one per command) and the fuzzy index."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import DEFAULT_PROJECT_PERSON
from bot.db.changes import ChangeEvent
from bot.search import SearchIndex


@dataclass(slots=True)
class AnswerContext:
    session: AsyncSession
    index: SearchIndex
    prefix: str = "!"
    affiliate_tag: str | None = None
    project_person: str = DEFAULT_PROJECT_PERSON  # whose films the site is working through
    events: list[ChangeEvent] = field(default_factory=list)  # committed changes, to announce
    #: What a loose match was taken to mean ("Showing *Face/Off (1997)*"), said above the
    #: answer; set by the resolvers, one context per command.
    understood: str | None = None
