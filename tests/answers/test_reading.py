"""`!read <film> [part]` (bot/answers/reading.py): the whole review a part a page, through the
answers and `popcorn chat` (`:press next`), every page within Discord's limits. Through Discord:
tests/discord_bot/test_views.py (the pages, the prefix command) and
tests/discord_bot/cogs/test_films.py (`/read`)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from bot.answers.reading import PAGE_CHARS, ReviewPages
from bot.answers.review_text import section_quote, split_sentences
from bot.answers.types import Answer, Card, Choices, Notice, Request
from bot.app import Popcorn
from bot.chat.console import ChatSession
from bot.db.exporter import current_review
from bot.db.models import Review
from bot.db.queries import film_details
from bot.discord_bot.render import Reply
from bot.discord_bot.views import FollowupView, Paginator, interactive_reply
from tests.discord_bot.fakes import OWNER
from tests.discord_bot.limits_check import assert_within_limits

LLV = "Leaving Las Vegas (1995)"


TITLES_IN_ORDER = [
    "Introduction",
    "Synopsis",
    "Style & direction",
    "Music & audio",
    "Acting & characters",
    "Conclusion: the film",
    "Conclusion: the Blu-ray",
    "Extras",
    "Verdict",
    "Pros and cons",
    "Recommendation",
]


def film_id(app: Popcorn, title: str) -> int:
    match = app.index.find_film(title)
    assert match.best is not None, title
    return match.best.id


def page_of(reply: Reply) -> tuple[str, str]:
    """(the page's text, its footer)."""
    assert reply.embeds, reply.content
    embed = reply.embeds[0]
    return embed.description or "", embed.footer.text or ""


def heading(reply: Reply) -> str:
    """The part a page shows: its bold title line."""
    text, _ = page_of(reply)
    line = next(line for line in text.split("\n") if line.startswith("**"))
    return line.split("**")[1]


async def read(app: Popcorn, text: str) -> Answer:
    answer = await app.answer(Request("read", text))
    assert_within_limits(interactive_reply(answer, OWNER, app))
    return answer


# --- the answer -----------------------------------------------------------------------------


async def test_the_whole_review_a_part_a_page_through_the_chat(app: Popcorn) -> None:
    chat = ChatSession(app)
    (first,) = await chat.send("!read leaving las vegas")
    assert_within_limits(first)
    assert isinstance(first.view, Paginator) and first.view.page == 0
    assert first.embeds[0].title == f"The review of {LLV}"
    text, footer = page_of(first)
    assert text.startswith("__Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?__")
    assert "**Introduction**" in text and "what of the Blu-ray release?" in text
    assert footer.startswith("Page 1/11 · Parts: intro · synopsis · direction")
    seen = [heading(first)]
    for _ in range(len(TITLES_IN_ORDER) - 1):
        (reply,) = await chat.send(":press next")
        assert_within_limits(reply)
        seen.append(heading(reply))
    assert seen == TITLES_IN_ORDER
    last, footer = page_of(reply)
    assert footer.startswith("Page 11/11")
    assert "recommend waiting for a re-mastered version" in last
    (off,) = await chat.send(":press next")
    assert "switched off" in (off.content or "")


async def test_every_word_of_the_review_is_on_a_page(app: Popcorn) -> None:
    answer = await read(app, "leaving las vegas")
    assert isinstance(answer, ReviewPages) and answer.page_size == 1
    pages = "\n".join(answer.items)
    async with app.sessions() as session:
        film = await film_details(session, film_id(app, "leaving las vegas"))
        assert film is not None
        review = current_review(film)
        assert review is not None and review.release is not None
        texts = [
            film.synopsis,
            review.intro,
            review.style_direction,
            review.music_audio,
            review.acting_characters,
            review.film_conclusion,
            review.release_conclusion,
            review.recommendation,
            review.verdict,
            *review.pros,
            *review.cons,
            *review.release.extras,
        ]
    flat = " ".join(pages.split())
    for text in texts:
        assert text and " ".join(text.split()) in flat, str(text)[:40]
    assert "Picture: GOOD · Audio: POOR · Extras: OK" in pages  # the ratings follow the verdict


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("acting", "Acting & characters"),
        ("actng", "Acting & characters"),
        ("audio", "Conclusion: the Blu-ray"),
        ("music", "Music & audio"),
        ("direction", "Style & direction"),
        ("conclusion", "Conclusion: the film"),
        ("the blu-ray", "Conclusion: the Blu-ray"),
        ("extras", "Extras"),
        ("special features", "Extras"),
        ("verdict", "Verdict"),
        ("cons", "Pros and cons"),
        ("story", "Synopsis"),
        ("intro", "Introduction"),
        ("headline", "Introduction"),  # the headline heads the first page
    ],
)
async def test_it_opens_at_the_part_asked_for(app: Popcorn, typed: str, title: str) -> None:
    answer = await read(app, f"leaving las vegas {typed}")
    assert isinstance(answer, ReviewPages)
    reply = interactive_reply(answer, OWNER, app)
    assert heading(reply) == title
    assert isinstance(reply.view, Paginator) and reply.view.page == answer.start_page
    assert page_of(reply)[1].startswith(f"Page {answer.start_page + 1}/11")


