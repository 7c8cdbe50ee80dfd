"""Every moderator change is a PendingChange carried out by bot.db.changes.apply_change (through
carry_out, which returns the film's document): a new or replaced review is previewed and waits
for Confirm (the bot applies it then), a field edit or a restore is applied at once, in the
command's own session."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from bot.answers.context import AnswerContext
from bot.answers.films import film_card
from bot.answers.moderation.access import acting
from bot.answers.moderation.arguments import path_name
from bot.answers.moderation.editing import RATING_PATH, _item, describe_change
from bot.answers.moderation.intake import (
    EMPTY_IN_FILE,
    ArticleNotes,
    keep_known_facts,
    keep_review_facts,
    missing_field,
    warning_field,
)
from bot.answers.moderation.lookalikes import lookalike_field
from bot.answers.text import clip, echo, film_label
from bot.answers.types import (
    Answer,
    Card,
    Confirmation,
    Field,
    Notice,
    PendingChange,
    Request,
    Tone,
)
from bot.db.changes import (
    ChangeError,
    ChangeEvent,
    Diff,
    carry_out,
    film_document_by_slug,
    preview_record,
    record_diff,
)
from bot.db.documents import FilmDocument
from bot.db.records import record_of
from bot.records.ratings import film_score
from bot.records.schema import Record

#: The diff field's name on a preview (Discord allows 1024 characters in a field).
DIFF_TITLE = "Changes (before → after; what goes is in bold)"
#: How much of a long text a diff shows, from a little before where the two differ.
_SHOWN = 60


def _shown(path: str, value: Any, other: Any = None) -> str:
    if value is None:
        return "—"
    if path == RATING_PATH:
        return film_score(float(value))
    text = str(value)
    if len(text) > _SHOWN and isinstance(other, str):  # where it differs, not its start
        start = next(
            (i for i, (a, b) in enumerate(zip(text, other, strict=False)) if a != b),
            min(len(text), len(other)),
        )
        if start > _SHOWN // 3:
            text = "…" + text[start - _SHOWN // 3 :]
    return echo(text, _SHOWN)


def diff_lines(diff: Diff) -> list[str]:
    """A diff as moderators read it, one field a line, what disappears in bold:
    `audio: **POOR** → GOOD`, `pros: +The car chase, −**Cage and Connery**`."""
    lines = []
    for path, old, new in diff:
        name = path_name(path)
        if isinstance(old, list) or isinstance(new, list):
            before = [_item(i) for i in old or []]
            after = [_item(i) for i in new or []]
            parts = [f"+{echo(i, 60)}" for i in after if i not in before]
            parts += [f"−**{echo(i, 60)}**" for i in before if i not in after]
            lines.append(f"{name}: {', '.join(parts) if parts else 'reordered'}")
        else:
            gone = f"**{_shown(path, old, new)}**" if old is not None else "—"
            lines.append(f"{name}: {gone} → {_shown(path, new, old)}")
    return lines


def diff_text(lines: list[str], limit: int) -> str:
    """The lines, as many as fit in `limit` characters, then how many more there are."""
    shown: list[str] = []
    for n, line in enumerate(lines):
        rest = len(lines) - n
        tail = len(f"\n… and {rest - 1} more") if rest > 1 else 0  # room kept for it
        room = limit - len("\n".join(shown)) - tail - (1 if shown else 0)
        if len(line) > room:
            if not shown:  # one very long line: cut, not dropped
                shown.append(clip(line, room))
                rest -= 1
            return "\n".join([*shown, f"… and {rest} more"]) if rest else "\n".join(shown)
        shown.append(line)
    return "\n".join(shown)


def kept_line(kept: tuple[str, ...], article: bool) -> str:
    """Says what a replacement kept of the current review, and how a file would drop it."""
    names = ", ".join(path_name(f"review.{name}") for name in kept)
    them = "them" if len(kept) > 1 else "it"
    if article:
        return f"Kept from the current review (an article never has {them}): {names}."
    forms = " or ".join(f"`{EMPTY_IN_FILE[name]}`" for name in kept)
    return (
        f"Kept from the current review (the file does not mention {them}): {names}. "
        f"To remove {them}, write {forms} in the file's review."
    )


def event(
    ctx: AnswerContext,
    request: Request,
    film: FilmDocument | None,
    summary: str,
    touched: Iterable[int] = (),
) -> None:
    """Told to the listeners once the command's session is committed (the mod-log).
    `touched`: the other films the change wrote (a person's, a removed one), which the
    document cache and the other processes must forget."""
    actor = request.actor
    ctx.events.append(
        ChangeEvent(
            film_id=film.id if film is not None else None,
            guild_id=actor.guild_id if actor else None,
            actor=actor.name if actor else "?",
            summary=summary,
            touched=tuple(touched),
        )
    )


async def preview_card(ctx: AnswerContext, record: Record, extra: list[Field]) -> Card:
    """The card as it will look once saved (written in the session, then rolled back)."""
    async with preview_record(ctx.session, record) as film:
        card = film_card(film, ctx.affiliate_tag, ctx.site_url)
    fields = (*card.fields[: 25 - len(extra)], *extra)
    return replace(card, title=f"Preview: {card.title}", fields=fields, tone=Tone.WARNING)


async def confirm_save(
    ctx: AnswerContext,
    request: Request,
    record: Record,
    missing: ArticleNotes | tuple[str, ...] = (),
    *,
    replacing: bool = False,
) -> Answer:
    """A new review (`review add`, `review new`) previewed, with Confirm and Cancel; `missing`
    (an article's notes) adds what the article lacks and what the parser could not use."""
    existing = await film_document_by_slug(ctx.session, record.slug)
    if existing is not None and existing.review is not None and not replacing:
        label = film_label(existing.title, existing.year)
        return Notice(
            f"{label} already has a review. Change it with "
            f"`{ctx.prefix}review set {existing.title} <field> <value>`, or replace it whole "
            f"with `{ctx.prefix}review add replace` and the file.",
            Tone.WARNING,
        )
    base_version = existing.version if existing else None
    existing_id = existing.id if existing else None
    article = isinstance(missing, ArticleNotes) and missing.article
    replaces = existing is not None and existing.review is not None
    kept: tuple[str, ...] = ()
    diff: Diff = []
    if existing is not None:
        current = record_of(existing)
        record, kept = keep_review_facts(record, current, article=article)  # before: it reads
        record = keep_known_facts(record, current)  # what the file said, which this forgets
        diff = record_diff(current, record)
        if replaces and not diff:
            label = film_label(existing.title, existing.year)
            return Notice(
                f"Nothing changed: the file says what {label} already says. Nothing was saved."
            )
    if kept and isinstance(missing, ArticleNotes):  # kept: not missing from the review
        gone = [p for p in missing.missing if p.removeprefix("review.") not in kept]
        missing = replace(missing, missing=tuple(gone))
    # A new person or film one slip from a known one ("Nicholas Cage", "Face Off (1996)"),
    # said before Confirm: saving would make a second one for good.
    lookalike = await lookalike_field(ctx, record, existing_id)
    extra = [
        f for f in (lookalike, warning_field(missing), missing_field(missing)) if f is not None
    ]
    try:
        card = await preview_card(ctx, record, extra)
    except ChangeError as exc:
        return Notice(str(exc), Tone.ERROR)
    if replaces:
        lines = diff_lines(diff)
        if kept:
            lines.append(kept_line(kept, article))
        changes = Field(DIFF_TITLE, diff_text(lines, 1000))
        card = replace(card, fields=(changes, *card.fields[:24]))
    label = film_label(record.film.title, record.film.year)
    verb = "Replace the review of" if existing_id and replacing else "Save"
    return Confirmation(
        preview=card,
        change=PendingChange(
            "save",
            acting(request),
            film_id=existing_id,
            base_version=base_version,
            record=record,
            summary=f"{'replaced' if replacing and existing_id else 'added'} the review of {label}",
            action="replace" if replaces else "add",
        ),
        prompt=f"{verb} {label}? Nothing is saved until you press Confirm.",
    )


async def apply_now(ctx: AnswerContext, change: PendingChange) -> tuple[FilmDocument, Diff]:
    """Carry out a change at once and commit it; on ChangeError nothing is kept."""
    try:
        applied = await carry_out(ctx.session, change)
        await ctx.session.commit()
    except ChangeError:
        await ctx.session.rollback()
        raise
    return applied


async def save_now(
    ctx: AnswerContext, request: Request, film: FilmDocument, record: Record, action: str
) -> Answer:
    """An edited record saved at once over the version of `film` the moderator saw:
    `Saved. Leaving Las Vegas (1995) — audio: POOR → GOOD`."""
    change = PendingChange(
        "save",
        acting(request),
        film_id=film.id,
        base_version=film.version,
        record=record,
        action=action,
    )
    try:
        saved, diff = await apply_now(ctx, change)
    except ChangeError as exc:
        return Notice(str(exc), Tone.ERROR)
    label = film_label(saved.title, saved.year)
    if not diff:
        return Notice(f"Nothing changed: {label} already says that.")
    changes = "; ".join(describe_change(field, old, new) for field, old, new in diff)
    event(ctx, request, saved, f"{action} {label}: {changes}")
    return Notice(clip(f"Saved. {label} — {changes}", 1900))
