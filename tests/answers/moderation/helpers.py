"""Shared by the moderation tests: who asks, one command through the whole pipeline (the same
one Discord and `popcorn chat` use), and a record file to add."""

from __future__ import annotations

from bot.answers.types import Actor, Answer, Attachment, Card, Notice
from bot.app import Popcorn

MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=99)
OWNER = Actor(8, "Owner", is_moderator=True, guild_id=99, is_guild_owner=True)
MEMBER = Actor(9, "Member", is_moderator=False, guild_id=99)
IN_DM = Actor(7, "Mod Erator", is_moderator=True, guild_id=None)

CON_AIR = """\
schema: 1
film:
  title: Con Air
  year: 1997
  aliases: [Con-Air]
  directors: [Simon West]
  cast:
    - {name: Nicolas Cage, character: Cameron Poe}
    - {name: John Malkovich, character: Cyrus Grissom}
release: {label: Touchstone, release_date: 2012-10-08, discs: 1}
review:
  verdict: Big dumb fun on a decent disc
  ratings: {film: 7, picture: GREAT, audio: GOOD, extras: POOR}
  pros: [John Malkovich]
  cons: [No extras to speak of]
"""


def raising_arizona(holly_hunter_as: str = "Edwina") -> str:
    """Raising Arizona as a writer's slip left it: Trey Wilson twice (two roles); Holly
    Hunter's character as given (a test of `review cast set` gives it misspelt)."""
    return f"""\
schema: 1
film:
  title: Raising Arizona
  year: 1987
  directors: [Joel Coen]
  cast:
    - {{name: Nicolas Cage, character: H.I. McDunnough}}
    - {{name: Holly Hunter, character: {holly_hunter_as}}}
    - {{name: Trey Wilson, character: Nathan Arizona Sr.}}
    - {{name: John Goodman, character: Gale Snoats}}
    - {{name: William Forsythe, character: Evelle Snoats}}
    - {{name: Trey Wilson, character: Nathan Arizona Jr. (voice)}}
release: {{label: Arrow, release_date: 2020-01-20, discs: 1}}
review:
  verdict: Still the Coens' funniest
  ratings: {{film: 9, picture: GREAT, audio: GOOD, extras: GOOD}}
"""


async def say(
    app: Popcorn, text: str, actor: Actor | None = MOD, files: tuple[Attachment, ...] = ()
) -> Answer:
    answer = await app.answer_text(text, actor, files)
    assert answer is not None
    return answer


def text_of(answer: Answer) -> str:
    assert isinstance(answer, Notice), answer
    return answer.text


async def review_card(app: Popcorn, title: str) -> Card:
    answer = await say(app, f"!review {title}", actor=None)
    assert isinstance(answer, Card), answer
    return answer


def fields(card: Card) -> dict[str, str]:
    return {f.name: f.value for f in card.fields}
