"""The commands about a whole review: add (a file or a pasted article), new (the quick-entry
form), remove, restore and history. The rights are checked before (answer_request)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from bot.answers.context import AnswerContext
from bot.answers.films import film_card
from bot.answers.moderation.access import acting
from bot.answers.moderation.arguments import REPLACE_WORDS, film_to_change
from bot.answers.moderation.editing import describe_change
from bot.answers.moderation.intake import form_from_text, read_attachment, record_from_form
from bot.answers.moderation.pending import apply_now, confirm_save, event
from bot.answers.text import clip, echo, film_label
from bot.answers.types import Answer, Confirmation, ItemList, Notice, PendingChange, Request, Tone
from bot.db.changes import ChangeError, HistoryRow, history_entries, history_rows
from bot.db.documents import FilmDocument
from bot.records.files import RecordError


async def add_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review add [replace]` with a record file or an article attached (or pasted)."""
    words = request.text.split()
    replacing = bool(words) and words[0].lower() in REPLACE_WORDS
    pasted = " ".join(words[1:] if replacing else words)
    sources = [(a.filename, a.data) for a in request.attachments]
    if pasted and not sources:
        sources = [("pasted article.txt", request.text.encode("utf-8"))]
    if not sources:
        return Notice(
            f"Attach a record file (.yaml) or a review article (.txt or .html) to "
            f"`{ctx.prefix}review add`, or use `/reviews new` for a quick entry.",
            Tone.WARNING,
        )
    if len(sources) > 1:
        return Notice("One review at a time: attach a single file.", Tone.ERROR)
    try:
        record, missing = await read_attachment(*sources[0])
    except RecordError as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    return await confirm_save(ctx, request, record, missing, replacing=replacing)


async def new_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review new`: the quick-entry form (Discord's modal sends its fields in `request.form`;
    in `popcorn chat`, `title | year | verdict | ratings | pros: … | cons: …`)."""
    form = request.form or (form_from_text(request.text) if request.text.strip() else ())
    if not form:
        return Notice(
            "Use the quick-entry form: `/reviews new` on Discord, or type "
            f"`{ctx.prefix}review new Mandy | 2018 | Bonkers | film 9, audio GOOD | "
            "pros: Cage; Colours | cons: Slow start`.",
            Tone.WARNING,
        )
    try:
        record = record_from_form(form)
    except ValueError as exc:
        # The Discord form is gone once sent: what was typed in it comes back with the error.
        given_back = typed_back(request.form)
        return Notice(f"Nothing was saved. {exc}{given_back}", Tone.ERROR)
    return await confirm_save(ctx, request, record)


def typed_back(form: tuple[tuple[str, str], ...]) -> str:
    """What the moderator typed in the form, given back with the error so nothing is lost."""
    lines = [f"{name}: {value}" for name, value in form if value.strip()]
    if not lines:
        return ""
    typed = clip("\n".join(lines).replace("`", "'"), 1500)
    return f"\nWhat you typed, to copy into the form again:\n```\n{typed}\n```"


async def remove_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await film_to_change(ctx, request, request.text, "review remove leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    review = film.review
    if review is None:
        return Notice(f"{film_label(film.title, film.year)} has no review to remove.", Tone.WARNING)
    card = film_card(film, ctx.affiliate_tag, ctx.site_url)
    return Confirmation(
        preview=replace(card, title=f"Remove: {card.title}", tone=Tone.ERROR),
        change=PendingChange(
            "remove",
            acting(request),
            film_id=film.id,
            base_version=film.version,
            summary=f"removed the review of {film_label(film.title, film.year)}",
        ),
        prompt=f"Remove the review of {film_label(film.title, film.year)}? Members will see "
        f"“not reviewed yet”. `{ctx.prefix}review restore {film.title}` brings it back.",
        destructive=True,
    )


async def restore_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await film_to_change(ctx, request, request.text, "review restore leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    label = film_label(film.title, film.year)
    change = PendingChange(
        "restore",
        acting(request),
        film_id=film.id,
        base_version=film.version,
        summary=f"restored the review of {label}",
    )
    try:
        await apply_now(ctx, change)
    except ChangeError as exc:
        return Notice(str(exc), Tone.WARNING)
    event(ctx, request, film, change.summary)
    return Notice(f"Restored the review of {label}.")


def _stored(value: str | None) -> Any:
    """History values are stored as text, lists and mappings as JSON."""
    if value is None or not value.startswith(("[", "{")):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def entry_text(entry: list[HistoryRow]) -> str:
    """One change as the history says it: `set pros: +A, −B` (a field a part); a change of
    no one field by what it wrote: `person merge Nicholas Cage → Nicolas Cage`, `remove Big
    loud fun`."""
    parts = []
    for change in entry:
        if change.field and change.field != "review":
            old, new = _stored(change.old_value), _stored(change.new_value)
            parts.append(describe_change(change.field, old, new))
        elif change.new_value:
            parts.append(clip(change.new_value, 80))
    return clip(f"{entry[0].action} {'; '.join(parts)}".rstrip(), 400)


async def history_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await film_to_change(ctx, request, request.text, "review history leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    entries = history_entries(await history_rows(ctx.session, film.id))
    lines = []
    for number, entry in enumerate(entries, 1):
        when = entry[0].created_at.strftime("%Y-%m-%d %H:%M")
        who = echo(entry[0].actor_name, 40)
        lines.append(f"**{number}.** `{when}` **{who}** {entry_text(entry)}")
    return ItemList(
        title=f"History of {film_label(film.title, film.year)}",
        items=tuple(lines),
        empty_text="No moderator has changed this film yet (it comes from the shipped data).",
        page_size=10,
        footer=f"Undo one: {ctx.prefix}review undo {film.title} <number> (1 is the last change)"
        if lines
        else None,
    )
