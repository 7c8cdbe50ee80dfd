from __future__ import annotations

import random

import pytest

from bot.search import (
    Candidate,
    FilmDoc,
    FilmMatch,
    MatchStatus,
    PersonDoc,
    SearchIndex,
)
from tests.search import synthetic

FOUND = MatchStatus.FOUND
AMBIGUOUS = MatchStatus.AMBIGUOUS
NOT_FOUND = MatchStatus.NOT_FOUND
YEAR_MISMATCH = MatchStatus.YEAR_MISMATCH
EMPTY = MatchStatus.EMPTY


def ids(candidates: tuple[Candidate, ...] | list[Candidate]) -> list[int]:
    return [c.doc.id for c in candidates]


def assert_found(match: FilmMatch, film_id: int) -> None:
    assert match.status is FOUND, match
    assert match.best is not None and match.best.id == film_id
    assert ids(match.candidates) == [film_id]


def assert_well_formed(match: FilmMatch) -> None:
    """The invariants every FilmMatch / PersonMatch must satisfy."""
    scores = [c.score for c in match.candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 100.0 for s in scores)
    assert len(match.candidates) <= 5
    if match.status is FOUND:
        assert match.best is not None and match.candidates[0].doc == match.best
    else:
        assert match.best is None
    if match.status is AMBIGUOUS:
        assert 2 <= len(match.candidates) <= 5
    if match.status is EMPTY:
        assert match.candidates == ()


# -- exact matches --------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "film_id"),
    [
        ("Leaving Las Vegas", 1),
        ("leaving las vegas", 1),
        ("Face/Off", 2),
        ("face off", 2),
        ("faceoff", 2),
        ("FACE-OFF", 2),
        ("Kick Ass", 19),
        ("kickass", 19),
        ("8mm", 20),
        ("8 mm", 20),
        ("Eight Millimeter", 20),  # alias
        ("gone in sixty seconds", 21),  # alias
        ("colour out of space", 28),  # alias
        ("Ghost Rider 2", 13),  # alias
        ("mom & dad", 29),
        ("adaptation", 8),
        ("vampires kiss", 34),
        ("vampire’s kiss", 34),
        ("the rock", 4),
        ("rock", 4),
        ("rock, the", 4),
        ("Pig", 18),
        ("  Mandy  ", 17),
    ],
)
def test_exact_title_or_alias(index: SearchIndex, query: str, film_id: int) -> None:
    match = index.find_film(query)
    assert_found(match, film_id)
    assert match.candidates[0].score == 100.0
    assert match.query == query


def test_found_reports_matched_text(index: SearchIndex) -> None:
    match = index.find_film("eight millimeter")
    assert match.candidates[0].matched == "Eight Millimeter"
    assert index.find_film("8mm").candidates[0].matched == "8MM"


def test_remakes_are_ambiguous_without_year(index: SearchIndex) -> None:
    for query in ("The Wicker Man", "wicker man", "wicker man, the"):
        match = index.find_film(query)
        assert match.status is AMBIGUOUS
        assert sorted(ids(match.candidates)) == [14, 15]
        assert_well_formed(match)


@pytest.mark.parametrize(
    ("query", "film_id"),
    [
        ("The Wicker Man 2006", 14),
        ("wicker man (1973)", 15),
        ("Wicker Man, The (1973)", 15),
        ("(2006) wicker man", 14),
        ("the wicker man 2006 blu-ray review", 14),
    ],
)
def test_remake_with_year_is_found(index: SearchIndex, query: str, film_id: int) -> None:
    match = index.find_film(query)
    assert_found(match, film_id)


def test_year_matching_no_remake_is_year_mismatch(index: SearchIndex) -> None:
    match = index.find_film("The Wicker Man 1990")
    assert match.status is YEAR_MISMATCH
    assert match.year == 1990
    assert match.best is None
    assert sorted(ids(match.candidates)) == [14, 15]


