"""Apply validated records to the database: idempotent, all in the caller's transaction.

A review record ("replace") is the whole truth about its film; a catalog row ("merge") adds the
film and fills in facts the database does not have yet. Values are only assigned when they
differ, so importing the same input twice changes nothing.

Whether a film's cast list is complete (films.cast_complete) comes from the record
(Record.cast_complete); a catalog row can make a list complete (its `cast_complete` column)
but never partial again.

Nothing changes behind the moderators' back: every film an import adds or changes moves to
its next version (so a moderator's change prepared before it is refused, bot.db.changes.claim)
and gets history rows (action "import", one per field changed, with old and new values). A
catalog row never changes a film that has a review: the review's record owns all of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from array import array
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Integer, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.db.bulk import IMPORT_ACTOR, existing_slugs, insert_new_films
from bot.db.exporter import current_review, film_to_record
from bot.db.models import (
    Change,
    Credit,
    Film,
    FilmAlias,
    GuildSettings,
    Person,
    PersonAlias,
    PurchaseLink,
    Rating,
    Release,
    Review,
    Role,
)
from bot.db.queries import FILM_DETAIL_OPTIONS
from bot.db.records import review_section
from bot.records.files import CatalogFile, LoadedRecord, RecordError
from bot.records.ratings import ASPECTS, aspect_score
from bot.records.schema import FilmFacts, Record
from bot.records.schema import Release as ReleaseRecord
from bot.records.schema import Review as ReviewRecord
from bot.search.normalize import normalize_name

ProgressCallback = Callable[[int, int], None]
CREW_FIELDS: tuple[tuple[str, Role], ...] = (
    ("directors", Role.DIRECTOR),
    ("writers", Role.WRITER),
    ("cinematographers", Role.CINEMATOGRAPHER),
    ("composers", Role.COMPOSER),
)


@dataclass(slots=True)
class ImportStats:
    films_created: int = 0
    films_updated: int = 0
    records: int = 0
    rows_kept_out: int = 0  # catalog rows of reviewed films: the review's record owns them
    removed_reviews_restored: int = 0  # from an export's backup file
    history_restored: int = 0
    settings_restored: int = 0  # servers whose moderation settings the backup restored
    note: str = ""  # said after the summary (e.g. that data/ was loaded first)
    #: WordPress exports' reports (bot.records.wxr): reviews read, posts skipped and failed
    reports: list[str] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        unchanged = self.records - self.films_created - self.films_updated
        text = (
            f"{self.records} record(s): {self.films_created} film(s) added, "
            f"{self.films_updated} updated"
        )
        if self.reports and unchanged > 0:
            text += f", {unchanged} unchanged"
        restored = [
            f"{count} {what}"
            for count, what in (
                (self.removed_reviews_restored, "removed review(s)"),
                (self.history_restored, "history entries"),
                (self.settings_restored, "server(s)' moderator roles and mod-log channel"),
            )
            if count
        ]
        if self.note:
            text += f" ({self.note})"
        if restored:  # a sentence of its own: the first one reads as it always did
            text += ". Restored from the backup: " + ", ".join(restored)
        return text


def _assign(obj: Any, **values: Any) -> bool:
    """Set only the attributes whose value differs; True if anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _credit_key(person: Person, role: str, character: str | None) -> tuple[str, str, str | None]:
    return (person.name_key, role, character)


def _names(facts: FilmFacts) -> list[str]:
    names = [name for field, _ in CREW_FIELDS for name in getattr(facts, field)]
    return names + [member.name for member in facts.cast]


