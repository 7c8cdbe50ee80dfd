"""Questions in plain English: `!ask`, `/ask` and messages that mention the bot.

intents.py understands a question (no Discord, no database), entities.py finds the film or
person it names with the fuzzy index, answers.py answers it from the database.
"""

from bot.answers.questions.answers import ask_answer
from bot.answers.questions.intents import Intent, Question, understand

__all__ = ["Intent", "Question", "ask_answer", "understand"]
