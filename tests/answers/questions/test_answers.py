"""Questions in plain English answered (bot/answers/questions/answers.py), on the shipped data
plus tests/answers/data (several reviewed films, shared actors, two films called The Wicker Man,
an unreviewed film, unset facts). Answers are plain data and are compared as such: the type,
the title, the whole sentence and the film whose card is one button away (expected.py), never
a substring of everything the reply says, which a question that fell back to the film's card
would also contain. The question forms word for word (question_forms.py); every message of
question_set.py by kind and sentence shape (answer_shapes.py); asking back; never inventing;
and the ways a question arrives (`!ask`, `/ask`, a mention of the bot)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord.ext.test as dpytest
import pytest
import pytest_asyncio
from discord.ext import commands
from discord.ext.test import backend, factories
from sqlalchemy import update

from bot.answers.questions.intents import understand
from bot.answers.text import film_label
from bot.answers.types import Answer, Card, Choices, ItemList, Notice, Request, Tone
from bot.app import Popcorn
from bot.chat.console import ChatSession
from bot.db.models import Review
from bot.discord_bot.client import PopcornBot
from bot.discord_bot.views import FollowupView, interactive_reply
from tests.answers.questions import question_set as qs
from tests.answers.questions.answer_shapes import ANY_INTENT, SHAPES
from tests.answers.questions.expected import (
    Expected,
    buy,
    choices,
    differences,
    listing,
    notice,
    sentence,
    summary,
)
from tests.answers.questions.question_forms import FACE_OFF, FORMS, LLV, ROCK
from tests.discord_bot.fakes import sent, slash_interaction
from tests.discord_bot.limits_check import assert_within_limits
from tests.helpers import dpytest_bot, run_popcorn

#: The tests that only read share one app per module (tests/answers/conftest.py `shared_qapp`):
#: they run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")


async def ask(app: Popcorn, question: str) -> Answer:
    answer = await app.answer(Request("ask", question))
    assert_within_limits(interactive_reply(answer, 1, app))
    return answer


# --- the question forms, answered word for word (question_forms.py) ------------------------------
# Each group of phrasings is one test: every row's intent and whole answer, all failures listed.


@on_the_module_loop
@pytest.mark.parametrize("form", list(FORMS), ids=lambda form: form.replace(" ", "-"))
async def test_question_forms(shared_qapp: Popcorn, form: str) -> None:
    failures = []
    for question, intent, expected in FORMS[form]:
        understood = understand(question, shared_qapp.index).intent
        wrong = [] if understood is intent else [f"understood as {understood}, not {intent}"]
        wrong += differences(await ask(shared_qapp, question), expected, shared_qapp.index)
        if wrong:
            failures.append(f"{question!r}:\n    " + "\n    ".join(wrong))
    assert not failures, "\n".join(failures)


# --- every message of the question set, through the whole pipeline --------------------------------
# question_set.py says, for each message, the intent, the film, the person and the kind of answer;
# answer_shapes.py says which sentences each intent's answer may be. A question that fell back to
# the film's card, or got another intent's sentence, fails here.

#: Rows whose answer is wrong today (a bug in bot/, not fixed by the tests): message -> the bug.
#: message -> the bug that makes its row fail (an xfail(strict) until fixed); none known now.
KNOWN_BUGS: dict[str, str] = {}


def film_id_of(answer: Answer) -> int | None:
    """The film a Card is about: the one its first button ("Film card") opens."""
    if not isinstance(answer, Card) or not answer.followups:
        return None
    first = answer.followups[0]
    if first.label != "Film card" or first.request.command != "review":
        return None
    return first.request.film_id


def kind_of(answer: Answer, films: dict[int, str]) -> str:
    """What the answer is, in question_set.py's words."""
    if isinstance(answer, Notice):
        return qs.NOTICE
    if isinstance(answer, Choices):
        return qs.CHOICES
    if isinstance(answer, ItemList):
        return qs.LIST
    if isinstance(answer, Card):
        first = answer.followups[0] if answer.followups else None
        if first is not None and first.label == "Film card" and first.request.command == "review":
            film = films.get(first.request.film_id or 0)
            if answer.title in (film, f"Buy {film}"):
                return qs.CARD if answer.fields else qs.SENTENCE
        if answer.fields and answer.title == films.get(answer.film_id or 0):
            return qs.CARD
        return qs.SUMMARY
    return type(answer).__name__