class Importer:
    """Holds the look-ups (films by slug, people by name key) for one import session."""

    def __init__(self, session: AsyncSession, *, history: bool = True) -> None:
        """`history`: bump the version of every film added or changed and write its history
        (an import). False for bot.db.changes.save_record, which does both itself."""
        self.session = session
        self.history = history
        self.films: dict[str, Film] = {}
        self.people: dict[str, Person] = {}
        self.stats = ImportStats()
        self.created: list[Film] = []  # their history is written once they have an id
        # Films added earlier in this import: a review record's (by slug), or the bulk
        # path's (by id). A later catalog row fills them in without history of its own.
        self.untracked: Container[str] = ()
        self.bulk_created: Container[int] = ()
        # Films whose history a backup being imported carries (its own "added" entry too):
        # added without a history entry of this import's, so a restore is the same history.
        self.restoring: Container[str] = ()

    async def prepare(self, items: Sequence[LoadedRecord], loaded: Sequence[Film] = ()) -> None:
        """Load the films these records touch, and the people they name. `loaded`: films the
        session already holds with everything (bot.db.queries.film_details), not read again."""
        for film in loaded:
            self.films[film.slug] = film
        wanted = [
            slug
            for slug in dict.fromkeys(item.record.slug for item in items)
            if slug not in self.films
        ]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stmt = select(Film).where(Film.slug.in_(chunk)).options(*FILM_DETAIL_OPTIONS)
            for film in (await self.session.scalars(stmt)).all():
                self.films[film.slug] = film
        keys = list({normalize_name(name) for item in items for name in _names(item.record.film)})
        for start in range(0, len(keys), 5000):
            chunk = keys[start : start + 5000]
            for person in (
                await self.session.scalars(select(Person).where(Person.name_key.in_(chunk)))
            ).all():
                self.people[person.name_key] = person
            # A spelling merged into someone (`!person merge Nicholas Cage into Nicolas Cage`)
            # is that person: a later record naming them so does not make them again.
            aliases = await self.session.execute(
                select(PersonAlias.alias_key, Person)
                .join(Person, PersonAlias.person_id == Person.id)
                .where(PersonAlias.alias_key.in_(chunk))
            )
            for alias_key, person in aliases:
                self.people.setdefault(alias_key, person)

    async def person(self, name: str) -> Person:
        key = normalize_name(name)
        person = self.people.get(key)
        if person is None:
            person = Person(name=name, name_key=key)
            self.session.add(person)
            self.people[key] = person
        return person

    def film(self, facts: FilmFacts, slug: str) -> tuple[Film, bool]:
        film = self.films.get(slug)
        if film is not None:
            return film, False
        film = Film(slug=slug, title=facts.title, year=facts.year, genres=[], cast_complete=False)
        film.credits, film.aliases, film.releases, film.reviews = [], [], [], []
        self.session.add(film)
        self.films[slug] = film
        return film, True

    async def desired_credits(self, facts: FilmFacts) -> list[tuple[Person, str, str | None]]:
        wanted: list[tuple[Person, str, str | None]] = []
        for field, role in CREW_FIELDS:
            for name in getattr(facts, field):
                wanted.append((await self.person(name), role.value, None))
        for member in facts.cast:
            wanted.append((await self.person(member.name), Role.ACTOR.value, member.character))
        return wanted

    async def apply(self, item: LoadedRecord) -> None:
        record = item.record
        film, created = self.film(record.film, record.slug)
        self.stats.records += 1
        if item.mode == "merge" and not created and current_review(film) is not None:
            self.stats.rows_kept_out += 1  # the review's record owns the film
            return
        if item.mode == "merge" and not created and film.id in self.bulk_created:
            await self.merge_listed_again(film, record.film)
            return
        tracked = (  # the film is not new in this import
            self.history and not created and film.id is not None and film.slug not in self.untracked
        )
        diff: list[tuple[str, Any, Any]] = []
        if item.mode == "replace":
            before = film_to_record(film) if tracked else None
            changed = await self.replace(film, record)
            if changed and before is not None:
                from bot.db.changes import record_diff  # bot.db.changes imports this module

                diff = record_diff(before, film_to_record(film))
        else:
            # What a catalog row changes is known without writing the film out (a catalogue
            # of tens of thousands of known films stays fast).
            diff = await self.merge(film, record.film)
            changed = bool(diff)
        if created:
            self.stats.films_created += 1
            if self.history:
                self.created.append(film)
        elif changed:
            self.stats.films_updated += 1
            if tracked:
                self._record_change(film, diff)

    def _record_change(self, film: Film, diff: list[tuple[str, Any, Any]]) -> None:
        """The film moved on: its next version, and a history row per field changed."""
        film.version = (film.version or 1) + 1
        for field, old, new in diff or [("film", None, None)]:
            self.session.add(_history_row(film.id, _label(film), field, old, new))

    def write_created_history(self) -> None:
        """After a flush: one history row for each film this import added."""
        for film in self.created:
            if film.slug not in self.restoring:
                self.session.add(_history_row(film.id, _label(film), None, None, _label(film)))
        self.created = []

    async def replace(self, film: Film, record: Record) -> bool:
        facts = record.film
        changed = _assign(
            film,
            title=facts.title,
            year=facts.year,
            genres=list(facts.genres),
            certificate=facts.certificate,
            runtime_min=facts.runtime_min,
            description=facts.description,
            synopsis=facts.synopsis,
            cast_complete=record.cast_complete,
        )
        changed |= self._set_aliases(film, facts.aliases)
        changed |= await self._set_credits(film, await self.desired_credits(facts))
        release = self._set_release(film, record.release) if record.release else None
        if record.review is not None:
            changed |= self._set_review(film, release, record.review)
        return changed

    async def merge(self, film: Film, facts: FilmFacts) -> list[tuple[str, Any, Any]]:
        """Fill in what the film lacks; returns what changed (field, old, new) as
        bot.db.changes.record_diff names it."""
        fill = {
            name: getattr(facts, name)
            for name in ("certificate", "runtime_min", "description", "synopsis")
            if getattr(film, name) is None and getattr(facts, name) is not None
        }
        if not film.genres and facts.genres:
            fill["genres"] = list(facts.genres)
        if facts.cast_complete and not film.cast_complete:  # never back to partial
            fill["cast_complete"] = True
        diff: list[tuple[str, Any, Any]] = [
            (f"film.{name}", getattr(film, name), value) for name, value in fill.items()
        ]
        _assign(film, **fill)
        before = {role: _credit_values(film.credits, role) for role in MERGE_FIELDS}
        added = await self.append_credits(film, facts)
        for role in sorted(added):
            after = _credit_values(film.credits, role)
            diff.append((f"film.{MERGE_FIELDS[role]}", before[role], after))
        old_aliases = [a.alias for a in film.aliases]
        for alias in facts.aliases:
            if alias not in {a.alias for a in film.aliases}:
                film.aliases.append(FilmAlias(alias=alias))
        if len(film.aliases) != len(old_aliases):
            diff.append(("film.aliases", old_aliases, [a.alias for a in film.aliases]))
        return diff

    async def merge_listed_again(self, film: Film, facts: FilmFacts) -> None:
        """A catalog row for a film the bulk path added in an earlier chunk of this import:
        what bot.db.bulk.insert_new_films merges from rows of one film (the credits not
        there yet, in order after the others; the cast complete if the row says so)."""
        if facts.cast_complete and not film.cast_complete:
            film.cast_complete = True
        await self.append_credits(film, facts)

    async def append_credits(self, film: Film, facts: FilmFacts) -> set[str]:
        """The row's credits the film lacks, billed after the others; the roles added."""
        present = {(c.person.name_key, c.role) for c in film.credits}
        billing = max((c.billing for c in film.credits), default=-1) + 1
        added: set[str] = set()
        for person, role, character in await self.desired_credits(facts):
            if (person.name_key, role) in present:
                continue
            film.credits.append(
                Credit(person=person, role=role, character=character, billing=billing)
            )
            present.add((person.name_key, role))
            billing += 1
            added.add(role)
        return added

    def _set_aliases(self, film: Film, aliases: Sequence[str]) -> bool:
        wanted = list(dict.fromkeys(aliases))
        if [a.alias for a in film.aliases] == wanted:
            return False
        keep = {a.alias: a for a in film.aliases if a.alias in wanted}
        film.aliases = [keep.get(alias) or FilmAlias(alias=alias) for alias in wanted]
        return True

    async def _set_credits(self, film: Film, wanted: list[tuple[Person, str, str | None]]) -> bool:
        existing = {_credit_key(c.person, c.role, c.character): c for c in film.credits}
        result: list[Credit] = []
        changed = False
        seen: set[tuple[str, str, str | None]] = set()
        for billing, (person, role, character) in enumerate(wanted):
            key = _credit_key(person, role, character)
            if key in seen:
                continue
            seen.add(key)
            credit = existing.get(key)
            if credit is None:
                credit = Credit(person=person, role=role, character=character, billing=billing)
                changed = True
            else:
                changed |= _assign(credit, billing=billing)
            result.append(credit)
        if changed or len(result) != len(film.credits):
            film.credits = result
            return True
        return False

    def _set_release(self, film: Film, data: ReleaseRecord) -> Release:
        release = next(
            (r for r in film.releases if (r.format, r.edition) == (data.format, data.edition)),
            None,
        )
        if release is None:
            release = Release(film=film, format=data.format, edition=data.edition, extras=[])
            film.releases.append(release)
        _assign(
            release,
            label=data.label,
            release_date=data.release_date,
            country=data.country,
            region=data.region,
            discs=data.discs,
            extras=list(data.extras),
        )
        return release

    def _set_review(self, film: Film, release: Release | None, data: ReviewRecord) -> bool:
        review = next((r for r in film.reviews if r.deleted_at is None), None)
        created = review is None
        if review is None:
            review = Review(film=film, pros=[], cons=[], version=1)
            review.ratings, review.purchase_links = [], []
            film.reviews.append(review)
        changed = _assign(review, **_review_values(release, data))
        changed |= _set_ratings(review, data)
        changed |= _set_links(review, data)
        if changed and not created:
            review.version += 1
        return changed or created


