"""`popcorn import export.xml`: a WordPress export's review posts become records (covers from
its attachments), other posts are skipped and counted, a failing post is reported with its URL
and does not stop the others; hostile XML is refused in one line; a second import of the same
export changes nothing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from bot.app import Popcorn
from bot.db.changes import film_document_by_slug
from bot.records.files import RecordError, load_import
from bot.records.wxr import read_posts, read_wxr
from tests.processes import run_bot

HERE = Path(__file__).parent / "wordpress"
EXPORT = HERE / "export.xml"
REPO = Path(__file__).resolve().parents[2]
LLV_URL = "https://popcorn.example/leaving-las-vegas-blu-ray-review/"
CON_AIR_URL = "https://popcorn.example/con-air-blu-ray-review/"
REPORT = (
    f"{EXPORT}: 2 review(s) read, 2 post(s) skipped (not reviews), 1 failed:\n"
    "  failed: https://popcorn.example/leaving-las-vegas-typo/: film.year: Input should be "
    "less than or equal to 2027"
)


def test_posts_of_the_export_with_authors_dates_and_covers() -> None:
    posts = read_posts(EXPORT.read_bytes(), "export.xml")
    assert [(p.post_id, p.status, p.url) for p in posts] == [  # posts only: no page, attachment
        (10, "publish", LLV_URL),
        (11, "publish", CON_AIR_URL),
        (12, "publish", "https://popcorn.example/site-news-new-look/"),
        (13, "draft", "https://popcorn.example/?p=13"),
        (14, "publish", "https://popcorn.example/leaving-las-vegas-typo/"),
    ]
    llv, con_air, _, draft, _ = posts
    assert (llv.author, con_air.author) == ("Jack Reviewer", "Sam Smith")  # display names
    assert llv.published == dt.datetime(2019, 3, 2, 18, 4, 11, tzinfo=dt.UTC)
    assert llv.modified == dt.datetime(2019, 3, 5, 9, 0, tzinfo=dt.UTC)
    assert (
        llv.cover_url
        == "https://popcorn.example/wp-content/uploads/2019/03/leaving-las-vegas-cover.jpg"
    )
    assert con_air.cover_url == "https://popcorn.example/wp-content/uploads/2019/04/con-air.jpg"
    assert (draft.published, draft.cover_url) == (None, None)


def test_the_export_read_reviews_skipped_and_failed() -> None:
    reading = read_wxr(EXPORT.read_bytes(), str(EXPORT))
    assert reading.report() == REPORT
    assert [(p.url, p.reason) for p in reading.skipped] == [
        (
            "https://popcorn.example/site-news-new-look/",
            "no film title and year found — not a review article in the site's template "
            "(expected e.g. 'Movie title: Leaving Las Vegas (1995)')",
        ),
        ("https://popcorn.example/?p=13", "not published (status 'draft')"),
    ]
    records = {item.record.slug: item.record for item in reading.records}
    assert sorted(records) == ["con-air-1997", "leaving-las-vegas-1995"]
    con_air = records["con-air-1997"]
    assert con_air.review is not None and con_air.release is not None
    # A classic-editor post: paragraphs by blank lines, the trailer a bare YouTube URL.
    assert con_air.review.author == "Sam Smith"
    assert con_air.review.ratings.film == 7.0
    assert con_air.review.pros == ["Nicolas Cage's accent", "Steve Buscemi", "Explosive set pieces"]
    assert con_air.release.discs == 2
    assert con_air.review.trailer is not None
    assert str(con_air.review.trailer.url) == "https://www.youtube.com/watch?v=conair97"
    llv = records["leaving-las-vegas-1995"]
    assert llv.review is not None
    assert llv.review.ratings.film == 8.0  # from the post's JSON-LD (4 of 5)
    assert [(p.retailer, str(p.url)) for p in llv.review.purchase_links] == [
        ("Amazon UK", "https://www.amazon.co.uk/dp/B01EXAMPLE"),
        ("Zavvi", "https://www.zavvi.com/blu-ray/leaving-las-vegas/1234.html"),
    ]


def test_two_posts_reviewing_one_film_keep_the_newer() -> None:
    data = EXPORT.read_text().replace("Leaving Las Vegas (2099)", "Leaving Las Vegas (1995)")
    reading = read_wxr(data.encode(), "export.xml")
    assert sorted(r.record.slug for r in reading.records) == [
        "con-air-1997",
        "leaving-las-vegas-1995",
    ]
    kept = next(r.record for r in reading.records if r.record.slug == "leaving-las-vegas-1995")
    assert kept.review is not None
    assert kept.review.url == "https://popcorn.example/leaving-las-vegas-typo/"
    assert [(p.url, p.reason) for p in reading.failed] == [
        (
            LLV_URL,
            "a second review of leaving-las-vegas-1995 — kept the newer post "
            "https://popcorn.example/leaving-las-vegas-typo/",
        )
    ]


def test_hostile_or_foreign_xml_is_refused_in_one_line() -> None:
    with pytest.raises(RecordError) as raised:
        read_wxr((HERE / "billion-laughs.xml").read_bytes(), "lolz.xml")
    assert (
        str(raised.value) == "lolz.xml: refused: the XML declares a DTD or entities (DTDForbidden)"
    )
    with pytest.raises(RecordError, match=r"^x.xml: not valid XML \(mismatched tag"):
        read_wxr(b"<rss><channel></rss>", "x.xml")
    with pytest.raises(RecordError) as raised:
        read_wxr(b'<rss version="2.0"><channel><title>Feed</title></channel></rss>', "feed.xml")
    assert str(raised.value) == (
        "feed.xml: not a WordPress export (no wp:wxr_version in the XML's channel)"
    )
    with pytest.raises(RecordError, match=r"^s.xml: not a WordPress export \(the XML is not"):
        read_wxr(b"<svg/>", "s.xml")


def test_load_import_dispatches_the_export() -> None:
    given = load_import([EXPORT])
    assert sorted(item.record.slug for item in given.records) == [
        "con-air-1997",
        "leaving-las-vegas-1995",
    ]
    assert all(item.mode == "replace" for item in given.records)
    assert given.reports == [REPORT]


async def test_import_of_the_export_writes_the_reviews_once(any_app: Popcorn) -> None:
    first = await any_app.import_paths([EXPORT])
    assert (first.records, first.films_updated) == (2, 2)  # both films are in data/ already
    async with any_app.sessions() as session:
        llv = await film_document_by_slug(session, "leaving-las-vegas-1995")
        con_air = await film_document_by_slug(session, "con-air-1997")
    assert llv is not None and llv.review is not None
    assert llv.review.url == LLV_URL
    assert llv.review.author == "Jack Reviewer"
    assert llv.review.published == dt.date(2019, 3, 2)
    assert llv.review.cover_url == (
        "https://popcorn.example/wp-content/uploads/2019/03/leaving-las-vegas-cover.jpg"
    )
    assert con_air is not None and con_air.review is not None
    assert con_air.review.url == CON_AIR_URL
    versions = (llv.version, con_air.version)
    second = await any_app.import_paths([EXPORT])
    assert (second.records, second.films_created, second.films_updated) == (2, 0, 0)
    async with any_app.sessions() as session:
        again = await film_document_by_slug(session, "leaving-las-vegas-1995")
        con_air_again = await film_document_by_slug(session, "con-air-1997")
    assert again is not None and con_air_again is not None
    assert (again.version, con_air_again.version) == versions


def test_popcorn_import_export_xml(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN",)}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'p.sqlite3'}"

    def popcorn(*args: str) -> subprocess.CompletedProcess[str]:
        return run_bot(args, cwd=REPO, env=env, timeout=120)

    first = popcorn("import", str(EXPORT))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Imported 2 record(s): 2 film(s) added, 0 updated")
    second = popcorn("import", str(EXPORT))
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("Imported 2 record(s): 0 film(s) added, 0 updated")
    hostile = popcorn("import", str(HERE / "billion-laughs.xml"))
    assert hostile.returncode != 0
    assert (
        hostile.stderr.strip()
        .splitlines()[-1]
        .endswith("billion-laughs.xml: refused: the XML declares a DTD or entities (DTDForbidden)")
    )
