"""Issue 9, section 4: names people really type - initialisms, words typed together, a word
that is another title, one clear candidate answered with a one-line note."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers.resolve import resolve_film, resolve_person, with_understood
from bot.answers.types import Card, Choices, ItemList, Request
from bot.app import Popcorn
from bot.db.documents import FilmDocument, PersonDocument
from bot.discord_bot import limits
from bot.discord_bot.render import as_plain_text, render
from bot.search import FilmDoc, MatchStatus, SearchIndex
from tests.search.conftest import films, people

FOUND, AMBIGUOUS = MatchStatus.FOUND, MatchStatus.AMBIGUOUS

EXTRA = [
    FilmDoc(101, "Jerry Maguire", 1996),
    FilmDoc(102, "Superdad", 1973),
    # Titles whose initialisms are ordinary words: "rage", "war", "con", "next", "pig".
    FilmDoc(103, "Run And Get Even", 1990),
    FilmDoc(104, "Wild Angry Rebels", 1991),
    FilmDoc(105, "Children Of Nowhere", 1992),
    FilmDoc(106, "Never Ever Xmas Twice", 1993),
    FilmDoc(107, "Pretty In Gold", 1994),
    FilmDoc(108, "It Takes", 1995),
    # Two films sharing an initialism.
    FilmDoc(109, "Dark Forest Road", 1980),
    FilmDoc(110, "Deep Frozen River", 1981),
]


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex([*films(), *EXTRA], people())


# -- initialisms ----------------------------------------------------------------


@pytest.mark.parametrize("query", ["llv", "LLV", "Llv", "llv 1995", "llv (1995)"])
def test_initialism_finds_the_film(index: SearchIndex, query: str) -> None:
    match = index.find_film(query)
    assert match.status is FOUND, match
    assert match.best is not None and match.best.id == 1
    assert match.loose


def test_initialism_with_the_article(index: SearchIndex) -> None:
    # Both Wicker Man films answer to "twm": asked back, not guessed.
    match = index.find_film("twm")
    assert match.status is AMBIGUOUS
    assert {c.doc.id for c in match.candidates} == {14, 15}


def test_shared_initialism_is_asked_back(index: SearchIndex) -> None:
    match = index.find_film("dfr")
    assert match.status is AMBIGUOUS
    assert {c.doc.id for c in match.candidates} == {109, 110}


@pytest.mark.parametrize("query", ["rage", "war", "con", "next", "pig", "Rage", "WAR"])
def test_ordinary_words_are_never_initialisms(index: SearchIndex, query: str) -> None:
    match = index.find_film(query)
    ids = {c.doc.id for c in match.candidates}
    assert not ({103, 104, 105, 106, 107} & ids) or match.status is not FOUND, match
    assert match.best is None or match.best.id not in {103, 104, 105, 106, 107}


def test_two_letters_are_not_an_initialism(index: SearchIndex) -> None:
    assert index.find_film("it").best is None or index.find_film("it").best.id != 108
    assert index.find_film("ta").status is not FOUND


def test_a_sequel_number_is_an_alias_not_a_guess() -> None:
    plain = SearchIndex(films())
    assert plain.find_film("nt2").status is not FOUND
    aliased = [
        replace(d, aliases=("NT2",)) if d.id == 11 else d for d in films()
    ]  # aliases are data
    match = SearchIndex(aliased).find_film("nt2")
    assert match.status is FOUND and match.best is not None and match.best.id == 11
    assert not match.loose  # an alias is exact


def test_initialisms_follow_edits(index: SearchIndex) -> None:
    index.remove_film(1)
    assert index.find_film("llv").best is None
    index.upsert_film(FilmDoc(1, "Leaving Las Vegas", 1995))
    assert index.find_film("llv").status is FOUND
    index.upsert_film(FilmDoc(1, "Leaving Las Vegas Again", 1995))
    assert index.find_film("llv").best is None
    assert index.find_film("llva").status is FOUND


# -- words typed together -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "film_id"),
    [("jerrymaguire", 101), ("faceoff", 2), ("leavinglasvegas", 1), ("JerryMaguire", 101)],
)
def test_words_typed_together(index: SearchIndex, query: str, film_id: int) -> None:
    match = index.find_film(query)
    assert match.status is FOUND, match
    assert match.best is not None and match.best.id == film_id


def test_article_typed_onto_the_title_is_ambiguous_between_two_films(index: SearchIndex) -> None:
    match = index.find_film("thewickerman")
    assert match.status is AMBIGUOUS
    assert {c.doc.id for c in match.candidates} == {14, 15}


# -- a word that is another title --------------------------------------------------


def test_superbad_is_asked_back_not_answered_with_superdad(index: SearchIndex) -> None:
    match = index.find_film("superbad")
    assert match.status is AMBIGUOUS
    assert [c.doc.id for c in match.candidates] == [102]


def test_a_typo_of_a_one_word_title_is_still_answered(index: SearchIndex) -> None:
    for query in ("supredad", "superdda", "moonstrck"):
        assert index.find_film(query).status is FOUND, query


# -- one clear candidate --------------------------------------------------------------


def test_words_of_one_title_answer_with_it(index: SearchIndex) -> None:
    match = index.find_film("massive talent")
    assert match.status is FOUND
    assert match.best is not None and match.best.id == 27
    assert match.loose


def test_exact_titles_are_not_loose(index: SearchIndex) -> None:
    assert not index.find_film("Leaving Las Vegas").loose
    assert not index.find_person("Nicolas Cage").loose


def test_nick_cage_is_nicolas_cage_loosely(index: SearchIndex) -> None:
    match = index.find_person("nick cage")
    assert match.status is FOUND
    assert match.best is not None and match.best.name == "Nicolas Cage"
    assert match.loose


@pytest.mark.parametrize(
    "query",
    [
        "what should i watch tonight",
        "any good horror films",
        "thanks popcorn",
        "hmm",
        "lol",
        "the new marvel one",
        "the dark knight",
        "inception",
        "the cage one with the bees",
    ],
)
def test_phrases_naming_no_film_are_not_answered(index: SearchIndex, query: str) -> None:
    assert index.find_film(query).status is not FOUND, query


# -- the one-line note, through the answers and the renderer -----------------------------


@pytest.mark.asyncio(loop_scope="module")
async def test_resolve_film_says_what_it_understood(shared_app: Popcorn) -> None:
    async with shared_app.sessions() as session:
        ctx = shared_app.context(session)
        film = await resolve_film(ctx, Request("review", "massive talent"), "review x")
        assert isinstance(film, FilmDocument)
        assert film.title == "The Unbearable Weight of Massive Talent"
        line = ctx.understood
        assert line == "Showing *The Unbearable Weight of Massive Talent (2022)*"
        card = with_understood(ctx, Card(title="card"))
        assert isinstance(card, Card) and card.note == line

        # An exact title says nothing (one context per command).
        ctx = shared_app.context(session)
        exact = await resolve_film(ctx, Request("review", "leaving las vegas"), "review x")
        assert isinstance(exact, FilmDocument)
        assert ctx.understood is None
        assert with_understood(ctx, Card(title="card")) == Card(title="card")


@pytest.mark.parametrize(
    ("message", "line"),
    [
        ("!review massive talent", "Showing *The Unbearable Weight of Massive Talent (2022)*"),
        ("!verdict llv", "Showing *Leaving Las Vegas (1995)*"),
        ("!filmography nick cage", "Showing *Nicolas Cage*"),
        ("!review leaving las vegas", None),
    ],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_commands_say_what_they_understood(
    shared_app: Popcorn, message: str, line: str
) -> None:
    answer = await shared_app.answer_text(message)
    assert isinstance(answer, Card | ItemList)
    assert answer.note == line


@pytest.mark.asyncio(loop_scope="module")
async def test_resolve_person_says_what_it_understood(shared_app: Popcorn) -> None:
    async with shared_app.sessions() as session:
        ctx = shared_app.context(session)
        person = await resolve_person(ctx, Request("filmography", "nick cage"), "x")
        assert isinstance(person, PersonDocument) and person.name == "Nicolas Cage"
        assert ctx.understood == "Showing *Nicolas Cage*"
        answer = with_understood(ctx, ItemList(title="t", items=("a",)))
        assert isinstance(answer, ItemList) and answer.note == "Showing *Nicolas Cage*"


async def test_superbad_answers_with_a_did_you_mean(app: Popcorn) -> None:
    app.index.upsert_film(FilmDoc(999_001, "Superdad", 1973))
    async with app.sessions() as session:
        ctx = app.context(session)
        answer = await resolve_film(ctx, Request("review", "superbad"), "review x")
    assert isinstance(answer, Choices)
    assert answer.prompt.startswith("I couldn't find “superbad”. Did you mean")
    assert [c.label for c in answer.choices] == ["Superdad (1973)"]


def test_the_note_is_the_message_content_above_the_embed() -> None:
    reply = render(Card(title="Face/Off (1997)", note="Showing *Face/Off (1997)*"))
    assert reply.content == "Showing *Face/Off (1997)*"
    assert reply.embeds[0].title == "Face/Off (1997)"
    listed = render(ItemList(title="Nicolas Cage", items=("x",), note="Showing *Nicolas Cage*"))
    assert listed.content == "Showing *Nicolas Cage*"
    assert as_plain_text(listed).content.startswith("Showing *Nicolas Cage*")  # type: ignore[union-attr]
    assert render(Card(title="No note")).content is None


def test_a_long_note_stays_within_discord_limits() -> None:
    reply = render(Card(title="t", note="Showing " + "x" * 5000 + "\n\nmore"))
    assert reply.content is not None
    assert len(reply.content) <= limits.CONTENT
    assert "\n" not in reply.content


def test_a_word_left_out_inside_a_title_is_still_that_title() -> None:
    index = SearchIndex(
        [FilmDoc(1, "Leaving Las Vegas", 1995), FilmDoc(2, "SF: Episode One", 1998)]
    )
    match = index.find_film("leaving vegas")
    assert match.status is FOUND and match.best is not None and match.best.id == 1
    assert match.loose
    # ... but a title less its first word may well be another film: asked back.
    assert index.find_film("episode one").status is AMBIGUOUS


def test_common_words_swapped_for_others_are_another_title() -> None:
    # "marriage" is a word because a title has it (the common-word list is short).
    index = SearchIndex(
        [
            FilmDoc(1, "Running Red", 1999),
            FilmDoc(2, "Maria's Story", 1990),
            FilmDoc(3, "Marriage Italian Style", 1964),
        ]
    )
    assert index.find_film("turning red").status is not FOUND
    assert index.find_film("marriage story").status is not FOUND
    assert index.find_film("runing red").status is FOUND  # a typo still is one


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("!review con air 97", "Con Air (1997)"),
        ("!review leaving las vegas pls", "Leaving Las Vegas (1995)"),
        ("!review leaving las vegas '95", "Leaving Las Vegas (1995)"),
        ("!review face off (97) thanks", "Face/Off (1997)"),
        ("!cast con air 97", "Con Air (1997)"),
    ],
)
@pytest.mark.asyncio(loop_scope="module")
async def test_a_short_year_or_a_please_still_finds_the_film(
    shared_app: Popcorn, message: str, title: str
) -> None:
    answer = await shared_app.answer_text(message)
    assert isinstance(answer, Card | ItemList), answer
    assert title in answer.title
    assert answer.note == f"Showing *{title}*"  # what was understood, said in one line
