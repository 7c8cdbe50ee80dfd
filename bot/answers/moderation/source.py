"""`review source <film>`: the film's record as a file, exactly what `review add replace`
takes back (the round trip changes nothing), to edit and attach again."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.moderation.arguments import film_to_change
from bot.answers.text import film_label
from bot.answers.types import Answer, FileAnswer, Request
from bot.db.documents import FilmDocument
from bot.db.records import record_of
from bot.records.files import dump_record


async def source_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await film_to_change(ctx, request, request.text, "review source leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    text = dump_record(record_of(film))
    return FileAnswer(
        text=f"The record of {film_label(film.title, film.year)}. Edit it, then attach it to "
        f"`{ctx.prefix}review add replace`: you see what changes before anything is saved.",
        filename=f"{film.slug}.yaml",
        data=text.encode("utf-8"),
    )