def headline(answer: Answer, kind: str) -> str:
    """The part of the answer its shape is read from (answer_shapes.py)."""
    if isinstance(answer, Notice):
        return answer.text
    if isinstance(answer, Choices):
        return answer.prompt
    if isinstance(answer, Card):
        if kind == qs.SENTENCE:
            return answer.description or ""
        return f"{answer.title} | {answer.description or ''}"
    if isinstance(answer, ItemList):
        return f"{answer.title} | {answer.intro or ''}"
    return repr(answer)


def shapes_for(intent: str, film: str | None, person: str | None) -> list[re.Pattern[str]]:
    """The intent's forms (and those of any question) with the row's film and person put in;
    a form naming a film or a person the row lacks is left out."""
    patterns = []
    for form in (*SHAPES[intent], *ANY_INTENT):
        if ("{film}" in form and film is None) or ("{person}" in form and person is None):
            continue
        form = form.replace("{film}", re.escape(film or "")).replace(
            "{person}", re.escape(person or "")
        )
        patterns.append(re.compile(form, re.DOTALL))
    return patterns


@dataclass(frozen=True)
class Asked:
    answers: dict[str, Answer]
    intents: dict[str, str]
    films: dict[int, str]  # film id -> "Title (Year)"
    sent: dict[str, dict[str, Any]]  # what Discord would be sent (the rendered reply)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def asked(shared_qapp_once: Popcorn) -> Asked:
    """Every message of the question set asked once, on the answer tests' database (the
    module's shared app: the shipped data plus tests/answers/data, its document cache emptied
    first)."""
    app = shared_qapp_once
    app.documents.clear()
    answers = {row[0]: await app.answer(Request("ask", row[0])) for row in qs.QUESTIONS}
    intents = {row[0]: str(understand(row[0], app.index).intent) for row in qs.QUESTIONS}
    ids = {a.film_id for a in answers.values() if isinstance(a, Card) and a.film_id}
    ids |= {i for a in answers.values() if (i := film_id_of(a)) is not None}
    docs = [(i, app.index.film(i)) for i in ids]
    films = {i: film_label(d.title, d.year) for i, d in docs if d is not None}
    sent = {m: interactive_reply(a, 1, app).payload() for m, a in answers.items()}
    return Asked(answers, intents, films, sent)


def _row_param(row: qs.Row) -> Any:
    bug = KNOWN_BUGS.get(row[0])
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(*row, id=row[0], marks=marks)


@pytest.mark.parametrize(
    ("message", "intent", "film", "person", "kind"), [_row_param(row) for row in qs.QUESTIONS]
)
def test_a_member_question_gets_the_answer_it_asks_for(
    asked: Asked,
    message: str,
    intent: str | tuple[str, ...],
    film: str | None,
    person: str | None,
    kind: str,
) -> None:
    answer = asked.answers[message]
    assert_within_limits(asked.sent[message])
    understood = asked.intents[message]
    accepted = (intent,) if isinstance(intent, str) else intent
    assert understood in accepted, f"{message!r} understood as {understood}, not {accepted}"
    got = kind_of(answer, asked.films)
    assert got == kind, f"{message!r}: a {got}, not a {kind}: {answer!r}"
    about = film_id_of(answer)
    about_label = asked.films.get(about) if about is not None else None
    if kind in (qs.SENTENCE, qs.CARD) and film not in (None, qs.ASK_BACK):
        assert about_label == film or (isinstance(answer, Card) and answer.title == film), (
            f"{message!r}: about {about_label or getattr(answer, 'title', None)!r}, not {film!r}"
        )
    if kind == qs.CHOICES:
        assert isinstance(answer, Choices) and answer.choices
        assert all(re.fullmatch(r".+ \(\d{4}\)|[^()]+", c.label) for c in answer.choices)
    named = film if film not in (None, qs.ASK_BACK) else about_label
    said_first = headline(answer, kind)
    shapes = shapes_for(understood, named, person)
    assert any(p.fullmatch(said_first) for p in shapes), (
        f"{message!r} ({understood}): no {understood} answer looks like\n    {said_first!r}"
    )


