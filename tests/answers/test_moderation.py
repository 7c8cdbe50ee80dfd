"""The moderation tests live in tests/answers/moderation/, one file per module of
bot/answers/moderation/. This name is kept only because tests/db/test_nothing_lost.py imports
its helpers from here: they are tests/answers/moderation/helpers.py's."""

from __future__ import annotations

from tests.answers.moderation.helpers import fields, review_card, say, text_of

__all__ = ["fields", "review_card", "say", "text_of"]
