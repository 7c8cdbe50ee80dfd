"""bench/catalogue.py's made-up catalogue for `python -m bench --quick`."""

from __future__ import annotations

from bench.catalogue import synthetic_movies
from bot.search import normalize_title


def test_synthetic_movies_are_distinct_and_repeatable() -> None:
    films = synthetic_movies(500)
    assert len(films) == 500
    assert len({normalize_title(f.title) for f in films}) == 500
    assert films == synthetic_movies(500)
    assert synthetic_movies(500, seed=6) != films
    assert all(1930 <= f.year <= 2005 and f.genres for f in films)
