"""Read queries for rankings, stats, counts and plain-English questions.

Only a film's current review counts: its first review that is not removed (`deleted_at` unset),
the same one `current_review(film)` shows. Ratings order by `Rating.score` (the film rating, or
the word scale's rank 1..5 for picture, audio and extras).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Credit, Film, Person, Rating, Review

MAX_ROWS = 1000


def current_reviews() -> Select[int]:
    """The id of each film's current review (the first one not removed)."""
    return (
        select(func.min(Review.id).label("review_id"))
        .where(Review.deleted_at.is_(None))
        .group_by(Review.film_id)
    )


def _films_of(person_id: int, role: str | None = None) -> Select[int]:
    stmt = select(Credit.film_id).where(Credit.person_id == person_id)
    if role is not None:
        stmt = stmt.where(Credit.role == role)
    return stmt


@dataclass(frozen=True, slots=True)
class FilmRow:
    """A film in a listing: the first columns of each row these queries return."""

    film_id: int
    title: str
    year: int | None


@dataclass(frozen=True, slots=True)
class RankedFilm(FilmRow):
    score: float
    grade: str | None


@dataclass(frozen=True, slots=True)
class Ranking:
    """Reviewed films ordered by one aspect's rating, and how many had no such rating."""

    aspect: str
    films: list[RankedFilm]
    left_out: int  # reviewed films without a rating for the aspect
    reviewed: int  # reviewed films considered


async def ranking(
    session: AsyncSession,
    aspect: str,
    *,
    worst: bool = False,
    limit: int | None = None,
    person_id: int | None = None,
) -> Ranking:
    """Best first (or worst first); ties by title. `person_id`: only films they are credited on."""
    current = current_reviews().subquery()
    order = Rating.score.asc() if worst else Rating.score.desc()
    stmt = (
        select(Film.id, Film.title, Film.year, Rating.score, Rating.grade)
        .join(Review, Review.film_id == Film.id)
        .join(current, current.c.review_id == Review.id)
        .join(Rating, and_(Rating.review_id == Review.id, Rating.aspect == aspect))
        .order_by(order, Film.title, Film.year, Film.id)
    )
    count = select(func.count(Review.id)).join(current, current.c.review_id == Review.id)
    if person_id is not None:
        stmt = stmt.where(Film.id.in_(_films_of(person_id)))
        count = count.where(Review.film_id.in_(_films_of(person_id)))
    stmt = stmt.limit(min(limit, MAX_ROWS) if limit is not None else MAX_ROWS)
    rows = [RankedFilm(*row) for row in await session.execute(stmt)]
    reviewed = int(await session.scalar(count) or 0)
    rated_stmt = (
        select(func.count(Rating.id))
        .join(current, current.c.review_id == Rating.review_id)
        .where(Rating.aspect == aspect)
    )
    if person_id is not None:
        rated_stmt = rated_stmt.join(Review, Review.id == Rating.review_id).where(
            Review.film_id.in_(_films_of(person_id))
        )
    rated = int(await session.scalar(rated_stmt) or 0)
    return Ranking(aspect, rows, reviewed - rated, reviewed)


BLURAY = "bluray"  # the mean of the picture, audio and extras grades
BLURAY_ASPECTS = ("picture", "audio", "extras")


async def bluray_ranking(
    session: AsyncSession,
    *,
    worst: bool = False,
    limit: int | None = None,
    person_id: int | None = None,
) -> Ranking:
    """Reviewed films by the mean rank (1 POOR .. 5 EXCELLENT) of whichever of the picture,
    audio and extras grades the review gives; `grade` reads `picture GOOD, audio POOR`.
    A review with none of the three is left out. Best first (or worst first); ties by title."""
    current = current_reviews().subquery()
    stmt = (
        select(Film.id, Film.title, Film.year, Rating.aspect, Rating.score, Rating.grade)
        .join(Review, Review.film_id == Film.id)
        .join(current, current.c.review_id == Review.id)
        .join(Rating, Rating.review_id == Review.id)
        .where(Rating.aspect.in_(BLURAY_ASPECTS))
    )
    if person_id is not None:
        stmt = stmt.where(Film.id.in_(_films_of(person_id)))
    films: dict[int, tuple[str, int | None]] = {}
    grades: dict[int, dict[str, tuple[float, str | None]]] = {}
    for film_id, title, year, aspect, score, grade in await session.execute(stmt):
        films[film_id] = (title, year)
        grades.setdefault(film_id, {})[aspect] = (float(score), grade)
    rows = []
    for film_id, (title, year) in films.items():
        given = grades[film_id]
        mean = sum(score for score, _ in given.values()) / len(given)
        text = ", ".join(f"{a} {given[a][1] or '?'}" for a in BLURAY_ASPECTS if a in given)
        rows.append(RankedFilm(film_id, title, year, mean, text))
    rows.sort(key=lambda f: (f.score if worst else -f.score, f.title, f.year or 0, f.film_id))
    reviewed = await count_reviewed(session, person_id)
    cap = min(limit, MAX_ROWS) if limit is not None else MAX_ROWS
    return Ranking(BLURAY, rows[:cap], reviewed - len(rows), reviewed)


async def reviewed_film_ids(session: AsyncSession) -> list[int]:
    current = current_reviews().subquery()
    stmt = (
        select(Review.film_id).join(current, current.c.review_id == Review.id).order_by(Review.id)
    )
    return list(await session.scalars(stmt))


