"""`review undo <film> [n]`: a change of the film's history reverted (the last one, or the
entry numbered n in `review history`), previewed as a diff with Confirm and Cancel, and saved
like any change (history, the film's version: refused if the film moved on meanwhile)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from bot.answers.context import AnswerContext
from bot.answers.films import film_card
from bot.answers.moderation.access import acting
from bot.answers.moderation.arguments import film_to_change, path_name
from bot.answers.moderation.pending import diff_lines, diff_text
from bot.answers.moderation.reviews import _stored, entry_text
from bot.answers.text import clip, film_label
from bot.answers.types import (
    Answer,
    Card,
    Confirmation,
    Notice,
    PendingChange,
    Request,
    Tone,
)
from bot.db.changes import (
    HISTORY_VALUE_LIMIT,
    HistoryRow,
    _empty,
    _text,
    history_entries,
    history_rows,
    record_diff,
)
from bot.db.documents import FilmDocument
from bot.db.records import record_of
from bot.records.schema import Record

EXAMPLE = "review undo the rock"
#: The longest entry number typed (the history keeps the last 200 rows).
_NUMBER = re.compile(r"^\d{1,4}$")
#: Sections a change may have brought in whole: gone again when nothing is left in them. (A
#: film's release stays once it has one: a record without one keeps it, so only its fields go.)
_OPTIONAL_SECTIONS = ("review.trailer",)


class UndoRefused(Exception):
    """An entry that cannot be undone here; `str()` says why and what to type instead."""


async def undo_answer(ctx: AnswerContext, request: Request) -> Answer:
    found = await _film_and_number(ctx, request)
    if not isinstance(found, tuple):
        return found
    film, number = found
    label = film_label(film.title, film.year)
    entries = history_entries(await history_rows(ctx.session, film.id))
    if not entries:
        return Notice(f"Nothing to undo: no one has changed {label} yet.", Tone.WARNING)
    if not 1 <= number <= len(entries):
        return Notice(
            f"{label} has {len(entries)} history entr{'y' if len(entries) == 1 else 'ies'}: "
            f"there is no entry {number}. See them with `{ctx.prefix}review history "
            f"{film.title}`.",
            Tone.WARNING,
        )
    entry = entries[number - 1]
    which = "the last change" if number == 1 else f"change {number}"
    try:
        return _undo(ctx, request, film, entry, which)
    except UndoRefused as exc:
        return Notice(f"Nothing was saved. {exc}", Tone.WARNING)


async def _film_and_number(
    ctx: AnswerContext, request: Request
) -> tuple[FilmDocument, int] | Answer:
    """The film and the entry number: `the rock` (1, the last change), `the rock 2`; a
    trailing number is the film's own (`Face/Off 2`, `the rock 1996`) when it is better read so."""
    words = request.text.split()
    if request.film_id is not None:  # a slash command's film: the text is the number, if any
        film = await film_to_change(ctx, request, "", "")
        if not isinstance(film, FilmDocument):
            return film
        typed = words[0] if words else "1"
        return (film, int(typed)) if _NUMBER.match(typed) else _usage(ctx)
    if not words:
        return _usage(ctx)
    last = words[-1]
    if len(words) > 1 and _NUMBER.match(last):
        understood = ctx.understood
        whole = await film_to_change(ctx, request, request.text, "")
        if isinstance(whole, FilmDocument) and _names_number(whole, last):
            return whole, 1
        ctx.understood = understood
        head = await film_to_change(ctx, request, " ".join(words[:-1]), "")
        if isinstance(head, FilmDocument):
            return head, int(last)
        return (whole, 1) if isinstance(whole, FilmDocument) else head
    film = await film_to_change(ctx, request, request.text, EXAMPLE)
    return (film, 1) if isinstance(film, FilmDocument) else film


def _names_number(film: FilmDocument, typed: str) -> bool:
    return int(typed) == film.year or typed in re.findall(r"\d+", film.title)


def _usage(ctx: AnswerContext) -> Notice:
    return Notice(
        f"Say which film: `{ctx.prefix}review undo the rock` undoes its last change, "
        f"`{ctx.prefix}review undo the rock 2` the change numbered 2 in "
        f"`{ctx.prefix}review history the rock`.",
        Tone.WARNING,
    )


def _undo(
    ctx: AnswerContext, request: Request, film: FilmDocument, entry: list[HistoryRow], which: str
) -> Answer:
    label = film_label(film.title, film.year)
    said = f"{which} ({clip(entry_text(entry), 150)})"
    action = entry[0].action
    _refuse_elsewhere(ctx, action, entry, label)
    fields = [c for c in entry if c.field and c.field != "review"]
    review = film.review
    if action in ("remove", "restore") and not fields:
        kind = "restore" if action == "remove" else "remove"
        if kind == "remove" and review is None:
            raise UndoRefused(f"{label} has no review now: there is nothing to remove.")
        if kind == "restore" and review is not None:
            raise UndoRefused(f"{label} has a review again already.")
        return _confirm_review(ctx, request, film, kind, said)
    if action == "add" or any(c.field is None for c in entry):
        if action == "import":
            raise UndoRefused(
                f"{label} came in with an import: there is no review it added to take away. "
                f"Remove the film with `{ctx.prefix}film remove {film.title}` if it should not "
                "be here."
            )
        if review is None:
            raise UndoRefused(f"The review that change added to {label} is removed already.")
        return _confirm_review(ctx, request, film, "remove", said)
    current = record_of(film)
    reverted = _reverted(current, fields)
    diff = record_diff(current, reverted)
    if not diff:
        raise UndoRefused(f"{label} already says what it said before {said}.")
    lines = diff_lines(diff)
    card = Card(
        title=f"Undo: {label}",
        description=diff_text(lines, 3900),
        tone=Tone.WARNING,
        film_id=film.id,
        footer="Before → after; what goes is in bold.",
    )
    return Confirmation(
        preview=card,
        change=PendingChange(
            "save",
            acting(request),
            film_id=film.id,
            base_version=film.version,
            record=reverted,
            summary=f"undid {which} of {label}",
            action="undo",
        ),
        prompt=f"Undo {said} of {label}? Nothing is saved until you press Confirm.",
    )


