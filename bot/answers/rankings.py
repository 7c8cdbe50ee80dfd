"""`!top`, `!worst`, `!random`, `!latest`, `!stats`: the site's reviews ranked and counted.

Rankings use the site's own ratings (the film rating out of 10, and the word scale POOR < OK <
GOOD < GREAT < EXCELLENT for the Blu-ray's picture, audio and extras). A reviewed film without
the rating asked for is left out, and the reply says how many were. When no review gives a film
rating at all, a film ranking falls back to the Blu-ray ratings (`ranking_or_fallback`), and
says so.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers.context import AnswerContext
from bot.answers.films import review_card
from bot.answers.text import clip, echo, film_label, human_date, plural
from bot.answers.types import Answer, Card, Field, ItemList, Notice, Request, Tone
from bot.answers.vocabulary import ASPECT_NAMES, ASPECT_TITLES, ASPECT_WORDS
from bot.db.rankings import (
    BLURAY,
    RankedFilm,
    Ranking,
    bluray_ranking,
    latest_reviews,
    ranking,
    review_stats,
    reviewed_film_ids,
)
from bot.records.ratings import ASPECTS, Grade, film_score

if TYPE_CHECKING:  # the listing queries take the command's session; nothing else here does
    from sqlalchemy.ext.asyncio import AsyncSession

DEFAULT_COUNT = 10
MAX_COUNT = 25
LATEST_COUNT = 5
FILLER = frozenset({"the", "by", "for", "on", "best", "worst", "top", "films", "rated"})
NO_REVIEWS = "No film has been reviewed yet."


def score_text(aspect: str, score: float, grade: str | None) -> str:
    if aspect == "film":
        return film_score(score)
    if aspect == BLURAY:  # `3.3/5 (picture GOOD, audio POOR, extras OK)`
        mean = f"{score:.1f}".rstrip("0").rstrip(".")
        return f"{mean}/{len(Grade)} ({grade})" if grade else f"{mean}/{len(Grade)}"
    return grade or "?"


def fallback_note(whose: str | None = None) -> str:
    reviews = f"review of {whose}'s films" if whose else "review"
    return (
        f"No {reviews} gives a film rating yet, so this ranks by the Blu-ray ratings "
        "(the average of the picture, audio and extras grades)."
    )


async def ranking_or_fallback(
    session: AsyncSession,
    aspect: str = "film",
    *,
    worst: bool = False,
    limit: int | None = None,
    person_id: int | None = None,
    whose: str | None = None,
) -> tuple[Ranking, str | None]:
    """The ranking by `aspect`; for the film rating, when films are reviewed but none of
    them has a film rating, the ranking by the Blu-ray ratings instead (aspect "bluray") and a
    sentence saying so (else None). `whose`: the person's name, for that sentence.

    `!top`, `!worst` and the "best film" questions share it, so they fall back alike."""
    result = await ranking(session, aspect, worst=worst, limit=limit, person_id=person_id)
    if aspect != "film" or result.films or not result.reviewed:
        return result, None
    fallback = await bluray_ranking(session, worst=worst, limit=limit, person_id=person_id)
    if not fallback.films:
        return result, None  # no Blu-ray grade either: nothing to rank by
    return fallback, fallback_note(whose)


@dataclass(frozen=True, slots=True)
class RankingArgs:
    aspect: str = "film"
    count: int = DEFAULT_COUNT


def parse_ranking_args(text: str, default_count: int = DEFAULT_COUNT) -> RankingArgs | str:
    """`audio 5`, `5 audio`, `picture`, `` -> the aspect and how many; a str is a complaint."""
    aspect, count = "film", default_count
    for word in text.casefold().replace(",", " ").split():
        if word.isdigit():
            number = int(word)
            if not 1 <= number <= MAX_COUNT:
                return f"I can list 1 to {MAX_COUNT} films at a time."
            count = number
        elif word in ASPECT_WORDS:
            aspect = ASPECT_WORDS[word]
        elif word not in FILLER:
            return f"I don't know how to rank by “{echo(word, 30)}”."
    return RankingArgs(aspect, count)


def usage(ctx: AnswerContext, command: str) -> tuple[str, ...]:
    return (
        f"`{ctx.prefix}{command}` — by the film rating",
        f"`{ctx.prefix}{command} picture`, `{ctx.prefix}{command} audio`, "
        f"`{ctx.prefix}{command} extras` — by the Blu-ray's ratings",
        f"`{ctx.prefix}{command} audio 5` — only the first 5 (1 to {MAX_COUNT})",
    )


def ranked_lines(result: Ranking) -> list[str]:
    """`1. **Con Air** (1997) — 8/10`; ties share a place."""
    lines: list[str] = []
    place, previous = 0, None
    for i, film in enumerate(result.films, start=1):
        if film.score != previous:
            place, previous = i, film.score
        shown = score_text(result.aspect, film.score, film.grade)
        grade = Grade.stored(film.grade) if result.aspect != "film" else None
        bar = f"{grade.bar} " if grade else ""
        year = f" ({film.year})" if film.year else ""
        lines.append(f"{place}. **{film.title}**{year} — {bar}{shown}")
    return lines


def left_out_text(result: Ranking) -> str | None:
    if not result.left_out:
        return None
    name = ASPECT_NAMES[result.aspect]
    verb = "has" if result.left_out == 1 else "have"
    films = plural(result.left_out, "reviewed film")
    return f"{films} {verb} no {name} and {'is' if result.left_out == 1 else 'are'} left out."


async def _ranking_answer(ctx: AnswerContext, request: Request, *, worst: bool) -> Answer:
    command = "worst" if worst else "top"
    args = parse_ranking_args(request.text)
    if isinstance(args, str):
        return Notice(args + " Try:", Tone.WARNING, hints=usage(ctx, command))
    result, note = await ranking_or_fallback(
        ctx.session, args.aspect, worst=worst, limit=args.count
    )
    name = ASPECT_NAMES[result.aspect]
    title = f"{'Worst' if worst else 'Top'} {args.count} by {name}"
    order = "lowest first" if worst else "highest first"
    intro = f"Reviewed films ranked by the review's {name}, {order}."
    if note:
        intro = f"{note} {order.capitalize()}."
    if left_out := left_out_text(result):
        intro += f" {left_out}"
    empty = (
        f"No reviewed film has a {ASPECT_NAMES[args.aspect]} yet."
        if result.reviewed
        else NO_REVIEWS
    )
    return ItemList(
        title=title,
        items=tuple(ranked_lines(result)),
        intro=intro,
        empty_text=empty,
        page_size=MAX_COUNT,
    )


async def top_answer(ctx: AnswerContext, request: Request) -> Answer:
    return await _ranking_answer(ctx, request, worst=False)


async def worst_answer(ctx: AnswerContext, request: Request) -> Answer:
    return await _ranking_answer(ctx, request, worst=True)


async def random_answer(ctx: AnswerContext, request: Request) -> Answer:
    """A reviewed film picked at random: its rating card."""
    ids = await reviewed_film_ids(ctx.session)
    if not ids:
        return Notice(NO_REVIEWS, Tone.INFO)
    film = await ctx.reads.film(random.choice(ids))
    review = film.review if film is not None else None
    if film is None or review is None:
        return Notice("That review is no longer in the database: try again.", Tone.ERROR)
    return review_card(film, review, ctx.affiliate_tag, ctx.site_url)


async def latest_answer(ctx: AnswerContext, request: Request) -> Answer:
    words = request.text.split()
    count = LATEST_COUNT
    if words:
        if len(words) > 1 or not words[0].isdigit() or not 1 <= int(words[0]) <= MAX_COUNT:
            return Notice(
                f"Say how many, from 1 to {MAX_COUNT}: `{ctx.prefix}latest 10`.", Tone.WARNING
            )
        count = int(words[0])
    rows = await latest_reviews(ctx.session, count)
    items = []
    for row in rows:
        when = human_date(row.published) or "date not given"
        verdict = f" · {clip(row.verdict, 120)}" if row.verdict else ""
        items.append(f"**{film_label(row.title, row.year)}** — {when}{verdict}")
    return ItemList(
        title="Latest reviews",
        items=tuple(items),
        intro="Newest first (by the review's publication date).",
        empty_text=NO_REVIEWS,
        page_size=MAX_COUNT,
    )


def _counts(pairs: list[tuple[str, int]]) -> str:
    return " · ".join(f"{label}: {count}" for label, count in pairs if count) or "none"


async def stats_answer(ctx: AnswerContext, request: Request) -> Answer:
    stats = await review_stats(ctx.session)
    fields = [
        Field(
            "Reviews",
            f"{plural(stats.reviewed, 'film')} reviewed of {stats.films} in the database",
            inline=False,
        )
    ]
    if stats.reviewed:
        scores = sorted(stats.film_scores.items(), key=lambda item: -item[0])
        film_pairs = [(film_score(score), n) for score, n in scores]
        film_pairs.append(("not rated", stats.unrated["film"]))
        fields.append(Field("Film rating", clip(_counts(film_pairs), 1024)))
        for aspect in ASPECTS[1:]:
            grades = stats.ratings.get(aspect, Counter[str]())
            pairs = [(grade.value, grades.get(grade.value, 0)) for grade in reversed(Grade)]
            pairs.append(("not rated", stats.unrated[aspect]))
            fields.append(Field(ASPECT_TITLES[aspect], _counts(pairs), inline=True))
        genres = sorted(stats.genres.items(), key=lambda item: (-item[1], item[0]))
        fields.append(Field("Genres (reviewed films)", clip(_counts(genres), 1024)))
        years = sorted(stats.per_year.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))
        year_pairs = [(str(year) if year else "date not given", n) for year, n in years]
        fields.append(Field("Reviews per year", clip(_counts(year_pairs), 1024)))
    return Card(
        title="Review stats",
        description=None if stats.reviewed else NO_REVIEWS,
        fields=tuple(fields),
        tone=Tone.INFO,
    )


def best_of(result: Ranking) -> list[RankedFilm]:
    """The films sharing the first place."""
    if not result.films:
        return []
    top = result.films[0].score
    return [film for film in result.films if film.score == top]


__all__ = [
    "RankingArgs",
    "best_of",
    "fallback_note",
    "latest_answer",
    "left_out_text",
    "parse_ranking_args",
    "random_answer",
    "ranking_or_fallback",
    "score_text",
    "stats_answer",
    "top_answer",
    "worst_answer",
]
