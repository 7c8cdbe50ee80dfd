"""Question understanding without a database: every message of question_set.py
is read by `understand()` against a search index of the shipped catalogue, the shipped review
records and the test records (tests/answers/data), and must give the intent, the film and the
person a member would rightly expect."""

from __future__ import annotations

import pytest

from bot.answers.questions.intents import Intent, Question, normalise, understand
from bot.answers.text import film_label
from bot.records.files import load_paths
from bot.search import FilmDoc, MatchStatus, PersonDoc, SearchIndex, normalize_name
from tests.answers.questions.question_set import ASK_BACK, INTENTS, QUESTIONS
from tests.helpers import ANSWER_DATA, REPO

SOURCES = (REPO / "data", ANSWER_DATA)
ASKED_BACK = (MatchStatus.AMBIGUOUS, MatchStatus.YEAR_MISMATCH)


def catalogue() -> tuple[list[FilmDoc], list[PersonDoc]]:
    """What the database would hold after importing SOURCES: one film per slug (a review record
    first, a catalogue row only adds a film not seen yet), its aliases, and everyone credited in
    the cast or the crew, once per name."""
    films: dict[str, FilmDoc] = {}
    people: dict[str, PersonDoc] = {}
    for loaded in load_paths(SOURCES):  # review records come before catalogue rows
        facts = loaded.record.film
        slug = loaded.record.slug
        if slug in films:
            known = films[slug]
            aliases = tuple(dict.fromkeys(known.aliases + tuple(facts.aliases)))
            films[slug] = FilmDoc(known.id, known.title, known.year, aliases)
        else:
            films[slug] = FilmDoc(len(films) + 1, facts.title, facts.year, tuple(facts.aliases))
        crew = (
            *facts.directors,
            *facts.writers,
            *facts.cinematographers,
            *facts.composers,
            *(member.name for member in facts.cast),
        )
        for name in crew:
            key = normalize_name(name)
            if key not in people:
                people[key] = PersonDoc(len(people) + 1, name)
    return list(films.values()), list(people.values())


@pytest.fixture(scope="module")
def docs() -> tuple[list[FilmDoc], list[PersonDoc]]:
    return catalogue()


@pytest.fixture(scope="module")
def index(docs: tuple[list[FilmDoc], list[PersonDoc]]) -> SearchIndex:
    return SearchIndex(*docs)


def named_film(question: Question) -> str | None:
    """ "Title (Year)" when one film was found, ASK_BACK when the member must be asked which
    one, None when no film was named."""
    if question.film is None:
        return None
    match = question.film.match
    if match.status in ASKED_BACK:
        return ASK_BACK
    if match.status is MatchStatus.FOUND and match.best is not None:
        return film_label(match.best.title, match.best.year)
    return f"<{match.status}>"


def named_person(question: Question) -> str | None:
    if question.person is None or question.person.match.best is None:
        return None
    return question.person.match.best.name


@pytest.mark.parametrize(
    ("message", "intent", "film", "person"),
    [row[:4] for row in QUESTIONS],
    ids=[row[0] for row in QUESTIONS],
)
def test_a_member_question_is_understood(
    index: SearchIndex,
    message: str,
    intent: str | tuple[str, ...],
    film: str | None,
    person: str | None,
) -> None:
    question = understand(message, index)
    accepted = (intent,) if isinstance(intent, str) else intent
    got = (str(question.intent), named_film(question), named_person(question))
    assert got[0] in accepted and got[1:] == (film, person), (
        f"{message!r}: expected intent {' or '.join(accepted)}, film {film!r}, person "
        f"{person!r}; got intent {got[0]}, film {got[1]!r}, person {got[2]!r}"
    )


def test_the_question_set_is_large_covers_every_intent_and_names_what_exists(
    docs: tuple[list[FilmDoc], list[PersonDoc]],
) -> None:
    assert len(QUESTIONS) >= 200
    messages = [row[0] for row in QUESTIONS]
    assert len(set(messages)) == len(messages), "a message is in the table twice"
    used: set[str] = set()
    for _, intent, _, _, _ in QUESTIONS:
        used.update((intent,) if isinstance(intent, str) else intent)
    assert used - INTENTS == set(), "intents in the table that are not in INTENTS"
    assert INTENTS - used == set(), "intents with no question in the table"
    films = {film_label(doc.title, doc.year) for doc in docs[0]}
    people = {doc.name for doc in docs[1]}
    for message, _, film, person, _ in QUESTIONS:
        assert film in films or film in (None, ASK_BACK), f"{message!r}: no film {film!r}"
        assert person in people or person is None, f"{message!r}: no person {person!r}"


# --- understanding, without a database ------------------------------------------------------------


def test_chat_spellings_and_contractions_are_spelled_out() -> None:
    assert " ".join(normalise("wat extras r on the leaving vegas blu-ray?")) == (
        "what extras are on the leaving vegas bluray"
    )
    assert " ".join(normalise("Who's in Face/Off? What's Cage's role")) == (
        "who is in face off what is cage role"
    )
    assert normalise("the wicker man (from 2006)") == ("the", "wicker", "man", "2006")


def test_understanding_needs_only_the_index() -> None:
    index = SearchIndex(
        [
            FilmDoc(1, "Leaving Las Vegas", 1995),
            FilmDoc(2, "The Wicker Man", 1973),
            FilmDoc(3, "The Wicker Man", 2006),
            FilmDoc(4, "Racing with the Moon", 1984),
        ],
        [PersonDoc(1, "Nicolas Cage"), PersonDoc(2, "Elisabeth Shue")],
    )
    question = understand("who plays sera in levaing las vegas?", index)
    assert question.intent is Intent.CAST and question.subject == "sera"
    assert question.film is not None and question.film.match.best == FilmDoc(
        1, "Leaving Las Vegas", 1995
    )
    assert understand("is shue in leaving las vegas", index).yes_no
    wicker = understand("who directed the wicker man", index).film
    assert wicker is not None and wicker.match.status == "ambiguous"
    # A title word that looks like a question word with a typo is left alone.
    racing = understand("who directed racing with the moon", index)
    assert racing.intent is Intent.DIRECTOR and racing.film is not None
    assert racing.film.match.best is not None and racing.film.match.best.id == 4
    assert understand("racing with the moon", index).intent is Intent.FILM
    # ...but a question word with a typo is read as meant.
    assert understand("who directd leaving las vegas", index).intent is Intent.DIRECTOR
    best = understand("which film has the worst sound?", index)
    assert (best.intent, best.aspect, best.worst) == (Intent.BEST, "audio", True)
    assert understand("which cage films have you reviewed", index).person is not None