def _refuse_elsewhere(ctx: AnswerContext, action: str, entry: list[HistoryRow], label: str) -> None:
    """People and films changed as a whole are put right with their own commands."""
    p = ctx.prefix
    if action == "person rename":
        # the row keeps the old name, and says `old → new`
        old = entry[0].old_value or "the old name"
        new = (entry[0].new_value or "").split(" → ")[-1] or "the new name"
        raise UndoRefused(
            f"A person's rename is not undone here (it changed every film of theirs): "
            f"type `{p}person rename {new} = {old}` to give the name back."
        )
    if action == "person merge":
        raise UndoRefused(
            "A merge of two people is not undone here: their credits are one person's now. "
            f'Fix a credit with `{p}review cast set {entry[0].film_label} "Name as Character"`, '
            f"or rename them with `{p}person rename`."
        )
    if action in ("film merge", "film remove"):
        raise UndoRefused(
            f"A film {action.split()[1]} is not undone here. Add the film again with "
            f"`{p}review add` and its record file (`{p}review source` gives one)."
        )


def _confirm_review(
    ctx: AnswerContext, request: Request, film: FilmDocument, kind: str, said: str
) -> Confirmation:
    """Undoing an added or restored review removes it; undoing a removal restores it."""
    label = film_label(film.title, film.year)
    review = film.review
    if kind == "remove" and review is not None:
        card = film_card(film, ctx.affiliate_tag, ctx.site_url)
        preview = replace(card, title=f"Undo: remove the review of {label}", tone=Tone.ERROR)
        prompt = (
            f"Undo {said} of {label}: remove its review? Members will see “not reviewed yet”; "
            f"`{ctx.prefix}review restore {film.title}` brings it back."
        )
    else:
        preview = Card(
            title=f"Undo: restore the review of {label}",
            description="The removed review comes back as it was.",
            tone=Tone.WARNING,
            film_id=film.id,
        )
        prompt = f"Undo {said} of {label}: restore its review?"
    done = "removed" if kind == "remove" else "restored"
    return Confirmation(
        preview=preview,
        change=PendingChange(
            kind,
            acting(request),
            film_id=film.id,
            base_version=film.version,
            summary=f"{done} the review of {label} (undo)",
        ),
        prompt=prompt,
        destructive=kind == "remove",
    )


def _reverted(current: Record, rows: list[HistoryRow]) -> Record:
    """The current record with each field of `rows` put back to its old value. Refused when
    a value was too long to keep whole in the history, or the field changed again since."""
    data: dict[str, Any] = current.model_dump(mode="json", by_alias=True)
    changed_since = []
    for row in rows:
        path = row.field or ""
        name = path_name(path)
        if any(len(v or "") >= HISTORY_VALUE_LIMIT for v in (row.old_value, row.new_value)):
            raise UndoRefused(
                f"The history kept only the first {HISTORY_VALUE_LIMIT} characters of {name}, "
                f"so its old value cannot be put back whole. Set it again with `review set` "
                f"(or edit the file from `review source`)."
            )
        now = current.cast_complete if path == "film.cast_complete" else _get(data, path)
        if not _same(now, row.new_value):
            changed_since.append(name)
            continue
        _put(data, path, _stored(row.old_value))
    if changed_since:
        names = ", ".join(dict.fromkeys(changed_since))
        raise UndoRefused(
            f"{names} changed again after that change: undo the later change first, or set "
            "it as it should be with `review set`."
        )
    release = data.get("release")
    if isinstance(release, dict) and release.get("format") is None and current.release:
        release["format"] = current.release.format
    for section in _OPTIONAL_SECTIONS:
        if not any((row.field or "").startswith(f"{section}.") for row in rows):
            continue
        parent, _, key = section.rpartition(".")
        holder = _get(data, parent) if parent else data
        inside = holder.get(key) if isinstance(holder, dict) else None
        if isinstance(inside, dict) and all(_empty(v) for v in inside.values()):
            holder[key] = None
    try:
        return Record.model_validate(data)
    except ValidationError as exc:
        raise UndoRefused(
            f"the old values do not make a valid review any more ({exc.errors()[0]['msg']})."
        ) from None


def _same(now: Any, stored: str | None) -> bool:
    """Whether a field still holds the value a change gave it (as the history wrote it)."""
    return _text(now) == stored or (_empty(now) and _empty(_stored(stored)))


def _get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[last] = value
