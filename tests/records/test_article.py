"""parse_article: a review article in the site's template (plain text or the page's HTML) becomes
a validated record. The seed article gives the same facts as the shipped YAML record; variants in
tests/records/articles/ (spacing, bullets, missing and extra parts, another film, HTML) parse to
the same facts; anything that is not an article is refused with a one-line RecordError."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bot.records.article import ParsedArticle, html_to_text, looks_like_html, parse_article
from bot.records.files import RecordError, dump_record, parse_record_text
from bot.records.ratings import Grade
from bot.records.schema import CastMember, PurchaseLink, Record
from tests.helpers import REPO, SEED_ARTICLE, seed_article_text

ARTICLES = Path(__file__).parent / "articles"
RECORD_PATH = REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml"

# The facts an article must give exactly as the shipped record has them.
FACT_FIELDS = (
    "film.title", "film.year", "film.runtime_min", "film.directors", "film.genres",
    "film.certificate", "film.cinematographers", "film.composers", "film.cast",
    "film.description", "film.synopsis", "release.label", "release.release_date",
    "release.discs", "release.country", "release.extras", "review.headline",
    "review.ratings.picture", "review.ratings.audio", "review.ratings.extras",
    "review.ratings.film", "review.verdict", "review.pros", "review.cons",
    "review.sections.acting_characters", "review.film_conclusion",
    "review.release_conclusion", "review.recommendation",
)  # fmt: skip
SEED_MISSING = ("review.ratings.film", "review.purchase_links", "review.trailer")
GENRE_WARNING = (
    "two different genre lists: 'Romantic, Drama' and 'Romance, Drama' — used the second"
)
COMPOSER_WARNING = "composer 'Mike Figgi' read as 'Mike Figgis' (named elsewhere in the article)"


def value(record: Record, dotted: str) -> Any:
    result: Any = record
    for part in dotted.split("."):
        result = getattr(result, part)
    return result


@cache
def shipped() -> Record:
    return parse_record_text(RECORD_PATH.read_text(encoding="utf-8"), RECORD_PATH.name)


@cache
def parsed(name: str) -> ParsedArticle:
    path = ARTICLES / name
    text = path.read_bytes().decode("utf-8")  # bytes: keep CRLF as written
    return parse_article(text, name)


@cache
def parsed_seed() -> ParsedArticle:
    return parse_article(seed_article_text(), SEED_ARTICLE.name)


# ---------------------------------------------------------------------------------------------
# (1) The seed article against the shipped record


@pytest.mark.parametrize("field", FACT_FIELDS)
def test_seed_article_gives_the_shipped_facts(field: str) -> None:
    assert value(parsed_seed().record, field) == value(shipped(), field)


def test_seed_article_details() -> None:
    article = parsed_seed()
    film = article.record.film
    assert [m.name for m in film.cast][:2] == ["Nicolas Cage", "Elisabeth Shue"]
    assert len(film.cast) == 9
    assert film.cast[7] == CastMember(name="Thomas Kopache", character="Mr. Simpson")
    assert film.cinematographers == ["Declan Quinn"]
    assert film.composers == ["Anthony Marinelli", "Mike Figgis"]
    assert article.record.release.format == "Blu-ray"
    assert article.record.release.release_date == dt.date(2016, 7, 4)
    assert article.record.review.ratings.film is None
    assert article.missing == SEED_MISSING
    assert GENRE_WARNING in article.warnings
    assert COMPOSER_WARNING in article.warnings


def test_seed_article_texts_are_whole_paragraphs() -> None:
    review = parsed_seed().record.review
    assert review.intro is not None and review.intro.startswith("Leaving Las Vegas is a film")
    assert review.intro.endswith("here's my Leaving Las Vegas blu-ray review.")  # straight quote
    assert review.sections.style_direction is not None
    assert "cinematography is handled by Declan Quinn" in review.sections.style_direction
    assert review.sections.music_audio is not None
    assert review.sections.music_audio.startswith("The music is composed by")
    assert review.film_conclusion is not None and "If you enjoyed" not in review.film_conclusion
    assert review.release_conclusion is not None and "recommend" not in review.release_conclusion


def test_parsed_record_round_trips_as_a_record_file() -> None:
    record = parsed_seed().record
    assert parse_record_text(dump_record(record), "out.yaml") == record


# ---------------------------------------------------------------------------------------------
# (2) Variants: the HTML page, another film, spacing, bullets, missing and extra parts


@pytest.mark.parametrize("field", FACT_FIELDS)
def test_html_page_gives_the_shipped_facts(field: str) -> None:
    assert value(parsed("leaving-las-vegas.html").record, field) == value(shipped(), field)


def test_html_page_adds_links_and_page_facts() -> None:
    article = parsed("leaving-las-vegas.html")
    review = article.record.review
    assert review.purchase_links == [
        PurchaseLink(
            retailer="Amazon UK", url="https://www.amazon.co.uk/dp/B01EXAMPLE", affiliate=True
        )
    ]  # the sidebar's Amazon link is not the article's
    assert review.trailer is not None
    assert review.trailer.url == "https://www.youtube.com/watch?v=XXXX"
    assert review.url == "https://popcorn.example/leaving-las-vegas-blu-ray-review/"
    assert review.published == dt.date(2019, 3, 2)
    assert review.headline == "Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?"
    assert article.missing == ("review.ratings.film",)
    assert GENRE_WARNING in article.warnings


def test_html_page_and_seed_text_agree() -> None:
    html, text = parsed("leaving-las-vegas.html").record, parsed_seed().record
    assert html.film == text.film
    assert html.release == text.release
    links = {"purchase_links", "trailer", "url", "published"}
    assert html.review.model_dump(exclude=links) == text.review.model_dump(exclude=links)


def test_html_to_text() -> None:
    html = (ARTICLES / "leaving-las-vegas.html").read_text(encoding="utf-8")
    text = html_to_text(html)
    assert looks_like_html(html)
    assert text.splitlines()[0] == "Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?"
    assert "• Nicolas Cage as Ben Sanderson" in text.splitlines()
    assert "Anthony Marinelli & Mike Figgi." in text  # entities decoded
    assert "It’s" in text
    for dropped in ("Horror", "dataLayer", "border:", "Mandy", "Leave a Reply", "Popcorn Cinema -"):
        assert dropped not in text
    nested = "<p>a<br>b</p><ul><li><p>one</p></li><li>two<ul><li>sub</li></ul></li></ul>x&amp;y"
    assert html_to_text(nested) == "a\nb\n\n• one\n• two\n• sub\n\nx&y"


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><p>x</p>")
    assert looks_like_html("<div><p>Hello</p><p>there</p></div>")
    assert not looks_like_html("Genre: Drama\n• Nicolas Cage as Ben <the drunk>")
    assert not looks_like_html("")


CON_AIR_CAST = [
    ("Nicolas Cage", "Cameron Poe"),
    ("John Cusack", "Vince Larkin"),
    ("John Malkovich", 'Cyrus "The Virus" Grissom'),
    ("Ving Rhames", 'Nathan "Diamond Dog" Jones'),
    ("Steve Buscemi", "Garland Greene"),
    ("Colm Meaney", "Duncan Malloy"),
    ("Mykelti Williamson", 'Mike "Baby-O" O\'Dell'),
    ("Rachel Ticotin", "Sally Bishop"),
    ("Monica Potter", "Tricia Poe"),
    ("Dave Chappelle", 'Joe "Pinball" Parker'),
]


def test_second_film_article() -> None:
    article = parsed("con-air.txt")
    film, release, review = article.record.film, article.record.release, article.record.review
    assert release is not None and review is not None
    assert (film.title, film.year, film.runtime_min, film.certificate) == (
        "Con Air",
        1997,
        115,
        "15",
    )
    assert film.genres == ["Action", "Thriller"]
    assert film.directors == ["Simon West"]
    assert film.cinematographers == ["David Tattersall"]
    assert film.composers == ["Mark Mancina", "Trevor Rabin"]
    assert [(m.name, m.character) for m in film.cast] == CON_AIR_CAST
    assert (release.label, release.release_date, release.discs, release.country) == (
        "Touchstone",
        dt.date(2012, 10, 8),
        2,
        "UK",
    )
    assert release.extras == ["Extended Cut", "Original Theatrical Trailer", "TV Spots"]
    assert review.ratings.film == 7.0
    assert (review.ratings.picture, review.ratings.audio, review.ratings.extras) == (
        Grade.GREAT,
        Grade.GOOD,
        Grade.POOR,
    )
    assert review.verdict == "Dumb but hugely entertaining action on a great looking Blu-ray"
    assert review.pros == ["Nicolas Cage's accent", "Steve Buscemi", "Explosive set pieces"]
    assert review.cons == ["Bare-bones extras", "Dialogue a little quiet in places"]
    assert review.recommendation is not None and review.recommendation.startswith("It's an easy")
    assert article.missing == ("review.purchase_links", "review.trailer")
    assert article.warnings == ()


SAME_AS_CON_AIR = (
    "con-air-crlf.txt",  # CRLF line ends
    "con-air-tabs.txt",  # tab-indented bullets, tabs after colons and in a heading
    "con-air-extra-blank-lines.txt",  # three blank lines for one, blank lines between items, NBSP
    "con-air-dash-bullets.txt",  # "-" and "*" bullets, headings in other case/spelling, 3.5/5
    "con-air-no-bullets.txt",  # lists without any bullet
    "con-air-extra-sections.txt",  # Synopsis / Behind The Scenes / Cast List / Trivia / ...
)


@pytest.mark.parametrize("name", SAME_AS_CON_AIR)
def test_variants_give_the_same_facts(name: str) -> None:
    base, variant = parsed("con-air.txt").record, parsed(name).record
    mismatched = [f for f in FACT_FIELDS if value(variant, f) != value(base, f)]
    assert mismatched == []
    assert variant.review is not None and base.review is not None
    assert variant.review.sections == base.review.sections
    assert variant.review.intro == base.review.intro


def test_crlf_fixture_really_has_crlf() -> None:
    assert b"\r\n" in (ARTICLES / "con-air-crlf.txt").read_bytes()


def test_extra_sections_and_links_in_plain_text() -> None:
    article = parsed("con-air-extra-sections.txt")
    release, review = article.record.release, article.record.review
    assert release is not None and review is not None
    assert release.region == "B"
    assert release.release_date == dt.date(2012, 10, 8)  # "08/10/2012": day first
    assert article.record.film.runtime_min == 115  # "1h 55m"
    assert review.sections.style_direction is not None
    assert "stunt" not in review.sections.style_direction  # "Behind The Scenes" is not part of it
    assert review.release_conclusion is not None
    assert "stream" not in review.release_conclusion  # nor "Where To Watch:"
    assert review.purchase_links == [
        PurchaseLink(
            retailer="Zavvi",
            url="https://www.zavvi.com/blu-ray/con-air/10000001.html",
            affiliate=True,
        )
    ]
    assert review.trailer is not None
    assert review.trailer.url == "https://www.youtube.com/watch?v=abcDEF123"
    assert article.missing == ()


def test_without_a_disclosure_only_amazon_links_are_affiliate() -> None:
    text = (ARTICLES / "con-air-extra-sections.txt").read_text(encoding="utf-8")
    text = text.replace("The links on this page are affiliate links.", "")
    text = text.replace(
        "https://www.zavvi.com/blu-ray/con-air/10000001.html",
        "https://www.zavvi.com/blu-ray/con-air/10000001.html or https://www.amazon.co.uk/dp/B0CA",
    )
    review = parse_article(text, "con-air-no-disclosure.txt").record.review
    assert review is not None
    assert [(p.retailer, p.affiliate) for p in review.purchase_links] == [
        ("Zavvi", False),
        ("Amazon UK", True),
    ]


def test_lists_that_run_together_are_not_guessed_apart() -> None:
    article = parsed("con-air-no-blank-lines.txt")
    review = article.record.review
    assert review is not None
    assert (review.pros, review.cons) == ([], [])
    assert {"review.pros", "review.cons"} <= set(article.missing)
    assert any("pros and cons could not be told apart" in w for w in article.warnings)
    assert [m.name for m in article.record.film.cast] == [name for name, _ in CON_AIR_CAST]


def test_missing_parts_are_listed_not_guessed() -> None:
    article = parsed("con-air-missing-parts.txt")
    film, release, review = article.record.film, article.record.release, article.record.review
    assert release is not None and review is not None
    assert (film.title, film.year, film.directors) == ("Con Air", 1997, ["Simon West"])
    assert (release.label, release.release_date) == ("Touchstone", dt.date(2012, 10, 8))
    assert film.cast == [] and release.extras == []
    assert review.ratings.model_dump() == {
        "film": None,
        "picture": None,
        "audio": None,
        "extras": None,
    }
    assert review.recommendation is None and review.verdict is None
    for field in (
        "film.cast", "film.synopsis", "film.runtime_min", "film.certificate", "film.composers",
        "film.cinematographers", "release.discs", "release.extras", "release.country",
        "review.sections.music_audio", "review.ratings.film", "review.ratings.picture",
        "review.ratings.audio", "review.ratings.extras", "review.verdict", "review.pros",
        "review.cons", "review.recommendation",
    ):  # fmt: skip
        assert field in article.missing
    assert "film.directors" not in article.missing
    assert any("no cast list" in w and "not used" in w for w in article.warnings)


# Small articles in the template, to try one line at a time.
MINI = """{title} Blu-ray Review

  • {title} ({year})
  • Genre: Drama
  • Directed by Jane Doe
  • Blu-ray Released: {date}

