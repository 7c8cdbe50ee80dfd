"""The pure record editing (bot/answers/moderation/editing.py): one field set as a moderator
typed it, validated as a whole, refused with a line naming the field as they typed it."""

from __future__ import annotations

import pytest

from bot.answers.moderation.editing import EditError, describe_change, edit_record
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
