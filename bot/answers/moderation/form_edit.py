"""`review edit`: the verdict, ratings, pros and cons changed in one form, saved at once (one
save, one group of history rows).

On Discord `/reviews edit` opens a form pre-filled with the film's current values
(`edit_form`); it comes back as `Request("review edit", film_id=…, form=…)`. In `popcorn chat`
it is typed: `review edit <film> | verdict: … | ratings: … | pros: a; b | cons: …` (a field
left out stays as it is; `review edit <film>` alone shows the line to copy and change).

A field given replaces the field: `ratings: film 8` leaves the film without picture, audio and
extras ratings (the reply says so). Lists are one item a line (the form) or split on `;` and
`,` as in the quick entry; an item the review already has is kept whole, commas and all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.answers.context import AnswerContext
from bot.answers.moderation.arguments import CLEAR_WORDS, film_to_change
from bot.answers.moderation.editing import EditError, set_field
from bot.answers.moderation.intake import FORM_LIST_SPLIT, entry_data
from bot.answers.moderation.pending import save_now
from bot.answers.moderation.reviews import typed_back
from bot.answers.text import clip, echo, film_label
from bot.answers.types import Answer, Notice, Request, Tone
from bot.db.documents import FilmDocument
from bot.db.records import record_of
from bot.records.schema import Ratings, Record

#: The form's fields, in order, and the record's path each one replaces.
EDIT_FIELDS: dict[str, str] = {
    "verdict": "review.verdict",
    "ratings": "review.ratings",
    "pros": "review.pros",
    "cons": "review.cons",
}
#: What a moderator may type for a field in `popcorn chat` -> the form's field.
FIELD_WORDS = {"verdict": "verdict", "ratings": "ratings", "rating": "ratings",
               "pros": "pros", "pro": "pros", "cons": "cons", "con": "cons"}  # fmt: skip
#: The form's hidden field: the film's version when the form was opened (a change made by
#: someone else since is not overwritten).
VERSION = "version"
EXAMPLE = "review edit leaving las vegas | verdict: … | ratings: picture GOOD, film 8 | pros: a; b"
RATING_ORDER = ("picture", "audio", "extras", "film")
_SEMICOLON = re.compile(r"\s*;\s*")


@dataclass(frozen=True, slots=True)
class EditForm:
    """What the Discord form opens with: the film, its version, the pre-filled values."""

    film_id: int
    label: str
    version: int
    values: tuple[tuple[str, str], ...]


def ratings_text(ratings: Ratings) -> str:
    """The ratings as the quick entry types them: `picture GOOD, audio POOR, extras OK, film 7`."""
    parts = []
    for aspect in RATING_ORDER:
        value = getattr(ratings, aspect)
        if value is None:
            continue
        shown = f"{float(value):g}" if aspect == "film" else str(value)
        parts.append(f"{aspect} {shown}")
    return ", ".join(parts)


def edit_form_values(record: Record, list_joint: str = "\n") -> tuple[tuple[str, str], ...]:
    """A reviewed record's verdict, ratings, pros and cons as the form shows them (lists one
    item a line; `list_joint="; "` for a typed command)."""
    review = record.review
    if review is None:
        return ()
    return (
        ("verdict", review.verdict or ""),
        ("ratings", ratings_text(review.ratings)),
        ("pros", list_joint.join(review.pros)),
        ("cons", list_joint.join(review.cons)),
    )


async def reviewed_film(
    ctx: AnswerContext, request: Request, typed: str
) -> tuple[FilmDocument, Record] | Answer:
    """The film `request` names (by id or `typed`) and its record, or the answer that says why
    it cannot be edited (no such film, several, no review yet)."""
    film = await film_to_change(ctx, request, typed, EXAMPLE)
    if not isinstance(film, FilmDocument):
        return film
    record = record_of(film)
    if record.review is None:
        return Notice(
            f"{film_label(film.title, film.year)} has no review yet: add one with "
            f"`{ctx.prefix}review add` (attach the record or the article) or `/reviews new`.",
            Tone.WARNING,
        )
    return film, record


async def edit_form(ctx: AnswerContext, request: Request) -> EditForm | Answer:
    """The film `request` names (by id or title) and its current values for the form, or the
    answer that says why there is no form (no such film, several, no review). The moderator's
    rights are checked by the caller (the form is refused before it opens)."""
    found = await reviewed_film(ctx, request, request.text.strip())
    if not isinstance(found, tuple):
        return found
    film, record = found
    label = film_label(film.title, film.year)
    return EditForm(film.id, label, film.version, edit_form_values(record))


def form_from_parts(parts: list[str]) -> tuple[tuple[str, str], ...]:
    """`verdict: …`, `pros: a; b` (typed after the film) -> the form's fields. Raises
    ValueError naming a part it cannot read, as typed."""
    form: dict[str, str] = {}
    for part in parts:
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        name = FIELD_WORDS.get(key.strip().lower())
        if not sep or name is None:
            raise ValueError(
                f"I can't read “{echo(part.strip(), 40)}”: each part is a field and its value, "
                f"one of verdict:, ratings:, pros:, cons: (e.g. `| pros: Great sound; Cage`)."
            )
        if name in form:
            raise ValueError(f"{key.strip()} is given twice.")
        form[name] = value.strip()
    return tuple(form.items())


def list_items(text: str, current: list[str]) -> list[str]:
    """A list as typed in the form: one item a line, a line split on `;` and `,` as in the
    quick entry, except an item the list already has (kept whole, commas and all)."""
    if text.strip().lower() in CLEAR_WORDS:
        return []
    known = set(current)
    items: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line in known:
            items.append(line)
            continue
        line = line.lstrip("-•*+ ").strip()  # a bullet
        for part in _SEMICOLON.split(line):
            if part in known:
                items.append(part)
            else:
                items.extend(p for p in FORM_LIST_SPLIT.split(part) if p)
    return items


def ratings_data(text: str) -> dict[str, Any]:
    """`picture GOOD, audio POOR, film 7` read as the quick entry reads it (ValueError)."""
    if text.strip().lower() in CLEAR_WORDS:
        return {}
    ratings: dict[str, Any] = entry_data("", "", "", text)["review"]["ratings"]
    return ratings


def edited(record: Record, form: tuple[tuple[str, str], ...]) -> tuple[Record, list[str]]:
    """The record with the form's fields set, and the problems (each naming its field)."""
    assert record.review is not None
    problems: list[str] = []
    for name, typed in form:
        path = EDIT_FIELDS.get(name)
        if path is None:
            continue
        value: Any
        try:
            if name == "verdict":
                value = None if typed.strip().lower() in CLEAR_WORDS else typed.strip() or None
            elif name == "ratings":
                value = ratings_data(typed)
            else:
                value = list_items(typed, list(getattr(record.review, name)))
            record = set_field(record, path, value, name)
        except EditError as exc:
            problems.append(str(exc))
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
    return record, problems


