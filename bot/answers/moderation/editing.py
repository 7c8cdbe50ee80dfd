"""Editing a record, pure: one field set from what a moderator typed, validated as a whole,
and a change described in a line. Nothing here touches the database."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from bot.answers.moderation.arguments import (
    EDITABLE,
    PATH_NAMES,
    field_name,
    parse_value,
    path_name,
)
from bot.answers.text import clip
from bot.records.ratings import film_score, read_film_rating
from bot.records.schema import Record

#: The record's date fields and its film rating: what a moderator types is read first.
DATE_PATHS = {"release.release_date", "review.published"}
RATING_PATH = "review.ratings.film"
#: Paths that are not fields of their own but still name something a moderator knows.
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.I)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
DATE_EXAMPLE = "write e.g. 26 March 2018, 26/03/2018 or 2018-03-26"


class EditError(ValueError):
    """An edit the record refuses; `str()` is the reason for the moderator, naming the field
    as they typed it (`score: ...`), never the record's internal path."""


def _impossible(text: str, year: int, month: int, day: int) -> str | None:
    """Why a day, month and year make no date (None if they do)."""
    if not 1 <= month <= 12:
        swapped = f" (dates are day first: {month:02d}/{day:02d}/{year})" if day <= 12 else ""
        return f"{text!r} is not a date: there is no month {month}{swapped}"
    days = calendar.monthrange(year, month)[1] if dt.MINYEAR <= year <= dt.MAXYEAR else 31
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        return f"{text!r} is not a date: {name} {year} has {days} days"
    return None


