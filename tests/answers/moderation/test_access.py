"""Who may moderate (bot/answers/moderation/access.py): checked once, where commands are
dispatched (answer_request), with the same replies for every moderator command."""

from __future__ import annotations

import pytest

from bot.answers.commands import MODERATOR_COMMANDS
from bot.answers.moderation.access import (
    MODERATORS_ONLY,
    NOT_IN_DMS,
    OWNER_ONLY,
    RightsNotChecked,
    acting,
    may_moderate,
    refusal,
)
from bot.answers.moderation.reviews import remove_answer
from bot.answers.types import Attachment, Card, Confirmation, ItemList, Notice, Request, Tone
from bot.app import Popcorn
from tests.answers.moderation.helpers import IN_DM, MEMBER, MOD, OWNER, say, text_of
from tests.db.test_storage import snapshot

#: The tests on a module-wide app run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")

#: One way to type each moderator command (with what it needs, so only the rights stop it).
TYPED = {
    "review add": "!review add",
    "review new": "!review new Mandy | 2018 | Bonkers | film 9",
    "review set": "!review set leaving las vegas audio GOOD",
    "review cast": '!review cast add leaving las vegas "Ed Lauter as Mobster"',
    "review link": '!review link add leaving las vegas "https://www.zavvi.com/llv Zavvi"',
    "review remove": "!review remove leaving las vegas",
    "review restore": "!review restore leaving las vegas",
    "review history": "!review history leaving las vegas",
    "review undo": "!review undo leaving las vegas",
    "review source": "!review source leaving las vegas",
    "review edit": "!review edit leaving las vegas | verdict: Bleak",
    "person rename": "!person rename Elisabeth Shue = Elizabeth Shue",
    "person merge": "!person merge Elisabeth Shue into Nicolas Cage",
    "film merge": "!film merge face off into con air",
    "film remove": "!film remove face off",
    "alias": '!alias add face off "faceoff"',
    "export": "!export",
    "modrole": "!modrole add 123456789012345678",
    "modlog": "!modlog #234567890123456789",
    "announce": "!announce #234567890123456789",
}
OWNER_COMMANDS = {"modlog"}  # modrole: any moderator sees the roles, the owner changes them


def test_every_moderator_command_is_checked_at_dispatch() -> None:
    assert {spec.words for spec in MODERATOR_COMMANDS} == set(TYPED)
    assert all(spec.moderator for spec in MODERATOR_COMMANDS)
    assert {spec.words for spec in MODERATOR_COMMANDS if spec.owner} == OWNER_COMMANDS


def test_the_refusals() -> None:
    assert refusal(MOD) is None and refusal(OWNER, owner=True) is None
    for actor in (None, IN_DM):
        refused = refusal(actor)
        assert refused is not None and refused.text == NOT_IN_DMS
        assert refused.tone is Tone.ERROR
    assert refusal(MEMBER) == Notice(MODERATORS_ONLY, Tone.ERROR)
    assert refusal(MOD, owner=True) == Notice(OWNER_ONLY, Tone.ERROR)
    owner_in_dm = refusal(IN_DM, owner=True)
    assert owner_in_dm is not None and owner_in_dm.text == NOT_IN_DMS
    assert may_moderate(MOD) and not may_moderate(MEMBER) and not may_moderate(IN_DM)
    assert not may_moderate(None)


@on_the_module_loop
@pytest.mark.parametrize("command", sorted(TYPED))
async def test_members_and_dms_are_refused(unchanged_app: Popcorn, command: str) -> None:
    typed = TYPED[command]
    files = (Attachment("llv.yaml", b"schema: 1"),) if command == "review add" else ()
    before = await snapshot(unchanged_app.engine)
    refused = MODERATORS_ONLY if command not in OWNER_COMMANDS else OWNER_ONLY
    assert text_of(await say(unchanged_app, typed, actor=MEMBER, files=files)) == refused
    assert text_of(await say(unchanged_app, typed, actor=IN_DM, files=files)) == NOT_IN_DMS
    assert text_of(await say(unchanged_app, typed, actor=None, files=files)) == NOT_IN_DMS
    if command in OWNER_COMMANDS:  # a moderator is not the server owner
        assert text_of(await say(unchanged_app, typed, actor=MOD)) == OWNER_ONLY
    assert await snapshot(unchanged_app.engine) == before


async def test_a_form_sent_by_a_member_is_refused(app: Popcorn) -> None:
    form = (("title", "Mandy"), ("year", "2018"), ("verdict", "Bonkers"), ("ratings", "film 9"))
    answer = await app.answer(Request("review new", actor=MEMBER, form=form))
    assert isinstance(answer, Notice) and answer.text == MODERATORS_ONLY


async def add_review(app: Popcorn, title: str, year: int) -> None:
    """A moderator adds a short review of the film `title`."""
    record = f"schema: 1\nfilm: {{title: {title}, year: {year}}}\nreview: {{verdict: Sharp}}\n"
    added = await say(app, "!review add", files=(Attachment("film.yaml", record.encode()),))
    assert isinstance(added, Confirmation)
    await app.apply(added.change)


async def test_a_members_review_of_a_film_named_like_a_command_is_its_card(app: Popcorn) -> None:
    await add_review(app, "A History of Violence", 2005)
    card = await say(app, "!review history of violence", actor=MEMBER)
    assert isinstance(card, Card) and card.title == "A History of Violence (2005)"
    # A moderator typing it means the command.
    history = await say(app, "!review history a history of violence", actor=MOD)
    assert isinstance(history, ItemList) and history.title.startswith("History of")


async def test_review_new_with_a_title_is_the_films_card(app: Popcorn) -> None:
    await add_review(app, "New Jack City", 1991)
    for actor in (MEMBER, MOD):  # the quick entry is typed with `|`: this is a title
        card = await say(app, "!review new jack city", actor=actor)
        assert isinstance(card, Card) and card.title == "New Jack City (1991)"
    form = await say(app, "!review new Mandy | 2018 | Bonkers | film 9", actor=MOD)
    assert isinstance(form, Confirmation)


async def test_a_handler_answered_without_the_check_is_a_bug_not_a_guess(app: Popcorn) -> None:
    request = Request("review remove", text="leaving las vegas")
    with pytest.raises(RightsNotChecked):
        acting(request)
    async with app.sessions() as session:
        with pytest.raises(RightsNotChecked):
            await remove_answer(app.context(session), request)
