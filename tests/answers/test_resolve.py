"""The one resolver (bot/answers/resolve.py): by id, by a command's text, by what a question
named; gone, ambiguous, loose and not-found answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import pytest

from bot.answers.resolve import (
    gone,
    person_choices,
    person_named,
    person_not_found,
    resolve_film,
    resolve_person,
)
from bot.answers.types import Choices, Notice, Request, Tone
from bot.app import Popcorn
from bot.db.documents import FilmDocument, PersonDocument
from bot.search import Candidate, FilmDoc, FilmMatch, MatchStatus, PersonDoc, PersonMatch

M = TypeVar("M", FilmMatch, PersonMatch)


@dataclass(frozen=True, slots=True)
class Found(Generic[M]):
    """What a question parser hands the resolver: the words and the index's match."""

    text: str
    match: M


def _people_match(status: MatchStatus, *scores: float) -> PersonMatch:
    candidates = tuple(
        Candidate(PersonDoc(i, f"Person {i}"), score, f"Person {i}")
        for i, score in enumerate(scores, start=1)
    )
    return PersonMatch(status, "pers", None, candidates)


async def test_an_id_that_is_gone_says_so(qapp: Popcorn) -> None:
    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        film = await resolve_film(ctx, Request("review", film_id=999_999), "review x")
        person = await resolve_person(ctx, Request("filmography", person_id=999_999), "x")
    assert film == Notice("That film is no longer in the database.", Tone.ERROR) == gone("film")
    assert person == Notice("That person is no longer in the database.", Tone.ERROR)


async def test_a_title_in_the_index_but_not_in_the_database_is_gone(qapp: Popcorn) -> None:
    qapp.index.upsert_film(FilmDoc(999_003, "Zzyzx Road Movie", 2006))
    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        answer = await resolve_film(ctx, Request("review", "zzyzx road movie"), "review x")
    assert answer == gone("film")


async def test_an_ambiguous_title_asks_which_one(qapp: Popcorn) -> None:
    request = Request("review", "the wicker man")
    async with qapp.sessions() as session:
        answer = await resolve_film(qapp.context(session), request, "review x")
    assert isinstance(answer, Choices)
    assert answer.prompt == "Several films match “the wicker man”. Did you mean:"
    assert sorted(c.label for c in answer.choices) == [
        "The Wicker Man (1973)",
        "The Wicker Man (2006)",
    ]
    assert all(c.request.film_id is not None for c in answer.choices)
    assert {c.request.text for c in answer.choices} == {"the wicker man"}


async def test_a_question_narrows_an_ambiguous_title(qapp: Popcorn) -> None:
    named = Found("the wicker man", qapp.index.find_film("the wicker man"))
    assert named.match.status is MatchStatus.AMBIGUOUS

    def has_howie(film: FilmDocument) -> bool:
        return any(c.character == "Sergeant Howie" for c in film.credits)

    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        film = await resolve_film(ctx, Request("ask"), named=named, narrow=has_howie)
        neither = await resolve_film(ctx, Request("ask"), named=named, narrow=lambda f: False)
    assert isinstance(film, FilmDocument) and film.year == 1973
    assert isinstance(neither, Choices) and len(neither.choices) == 2


LLV_SAID = "Showing *Leaving Las Vegas (1995)*"


@pytest.mark.parametrize(
    ("text", "named", "announce", "said"),
    [
        ("leaving las vegas 95", False, True, LLV_SAID),  # found when read otherwise
        ("llv", False, True, LLV_SAID),  # an initialism: a loose match
        ("llv", True, True, LLV_SAID),  # the same named by a question
        ("llv", True, False, None),  # a question that does not say it
        ("leaving las vegas", False, True, None),  # the exact title
    ],
)
async def test_a_loose_match_is_said_above_the_answer(
    qapp: Popcorn, text: str, named: bool, announce: bool, said: str | None
) -> None:
    request = Request("review", text)
    found = Found(text, qapp.index.find_film(text)) if named else None
    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        film = await resolve_film(ctx, request, "review x", named=found, announce=announce)
    assert isinstance(film, FilmDocument) and film.title == "Leaving Las Vegas"
    assert ctx.understood == said


async def test_nothing_typed_asks_which(qapp: Popcorn) -> None:
    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        film = await resolve_film(ctx, Request("review", ""), "review leaving las vegas")
        person = await resolve_person(ctx, Request("filmography", " "), "filmography cage")
    assert film == Notice("Which film? For example: `!review leaving las vegas`", Tone.WARNING)
    assert person == Notice("Who? For example: `!filmography cage`", Tone.WARNING)


async def test_a_name_too_long_is_refused(qapp: Popcorn) -> None:
    async with qapp.sessions() as session:
        answer = await resolve_person(qapp.context(session), Request("filmography", "x" * 201))
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert "keep it under 200 characters" in answer.text


async def test_a_question_names_a_person(qapp: Popcorn) -> None:
    named = Found("nicolas cage", qapp.index.find_person("nicolas cage"))
    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        person = await resolve_person(ctx, Request("ask"), named=named)
    assert isinstance(person, PersonDocument) and person.name == "Nicolas Cage"


def test_several_people_ask_back_in_the_command_or_the_question_wording() -> None:
    request = Request("filmography", "pers")
    two = _people_match(MatchStatus.AMBIGUOUS, 90, 88)
    one = _people_match(MatchStatus.AMBIGUOUS, 90)
    assert person_choices(two, request, "pers").prompt == (
        "Several people match “pers”. Did you mean:"
    )
    assert person_choices(one, request, "pers").prompt == "I couldn't find “pers”. Did you mean:"
    asked = person_choices(one, request, "pers", "Several people match “{asked}”. Who?")
    assert asked.prompt == "Several people match “pers”. Who?"
    assert [c.request.person_id for c in person_choices(two, request, "pers").choices] == [1, 2]


def test_nobody_found_offers_only_the_near_names() -> None:
    request = Request("filmography", "pers")
    match = _people_match(MatchStatus.NOT_FOUND, 70, 50)
    near = person_not_found(match, request, "pers", min_score=60)
    assert isinstance(near, Choices)
    assert near.prompt == "I couldn't find anyone called “pers”. The nearest are:"
    assert [c.label for c in near.choices] == ["Person 1"]
    assert person_not_found(match, request, "pers", min_score=80) == Notice(
        "I couldn't find anyone called “pers”.", Tone.WARNING
    )


async def test_a_setting_names_a_person_exactly(qapp: Popcorn) -> None:
    async with qapp.sessions() as session:
        ctx = qapp.context(session)
        cage = person_named(ctx, "NICOLAS CAGE")
        assert cage is not None
        person = await resolve_person(ctx, Request("progress", person_id=cage))
        assert isinstance(person, PersonDocument) and person.name == "Nicolas Cage"
        assert person_named(ctx, "Tom Hanks") is None
