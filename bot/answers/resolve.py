"""Turn what a member typed into one film or one person, or into an answer that asks back."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.context import AnswerContext
from bot.answers.text import echo, emphasised, film_label, human_list
from bot.answers.types import Answer, Card, Choice, Choices, ItemList, Notice, Request, Tone
from bot.db.models import Film, Person
from bot.db.queries import film_details, person_with_credits
from bot.search import FilmMatch, MatchStatus

MAX_QUERY = 200
_MARKDOWN = re.compile(r"([*_`~|\\])")


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


def film_options(match: FilmMatch, request: Request) -> tuple[Choice, ...]:
    """The candidates as choices that answer `request` about that film."""
    return tuple(
        Choice(film_label(c.doc.title, c.doc.year, 100), replace(request, film_id=c.doc.id))
        for c in match.candidates[:5]
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


async def resolve_film(ctx: AnswerContext, request: Request, example: str) -> Film | Answer:
    if request.film_id is not None:
        film = await film_details(ctx.session, request.film_id)
        return film or Notice("That film is no longer in the database.", Tone.ERROR)
    if not request.text:
        return Notice(f"Which film? For example: `{ctx.prefix}{example}`", Tone.WARNING)
    if (notice := _too_long(request.text)) is not None:
        return notice
    match = ctx.index.find_film(request.text)
    reread = False
    if match.status is not MatchStatus.FOUND:
        for text in typed_otherwise(request.text):  # "con air 97", "llv pls"
            again = ctx.index.find_film(text)
            if again.status is MatchStatus.FOUND:
                match, reread = again, True
                break
    if match.status is MatchStatus.FOUND and match.best is not None:
        film = await film_details(ctx.session, match.best.id)
        if film is not None:
            if match.loose or reread:
                ctx.understood = understood_line(film_label(film.title, film.year))
            return film
    asked = echo(request.text)
    if match.status in (MatchStatus.AMBIGUOUS, MatchStatus.YEAR_MISMATCH):
        return film_choices(match, request, asked)
    if match.status is MatchStatus.EMPTY:
        return Notice(f"Which film? For example: `{ctx.prefix}{example}`", Tone.WARNING)
    return film_not_found(ctx, match, request, asked)


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


async def resolve_person(ctx: AnswerContext, request: Request, example: str) -> Person | Answer:
    if request.person_id is not None:
        person = await person_with_credits(ctx.session, request.person_id)
        return person or Notice("That person is no longer in the database.", Tone.ERROR)
    if not request.text:
        return Notice(f"Who? For example: `{ctx.prefix}{example}`", Tone.WARNING)
    if (notice := _too_long(request.text)) is not None:
        return notice
    match = ctx.index.find_person(request.text)
    if match.status is MatchStatus.FOUND and match.best is not None:
        person = await person_with_credits(ctx.session, match.best.id)
        if person is not None:
            if match.loose:
                ctx.understood = understood_line(person.name)
            return person
    options = tuple(
        Choice(c.doc.name, replace(request, person_id=c.doc.id)) for c in match.candidates[:5]
    )
    asked = echo(request.text)
    if match.status is MatchStatus.AMBIGUOUS and len(options) == 1:
        return Choices(f"I couldn't find “{asked}”. Did you mean:", options)
    if match.status is MatchStatus.AMBIGUOUS:
        return Choices(f"Several people match “{asked}”. Did you mean:", options)
    if match.status is MatchStatus.EMPTY:
        return Notice(f"Who? For example: `{ctx.prefix}{example}`", Tone.WARNING)
    if options:
        return Choices(f"I couldn't find anyone called “{asked}”. The nearest are:", options)
    return Notice(f"I couldn't find anyone called “{asked}”.", Tone.WARNING)
