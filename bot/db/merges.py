"""Repairs of people and films (issue 12): a person renamed or merged into another, a duplicate
film merged into the right one or removed. Each runs in the caller's session (for the caller to
commit), claims the version of every film it changes and writes that film's history."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.changes import Actor, ChangeError, ConflictError, add_history, claim
from bot.db.documents import PersonRef
from bot.db.exporter import current_review
from bot.db.models import Change, Credit, Film, FilmAlias, Person, PersonAlias
from bot.db.queries import film_details
from bot.search.normalize import normalize_name, normalize_title

#: The history's names for these changes (the `changes.action` column holds 20 characters).
PERSON_RENAME = "person rename"
PERSON_MERGE = "person merge"
FILM_MERGE = "film merge"
FILM_REMOVE = "film remove"


class NameTaken(ChangeError):
    """The new name is already another person's: merge instead."""

    def __init__(self, message: str, other: str) -> None:
        super().__init__(message)
        self.other = other  # their name


class RepairRace(ChangeError):
    """Someone else changed the same rows at the same moment (an IntegrityError, rolled back)."""


@dataclass(slots=True)
class Repair:
    """What a repair changed: the films (id, label) whose credits or names changed, and the
    people who no longer have any credit (to drop from the look-ups)."""

    films: list[tuple[int, str]] = field(default_factory=list)
    orphans: list[int] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # a film merge: the names it gave
    credits: int = 0  # a film merge: the credits it moved


def _label(film: Film) -> str:
    return f"{film.title} ({film.year})" if film.year else film.title


async def person_by_name(session: AsyncSession, name: str) -> Person | None:
    """The person whose name or alias is `name`, letter case and accents aside."""
    key = normalize_name(name)
    if not key:
        return None
    person = await session.scalar(select(Person).where(Person.name_key == key))
    if person is not None:
        return person
    return await session.scalar(
        select(Person)
        .join(PersonAlias, PersonAlias.person_id == Person.id)
        .where(PersonAlias.alias_key == key)
    )


async def person_aliases(session: AsyncSession, person_id: int) -> list[str]:
    stmt = select(PersonAlias.alias).where(PersonAlias.person_id == person_id)
    return list((await session.scalars(stmt.order_by(PersonAlias.id))).all())


async def _films_of(session: AsyncSession, person_id: int) -> Sequence[Film]:
    ids = select(Credit.film_id).where(Credit.person_id == person_id)
    stmt = select(Film).where(Film.id.in_(ids)).order_by(Film.title, Film.year, Film.id)
    return (await session.scalars(stmt)).all()


async def _claim_all(
    session: AsyncSession, films: Iterable[Film], actor: Actor, action: str, old: str, new: str
) -> list[tuple[int, str]]:
    """Each film moved to its next version, with a history row saying what happened."""
    changed = []
    for film in films:
        await claim(session, film.id, film.version)
        add_history(session, film, actor, action, None, old, new)
        changed.append((film.id, _label(film)))
    return changed


async def _keep_alias(session: AsyncSession, person: Person, alias: str) -> None:
    """`alias` (an old spelling) finds `person` from now on, unless it is their name."""
    key = normalize_name(alias)
    if not key or key == person.name_key:
        return
    await session.execute(delete(PersonAlias).where(PersonAlias.alias_key == key))
    session.add(PersonAlias(person_id=person.id, alias=alias[:120], alias_key=key))


async def rename_person(
    session: AsyncSession, person: Person, new_name: str, actor: Actor
) -> Repair:
    """Correct a person's name everywhere (the credits stay); the old spelling becomes an
    alias. Refused (NameTaken) when the new name is already someone else's."""
    new_name = " ".join(new_name.split())[:120]
    key = normalize_name(new_name)
    if not key:
        raise ChangeError("The new name has no letters. Nothing was saved.")
    other = await person_by_name(session, new_name)
    if other is not None and other.id != person.id:
        raise NameTaken(f"{other.name} is already another person. Nothing was saved.", other.name)
    old_name = person.name
    if old_name == new_name:
        raise ChangeError(f"{old_name} is already spelt that way. Nothing changed.")
    films = await _films_of(session, person.id)
    repair = Repair(
        films=await _claim_all(
            session, films, actor, PERSON_RENAME, old_name, f"{old_name} → {new_name}"
        )
    )
    # The new name may have been an alias of theirs (a rename back): it is their name now.
    await session.execute(delete(PersonAlias).where(PersonAlias.alias_key == key))
    person.name, person.name_key = new_name, key
    await session.flush()
    await _keep_alias(session, person, old_name)
    await session.flush()
    return repair


