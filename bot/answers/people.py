"""Answers about a person: the filmography, also reached as `!<name>` (`!cage`), with filters
(`!cage reviewed`, `!cage unreviewed`, `!cage 90s`, `!cage 1997`), and their newest or
earliest film."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from bot.answers.context import AnswerContext
from bot.answers.resolve import resolve_person
from bot.answers.text import clip, echo, film_label, human_list, plural
from bot.answers.types import Answer, Card, Choice, Choices, ItemList, Notice, Request, Tone
from bot.db.documents import (
    FilmDocument,
    FilmSummary,
    PersonCredit,
    PersonDocument,
    ReviewDoc,
    Role,
)
from bot.records.ratings import ASPECTS, film_score
from bot.search import MatchStatus

ROLE_LABELS = {
    Role.DIRECTOR: "director",
    Role.WRITER: "writer",
    Role.CINEMATOGRAPHER: "cinematographer",
    Role.COMPOSER: "composer",
}
FIRST_FILM_YEAR = 1880  # nothing in a film database is older
FUTURE_YEARS = 10  # announced films can carry a year a little ahead
Status = Literal["reviewed", "unreviewed"]


# --- filters: `reviewed`, `unreviewed`, `1990s`, `90s`, `1997` ---------------------------------


@dataclass(frozen=True, slots=True)
class FilmFilter:
    """Which of a person's films to list: by review status, by a year or a decade."""

    status: Status | None = None
    first_year: int | None = None
    last_year: int | None = None
    period: str | None = None  # "1997", "the 1990s"

    @property
    def active(self) -> bool:
        return self.status is not None or self.first_year is not None

    def keeps(self, film: FilmSummary | FilmDocument, reviewed: bool) -> bool:
        if self.status == "reviewed" and not reviewed:
            return False
        if self.status == "unreviewed" and reviewed:
            return False
        if self.first_year is not None and self.last_year is not None:
            return film.year is not None and self.first_year <= film.year <= self.last_year
        return True

    def describe(self, name: str) -> str:
        """`reviewed Nicolas Cage films from the 1990s`."""
        status = {"reviewed": "reviewed ", "unreviewed": "unreviewed "}.get(self.status or "", "")
        period = f" from {self.period}" if self.period else ""
        return f"{status}{name} films{period}"


@dataclass(frozen=True, slots=True)
class FilmographyText:
    """What follows `!filmography` or `!<name>`: the name, the filter, a complaint if any."""

    name: str
    filter: FilmFilter
    problem: str | None = None


_STATUS_WORDS: dict[tuple[str, ...], Status] = {
    ("reviewed",): "reviewed",
    ("unreviewed",): "unreviewed",
    ("not-reviewed",): "unreviewed",
    ("not", "reviewed"): "unreviewed",
    ("not", "yet", "reviewed"): "unreviewed",
}
_YEAR = re.compile(r"^\(?(\d{4})\)?$")
_DECADE = re.compile(r"^\(?(\d{3}0)'?s\)?$")
_SHORT_DECADE = re.compile(r"^'?(\d)0'?s$")
_PERIOD_FILLER = frozenset({"from", "in", "the", "of"})


def _max_year() -> int:
    return dt.date.today().year + FUTURE_YEARS


def _period(word: str) -> tuple[int, int, str] | str | None:
    """(first year, last year, how to say it), a complaint for an impossible one, or None."""
    if match := _YEAR.match(word):
        first = last = int(match.group(1))
        label = str(first)
    elif match := _DECADE.match(word):
        first = int(match.group(1))
        last, label = first + 9, f"the {first}s"
    elif match := _SHORT_DECADE.match(word):
        first = 2000 + int(match.group(1)) * 10
        if first > dt.date.today().year:
            first -= 100  # `90s` is the 1990s, `20s` the 2020s
        last, label = first + 9, f"the {first}s"
    else:
        return None
    if last < FIRST_FILM_YEAR or first > _max_year():
        return (
            f"There are no films from {label}: try a year from {FIRST_FILM_YEAR} to "
            f"{_max_year()}, or a decade such as `1990s` or `90s`."
        )
    return first, last, label


def period_of(word: str) -> tuple[int, int, str] | str | None:
    """A year or a decade a member typed (`1997`, `1990s`, `90s`): (first year, last year, how
    to say it), a short complaint for an impossible one, or None for any other word."""
    return _period(word.casefold())


