"""Typo handling at catalogue scale, the tie-breaks between near-identical titles, and
edits: an index changed at runtime answers exactly like one built from scratch."""

from __future__ import annotations

import random
import string

import pytest

from bot.search import Candidate, FilmDoc, MatchStatus, PersonDoc, SearchIndex
from bot.search._vocab import NearWords
from tests.search import synthetic

FOUND = MatchStatus.FOUND
AMBIGUOUS = MatchStatus.AMBIGUOUS


def ids(candidates: tuple[Candidate, ...] | list[Candidate]) -> list[int]:
    return [c.doc.id for c in candidates]


@pytest.fixture(scope="module")
def big() -> SearchIndex:
    """20,000 synthetic films and people, plus a few real titles and names."""
    rng = random.Random(2024)
    films = [
        FilmDoc(i, t, 1950 + i % 70)
        for i, t in enumerate(synthetic.titles(rng, 20_000, vocab_size=6000))
    ]
    real = [
        "Recreation",
        "The Fireman",
        "The Swimmer",
        "The Robot",
        "I, Robot",
        "Summer Heat",
        "Porky the Fireman",
        "Rosemary's Baby",
        "Baby Rosemary",
        "Top Flat",
        "Flat Top",
        "Diplomaniacs",
        "Unashamed",
        "Untamed",
    ]
    films += [FilmDoc(100_000 + i, t, 1968) for i, t in enumerate(real)]
    people = [
        PersonDoc(i, f"{rng.choice(['John', 'Mary', 'Ava', 'Noah'])} {w.title()}")
        for i, w in enumerate(synthetic.words(rng, 20_000))
    ]
    people.append(PersonDoc(100_000, "Andrea Riseborough"))
    return SearchIndex(films, people)


def by_title(index: SearchIndex, title: str) -> int:
    return next(c.doc.id for c in index.suggest_films(title, limit=5) if c.doc.title == title)


# -- typos anywhere in a word, in a large index -------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("refcreaton", "Recreation"),  # no end of the word survives both typos
        ("recreatoin", "Recreation"),
        ("rceration", "Recreation"),
        ("xrecreation", "Recreation"),
        ("diplomanaics", "Diplomaniacs"),
        ("diplomaniac", "Diplomaniacs"),
        ("unashamd", "Unashamed"),
    ],
)
def test_typos_found_in_a_large_index(big: SearchIndex, query: str, title: str) -> None:
    match = big.find_film(query)
    assert match.status is FOUND, match
    assert match.best is not None and match.best.title == title


@pytest.mark.parametrize("query", ["unasmed", "dpvilomaniacs", "reecreatin"])
def test_two_typos_in_one_word_still_offer_the_title(big: SearchIndex, query: str) -> None:
    match = big.find_film(query)
    assert match.candidates, match
    assert match.candidates[0].doc.title in {"Unashamed", "Diplomaniacs", "Recreation"}


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("tge fireman", "The Fireman"),
        ("rhe swimmer", "The Swimmer"),
        ("thf robot", "The Robot"),
        ("tnhe fireman", "The Fireman"),
    ],
)
def test_mistyped_leading_article(big: SearchIndex, query: str, title: str) -> None:
    match = big.find_film(query)
    assert match.status is FOUND, match
    assert match.best is not None and match.best.title == title


def test_real_word_is_not_read_as_a_mistyped_article() -> None:
    index = SearchIndex([FilmDoc(1, "Wolf", 1994)])
    assert index.find_film("she wolf").status is not FOUND
    assert index.find_film("tge wolf").status is FOUND


def test_words_in_title_order_beat_the_same_words_reordered(big: SearchIndex) -> None:
    match = big.find_film("rosemary' obaby")
    assert match.candidates[0].doc.title == "Rosemary's Baby"
    assert big.find_film("top lfat").candidates[0].doc.title == "Top Flat"
    assert big.find_film("flat tpo").candidates[0].doc.title == "Flat Top"


def test_people_found_by_mistyped_surname_in_a_large_index(big: SearchIndex) -> None:
    for query in ("riseborugh", "riseborough", "andrea risebrough", "riesborough"):
        match = big.find_person(query)
        assert match.status is FOUND, (query, match)
        assert match.best is not None and match.best.id == 100_000


def test_names_in_another_order(big: SearchIndex) -> None:
    match = big.find_person("riseborough andrea")
    assert match.status is FOUND and match.best is not None and match.best.id == 100_000


# -- near-identical titles -------------------------------------------------------------


def test_query_article_breaks_ties_between_same_key_titles() -> None:
    index = SearchIndex([FilmDoc(1, "Stringer", 1999), FilmDoc(2, "Stringer, The", 2001)])
    with_article = index.find_film("the stringr")
    assert with_article.status is AMBIGUOUS
    assert ids(with_article.candidates) == [2, 1]
    without = index.find_film("stringr")
    assert without.status is AMBIGUOUS
    assert ids(without.candidates) == [1, 2]


def test_a_swap_is_as_close_as_a_dropped_letter() -> None:
    index = SearchIndex([FilmDoc(1, "Keoma", 1976), FilmDoc(2, "Kenoma", 1998)])
    match = index.find_film("kneoma")  # "kenoma" with two letters swapped
    assert match.status is AMBIGUOUS
    assert ids(match.candidates) == [2, 1]


