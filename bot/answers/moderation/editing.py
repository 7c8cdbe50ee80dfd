"""Editing a record, pure: one field set from what a moderator typed, validated as a whole,
and a change described in a line. Nothing here touches the database."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.answers.moderation.arguments import EDITABLE, PATH_NAMES, field_name, parse_value
from bot.answers.text import clip
from bot.records.files import describe_validation_error
from bot.records.schema import Record


class EditError(ValueError):
    """An edit the record refuses; `str()` is the reason for the moderator, naming the field
    as they typed it (`score: ...`), never the record's internal path."""


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


def describe_edit_error(error: ValidationError, names: dict[str, str] | None = None) -> str:
    """The validation error with the record's paths said as moderators name the fields
    (`names` first: the path being edited -> the name as typed)."""
    text = describe_validation_error(error)
    known = PATH_NAMES | (names or {})
    for path, name in sorted(known.items(), key=lambda item: -len(item[0])):
        text = text.replace(path, name)
    return text


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
    return set_field(record, path, parse_value(value, kind), field.strip())


def _item(value: Any) -> str:
    if isinstance(value, dict) and "name" in value:
        return (
            f"{value['name']} as {value['character']}" if value.get("character") else value["name"]
        )
    if isinstance(value, dict) and "retailer" in value:
        return f"{value['retailer']} ({value.get('url', '')})"
    return str(value)


def describe_change(field: str, old: Any, new: Any) -> str:
    """`audio: POOR → GOOD`; for lists what was added and removed: `cast: +Ed Lauter as Hitman`."""
    name = PATH_NAMES.get(field, field)
    if isinstance(old, list) or isinstance(new, list):
        before, after = [_item(i) for i in old or []], [_item(i) for i in new or []]
        parts = [f"+{i}" for i in after if i not in before]
        parts += [f"−{i}" for i in before if i not in after]
        return f"{name}: {clip(', '.join(parts), 160) if parts else 'reordered'}"
    shown = [clip(str(v), 60) if v is not None else "—" for v in (old, new)]
    return f"{name}: {shown[0]} → {shown[1]}"