def test_every_intent_has_answer_shapes_and_every_row_a_kind() -> None:
    assert set(SHAPES) == qs.INTENTS
    assert {row[4] for row in qs.QUESTIONS} == qs.KINDS


# --- the film's card one button away --------------------------------------------------------------


@on_the_module_loop
async def test_an_answer_has_the_film_card_one_button_away(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "who directed con air")
    assert isinstance(answer, Card)
    assert answer.description == "Con Air (1997) was directed by Simon West."
    labels = [choice.label for choice in answer.followups]
    assert labels == ["Film card"]
    card = await shared_qapp.answer(answer.followups[0].request)
    assert isinstance(card, Card) and card.title == "Con Air (1997)"
    assert any(f.name == "Film" and f.value == "8/10" for f in card.fields)
    reply = interactive_reply(answer, 1, shared_qapp)
    assert isinstance(reply.view, FollowupView)
    assert_within_limits(reply)


@on_the_module_loop
async def test_cast_answers_also_offer_the_full_cast(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "who is in leaving las vegas")
    assert isinstance(answer, Card)
    full_cast = next(c for c in answer.followups if c.label == "Full cast")
    cast = await shared_qapp.answer(full_cast.request)
    assert isinstance(cast, ItemList) and len(cast.items) == 9


# --- asking back ----------------------------------------------------------------------------------

WM73, WM06 = "The Wicker Man (1973)", "The Wicker Man (2006)"
MANDY = "Mandy (2018)"
MANDY_FACTS = (
    "2018 · Action, Horror · directed by Panos Cosmatos · starring Nicolas Cage (Red Miller)"
)
JOE_FACTS = (
    "2013 · Drama · 117 min · certificate 15 · directed by David Gordon Green · starring "
    "Nicolas Cage (Joe Ransom) and Tye Sheridan (Gary Jones)"
)
ROCK_FACTS = (
    "1996 · Action, Thriller · certificate 15 · directed by Michael Bay · starring Sean Connery "
    "(John Patrick Mason), Nicolas Cage (Stanley Goodspeed), Ed Harris (Brigadier General "
    "Francis X. Hummel) and 1 more"
)


def assert_is(answer: Answer, expected: Expected, app: Popcorn) -> None:
    wrong = differences(answer, expected, app.index)
    assert not wrong, "\n".join(wrong)


@on_the_module_loop
async def test_two_films_with_one_title_ask_back_and_the_choice_is_answered(
    shared_qapp: Popcorn,
) -> None:
    answer = await ask(shared_qapp, "who directed the wicker man")
    assert_is(
        answer,
        choices("Several films match “the wicker man”. Did you mean:", [WM73, WM06]),
        shared_qapp,
    )
    assert isinstance(answer, Choices)
    picked = await shared_qapp.answer(answer.choices[0].request)
    assert_is(
        picked, sentence(WM73, "The Wicker Man (1973) was directed by Robin Hardy."), shared_qapp
    )
    picked = await shared_qapp.answer(answer.choices[1].request)
    assert_is(
        picked, sentence(WM06, "The Wicker Man (2006) was directed by Neil LaBute."), shared_qapp
    )


