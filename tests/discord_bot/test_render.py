"""Every answer, rendered (bot/discord_bot/render.py), stays within Discord's limits and pings no
one: for the shipped data and for an adversarial record (huge title with mentions, 80 long cast
members, 25 pros...)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import yaml

from bot.answers.types import Answer, Card, Choices, ItemList, Notice, Request
from bot.app import Popcorn
from bot.discord_bot.render import Reply, as_plain_text, page_count, render, render_list_page
from bot.discord_bot.views import (
    Paginator,
    interactive_reply,
)
from bot.records.files import RecordError
from tests.discord_bot.limits_check import (
    assert_within_limits,
    embed_text_length,
    limit_problems,
)
from tests.helpers import make_settings

#: The tests on a module-wide app (`shared_app`, `adversarial_app`) run on the module's event
#: loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")

SHIPPED_COMMANDS = [
    "!review leaving las vegas",
    "!review levaing las vegs 1995",
    "!review leaving las vegas 1990",
    "!verdict leaving las vegas",
    "!cast leaving las vegas",
    "!buy leaving las vegas",
    "!review face off",
    "!verdict face off",
    "!buy face off",
    "!cage",
    "!nic cage",
    "!nicholas cage",
    "!filmography elizabeth shu",
    "!shue",
    "!xyzzyq",
    "!search vegas",
    "!search qqqqzzzzxxxx",
    "!help",
    "!",
    "!review",
    "!filmography",
    "!search",
    "!review qzxv wplk mmrt",
    "!review " + "x" * 10_000,
    "!" + "x" * 10_000,
    "!review @everyone <@&123> <@123456789012345678>",
]


OWNER = 1234


def rendered_replies(app: Popcorn, answer: Answer) -> list[Reply]:
    """Every message the answer can become: the plain render, the reply with its controls
    (what is sent), the plain-text fallback without Embed Links, and every page of a list."""
    replies = [render(answer), interactive_reply(answer, OWNER, app)]
    replies.append(as_plain_text(replies[0]))
    if isinstance(answer, ItemList):
        for page in range(page_count(answer)):
            replies.append(render_list_page(answer, page))
            if page_count(answer) > 1:
                replies.append(Paginator(answer, OWNER, page).current())
    return replies


def check_answer(app: Popcorn, answer: Answer) -> list[dict[str, Any]]:
    payloads = [reply.payload() for reply in rendered_replies(app, answer)]
    for payload in payloads:
        # titles may hold "@everyone" (e.g. in the plain-text fallback): allowed_mentions,
        # checked here, is what keeps it from pinging
        assert_within_limits(payload)
    return payloads


@on_the_module_loop
@pytest.mark.parametrize("message", SHIPPED_COMMANDS, ids=lambda m: m[:40])
async def test_shipped_answers_fit(shared_app: Popcorn, message: str) -> None:
    answer = await shared_app.answer_text(message)
    assert answer is not None
    check_answer(shared_app, answer)


async def test_first_page_equals_render(app: Popcorn) -> None:
    answer = await app.answer_text("!cage")
    assert isinstance(answer, ItemList)
    assert render(answer).payload() == render_list_page(answer, 0).payload()
    pages = page_count(answer)
    assert pages > 1
    last = render_list_page(answer, pages - 1).payload()
    assert last["embeds"][0]["footer"]["text"].startswith(f"Page {pages}/{pages}")
    shown = []
    for page in range(pages):
        description = render_list_page(answer, page).payload()["embeds"][0]["description"]
        shown += [line for line in description.splitlines() if line.startswith("**")]
    assert len(shown) == len(answer.items)  # every film is on some page


async def test_multi_page_list_is_sent_with_page_buttons(app: Popcorn) -> None:
    answer = await app.answer_text("!cage")
    assert isinstance(answer, ItemList)
    pages = page_count(answer)
    payload = interactive_reply(answer, OWNER, app).payload()
    assert payload["embeds"][0]["footer"]["text"] == f"Page 1/{pages}"
    (row,) = payload["components"]
    labels = [(b["label"], b["disabled"]) for b in row["components"]]
    assert labels == [("◀ Previous", True), (f"1/{pages}", True), ("Next ▶", False)]
    assert (
        "**Leaving Las Vegas** (1995) — as Ben Sanderson · ⭐"
        in (payload["embeds"][0]["description"])
    )  # the reviewed film first
    page_two = Paginator(answer, OWNER, 1).current().payload()
    assert page_two["embeds"][0]["footer"]["text"] == f"Page 2/{pages}"
    assert "⭐" not in page_two["embeds"][0]["description"]


async def test_one_page_list_has_no_page_buttons(app: Popcorn) -> None:
    answer = await app.answer_text("!cast leaving las vegas")
    assert isinstance(answer, ItemList)
    assert interactive_reply(answer, OWNER, app).payload()["components"] == []


async def test_plain_text_fallback_keeps_the_card(app: Popcorn) -> None:
    answer = await app.answer_text("!review leaving las vegas")
    assert answer is not None
    payload = as_plain_text(render(answer)).payload()
    assert payload["embeds"] == []
    assert "Leaving Las Vegas (1995)" in payload["content"]
    assert "Great film let down by poor audio" in payload["content"]
    assert "Embed Links" in payload["content"]
    assert_within_limits(payload)


async def test_review_card_payload(app: Popcorn) -> None:
    answer = await app.answer_text("!review leaving las vegas")
    assert answer is not None
    check_answer(app, answer)
    payload = interactive_reply(answer, OWNER, app).payload()
    assert payload["content"] is None
    (embed,) = payload["embeds"]
    assert embed["title"] == "Leaving Las Vegas (1995)"
    assert embed["footer"]["text"].startswith("Affiliate links")
    names = [f["name"] for f in embed["fields"]]
    assert names[:4] == ["Film", "Picture", "Audio", "Extras"]
    assert {"Pros", "Cons", "Directed by", "Runtime", "Certificate", "Release"} <= set(names)
    (row,) = payload["components"]
    assert [(b["label"], b["style"]) for b in row["components"]] == [
        ("Read the review", 1),  # `!read`, in place of the card
        ("Buy at Amazon UK", 5),
        ("Trailer", 5),
    ]
    assert all(b["url"].startswith("https://") for b in row["components"][1:])


async def test_allowed_mentions_ping_no_one(app: Popcorn) -> None:
    answer = await app.answer_text("!review leaving las vegas")
    assert answer is not None
    reply = render(answer)
    assert reply.payload()["allowed_mentions"] == {"parse": []}
    mentions = reply.send_kwargs()["allowed_mentions"]
    assert mentions.everyone is False
    assert mentions.users is False
    assert mentions.roles is False
    assert mentions.replied_user is False


# --- an adversarial record -----------------------------------------------------------------


def long_text(start: str, length: int) -> str:
    """`start` followed by numbered words, exactly `length` characters."""
    text, i = start, 0
    while len(text) < length:
        text += f" w{i}"
        i += 1
    return text[:length].rstrip().ljust(length, "z")


TITLE = long_text("@everyone <@&123> Zyzzogeton **Bold** `code` <@123456789012345678>", 300)


ACTOR = long_text("Actor00 Qwfpgj", 120)


def adversarial_record(year: int, *, verdict_length: int = 1000) -> dict[str, Any]:
    return {
        "schema": 1,
        "film": {
            "title": TITLE,
            "year": year,
            "aliases": ["Zyzzogeton"],
            "genres": [long_text(f"Genre{i:02d}", 120) for i in range(20)],
            "certificate": "X" * 10,
            "runtime_min": 1500,
            "description": long_text("Description @everyone", 6000),
            "synopsis": long_text("Synopsis", 6000),
            "directors": [long_text(f"Director{i:02d} Name", 120) for i in range(20)],
            "writers": [long_text(f"Writer{i:02d} Name", 120) for i in range(20)],
            "cinematographers": [long_text(f"Dop{i:02d} Name", 120) for i in range(20)],
            "composers": [long_text(f"Composer{i:02d} Name", 120) for i in range(20)],
            "cast": [
                {
                    "name": long_text(f"Actor{i:02d} Qwfpgj", 120),
                    "character": long_text(f"Role{i:02d} @everyone <@&123>", 300),
                }
                for i in range(80)
            ],
        },
        "release": {
            "format": long_text("Format", 300),
            "edition": long_text("Edition", 300),
            "label": long_text("Label", 300),
            "release_date": "2020-01-01",
            "country": long_text("Country", 300),
            "region": "R" * 20,
            "discs": 100,
            "extras": [long_text(f"Extra{i}", 300) for i in range(100)],
        },
        "review": {
            "headline": long_text("Headline", 300),
            "url": "https://example.com/review/" + "u" * 400,
            "author": long_text("Author", 120),
            "intro": long_text("Intro", 6000),
            "verdict": long_text("Verdict @everyone <@&123>", verdict_length),
            "pros": [long_text(f"Pro{i:02d} @everyone", 300) for i in range(25)],
            "cons": [long_text(f"Con{i:02d}", 300) for i in range(25)],
            "recommendation": long_text("Recommendation", 6000),
            "ratings": {"film": 7.5, "picture": "EXCELLENT", "audio": "POOR", "extras": "GREAT"},
            "purchase_links": [
                {
                    "retailer": long_text(f"Retailer{i} @everyone", 300),
                    "url": f"https://www.amazon.co.uk/dp/{i}/" + "p" * 400,
                    "affiliate": True,
                }
                for i in range(10)
            ],
            "trailer": {"url": "https://www.youtube.com/watch?v=" + "t" * 400},
        },
    }


def catalog(rows: int) -> str:
    """One actor with a long name in `rows` films with long titles and characters."""
    lines = ["title,year,cast"]
    for i in range(rows):
        title = long_text(f"Catalog Film {i:03d} @everyone", 300).replace(",", " ")
        character = long_text(f"Part{i:03d}", 300)
        lines.append(f"{title},{1950 + i % 70},{ACTOR} as {character}")
    return "\n".join(lines) + "\n"


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def adversarial_database(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Popcorn]:
    """The adversarial records imported once per module: the tests below only read."""
    tmp_path = tmp_path_factory.mktemp("adversarial")
    url = f"sqlite+aiosqlite:///{tmp_path / 'adversarial.sqlite3'}"
    app = await Popcorn.start(make_settings(url, POPCORN_AFFILIATE_TAG="popcorn-21"), seed=False)
    folder = tmp_path / "records"
    folder.mkdir()
    write_yaml(folder / "zyzzogeton-2001.yaml", adversarial_record(2001))
    write_yaml(folder / "zyzzogeton-2002.yaml", adversarial_record(2002))
    (folder / "actor.csv").write_text(catalog(90), encoding="utf-8")
    try:
        stats = await app.import_paths([folder])
        assert stats.films_created == 92
        yield app
    finally:
        await app.close()


@pytest.fixture
def adversarial_app(adversarial_database: Popcorn) -> Popcorn:
    """The module's adversarial app, its document cache emptied: each test reads from the
    database as it would on its own app."""
    adversarial_database.documents.clear()
    return adversarial_database


async def film_id(app: Popcorn) -> int:
    answer = await app.answer_text("!review zyzzogeton 2001")
    assert isinstance(answer, Card), answer
    assert answer.film_id is not None
    return answer.film_id


ADVERSARIAL_MESSAGES = [
    "!review zyzzogeton",
    "!review zyzzogeton 2001",
    "!review zyzzogeton 1999",
    "!verdict zyzzogeton 2001",
    "!cast zyzzogeton 2001",
    "!buy zyzzogeton 2001",
    "!search zyzzogeton",
    "!search catalog film",
    f"!filmography {ACTOR}",
    "!filmography actor",
    "!help",
]


@on_the_module_loop
@pytest.mark.parametrize("message", ADVERSARIAL_MESSAGES, ids=lambda m: m[:30])
async def test_adversarial_answers_fit(adversarial_app: Popcorn, message: str) -> None:
    answer = await adversarial_app.answer_text(message)
    assert answer is not None
    check_answer(adversarial_app, answer)


@on_the_module_loop
@pytest.mark.parametrize("command", ["review", "verdict", "cast", "buy"])
async def test_adversarial_answers_by_id_fit(adversarial_app: Popcorn, command: str) -> None:
    answer = await adversarial_app.answer(
        Request(command=command, film_id=await film_id(adversarial_app))
    )
    assert not isinstance(answer, Notice)
    check_answer(adversarial_app, answer)


@on_the_module_loop
async def test_adversarial_review_card(adversarial_app: Popcorn) -> None:
    answer = await adversarial_app.answer_text("!review zyzzogeton 2001")
    assert isinstance(answer, Card)
    check_answer(adversarial_app, answer)
    payload = interactive_reply(answer, OWNER, adversarial_app).payload()
    (embed,) = payload["embeds"]
    assert len(embed["title"]) <= 256
    assert embed["title"].startswith("@everyone <@&123> Zyzzogeton")
    assert embed["title"].endswith("…")  # cut, not dropped
    assert embed_text_length(embed) <= 6000
    names = [f["name"] for f in embed["fields"]]
    assert names[:4] == ["Film", "Picture", "Audio", "Extras"]  # the ratings survive fitting
    assert embed["fields"][0]["value"] == "7.5/10"
    buttons = [b for row in payload["components"] for b in row["components"]]
    assert len(buttons) == 13  # Read the review, 10 shops, the trailer, the full review
    assert all(len(b["label"]) <= 80 for b in buttons)
    assert all("tag=popcorn-21" in b["url"] for b in buttons if "amazon" in b.get("url", ""))


@on_the_module_loop
async def test_adversarial_ambiguous_title_asks(adversarial_app: Popcorn) -> None:
    answer = await adversarial_app.answer_text("!review zyzzogeton")
    assert isinstance(answer, Choices)
    assert sorted(c.label[-6:] for c in answer.choices) == ["(2001)", "(2002)"]
    check_answer(adversarial_app, answer)
    payload = interactive_reply(answer, OWNER, adversarial_app).payload()
    assert payload["embeds"][0]["description"].startswith("Several films match")
    ((menu,),) = [row["components"] for row in payload["components"]]
    assert menu["type"] == 3
    assert len(menu["options"]) == 2


@on_the_module_loop
async def test_adversarial_choices_keep_the_years(adversarial_app: Popcorn) -> None:
    answer = await adversarial_app.answer_text("!review zyzzogeton")
    assert isinstance(answer, Choices)
    payload = interactive_reply(answer, OWNER, adversarial_app).payload()
    description = payload["embeds"][0]["description"]
    assert "2001" in description
    assert "2002" in description
    options = [o["label"] for o in payload["components"][0]["components"][0]["options"]]
    assert len(set(options)) == 2, options


@on_the_module_loop
async def test_adversarial_cast_pages(adversarial_app: Popcorn) -> None:
    answer = await adversarial_app.answer_text("!cast zyzzogeton 2001")
    assert isinstance(answer, ItemList)
    assert len(answer.items) == 80
    check_answer(adversarial_app, answer)
    pages = page_count(answer)
    assert pages > 1
    first = render(answer).payload()["embeds"][0]
    assert first["footer"]["text"] == f"Page 1/{pages}"
    shown = sum(
        len([line for line in page.splitlines() if re.match(r"\d+\. ", line)])
        for page in (
            render_list_page(answer, n).payload()["embeds"][0]["description"] for n in range(pages)
        )
    )
    assert shown == 80  # every cast member is on some page


@on_the_module_loop
async def test_adversarial_long_filmography_pages(adversarial_app: Popcorn) -> None:
    answer = await adversarial_app.answer_text(f"!filmography {ACTOR}")
    assert isinstance(answer, ItemList)
    assert len(answer.items) == 92
    check_answer(adversarial_app, answer)
    assert page_count(answer) > 5


async def test_five_thousand_character_verdict_is_refused(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'verdict.sqlite3'}"
    app = await Popcorn.start(make_settings(url), seed=False)
    try:
        path = write_yaml(
            tmp_path / "long-verdict.yaml", adversarial_record(2001, verdict_length=5000)
        )
        with pytest.raises(RecordError) as info:
            await app.import_paths([path])
        message = str(info.value)
        assert "\n" not in message
        assert "long-verdict.yaml" in message
        assert "Zyzzogeton" in message  # the record
        assert "review.verdict" in message  # the field
        assert "1000" in message  # the limit
        assert app.index.film_count == 0  # nothing was imported
    finally:
        await app.close()


# --- the card's cover and the link to the review on the site (issue 14) --------------------

SITE_REVIEW = "https://www.blurayreviews.example/2018/09/mandy-blu-ray-review/"
COVER = "https://www.blurayreviews.example/wp-content/uploads/2018/09/mandy.jpg"


async def test_a_site_review_card_renders_its_cover_and_buttons(
    app: Popcorn, tmp_path: Path
) -> None:
    record = tmp_path / "mandy-2018.yaml"
    record.write_text(
        "schema: 1\nfilm:\n  title: Mandy\n  year: 2018\n"
        f"review:\n  url: {SITE_REVIEW}\n  cover_url: {COVER}\n  author: Jane Doe\n"
        "  published: 2018-09-21\n  verdict: Bonkers\n  purchase_links:\n"
        "    - {retailer: Amazon UK, url: 'https://www.amazon.co.uk/dp/B07H', affiliate: true}\n",
        encoding="utf-8",
    )
    await app.import_paths([record])
    answer = await app.answer_text("!review mandy")
    assert isinstance(answer, Card)
    check_answer(app, answer)
    payload = interactive_reply(answer, OWNER, app).payload()
    (embed,) = payload["embeds"]
    assert embed["thumbnail"] == {"url": COVER}
    assert embed["url"] == SITE_REVIEW
    assert embed["footer"]["text"].startswith("Reviewed by Jane Doe on 21 September 2018\n")
    (row,) = payload["components"]
    assert [(b["label"], b["style"], b.get("url")) for b in row["components"]] == [
        ("Read it here", 1, None),  # `!read`, in place of the card
        ("Buy at Amazon UK", 5, "https://www.amazon.co.uk/dp/B07H"),
        ("Read the review", 5, SITE_REVIEW),
    ]


@pytest.mark.parametrize("thumbnail", ["javascript:alert(1)", "data:image/png;base64,AA", ""])
def test_a_card_never_sends_a_non_web_thumbnail(thumbnail: str) -> None:
    reply = render(Card(title="Mandy (2018)", thumbnail=thumbnail))
    assert "thumbnail" not in reply.payload()["embeds"][0]


def test_a_card_thumbnail_is_sent() -> None:
    reply = render(Card(title="Mandy (2018)", thumbnail=COVER))
    assert reply.payload()["embeds"][0]["thumbnail"] == {"url": COVER}
    assert_within_limits(reply.payload())


def test_limits_check_refuses_a_non_web_thumbnail() -> None:
    payload = render(Card(title="Mandy (2018)", thumbnail=COVER)).payload()
    payload["embeds"][0]["thumbnail"] = {"url": "javascript:alert(1)"}
    assert limit_problems(payload) == ["embed 0 thumbnail 'javascript:alert(1)' is not http(s)"]