async def edit_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`review edit <film> | verdict: … | ratings: … | pros: … | cons: …`, or the Discord
    form's fields (`request.form`, the film by id): the fields that changed saved at once."""
    head, bar, rest = request.text.partition("|")
    typed_film = head.strip()
    found = await reviewed_film(ctx, request, typed_film)
    if not isinstance(found, tuple):
        return found
    film, record = found
    label = film_label(film.title, film.year)
    given_back = typed_back(tuple((k, v) for k, v in request.form if k != VERSION))
    if request.form:
        form = request.form
    else:
        if not bar:
            line = " | ".join(f"{k}: {v}" for k, v in edit_form_values(record, "; "))
            return Notice(
                f"Change what you need and send it back (a field you leave out stays as it "
                f"is): `{ctx.prefix}review edit {clip(label, 120)} | {clip(line, 1500)}`"
            )
        try:
            form = form_from_parts(rest.split("|"))
        except ValueError as exc:
            return Notice(f"Nothing was saved. {exc}", Tone.ERROR)
    opened = dict(form).get(VERSION)
    if opened is not None and opened != str(film.version):
        return Notice(
            f"Nothing was saved: {label} was changed by someone else since you opened the form "
            f"(see `{ctx.prefix}review history {clip(film.title, 100)}`). Open the form again."
            f"{given_back}",
            Tone.ERROR,
        )
    changed, problems = edited(record, form)
    if problems:
        return Notice(f"Nothing was saved. {'; '.join(problems)}{given_back}", Tone.ERROR)
    if changed == record:
        return Notice(f"Nothing changed: {label} already says that.")
    return await save_now(ctx, request, film, changed, "edit")