def parse_filmography_text(text: str, *, person_known: bool = False) -> FilmographyText:
    """`nicolas cage reviewed 90s` -> ("nicolas cage", reviewed, the 1990s).

    Filter words are only taken off when a name is left (or the person is already known,
    from a did-you-mean choice or autocomplete): `!1997` alone stays a name to look up."""
    words = text.split()
    folded = [w.casefold() for w in words]
    used = [False] * len(words)
    status: Status | None = None
    period: tuple[int, int, str] | None = None
    problem: str | None = None
    i = 0
    while i < len(words):
        for phrase, value in _STATUS_WORDS.items():
            if tuple(folded[i : i + len(phrase)]) == phrase:
                status = value
                used[i : i + len(phrase)] = [True] * len(phrase)
                i += len(phrase)
                break
        else:
            found = _period(folded[i])
            if found is not None:
                used[i] = True
                if isinstance(found, str):
                    problem = found
                else:
                    period = found
                j = i - 1  # `from the 90s`: the little words before it go too
                while j >= 0 and not used[j] and folded[j] in _PERIOD_FILLER:
                    used[j] = True
                    j -= 1
            i += 1
    name = " ".join(w for w, u in zip(words, used, strict=True) if not u)
    if not any(used) or (not name and not person_known):
        return FilmographyText(text.strip(), FilmFilter())
    first, last, label = period if period else (None, None, None)
    return FilmographyText(name, FilmFilter(status, first, last, label), problem)


# --- the filmography ---------------------------------------------------------------------------


def review_summary(review: ReviewDoc) -> str:
    """`8/10 · verdict`, or the Blu-ray grades when the review gives no film rating."""
    ratings = {r.aspect: r for r in review.ratings}
    film = ratings.get("film")
    if film is not None:
        score = film_score(film.score)
    else:
        grades = [f"{a} {ratings[a].grade}" for a in ASPECTS[1:] if a in ratings]
        score = ", ".join(grades)
    parts = [p for p in (score, clip(review.verdict or "", 90)) if p]
    return " · ".join(parts) or "reviewed"


def _credits_by_film(person: PersonDocument) -> dict[int, list[PersonCredit]]:
    by_film: dict[int, list[PersonCredit]] = {}
    for credit in person.credits:
        by_film.setdefault(credit.film.id, []).append(credit)
    return by_film


def _roles(credits: list[PersonCredit]) -> str:
    roles = []
    for credit in credits:
        if credit.role == Role.ACTOR:
            roles.append(f"as {credit.character}" if credit.character else "actor")
        else:
            roles.append(ROLE_LABELS.get(Role(credit.role), credit.role))
    return ", ".join(dict.fromkeys(roles))


def _counts(total: int, reviewed: int) -> str:
    """`102 films in the database: 1 reviewed, 101 not yet.`"""
    if total == 0:
        return "No films in the database yet."
    return (
        f"{plural(total, 'film')} in the database: {reviewed} reviewed, {total - reviewed} not yet."
    )


def filmography_list(person: PersonDocument, film_filter: FilmFilter | None = None) -> Answer:
    """Reviewed films first (with their rating and verdict), then the rest, each by year.

    With a filter that keeps nothing, a Notice saying so plainly."""
    film_filter = film_filter or FilmFilter()
    reviewed_rows: list[tuple[int, str, str]] = []
    other_rows: list[tuple[int, str, str]] = []
    total = reviewed = 0
    for credits in _credits_by_film(person).values():
        film = credits[0].film
        review = film.review
        total += 1
        reviewed += review is not None
        if not film_filter.keeps(film, review is not None):
            continue
        year = f" ({film.year})" if film.year else ""
        head = f"**{film.title}**{year} — {_roles(credits)}"
        key = (film.year or 9999, film.title.casefold())
        if review is not None:
            reviewed_rows.append((*key, f"{head} · ⭐ {review_summary(review)}"))
        else:
            other_rows.append((*key, f"{head} · not reviewed yet"))
    if film_filter.active and not reviewed_rows and not other_rows and total:
        return Notice(f"No {film_filter.describe(person.name)} in the database.", Tone.INFO)
    rows = sorted(reviewed_rows) + sorted(other_rows)
    title = f"{person.name}: filmography"
    intro = _counts(total, reviewed)
    if film_filter.active:
        title = f"{person.name}: filmography, {_filter_title(film_filter)}"
        intro = _filtered_intro(film_filter, len(reviewed_rows), len(other_rows), total)
    if reviewed_rows and other_rows:
        intro += " Reviewed films first."
    return ItemList(
        title=title,
        items=tuple(line for *_, line in rows),
        intro=intro,
        empty_text="No films in the database yet.",
    )


def _filtered_intro(film_filter: FilmFilter, reviewed: int, unreviewed: int, total: int) -> str:
    """`1 of 102 films in the database is reviewed.`, `18 films from the 1990s in the
    database: 1 reviewed, 17 not yet.`"""
    shown = reviewed + unreviewed
    if film_filter.period is None:
        verb = "is" if shown == 1 else "are"
        state = "reviewed" if film_filter.status == "reviewed" else "not reviewed yet"
        return f"{shown} of {plural(total, 'film')} in the database {verb} {state}."
    what = f"{plural(shown, 'film')} from {film_filter.period}"
    if film_filter.status is None:
        return f"{what} in the database: {reviewed} reviewed, {unreviewed} not yet."
    state = "reviewed" if film_filter.status == "reviewed" else "not reviewed yet"
    return f"{what} {state} (of {plural(total, 'film')} in the database)."


