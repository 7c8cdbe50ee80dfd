"""Answers for the shipped data: `await app.answer_text("!...")` -> the answer dataclasses."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.answers.commands import COMMANDS, MODERATOR_COMMANDS
from bot.answers.links import AFFILIATE_DISCLOSURE, with_affiliate_tag
from bot.answers.types import Actor, Answer, Card, Choices, ItemList, Notice, Request, Tone
from bot.app import Popcorn
from tests.helpers import LLV_CAST, REPO, make_settings

LLV = "Leaving Las Vegas (1995)"
VERDICT = "Great film let down by poor audio on the Blu-ray release"
AMAZON_URL = "https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray"
TRAILER_URL = "https://www.youtube.com/results?search_query=Leaving+Las+Vegas+1995+trailer"
CAST = LLV_CAST


async def ask(app: Popcorn, text: str) -> Answer:
    answer = await app.answer_text(text)
    assert answer is not None, text
    return answer


def fields(card: Card) -> dict[str, str]:
    names = [f.name for f in card.fields]
    assert len(names) == len(set(names)), names
    return {f.name: f.value for f in card.fields}


def all_text(answer: Answer) -> str:
    if isinstance(answer, Card):
        parts = [answer.title, answer.description or "", answer.footer or ""]
        parts += [f"{f.name} {f.value}" for f in answer.fields]
        return "\n".join(parts)
    if isinstance(answer, ItemList):
        return "\n".join([answer.title, answer.intro or "", *answer.items])
    if isinstance(answer, Choices):
        return "\n".join([answer.prompt, *(c.label for c in answer.choices)])
    return answer.text


def query_tag(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("tag", [])


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
async def test_review_finds_the_film(app: Popcorn, text: str) -> None:
    card = await ask(app, text)
    assert isinstance(card, Card), card
    assert card.title == LLV
    assert card.tone is Tone.CARD


async def test_wrong_year_says_so_and_never_shows_another_film(app: Popcorn) -> None:
    answer = await ask(app, "!review leaving las vegas 1990")
    assert isinstance(answer, Choices | Notice)
    text = all_text(answer)
    assert "1990" in text
    assert re.search(r"[Nn]o film from 1990", text)
    if isinstance(answer, Choices):
        # offered, not taken: picking it answers about the 1995 film
        assert [c.label for c in answer.choices] == [LLV]
        picked = await app.answer(answer.choices[0].request)
        assert isinstance(picked, Card)
        assert picked.title == LLV


async def test_unreviewed_film(app: Popcorn) -> None:
    card = await ask(app, "!review face off")
    assert isinstance(card, Card)
    assert card.title == "Face/Off (1997)"
    assert card.tone is Tone.UNREVIEWED
    assert "not reviewed yet" in (card.description or "").lower()
    assert card.links == ()
    assert card.footer is None
    values = fields(card)
    assert values["Directed by"] == "John Woo"
    assert "Castor Troy" in values["Cast"]


@pytest.mark.parametrize("command", ["!verdict face off", "!buy face off"])
async def test_other_commands_on_an_unreviewed_film(app: Popcorn, command: str) -> None:
    card = await ask(app, command)
    assert isinstance(card, Card)
    assert "Face/Off (1997)" in card.title
    assert card.tone is Tone.UNREVIEWED
    assert "not reviewed yet" in all_text(card).lower()
    assert card.links == ()


async def test_unknown_film(app: Popcorn) -> None:
    answer = await ask(app, "!review qzxv wplk mmrt")
    assert isinstance(answer, Notice | Choices)
    assert "qzxv wplk mmrt" in all_text(answer)


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


async def test_no_affiliate_tag_by_default(app: Popcorn) -> None:
    card = await ask(app, "!review leaving las vegas")
    assert isinstance(card, Card)
    assert all(query_tag(link.url) == [] for link in card.links)


# --- affiliate tags -----------------------------------------------------------------------

SHOPS_RECORD = """\
schema: 1
film:
  title: Con Air
  year: 1997
review:
  verdict: Put the bunny back in the box
  purchase_links:
    - {retailer: Amazon UK, url: "https://www.amazon.co.uk/dp/B0001?ref=x", affiliate: true}
    - {retailer: Amazon US, url: "https://www.amazon.com/dp/B0002", affiliate: false}
    - {retailer: HMV, url: "https://hmv.com/store/con-air", affiliate: true}
    - {retailer: Amazon DE, url: "https://amazon.de/dp/B0003?tag=someone-else", affiliate: true}
