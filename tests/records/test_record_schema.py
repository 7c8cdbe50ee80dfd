"""The review-record schema and record files: the shipped record holds every fact of the seed
article, invalid files are refused with a RecordError naming the file, the record and the field,
CSV catalogs parse, and dump_record -> parse_record_text is a faithful round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.records.files import (
    MAX_FILE_BYTES,
    RecordError,
    dump_record,
    load_bytes,
    load_paths,
    parse_catalog_text,
    parse_record_text,
)
from bot.records.ratings import Grade
from bot.records.schema import (
    CastMember,
    FilmFacts,
    PurchaseLink,
    Ratings,
    Record,
    Release,
    Review,
    Sections,
    Trailer,
)
from tests.helpers import LLV_CAST, REPO, seed_article_text

RECORD_PATH = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"
CATALOG_PATH = REPO / "data" / "catalog" / "nicolas-cage-filmography.csv"
SOURCE = "reviews/broken-film.yaml"
SHIPPED_TEXT = RECORD_PATH.read_text(encoding="utf-8")

CAST = LLV_CAST


@pytest.fixture(scope="module")
def shipped() -> Record:
    return parse_record_text(SHIPPED_TEXT, str(RECORD_PATH))


def replaced(old: str, new: str) -> str:
    """The shipped record with one exact piece of text replaced (which must be there)."""
    assert SHIPPED_TEXT.count(old) == 1, old
    return SHIPPED_TEXT.replace(old, new)


# --- the shipped record holds the seed article's facts ------------------------------------


def test_shipped_record_loads_as_one_replace_record() -> None:
    loaded = load_bytes(RECORD_PATH.read_bytes(), str(RECORD_PATH))
    assert len(loaded) == 1
    assert loaded[0].mode == "replace"
    assert loaded[0].record.slug == "leaving-las-vegas-1995"


def test_shipped_film_facts(shipped: Record) -> None:
    film = shipped.film
    assert film.title == "Leaving Las Vegas"
    assert film.year == 1995
    assert film.genres == ["Romance", "Drama"]
    assert film.certificate == "18"
    assert film.runtime_min == 111
    assert film.directors == ["Mike Figgis"]
    assert film.cinematographers == ["Declan Quinn"]
    assert film.composers == ["Anthony Marinelli", "Mike Figgis"]
    assert film.description == "Drama about a Hollywood screenwriter whose life is falling apart"


def test_shipped_cast_in_billing_order_with_characters(shipped: Record) -> None:
    assert [(m.name, m.character) for m in shipped.film.cast] == CAST


def test_shipped_cast_matches_the_seed_article() -> None:
    article = seed_article_text()
    for name, character in CAST:
        assert f"{name} as {character}" in article


def test_shipped_release(shipped: Record) -> None:
    release = shipped.release
    assert release is not None
    assert release.format == "Blu-ray"
    assert release.label == "Studiocanal"
    assert release.release_date == dt.date(2016, 7, 4)
    assert release.discs == 1
    assert release.extras == [
        "Making Of",
        "Interviews with Nicolas Cage, Elisabeth Shue, Julian Sands & Mike Figgis",
        "B-Roll",
    ]


def test_shipped_review(shipped: Record) -> None:
    review = shipped.review
    assert review is not None
    assert review.ratings.film is None
    assert review.ratings.picture is Grade.GOOD
    assert review.ratings.audio is Grade.POOR
    assert review.ratings.extras is Grade.OK
    assert review.verdict == "Great film let down by poor audio on the Blu-ray release"
    assert review.pros == ["Nicolas Cage", "Elisabeth Shue", "Gripping Storyline"]
    assert review.cons == ["Poor Audio Quality", "Picture Quality Could Be Better"]
    assert [(p.retailer, p.affiliate) for p in review.purchase_links] == [("Amazon UK", True)]
    assert review.purchase_links[0].url.startswith("https://www.amazon.co.uk/")
    assert review.trailer is not None
    assert review.trailer.url.startswith("https://www.youtube.com/")


def test_shipped_data_folder_loads(tmp_path: Path) -> None:
    loaded = load_paths([REPO / "data"])
    replace = [item for item in loaded if item.mode == "replace"]
    merge = [item for item in loaded if item.mode == "merge"]
    assert [item.record.slug for item in replace] == ["leaving-las-vegas-1995"]
    assert len(merge) > 80
    # review records come first, so catalog rows only fill in what they leave out
    assert loaded[0].mode == "replace"


# --- invalid records: RecordError naming file, record and field ---------------------------


def refused(text: str | bytes, source: str = SOURCE) -> RecordError:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(RecordError) as info:
        load_bytes(data, source)
    error = info.value
    assert "\n" not in str(error), "the message is one line"
    assert source in str(error)
    assert error.source == source
    return error


FIELD_ERRORS = [
    pytest.param("year: 1995", "year: 1700", "film.year", id="year-1700"),
    pytest.param(
        "year: 1995", f"year: {dt.date.today().year + 2}", "film.year", id="year-next-plus-1"
    ),
    pytest.param("runtime_min: 111", "runtime_min: 0", "film.runtime_min", id="runtime-0"),
    pytest.param("runtime_min: 111", "runtime_min: -5", "film.runtime_min", id="runtime-neg"),
    pytest.param("runtime_min: 111", "runtime_min: abc", "film.runtime_min", id="runtime-abc"),
    pytest.param(
        "url: https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray",
        'url: "javascript:alert(1)"',
        "review.purchase_links.0.url",
        id="js-purchase-link",
    ),
    pytest.param(
        "url: https://www.youtube.com/results?search_query=Leaving+Las+Vegas+1995+trailer",
        "url: javascript:alert(1)",
        "review.trailer.url",
        id="js-trailer",
    ),
    pytest.param("picture: GOOD", "picture: SUPERB", "review.ratings.picture", id="SUPERB"),
    pytest.param(
        "  runtime_min: 111", "  runtime_min: 111\n  runtme: 3", "film.runtme", id="unknown-key"
    ),
    pytest.param(
        "verdict: Great film let down by poor audio on the Blu-ray release",
        "verdict: [Great film, poor audio]",
        "review.verdict",
        id="list-for-text",
    ),
    pytest.param("discs: 1", "discs: 0", "release.discs", id="discs-0"),
    pytest.param("  film: null", "  film: 11", "review.ratings.film", id="film-rating-11"),
]


@pytest.mark.parametrize(("old", "new", "field"), FIELD_ERRORS)
def test_invalid_field_names_file_record_and_field(old: str, new: str, field: str) -> None:
    error = refused(replaced(old, new))
    assert error.record == "'Leaving Las Vegas'"
    assert field in error.problem
    assert str(error).startswith(f"{SOURCE}, record 'Leaving Las Vegas': {field}")


def test_unknown_rating_word_lists_the_scale() -> None:
    error = refused(replaced("picture: GOOD", "picture: SUPERB"))
    assert "SUPERB" in error.problem
    assert "POOR / OK / GOOD / GREAT / EXCELLENT" in error.problem


def test_javascript_link_is_named_in_the_error() -> None:
    error = refused(
        replaced(
            "url: https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray",
            'url: "javascript:alert(1)"',
        )
    )
    assert "javascript:alert(1)" in error.problem
    assert "http(s)" in error.problem


@pytest.mark.parametrize("url", ["ftp://example.com/x", "data:text/html,hi", "//example.com/x"])
def test_other_non_web_links_are_refused(url: str) -> None:
    error = refused(
        replaced(
            "url: https://www.youtube.com/results?search_query=Leaving+Las+Vegas+1995+trailer",
            f'url: "{url}"',
        )
    )
    assert "review.trailer.url" in error.problem


def test_year_bounds_are_inclusive() -> None:
    next_year = dt.date.today().year + 1
    for year in (1888, next_year):
        record = parse_record_text(replaced("year: 1995", f"year: {year}"), SOURCE)
        assert record.film.year == year


def test_rating_words_accept_any_case() -> None:
    record = parse_record_text(replaced("picture: GOOD", "picture: ' great '"), SOURCE)
    assert record.review is not None
    assert record.review.ratings.picture is Grade.GREAT


def test_unknown_top_level_key() -> None:
    error = refused(SHIPPED_TEXT + "reviw: {}\n")
    assert "reviw" in error.problem


def test_review_without_year_is_refused() -> None:
    error = refused(replaced("  year: 1995\n", ""))
    assert "film.year" in error.problem


def test_not_yaml_names_file_and_line() -> None:
    error = refused("film:\n  title: [Leaving Las Vegas\n  year: 1995\n")
    assert "not valid YAML" in error.problem
    assert "line" in error.problem


@pytest.mark.parametrize("text", ["just a sentence", "- a\n- list\n", ""])
def test_yaml_that_is_not_a_mapping(text: str) -> None:
    error = refused(text)
    assert "film" in error.problem


def test_not_utf8() -> None:
    error = refused("film:\n  title: Caf\xe9\n".encode("latin-1"))
    assert "UTF-8" in error.problem


def test_over_one_megabyte() -> None:
    padding = "# " + "x" * (MAX_FILE_BYTES + 10) + "\n"
    error = refused(padding + SHIPPED_TEXT)
    assert "1 MB" in error.problem


def test_exe_file_is_refused() -> None:
    error = refused(SHIPPED_TEXT, "reviews/setup.exe")
    assert "unknown file type" in error.problem
    assert ".yaml" in error.problem
    refused(b"MZ\x90\x00\x03\x00", "reviews/setup.exe")  # binary: refused too


def test_verdict_over_schema_limit_is_refused_clearly() -> None:
    error = refused(
        replaced(
            "verdict: Great film let down by poor audio on the Blu-ray release",
            "verdict: " + "v" * 5000,
        )
    )
    assert error.record == "'Leaving Las Vegas'"
    assert "review.verdict" in error.problem
    assert "1000" in error.problem


def test_26_pros_are_refused() -> None:
    pros = "".join(f"    - pro {i}\n" for i in range(26))
    error = refused(
        replaced(
            "    - Nicolas Cage\n    - Elisabeth Shue\n    - Gripping Storyline\n",
            pros,
        )
    )
    assert "review.pros" in error.problem


def test_duplicate_records_for_one_film_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(SHIPPED_TEXT, encoding="utf-8")
    (tmp_path / "b.yml").write_text(SHIPPED_TEXT, encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_paths([tmp_path])
    assert "leaving-las-vegas-1995" in str(info.value)
    assert "a.yaml" in str(info.value)
    assert "b.yml" in str(info.value)


def test_missing_path_is_a_record_error(tmp_path: Path) -> None:
    with pytest.raises(RecordError) as info:
        load_paths([tmp_path / "nope.yaml"])
    assert "nope.yaml" in str(info.value)


def test_control_and_bidi_characters_are_removed() -> None:
    record = parse_record_text(
        replaced("title: Leaving Las Vegas", 'title: "Leaving\\u200b Las\\u202e Vegas\\x07  "'),
        SOURCE,
    )
    assert record.film.title == "Leaving Las Vegas"


# --- CSV catalogs -------------------------------------------------------------------------


def test_catalog_name_as_character() -> None:
    records = parse_catalog_text(
        "title,year,runtime_min,genres,directors,cast\n"
        "Face/Off,1997,138,Action; Thriller,John Woo,"
        "Nicolas Cage as Castor Troy / Sean Archer; John Travolta as Sean Archer; A Extra\n",
        "c.csv",
    )
    assert len(records) == 1
    film = records[0].film
    assert (film.title, film.year, film.runtime_min) == ("Face/Off", 1997, 138)
    assert film.genres == ["Action", "Thriller"]
    assert film.directors == ["John Woo"]
    assert film.cast == [
        CastMember(name="Nicolas Cage", character="Castor Troy / Sean Archer"),
        CastMember(name="John Travolta", character="Sean Archer"),
        CastMember(name="A Extra", character=None),
    ]
    assert records[0].review is None
    assert records[0].slug == "face-off-1997"


def test_catalog_character_containing_as_splits_at_the_first() -> None:
    (record,) = parse_catalog_text(
        "title,year,cast\nAdaptation.,2002,Nicolas Cage as Charlie as well as Donald\n", "c.csv"
    )
    assert record.film.cast == [
        CastMember(name="Nicolas Cage", character="Charlie as well as Donald")
    ]


def test_catalog_minimal_header_and_bom() -> None:
    (record,) = parse_catalog_text("\ufefftitle,year\nCon Air,1997\n", "c.csv")
    assert (record.film.title, record.film.year, record.film.cast) == ("Con Air", 1997, [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "title,year"),
        ("year,title\n1997,Con Air\n", "title,year"),
        ("title\nCon Air\n", "title,year"),
        ("title,year,budget\nCon Air,1997,75\n", "unknown column(s): budget"),
    ],
)
def test_catalog_header_errors(text: str, problem: str) -> None:
    with pytest.raises(RecordError) as info:
        parse_catalog_text(text, "cat/films.csv")
    assert str(info.value).startswith("cat/films.csv: ")
    assert problem in info.value.problem


def test_catalog_extra_cells_name_the_line() -> None:
    with pytest.raises(RecordError) as info:
        parse_catalog_text("title,year\nCon Air,1997\nThe Rock,1996,extra\n", "films.csv")
    assert info.value.record == "line 3"
    assert "more cells than columns" in str(info.value)
    assert str(info.value).startswith("films.csv, record line 3")


def test_catalog_bad_value_names_line_title_and_field() -> None:
    with pytest.raises(RecordError) as info:
        load_bytes(b"title,year,runtime_min\nCon Air,1997,-5\n", "films.csv")
    assert info.value.record == "line 2 ('Con Air')"
    assert "runtime_min" in info.value.problem


def test_shipped_catalog_loads() -> None:
    records = parse_catalog_text(CATALOG_PATH.read_text(encoding="utf-8"), str(CATALOG_PATH))
    assert len(records) > 80
    by_title = {r.film.title: r.film for r in records}
    assert (
        CastMember(name="Nicolas Cage", character="Castor Troy / Sean Archer")
        in by_title["Face/Off"].cast
    )
    assert all(any(m.name == "Nicolas Cage" for m in r.film.cast) for r in records)


# --- dump_record round trip ---------------------------------------------------------------


def full_record() -> Record:
    return Record(
        film=FilmFacts(
            title="Face/Off",
            year=1997,
            slug="face-off-1997",
            aliases=["Face Off", "null", "1997", "yes"],
            genres=["Action", "Thriller"],
            certificate="18",
            runtime_min=138,
            description="Two men swap faces: “quoted” — and 'single' # not a comment",
            synopsis="First paragraph: with a colon.\n\n  Indented second\n- not a list",
            directors=["John Woo"],
            writers=["Mike Werb", "Michael Colleary"],
            cinematographers=["Oliver Wood"],
            composers=["John Powell"],
            cast=[
                CastMember(name="Nicolas Cage", character="Castor Troy / Sean Archer"),
                CastMember(name="John Travolta", character="Sean Archer / Castor Troy"),
                CastMember(name="Joan Allen"),
            ],
        ),
        release=Release(
            format="4K UHD",
            edition="Limited Edition",
            label="Arrow",
            release_date=dt.date(2020, 1, 2),
            country="UK",
            region="B",
            discs=2,
            extras=["Commentary", "Deleted scenes: 7"],
        ),
        review=Review(
            headline="Face/Off 4K Review",
            url="https://example.com/face-off?x=1&y=2",
            author="Ann Author",
            published=dt.date(2021, 3, 4),
            intro="Intro line\nsecond line",
            sections=Sections(style_direction="Style", music_audio="Music", acting_characters="A"),
            film_conclusion="Good.",
            release_conclusion="Great.",
            ratings=Ratings(film=8.5, picture=Grade.EXCELLENT, audio=Grade.GREAT, extras=Grade.OK),
            verdict="Fun",
            pros=["Cage", "Travolta"],
            cons=["Length"],
            recommendation="Buy it.",
            purchase_links=[
                PurchaseLink(
                    retailer="Amazon UK", url="https://www.amazon.co.uk/dp/X", affiliate=True
                ),
                PurchaseLink(retailer="HMV", url="https://hmv.com/x"),
            ],
            trailer=Trailer(url="https://www.youtube.com/watch?v=abc", note="Clip"),
        ),
    )


def test_round_trip_shipped_record(shipped: Record) -> None:
    text = dump_record(shipped)
    assert text.startswith("schema: 1\n")
    assert parse_record_text(text, "dumped.yaml") == shipped


def test_round_trip_full_record() -> None:
    record = full_record()
    assert parse_record_text(dump_record(record), "dumped.yaml") == record


def test_round_trip_minimal_record() -> None:
    record = Record(film=FilmFacts(title="Con Air"))
    text = dump_record(record)
    assert text == "schema: 1\nfilm:\n  title: Con Air\n"
    assert parse_record_text(text, "dumped.yaml") == record


def test_round_trip_text_with_c1_control() -> None:
    record = Record(film=FilmFacts(title="Con Air", synopsis="one\x85two\nthree"))
    assert parse_record_text(dump_record(record), "dumped.yaml") == record


# --- review.cover_url: the review's cover image on the site -------------------------------

COVER = "https://blurayreviews.example/wp-content/uploads/2021/03/llv.jpg"


def with_cover(url: str) -> str:
    return replaced("review:\n", f'review:\n  cover_url: "{url}"\n')


def test_cover_url_is_read_and_dumped_back() -> None:
    record = parse_record_text(with_cover(COVER), SOURCE)
    assert record.review is not None
    assert record.review.cover_url == COVER
    assert parse_record_text(dump_record(record), SOURCE) == record


def test_cover_url_defaults_to_none(shipped: Record) -> None:
    assert shipped.review is not None
    assert shipped.review.cover_url is None


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://example.com/x.jpg"]
)
def test_cover_url_must_be_a_web_link(url: str) -> None:
    error = refused(with_cover(url))
    assert "review.cover_url" in error.problem
    assert "http(s)" in error.problem