def test_no_silent_answer_when_another_title_is_as_few_typos_away() -> None:
    index = SearchIndex([FilmDoc(1, "Pickup", 1951), FilmDoc(2, "The Stickup", 1977)])
    match = index.find_film("tickup")  # one typo from both
    assert match.status is AMBIGUOUS
    assert set(ids(match.candidates)) == {1, 2}
    assert index.find_film("pickpu").best == FilmDoc(1, "Pickup", 1951)
    short = SearchIndex([FilmDoc(1, "Lea", 1990), FilmDoc(2, "Lena", 1991)])
    assert short.find_film("leza").status is AMBIGUOUS  # drops a letter / changes one
    assert short.find_film("lenaa").best == FilmDoc(2, "Lena", 1991)


def test_compact_match_of_a_title_with_common_first_word() -> None:
    films = [
        FilmDoc(i, f"Love {w}", 2000) for i, w in enumerate(synthetic.words(random.Random(5), 500))
    ]
    films.append(FilmDoc(999, "Love Story", 1970))
    index = SearchIndex(films)
    match = index.find_film("lovestory")
    assert match.status is FOUND and match.best is not None and match.best.id == 999


# -- candidate generation ----------------------------------------------------------------


def _one_typo_variants(word: str) -> set[str]:
    letters = string.ascii_lowercase
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    out |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return {w for w in out if len(w) >= 3} - {word}


def test_near_words_finds_every_word_one_typo_away() -> None:
    rng = random.Random(11)
    vocab = sorted(set(synthetic.words(rng, 3000)) | {"eye", "abc", "rock", "mandy", "recreation"})
    near = NearWords()
    near.add_many(vocab[:2000])
    for word in vocab[2000:]:
        near.add(word)
    for word in [*rng.sample(vocab, 12), "eye", "abc", "rock", "mandy", "recreation"]:
        for variant in _one_typo_variants(word):
            assert word in near.near(variant, 1, 1, 1), (word, variant)


def test_near_words_forgets_discarded_words() -> None:
    near = NearWords()
    near.add_many(["mandy", "manly", "candy"])
    near.discard("manly")
    assert near.near("mandi", 1, 1, 1) == {"mandy"}
    near.discard("mandy")
    near.discard("mandy")  # twice is harmless
    assert near.near("mandi", 1, 1, 1) == set()
    assert near.near("candi", 1, 1, 1) == {"candy"}


# -- edits -------------------------------------------------------------------------------


def _queries(rng: random.Random, titles: list[str]) -> list[str]:
    queries = []
    for title in titles:
        queries.append(title)
        i = rng.randrange(len(title))
        queries.append(title[:i] + title[i + 1 :])
        j = rng.randrange(len(title) - 1)
        queries.append(title[:j] + title[j + 1] + title[j] + title[j + 2 :])
    return queries


def _answer(index: SearchIndex, query: str) -> tuple[object, ...]:
    film = index.find_film(query)
    person = index.find_person(query)
    return (
        film.status,
        ids(film.candidates)[:1],
        [c.score for c in film.candidates[:1]],
        person.status,
        ids(person.candidates)[:1],
    )


def test_edited_index_answers_like_a_fresh_one() -> None:
    rng = random.Random(77)
    titles = synthetic.titles(rng, 3000, vocab_size=6000)
    films = {i: FilmDoc(i, t, 1950 + i % 70) for i, t in enumerate(titles)}
    names = [
        f"{a} {b.title()}"
        for a, b in zip(synthetic.words(rng, 800), synthetic.words(rng, 800), strict=True)
    ]
    people = {i: PersonDoc(i, n) for i, n in enumerate(names)}
    index = SearchIndex(films.values(), people.values())
    index.find_film("warm up the lazy lists")  # edits must also keep built lists right
    index.suggest_films("", limit=5)
    index.suggest_people("", limit=5)
    spare = synthetic.titles(random.Random(78), 300, vocab_size=6000)
    for step in range(600):
        film_id = rng.randrange(3300)
        if rng.random() < 0.35:
            index.remove_film(film_id)
            films.pop(film_id, None)
        else:
            title = rng.choice(spare) if rng.random() < 0.5 else rng.choice(titles)
            aliases = (rng.choice(spare),) if rng.random() < 0.2 else ()
            doc = FilmDoc(film_id, title, 1900 + step % 100, aliases)
            index.upsert_film(doc)
            films[film_id] = doc
        person_id = rng.randrange(900)
        if rng.random() < 0.3:
            index.remove_person(person_id)
            people.pop(person_id, None)
        else:
            person = PersonDoc(person_id, rng.choice(names), (rng.choice(names),))
            index.upsert_person(person)
            people[person_id] = person
    fresh = SearchIndex(films.values(), people.values())
    assert index.film_count == fresh.film_count
    assert index.person_count == fresh.person_count
    sample = rng.sample([f.title for f in films.values()], 150) + rng.sample(spare, 50)
    sample += rng.sample([p.name for p in people.values()], 50)
    for query in _queries(rng, sample):
        assert _answer(index, query) == _answer(fresh, query), query
    assert ids(index.suggest_films("", limit=100)) == ids(fresh.suggest_films("", limit=100))
    assert ids(index.suggest_people("", limit=100)) == ids(fresh.suggest_people("", limit=100))
