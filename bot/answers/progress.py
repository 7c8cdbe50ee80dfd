"""`!progress`: how far the site has got through the films of the person it is working
through (POPCORN_PROJECT_PERSON, Nicolas Cage by default), and the honest answer to "when is
the next review?" (the bot doesn't know the site's plans: it shows what is left)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.answers.context import AnswerContext
from bot.answers.people import loose_person_name
from bot.answers.resolve import person_named, resolve_person
from bot.answers.text import echo, film_label, human_date, plural
from bot.answers.types import Answer, Card, Choice, Field, Notice, Request, Tone
from bot.db.documents import FilmSummary, PersonDocument, ReviewDoc
from bot.records.ratings import BAR_EMPTY, BAR_FULL

BAR_CELLS = 10
NEXT_UNKNOWN = (
    "I don't know which film the site will review next, or when: the reviewers don't tell me "
    "their plans."
)


def project_person(ctx: AnswerContext) -> str:
    """The name `!progress` is about: the POPCORN_PROJECT_PERSON setting (the app passes it)."""
    return ctx.project_person


def progress_bar(done: int, total: int) -> str:
    """`▱▱▱▱▱▱▱▱▱▱ 1%`: never 0% once one is done, never 100% before the last one."""
    if total <= 0:
        return BAR_EMPTY * BAR_CELLS + " 0%"
    share = done / total
    percent = int(share * 100 + 0.5)
    cells = int(share * BAR_CELLS)
    if 0 < done < total:
        percent = min(max(percent, 1), 99)
        cells = min(cells, BAR_CELLS - 1)
    return BAR_FULL * cells + BAR_EMPTY * (BAR_CELLS - cells) + f" {percent}%"


@dataclass(frozen=True, slots=True)
class Progress:
    person: PersonDocument
    total: int
    reviewed: int
    latest: tuple[FilmSummary, ReviewDoc] | None


def _latest_key(pair: tuple[FilmSummary, ReviewDoc]) -> tuple[bool, object, object, int]:
    """By the review's published date; undated reviews after dated ones, by when added."""
    review = pair[1]
    return (review.published is not None, review.published, review.created_at, review.id)


def person_progress(person: PersonDocument) -> Progress:
    """Counts from a person's document (its films carry their current review)."""
    films = {c.film.id: c.film for c in person.credits}
    reviewed = [(film, review) for film in films.values() if (review := film.review)]
    latest = max(reviewed, key=_latest_key) if reviewed else None
    return Progress(person, len(films), len(reviewed), latest)


def _when(review: ReviewDoc) -> str:
    if review.published is not None:
        return f"published {human_date(review.published)}"
    added = human_date(review.created_at.date()) if review.created_at else None
    return f"added {added} (no publication date given)" if added else "no date given"


async def _project_person(ctx: AnswerContext) -> PersonDocument | Answer:
    name = project_person(ctx)
    person_id = person_named(ctx, name)
    person = await ctx.reads.person(person_id) if person_id is not None else None
    return person or Notice(
        f"{echo(name, 80)} isn't in the database, so I can't say how far the reviews have got. "
        f"Try `{ctx.prefix}progress` with someone else's name, or `{ctx.prefix}stats`.",
        Tone.WARNING,
    )


async def _whose_progress(ctx: AnswerContext, request: Request) -> PersonDocument | Answer:
    """The person named after `!progress` or by `request.person_id`, else the project person."""
    if request.person_id is None and (request.command != "progress" or not request.text.strip()):
        return await _project_person(ctx)  # a question's text is no name
    text = loose_person_name(ctx, request.text.strip())
    return await resolve_person(ctx, replace(request, text=text), "progress nicolas cage")


def progress_card(progress: Progress, *, next_review: bool = False) -> Card:
    """The progress as a card; `next_review` answers "when is the next review?" honestly."""
    person = progress.person
    whose = f"{person.name} film"
    total, done = progress.total, progress.reviewed
    left = total - done
    if total == 0:
        counts = f"The database has no {person.name} films."
    elif total == 1:
        state = "is reviewed" if done else "isn't reviewed yet"
        counts = f"The one {whose} in the database {state}."
    elif done == 0:
        counts = f"None of the {plural(total, whose)} in the database is reviewed yet."
    elif left == 0:
        counts = f"All {plural(total, whose)} in the database are reviewed."
    else:
        counts = f"{done} of {plural(total, whose)} in the database reviewed so far, {left} to go."
    lines = [NEXT_UNKNOWN] if next_review else []
    lines.append(f"**{counts}**" if not next_review else counts)
    if total:
        lines.append(f"`{progress_bar(done, total)}`")
    if next_review and left:
        lines.append(f"The {plural(left, 'film')} not reviewed yet are in the list below.")
    fields = []
    followups = []
    if left:
        followups.append(
            Choice("Not reviewed yet", Request("filmography", "unreviewed", person_id=person.id))
        )
    if progress.latest is not None:
        film, review = progress.latest
        label = film_label(film.title, film.year)
        fields.append(Field("Latest review", f"{label} — {_when(review)}"))
        followups.append(Choice(f"Latest: {label}"[:80], Request("review", film_id=film.id)))
    if done:
        followups.append(
            Choice("Reviewed so far", Request("filmography", "reviewed", person_id=person.id))
        )
    title = "The next review" if next_review else f"{person.name}: review progress"
    return Card(
        title=title,
        description="\n".join(lines),
        fields=tuple(fields),
        tone=Tone.INFO,
        followups=tuple(followups),
    )


async def progress_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!progress` (the project person), `!progress elisabeth shue`, or a request carrying
    `person_id` (a question about someone's films)."""
    person = await _whose_progress(ctx, request)
    if not isinstance(person, PersonDocument):
        return person
    return progress_card(person_progress(person))


async def next_review_answer(ctx: AnswerContext, request: Request) -> Answer:
    """ "When is the next review?": the bot doesn't know the site's plans; it says so and
    shows what is left (of the project person, or of `request.person_id`)."""
    person = await _whose_progress(ctx, request)
    if not isinstance(person, PersonDocument):
        return person
    return progress_card(person_progress(person), next_review=True)


__all__ = [
    "Progress",
    "next_review_answer",
    "person_progress",
    "progress_answer",
    "progress_bar",
    "progress_card",
    "project_person",
]
