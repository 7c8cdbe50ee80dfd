"""PLACEHOLDER being written in this session (issue 12): replaced before it lands."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.types import Answer, Notice, Request, Tone


async def undo_answer(ctx: AnswerContext, request: Request) -> Answer:
    return Notice("Not built yet.", Tone.WARNING)