def test_exact_title_wrong_year_is_year_mismatch(index: SearchIndex) -> None:
    match = index.find_film("Con Air (1998)")
    assert match.status is YEAR_MISMATCH
    assert ids(match.candidates) == [3]


# -- years narrow fuzzy matches --------------------------------------------------


def test_year_with_typos(index: SearchIndex) -> None:
    match = index.find_film("levaing las vegs 1995")
    assert_found(match, 1)
    assert match.year == 1995


def test_year_with_typos_but_wrong_year(index: SearchIndex) -> None:
    match = index.find_film("levaing las vegs 1996")
    assert match.status is YEAR_MISMATCH
    assert ids(match.candidates) == [1]


def test_year_narrows_typo_between_remakes(index: SearchIndex) -> None:
    assert_found(index.find_film("wiker man 1973"), 15)
    assert index.find_film("wiker man").status is AMBIGUOUS


def test_year_with_unmatched_text_is_not_found(index: SearchIndex) -> None:
    match = index.find_film("zzzzqqq 1995")
    assert match.status is NOT_FOUND
    assert match.year == 1995


def test_year_that_picks_a_clearly_worse_title_is_not_silent() -> None:
    index = SearchIndex(
        [FilmDoc(1, "Leaving Las Vegas", 1995), FilmDoc(2, "Leaving Las Vegas Now", 1996)]
    )  # the second one is hypothetical
    match = index.find_film("leavin las vegas 1996")
    assert match.status is AMBIGUOUS
    assert ids(match.candidates) == [1, 2]
    assert_found(index.find_film("leavin las vegas 1995"), 1)
    assert_found(index.find_film("leavin las vegas now 1996"), 2)


# -- typos and articles ----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "film_id"),
    [
        ("levaing las vegas", 1),  # transposition
        ("leaving las vegs", 1),  # deletion
        ("leavving las vegas", 1),  # insertion
        ("leaving lsa vegas", 1),
        ("con iar", 3),
        ("con ari", 3),
        ("face of", 2),
        ("fcae off", 2),
        ("faceof", 2),
        ("the rok", 4),
        ("raising arizna", 5),
        ("rasing arizona", 5),
        ("moonstrck", 6),
        ("wild at hart", 7),
        ("adaptaton", 8),
        ("matchstik men", 9),
        ("natinal tresure", 10),
        ("ghost ridr", 12),
        ("bad leiutenant port of call new orleans", 16),
        ("mandi", 17),
        ("kick-as", 19),
        ("gone in 60 secnds", 21),
        ("snake eye", 22),
        ("lord of wra", 24),
        ("knowng", 25),
        ("unbearable weight of masive talent", 27),
        ("color out of spcae", 28),
        ("peggy sue got maried", 33),
        ("vampire kiss", 34),
        ("it could happen to yuo", 36),
        ("familly man", 38),
        ("longlegz", 32),
    ],
)
def test_typos_find_the_film(index: SearchIndex, query: str, film_id: int) -> None:
    assert_found(index.find_film(query), film_id)


def test_sequel_number_is_never_treated_as_a_typo() -> None:
    index = SearchIndex(
        [
            FilmDoc(12, "Ghost Rider", 2007),
            FilmDoc(13, "Ghost Rider: Spirit of Vengeance", 2011),
            FilmDoc(10, "National Treasure", 2004),
            FilmDoc(11, "National Treasure: Book of Secrets", 2007),
        ]
    )
    for query in ("ghost rider 2", "ghost ridr 2", "national treasure 2", "national treasure 3"):
        match = index.find_film(query)
        assert match.status is not FOUND, query
        assert_well_formed(match)
    assert 12 in ids(index.find_film("ghost rider 2").candidates)