async def test_pages_turn_both_ways_from_the_part(app: Popcorn) -> None:
    chat = ChatSession(app)
    (start,) = await chat.send("!read levaing las vegas 1995 acting")
    assert heading(start) == "Acting & characters"
    (back,) = await chat.send(":press previous")
    assert heading(back) == "Music & audio"
    (forward,) = await chat.send(":press next")
    assert heading(forward) == "Acting & characters"
    (again,) = await chat.send(":press next")
    assert heading(again) == "Conclusion: the film"


async def test_an_unknown_part_lists_the_parts(app: Popcorn) -> None:
    answer = await read(app, "leaving las vegas subtitles")
    assert isinstance(answer, Notice)
    assert answer.text.startswith(f"The review of {LLV} has no part called “subtitles”.")
    for name in ("`intro`", "`acting`", "`blu-ray`", "`extras`", "`verdict`", "`pros`"):
        assert name in answer.text
    assert "`headline`" not in answer.text


async def test_a_part_this_review_lacks_lists_its_parts(qapp: Popcorn) -> None:
    answer = await read(qapp, "the wicker man 1973 acting")
    assert isinstance(answer, Notice)
    assert "has no part called “acting”" in answer.text
    assert "`extras`" in answer.text and "`acting`" not in answer.text.split("Its parts:")[1]


async def test_a_film_without_a_review_says_so(app: Popcorn) -> None:
    answer = await read(app, "honeymoon in vegas")
    assert isinstance(answer, Notice)
    assert answer.text == "Honeymoon in Vegas (1992) is not reviewed yet."


async def test_no_film_or_an_unknown_one(app: Popcorn) -> None:
    which = await read(app, "")
    assert isinstance(which, Notice) and "Which film?" in which.text
    unknown = await read(app, "zzqx qqzz")
    assert isinstance(unknown, Notice | Choices)
    assert "couldn't find a film called “zzqx qqzz”" in (
        unknown.text if isinstance(unknown, Notice) else unknown.prompt
    )


async def test_the_title_alone_is_the_film_even_when_it_ends_like_a_part(qapp: Popcorn) -> None:
    # "con air" is not "con" + a part; and a title that names a film is read from the start.
    answer = await read(qapp, "con air")
    assert isinstance(answer, ReviewPages) and answer.start_page == 0
    assert answer.title == "The review of Con Air (1997)"


async def test_a_did_you_mean_choice_keeps_the_part(qapp: Popcorn) -> None:
    answer = await read(qapp, "the wicker man verdict")
    assert isinstance(answer, Choices)
    assert {c.request.text for c in answer.choices} == {"verdict"}
    chosen = next(c for c in answer.choices if "1973" in c.label)
    pages = await qapp.answer(chosen.request)
    assert isinstance(pages, ReviewPages)
    reply = interactive_reply(pages, OWNER, qapp)
    assert heading(reply) == "Verdict"
    assert "A folk-horror masterpiece" in page_of(reply)[0]


async def test_a_long_part_is_split_between_sentences(app: Popcorn) -> None:
    sentences = [
        f"Sentence number {i} says something about the acting, at some length." for i in range(120)
    ]
    long_text = " ".join(sentences)
    async with app.sessions() as session:
        await session.execute(update(Review).values(acting_characters=long_text))
        await session.commit()
    chat = ChatSession(app)
    (reply,) = await chat.send("!read leaving las vegas acting")
    parts: list[str] = []
    while True:
        assert_within_limits(reply)
        text, _ = page_of(reply)
        if not text.startswith("**Acting & characters**"):
            break
        body = text.split("\n", 1)[1]
        assert len(body) <= PAGE_CHARS
        assert split_sentences(body)[-1] in sentences  # ends with a whole sentence
        parts.append(body)
        (reply,) = await chat.send(":press next")
    assert len(parts) > 3
    assert " ".join(parts) == long_text  # nothing lost, nothing cut
    assert heading(reply) == "Conclusion: the film"


# --- buttons that lead here -------------------------------------------------------------------


async def test_the_review_card_has_a_read_the_review_button(app: Popcorn) -> None:
    chat = ChatSession(app)
    (card,) = await chat.send("!review leaving las vegas")
    assert_within_limits(card)
    assert isinstance(card.view, FollowupView)
    labels = [getattr(item, "label", None) for item in card.view.children]
    assert labels[0] == "Read the review"
    assert any(getattr(item, "url", None) for item in card.view.children)  # links stay
    (pages,) = await chat.send(":press Read the review")
    assert_within_limits(pages)
    assert pages.embeds[0].title == f"The review of {LLV}"
    assert isinstance(pages.view, Paginator)
    (nxt,) = await chat.send(":press next")
    assert heading(nxt) == "Synopsis"


async def test_read_the_whole_section_from_a_quote(app: Popcorn) -> None:
    async with app.sessions() as session:
        film = await film_details(session, film_id(app, "leaving las vegas"))
        assert film is not None
        _, choices = section_quote(film, current_review(film), "extras", ["extras"])
    chat = ChatSession(app)
    card = Card(title="An answer", description="…", followups=choices)
    chat.history.append(interactive_reply(card, chat.user.id, app))
    (reply,) = await chat.send(":press Read the whole section")
    assert heading(reply) == "Extras"
    assert "• Making Of" in page_of(reply)[0]
