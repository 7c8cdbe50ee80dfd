"""Fuzzy film and person search for Popcorn (pure Python, no Discord, no DB)."""

from bot.search.index import SearchIndex
from bot.search.models import (
    Candidate,
    FilmDoc,
    FilmMatch,
    MatchStatus,
    PersonDoc,
    PersonMatch,
)
from bot.search.normalize import (
    TitleQuery,
    normalize_name,
    normalize_title,
    parse_title_query,
)

__all__ = [
    "Candidate",
    "FilmDoc",
    "FilmMatch",
    "MatchStatus",
    "PersonDoc",
    "PersonMatch",
    "SearchIndex",
    "TitleQuery",
    "normalize_name",
    "normalize_title",
    "parse_title_query",
]
