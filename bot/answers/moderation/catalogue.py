"""`film merge` and `film remove`: a duplicate film a slip created (no review) merged into the
right one, or removed. Saved at once; the history stays. The rights are checked before
(answer_request).

A film with a review is refused: its review is removed first (`review remove`). A removed
(soft-deleted) review does not hold a film back: it goes with the film, and its verdict is
written in the history."""

from __future__ import annotations

from dataclasses import replace

from bot.answers.context import AnswerContext
from bot.answers.moderation.access import acting
from bot.answers.moderation.arguments import film_to_change
from bot.answers.moderation.pending import event
from bot.answers.moderation.repairs import pair_named, save_repair, splits
from bot.answers.text import echo, film_label, human_list
from bot.answers.types import Answer, Choice, Choices, Notice, Request, Tone
from bot.db.changes import ChangeEvent
from bot.db.documents import FilmDocument
from bot.db.merges import Repair, merge_films_by_id, remove_film_by_id
from bot.db.reading import load_films
from bot.search import MatchStatus
from bot.search.normalize import spelling


def has_review(ctx: AnswerContext, film: FilmDocument, then: str) -> Notice | None:
    """Why `film` cannot go while it has a review, and how to remove the review first."""
    if film.review is None:
        return None
    label = film_label(film.title, film.year)
    return Notice(
        f"Nothing was changed: {label} has a review. Remove the review first with "
        f"`{ctx.prefix}review remove {film.title}`, then {then}.",
        Tone.WARNING,
    )


async def twins(ctx: AnswerContext, text: str) -> list[FilmDocument]:
    """The films `text` names when they have the very same title and year (a slip made a
    copy, then was corrected to the original's title): no typing tells them apart."""
    match = ctx.index.find_film(text)
    docs = [c.doc for c in match.candidates] if match.status is MatchStatus.AMBIGUOUS else []
    if len(docs) < 2 or len({(spelling(d.title), d.year) for d in docs}) != 1:
        return []
    films = await load_films(ctx.session, [d.id for d in docs])
    return [films[d.id] for d in docs if d.id in films]


def which_twin(ctx: AnswerContext, films: list[FilmDocument], request: Request) -> Choices:
    """Twins offered by what tells them apart (a review, the date added), to remove one."""
    label = film_label(films[0].title, films[0].year)
    options = tuple(
        Choice(
            f"{label} #{n}",
            replace(request, text="", film_id=film.id),
            "has a review" if film.review else "no review",
        )
        for n, film in enumerate(films, start=1)
    )
    return Choices(f"{len(films)} films are called {label}. Which one should go?", options)


def duplicate_of(films: list[FilmDocument]) -> tuple[FilmDocument, FilmDocument] | None:
    """Of two twins, (the copy, the original): the copy is the one without a review, or
    when neither has one, the one added last."""
    reviewed = [f for f in films if f.review is not None]
    if len(films) != 2 or len(reviewed) == 2:
        return None
    original = reviewed[0] if reviewed else min(films, key=lambda f: f.id)
    return next(f for f in films if f is not original), original


def _forget_orphans(ctx: AnswerContext, repair: Repair) -> None:
    """After the commit: the index forgets the people left without a credit."""
    for person_id in repair.orphans:
        ctx.index.remove_person(person_id)


async def remove_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`film remove <film>`: a film with no review deleted, its history kept."""
    text = request.text.strip()
    if not text and request.film_id is None:
        return Notice(f"Which film? For example: `{ctx.prefix}film remove face off 1996`")
    film = await film_to_change(ctx, request, text, "film remove face off 1996")
    if not isinstance(film, FilmDocument):
        same = await twins(ctx, text) if request.film_id is None else []
        return which_twin(ctx, same, request) if same else film
    refused = has_review(ctx, film, f"`{ctx.prefix}film remove {film.title}`")
    if refused is not None:
        return refused
    film_id, label = film.id, film_label(film.title, film.year)
    removed = any(r.deleted_at is not None for r in film.reviews)
    actor = acting(request)
    repair = await save_repair(
        ctx, lambda: remove_film_by_id(ctx.session, film.id, film.version, actor)
    )
    if isinstance(repair, Notice):
        return repair
    _forget_orphans(ctx, repair)
    ctx.index.remove_film(film_id)
    event(ctx, request, None, f"removed the film {label}", touched=[film_id])
    went = " Its removed review went with it (the verdict is in the history)." if removed else ""
    return Notice(f"Removed the film {label}; its history is kept.{went}")


async def merge_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`film merge <duplicate> into <film>`."""
    usage = Notice(
        f"Use: `{ctx.prefix}film merge face off 1996 into face/off 1997` (the duplicate "
        "first: it is deleted, its title and aliases then find the second).",
        Tone.WARNING,
    )
    named = await pair_named(
        request.text, FilmDocument, lambda text: film_to_change(ctx, request, text, ""), usage
    )
    found: tuple[FilmDocument, FilmDocument] | None = None
    if isinstance(named, tuple):
        found = named
    else:
        # `film merge face/off into face/off` with two films of that very title and year:
        # the copy is the one without a review (or the newer).
        pairs = [(left, right) for left, right in splits(request.text, "into")]
        same = await twins(ctx, pairs[0][0]) if len(pairs) == 1 else []
        if same and {f.id for f in same} == {f.id for f in await twins(ctx, pairs[0][1])}:
            found = duplicate_of(same)
        if found is None:
            return named
    source, target = found
    ctx.understood = None  # the reply names both films
    refused = has_review(ctx, source, f"`{ctx.prefix}film merge {request.text.strip()}`")
    if refused is not None:
        return refused
    source_label = film_label(source.title, source.year)
    target_label = film_label(target.title, target.year)
    source_id, target_id, title = source.id, target.id, source.title
    actor = acting(request)
    repair = await save_repair(
        ctx,
        lambda: merge_films_by_id(
            ctx.session, (source.id, source.version), (target.id, target.version), actor
        ),
    )
    if isinstance(repair, Notice):
        return repair
    _forget_orphans(ctx, repair)
    ctx.index.remove_film(source_id)
    # The target's new aliases and credits: refreshed in the index once announced.
    summary = f"merged the film {source_label} into {target_label}"
    ctx.events.append(
        ChangeEvent(target_id, actor.guild_id, actor.name, summary, touched=(source_id,))
    )
    added = []
    if repair.aliases:
        added.append(f"aliases added: {human_list([f'“{echo(a)}”' for a in repair.aliases])}")
    if repair.credits:
        added.append(f"{repair.credits} credit{'s' if repair.credits != 1 else ''} added")
    extra = f" ({'; '.join(added)})" if added else ""
    return Notice(
        f"Merged {source_label} into {target_label}{extra}. “{echo(title)}” now finds "
        f"{target_label}; the history of both is kept."
    )