def _review_values(release: Release | None, data: ReviewRecord) -> dict[str, Any]:
    return dict(
        release=release,
        headline=data.headline,
        url=data.url,
        author=data.author,
        published=data.published,
        cover_url=data.cover_url,
        intro=data.intro,
        style_direction=data.sections.style_direction,
        music_audio=data.sections.music_audio,
        acting_characters=data.sections.acting_characters,
        film_conclusion=data.film_conclusion,
        release_conclusion=data.release_conclusion,
        verdict=data.verdict,
        pros=list(data.pros),
        cons=list(data.cons),
        recommendation=data.recommendation,
        trailer_url=data.trailer.url if data.trailer else None,
        trailer_note=data.trailer.note if data.trailer else None,
    )


MERGE_FIELDS: dict[str, str] = {role.value: field for field, role in CREW_FIELDS} | {
    Role.ACTOR.value: "cast"
}


def _credit_values(credits: Sequence[Credit], role: str) -> list[Any]:
    """A role's credits as the record lists them (names; cast members with characters)."""
    ordered = [c for c in sorted(credits, key=lambda c: c.billing) if c.role == role]
    if role == Role.ACTOR.value:
        return [
            {"name": c.person.name} | ({"character": c.character} if c.character else {})
            for c in ordered
        ]
    return list(dict.fromkeys(c.person.name for c in ordered))