def _filter_title(film_filter: FilmFilter) -> str:
    parts = []
    if film_filter.status == "reviewed":
        parts.append("reviewed")
    elif film_filter.status == "unreviewed":
        parts.append("not reviewed yet")
    if film_filter.period:
        parts.append(film_filter.period)
    return ", ".join(parts)


def loose_person_name(ctx: AnswerContext, name: str) -> str:
    """`nick cage` -> `cage` when the full name finds no one but the surname finds one person
    whose first name starts like the typed one (Nick, Nic -> Nicolas). Else `name` as typed."""
    words = name.split()
    if len(words) < 2 or ctx.index.find_person(name).status is not MatchStatus.NOT_FOUND:
        return name
    match = ctx.index.find_person(words[-1])
    if match.status is not MatchStatus.FOUND or match.best is None:
        return name
    first = match.best.name.split()[0].casefold()
    typed = words[0].casefold()
    return words[-1] if len(typed) >= 3 and first[:3] == typed[:3] else name


async def _filmography(
    ctx: AnswerContext, request: Request, parsed: FilmographyText, example: str
) -> Answer:
    name = loose_person_name(ctx, parsed.name)
    person = await resolve_person(ctx, replace(request, text=name), example)
    if isinstance(person, Choices):
        # A pick must keep the filter: answer the member's whole text for that person.
        return replace(
            person,
            choices=tuple(
                replace(c, request=replace(c.request, text=request.text)) for c in person.choices
            ),
        )
    if not isinstance(person, PersonDocument):
        return person
    if parsed.problem is not None:
        return Notice(parsed.problem, Tone.WARNING)
    return filmography_list(person, parsed.filter)


async def filmography_answer(ctx: AnswerContext, request: Request) -> Answer:
    parsed = parse_filmography_text(request.text, person_known=request.person_id is not None)
    return await _filmography(ctx, request, parsed, "filmography nicolas cage")


async def unknown_command_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!cage`: a command name that is no command is tried as a person's name."""
    parsed = parse_filmography_text(request.text, person_known=request.person_id is not None)
    if request.person_id is None and parsed.name:
        match = ctx.index.find_person(loose_person_name(ctx, parsed.name))
        if match.status is MatchStatus.NOT_FOUND or match.status is MatchStatus.EMPTY:
            name = echo(request.invoked_as or request.text, 40)
            return Notice(
                f"I don't know the command `{ctx.prefix}{name}`. "
                f"Type `{ctx.prefix}help` for the list of commands.",
                Tone.WARNING,
            )
    return await _filmography(ctx, request, parsed, "filmography nicolas cage")


# --- newest / earliest film ----------------------------------------------------------------------


def _status_text(film: FilmSummary) -> str:
    review = film.review
    return f"reviewed: {review_summary(review)}" if review else "not reviewed yet"


def person_film_by_year(person: PersonDocument, *, newest: bool) -> Answer:
    """`The newest Nicolas Cage film in the database is Joe (2013), not reviewed yet.`

    Films without a year are left out and said to be; films sharing the year are all named.
    `person`: a PersonDocument (its credits' films carry their current review).
    """
    word = "newest" if newest else "earliest"
    films = list({c.film.id: c.film for c in person.credits}.values())
    dated = [f for f in films if f.year is not None]
    undated = len(films) - len(dated)
    filmography = Choice("Filmography", Request("filmography", person_id=person.id))
    title = f"{person.name}: {word} film"
    if not dated:
        text = (
            f"The database has no films for {person.name}."
            if not films
            else f"None of the {plural(len(films), f'{person.name} film')} in the database has "
            f"a year, so I can't tell which is the {word}."
        )
        return Card(title=title, description=text, tone=Tone.INFO, followups=(filmography,))
    year = max(f.year or 0 for f in dated) if newest else min(f.year or 0 for f in dated)
    picked = sorted((f for f in dated if f.year == year), key=lambda f: f.title.casefold())
    if len(picked) == 1:
        film = picked[0]
        text = (
            f"The {word} {person.name} film in the database is "
            f"{film_label(film.title, film.year)}, {_status_text(film)}."
        )
        followups: tuple[Choice, ...] = (
            Choice("Film card", Request("review", film_id=film.id)),
            filmography,
        )
    else:
        listed = human_list([f"{f.title} ({_status_text(f)})" for f in picked])
        text = (
            f"The {word} {person.name} films in the database are from {year}: "
            f"{plural(len(picked), 'film')}, {listed}."
        )
        followups = (filmography,)
    if undated:
        has, is_ = ("has", "is") if undated == 1 else ("have", "are")
        text += f" {plural(undated, 'film')} {has} no year and {is_} left out."
    return Card(title=title, description=text, tone=Tone.INFO, followups=followups)


__all__ = [
    "FilmFilter",
    "FilmographyText",
    "filmography_answer",
    "filmography_list",
    "parse_filmography_text",
    "person_film_by_year",
    "review_summary",
    "unknown_command_answer",
]
