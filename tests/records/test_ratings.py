"""The rating scale (bot/records/ratings.py): a grade's rank and the one bar every answer
draws for it (the rating card, the rankings, the question answers)."""

from __future__ import annotations

import pytest

from bot.answers.rankings import ranked_lines
from bot.db.rankings import BLURAY, RankedFilm, Ranking
from bot.records.ratings import Grade, aspect_score, film_score


@pytest.mark.parametrize(
    ("grade", "bar"),
    [
        (Grade.POOR, "▰▱▱▱▱"),
        (Grade.OK, "▰▰▱▱▱"),
        (Grade.GOOD, "▰▰▰▱▱"),
        (Grade.GREAT, "▰▰▰▰▱"),
        (Grade.EXCELLENT, "▰▰▰▰▰"),
    ],
)
def test_a_grade_is_drawn_as_its_rank_out_of_five(grade: Grade, bar: str) -> None:
    assert grade.bar == bar


@pytest.mark.parametrize("value", [None, "", "good", "picture GOOD, audio POOR", "8"])
def test_only_a_stored_grade_has_a_bar(value: str | None) -> None:
    assert Grade.stored(value) is None


def test_a_stored_grade() -> None:
    assert Grade.stored("GREAT") is Grade.GREAT


def test_the_rankings_draw_the_same_bar() -> None:
    films = [
        RankedFilm(1, "Con Air", 1997, 4.0, "GREAT"),
        RankedFilm(2, "Joe", None, 1.0, "POOR"),
    ]
    lines = ranked_lines(Ranking("audio", films, left_out=0, reviewed=2))
    assert lines == ["1. **Con Air** (1997) — ▰▰▰▰▱ GREAT", "2. **Joe** — ▰▱▱▱▱ POOR"]
    mean = RankedFilm(1, "Con Air", 1997, 3.3, "picture GOOD, audio POOR")
    assert ranked_lines(Ranking(BLURAY, [mean], 0, 1)) == [
        "1. **Con Air** (1997) — 3.3/5 (picture GOOD, audio POOR)"
    ]
    rated = RankedFilm(1, "Con Air", 1997, 8.0, None)
    assert ranked_lines(Ranking("film", [rated], 0, 1)) == ["1. **Con Air** (1997) — 8/10"]


def test_aspect_scores_order_the_ratings() -> None:
    assert aspect_score("film", 7.5) == 7.5
    assert aspect_score("audio", "GOOD") < aspect_score("audio", Grade.GREAT)


@pytest.mark.parametrize(("score", "shown"), [(8.0, "8/10"), (7.5, "7.5/10"), (10, "10/10")])
def test_a_film_rating_is_shown_out_of_ten(score: float, shown: str) -> None:
    assert film_score(score) == shown