"""


@pytest.fixture
async def tagged_app(tmp_path: Path) -> AsyncIterator[Popcorn]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'tagged.sqlite3'}"
    app = await Popcorn.start(make_settings(url, POPCORN_AFFILIATE_TAG="popcorn-21"))
    record = tmp_path / "con-air-1997.yaml"
    record.write_text(SHOPS_RECORD, encoding="utf-8")
    await app.import_paths([record])
    try:
        yield app
    finally:
        await app.close()


async def test_affiliate_tag_on_amazon_links(tagged_app: Popcorn) -> None:
    card = await ask(tagged_app, "!review leaving las vegas")
    assert isinstance(card, Card)
    buy, trailer = card.links
    assert buy.url == AMAZON_URL + "&tag=popcorn-21"
    assert query_tag(buy.url) == ["popcorn-21"]
    assert trailer.url == TRAILER_URL
    assert card.footer == AFFILIATE_DISCLOSURE
    bought = await ask(tagged_app, "!buy leaving las vegas")
    assert isinstance(bought, Card)
    assert [link.url for link in bought.links] == [buy.url]
    assert f"]({buy.url})" in (bought.description or "")


async def test_affiliate_tag_only_on_affiliate_amazon_links(tagged_app: Popcorn) -> None:
    card = await ask(tagged_app, "!buy con air")
    assert isinstance(card, Card)
    urls = {link.label.removeprefix("Buy at "): link.url for link in card.links}
    assert query_tag(urls["Amazon UK"]) == ["popcorn-21"]
    assert parse_qs(urlsplit(urls["Amazon UK"]).query)["ref"] == ["x"]
    assert urls["Amazon US"] == "https://www.amazon.com/dp/B0002"  # not an affiliate link
    assert urls["HMV"] == "https://hmv.com/store/con-air"  # not Amazon
    assert query_tag(urls["Amazon DE"]) == ["popcorn-21"]  # someone else's tag is replaced
    assert card.footer == AFFILIATE_DISCLOSURE


@pytest.mark.parametrize(
    "url",
    ["https://www.youtube.com/watch?v=x", "https://hmv.com/x", "https://notamazon.com/x"],
)
def test_non_amazon_links_are_left_alone(url: str) -> None:
    assert with_affiliate_tag(url, "popcorn-21") == url


def test_amazon_look_alike_hosts_get_no_tag() -> None:
    url = "https://amazon.example.net/dp/B0001"
    assert with_affiliate_tag(url, "popcorn-21") == url


# --- people -------------------------------------------------------------------------------


def reviewed_items(answer: ItemList) -> list[str]:
    return [item for item in answer.items if "not reviewed yet" not in item]


async def test_cage_filmography(any_app: Popcorn) -> None:
    answer = await ask(any_app, "!cage")
    assert isinstance(answer, ItemList)
    assert answer.title == "Nicolas Cage: filmography"
    assert len(answer.items) > 80
    n = len(answer.items)
    assert answer.intro is not None
    assert answer.intro.startswith(f"{n} films in the database: 1 reviewed, {n - 1} not yet.")
    (llv,) = reviewed_items(answer)
    assert answer.items[0] == llv  # the reviewed films come first
    assert "**Leaving Las Vegas** (1995)" in llv
    assert "Ben Sanderson" in llv
    assert VERDICT in llv
    face_off = next(item for item in answer.items if "**Face/Off** (1997)" in item)
    assert "not reviewed yet" in face_off
    rest = answer.items[1:]  # then the others, by year
    years = [int(m.group(1)) for item in rest if (m := re.search(r"\((\d{4})\)", item))]
    assert years == sorted(years)


@pytest.mark.parametrize(
    "text",
    ["!nic cage", "!nicholas cage", "!Nicolas Cage", "!filmography nicolas cage", "!films cage"],
)
async def test_cage_spellings(app: Popcorn, text: str) -> None:
    answer = await ask(app, text)
    assert isinstance(answer, ItemList), answer
    assert answer.title == "Nicolas Cage: filmography"
    assert len(answer.items) > 80


@pytest.mark.parametrize(
    "text", ["!filmography elizabeth shu", "!shue", "!filmography Elisabeth Shue", "!person shue"]
)
async def test_shue_filmography(app: Popcorn, text: str) -> None:
    answer = await ask(app, text)
    assert isinstance(answer, ItemList), answer
    assert answer.title == "Elisabeth Shue: filmography"
    (item,) = answer.items
    assert "**Leaving Las Vegas** (1995)" in item
    assert "as Sera" in item
    assert "not reviewed yet" not in item


async def test_crew_filmography_names_the_roles(app: Popcorn) -> None:
    answer = await ask(app, "!filmography mike figgis")
    assert isinstance(answer, ItemList)
    assert answer.title == "Mike Figgis: filmography"
    (item,) = answer.items
    assert "director" in item
    assert "composer" in item


async def test_unknown_command_hints_at_help(app: Popcorn) -> None:
    answer = await ask(app, "!xyzzyq")
    assert isinstance(answer, Notice)
    assert "!help" in answer.text
    assert "xyzzyq" in answer.text
    assert len(answer.text) < 200


# --- !search, !help -----------------------------------------------------------------------


async def test_search(app: Popcorn) -> None:
    answer = await ask(app, "!search vegas")
    assert isinstance(answer, ItemList)
    assert answer.title == "Search: vegas"
    assert f"🎬 {LLV}" in answer.items
    assert "🎬 Honeymoon in Vegas (1992)" in answer.items
    assert all("Face/Off" not in item for item in answer.items)


async def test_search_people(app: Popcorn) -> None:
    answer = await ask(app, "!search shue")
    assert isinstance(answer, ItemList)
    assert "👤 Elisabeth Shue" in answer.items


async def test_search_nothing(app: Popcorn) -> None:
    answer = await ask(app, "!search qqqqzzzzxxxx")
    assert isinstance(answer, ItemList)
    assert answer.items == ()
    assert answer.empty_text


@pytest.mark.parametrize("text", ["!help", "!commands", "!"])
async def test_help_lists_every_command(app: Popcorn, text: str) -> None:
    answer = await ask(app, text)
    assert isinstance(answer, ItemList)
    listed = "\n".join(answer.items)
    for spec in COMMANDS:
        assert f"`!{spec.example}`" in listed, spec.name
        assert spec.summary in listed
        for alias in spec.aliases:
            assert f"`!{alias}`" in listed, alias
    assert "`!cage`" in listed
    assert len(answer.items) <= answer.page_size  # one page


async def test_help_uses_the_configured_prefix(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'prefix.sqlite3'}"
    app = await Popcorn.start(make_settings(url, POPCORN_PREFIX="?"), seed=False)
    try:
        assert await app.answer_text("!help") is None
        answer = await ask(app, "?help")
        assert isinstance(answer, ItemList)
        assert "`?review leaving las vegas`" in answer.items[0]
        assert all("`!" not in item for item in answer.items)
    finally:
        await app.close()


# --- bad arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("!review", "Which film?"),
        ("!verdict", "Which film?"),
        ("!cast", "Which film?"),
        ("!buy", "Which film?"),
        ("!filmography", "Who?"),
        ("!search", "Search for what?"),
    ],
)
async def test_empty_argument_asks(app: Popcorn, text: str, asks: str) -> None:
    answer = await ask(app, text)
    assert isinstance(answer, Notice)
    assert answer.tone is Tone.WARNING
    assert answer.text.startswith(asks)
    assert f"`{text}" in answer.text  # an example of the same command


@pytest.mark.parametrize("command", ["review", "verdict", "cast", "buy", "filmography", "search"])
async def test_ten_thousand_character_argument(app: Popcorn, command: str) -> None:
    answer = await ask(app, f"!{command} " + "x" * 10_000)
    assert isinstance(answer, Notice)
    assert answer.tone is Tone.ERROR
    assert "too long" in answer.text
    assert len(answer.text) < 200


async def test_ten_thousand_character_command(app: Popcorn) -> None:
    answer = await ask(app, "!" + "x" * 10_000)
    assert isinstance(answer, Notice)
    assert len(answer.text) < 300
    assert "!help" in answer.text


async def test_member_text_is_defused_when_echoed(app: Popcorn) -> None:
    answer = await ask(app, "!review @everyone **bold** qzxv")
    text = all_text(answer)
    assert "@everyone" not in text
    assert "**bold**" not in text


async def test_shipped_data_folder_is_the_source(app: Popcorn) -> None:
    assert app.settings.data_dir == REPO / "data"
    assert app.index.film_count > 80


async def test_choice_request_by_id(app: Popcorn) -> None:
    card = await ask(app, "!review leaving las vegas")
    assert isinstance(card, Card)
    again = await app.answer(Request(command="review", film_id=card.film_id))
    assert again == card


async def test_help_for_a_moderator_lists_the_moderator_commands(app: Popcorn) -> None:
    moderator = Actor(id=1, name="mod", is_moderator=True, guild_id=10)
    answer = await app.answer(Request(command="help", actor=moderator))
    assert isinstance(answer, ItemList)
    listed = "\n".join(answer.items)
    for spec in MODERATOR_COMMANDS:
        assert f"`!{spec.example}`" in listed, spec.words
    member = await ask(app, "!help")
    assert isinstance(member, ItemList)
    assert all(f"`!{spec.example}`" not in "\n".join(member.items) for spec in MODERATOR_COMMANDS)


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
