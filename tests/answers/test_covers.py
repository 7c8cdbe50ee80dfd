"""The cover filter: only http(s) images from the site's own host, its subdomains or
WordPress's image CDN serving the site's images are shown; anything else is dropped."""

from __future__ import annotations

import pytest

from bot.answers.covers import shown_cover, site_hosts

REVIEW = "https://www.blurayreviews.example/2021/03/leaving-las-vegas-review/"
SITE = "https://films.example/"


@pytest.mark.parametrize(
    "cover",
    [
        "https://www.blurayreviews.example/wp-content/uploads/2021/03/llv.jpg",
        "https://blurayreviews.example/wp-content/uploads/llv.jpg",
        "http://blurayreviews.example/wp-content/uploads/llv.jpg",
        "https://cdn.blurayreviews.example/llv.jpg",
        "https://BLURAYREVIEWS.example/llv.jpg",
        "https://i0.wp.com/blurayreviews.example/wp-content/uploads/llv.jpg?w=300",
        "https://i2.wp.com/www.blurayreviews.example/wp-content/uploads/llv.jpg",
    ],
)
def test_the_sites_own_images_are_shown(cover: str) -> None:
    assert shown_cover(cover, REVIEW) == cover


@pytest.mark.parametrize(
    "cover",
    [
        "javascript:alert(1)",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://blurayreviews.example/llv.jpg",
        "//blurayreviews.example/llv.jpg",
        "/wp-content/uploads/llv.jpg",
        "http://evil.example/x.jpg",
        "https://blurayreviews.example.evil.example/llv.jpg",  # look-alike: the site's name first
        "https://evilblurayreviews.example/llv.jpg",  # look-alike: the site's name last
        "https://blurayreviews.example@evil.example/llv.jpg",  # user info hiding the host
        "https://blurayreviews.example\\@evil.example/llv.jpg",
        "https://blurayreviews.example/llv.jpg\n",
        "https://blurаyreviews.example/llv.jpg",  # a Cyrillic а
        "https://i0.wp.com/evil.example/x.jpg",  # the CDN, but another site's image
        "https://i9.wp.com/blurayreviews.example/llv.jpg",
        "https://blurayreviews.example:0/llv.jpg",
        "https://blurayreviews.example:99999/llv.jpg",
        "",
    ],
)
def test_anything_else_is_dropped(cover: str) -> None:
    assert shown_cover(cover, REVIEW, SITE) is None


def test_no_cover_or_no_site_shows_nothing() -> None:
    assert shown_cover(None, REVIEW) is None
    assert shown_cover("https://blurayreviews.example/llv.jpg", None) is None
    assert shown_cover("https://blurayreviews.example/llv.jpg", "javascript:alert(1)") is None


def test_the_configured_site_counts_as_the_sites_host() -> None:
    cover = "https://films.example/wp-content/uploads/llv.jpg"
    assert shown_cover(cover, REVIEW) is None
    assert shown_cover(cover, REVIEW, SITE) == cover
    assert shown_cover(cover, None, SITE) == cover
    assert shown_cover("https://i1.wp.com/films.example/llv.jpg", None, SITE) is not None


def test_site_hosts_drop_www_and_bad_links() -> None:
    assert site_hosts(REVIEW, SITE) == {"blurayreviews.example", "films.example"}
    assert site_hosts("data:text/html,hi", None) == frozenset()


async def test_the_configured_site_s_images_are_shown_on_the_card(sqlite_url: str) -> None:
    """POPCORN_SITE_URL reaches the cards: a cover on the site's host is shown even when the
    review's own address is elsewhere; without the setting it is not."""
    from bot.answers.types import Attachment
    from bot.app import Popcorn
    from tests.answers.moderation.helpers import MOD, say
    from tests.helpers import make_settings

    record = (
        "schema: 1\nfilm:\n  title: Mandy\n  year: 2018\nreview:\n"
        "  url: https://mirror.example/mandy/\n"
        "  cover_url: https://popcorn.example/wp-content/uploads/mandy.jpg\n"
        "  verdict: Bonkers\n"
    )
    for site, shown in (("https://popcorn.example/", True), (None, False)):
        app = await Popcorn.start(make_settings(sqlite_url, POPCORN_SITE_URL=site))
        try:
            if site is not None:
                preview = await say(
                    app, "!review add", MOD, (Attachment("m.yaml", record.encode()),)
                )
                await app.apply(preview.change)  # type: ignore[union-attr]
            card = await app.answer_text("!review mandy")
            assert card is not None
            thumbnail = getattr(card, "thumbnail", None)
            assert (thumbnail == "https://popcorn.example/wp-content/uploads/mandy.jpg") is shown
        finally:
            await app.close()