Popcorn Cinema Rating: {title} ({year})

  • {rating}
  • Blu-ray Picture: {picture}
"""


def mini(
    *, title: str = "Test Film", year: str = "2001", date: str = "4 July 2016",
    rating: str = "Movie Rating", picture: str = "GOOD",
) -> ParsedArticle:  # fmt: skip
    text = MINI.format(title=title, year=year, date=date, rating=rating, picture=picture)
    return parse_article(text, "mini.txt")


@pytest.mark.parametrize(
    "date",
    ["4 July 2016", "4th July 2016", "July 4, 2016", "04/07/2016", "2016-07-04", "4 Jul 2016"],
)
def test_release_date_formats(date: str) -> None:
    release = mini(date=date).record.release
    assert release is not None and release.release_date == dt.date(2016, 7, 4)


def test_release_date_not_understood_is_missing_with_a_warning() -> None:
    article = mini(date="sometime soon")
    assert "release.release_date" in article.missing
    assert any("release date 'sometime soon'" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("line", "score"),
    [
        ("Movie Rating: 8/10", 8.0),
        ("Movie Rating: 8 out of 10", 8.0),
        ("Movie Rating: 4/5", 8.0),
        ("Film Rating: 3.5 / 5", 7.0),
        ("Movie Rating: 9", 9.0),
        ("Movie Rating: ★★★★☆", 8.0),
        ("Movie Rating", None),
    ],
)
def test_film_rating(line: str, score: float | None) -> None:
    review = mini(rating=line).record.review
    assert review is not None and review.ratings.film == score


@pytest.mark.parametrize(("word", "grade"), [("good", Grade.GOOD), ("Okay", Grade.OK)])
def test_grade_words(word: str, grade: Grade) -> None:
    review = mini(picture=word).record.review
    assert review is not None and review.ratings.picture == grade


def test_grade_off_the_scale_is_missing_with_a_warning() -> None:
    article = mini(picture="4/5")
    assert "review.ratings.picture" in article.missing
    assert any("picture rating '4/5' is not on the word scale" in w for w in article.warnings)


def test_no_country_unless_the_article_says_so() -> None:
    article = mini()
    assert article.record.release is not None and article.record.release.country is None
    assert "release.country" in article.missing


def test_result_that_does_not_validate_is_a_record_error() -> None:
    with pytest.raises(RecordError) as caught:
        mini(title="Ancient Film", year="1850")
    message = str(caught.value)
    assert message.startswith("mini.txt, record 'Ancient Film': film.year:")
    assert "\n" not in message


# ---------------------------------------------------------------------------------------------
# (3) Not articles


def _junk(size: int) -> str:
    chars = "abcdefghij KLMNOP,.;:!?()[]{}<>#@%&*0123456789\n"
    return "".join(chars[(i * 7919) % len(chars)] for i in range(size))


NOT_ARTICLES = {
    "empty": ("", "the article is empty"),
    "whitespace": (" \n\t\r\n ", "the article is empty"),
    "prose": (
        "I watched a film last night. It was quite good, with explosions and a nice score.\n"
        "Then I went to bed.",
        "no film title and year found",
    ),
    "prose with a title": (
        "Heat (1995)\nI watched Heat (1995) last night. It was great.",
        "almost nothing of the review template",
    ),
    "yaml record": (RECORD_PATH.read_text(encoding="utf-8"), "this is a YAML record"),
    "junk": (_junk(10_000), "no film title and year found"),
    "binary": (bytes(range(256)).decode("latin-1") * 40, "this is not text"),
    "nul bytes": ("Leaving Las Vegas (1995)\x00\x00\x00", "this is not text"),
    "html without article": ("<html><body><p>Hello</p><div>world</div></body></html>", "no film"),
    "too long": ("Genre: Drama\n" * 100_000, "the article is over 1,000,000 characters"),
}


@pytest.mark.parametrize("name", list(NOT_ARTICLES))
def test_not_an_article(name: str) -> None:
    text, expected = NOT_ARTICLES[name]
    with pytest.raises(RecordError) as caught:
        parse_article(text, "pasted.txt")
    message = str(caught.value)
    assert message.startswith("pasted.txt: ")
    assert expected in message
    assert "\n" not in message and len(message) < 300
