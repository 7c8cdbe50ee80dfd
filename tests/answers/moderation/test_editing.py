"""The pure record editing (bot/answers/moderation/editing.py): one field set as a moderator
typed it, validated as a whole, refused with a line naming the field as they typed it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answers.moderation.editing import EditError, describe_change, edit_record, set_field
from bot.records.files import parse_record_text
from bot.records.schema import Record
from tests.helpers import REPO


@pytest.fixture
def llv() -> Record:
    path = REPO / "data/reviews/leaving-las-vegas-1995.yaml"
    return parse_record_text(path.read_text(encoding="utf-8"), path.name)


def test_a_nested_field_is_set_and_the_rest_kept(llv: Record) -> None:
    edited = edit_record(llv, "audio", "GOOD")
    assert edited.review is not None and llv.review is not None
    assert str(edited.review.ratings.audio) == "GOOD"
    assert str(llv.review.ratings.audio) == "POOR"  # the record given is not changed
    assert edited.review.ratings.picture == llv.review.ratings.picture
    assert edited.film == llv.film
    sections = edit_record(llv, "music", '"Mournful jazz"').review
    assert sections is not None and sections.sections.music_audio == "Mournful jazz"


def test_aliases_of_field_names_and_case(llv: Record) -> None:
    scored = edit_record(llv, "Score", "9").review
    assert scored is not None and scored.ratings.film == 9
    assert edit_record(llv, "cert", "15").film.certificate == "15"


def test_list_fields_split_on_semicolons(llv: Record) -> None:
    edited = edit_record(llv, "pros", "Cage; Shue ;  Figgis' score")
    assert edited.review is not None and edited.review.pros == ["Cage", "Shue", "Figgis' score"]
    assert edit_record(llv, "genre", "Drama").film.genres == ["Drama"]


@pytest.mark.parametrize("word", ["none", "unset", "-", "clear", "NONE"])
def test_none_clears(llv: Record, word: str) -> None:
    edited = edit_record(llv, "cons", word)
    assert edited.review is not None and edited.review.cons == []
    assert edit_record(llv, "certificate", word).film.certificate is None
    cleared = edit_record(llv, "trailer", word).review
    assert cleared is not None and cleared.trailer is None


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("score", "11", "score: "),
        ("film", "eleven", "film: "),
        ("audio", "SUPERB", "audio: 'SUPERB' is not on the rating scale"),
        ("runtime", "-5", "runtime: "),
        ("runtime_min", "abc", "runtime_min: "),
        ("trailer", "javascript:alert(1)", "trailer: "),
        ("year", "1700", "year: "),
    ],
)
def test_a_refused_value_names_the_field_as_typed(
    llv: Record, field: str, value: str, said: str
) -> None:
    with pytest.raises(EditError) as refused:
        edit_record(llv, field, value)
    text = str(refused.value)
    assert text.startswith(said), text
    assert "review." not in text and "film." not in text and "release." not in text
    assert "\n" not in text


def test_an_unknown_field_is_refused(llv: Record) -> None:
    with pytest.raises(EditError, match="no field “colour”"):
        edit_record(llv, "colour", "red")


def test_describe_change() -> None:
    assert describe_change("review.ratings.audio", "POOR", "GOOD") == "audio: POOR → GOOD"
    assert describe_change("film.certificate", "18", None) == "certificate: 18 → —"
    cast = describe_change(
        "film.cast",
        [{"name": "Nicolas Cage", "character": "Ben"}],
        [{"name": "Nicolas Cage", "character": "Ben"}, {"name": "Ed Lauter", "character": None}],
    )
    assert cast == "cast: +Ed Lauter"
    assert describe_change("review.pros", ["a", "b"], ["b", "a"]) == "pros: reordered"
    assert describe_change("film.aliases", ["x"], []) == "aliases: −x"


@pytest.mark.parametrize(
    "typed", ["26 March 2018", "26th Mar 2018", "March 26, 2018", "26/03/2018", "2018-03-26"]
)
def test_dates_as_people_write_them_day_first(llv: Record, typed: str) -> None:
    edited = edit_record(llv, "released", typed)
    assert edited.release is not None and edited.release.release_date == dt.date(2018, 3, 26)


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        (
            "released",
            "31/02/2018",
            "released: '31/02/2018' is not a date: February 2018 has 28 days",
        ),
        (
            "date",
            "03/26/2018",
            "date: '03/26/2018' is not a date: there is no month 26 (dates are day first: "
            "26/03/2018)",
        ),
        (
            "published",
            "soon",
            "published: 'soon' is not a date: write e.g. 26 March 2018, 26/03/2018 or 2018-03-26",
        ),
        (
            "Score",
            "eleven",
            "Score: 'eleven' is not a rating: write e.g. 8, 8/10, 8 out of 10 or 4 stars",
        ),
        ("rating", "11/10", "rating: '11/10' is more than the site's maximum, 10"),
        (
            "audio",
            "EXCELENT",
            "audio: 'EXCELENT' is not on the rating scale (POOR / OK / GOOD / GREAT / EXCELLENT): "
            "did you mean EXCELLENT?",
        ),
        ("runtime", "two hours", "runtime: 'two hours' is not a whole number"),
        ("discs", "0", "discs: must be more than 0"),
        ("year", "1700", "year: must be at least 1888"),
    ],
)
def test_errors_are_plain_and_name_the_field_as_typed(
    llv: Record, field: str, value: str, said: str
) -> None:
    with pytest.raises(EditError) as refused:
        edit_record(llv, field, value)
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("typed", "score"), [("9/10", 9.0), ("9 out of 10", 9.0), ("4.5 stars", 9.0), ("3.5/5", 7.0)]
)
def test_ratings_as_people_write_them_on_the_sites_scale(
    llv: Record, typed: str, score: float
) -> None:
    review = edit_record(llv, "rating", typed).review
    assert review is not None and review.ratings.film == score


def test_grades_in_any_case(llv: Record) -> None:
    review = edit_record(llv, "picture", "excellent").review
    assert review is not None and str(review.ratings.picture) == "EXCELLENT"


def test_a_nested_error_never_names_an_internal_path(llv: Record) -> None:
    assert llv.review is not None
    links = [link.model_dump() for link in llv.review.purchase_links]
    links.append({"retailer": "Shop", "url": "not a link"})
    with pytest.raises(EditError) as refused:
        set_field(llv, "review.purchase_links", links)
    assert str(refused.value) == (
        f"purchase links #{len(links)} url: 'not a link' is not an http(s) link"
    )
    with pytest.raises(EditError) as trailer:
        set_field(llv, "review.trailer", {"url": "https://youtu.be/x", "colour": "red"})
    assert str(trailer.value) == "trailer colour: is not a field of the record"


def test_a_film_rating_change_is_said_on_the_sites_scale() -> None:
    assert describe_change("review.ratings.film", 8.0, 9.0) == "rating: 8/10 → 9/10"
    assert describe_change("review.ratings.film", None, 7.5) == "rating: — → 7.5/10"


def test_a_date_the_record_refuses_is_said_plainly(llv: Record) -> None:
    with pytest.raises(EditError) as written:
        set_field(llv, "release.release_date", "26 March 2018")
    assert str(written.value) == "released: '26 March 2018' should be written 2018-03-26"
    with pytest.raises(EditError) as impossible:
        set_field(llv, "review.published", "31/02/2018")
    assert str(impossible.value) == (
        "published: '31/02/2018' is not a date: February 2018 has 28 days"
    )


def test_a_change_names_the_field_as_moderators_do_never_its_path() -> None:
    """A history line or reply never shows `film.cast_complete` or `release.edition`."""
    assert describe_change("film.cast_complete", False, True) == "whole cast listed: no → yes"
    assert describe_change("release.edition", None, "Steelbook") == "edition: — → Steelbook"
    assert describe_change("review.ratings.audio", "POOR", "GOOD") == "audio: POOR → GOOD"