async def merge_people(
    session: AsyncSession, source: Person, target: Person, actor: Actor
) -> Repair:
    """`source`'s credits move to `target` (billing kept; a credit `target` already has on
    that film is not doubled), `source`'s name and aliases find `target` from now on, and
    `source` is deleted. Every film whose credits change gets a history row."""
    if source.id == target.id:
        raise ChangeError(f"{source.name} and {target.name} are already the same person.")
    films = await _films_of(session, source.id)
    repair = Repair(
        films=await _claim_all(
            session, films, actor, PERSON_MERGE, source.name, f"{source.name} → {target.name}"
        )
    )
    rows = (await session.execute(select(Credit).where(Credit.person_id == source.id))).scalars()
    theirs = {
        (c.film_id, c.role, c.character)
        for c in (await session.scalars(select(Credit).where(Credit.person_id == target.id))).all()
    }
    for credit in rows.all():
        if (credit.film_id, credit.role, credit.character) in theirs:
            await session.delete(credit)
        else:
            credit.person_id = target.id
            theirs.add((credit.film_id, credit.role, credit.character))
    await session.flush()
    kept = [source.name, *await person_aliases(session, source.id)]
    await session.execute(delete(PersonAlias).where(PersonAlias.person_id == source.id))
    await session.execute(delete(Person).where(Person.id == source.id))
    await session.flush()
    for alias in kept:
        await _keep_alias(session, target, alias)
    await session.flush()
    return repair


async def orphans(session: AsyncSession, person_ids: Iterable[int]) -> list[int]:
    """Those of `person_ids` who have no credit left."""
    ids = list(set(person_ids))
    if not ids:
        return []
    credited = set(
        (
            await session.scalars(
                select(Credit.person_id).where(Credit.person_id.in_(ids)).distinct()
            )
        ).all()
    )
    return sorted(i for i in ids if i not in credited)


def review_refusal(film: Film, prefix: str = "!") -> str | None:
    """Why `film` cannot go: it has a review (a removed one does not count: it goes with the
    film, its verdict kept in the history)."""
    if current_review(film) is not None:
        return (
            f"{_label(film)} has a review. Remove it first with "
            f"`{prefix}review remove {film.title}`; nothing was changed."
        )
    return None


async def _drop_film(session: AsyncSession, film: Film) -> list[int]:
    """Delete `film` (its credits, aliases, releases and removed reviews go with it); its
    history stays, under its label. Returns the people it credited."""
    people = [c.person_id for c in film.credits]
    await session.execute(
        update(Change)
        .where(Change.film_id == film.id)
        .values(film_id=None)
        .execution_options(synchronize_session=False)
    )
    await session.delete(film)
    await session.flush()
    return people


def _removed_verdicts(film: Film) -> str:
    verdicts = [r.verdict or "(no verdict)" for r in film.reviews if r.deleted_at is not None]
    return f"; its removed review went with it: {'; '.join(verdicts)}" if verdicts else ""


async def remove_film(session: AsyncSession, film: Film, actor: Actor) -> Repair:
    """Delete a film that has no review (a slip); its history stays, with a last row."""
    refusal = review_refusal(film)
    if refusal is not None:
        raise ChangeError(refusal)
    await claim(session, film.id, film.version)
    label = _label(film)
    said = f"removed {label}{_removed_verdicts(film)}"
    add_history(session, film, actor, FILM_REMOVE, None, None, said)
    await session.flush()
    people = await _drop_film(session, film)
    return Repair(films=[(film.id, label)], orphans=await orphans(session, people))


def _alias_clash(key: str, others: Iterable[tuple[str, ...]]) -> bool:
    return any(key == normalize_title(name) for names in others for name in names)


