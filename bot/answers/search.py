"""`!search <text>`: films and people whose names look like the text."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.resolve import MAX_QUERY
from bot.answers.text import echo, film_label
from bot.answers.types import Answer, ItemList, Notice, Request, Tone

SEARCH_LIMIT = 25
MIN_SCORE = 55.0


async def search_answer(ctx: AnswerContext, request: Request) -> Answer:
    if not request.text:
        return Notice(f"Search for what? For example: `{ctx.prefix}search vegas`", Tone.WARNING)
    if len(request.text) > MAX_QUERY:
        return Notice(
            f"That's too long to search for: keep it under {MAX_QUERY} characters.", Tone.ERROR
        )
    films = [c for c in ctx.index.suggest_films(request.text, SEARCH_LIMIT) if c.score >= MIN_SCORE]
    people = [
        c for c in ctx.index.suggest_people(request.text, SEARCH_LIMIT) if c.score >= MIN_SCORE
    ]
    hits = sorted(
        [(c.score, f"🎬 {film_label(c.doc.title, c.doc.year)}") for c in films]
        + [(c.score, f"👤 {c.doc.name}") for c in people],
        key=lambda hit: -hit[0],
    )[:SEARCH_LIMIT]
    return ItemList(
        title=f"Search: {echo(request.text, 60)}",
        items=tuple(line for _, line in hits),
        intro=f"Use `{ctx.prefix}review <film>` or `{ctx.prefix}filmography <person>` for details."
        if hits
        else None,
        empty_text="Nothing in the database looks like that.",
    )
