"""Every moderator change is a PendingChange carried out by bot.db.changes.apply_change: a new
or replaced review is previewed and waits for Confirm (the bot applies it then), a field edit
or a restore is applied at once, in the command's own session."""

from __future__ import annotations

from dataclasses import replace

from bot.answers.context import AnswerContext
from bot.answers.films import review_card, unreviewed_card
from bot.answers.moderation.access import acting
from bot.answers.moderation.editing import describe_change
from bot.answers.moderation.intake import (
    ArticleNotes,
    keep_known_facts,
    missing_field,
    warning_field,
)
from bot.answers.text import clip, film_label
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
    apply_change,
    film_by_slug,
    preview_record,
)
from bot.db.exporter import current_review, film_to_record
from bot.db.models import Film
from bot.records.schema import Record


def event(ctx: AnswerContext, request: Request, film: Film | None, summary: str) -> None:
    """Told to the listeners once the command's session is committed (the mod-log)."""
    actor = request.actor
    ctx.events.append(
        ChangeEvent(
            film_id=film.id if film is not None else None,
            guild_id=actor.guild_id if actor else None,
            actor=actor.name if actor else "?",
            summary=summary,
        )
    )


async def preview_card(ctx: AnswerContext, record: Record, extra: list[Field]) -> Card:
    """The card as it will look once saved (written in the session, then rolled back)."""
    async with preview_record(ctx.session, record) as film:
        review = current_review(film)
        card = review_card(film, review, ctx.affiliate_tag) if review else unreviewed_card(film)
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
    existing = await film_by_slug(ctx.session, record.slug)
    if existing is not None and current_review(existing) is not None and not replacing:
        label = film_label(existing.title, existing.year)
        return Notice(
            f"{label} already has a review. Change it with "
            f"`{ctx.prefix}review set {existing.title} <field> <value>`, or replace it whole "
            f"with `{ctx.prefix}review add replace` and the file.",
            Tone.WARNING,
        )
    base_version = existing.version if existing else None
    existing_id = existing.id if existing else None  # the preview's rollback expires `existing`
    if existing is not None:
        record = keep_known_facts(record, film_to_record(existing))
    extra = [f for f in (warning_field(missing), missing_field(missing)) if f is not None]
    try:
        card = await preview_card(ctx, record, extra)
    except ChangeError as exc:
        return Notice(str(exc), Tone.ERROR)
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
        ),
        prompt=f"{verb} {label}? Nothing is saved until you press Confirm.",
    )


async def apply_now(ctx: AnswerContext, change: PendingChange) -> tuple[Film, Diff]:
    """Carry out a change at once and commit it; on ChangeError nothing is kept."""
    try:
        applied = await apply_change(ctx.session, change)
        await ctx.session.commit()
    except ChangeError:
        await ctx.session.rollback()
        raise
    return applied


async def save_now(
    ctx: AnswerContext, request: Request, film: Film, record: Record, action: str
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
