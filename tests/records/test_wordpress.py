"""A WordPress post as a review record: the post's HTML read on its structure (headings, list
items, the review plugin's box), its links (shops, the YouTube embed), its URL, author, date and
cover, schema.org JSON-LD used and checked; posts that are not reviews skipped with the reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.records.article import parse_article
from bot.records.files import RecordError
from bot.records.schema import Grade
from bot.records.wordpress import WordPressPost, json_ld_facts, post_lines, review_from_post

PAGE = (Path(__file__).parent / "articles" / "leaving-las-vegas.html").read_text()
BODY = PAGE[PAGE.index('<div class="entry-content">') : PAGE.index("</article>")]
URL = "https://popcorn.example/leaving-las-vegas-blu-ray-review/"
COVER = "https://popcorn.example/wp-content/uploads/2019/03/llv.jpg"
HEADLINE = "Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?"


def post(html: str = BODY, **changes: object) -> WordPressPost:
    fields: dict[str, object] = {
        "url": URL,
        "title": HEADLINE,
        "html": html,
        "author": "Jack Reviewer",
        "published": dt.datetime(2019, 3, 2, 18, 4, tzinfo=dt.UTC),
        "modified": None,
        "cover_url": COVER,
    }
    fields.update(changes)
    return WordPressPost(**fields)  # type: ignore[arg-type]


def json_ld(**movie: object) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Review",
        "reviewRating": {"@type": "Rating", "ratingValue": "4", "bestRating": "5"},
        "itemReviewed": {"@type": "Movie", "name": "Leaving Las Vegas", **movie},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_post_becomes_the_record_with_the_posts_own_facts() -> None:
    reading = review_from_post(post())
    assert reading.skipped is None and reading.record is not None
    record = reading.record
    assert (record.film.title, record.film.year) == ("Leaving Las Vegas", 1995)
    assert record.film.directors == ["Mike Figgis"]
    assert record.film.runtime_min == 111
    assert record.film.certificate == "18"
    assert [(m.name, m.character) for m in record.film.cast[:2]] == [
        ("Nicolas Cage", "Ben Sanderson"),
        ("Elisabeth Shue", "Sera"),
    ]
    assert record.release is not None and record.release.label == "Studiocanal"
    assert record.release.release_date == dt.date(2016, 7, 4)
    assert record.release.extras == [
        "Making Of",
        "Interviews with Nicolas Cage, Elisabeth Shue, Julian Sands & Mike Figgis",
        "B-Roll",
    ]
    review = record.review
    assert review is not None
    assert review.headline == HEADLINE
    assert review.url == URL
    assert review.author == "Jack Reviewer"
    assert review.published == dt.date(2019, 3, 2)
    assert review.cover_url == COVER
    assert review.verdict == "Great film let down by poor audio on the Blu-ray release"
    assert review.pros == ["Nicolas Cage", "Elisabeth Shue", "Gripping Storyline"]
    assert review.cons == ["Poor Audio Quality", "Picture Quality Could Be Better"]
    assert (review.ratings.picture, review.ratings.audio, review.ratings.extras) == (
        Grade.GOOD,
        Grade.POOR,
        Grade.OK,
    )
    assert review.sections.style_direction is not None
    assert review.sections.style_direction.startswith("The films directed by Mike Figgis")
    # The post's links: the shop link (affiliate: the page says so), the embedded trailer.
    assert [(p.retailer, str(p.url), p.affiliate) for p in review.purchase_links] == [
        ("Amazon UK", "https://www.amazon.co.uk/dp/B01EXAMPLE", True)
    ]
    assert review.trailer is not None
    assert str(review.trailer.url) == "https://www.youtube.com/watch?v=XXXX"


def test_the_post_reads_as_the_same_page_pasted() -> None:
    """The DOM reading gives the article parser's record for the same page (but for the post's
    own URL, date, author and cover)."""
    pasted = parse_article(PAGE).record
    from_post = review_from_post(post(url=pasted.review.url if pasted.review else URL))
    assert from_post.record is not None and pasted.review is not None
    assert from_post.record.film == pasted.film
    assert from_post.record.release == pasted.release
    keep = {"author", "cover_url", "published"}
    assert from_post.record.review is not None
    assert from_post.record.review.model_dump(exclude=keep) == pasted.review.model_dump(
        exclude=keep
    )


def test_structure_headings_lists_and_review_box_lines() -> None:
    lines, links = post_lines(
        "<h2>Style / Direction</h2><p>One <b>two</b><br>three.</p>"
        "<ul><li>A <a href='https://www.zavvi.com/x.html'>shop</a><ul><li>nested</li></ul></li>"
        "<li>B</li></ul><div class='review-pros'><ul><li>Good</li></ul></div>"
        "<div class='review-cons'><ul><li>Bad</li></ul></div>"
        "<ul class='review-criteria'><li>Movie Rating</li></ul>"
        "<script>var x = 'Genre: Horror';</script>"
        "<figure class='wp-block-embed is-provider-youtube'><div class='wp-block-embed__wrapper'>"
        "https://www.youtube.com/watch?v=abc</div></figure>"
    )
    assert lines == [
        "Style / Direction",
        "",
        "One two three.",
        "",
        "• A shop",
        "• nested",
        "• B",
        "",
        "Pros",
        "",
        "• Good",
        "",
        "Cons",
        "",
        "• Bad",
    ]
    assert links == ["https://www.zavvi.com/x.html", "https://www.youtube.com/watch?v=abc"]


def test_classic_editor_paragraphs_are_blank_line_separated() -> None:
    lines, _ = post_lines("First paragraph here.\n\nSecond one.\n<ul><li>x</li></ul>Last.")
    assert lines == ["First paragraph here.", "", "Second one.", "", "• x", "", "Last."]


def test_json_ld_fills_what_the_text_lacks() -> None:
    html = json_ld(duration="PT1H51M") + BODY
    reading = review_from_post(post(html))
    assert reading.record is not None and reading.record.review is not None
    assert reading.record.review.ratings.film == 8.0  # 4/5 on the 10 scale
    assert not [w for w in reading.warnings if "JSON-LD" in w]
    facts = json_ld_facts(
        json_ld(director=[{"name": "A B"}], actor=[{"name": "C D"}], duration="PT95M")
    )
    assert (facts.rating, facts.directors, facts.actors, facts.runtime_min) == (
        8.0,
        ("A B",),
        ("C D",),
        95,
    )


def test_json_ld_that_disagrees_with_the_text_is_a_warning() -> None:
    html = (
        json_ld(
            director={"@type": "Person", "name": "Someone Else"},
            actor=[{"name": "Nicolas Cage"}, {"name": "Tom Hanks"}],
            duration="PT2H",
        )
        + BODY
    )
    reading = review_from_post(post(html))
    assert reading.record is not None
    assert reading.record.film.directors == ["Mike Figgis"]
    assert reading.record.film.runtime_min == 111
    ld = [w for w in reading.warnings if "JSON-LD" in w]
    assert ld == [
        "the page's JSON-LD names the director(s) Someone Else, the text Mike Figgis — kept "
        "the text's",
        "the page's JSON-LD names actor(s) the text's cast does not: Tom Hanks — not added",
        "the page's JSON-LD gives a running time of 120 min, the text 111 min — kept the text's",
    ]


def test_a_post_that_is_not_a_review_is_skipped_with_the_reason() -> None:
    news = review_from_post(post("<p>Our site has a new look.</p>", title="Site news"))
    assert news.record is None
    assert news.skipped is not None and news.skipped.startswith("no film title and year found")
    draft = review_from_post(post(status="draft"))
    assert (draft.record, draft.skipped) == (None, "not published (status 'draft')")
    empty = review_from_post(post("<p> </p>"))
    assert (empty.record, empty.skipped) == (None, "the post is empty")


def test_a_review_whose_facts_do_not_validate_fails_naming_the_post() -> None:
    with pytest.raises(RecordError) as raised:
        review_from_post(post(BODY.replace("Leaving Las Vegas (1995)", "Leaving Las Vegas (2099)")))
    assert str(raised.value) == (
        f"{URL}, record 'Leaving Las Vegas': film.year: Input should be less than or equal to 2027"
    )


def test_a_cover_or_url_that_is_not_http_is_left_out() -> None:
    reading = review_from_post(post(url="javascript:alert(1)", cover_url="file:///etc/passwd"))
    assert reading.record is not None and reading.record.review is not None
    assert (reading.record.review.url, reading.record.review.cover_url) == (None, None)


def test_hostile_nesting_is_read_as_text_without_recursion() -> None:
    deep = "<div>" * 20_000 + "deep text" + "</div>" * 20_000
    inline = "<p>" + "<b>" * 20_000 + "bold" + "</b>" * 20_000 + "</p>"
    assert post_lines(deep + inline) == (["deep text", "", "bold"], [])
