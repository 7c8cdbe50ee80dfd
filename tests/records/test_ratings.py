"""The rating scale (bot/records/ratings.py): a grade's rank and the one bar every answer
draws for it (the rating card, the rankings, the question answers)."""

from __future__ import annotations

import pytest

from bot.answers.rankings import ranked_lines
from bot.db.rankings import BLURAY, RankedFilm, Ranking
from bot.records.ratings import Grade, aspect_score, film_score, read_film_rating


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


@pytest.mark.parametrize(
    ("typed", "score", "note"),
    [
        ("9", 9.0, None),
        ("9/10", 9.0, None),
        ("9 out of 10", 9.0, None),
        ("7.5", 7.5, None),
        ("4.5 stars", 9.0, "4.5/5 is 9/10 on the site's scale"),
        ("4.5/5", 9.0, "4.5/5 is 9/10 on the site's scale"),
        ("3 out of 5", 6.0, "3/5 is 6/10 on the site's scale"),
        ("85/100", 8.5, "85/100 is 8.5/10 on the site's scale"),
    ],
)
def test_a_film_rating_as_people_write_it(typed: str, score: float, note: str | None) -> None:
    assert read_film_rating(typed) == (score, note)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("eleven", "'eleven' is not a rating: write e.g. 8, 8/10, 8 out of 10 or 4 stars"),
        ("11", "'11' is more than the site's maximum, 10"),
        ("6/5", "'6/5' is more than 5"),
    ],
)
def test_a_film_rating_that_is_not_one_is_said_plainly(typed: str, said: str) -> None:
    with pytest.raises(ValueError) as refused:
        read_film_rating(typed)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("EXCELENT", Grade.EXCELLENT), ("excelent", Grade.EXCELLENT), ("gret", Grade.GREAT)],
)
def test_a_misspelt_grade_gets_a_suggestion(typed: str, meant: Grade) -> None:
    assert Grade.near_miss(typed) is meant
    with pytest.raises(ValueError) as refused:
        Grade.parse(typed)
    assert str(refused.value) == (
        f"{typed!r} is not on the rating scale (POOR / OK / GOOD / GREAT / EXCELLENT): "
        f"did you mean {meant.value}?"
    )


def test_a_grade_in_any_case_and_a_word_far_from_all() -> None:
    assert Grade.parse(" excellent ") is Grade.EXCELLENT
    assert Grade.near_miss("SUPERB") is None
    with pytest.raises(ValueError, match=r"EXCELLENT\)$"):
        Grade.parse("SUPERB")