def _label(film: Film) -> str:
    return f"{film.title} ({film.year})" if film.year else film.title


def _history_row(film_id: int, label: str, field: str | None, old: Any, new: Any) -> Change:
    from bot.db.changes import _text  # bot.db.changes imports this module

    return Change(
        film_id=film_id,
        film_label=label[:320],
        action="import",
        field=field,
        old_value=_text(old),
        new_value=_text(new),
        actor_id=None,
        actor_name=IMPORT_ACTOR,
        guild_id=None,
    )


def _set_ratings(review: Review, data: ReviewRecord) -> bool:
    wanted: dict[str, tuple[str | None, float]] = {}
    for aspect in ASPECTS:
        value = getattr(data.ratings, aspect)
        if value is None:
            continue
        grade = None if aspect == "film" else str(value)
        wanted[aspect] = (grade, aspect_score(aspect, value))
    current = {r.aspect: (r.grade, r.score) for r in review.ratings}
    if current == wanted:
        return False
    by_aspect = {r.aspect: r for r in review.ratings}
    result = []
    for aspect, (grade, score) in wanted.items():
        rating = by_aspect.get(aspect) or Rating(aspect=aspect, grade=grade, score=score)
        _assign(rating, grade=grade, score=score)
        result.append(rating)
    review.ratings = result
    return True


def _set_links(review: Review, data: ReviewRecord) -> bool:
    wanted = [(link.retailer, link.url, link.affiliate) for link in data.purchase_links]
    if [(p.retailer, p.url, p.affiliate) for p in review.purchase_links] == wanted:
        return False
    review.purchase_links = [
        PurchaseLink(position=i, retailer=r, url=u, affiliate=a)
        for i, (r, u, a) in enumerate(wanted)
    ]
    return True


