"""Look-alikes, said before Confirm: a record about to be saved that names a new person one or
two letters from a known one ("Nicholas Cage"), or a new film that is a known film with a
slip in its title or year ("Face Off (1996)"). Saving would make a second person or film for
good; the preview says so, and the moderator fixes the record or saves as it is.

Bounded cost on a large catalogue: one query for the names the database already knows, then
the search index (never a scan of every person or film) for each name or title that is new."""

from __future__ import annotations

from rapidfuzz.distance import OSA

from bot.answers.context import AnswerContext
from bot.answers.text import clip, echo, film_label
from bot.answers.types import Field
from bot.db.importer import CREW_FIELDS
from bot.db.queries import film_id_by_slug, known_person_keys
from bot.records.schema import Record
from bot.search.models import FilmDoc, PersonDoc
from bot.search.normalize import compact, normalize_name, normalize_title

#: Names checked at most per record (a record holds at most 500 cast and 80 crew), and the
#: warnings said at most: more would bury the preview.
MAX_NAMES = 600
MAX_LINES = 8
#: Candidates asked of the index for each new name or title.
CANDIDATES = 8
#: Years apart a known film may be and still be the one meant ("Face Off (1996)").
YEARS_APART = 1


def letters_allowed(key: str) -> int:
    """How many letters may differ for a name or title to be a slip: one, two from ten
    letters on ("Sean Penn" is not a slip of Sean Bean; "John Goodmen" is of John Goodman)."""
    length = len(compact(key))
    if length < 4:
        return 0
    return 1 if length < 10 else 2


def slip_of(typed: str, known: str) -> bool:
    """`typed` (a normalised name) is `known` with one or two letters wrong, or the same name
    written another way (spaces, punctuation, accents: `compact` keys alike)."""
    if typed == known or compact(typed) == compact(known):
        return True
    allowed = letters_allowed(typed)
    return allowed > 0 and OSA.distance(typed, known, score_cutoff=allowed) <= allowed


def short_form_of(typed: str, known: str) -> bool:
    """`Nic Cage` for Nicolas Cage: the same surname, the first name its first letters (3 or
    more). Not one letter away, but as surely a second person for the same actor."""
    words, names = typed.split(), known.split()
    if len(words) != 2 or len(names) != 2 or words[1] != names[1]:
        return False
    first, full = words[0], names[0]
    return len(first) >= 3 and first != full and full.startswith(first)


def record_names(record: Record) -> list[str]:
    """Every person the record names (crew, then cast), each once."""
    facts = record.film
    names = [name for field, _ in CREW_FIELDS for name in getattr(facts, field)]
    names += [member.name for member in facts.cast]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(normalize_name(name), name)
    return [name for key, name in seen.items() if key][:MAX_NAMES]


def meant_person(ctx: AnswerContext, name: str) -> PersonDoc | None:
    """The known person a new name is most likely a slip of, from the index."""
    key = normalize_name(name)
    best: tuple[int, PersonDoc] | None = None
    for cand in ctx.index.suggest_people(name, limit=CANDIDATES):
        known = normalize_name(cand.matched)
        if slip_of(key, known):
            distance = OSA.distance(key, known)
        elif short_form_of(key, known):
            distance = 3
        else:
            continue
        if best is None or distance < best[0]:
            best = distance, cand.doc
    return best[1] if best else None


async def person_warnings(ctx: AnswerContext, record: Record) -> list[str]:
    names = record_names(record)
    keys = [normalize_name(name) for name in names]
    known, spelt = await known_person_keys(ctx.session, keys)
    lines = []
    for name, key in zip(names, keys, strict=True):
        if key in known:
            continue
        if key in spelt:  # merged into someone: the record's name is saved as theirs
            lines.append(
                f"{echo(name)}: saved as {spelt[key]} (that spelling was merged into them)"
            )
            continue
        person = meant_person(ctx, name)
        if person is not None:
            lines.append(
                f"{echo(name)}: did you mean {person.name}? (a new person would be created)"
            )
    return lines


def digits(key: str) -> list[str]:
    return [word for word in key.split() if word.isdigit()]


def meant_film(ctx: AnswerContext, record: Record) -> FilmDoc | None:
    """The known film a new one is most likely a slip of: the same title or one a letter or
    two away (a sequel's number is no slip), released within a year."""
    title, year = record.film.title, record.film.year
    key = normalize_title(title)
    best: tuple[tuple[int, int], FilmDoc] | None = None
    for cand in ctx.index.suggest_films(title, limit=CANDIDATES):
        known = normalize_title(cand.matched)
        if not known or digits(known) != digits(key) or not slip_of(key, known):
            continue
        doc = cand.doc
        if year is None or doc.year is None:
            if compact(known) != compact(key):
                continue  # without both years, only the same title is the same film
            apart = 0
        else:
            apart = abs(doc.year - year)
            if apart > YEARS_APART:
                continue
        rank = (OSA.distance(key, known), apart)
        if best is None or rank < best[0]:
            best = rank, doc
    return best[1] if best else None


async def film_warnings(ctx: AnswerContext, record: Record) -> list[str]:
    same_slug = await film_id_by_slug(ctx.session, record.slug)
    if same_slug is not None:
        return []  # the record replaces that film: it is no new film
    film = meant_film(ctx, record)
    if film is None:
        return []
    typed = film_label(echo(record.film.title), record.film.year)
    return [
        f"{typed}: did you mean {film_label(film.title, film.year)}? Saving makes a second "
        "film; fix the title or year."
    ]


async def lookalike_warnings(ctx: AnswerContext, record: Record, film_id: int | None) -> list[str]:
    """Plain lines for the preview's "Check before saving": each new person whose name is a
    slip of a known person's, and (for a new film, `film_id` None) a known film it may be.
    `film_id`: the existing film the record replaces, or None for a new film."""
    lines = await person_warnings(ctx, record)
    if film_id is None:
        lines = await film_warnings(ctx, record) + lines
    if len(lines) > MAX_LINES:
        lines = [
            *lines[: MAX_LINES - 1],
            f"… and {len(lines) - MAX_LINES + 1} more names like these.",
        ]
    return lines


#: The preview's field that holds the look-alikes.
FIELD_NAME = "Check before saving"


async def lookalike_field(ctx: AnswerContext, record: Record, film_id: int | None) -> Field | None:
    """lookalike_warnings as the preview's "Check before saving" field, one a line (None when
    there is nothing to check). Called before the preview is drawn."""
    lines = await lookalike_warnings(ctx, record, film_id)
    if not lines:
        return None
    return Field(FIELD_NAME, clip("\n".join(f"• {line}" for line in lines), 1000))