def test_ghost_rider_pair(index: SearchIndex) -> None:
    assert_found(index.find_film("ghost rider"), 12)
    assert_found(index.find_film("Ghost Rider (2007)"), 12)
    assert_found(index.find_film("ghost rider spirit of vengance"), 13)
    assert_found(index.find_film("ghost ridr 2"), 13)  # via the alias "Ghost Rider 2"
    partial = index.find_film("ghost rider spirit")
    assert not (partial.status is FOUND and partial.best is not None and partial.best.id == 12)
    assert 13 in ids(partial.candidates)


def test_national_treasure_pair(index: SearchIndex) -> None:
    assert_found(index.find_film("national treasure"), 10)
    assert_found(index.find_film("National Treasure 2004"), 10)
    assert_found(index.find_film("national treasure book of secrets"), 11)
    assert_found(index.find_film("national tresure book of secrets"), 11)
    match = index.find_film("national treasure book")
    assert match.best is None or match.best.id == 11
    assert index.find_film("National Treasure 2007").status is YEAR_MISMATCH


def test_close_scores_are_ambiguous() -> None:
    index = SearchIndex([FilmDoc(1, "Mandy", 2018), FilmDoc(2, "Sandy", 1999)])  # hypothetical
    match = index.find_film("andy")
    assert match.status is AMBIGUOUS
    assert sorted(ids(match.candidates)) == [1, 2]
    assert_well_formed(match)


def test_clear_winner_is_not_ambiguous() -> None:
    index = SearchIndex([FilmDoc(4, "The Rock", 1996), FilmDoc(5, "Rocky", 1976)])
    assert_found(index.find_film("the rok"), 4)
    assert_found(index.find_film("roky"), 5)


def test_short_query_prefers_short_title() -> None:
    index = SearchIndex(
        [
            FilmDoc(1, "Con Air: The Making Of Something Long", 2001),
            FilmDoc(3, "Con Air", 1997),
        ]
    )
    assert_found(index.find_film("con air"), 3)
    assert_found(index.find_film("con iar"), 3)
    assert_found(index.find_film("conair"), 3)


def test_words_of_one_title_only_answer_with_it_loosely(index: SearchIndex) -> None:
    # Issue 9: one candidate, clearly the one meant, is answered (and flagged loose).
    for query, film_id in (("unbearable weight", 27), ("bad lieutenant", 16)):
        match = index.find_film(query)
        assert_found(match, film_id)
        assert match.loose


def test_words_of_several_titles_are_not_answered() -> None:
    index = SearchIndex(
        [FilmDoc(1, "Leaving Las Vegas", 1995), FilmDoc(2, "Fear and Loathing in Las Vegas", 1998)]
    )
    match = index.find_film("las vegas")
    assert match.status is not FOUND
    assert set(ids(match.candidates)) >= {1, 2}


def test_literal_titles_that_look_like_years_or_filler() -> None:
    index = SearchIndex(
        [
            FilmDoc(1, "Death Race", 2008),
            FilmDoc(2, "Death Race 2000", 1975),
            FilmDoc(3, "2012", 2009),
            FilmDoc(4, "1917", 2019),
            FilmDoc(5, "Scary Movie", 2000),
            FilmDoc(6, "Mandy", 2018),
        ]
    )
    assert_found(index.find_film("death race 2000"), 2)
    assert_found(index.find_film("deth race 2000"), 2)
    assert_found(index.find_film("death race 2008"), 1)
    assert_found(index.find_film("2012"), 3)
    assert_found(index.find_film("1917"), 4)
    assert_found(index.find_film("1917 (2019)"), 4)
    assert_found(index.find_film("scary movie"), 5)
    assert_found(index.find_film("mandy movie"), 6)
    assert index.find_film("death race 2000").year is None


# -- nothing close ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["zzzzqqq", "qwxzv", "the", "a", "x", "i", "ma", "an", "ok"])
def test_garbage_and_short_queries_are_never_found(index: SearchIndex, query: str) -> None:
    match = index.find_film(query)
    assert match.status in (NOT_FOUND, AMBIGUOUS), match
    assert_well_formed(match)