CATALOG_CHUNK = 5000  # catalog rows validated and written at a time


class _CreatedIds:
    """The ids of the films the bulk path added in this import, as a sorted array of 8-byte
    ints (a million films: 8 MB, not the ~60 MB of a set)."""

    def __init__(self) -> None:
        self.ids = array("q")

    def add(self, ids: Iterable[int]) -> None:
        new = sorted(ids)
        if not new:
            return
        if self.ids and new[0] < self.ids[-1]:
            self.ids = array("q", sorted([*self.ids, *new]))
        else:
            self.ids.extend(new)

    def __contains__(self, film_id: object) -> bool:
        if not isinstance(film_id, int):
            return False
        at = bisect_left(self.ids, film_id)
        return at < len(self.ids) and self.ids[at] == film_id


async def import_records(
    session: AsyncSession,
    loaded: Sequence[LoadedRecord],
    progress: ProgressCallback | None = None,
    *,
    catalogs: Sequence[CatalogFile] = (),
    restoring: Container[str] = (),
) -> ImportStats:
    """Apply every record in the session's transaction (the caller commits or rolls back).

    Review records first (ORM path), then the catalog rows, those of `loaded` and then the
    rows of `catalogs`, streamed: CATALOG_CHUNK rows at a time are validated and written, so
    memory stays bounded whatever the catalog's size. A bad row raises RecordError after
    earlier chunks were written: the caller's rollback leaves nothing.

    In each chunk, rows of films the database does not have yet take the bulk path
    (bot.db.bulk); rows that merge into known films take the ORM path. A film listed again
    in a later chunk, after this import added it, gets what the bulk path would have merged
    in (new credits, a complete cast), without history of its own.

    `restoring`: slugs of films whose history a backup of this import carries; a review record
    adding one writes no "added" history entry (the backup's entries are restored instead)."""
    stats = ImportStats()
    replace = [item for item in loaded if item.mode == "replace"]
    rows = [item.record for item in loaded if item.mode == "merge"]
    total = len(loaded) + sum(catalog.count_lines() for catalog in catalogs)
    done = 0
    untracked: set[str] = set()  # films the review records added in this import
    if replace:
        importer = Importer(session)
        importer.stats, importer.restoring = stats, restoring
        await importer.prepare(replace)
        for done, item in enumerate(replace, start=1):
            await importer.apply(item)
            if progress is not None and (done % 200 == 0 or done == len(replace)):
                progress(done, total)
        untracked = {film.slug for film in importer.created}
        await session.flush()
        importer.write_created_history()
        await session.flush()
    created = _CreatedIds()
    people: dict[str, int] = {}  # a bounded cache of person ids (bot.db.bulk)
    streams = [iter(rows), *(catalog.records() for catalog in catalogs)]
    for chunk in _batched(chain.from_iterable(streams), CATALOG_CHUNK):
        done = await _merge_chunk(
            session, chunk, stats, untracked, created, people, progress, done, total
        )
    if progress is not None and done > len(replace):
        progress(done, max(done, total))
    return stats


def _batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


async def _merge_chunk(
    session: AsyncSession,
    chunk: list[Record],
    stats: ImportStats,
    untracked: set[str],
    created: _CreatedIds,
    people: dict[str, int],
    progress: ProgressCallback | None,
    done: int,
    total: int,
) -> int:
    """One chunk of catalog rows; returns how many rows are done."""
    known = await existing_slugs(session, [record.slug for record in chunk])
    rest = [LoadedRecord("", record, "merge") for record in chunk if record.slug in known]
    fresh = [(record.slug, record.film) for record in chunk if record.slug not in known]
    if rest:
        importer = Importer(session)
        importer.stats, importer.untracked, importer.bulk_created = stats, untracked, created
        await importer.prepare(rest)
        for item in rest:
            await importer.apply(item)
        await session.flush()
        done += len(rest)
        if progress is not None:
            progress(done, total)
    if fresh:
        base = done

        def step(films: int) -> None:  # films written so far by the bulk path
            if progress is not None:
                progress(base + films, total)

        ids: list[int] = []
        added = await insert_new_films(session, fresh, step, created_ids=ids, people=people)
        created.add(ids)
        stats.records += len(fresh)
        stats.films_created += added
        done += len(fresh)
    return done


