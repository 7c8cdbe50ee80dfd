"""What the repairs saved at once share (`film merge`/`film remove`, `person rename`/`person
merge`): two things named in one line split at a word, and a repair run and committed with
a refusal or a race said as a reply (nothing kept)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar, cast

from bot.answers.context import AnswerContext
from bot.answers.types import Answer, Notice, Tone
from bot.db.changes import ChangeError
from bot.db.merges import NameTaken, Repair, RepairRace, run_repair

T = TypeVar("T")

RACE = (
    "Someone else changed these people at the same moment. Nothing was saved: "
    "look again and redo it."
)


def splits(text: str, separator: str) -> Iterator[tuple[str, str]]:
    """Each way `text` splits in two at `separator` (a word or a sign), left to right:
    a name or a title may hold the word itself ("Journey into Fear")."""
    word = separator.isalpha()
    pattern = re.compile(
        rf"\s+{separator}\s+" if word else rf"\s*{re.escape(separator)}\s*",
        re.IGNORECASE if word else 0,
    )
    for match in pattern.finditer(text):
        left, right = text[: match.start()].strip(), text[match.end() :].strip()
        if left and right:
            yield left, right


async def pair_named(
    text: str,
    kind: type[T],
    named: Callable[[str], Awaitable[T | Answer]],
    usage: Answer,
) -> tuple[T, T] | Answer:
    """`<source> into <target>`: the first split of `text` at "into" whose both sides name a
    `kind` (through `named`), or the reply to the last side that did not (`usage` when `text`
    has no "into")."""
    refusal: Answer = usage
    for left, right in splits(text, "into"):
        source = await named(left)
        if not isinstance(source, kind):
            refusal = cast(Answer, source)  # not a `kind`, so the reply
            continue
        target = await named(right)
        if isinstance(target, kind):
            return source, target
        refusal = cast(Answer, target)
    return refusal


async def save_repair(ctx: AnswerContext, work: Callable[[], Awaitable[Repair]]) -> Repair | Notice:
    """Run a repair and commit it. A refusal (ChangeError) or a concurrent change (an
    IntegrityError) is rolled back and said; NameTaken is rolled back and raised for the
    caller to word."""
    try:
        return await run_repair(ctx.session, work)
    except NameTaken:
        raise
    except RepairRace:
        return Notice(RACE, Tone.ERROR)
    except ChangeError as exc:
        return Notice(str(exc), Tone.WARNING)
