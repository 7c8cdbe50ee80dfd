"""Whether a record's cast list is complete (issue #9: never a false "No"): the record's own
word, else complete for a reviewed film's cast, partial for everything else; the CSV column."""

from __future__ import annotations

import pytest

from bot.records.files import RecordError, dump_record, parse_catalog_text, parse_record_text

REVIEWED = """\
schema: 1
film:
  title: Con Air
  year: 1997
  cast:
    - {name: Nicolas Cage, character: Cameron Poe}
review:
  verdict: Big dumb fun
"""


def test_a_reviewed_film_with_a_cast_is_complete() -> None:
    parsed = parse_record_text(REVIEWED, "con-air.yaml")
    assert parsed.film.cast_complete is None
    assert parsed.cast_complete is True


def test_the_record_can_say_its_cast_is_not_complete() -> None:
    text = REVIEWED.replace("  year: 1997\n", "  year: 1997\n  cast_complete: false\n")
    assert parse_record_text(text, "con-air.yaml").cast_complete is False


def test_without_a_review_or_without_a_cast_it_is_partial() -> None:
    unreviewed = REVIEWED.split("review:")[0]
    assert parse_record_text(unreviewed, "a.yaml").cast_complete is False
    no_cast = "schema: 1\nfilm:\n  title: Con Air\n  year: 1997\nreview:\n  verdict: Fun\n"
    assert parse_record_text(no_cast, "b.yaml").cast_complete is False


def test_an_unreviewed_record_can_say_its_cast_is_complete() -> None:
    text = REVIEWED.split("review:")[0] + "  cast_complete: true\n"
    assert parse_record_text(text, "a.yaml").cast_complete is True


def test_cast_complete_must_be_a_yes_or_no() -> None:
    text = REVIEWED.replace("  year: 1997\n", "  year: 1997\n  cast_complete: [1]\n")
    with pytest.raises(RecordError, match=r"film\.cast_complete"):
        parse_record_text(text, "con-air.yaml")


@pytest.mark.parametrize("flag", [True, False])
def test_the_flag_round_trips_through_the_writer(flag: bool) -> None:
    text = REVIEWED.replace("  year: 1997\n", f"  year: 1997\n  cast_complete: {flag}\n")
    parsed = parse_record_text(text, "con-air.yaml")
    dumped = dump_record(parsed)
    assert f"cast_complete: {str(flag).lower()}" in dumped
    assert parse_record_text(dumped, "again.yaml") == parsed
    assert "cast_complete" not in dump_record(parse_record_text(REVIEWED, "con-air.yaml"))


def test_a_catalog_row_is_partial_without_the_column() -> None:
    (row,) = parse_catalog_text("title,year,cast\nCon Air,1997,Nicolas Cage\n", "c.csv")
    assert row.film.cast_complete is None and row.cast_complete is False


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("true", True), ("TRUE", True), ("yes", True), ("Yes", True), ("1", True),
        ("false", False), ("no", False), ("NO", False), ("0", False), ("", None),
    ],
)  # fmt: skip
def test_the_catalog_column_says_whether_the_cast_is_complete(
    cell: str, expected: bool | None
) -> None:
    text = f"title,year,cast,cast_complete\nCon Air,1997,Nicolas Cage,{cell}\n"
    (row,) = parse_catalog_text(text, "c.csv")
    assert row.film.cast_complete is expected
    assert row.cast_complete is bool(expected)


def test_a_bad_catalog_cell_names_the_line_and_column() -> None:
    text = "title,year,cast_complete\nCon Air,1997,true\nFace/Off,1997,maybe\n"
    with pytest.raises(RecordError) as caught:
        parse_catalog_text(text, "c.csv")
    message = str(caught.value)
    assert "c.csv" in message and "line 3" in message and "'Face/Off'" in message
    assert "cast_complete" in message and "'maybe'" in message