def test_garbage_has_no_suggestions(index: SearchIndex) -> None:
    assert index.find_film("zzzzqqq").candidates == ()


def test_not_found_offers_nearest(index: SearchIndex) -> None:
    match = index.find_film("leaving lax")
    assert match.status is NOT_FOUND
    assert ids(match.candidates)[0] == 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\u200b",
        "🎬🍿",
        "\x00\x00",
    ],
)
def test_empty_queries(index: SearchIndex, query: str) -> None:
    assert index.find_film(query).status is EMPTY
    assert index.find_person(query).status is EMPTY
    assert index.find_film(query).candidates == ()


def test_year_alone_is_empty(index: SearchIndex) -> None:
    match = index.find_film("(1995)")
    assert match.status is EMPTY
    assert match.year == 1995


ROBUSTNESS = [
    "@everyone",
    "@here <@123> <#456> **mandy**",
    "x" * 10_000,
    "mandy " * 2000,
    "\x00\x01 mandy \x7f",
    "\u202emandy\u200f",
    "🔥 pig 🐷",
    "\ud800 con air",
    "' OR 1=1; --",
    "%s %d {0} {name}",
    "Ꮚ ᖴ ꙮ 𝔐𝔞𝔫𝔡𝔶",
]


@pytest.mark.parametrize("query", ROBUSTNESS)
def test_never_raises(index: SearchIndex, query: str) -> None:
    film = index.find_film(query)
    person = index.find_person(query)
    assert_well_formed(film)
    assert_well_formed(person)  # type: ignore[arg-type]
    assert film.query == query
    index.suggest_films(query)
    index.suggest_people(query)


def test_long_query_is_not_found(index: SearchIndex) -> None:
    assert index.find_film("x" * 10_000).status is NOT_FOUND
    assert index.find_film("@everyone").status is NOT_FOUND


def test_decorated_queries_still_work(index: SearchIndex) -> None:
    assert_found(index.find_film("🔥 Pig 🐷"), 18)
    assert_found(index.find_film("**Mandy**"), 17)
    assert_found(index.find_film("\u202emandy\u200f"), 17)


# -- people ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "person_id"),
    [
        ("Nicolas Cage", 1),
        ("nicolas cage", 1),
        ("Nicolás Cage", 1),
        ("nic cage", 1),
        ("n cage", 1),
        ("nicholas cage", 1),
        ("nicolas cag", 1),
        ("cage nicolas", 1),
        ("Nicolas Kim Coppola", 1),  # alias
        ("coppola", 1),  # alias surname
        ("shue", 2),
        ("Elisabeth Shue", 2),
        ("elizabeth shue", 2),
        ("elizabeth shu", 2),
        ("shu", 2),
        ("sands", 3),
        ("julian sand", 3),
        ("figgis", 4),
        ("mike figis", 4),
        ("travolta", 5),
        ("john travolt", 5),
        ("connery", 7),
        ("sean conery", 7),
        ("refn", 8),
        ("winding refn", 8),
        ("nicolas refn", 8),
        ("cosmatos", 9),
        ("riseborough", 10),
        ("riseborugh", 10),
    ],
)
def test_find_person(index: SearchIndex, query: str, person_id: int) -> None:
    match = index.find_person(query)
    assert match.status is FOUND, match
    assert match.best is not None and match.best.id == person_id
    assert match.query == query


def test_shared_surname_is_ambiguous(index: SearchIndex) -> None:
    for query in ("cage", "Cage", "cag"):
        match = index.find_person(query)
        assert match.status is AMBIGUOUS
        assert sorted(ids(match.candidates)) == [1, 6]
        assert_well_formed(match)  # type: ignore[arg-type]


def test_shared_first_name_is_not_found_but_suggested(index: SearchIndex) -> None:
    match = index.find_person("nicolas")
    assert match.status is not FOUND
    assert set(ids(match.candidates)) >= {1}


