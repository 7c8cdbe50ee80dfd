"""The table of question kinds (bot/answers/questions/table.py) is the one place a kind is
defined: every intent has a row with an example, a handler, and its example is understood as
that intent. (The table's own words are protected from being read as titles: test_entities.py.)"""

from __future__ import annotations

import pytest

from bot.answers.questions.answers import HANDLERS
from bot.answers.questions.intents import understand
from bot.answers.questions.table import RULES, Intent, examples
from bot.search import FilmDoc, PersonDoc, SearchIndex

INDEX = SearchIndex(
    [
        FilmDoc(1, "Leaving Las Vegas", 1995),
        FilmDoc(2, "Next", 2007),
        FilmDoc(3, "Rage", 2014),
        FilmDoc(4, "The Family Man", 2000),
    ],
    [PersonDoc(1, "Nicolas Cage"), PersonDoc(2, "Mike Figgis"), PersonDoc(3, "Kanye West")],
)
#: Kinds that are not table rows: what is left when no row fits.
NOT_ROWS = {Intent.FILM, Intent.PERSON, Intent.UNKNOWN}


def test_every_intent_has_a_row_and_a_handler() -> None:
    in_table = {rule.intent for rule in RULES}
    assert set(Intent) - NOT_ROWS == in_table
    assert set(Intent) == set(HANDLERS), "a question kind without a handler"


@pytest.mark.parametrize(("intent", "example"), sorted(examples().items()))
def test_each_rows_example_is_understood_as_its_intent(intent: Intent, example: str) -> None:
    question = understand(example, INDEX)
    assert question.intent is intent, f"{example!r} read as {question.intent}"