async def merge_films(session: AsyncSession, source: Film, target: Film, actor: Actor) -> Repair:
    """A duplicate film (no review) merged into the right one: its title and aliases become
    aliases of `target` (so the slip still finds it), its credits `target` lacks are added
    after `target`'s, then it is deleted. Both films' histories say so."""
    if source.id == target.id:
        raise ChangeError(f"Both name {_label(source)}: nothing to merge. Nothing was changed.")
    refusal = review_refusal(source)
    if refusal is not None:
        raise ChangeError(refusal)
    source_label, target_label = _label(source), _label(target)
    await claim(session, source.id, source.version)
    await claim(session, target.id, target.version)
    # Names: the source's title and aliases, unless the target or a third film has them.
    taken = {normalize_title(target.title), *(normalize_title(a.alias) for a in target.aliases)}
    others = await session.execute(
        select(Film.title, func.coalesce(FilmAlias.alias, Film.title))
        .outerjoin(FilmAlias, FilmAlias.film_id == Film.id)
        .where(Film.id.not_in((source.id, target.id)))
    )
    third = [tuple(row) for row in others]
    given: list[str] = []
    for name in (source.title, *(a.alias for a in source.aliases)):
        key = normalize_title(name)
        # "Face Off" next to "Face/Off" has the target's key already: nothing to add.
        if not key or key in taken or _alias_clash(key, third):
            continue
        taken.add(key)
        given.append(name)
        target.aliases.append(FilmAlias(alias=name[:300]))
    # Credits the target lacks (a person in a role), billed after its own.
    present = {(c.person_id, c.role) for c in target.credits}
    billing = max((c.billing for c in target.credits), default=-1) + 1
    moved = 0
    for credit in sorted(source.credits, key=lambda c: c.billing):
        if (credit.person_id, credit.role) in present:
            continue
        present.add((credit.person_id, credit.role))
        target.credits.append(
            Credit(
                person_id=credit.person_id,
                role=credit.role,
                character=credit.character,
                billing=billing,
            )
        )
        billing += 1
        moved += 1
    said = f"merged {source_label} into it"
    if given:
        said += f"; aliases: {', '.join(given)}"
    if moved:
        said += f"; {moved} credit{'s' if moved != 1 else ''} added"
    add_history(session, target, actor, FILM_MERGE, None, None, said)
    add_history(
        session,
        source,
        actor,
        FILM_MERGE,
        None,
        None,
        f"merged into {target_label}{_removed_verdicts(source)}",
    )
    await session.flush()
    people = await _drop_film(session, source)
    return Repair(
        films=[(target.id, target_label), (source.id, source_label)],
        orphans=await orphans(session, people),
        aliases=given,
        credits=moved,
    )


async def film_for_change(session: AsyncSession, film_id: int) -> Film:
    """The film with everything a merge or a removal touches, loaded afresh."""
    film = await film_details(session, film_id, fresh=True)
    if film is None:
        raise ChangeError("That film is no longer in the database. Nothing was changed.")
    return film


async def run_repair(session: AsyncSession, work: Callable[[], Awaitable[Repair]]) -> Repair:
    """Run a repair and commit it. A refusal (ChangeError, NameTaken included) is rolled back
    and raised; a concurrent change (an IntegrityError) is rolled back and raised as
    RepairRace, so the answers never see SQLAlchemy's errors."""
    try:
        repair = await work()
        await session.commit()
    except ChangeError:
        await session.rollback()
        raise
    except IntegrityError as exc:
        await session.rollback()
        raise RepairRace("Someone else changed the same thing at the same moment.") from exc
    return repair


async def _film_at(session: AsyncSession, film_id: int, base_version: int) -> Film:
    """The film to repair, loaded afresh, refused if it moved on since `base_version`."""
    film = await film_details(session, film_id)
    if film is None:
        raise ChangeError("That film is no longer in the database. Nothing was changed.")
    if film.version != base_version:
        raise ConflictError(
            "Someone else changed this film after you looked at it. Nothing was saved: "
            "look at it again and redo your change."
        )
    return film


async def remove_film_by_id(
    session: AsyncSession, film_id: int, base_version: int, actor: Actor
) -> Repair:
    """remove_film for the film with this id, as it was at `base_version`."""
    return await remove_film(session, await _film_at(session, film_id, base_version), actor)


async def merge_films_by_id(
    session: AsyncSession,
    source: tuple[int, int],
    target: tuple[int, int],
    actor: Actor,
) -> Repair:
    """merge_films for films named by (id, the version the moderator saw)."""
    source_film = await _film_at(session, *source)
    target_film = source_film if target[0] == source[0] else await _film_at(session, *target)
    return await merge_films(session, source_film, target_film, actor)


async def person_ref_by_name(session: AsyncSession, name: str) -> PersonRef | None:
    """person_by_name as a plain (id, name)."""
    person = await person_by_name(session, name)
    return None if person is None else PersonRef(id=person.id, name=person.name)


async def _person(session: AsyncSession, person_id: int) -> Person:
    person = await session.get(Person, person_id)
    if person is None:
        raise ChangeError("That person is no longer in the database. Nothing was changed.")
    return person


async def rename_person_by_id(
    session: AsyncSession, person_id: int, new_name: str, actor: Actor
) -> Repair:
    """rename_person for the person with this id."""
    return await rename_person(session, await _person(session, person_id), new_name, actor)


async def merge_people_by_id(
    session: AsyncSession, source_id: int, target_id: int, actor: Actor
) -> Repair:
    """merge_people for the people with these ids."""
    source = await _person(session, source_id)
    target = await _person(session, target_id)
    return await merge_people(session, source, target, actor)