@on_the_module_loop
@pytest.mark.parametrize(
    ("question", "film", "director"),
    [
        ("who directed the wicker man 1973", WM73, "Robin Hardy"),
        ("who directed the wicker man (2006)", WM06, "Neil LaBute"),
        ("who directed the 2006 wicker man", WM06, "Neil LaBute"),
        ("who directed the wicker man from 1973", WM73, "Robin Hardy"),
    ],
)
async def test_a_year_picks_one_of_two_films(
    shared_qapp: Popcorn, question: str, film: str, director: str
) -> None:
    assert_is(
        await ask(shared_qapp, question),
        sentence(film, f"{film} was directed by {director}."),
        shared_qapp,
    )


@on_the_module_loop
async def test_a_year_that_matches_nothing_is_said_to_match_nothing(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "who directed leaving las vegas 1990")
    prompt = "No film from 1990 matches “leaving las vegas 1990”. There is one from 1995:"
    assert_is(answer, choices(prompt, [LLV]), shared_qapp)
    assert isinstance(answer, Choices)
    picked = await shared_qapp.answer(answer.choices[0].request)
    assert_is(picked, sentence(LLV, f"{LLV} was directed by Mike Figgis."), shared_qapp)


@on_the_module_loop
async def test_an_ambiguous_person_asks_back(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "which films did coppola direct")
    labels = ["Christopher Coppola", "Francis Ford Coppola"]
    assert_is(
        answer, choices("Several people match “coppola”. Who do you mean?", labels), shared_qapp
    )
    assert isinstance(answer, Choices)
    picked = await shared_qapp.answer(answer.choices[1].request)
    assert_is(
        picked,
        listing(
            "Films directed by Francis Ford Coppola",
            "Francis Ford Coppola directed 3 films in the database, 0 reviewed.",
            items=(
                "**Rumble Fish (1983)** · not reviewed yet",
                "**The Cotton Club (1984)** · not reviewed yet",
                "**Peggy Sue Got Married (1986)** · not reviewed yet",
            ),
        ),
        shared_qapp,
    )


@on_the_module_loop
async def test_a_near_miss_offers_the_nearest_films(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "who directed national treasure 3")
    prompt = (
        "I understood a question like “who directed leaving las vegas?”. I couldn't find a film "
        "called “national treasure 3”. The nearest are:"
    )
    assert_is(answer, choices(prompt, ["National Treasure (2004)"]), shared_qapp)


# --- never invents --------------------------------------------------------------------------------


@on_the_module_loop
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "who directed zyzzogeton",
            "I understood a question like “who directed leaving las vegas?”. I couldn't find a "
            "film called “zyzzogeton”. Try `!search` with part of the title.",
        ),
        (
            "what extras are on the zyzzogeton blu-ray",
            "I understood a question like “what extras are on the llv blu-ray?”. I couldn't find "
            "a film called “zyzzogeton”. Try `!search` with part of the title.",
        ),
        (
            "who plays zorblax",
            "I couldn't find a character or an actor called “zorblax” in the casts I have. Name "
            "the film too, like “who plays zorblax in leaving las vegas?”",
        ),
        ("what films is zyzzo qwerty in", "I couldn't find anyone called “zyzzo qwerty”."),
        (
            "how many discs",
            "Which film? I understood a question like “how many discs are in the llv blu-ray?”, "
            "but no film in it.",
        ),
    ],
)
async def test_unknown_films_and_people(shared_qapp: Popcorn, question: str, expected: str) -> None:
    answer = await ask(shared_qapp, question)
    assert_is(answer, notice(expected), shared_qapp)
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING


@on_the_module_loop
@pytest.mark.parametrize(
    ("question", "film", "facts"),
    [
        ("what did you think of mandy", MANDY, MANDY_FACTS),
        ("is mandy worth buying", MANDY, MANDY_FACTS),
        ("how is the picture on mandy", MANDY, MANDY_FACTS),
        ("what are the pros and cons of joe", "Joe (2013)", JOE_FACTS),
        ("what did you rate joe", "Joe (2013)", JOE_FACTS),
        ("is the joe blu-ray any good", "Joe (2013)", JOE_FACTS),
    ],
)
async def test_unreviewed_films_say_so_and_offer_what_is_known(
    shared_qapp: Popcorn, question: str, film: str, facts: str
) -> None:
    answer = await ask(shared_qapp, question)
    said = f"{film} is not reviewed yet. What I know about it: {facts}."
    assert_is(answer, sentence(film, said), shared_qapp)
    assert isinstance(answer, Card) and answer.tone is Tone.UNREVIEWED


