"""The text helpers (bot/answers/text.py): a member's own words echoed back are made safe."""

from __future__ import annotations

from bot.answers.types import Answer, Card, Choices, ItemList
from bot.app import Popcorn
from tests.helpers import answered as ask


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


async def test_member_text_is_defused_when_echoed(app: Popcorn) -> None:
    answer = await ask(app, "!review @everyone **bold** qzxv")
    text = all_text(answer)
    assert "@everyone" not in text
    assert "**bold**" not in text
