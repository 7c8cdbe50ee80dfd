"""`person rename` and `person merge`: a misspelt person corrected everywhere, or merged into
the right one (credits move, the old spelling still finds them). Saved at once, each film's
history says so. The rights are checked before (answer_request)."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.moderation.access import acting
from bot.answers.moderation.pending import event
from bot.answers.moderation.repairs import pair_named, save_repair, splits
from bot.answers.text import echo, human_list
from bot.answers.types import Answer, Notice, Request, Tone
from bot.db.documents import PersonRef
from bot.db.merges import (
    NameTaken,
    Repair,
    merge_people_by_id,
    person_ref_by_name,
    rename_person_by_id,
)
from bot.db.queries import person_document

#: How many of the films changed a reply names.
SHOWN_FILMS = 5


async def person_named(ctx: AnswerContext, name: str) -> PersonRef | Notice:
    """The person whose name (or alias) is `name` as typed, letter case and accents aside:
    a repair never goes ahead on a guess, so a loose match is asked back."""
    person = await person_ref_by_name(ctx.session, name)
    if person is not None:
        return person
    match = ctx.index.find_person(name)
    nearest = [c.doc.name for c in match.candidates[:5]]
    if match.best is not None and match.best.name not in nearest:
        nearest.insert(0, match.best.name)
    if not nearest:
        return Notice(f"I couldn't find anyone called “{echo(name)}”. Nothing was changed.")
    names = human_list([f"**{echo(n)}**" for n in nearest], "or")
    return Notice(
        f"I couldn't find anyone called exactly “{echo(name)}”. Did you mean {names}? "
        "Type the name as it is spelt. Nothing was changed.",
        Tone.WARNING,
    )


async def reindex_person(ctx: AnswerContext, person_id: int) -> None:
    """The index sees the person's new name and aliases at once (or forgets an orphan)."""
    doc = await person_document(ctx.session, person_id)
    if doc is None:
        ctx.index.remove_person(person_id)
    else:
        ctx.index.upsert_person(doc)


def films_said(repair: Repair) -> str:
    count = len(repair.films)
    if not count:
        return "no film credits them"
    labels = [label for _, label in repair.films[:SHOWN_FILMS]]
    more = f" and {count - SHOWN_FILMS} more" if count > SHOWN_FILMS else ""
    return f"{count} film{'s' if count != 1 else ''} changed ({', '.join(labels)}{more})"


async def rename_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`person rename <name> = <new name>`."""
    parts = next(splits(request.text, "="), None)
    if parts is None:
        return Notice(
            f"Use: `{ctx.prefix}person rename Nicholas Cage = Nicolas Cage` "
            "(the name as it is now, `=`, the name as it should be).",
            Tone.WARNING,
        )
    old, new = parts
    person = await person_named(ctx, old)
    if not isinstance(person, PersonRef):
        return person
    person_id, old_name = person.id, person.name
    actor = acting(request)
    try:
        saved = await save_repair(
            ctx, lambda: rename_person_by_id(ctx.session, person_id, new, actor)
        )
    except NameTaken as taken:
        return Notice(
            f"Nothing was saved: {echo(taken.other)} is already another person. To make "
            f"them one, type `{ctx.prefix}person merge {old_name} into {taken.other}`.",
            Tone.WARNING,
        )
    if isinstance(saved, Notice):
        return saved
    await reindex_person(ctx, person_id)
    new_name = " ".join(new.split())
    summary = f"renamed {old_name} to {new_name}: {films_said(saved)}"
    event(ctx, request, None, summary, touched=[film_id for film_id, _ in saved.films])
    return Notice(
        f"Renamed {echo(old_name)} to {echo(new_name)}: {films_said(saved)}. "
        f"“{echo(old_name)}” still finds them."
    )


async def merge_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`person merge <misspelt name> into <right name>`."""
    usage = Notice(
        f"Use: `{ctx.prefix}person merge Nicholas Cage into Nicolas Cage` (the misspelt "
        "person first: their credits move to the second, and they are deleted).",
        Tone.WARNING,
    )
    found = await pair_named(request.text, PersonRef, lambda name: person_named(ctx, name), usage)
    if not isinstance(found, tuple):
        return found
    source, target = found
    source_id, target_id = source.id, target.id
    source_name, target_name = source.name, target.name
    actor = acting(request)
    saved = await save_repair(
        ctx, lambda: merge_people_by_id(ctx.session, source_id, target_id, actor)
    )
    if isinstance(saved, Notice):
        return saved
    # The films' people, as the index holds them, name the target now (a later change of
    # one of these films checks the right person for orphans); the source is forgotten.
    ctx.index.move_person(source_id, target_id, [film_id for film_id, _ in saved.films])
    await reindex_person(ctx, target_id)
    summary = f"merged {source_name} into {target_name}: {films_said(saved)}"
    event(ctx, request, None, summary, touched=[film_id for film_id, _ in saved.films])
    return Notice(
        f"Merged {echo(source_name)} into {echo(target_name)}: {films_said(saved)}. "
        f"“{echo(source_name)}” now finds {echo(target_name)}."
    )