@dataclass(frozen=True, slots=True)
class ReviewedFilm(FilmRow):
    published: dt.date | None
    verdict: str | None


async def latest_reviews(session: AsyncSession, limit: int) -> list[ReviewedFilm]:
    """Most recently published first; undated reviews after dated ones, newest added first."""
    current = current_reviews().subquery()
    stmt = (
        select(Film.id, Film.title, Film.year, Review.published, Review.verdict)
        .join(Review, Review.film_id == Film.id)
        .join(current, current.c.review_id == Review.id)
        .order_by(
            Review.published.is_(None), Review.published.desc(), Review.created_at.desc(),
            Review.id.desc(),
        )
        .limit(min(limit, MAX_ROWS))
    )  # fmt: skip
    return [ReviewedFilm(*row) for row in await session.execute(stmt)]


async def reviewed_films(
    session: AsyncSession, person_id: int | None = None, role: str | None = None
) -> list[ReviewedFilm]:
    """Reviewed films by title (a person's, when given; in one role, when given)."""
    current = current_reviews().subquery()
    stmt = (
        select(Film.id, Film.title, Film.year, Review.published, Review.verdict)
        .join(Review, Review.film_id == Film.id)
        .join(current, current.c.review_id == Review.id)
        .order_by(Film.title, Film.year, Film.id)
        .limit(MAX_ROWS)
    )
    if person_id is not None:
        stmt = stmt.where(Film.id.in_(_films_of(person_id, role)))
    return [ReviewedFilm(*row) for row in await session.execute(stmt)]


async def count_reviewed(session: AsyncSession, person_id: int | None = None) -> int:
    current = current_reviews().subquery()
    stmt = select(func.count(Review.id)).join(current, current.c.review_id == Review.id)
    if person_id is not None:
        stmt = stmt.where(Review.film_id.in_(_films_of(person_id)))
    return int(await session.scalar(stmt) or 0)


async def count_films(session: AsyncSession, person_id: int | None = None) -> int:
    stmt = select(func.count(Film.id))
    if person_id is not None:
        stmt = stmt.where(Film.id.in_(_films_of(person_id)))
    return int(await session.scalar(stmt) or 0)


@dataclass(slots=True)
class Stats:
    films: int = 0
    reviewed: int = 0
    ratings: dict[str, Counter[str]] = field(default_factory=dict)  # aspect -> label -> count
    unrated: Counter[str] = field(default_factory=Counter)  # aspect -> reviews without one
    film_scores: Counter[float] = field(default_factory=Counter)
    genres: Counter[str] = field(default_factory=Counter)
    per_year: Counter[int | None] = field(default_factory=Counter)  # None: no published date


async def review_stats(session: AsyncSession) -> Stats:
    stats = Stats(films=await count_films(session))
    current = current_reviews().subquery()
    reviews = (
        await session.execute(
            select(Review.id, Review.published, Film.genres)
            .join(current, current.c.review_id == Review.id)
            .join(Film, Film.id == Review.film_id)
        )
    ).all()
    stats.reviewed = len(reviews)
    for _, published, genres in reviews:
        stats.per_year[published.year if published else None] += 1
        for genre in dict.fromkeys(genres or []):
            stats.genres[genre] += 1
    rows = await session.execute(
        select(Rating.aspect, Rating.grade, Rating.score).join(
            current, current.c.review_id == Rating.review_id
        )
    )
    rated: Counter[str] = Counter()
    for aspect, grade, score in rows:
        rated[aspect] += 1
        if aspect == "film":
            stats.film_scores[float(score)] += 1
        else:
            stats.ratings.setdefault(aspect, Counter())[grade or "?"] += 1
    for aspect in ("film", "picture", "audio", "extras"):
        stats.unrated[aspect] = stats.reviewed - rated[aspect]
    return stats


@dataclass(frozen=True, slots=True)
class CharacterCredit(FilmRow):
    person: str
    character: str


async def characters_like(
    session: AsyncSession, words: list[str], limit: int = 500
) -> list[CharacterCredit]:
    """Credits whose character contains one of `words` (a coarse filter; callers rank)."""
    words = [w for w in words if len(w) >= 3][:6]
    if not words:
        return []
    lowered = func.lower(Credit.character)
    stmt = (
        select(Film.id, Film.title, Film.year, Person.name, Credit.character)
        .join(Credit, Credit.film_id == Film.id)
        .join(Person, Person.id == Credit.person_id)
        .where(Credit.character.is_not(None))
        .where(or_(*(lowered.contains(w, autoescape=True) for w in words)))
        .order_by(Film.year, Film.title, Credit.billing)
        .limit(limit)
    )
    return [
        CharacterCredit(film_id, title, year, person, character)
        for film_id, title, year, person, character in await session.execute(stmt)
        if character is not None  # always: the query keeps credits with a character
    ]


__all__ = [
    "BLURAY",
    "BLURAY_ASPECTS",
    "CharacterCredit",
    "FilmRow",
    "RankedFilm",
    "Ranking",
    "ReviewedFilm",
    "Stats",
    "bluray_ranking",
    "characters_like",
    "count_films",
    "count_reviewed",
    "current_reviews",
    "latest_reviews",
    "ranking",
    "review_stats",
    "reviewed_film_ids",
    "reviewed_films",
]