def read_backups(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """The backup files (bot.db.exporter.BACKUP_FILE) of the folders being imported."""
    from bot.db.exporter import BACKUP_FILE

    backups = []
    for path in paths:
        file = path / BACKUP_FILE if path.is_dir() else None
        if file is None or not file.is_file():
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise RecordError(str(file), "the file is not UTF-8 text") from None
        backups.append(parse_backup(text, str(file)))
    return backups


def parse_backup(text: str, source: str) -> dict[str, Any]:
    """A backup file's content, checked: its lists, each removed review (validated as a
    record's review), each history entry and each server's settings (every value of the type
    of its column). A RecordError names the entry."""
    from bot.db.exporter import BACKUP_FORMATS

    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RecordError(source, f"not valid JSON ({exc})") from None
    except RecursionError:
        raise RecordError(source, "not valid JSON (nested too deep)") from None
    if not isinstance(data, dict) or data.get("format") not in BACKUP_FORMATS:
        formats = " or ".join(str(f) for f in BACKUP_FORMATS)
        raise RecordError(source, f"not a backup file of format {formats}")
    for key in ("removed_reviews", "history", "guild_settings"):
        if not isinstance(data.get(key, []), list):
            raise RecordError(source, f"`{key}` must be a list")
    if not isinstance(data.get("data_loaded"), str | None):
        raise RecordError(source, "`data_loaded` must be text or null")
    for number, entry in enumerate(data.get("removed_reviews", []), start=1):
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("film"), str):
                raise ValueError("not a removed review (no film)")
            entry["review"] = ReviewRecord.model_validate(entry.get("review"))
            entry["removed_at"] = _when(entry.get("removed_at"))
        except (ValueError, TypeError) as exc:
            where = f"removed review {number}"
            raise RecordError(source, f"{exc}".splitlines()[0], record=where) from None
    for number, entry in enumerate(data.get("history", []), start=1):
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("action"), str):
                raise ValueError("not a history entry (no action)")
            if not isinstance(entry.get("film"), str | None):
                raise ValueError("`film` must be a slug or null")
            entry["created_at"] = _when(entry.get("created_at"))
            _check_columns(entry, Change, skip=("id", "film_id"))
        except (ValueError, TypeError) as exc:
            raise RecordError(source, str(exc), record=f"history {number}") from None
    for number, entry in enumerate(data.get("guild_settings", []), start=1):
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("guild_id"), int):
                raise ValueError("not a server's settings (no guild_id)")
            _check_columns(entry, GuildSettings)
            roles = entry.get("moderator_role_ids") or []
            if not isinstance(roles, list) or not all(_is_int(r) for r in roles):
                raise ValueError("`moderator_role_ids` must be a list of ids")
        except (ValueError, TypeError) as exc:
            raise RecordError(source, str(exc), record=f"server settings {number}") from None
    return data


