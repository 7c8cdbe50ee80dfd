"""Value types returned by the search index."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class FilmDoc:
    id: int
    title: str
    year: int | None
    aliases: tuple[str, ...] = ()
    #: The ids of the people credited on the film, comma-separated ("12,345") as the database
    #: joins them: what a change of the film took away is checked for orphans (bot/app.py
    #: refresh_film; read with SearchIndex.film_people). A string, not a tuple of ints: at
    #: 300,000 credits, no int object a credit to make at start-up or keep. Not part of a
    #: film's identity (equality, hash) nor of its repr.
    people: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class PersonDoc:
    id: int
    name: str
    aliases: tuple[str, ...] = ()


class MatchStatus(StrEnum):
    FOUND = "found"  # one clear answer in .best
    # .best is None; .candidates = the close ones (2..5), best first, or a single one
    # worth asking about rather than answering ("superbad" when only "Superdad" exists).
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"  # .best is None; .candidates = nearest suggestions (0..5)
    YEAR_MISMATCH = "year_mismatch"  # title matches, but no film from that year
    EMPTY = "empty"  # the query had nothing to search for


@dataclass(frozen=True, slots=True)
class Candidate(Generic[_T]):
    doc: _T
    score: float  # 0..100
    matched: str  # the title/alias/name text that matched


@dataclass(frozen=True, slots=True)
class FilmMatch:
    status: MatchStatus
    query: str  # the query as given
    year: int | None  # the year parsed from the query
    best: FilmDoc | None
    candidates: tuple[Candidate[FilmDoc], ...]
    #: FOUND from something other than the exact title or alias: a typo, words typed
    #: together, an initialism, a few words of a longer title. Say what was understood.
    loose: bool = False


@dataclass(frozen=True, slots=True)
class PersonMatch:
    status: MatchStatus  # FOUND / AMBIGUOUS / NOT_FOUND / EMPTY
    query: str
    best: PersonDoc | None
    candidates: tuple[Candidate[PersonDoc], ...]
    #: FOUND from something other than the exact name or alias ("nick cage", "cage").
    loose: bool = False
