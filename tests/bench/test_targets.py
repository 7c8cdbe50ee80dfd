"""bench/targets.py's pieces: the PASS/MISS verdicts, the table, the disjoint runs, the mixed
workload, the careful extractOne and the floor's SQL."""

from __future__ import annotations

import sqlite3

from bench.targets import (
    CARD_SQL,
    Mix,
    ask_questions,
    careful_extract_one,
    hit_rate,
    slices,
    targets_table,
    verdict,
)


def test_verdicts_are_inclusive_limits() -> None:
    assert verdict(1.0, "le", 1.0) == "PASS"
    assert verdict(1.01, "le", 1.0) == "MISS"
    assert verdict(1000, "ge", 1000) == "PASS"
    assert verdict(999.9, "ge", 1000) == "MISS"


def test_table_judges_what_was_measured_and_says_what_was_not() -> None:
    table = targets_table(
        {"e2e_p50_ms": 0.8, "e2e_p99_ms": 3.5, "mix_per_s": 1234.4, "floor_p50_ms": 0.4}
    )
    lines = table.splitlines()
    assert lines[:2] == ["| measure | result | target | |", "|---|---|---|---|"]
    assert "| `!review <typo>` end to end, p50 (ms) | 0.80 | ≤ 1.0 | PASS |" in lines
    assert "| `!review <typo>` end to end, p99 (ms) | 3.50 | ≤ 3.0 | MISS |" in lines
    assert "| replies per second, one process, mixed | 1,234 | ≥ 1,000 | PASS |" in lines
    assert "| `!cage` (102 films, page 1), p50 (ms) | — | ≤ 2 | not measured |" in lines
    assert "| `!review <typo>` p50 ÷ floor (×) | 2.0 |  |  |" in lines


def test_runs_never_repeat_a_query() -> None:
    items = [str(i) for i in range(10)]
    assert slices(items, 3, 3) == [["0", "1", "2"], ["3", "4", "5"], ["6", "7", "8"]]
    assert slices(items, 3, 100) == [["0", "1", "2"], ["3", "4", "5"], ["6", "7", "8"]]


def test_six_question_kinds_in_turn() -> None:
    asked = ask_questions(["Face/Off", "Con Air"] * 3 + ["Mandy"], ["Nicolas Cage"] * 7)
    assert [q for q, _ in asked] == [
        "who directed face/off",
        "who is in con air",
        "how long is face/off",
        "when did con air come out",
        "what genre is face/off",
        "is Nicolas Cage in con air",
        "who directed mandy",
    ]
    assert [t for _, t in asked][-1] == "Mandy"


def test_mixed_workload_cycles_through_every_command() -> None:
    mix = Mix(typos=["a", "b", "c", "d"], titles=["Face/Off", "Con Air"], questions=["q1", "q2"])
    assert mix.commands(10) == [
        "!review a",
        "!verdict Face/Off",
        "!review b",
        "!cast Face/Off",
        "!cage",
        "!review c",
        "!ask q1",
        "!search Face/Off",
        "!review d",
        "!verdict Con Air",
    ]


def test_careful_extract_one_finds_the_normalised_title() -> None:
    titles = ["The Rock", "Face/Off", "Con Air", "Leaving Las Vegas"]
    result = careful_extract_one(titles, [("leving las vegas", 3), ("faceoff", 1), ("zzz", 0)])
    assert result["top1"] == 2 / 3
    assert 0 <= result["p50"] <= result["p99"]


def test_the_floor_reads_the_card_rows_of_the_schema() -> None:
    """The floor's statements are valid SQL over the tables they name (an in-memory copy of
    their columns), so a renamed column fails here, not in a long run."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE films (id, slug, title, year, genres, certificate, runtime_min, "
        "description, synopsis, cast_complete);"
        "CREATE TABLE people (id, name);"
        "CREATE TABLE credits (film_id, person_id, role, character, billing);"
        "CREATE TABLE releases (id, film_id, format, edition, label, release_date, country, "
        "region, discs, extras);"
        "CREATE TABLE reviews (id, film_id, headline, url, author, published, verdict, pros, "
        "cons, recommendation, trailer_url, release_id, deleted_at);"
        "CREATE TABLE ratings (review_id, aspect, grade, score);"
        "CREATE TABLE purchase_links (review_id, position, retailer, url, affiliate);"
        "INSERT INTO films VALUES (1, 'the-rock-1996', 'The Rock', 1996, '[]', '15', 136, "
        "NULL, NULL, 0);"
        "INSERT INTO people VALUES (7, 'Nicolas Cage');"
        "INSERT INTO credits VALUES (1, 7, 'cast', 'Stanley Goodspeed', 1);"
        "INSERT INTO reviews VALUES (3, 1, 'Boom', NULL, NULL, NULL, 'Good', '[]', '[]', NULL, "
        "NULL, NULL, NULL);"
        "INSERT INTO ratings VALUES (3, 'film', NULL, 8);"
    )
    rows = [conn.execute(sql, (1,)).fetchall() for sql in CARD_SQL]
    assert rows[0][0][2] == "The Rock"
    assert rows[1] == [("cast", "Stanley Goodspeed", 1, 7, "Nicolas Cage")]
    assert rows[2] == []
    assert rows[3][0][1] == "Boom" and rows[3][0][11] == '[["film",null,8]]'


def test_hit_rate_between_two_reads_of_the_cache_stats() -> None:
    before = {"hits": 10, "misses": 5}
    assert hit_rate(before, {"hits": 37, "misses": 8}) == "90% of 30 film reads"
    assert hit_rate(before, before) == "no film read"
    assert hit_rate(None, None) == "no document cache"