def test_person_not_found(index: SearchIndex) -> None:
    match = index.find_person("zzzzqqq")
    assert match.status is NOT_FOUND
    assert match.candidates == ()
    assert index.find_person("x").status is NOT_FOUND


def test_person_surname_alone_unique_after_removal(index: SearchIndex) -> None:
    index.remove_person(6)  # John Cage
    match = index.find_person("cage")
    assert match.status is FOUND and match.best is not None and match.best.id == 1


# -- maintenance -----------------------------------------------------------------


def test_counts_and_getters(index: SearchIndex) -> None:
    assert index.film_count == 41
    assert index.person_count == 10
    assert index.film(17) == FilmDoc(17, "Mandy", 2018)
    assert index.film(999) is None
    assert index.person(2) == PersonDoc(2, "Elisabeth Shue")
    assert index.person(999) is None


def test_upsert_replaces_title_and_aliases(index: SearchIndex) -> None:
    index.upsert_film(FilmDoc(17, "Mandy (Director's Cut)", 2018, ("Mandy DC",)))
    assert index.film_count == 41
    assert index.find_film("mandy").status is not FOUND or index.find_film("mandy").best is None
    assert_found(index.find_film("mandy dc"), 17)
    assert_found(index.find_film("mandy directors cut"), 17)
    index.upsert_film(FilmDoc(17, "Mandy", 2018))
    assert_found(index.find_film("mandy"), 17)
    assert index.find_film("mandy dc").status is not FOUND


def test_remove_film(index: SearchIndex) -> None:
    index.remove_film(14)
    assert index.film(14) is None
    assert index.film_count == 40
    assert_found(index.find_film("the wicker man"), 15)
    index.remove_film(14)  # removing twice is harmless
    index.remove_film(15)
    assert index.find_film("the wicker man").status is NOT_FOUND
    assert 14 not in ids(index.suggest_films("wicker"))


def test_upsert_after_queries_is_seen(index: SearchIndex) -> None:
    assert index.find_film("dream scenerio").status is FOUND
    index.upsert_film(FilmDoc(100, "Butcher's Crossing", 2022))
    assert_found(index.find_film("butchers crosing"), 100)
    index.upsert_person(PersonDoc(100, "Gabe Polsky"))
    assert index.find_person("polsky").best == PersonDoc(100, "Gabe Polsky")


def test_same_key_shared_by_two_docs_survives_removal_of_one() -> None:
    index = SearchIndex([FilmDoc(1, "Mandy", 1952), FilmDoc(2, "Mandy", 2018)])
    assert index.find_film("mandi").status is AMBIGUOUS
    index.remove_film(1)
    assert_found(index.find_film("mandi"), 2)
    assert_found(index.find_film("mandy"), 2)


# -- suggestions -----------------------------------------------------------------


def test_suggest_empty_lists_films_by_title(index: SearchIndex) -> None:
    first = index.suggest_films("", limit=3)
    assert [c.doc.title for c in first] == [
        "8MM",
        "Adaptation.",
        "Bad Lieutenant: Port of Call New Orleans",
    ]
    assert len(index.suggest_films("")) == 25
    assert len(index.suggest_films("", limit=100)) == 41
    assert index.suggest_films("anything", limit=0) == []


def test_listing_follows_edits(index: SearchIndex) -> None:
    assert ids(index.suggest_films("", limit=1)) == [20]  # 8MM
    index.upsert_film(FilmDoc(200, "2 Days in the Valley", 1996))
    index.upsert_film(FilmDoc(8, "Zzz Adaptation", 2002))
    index.remove_film(20)
    listing = index.suggest_films("", limit=100)
    assert ids(listing)[:2] == [200, 16]  # "2 days...", then "bad lieutenant..."
    assert ids(listing)[-1] == 8
    assert 20 not in ids(listing)
    assert ids(index.suggest_people("", limit=1)) == [10]
    index.upsert_person(PersonDoc(300, "Aaron Eckhart"))
    index.remove_person(10)
    assert ids(index.suggest_people("", limit=2)) == [300, 2]


