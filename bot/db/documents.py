"""The read model: plain, immutable documents the answering code receives instead of ORM
objects (issue 13). A film with its credits, aliases, releases and reviews; a person with their
credits. Built by the database layer (bot/db/reading.py) in at most three queries, cached per
film (bot/db/read_cache.py), never lazy: everything an answer may read is in the document.

The attribute names are the ORM models' (film.title, review.verdict, credit.person.name...), so
an answer reads a document as it read a model; lists are tuples, nothing can be changed.
This module imports nothing from SQLAlchemy: bot.answers may import it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a credit is for (bot.db.models imports it: the credits table stores the value)."""

    ACTOR = "actor"
    DIRECTOR = "director"
    WRITER = "writer"
    CINEMATOGRAPHER = "cinematographer"
    COMPOSER = "composer"


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as a credit names them."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class CreditDoc:
    """One credit of a film, in billing order (`role`: a Role's value)."""

    person: PersonRef
    role: str
    character: str | None
    billing: int


@dataclass(frozen=True, slots=True)
class ReleaseDoc:
    id: int
    format: str
    edition: str | None
    label: str | None
    release_date: dt.date | None
    country: str | None
    region: str | None
    discs: int | None
    extras: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RatingDoc:
    """`aspect`: film (score 0-10, no grade), picture / audio / extras (a grade word)."""

    aspect: str
    grade: str | None
    score: float


@dataclass(frozen=True, slots=True)
class LinkDoc:
    retailer: str
    url: str
    affiliate: bool
    position: int


@dataclass(frozen=True, slots=True)
class ReviewDoc:
    id: int
    release: ReleaseDoc | None
    headline: str | None
    url: str | None
    author: str | None
    published: dt.date | None
    cover_url: str | None
    intro: str | None
    style_direction: str | None
    music_audio: str | None
    acting_characters: str | None
    film_conclusion: str | None
    release_conclusion: str | None
    verdict: str | None
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    recommendation: str | None
    trailer_url: str | None
    trailer_note: str | None
    ratings: tuple[RatingDoc, ...]
    purchase_links: tuple[LinkDoc, ...]
    deleted_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class FilmDocument:
    """A film and everything an answer about it may show."""

    id: int
    slug: str
    title: str
    year: int | None
    genres: tuple[str, ...]
    certificate: str | None
    runtime_min: int | None
    description: str | None
    synopsis: str | None
    cast_complete: bool
    version: int
    credits: tuple[CreditDoc, ...]
    aliases: tuple[str, ...]
    releases: tuple[ReleaseDoc, ...]
    reviews: tuple[ReviewDoc, ...]  # every review, removed ones too (deleted_at set)

    @property
    def review(self) -> ReviewDoc | None:
        """The current review (not removed), if any."""
        return next((r for r in self.reviews if r.deleted_at is None), None)


@dataclass(frozen=True, slots=True)
class FilmSummary:
    """A film as a list of a person's films shows it: no credits, the current review only."""

    id: int
    slug: str
    title: str
    year: int | None
    genres: tuple[str, ...]
    review: ReviewDoc | None


@dataclass(frozen=True, slots=True)
class PersonCredit:
    film: FilmSummary
    role: str
    character: str | None
    billing: int


@dataclass(frozen=True, slots=True)
class PersonDocument:
    """A person with every credit (their filmography)."""

    id: int
    name: str
    aliases: tuple[str, ...]
    credits: tuple[PersonCredit, ...]


__all__ = [
    "CreditDoc",
    "FilmDocument",
    "FilmSummary",
    "LinkDoc",
    "PersonCredit",
    "PersonDocument",
    "PersonRef",
    "RatingDoc",
    "ReleaseDoc",
    "ReviewDoc",
    "Role",
]
