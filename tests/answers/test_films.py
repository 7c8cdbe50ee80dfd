"""The film answers (bot/answers/films.py): `!review`, `!verdict`, `!cast`, `!buy` for the shipped
data, `await app.answer_text("!...")` -> the answer dataclasses."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.links import AFFILIATE_DISCLOSURE
from bot.answers.types import Card, Choices, ItemList, Notice, Request, Tone
from bot.app import Popcorn
from bot.discord_bot.render import render
from tests.helpers import LLV_CAST, REPO
from tests.helpers import answered as ask

#: The tests on a module-wide app run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")

LLV = "Leaving Las Vegas (1995)"
VERDICT = "Great film let down by poor audio on the Blu-ray release"
AMAZON_URL = "https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray"
TRAILER_URL = "https://www.youtube.com/results?search_query=Leaving+Las+Vegas+1995+trailer"
CAST = LLV_CAST


def fields(card: Card) -> dict[str, str]:
    names = [f.name for f in card.fields]
    assert len(names) == len(set(names)), names
    return {f.name: f.value for f in card.fields}


# --- !review -----------------------------------------------------------------------------


async def test_review_card(any_app: Popcorn) -> None:
    card = await ask(any_app, "!review leaving las vegas")
    assert isinstance(card, Card)
    assert card.tone is Tone.CARD
    assert card.title == LLV
    assert card.description is not None
    assert card.description.startswith(f"**{VERDICT}**")
    values = fields(card)
    assert values["Film"] == "not rated"
    assert values["Picture"].endswith("GOOD")
    assert values["Audio"].endswith("POOR")
    assert values["Extras"].endswith("OK")
    assert values["Directed by"] == "Mike Figgis"
    assert values["Runtime"] == "111 min"
    assert values["Certificate"].startswith("18")
    assert values["Genres"] == "Romance, Drama"
    assert "Studiocanal" in values["Release"]
    assert "4 July 2016" in values["Release"]
    assert "1 disc" in values["Release"]
    assert values["Starring"].startswith("Nicolas Cage, Elisabeth Shue")
    pros = values["Pros"].splitlines()
    cons = values["Cons"].splitlines()
    assert [p.split(" ", 1)[1] for p in pros] == [
        "Nicolas Cage",
        "Elisabeth Shue",
        "Gripping Storyline",
    ]
    assert [c.split(" ", 1)[1] for c in cons] == [
        "Poor Audio Quality",
        "Picture Quality Could Be Better",
    ]
    assert [(link.label, link.url) for link in card.links] == [
        ("Buy at Amazon UK", AMAZON_URL),
        ("Trailer", TRAILER_URL),
    ]
    assert card.footer == AFFILIATE_DISCLOSURE
    assert "affiliate" in card.footer.lower()
    assert card.film_id is not None


async def test_rating_bars_rank_the_grades(app: Popcorn) -> None:
    card = await ask(app, "!review leaving las vegas")
    assert isinstance(card, Card)
    values = fields(card)
    # POOR < OK < GOOD: the bar fills one step per grade
    assert values["Audio"] == "▰▱▱▱▱ POOR"
    assert values["Extras"] == "▰▰▱▱▱ OK"
    assert values["Picture"] == "▰▰▰▱▱ GOOD"


@on_the_module_loop
@pytest.mark.parametrize(
    "text",
    [
        "!review levaing las vegs 1995",
        "!review LEAVING LAS VEGAS",
        "!review leaving las vegas (1995)",
        "!review leaving las vegas 1995",
        "!Review  Leaving   Las Vegas",
        "!film leaving las vegas",
        "!card leaving las vegas",
    ],
)
async def test_review_finds_the_film(shared_app: Popcorn, text: str) -> None:
    card = await ask(shared_app, text)
    assert isinstance(card, Card), card
    assert card.title == LLV
    assert card.tone is Tone.CARD


async def test_wrong_year_says_so_and_never_shows_another_film(app: Popcorn) -> None:
    answer = await ask(app, "!review leaving las vegas 1990")
    assert isinstance(answer, Choices), answer
    assert answer.prompt == (
        "No film from 1990 matches “leaving las vegas 1990”. There is one from 1995:"
    )
    assert answer.tone is Tone.WARNING
    assert [c.label for c in answer.choices] == [LLV]
    # offered, not taken: picking it answers about the 1995 film
    picked = await app.answer(answer.choices[0].request)
    assert isinstance(picked, Card)
    assert picked.title == LLV


async def test_unreviewed_film(app: Popcorn) -> None:
    card = await ask(app, "!review face off")
    assert isinstance(card, Card)
    assert card.title == "Face/Off (1997)"
    assert card.tone is Tone.UNREVIEWED
    assert card.description == "Not reviewed yet. Here is what I know about it."
    assert card.links == ()
    assert card.footer is None
    values = fields(card)
    assert values["Directed by"] == "John Woo"
    assert "Castor Troy" in values["Cast"]


@on_the_module_loop
@pytest.mark.parametrize(
    ("command", "title", "description"),
    [
        ("!verdict face off", "Face/Off (1997)", "Not reviewed yet. Here is what I know about it."),
        ("!buy face off", "Buy Face/Off (1997)", "Not reviewed yet. I have no purchase links."),
    ],
)
async def test_other_commands_on_an_unreviewed_film(
    shared_app: Popcorn, command: str, title: str, description: str
) -> None:
    card = await ask(shared_app, command)
    assert isinstance(card, Card)
    assert card.title == title
    assert card.tone is Tone.UNREVIEWED
    assert card.description == description
    assert card.links == ()
    assert card.footer is None


async def test_unknown_film(app: Popcorn) -> None:
    answer = await ask(app, "!review qzxv wplk mmrt")
    assert answer == Notice(
        "I couldn't find a film called “qzxv wplk mmrt”. Try `!search` with part of the title.",
        Tone.WARNING,
    )


# --- !verdict, !cast, !buy -----------------------------------------------------------------


async def test_verdict(app: Popcorn) -> None:
    card = await ask(app, "!verdict leaving las vegas")
    assert isinstance(card, Card)
    assert card.title == f"Verdict: {LLV}"
    assert card.description == f"**{VERDICT}**"
    values = fields(card)
    assert values["Picture"].endswith("GOOD")
    assert values["Audio"].endswith("POOR")
    assert values["Extras"].endswith("OK")
    assert values["Film"] == "not rated"


async def test_cast_in_billing_order(any_app: Popcorn) -> None:
    answer = await ask(any_app, "!cast leaving las vegas")
    assert isinstance(answer, ItemList)
    assert answer.title == f"Cast of {LLV}"
    assert list(answer.items) == [
        f"{i}. **{name}** as {character}" for i, (name, character) in enumerate(CAST, start=1)
    ]
    assert answer.intro is not None
    assert "Mike Figgis" in answer.intro
    assert "Declan Quinn" in answer.intro
    assert "Anthony Marinelli, Mike Figgis" in answer.intro


async def test_buy(app: Popcorn) -> None:
    card = await ask(app, "!buy leaving las vegas")
    assert isinstance(card, Card)
    assert card.title == f"Buy {LLV}"
    assert [(link.label, link.url) for link in card.links] == [("Buy at Amazon UK", AMAZON_URL)]
    assert f"]({AMAZON_URL})" in (card.description or "")
    assert "Studiocanal" in (card.description or "")
    assert card.footer == AFFILIATE_DISCLOSURE
    shop = await ask(app, "!shop leaving las vegas")
    assert shop == card


async def test_shipped_data_folder_is_the_source(app: Popcorn) -> None:
    assert app.settings.data_dir == REPO / "data"
    assert app.index.film_count > 80


async def test_choice_request_by_id(app: Popcorn) -> None:
    card = await ask(app, "!review leaving las vegas")
    assert isinstance(card, Card)
    again = await app.answer(Request(command="review", film_id=card.film_id))
    assert again == card


SET_IT_OFF = """\
schema: 1
film:
  title: Set It Off
  year: 1996