def test_suggest_prefix_and_words(index: SearchIndex) -> None:
    assert set(ids(index.suggest_films("nat")[:2])) == {10, 11}
    assert set(ids(index.suggest_films("ghost")[:2])) == {12, 13}
    assert ids(index.suggest_films("treasure")[:2]) == [10, 11]
    assert ids(index.suggest_films("unbearable"))[0] == 27
    assert ids(index.suggest_films("levaing las"))[0] == 1
    assert ids(index.suggest_films("face/off"))[0] == 2


def test_suggest_year_first(index: SearchIndex) -> None:
    assert ids(index.suggest_films("wicker man 1973"))[0] == 15
    assert ids(index.suggest_films("wicker man 2006"))[0] == 14
    assert {c.doc.year for c in index.suggest_films("(1997)")} == {1997}


def test_suggest_is_ranked_and_limited(index: SearchIndex) -> None:
    results = index.suggest_films("m", limit=5)
    assert len(results) <= 5
    scores = [c.score for c in index.suggest_films("ma")]
    assert scores == sorted(scores, reverse=True)


def test_suggest_people(index: SearchIndex) -> None:
    assert set(ids(index.suggest_people("nic")[:2])) == {1, 8}
    assert ids(index.suggest_people("shu"))[0] == 2
    assert set(ids(index.suggest_people("cage")[:2])) == {1, 6}
    assert [c.doc.name for c in index.suggest_people("", limit=2)] == [
        "Andrea Riseborough",
        "Elisabeth Shue",
    ]


# -- speed -----------------------------------------------------------------------


def test_a_60k_index_still_finds_exact_and_typo_queries() -> None:
    """Scale, functionally (speed targets are checked by `python -m bench`, not by tests)."""
    titles = synthetic.titles(random.Random(1234), 60_000, vocab_size=8000, longest=9)
    index = SearchIndex(FilmDoc(i, t, 1950 + i % 70) for i, t in enumerate(titles))
    rng = random.Random(99)
    sample = [t for t in rng.sample(titles, 200) if len(t) >= 12]
    for title in sample:
        match = index.find_film(title)
        assert match.status is MatchStatus.FOUND and match.best is not None
        assert match.best.title == title
        i = len(title) // 2
        typo = title[:i] + title[i + 1 :]
        found = index.find_film(typo)
        if found.status is MatchStatus.FOUND:  # else it asks back: look-alikes exist
            assert found.best is not None and found.best.title == title


# -- films sharing a key, told apart by their spelling (issue 12, item 3) ----------------------

SAME_KEY = [
    FilmDoc(1, "Face/Off", 1997),
    FilmDoc(2, "Face Off", 1997),
    FilmDoc(3, "The Wicker Man", 1973),
    FilmDoc(4, "The Wicker Man", 2006),
    FilmDoc(5, "Con Air", 1997, aliases=("Con-Air",)),
    FilmDoc(6, "Conair", 1997),
]


@pytest.mark.parametrize(
    ("query", "film_id"),
    [
        ("face/off", 1),
        ("FACE/OFF (1997)", 1),
        ("Face/Off 1997", 1),
        ("face off", 2),
        ("Face Off (1997)", 2),
        ("con-air", 5),  # an alias spelt exactly, when no title is
        ("conair", 6),
    ],
)
def test_an_exact_spelling_picks_one_of_the_films_sharing_a_key(query: str, film_id: int) -> None:
    match = SearchIndex(SAME_KEY).find_film(query)
    assert_found(match, film_id)
    assert not match.loose


@pytest.mark.parametrize("query", ["faceoff", "face-off", "the wicker man"])
def test_a_spelling_matching_none_or_several_still_asks(query: str) -> None:
    assert SearchIndex(SAME_KEY).find_film(query).status is AMBIGUOUS