@on_the_module_loop
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "what did you rate leaving las vegas",
            sentence(
                LLV,
                "The review doesn't give a film rating for Leaving Las Vegas (1995). It rates the "
                "Blu-ray: picture GOOD, audio POOR and extras OK.",
            ),
        ),
        (
            "how long is mandy",
            sentence(
                MANDY, f"I don't have the runtime of Mandy (2018). What I do know: {MANDY_FACTS}."
            ),
        ),
        (
            "how long is the rock",
            sentence(
                ROCK, f"I don't have the runtime of The Rock (1996). What I do know: {ROCK_FACTS}."
            ),
        ),
        (
            "what certificate is mandy",
            sentence(
                MANDY,
                f"I don't have a certificate for Mandy (2018). What I do know: {MANDY_FACTS}.",
            ),
        ),
        (
            "is face off worth buying",
            sentence(
                FACE_OFF,
                "The review of Face/Off (1997) makes no buying recommendation. Verdict: “John "
                "Woo's best American film on a superb disc”. It rates the Blu-ray: picture "
                "EXCELLENT, audio GREAT and extras not rated.",
            ),
        ),
        (
            "how are the extras on face off",
            sentence(
                FACE_OFF,
                "Face/Off (1997): the review doesn't rate the Blu-ray's extras. It rates picture "
                "EXCELLENT and audio GREAT. They are: Audio commentary with John Woo; The Light "
                "and the Dark; Deleted scenes.",
            ),
        ),
        ("where can i buy the rock", buy(ROCK, "The review of The Rock (1996) lists no shops.")),
        (
            "when was the rock released on blu-ray",
            sentence(
                ROCK,
                "The Blu-ray of The Rock (1996) is from Criterion in the US. I don't have its "
                "release date.",
            ),
        ),
        (
            "what extras are on the wicker man 2006",
            sentence(
                WM06,
                "The Warner Blu-ray of The Wicker Man (2006) lists no extras. The review rates the "
                "extras POOR.",
            ),
        ),
        (
            "how many discs is mandy on",
            sentence(
                MANDY,
                "I have no Blu-ray release on record for Mandy (2018). It's not reviewed yet; what "
                f"I know: {MANDY_FACTS}.",
            ),
        ),
        (
            "who wrote the review of leaving las vegas",
            sentence(LLV, "The review of Leaving Las Vegas (1995) doesn't say who wrote it."),
        ),
        (
            "who shot mandy",
            sentence(
                MANDY,
                f"I don't have the cinematographer of Mandy (2018). What I do know: {MANDY_FACTS}.",
            ),
        ),
        (
            "what is the rock about",
            sentence(
                ROCK, f"I don't have a synopsis of The Rock (1996). What I do know: {ROCK_FACTS}."
            ),
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
async def test_unset_facts_are_said_to_be_unset(
    shared_qapp: Popcorn, question: str, expected: Expected
) -> None:
    assert_is(await ask(shared_qapp, question), expected, shared_qapp)


@on_the_module_loop
async def test_the_shops_of_a_reviewed_film_are_shown_as_reviewed(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "where can i buy the rock")
    assert isinstance(answer, Card) and answer.tone is Tone.CARD
    assert answer.description == "The review of The Rock (1996) lists no shops."
    assert [f.label for f in answer.followups] == ["Film card"]


async def test_a_removed_review_is_not_reviewed(qapp: Popcorn) -> None:
    async with qapp.sessions.begin() as session:
        await session.execute(
            update(Review)
            .where(Review.headline == "Con Air Blu-ray Review")
            .values(deleted_at=dt.datetime.now(dt.UTC))
        )
    thought = await ask(qapp, "what did you think of con air")
    assert isinstance(thought, Card) and thought.description is not None
    assert thought.description.startswith(
        "Con Air (1997) is not reviewed yet. What I know about it: 1997 · "
    )
    best = "The best audio of the reviewed films (GREAT): Face/Off (1997) and The Rock (1996)."
    best_audio = summary("The best audio rating", best)
    assert_is(await ask(qapp, "which film has the best audio"), best_audio, qapp)
    count = "I've reviewed 5 films so far, out of 103 films in the database."
    assert_is(await ask(qapp, "how many films have you reviewed"), summary("Reviews", count), qapp)


@on_the_module_loop
@pytest.mark.parametrize(
    "message",
    ["hello", "tell me a joke", "good morning", "what time is it", "thanks!", "🍿🍿🍿", "?"],
)
async def test_off_topic_messages_get_example_questions(shared_qapp: Popcorn, message: str) -> None:
    answer = await ask(shared_qapp, message)
    lead = "Sorry, I didn't understand that. I can answer questions like:"
    assert_is(answer, notice(lead, hint="“who directed leaving las vegas?”"), shared_qapp)
    assert isinstance(answer, Notice) and len(answer.hints) == 8


@on_the_module_loop
async def test_a_very_long_question_is_refused_politely(shared_qapp: Popcorn) -> None:
    answer = await ask(shared_qapp, "who directed " + "leaving las vegas " * 100)
    said = "That's too long for me: keep a question under 500 characters."
    assert answer == Notice(said, Tone.ERROR)


# --- the mention path -----------------------------------------------------------------------------


@on_the_module_loop
async def test_a_mention_without_a_question_gets_a_hint_with_examples(shared_qapp: Popcorn) -> None:
    answer = await shared_qapp.answer_text("@Popcorn")
    assert isinstance(answer, Notice)
    assert answer.text == (
        "Ask me about a film or a person: mention me with a question, or use `!ask <question>`. "
        "For example:"
    )
    assert len(answer.hints) >= 5


@on_the_module_loop
async def test_the_mention_in_popcorn_chat_and_the_button_to_the_card(shared_qapp: Popcorn) -> None:
    chat = ChatSession(shared_qapp)
    (reply,) = await chat.send("@Popcorn who plays Sera in leaving las vegas?")
    assert_within_limits(reply)
    embed = reply.embeds[0]
    assert embed.title == LLV
    assert embed.description == "Elisabeth Shue plays Sera in Leaving Las Vegas (1995)."
    (card,) = await chat.press("film card")
    assert card.embeds[0].title == LLV
    assert {f.name for f in card.embeds[0].fields} >= {"Picture", "Audio", "Extras"}
    assert_within_limits(card)


def test_the_mention_through_the_popcorn_chat_command(tmp_path: Path, seeded_sqlite: Path) -> None:
    # a copy of the seeded database: the chat finds data/ loaded, as on any start but the first
    shutil.copyfile(seeded_sqlite, tmp_path / "chat.sqlite3")
    messages = ["@Popcorn who plays Sera in leaving las vegas?", ":press film card", "@Popcorn"]
    stdin = "".join(m + "\n" for m in messages)
    result = run_popcorn(["chat", "--json"], tmp_path / "chat.sqlite3", tmp_path, stdin=stdin)
    assert result.returncode == 0, result.stderr
    answer, card, hint = (json.loads(line) for line in result.stdout.splitlines())
    for line in (answer, card, hint):
        assert_within_limits(line)
    (embed,) = answer[0]["embeds"]
    assert embed["description"] == "Elisabeth Shue plays Sera in " + LLV + "."
    labels = [item["label"] for row in answer[0]["components"] for item in row["components"]]
    assert labels == ["Film card", "Full cast"]
    assert card[0]["embeds"][0]["title"] == LLV
    assert "Ask me about a film" in hint[0]["content"]


# --- the mention through Discord (dpytest) --------------------------------------------------------


@pytest_asyncio.fixture(loop_scope="module")
async def bot(shared_qapp: Popcorn) -> AsyncIterator[commands.Bot]:
    """The real bot on the module's shared app (the tests only ask): a new one for each test,
    its background look for reviews stopped and its change listeners taken off the app after
    the test."""
    listeners = list(shared_qapp.listeners)
    try:
        async with dpytest_bot(shared_qapp) as popcorn_bot:
            yield popcorn_bot
            if popcorn_bot.announcer is not None:
                await popcorn_bot.announcer.stop()
    finally:
        shared_qapp.listeners[:] = listeners


@on_the_module_loop
async def test_a_discord_mention_is_a_question(bot: commands.Bot) -> None:
    assert bot.user is not None
    await dpytest.message(f"{bot.user.mention} who plays Sera in leaving las vegas?")
    message = dpytest.get_message()
    assert message.embeds[0].description == "Elisabeth Shue plays Sera in Leaving Las Vegas (1995)."
    assert not message.mention_everyone
    await dpytest.message(f"<@!{bot.user.id}> wat extras r on the leaving vegas bluray")
    assert "Making Of" in (dpytest.get_message().embeds[0].description or "")


@on_the_module_loop
async def test_a_mention_mid_sentence_is_a_question(bot: commands.Bot) -> None:
    assert bot.user is not None
    await dpytest.message(f"hey {bot.user.mention} who directed con air")
    said = dpytest.get_message().embeds[0].description
    assert said == "Con Air (1997) was directed by Simon West."
    await dpytest.message(f"lol ok so {bot.user.mention}, how is the audio on llv")
    assert "POOR" in (dpytest.get_message().embeds[0].description or "")


@on_the_module_loop
async def test_a_discord_mention_alone_gets_the_hint(bot: commands.Bot) -> None:
    assert bot.user is not None
    await dpytest.message(bot.user.mention)
    assert "Ask me about a film or a person" in dpytest.get_message().content


@on_the_module_loop
async def test_text_that_only_looks_like_a_mention_is_not_answered(bot: commands.Bot) -> None:
    await dpytest.message("@Popcorn who directed con air")
    assert dpytest.verify().message().nothing()


@on_the_module_loop
async def test_other_bots_mentioning_popcorn_are_ignored(bot: commands.Bot) -> None:
    assert bot.user is not None
    config = dpytest.get_config()
    data = factories.make_user_dict("OtherBot", "0003", None, bot=True)
    other = backend.make_member(backend.get_state().store_user(data), config.guilds[0])
    assert other.bot
    await dpytest.message(f"{bot.user.mention} who directed con air", member=other)
    assert dpytest.verify().message().nothing()


@on_the_module_loop
async def test_ask_as_a_prefix_command(bot: commands.Bot) -> None:
    await dpytest.message("!ask who directed leaving las vegas?")
    said = dpytest.get_message().embeds[0].description
    assert said == "Leaving Las Vegas (1995) was directed by Mike Figgis."


@on_the_module_loop
async def test_ask_with_no_question_gets_the_hint(bot: commands.Bot) -> None:
    await dpytest.message("!ask")
    hint = dpytest.get_message().content
    assert hint.startswith(
        "Ask me about a film or a person: mention me with a question, or use `!ask <question>`. "
        "For example:\n• “who directed leaving las vegas?”\n"
    )


@on_the_module_loop
async def test_slash_ask(bot: commands.Bot) -> None:
    assert isinstance(bot, PopcornBot)
    interaction = slash_interaction(bot, command="ask")
    ask_command: Any = bot.tree.get_command("ask")
    await ask_command.callback(interaction, text="who plays Sera in leaving las vegas?")
    kwargs = sent(interaction)
    assert kwargs["embeds"][0].title == LLV
    assert (
        kwargs["embeds"][0].description == "Elisabeth Shue plays Sera in Leaving Las Vegas (1995)."
    )
    assert kwargs["allowed_mentions"].everyone is False
    assert isinstance(kwargs["view"], FollowupView)
