"""Turn what a member typed into one film or one person, or into an answer that asks back.

Every look-up of a film or a person goes through here: the commands (`resolve_film`,
`resolve_person` with the text typed after the command), the questions (the same functions
given what the question parser found, `named=`), `!progress` and the buttons that carry an
id (`film_by_id`, `person_by_id`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol, TypeVar

from bot.answers.context import AnswerContext
from bot.answers.text import echo, emphasised, film_label, human_list
from bot.answers.types import Answer, Card, Choice, Choices, ItemList, Notice, Request, Tone
from bot.db.documents import FilmDocument, PersonDocument
from bot.search import FilmMatch, MatchStatus, PersonMatch, normalize_name

MAX_QUERY = 200
#: How many candidates a "did you mean" offers.
MAX_CHOICES = 5

M_co = TypeVar("M_co", covariant=True)


class Named(Protocol[M_co]):
    """Words that name a film or a person and what the index made of them (the question
    parser's `FilmFind` / `PersonFind` are such)."""

    @property
    def text(self) -> str: ...

    @property
    def match(self) -> M_co: ...


def gone(what: str) -> Notice:
    """A film or person asked for by id (a button, a choice) that was removed since."""
    return Notice(f"That {what} is no longer in the database.", Tone.ERROR)


def understood_line(label: str) -> str:
    """The one line said above an answer given for a loose match."""
    return f"Showing {emphasised(label)}"


def with_note(answer: Answer, note: str | None) -> Answer:
    """`answer` with `note` shown above it (cards and lists; other answers unchanged)."""
    if note and isinstance(answer, Card | ItemList) and answer.note is None:
        return replace(answer, note=note)
    return answer


def with_understood(ctx: AnswerContext, answer: Answer) -> Answer:
    """`answer` saying in one line what was understood when the film or person it is about
    was found loosely ("massive talent" -> "Showing *The Unbearable Weight of Massive
    Talent (2022)*"). `answer_request` calls it on every command's answer."""
    return with_note(answer, ctx.understood)


def _too_long(text: str) -> Notice | None:
    if len(text) > MAX_QUERY:
        return Notice(
            f"That's too long to be a name: keep it under {MAX_QUERY} characters.", Tone.ERROR
        )
    return None


# -- films -------------------------------------------------------------------------------------


def film_options(match: FilmMatch, request: Request) -> tuple[Choice, ...]:
    """The candidates as choices that answer `request` about that film."""
    return tuple(
        Choice(film_label(c.doc.title, c.doc.year, 100), replace(request, film_id=c.doc.id))
        for c in match.candidates[:MAX_CHOICES]
    )


def film_choices(match: FilmMatch, request: Request, asked: str) -> Choices:
    """ "Did you mean" for an ambiguous match, or for a year that matches none of the films."""
    options = film_options(match, request)
    if match.status is MatchStatus.YEAR_MISMATCH:
        years = human_list([str(c.doc.year) for c in match.candidates if c.doc.year], "or")
        prompt = f"No film from {match.year} matches “{asked}”."
        if years:
            prompt += f" There is one from {years}:"
        return Choices(prompt, options)
    if len(options) == 1:  # "superbad" when only Superdad is in the catalogue
        return Choices(f"I couldn't find “{asked}”. Did you mean:", options)
    return Choices(f"Several films match “{asked}”. Did you mean:", options)


def film_not_found(
    ctx: AnswerContext, match: FilmMatch, request: Request, asked: str, min_score: float = 0.0
) -> Answer:
    """Nothing matched: the nearest titles scoring at least `min_score` as choices, or a hint."""
    options = tuple(
        option
        for option, candidate in zip(film_options(match, request), match.candidates, strict=False)
        if candidate.score >= min_score
    )
    if options:
        return Choices(f"I couldn't find a film called “{asked}”. The nearest are:", options)
    return Notice(
        f"I couldn't find a film called “{asked}”. "
        f"Try `{ctx.prefix}search` with part of the title.",
        Tone.WARNING,
    )


_POLITE = re.compile(
    r"(?:\s+(?:pls|plz|please|thanks|thank you|thx|ty|lol|lmao|mate|\?+))+\s*$", re.I
)
_SHORT_YEAR = re.compile(r"^(.*\S)\s+[(']?(\d{2})\)?$")


def typed_otherwise(text: str) -> list[str]:
    """Other readings of a title as members type it: without the "pls" at the end, with a
    two-digit year ("con air 97", "leaving las vegas '95", "face/off (97)")."""
    readings: list[str] = []
    bare = _POLITE.sub("", text).strip()
    if bare and bare != text.strip():
        readings.append(bare)
    if match := _SHORT_YEAR.match(bare or text):
        two = int(match.group(2))
        readings.append(f"{match.group(1)} ({1900 + two if two >= 30 else 2000 + two})")
    return readings


def _typed_film(ctx: AnswerContext, text: str) -> tuple[FilmMatch, bool]:
    """The index's match for a title as typed, and whether it was found only when read
    otherwise ("con air 97", "llv pls")."""
    match = ctx.index.find_film(text)
    if match.status is not MatchStatus.FOUND:
        for reading in typed_otherwise(text):
            again = ctx.index.find_film(reading)
            if again.status is MatchStatus.FOUND:
                return again, True
    return match, False


async def film_by_id(ctx: AnswerContext, film_id: int) -> FilmDocument | Notice:
    """The film a button or a choice names, with its credits and reviews."""
    return await ctx.reads.film(film_id) or gone("film")


async def _narrowed(
    ctx: AnswerContext, match: FilmMatch, narrow: Callable[[FilmDocument], bool]
) -> FilmDocument | None:
    """The one candidate of an ambiguous match that `narrow` keeps, if only one is kept."""
    if match.status is not MatchStatus.AMBIGUOUS:
        return None
    films = await ctx.reads.films([c.doc.id for c in match.candidates[:MAX_CHOICES]])
    fitting = [f for f in films if narrow(f)]
    return fitting[0] if len(fitting) == 1 else None


async def resolve_film(
    ctx: AnswerContext,
    request: Request,
    example: str = "",
    *,
    named: Named[FilmMatch] | None = None,
    narrow: Callable[[FilmDocument], bool] | None = None,
    announce: bool = True,
) -> FilmDocument | Answer:
    """The film `request` is about, or an answer that asks back.

    By `request.film_id` when set (a button's), else by what a question named (`named`), else
    by the request's text (`example`: the command shown when no film is named). `narrow` picks
    the one film of an ambiguous match that fits the question (`who plays sergeant howie in
    the wicker man`). A film found loosely is said above the answer (`ctx.understood`) unless
    `announce` is False."""
    if request.film_id is not None:
        return await film_by_id(ctx, request.film_id)
    reread = False
    if named is None:
        if (notice := _too_long(request.text)) is not None:
            return notice
        match, reread = _typed_film(ctx, request.text)
        asked = request.text
    else:
        match, asked = named.match, named.text
    if match.status is MatchStatus.FOUND and match.best is not None:
        film = await film_by_id(ctx, match.best.id)
        if isinstance(film, FilmDocument) and announce and (match.loose or reread):
            ctx.understood = understood_line(film_label(film.title, film.year))
        return film
    fitting = await _narrowed(ctx, match, narrow) if narrow is not None else None
    if fitting is not None:
        return fitting
    if match.status in (MatchStatus.AMBIGUOUS, MatchStatus.YEAR_MISMATCH):
        return film_choices(match, request, echo(asked))
    if match.status is MatchStatus.EMPTY:
        return Notice(f"Which film? For example: `{ctx.prefix}{example}`", Tone.WARNING)
    return film_not_found(ctx, match, request, echo(asked))


# -- people ------------------------------------------------------------------------------------


def person_options(
    match: PersonMatch, request: Request, min_score: float = 0.0
) -> tuple[Choice, ...]:
    """The candidates scoring at least `min_score` as choices that answer `request` about them."""
    return tuple(
        Choice(c.doc.name, replace(request, person_id=c.doc.id))
        for c in match.candidates[:MAX_CHOICES]
        if c.score >= min_score
    )


def person_choices(
    match: PersonMatch, request: Request, asked: str, prompt: str | None = None
) -> Choices:
    """ "Did you mean" for an ambiguous name; `prompt` (with `{asked}`) instead of the
    commands' wording."""
    options = person_options(match, request)
    if prompt is None:
        prompt = (
            "I couldn't find “{asked}”. Did you mean:"
            if len(options) == 1
            else "Several people match “{asked}”. Did you mean:"
        )
    return Choices(prompt.format(asked=asked), options)


def person_not_found(
    match: PersonMatch, request: Request, asked: str, min_score: float = 0.0
) -> Answer:
    """Nobody matched: the nearest names scoring at least `min_score` as choices, or a notice."""
    options = person_options(match, request, min_score)
    if options:
        return Choices(f"I couldn't find anyone called “{asked}”. The nearest are:", options)
    return Notice(f"I couldn't find anyone called “{asked}”.", Tone.WARNING)


async def person_by_id(ctx: AnswerContext, person_id: int) -> PersonDocument | Notice:
    """The person a button or a choice names, with their credits."""
    return await ctx.reads.person(person_id) or gone("person")


def person_named(ctx: AnswerContext, name: str) -> int | None:
    """The id of the person whose name or alias is exactly `name` (any case and accents), as
    a setting names them (POPCORN_PROJECT_PERSON); None when nobody is called that."""
    wanted = normalize_name(name)
    match = ctx.index.find_person(name)
    docs = [match.best] if match.status is MatchStatus.FOUND and match.best else []
    docs += [c.doc for c in match.candidates]
    return next(
        (d.id for d in docs if wanted in {normalize_name(n) for n in (d.name, *d.aliases)}),
        None,
    )


async def resolve_person(
    ctx: AnswerContext,
    request: Request,
    example: str = "",
    *,
    named: Named[PersonMatch] | None = None,
    pick: str | None = None,
    announce: bool = True,
) -> PersonDocument | Answer:
    """The person `request` is about, or an answer that asks back.

    By `request.person_id` when set, else by what a question named (`named`), else by the
    request's text (`example`: the command shown when no one is named). `pick`: the prompt
    over several people (with `{asked}`) instead of the commands'. A person found loosely is
    said above the answer unless `announce` is False."""
    if request.person_id is not None:
        return await person_by_id(ctx, request.person_id)
    if named is None:
        if (notice := _too_long(request.text)) is not None:
            return notice
        match, asked = ctx.index.find_person(request.text), request.text
    else:
        match, asked = named.match, named.text
    while match.status is MatchStatus.FOUND and match.best is not None:
        person = await person_by_id(ctx, match.best.id)
        if isinstance(person, PersonDocument) and person.credits:
            if announce and match.loose:
                ctx.understood = understood_line(person.name)
            return person
        # Gone, or no credit left, yet in the index: a change this process never heard of
        # (on SQLite, another process's: no change feed tells it). The card read says so at
        # no extra statement; forgotten, the look-up is made again. Every change made here,
        # or told by the feed on PostgreSQL, drops its orphans at once (Popcorn.refresh_film).
        ctx.index.remove_person(match.best.id)
        match = ctx.index.find_person(asked)
    if match.status is MatchStatus.AMBIGUOUS:
        return person_choices(match, request, echo(asked), pick)
    if match.status is MatchStatus.EMPTY:
        return Notice(f"Who? For example: `{ctx.prefix}{example}`", Tone.WARNING)
    return person_not_found(match, request, echo(asked))