def read_date(text: str) -> dt.date:
    """A date as people write it on a British site: `26 March 2018`, `26th Mar 2018`,
    `March 26, 2018`, `26/03/2018` (day first), `2018-03-26`. Raises ValueError with one
    plain line (`'31/02/2018' is not a date: February 2018 has 28 days`)."""
    typed = " ".join(str(text).split())
    iso, numeric = _ISO_DATE.fullmatch(typed), _NUMERIC_DATE.fullmatch(typed)
    if iso or numeric:
        if iso:
            year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
        else:
            assert numeric is not None
            day, month, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        problem = _impossible(typed, year, month, day)
        if problem:
            raise ValueError(problem)
        return dt.date(year, month, day)
    words = _ORDINAL.sub(r"\1", typed).replace(",", " ").replace(".", " ")
    words = re.sub(r"\bSept\b", "Sep", " ".join(words.split()), flags=re.I)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(words, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date: {DATE_EXAMPLE}")


def typed_value(path: str, value: Any) -> tuple[Any, str | None]:
    """A typed value read as the field at `path` takes it (a date, a film rating on the site's
    scale), and a note when it was converted (`4.5/5 is 9/10 on the site's scale`). Raises
    ValueError with a plain reason; other fields' values are returned as they are."""
    if not isinstance(value, str):
        return value, None
    if path in DATE_PATHS:
        return read_date(value).isoformat(), None
    if path == RATING_PATH:
        return read_film_rating(value)
    return value, None


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    node = data
    parts = path.split(".")
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def edited_record(record: Record, path: str, value: Any) -> Record:
    """The record with the value at `path` (`review.ratings.audio`) replaced, validated.
    Raises pydantic's ValidationError."""
    data = record.model_dump(mode="json", by_alias=True, exclude_none=True)
    set_path(data, path, value)
    if path == "review.trailer.url" and value is None:
        data["review"].pop("trailer", None)
    return Record.model_validate(data)


def field_said(loc: tuple[int | str, ...], names: dict[str, str] | None = None) -> str:
    """A record's location said as moderators name it: (`review`, `purchase_links`, 1, `url`)
    -> `purchase links #2 url`; `names` first (the path being edited -> the name as typed)."""
    known = PATH_NAMES | (names or {})
    parts = [str(part) for part in loc]
    for end in range(len(parts), 0, -1):
        name = known.get(".".join(parts[:end]))
        if name is not None:
            break
    else:
        name, end = "", 0
        if parts and parts[0] in ("film", "release", "review") and len(parts) > 1:
            end = 1  # the record's sections are not said: `film.budget` is `budget`
    rest = [f"#{int(part) + 1}" if isinstance(part, int) else str(part) for part in loc[end:]]
    said = " ".join([name, *(part.replace("_", " ") for part in rest)]).strip()
    return said or "the record"


def plain_message(item: ErrorDetails) -> str:
    """pydantic's message said plainly: `is not a whole number`, `must be at most 10`."""
    kind, ctx, given = item["type"], item.get("ctx") or {}, item.get("input")
    shown = repr(clip(given, 60)) if isinstance(given, str) else repr(given)
    limits = {
        "greater_than_equal": ("must be at least", "ge"),
        "greater_than": ("must be more than", "gt"),
        "less_than_equal": ("must be at most", "le"),
        "less_than": ("must be less than", "lt"),
    }
    if kind in limits:
        words, key = limits[kind]
        return f"{words} {ctx.get(key)}"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"{shown} is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{shown} is not a number"
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(given, str):
            try:
                return f"{shown} should be written {read_date(given).isoformat()}"
            except ValueError as exc:
                return str(exc)
        return f"{shown} is not a date: {DATE_EXAMPLE}"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "too_long":
        return f"has too many items (at most {ctx.get('max_length')})"
    if kind == "string_pattern_mismatch":
        return f"{shown} is not allowed here"
    if kind == "missing":
        return "is needed"
    if kind == "extra_forbidden":
        return "is not a field of the record"
    if kind in ("bool_parsing", "bool_type"):
        return f"{shown} is not yes or no"
    if kind in ("string_type", "list_type", "dict_type", "model_type"):
        return "is not the right kind of value"
    return str(item["msg"]).removeprefix("Value error, ")


def describe_edit_error(error: ValidationError, names: dict[str, str] | None = None) -> str:
    """The validation error in one line, each problem naming its field as moderators name it
    (`names` first: the path being edited -> the name as typed), in plain words."""
    problems = error.errors()
    parts = [f"{field_said(i['loc'], names)}: {plain_message(i)}" for i in problems[:3]]
    more = len(problems) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def set_field(record: Record, path: str, value: Any, typed: str | None = None) -> Record:
    """edited_record, its refusal an EditError naming the field `typed` (else its usual name)."""
    try:
        return edited_record(record, path, value)
    except ValidationError as exc:
        names = {path: typed} if typed else None
        raise EditError(describe_edit_error(exc, names)) from None


def edit_record(record: Record, field: str, value: str) -> Record:
    """The record with one field set as a moderator typed it: `edit_record(r, "audio", "GOOD")`,
    `("pros", "Cage; Colours")` for a list, `("trailer", "none")` to clear. Pure: raises
    EditError with the reply when the field is unknown or the record refuses the value."""
    name = field_name(field)
    if name is None:
        raise EditError(f"There is no field “{clip(field, 40)}”.")
    path, kind = EDITABLE[name]
    try:
        read, _ = typed_value(path, parse_value(value, kind))
    except ValueError as exc:
        raise EditError(f"{field.strip()}: {exc}") from None
    return set_field(record, path, read, field.strip())


def _item(value: Any) -> str:
    if isinstance(value, dict) and "name" in value:
        return (
            f"{value['name']} as {value['character']}" if value.get("character") else value["name"]
        )
    if isinstance(value, dict) and "retailer" in value:
        return f"{value['retailer']} ({value.get('url', '')})"
    return str(value)


def ordinal(number: int) -> str:
    """1 -> `1st`, 2 -> `2nd`, 11 -> `11th`, 23 -> `23rd`."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def describe_cast(old: list[Any], new: list[Any]) -> str | None:
    """A cast change said as moderators see it, or None when it is no single move or role
    change: `Trey Wilson moved from 7th to 2nd`; `Nicolas Cage as Ben → as Ben Sanderson
    (still billed 1st)`."""
    before, after = [_item(i) for i in old], [_item(i) for i in new]
    if len(before) != len(after) or before == after:
        return None
    names = [i.get("name") if isinstance(i, dict) else None for i in old]
    if names == [i.get("name") if isinstance(i, dict) else None for i in new]:
        changed = [n for n, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
        parts = []
        for n in changed:
            role = new[n].get("character")
            parts.append(
                f"{before[n]} → {'as ' + str(role) if role else 'no character'} "
                f"(still billed {ordinal(n + 1)})"
            )
        return "; ".join(parts)
    if sorted(before) == sorted(after):
        for n, item in enumerate(before):
            rest = before[:n] + before[n + 1 :]
            if item in after and rest == [i for i in after if i != item]:
                name = old[n].get("name", item) if isinstance(old[n], dict) else item
                return f"{name} moved from {ordinal(n + 1)} to {ordinal(after.index(item) + 1)}"
    return None


def describe_change(field: str, old: Any, new: Any) -> str:
    """`audio: POOR → GOOD`; for lists what was added and removed: `cast: +Ed Lauter as Hitman`;
    a cast member moved or their character changed: `cast: Trey Wilson moved from 7th to 2nd`."""
    name = path_name(field)
    if field == "film.cast" and isinstance(old, list) and isinstance(new, list):
        said = describe_cast(old, new)
        if said is not None:
            return f"{name}: {clip(said, 300)}"
    if isinstance(old, list) or isinstance(new, list):
        before, after = [_item(i) for i in old or []], [_item(i) for i in new or []]
        parts = [f"+{i}" for i in after if i not in before]
        parts += [f"−{i}" for i in before if i not in after]
        return f"{name}: {clip(', '.join(parts), 160) if parts else 'reordered'}"
    if field == RATING_PATH:
        shown = [film_score(float(v)) if v is not None else "—" for v in (old, new)]
        return f"{name}: {shown[0]} → {shown[1]}"
    shown = [_value(v) for v in (old, new)]
    return f"{name}: {shown[0]} → {shown[1]}"


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return clip(str(value), 60)
