"""Issue #10, "nothing lost, nothing crashes": every kind of bad record or catalog file ends in
a RecordError naming the file (and the line or field), and `popcorn import` in one line on
stderr, exit code 2, with nothing written."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from bot.records.files import (
    MAX_YAML_DEPTH,
    RecordError,
    load_bytes,
    load_paths,
    parse_catalog_text,
    parse_record_text,
)
from tests.helpers import REPO, run_popcorn

SHIPPED = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"


def shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def with_release_date(value: str) -> str:
    text, count = re.subn(r"release_date: \S+", f"release_date: {value}", shipped_text())
    assert count == 1
    return text


def refused(data: str | bytes, source: str) -> RecordError:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(RecordError) as info:
        load_bytes(raw, source)
    return info.value


# --- 7: impossible dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2001-02-30", "9999-99-99", "2023-13-01", "!!timestamp 2001-02-30"]
)
def test_impossible_release_date_names_file_record_and_field(value: str) -> None:
    error = refused(with_release_date(value), "reviews/bad-date.yaml")
    assert str(error).startswith("reviews/bad-date.yaml, record 'Leaving Las Vegas': ")
    assert "release.release_date" in error.problem


def test_impossible_published_date_names_its_field() -> None:
    text = shipped_text().replace("review:\n", "review:\n  published: 2019-02-29\n", 1)
    assert "published: 2019-02-29" in text
    assert "review.published" in refused(text, "r.yaml").problem


def test_real_dates_still_load() -> None:
    (item,) = load_bytes(with_release_date("2000-02-29").encode(), "r.yaml")
    assert item.record.release is not None
    assert str(item.record.release.release_date) == "2000-02-29"


# --- 8: deep nesting and alias bombs ---------------------------------------------------------


def test_deeply_nested_yaml_is_refused_in_one_line() -> None:
    depth = 10_000  # 20 KB of brackets
    error = refused("film:\n  title: X\na: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
    assert str(error) == f"deep.yaml: the YAML is nested more than {MAX_YAML_DEPTH} levels deep"


def test_deeply_nested_block_mappings_are_refused() -> None:
    text = "".join(f"{'  ' * level}k{level}:\n" for level in range(200)) + "  " * 200 + "x\n"
    assert "nested more than" in refused(text, "deep.yaml").problem


def test_nesting_just_inside_the_limit_is_a_schema_error_not_a_depth_error() -> None:
    depth = MAX_YAML_DEPTH - 2
    text = "film:\n  title: X\na: " + "[" * depth + "]" * depth + "\n"
    assert "a: Extra inputs are not permitted" in refused(text, "ok-depth.yaml").problem


def billion_laughs(levels: int) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        refs = ", ".join([f"*l{n - 1}"] * 10)
        lines.append(f"l{n}: &l{n} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused() -> None:
    error = refused(billion_laughs(9), "laughs.yaml")
    assert "more than 100,000 values" in error.problem
    assert "aliases" in error.problem


def test_recursive_alias_is_refused() -> None:
    assert "recursive alias" in refused("a: &a [1, *a]\n", "loop.yaml").problem


def test_a_few_aliases_are_still_fine() -> None:
    text = shipped_text().replace("film:", "film: &f", 1) + "\n"
    assert "film: &f" in text
    (item,) = load_bytes(text.encode(), "anchored.yaml")
    assert item.record.film.title == "Leaving Las Vegas"


@pytest.mark.parametrize("text", ["a: !!int x\n", "a: !!float x\n", "a: !!bool maybe\n"])
def test_values_yaml_cannot_build_are_refused(text: str) -> None:
    assert refused(text, "tags.yaml").problem.startswith("not valid YAML")


# --- 9 and 10: CSV catalogs ------------------------------------------------------------------


def test_catalog_cell_over_the_field_limit_names_line_and_limit() -> None:
    text = "title,year\nCon Air,1997\n" + "x" * 140_000 + ",1996\n"
    error = refused(text, "films.csv")
    assert error.record == "line 3"
    assert "131,072" in error.problem
    assert str(error).startswith("films.csv, record line 3: ")


def test_lone_carriage_return_in_an_unquoted_cell_names_the_line() -> None:
    error = refused("title,year\nCon Air,1997\nThe\rRock,1996\n", "films.csv")
    assert error.record == "line 3"
    assert "carriage return" in error.problem


def test_unclosed_quote_at_the_end_is_refused() -> None:
    error = refused('title,year\nCon Air,1997\n"The Rock,1996\nFace/Off,1997\n', "films.csv")
    assert error.record == "line 3"
    assert "never closed" in error.problem


def test_unclosed_quote_closed_by_a_later_row_is_refused() -> None:
    text = 'title,year\nCon Air,1997\n"The Rock,1996\nFace/Off,1997\nSnake Eyes,1998",\n'
    error = refused(text, "films.csv")
    assert error.record == "line 3"
    assert "a cell runs over lines 3-5" in error.problem


def test_quoted_cells_and_crlf_line_ends_still_load() -> None:
    text = (
        'title,year,cast\r\n"Face/Off, the film",1997,"Nicolas Cage as Castor"\r\n'
        "\r\nCon Air,1997,\r\n"
    )
    records = parse_catalog_text(text, "films.csv")
    assert [(r.film.title, r.film.year) for r in records] == [
        ("Face/Off, the film", 1997),
        ("Con Air", 1997),
    ]


def test_line_numbers_count_blank_lines() -> None:
    error = refused("title,year\n\nCon Air,1997\n\nThe Rock,-1\n", "films.csv")
    assert error.record == "line 5 ('The Rock')"


# --- through `popcorn import` ---------------------------------------------------------------


def film_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("select name from sqlite_master")}
        return conn.execute("select count(*) from films").fetchone()[0] if "films" in tables else 0


BAD_FILES = {
    "bad-date.yaml": (with_release_date("2001-02-30"), "release.release_date"),
    "deep.yaml": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested more than"),
    "laughs.yaml": (billion_laughs(9), "more than 100,000 values"),
    "long-cell.csv": ("title,year\n" + "x" * 140_000 + ",1996\n", "line 2: a cell is longer"),
    "cr.csv": ("title,year\nCon Air,1997\nThe\rRock,1996\n", "line 3: a line break"),
    "open-quote.csv": ('title,year\n"Con Air,1997\nThe Rock,1996\n', "line 2: a quote"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_import_refuses_in_one_line_and_writes_nothing(tmp_path: Path, name: str) -> None:
    text, expected = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(text.encode("utf-8"))
    good = tmp_path / "good.csv"
    good.write_text("title,year\nCon Air,1997\n", encoding="utf-8")
    db = tmp_path / "import.sqlite3"
    result = run_popcorn(["import", str(good), str(bad)], db, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("popcorn: ") and name in lines[0]
    assert expected in lines[0]
    assert len(lines[0]) < 400
    assert film_count(db) == 0
    assert load_paths([good])  # the good file alone would have been imported


def test_loader_functions_agree_with_load_bytes() -> None:
    with pytest.raises(RecordError):
        parse_record_text(with_release_date("9999-99-99"), "r.yaml")
    with pytest.raises(RecordError):
        parse_catalog_text("title,year\nA\rB,1\n", "c.csv")
