"""Answers about a person: the filmography, also reached as `!<name>` (`!cage`)."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.films import verdict_or_rating
from bot.answers.resolve import resolve_person
from bot.answers.text import clip, echo, plural
from bot.answers.types import Answer, ItemList, Notice, Request, Tone
from bot.db.exporter import current_review
from bot.db.models import Credit, Person, Role
from bot.search import MatchStatus

ROLE_LABELS = {
    Role.DIRECTOR: "director",
    Role.WRITER: "writer",
    Role.CINEMATOGRAPHER: "cinematographer",
    Role.COMPOSER: "composer",
}


def filmography_list(person: Person) -> ItemList:
    by_film: dict[int, list[Credit]] = {}
    for credit in person.credits:
        by_film.setdefault(credit.film_id, []).append(credit)
    rows = []
    reviewed = 0
    for credits in by_film.values():
        film = credits[0].film
        roles = []
        for credit in credits:
            if credit.role == Role.ACTOR:
                roles.append(f"as {credit.character}" if credit.character else "actor")
            else:
                roles.append(ROLE_LABELS.get(Role(credit.role), credit.role))
        review = current_review(film)
        status = f"⭐ {clip(verdict_or_rating(review), 90)}" if review else "not reviewed yet"
        reviewed += review is not None
        year = f" ({film.year})" if film.year else ""
        line = f"**{film.title}**{year} — {', '.join(roles)} · {status}"
        rows.append((film.year or 9999, film.title.casefold(), line))
    rows.sort()
    return ItemList(
        title=f"{person.name}: filmography",
        items=tuple(line for *_, line in rows),
        intro=f"{plural(len(rows), 'film')} in the database, {reviewed} reviewed.",
        empty_text="No films in the database yet.",
    )


async def filmography_answer(ctx: AnswerContext, request: Request) -> Answer:
    person = await resolve_person(ctx, request, "filmography nicolas cage")
    if not isinstance(person, Person):
        return person
    return filmography_list(person)


async def unknown_command_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!cage`: a command name that is no command is tried as a person's name."""
    if request.person_id is None and request.text:
        match = ctx.index.find_person(request.text)
        if match.status is MatchStatus.NOT_FOUND or match.status is MatchStatus.EMPTY:
            name = echo(request.invoked_as or request.text, 40)
            return Notice(
                f"I don't know the command `{ctx.prefix}{name}`. "
                f"Type `{ctx.prefix}help` for the list of commands.",
                Tone.WARNING,
            )
    return await filmography_answer(ctx, request)