def _is_int(value: Any) -> bool:
    """A whole number a BIGINT column holds (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63


def _check_columns(entry: dict[str, Any], model: Any, skip: Sequence[str] = ()) -> None:
    """Each value the entry gives for a column of `model` is of the column's type (times are
    parsed in place); columns it leaves out get the column's default; keys that are no column
    are ignored (a newer export's)."""
    for column in model.__table__.columns:
        name = column.key
        if name in skip or name not in entry or entry[name] is None:
            continue
        value = entry[name]
        kind = column.type
        if isinstance(kind, DateTime):
            entry[name] = _when(value)
        elif isinstance(kind, Integer) and not _is_int(value):
            raise ValueError(f"`{name}` must be a whole number")
        elif isinstance(kind, String) and not isinstance(value, str):
            raise ValueError(f"`{name}` must be text")
        elif isinstance(kind, String) and kind.length and len(value) > kind.length:
            entry[name] = value[: kind.length]


def _when(value: Any) -> dt.datetime:
    """An ISO time; a time without a zone is UTC (SQLite gives them back so)."""
    when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _removed_key(data: ReviewRecord) -> str:
    return data.model_dump_json(exclude_none=True)


async def restore_backup(session: AsyncSession, backup: dict[str, Any]) -> tuple[int, int]:
    """Removed reviews and history entries of an export that the database lacks (after its
    record files were imported); returns how many of each were added. Idempotent."""
    slugs = [e["film"] for e in backup.get("removed_reviews", [])] + [
        e.get("film") for e in backup.get("history", []) if e.get("film")
    ]
    films: dict[str, Film] = {}
    for start in range(0, len(slugs), 500):
        chunk = list(dict.fromkeys(slugs[start : start + 500]))
        stmt = (
            select(Film)
            .where(Film.slug.in_(chunk))
            .options(
                selectinload(Film.reviews).selectinload(Review.ratings),
                selectinload(Film.reviews).selectinload(Review.purchase_links),
            )
        )
        films.update({f.slug: f for f in (await session.scalars(stmt)).all()})
    reviews = 0
    for entry in backup.get("removed_reviews", []):
        film = films.get(entry["film"])
        if film is None:
            continue  # the export always has the film's record: a hand-edited backup
        data: ReviewRecord = entry["review"]
        # Already there, removed or (restored since) current: not again.
        known = {_removed_key(ReviewRecord.model_validate(review_section(r))) for r in film.reviews}
        if _removed_key(data) in known:
            continue
        review = Review(film=film, pros=[], cons=[], version=1)
        review.ratings, review.purchase_links = [], []
        _assign(review, **_review_values(None, data))
        _set_ratings(review, data)
        _set_links(review, data)
        review.deleted_at = entry["removed_at"]
        film.reviews.append(review)
        reviews += 1
    await session.flush()

    def key(film_id: int | None, c: Any) -> tuple[Any, ...]:
        return (film_id, c.action, c.field, c.old_value, c.new_value, c.actor_name, c.created_at)

    existing = {key(c.film_id, _Entry.of(c)) for c in await session.scalars(select(Change))}
    columns = [c.key for c in Change.__table__.columns if c.key not in ("id", "film_id")]
    rows = 0
    for item in backup.get("history", []):
        film = films.get(item.get("film") or "")
        entry = _Entry.of(item)
        film_id = film.id if film is not None else None
        if key(film_id, entry) in existing:
            continue
        existing.add(key(film_id, entry))
        # Every column the backup has (a newer column is left to its default in an older one).
        values = {name: item[name] for name in columns if name in item}
        values.update(film_label=str(item.get("film_label") or ""), actor_name=entry.actor_name)
        values.update(created_at=entry.created_at)
        session.add(Change(film_id=film_id, **values))
        rows += 1
    await session.flush()
    return reviews, rows


async def restore_guild_settings(session: AsyncSession, backup: dict[str, Any]) -> int:
    """Each server's moderation settings (moderator roles, mod-log channel) as the backup has
    them: a restore, replacing what the database says for that server. Returns how many
    servers' settings changed."""
    # The announcements' mark is a review id of the database that made the backup: here, the
    # reviews already restored are not new, so an announce channel starts from this database's
    # newest review (and a mark this database set itself is kept).
    mark_key = "announce_after_review"
    columns = [
        c.key for c in GuildSettings.__table__.columns if c.key not in ("guild_id", mark_key)
    ]
    await session.flush()
    newest = int(await session.scalar(select(func.max(Review.id))) or 0)
    changed = 0
    for entry in backup.get("guild_settings", []):
        values = {name: entry.get(name) for name in columns}
        values["moderator_role_ids"] = list(values.get("moderator_role_ids") or [])
        row = await session.get(GuildSettings, entry["guild_id"])
        if row is None:
            row = GuildSettings(guild_id=entry["guild_id"], **values)
            session.add(row)
            changed += 1
        elif _assign(row, **values):
            changed += 1
        if (
            getattr(row, "announce_channel_id", None) is not None
            and row.announce_after_review is None
        ):
            row.announce_after_review = newest
    await session.flush()
    return changed


@dataclass(frozen=True, slots=True)
class _Entry:
    """A history entry's identity, the same from a Change row and from a backup entry."""

    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    actor_name: str
    created_at: dt.datetime

    @classmethod
    def of(cls, row: Any) -> _Entry:
        get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
        return cls(
            action=str(get("action")),
            field=get("field"),
            old_value=get("old_value"),
            new_value=get("new_value"),
            actor_name=str(get("actor_name") or ""),
            created_at=_when(get("created_at")),
        )