review:
  verdict: Heist drama
"""


async def test_review_of_a_title_starting_with_a_subcommand_word(
    app: Popcorn, tmp_path: Path
) -> None:
    record = tmp_path / "set-it-off-1996.yaml"
    record.write_text(SET_IT_OFF, encoding="utf-8")
    await app.import_paths([record])
    card = await ask(app, "!review set it off")
    assert isinstance(card, Card), card
    assert card.title == "Set It Off (1996)"


# --- whether the cast shown is complete (issue #9: never a false "No") ----------------------
# One line of the list's intro says so; a complete list (the site's, from a review record) says
# nothing.

PARTIAL = "isn't complete"


async def cast_of(app: Popcorn, title: str) -> ItemList:
    answer = await app.answer_text(f"!cast {title}")
    assert isinstance(answer, ItemList), answer
    return answer


def shown(answer: ItemList) -> str:
    """Everything a member reads: the rendered embed(s), not just the fields."""
    return str(render(answer).payload())


async def test_a_catalogue_film_with_one_actor_says_whom_it_lists(app: Popcorn) -> None:
    cast = await cast_of(app, "con air")  # only the catalogue's row in the shipped data
    assert cast.items == ("1. **Nicolas Cage** as Cameron Poe",)
    assert cast.intro is not None
    first, *rest = cast.intro.splitlines()
    assert first == (
        "The cast I have for Con Air (1997) lists only Nicolas Cage; it isn't complete."
    )
    assert rest == ["Directed by: Simon West"]
    assert first in shown(cast)


async def test_a_catalogue_film_with_several_actors_says_whose_list_it_is(app: Popcorn) -> None:
    cast = await cast_of(app, "valley girl")
    assert len(cast.items) == 2 and cast.intro is not None
    assert cast.intro.splitlines()[0] == (
        "This cast list isn't complete: it's the catalogue's, not the site's."
    )
    assert cast.intro.count(PARTIAL) == 1


async def test_a_reviewed_films_cast_is_shown_as_it_is(app: Popcorn) -> None:
    cast = await cast_of(app, "leaving las vegas")
    assert len(cast.items) > 5
    assert PARTIAL not in shown(cast) and "catalogue" not in shown(cast)
    assert cast.intro is not None and cast.intro.startswith("Directed by: Mike Figgis")


async def test_a_review_record_that_says_its_cast_is_partial(app: Popcorn, tmp_path: Path) -> None:
    record = tmp_path / "mandy-2018.yaml"
    record.write_text(
        "schema: 1\nfilm:\n  title: Mandy\n  year: 2018\n  cast_complete: false\n  cast:\n"
        "    - {name: Nicolas Cage, character: Red Miller}\n"
        "    - {name: Andrea Riseborough, character: Mandy Bloom}\n"
        "review:\n  verdict: Bonkers\n",
        encoding="utf-8",
    )
    await app.import_paths([record])
    cast = await cast_of(app, "mandy")
    assert cast.intro is not None
    assert cast.intro.splitlines()[0] == "This cast list isn't complete."

    record.write_text(record.read_text().replace("  cast_complete: false\n", ""), "utf-8")
    await app.import_paths([record])
    assert PARTIAL not in shown(await cast_of(app, "mandy"))


# --- the card's cover, link to the site, author and date (issue 14) -----------------------

SITE_REVIEW = "https://www.blurayreviews.example/2018/09/mandy-blu-ray-review/"
COVER = "https://i0.wp.com/www.blurayreviews.example/wp-content/uploads/2018/09/mandy.jpg"


async def mandy(app: Popcorn, tmp_path: Path, cover: str = COVER, extra: str = "") -> Card:
    record = tmp_path / "mandy-2018.yaml"
    record.write_text(
        "schema: 1\nfilm:\n  title: Mandy\n  year: 2018\n"
        f"review:\n  url: {SITE_REVIEW}\n  cover_url: '{cover}'\n{extra}"
        "  verdict: Bonkers\n  purchase_links:\n"
        "    - {retailer: Amazon UK, url: 'https://www.amazon.co.uk/dp/B07H', affiliate: true}\n",
        encoding="utf-8",
    )
    await app.import_paths([record])
    card = await ask(app, "!review mandy")
    assert isinstance(card, Card)
    return card


async def test_a_site_review_card_has_its_cover_link_author_and_date(
    any_app: Popcorn, tmp_path: Path
) -> None:
    card = await mandy(any_app, tmp_path, extra="  author: Jane Doe\n  published: 2018-09-21\n")
    assert card.title == "Mandy (2018)"
    assert card.url == SITE_REVIEW
    assert card.thumbnail == COVER
    assert card.footer == f"Reviewed by Jane Doe on 21 September 2018\n{AFFILIATE_DISCLOSURE}"
    assert [link.label for link in card.links] == ["Buy at Amazon UK", "Read the review"]
    assert card.links[-1].url == SITE_REVIEW
    assert [(c.label, c.request.command) for c in card.followups] == [("Read it here", "read")]


async def test_the_verdict_card_shows_the_cover_too(app: Popcorn, tmp_path: Path) -> None:
    await mandy(app, tmp_path)
    card = await ask(app, "!verdict mandy")
    assert isinstance(card, Card)
    assert card.title == "Verdict: Mandy (2018)"
    assert card.url == SITE_REVIEW
    assert card.thumbnail == COVER


async def test_author_or_date_alone(app: Popcorn, tmp_path: Path) -> None:
    card = await mandy(app, tmp_path, extra="  author: Jane Doe\n")
    assert card.footer == f"Reviewed by Jane Doe\n{AFFILIATE_DISCLOSURE}"
    card = await mandy(app, tmp_path, extra="  published: 2018-09-21\n")
    assert card.footer == f"Reviewed on 21 September 2018\n{AFFILIATE_DISCLOSURE}"


@pytest.mark.parametrize(
    "cover",
    [
        "http://evil.example/x.jpg",
        "https://www.blurayreviews.example.evil.example/mandy.jpg",
        "https://i0.wp.com/evil.example/mandy.jpg",
    ],
)
async def test_a_cover_from_elsewhere_is_not_shown(
    app: Popcorn, tmp_path: Path, cover: str
) -> None:
    card = await mandy(app, tmp_path, cover=cover)
    assert card.thumbnail is None
    payload = render(card).payload()
    assert "thumbnail" not in payload["embeds"][0]


async def test_a_review_without_a_site_page_keeps_reading_in_place(app: Popcorn) -> None:
    card = await ask(app, "!review leaving las vegas")
    assert isinstance(card, Card)
    assert card.thumbnail is None
    assert [c.label for c in card.followups] == ["Read the review"]
