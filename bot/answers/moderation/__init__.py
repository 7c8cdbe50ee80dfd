"""Moderator commands: add, edit, remove and restore reviews, history, aliases, export, and the
server owner's settings.

- `access`: who may (the one check, made by answer_request where commands are dispatched);
- `arguments`: the field names moderators type, values, quoted values, the film meant;
- `editing`: pure record editing (`edit_record`) and a change said in a line;
- `intake`: attachments, articles and the quick-entry form -> a Record;
- `pending`: every change a PendingChange carried out by bot.db.changes.apply_change;
- `reviews`, `corrections`, `exporting`, `settings`: the command handlers.
"""

from __future__ import annotations

from bot.answers.moderation.arguments import EDITABLE, FIELD_ALIASES, PATH_NAMES
from bot.answers.moderation.editing import EditError, describe_change, edit_record, edited_record
from bot.answers.moderation.intake import read_attachment
from bot.answers.moderation.settings import snowflake

__all__ = [
    "EDITABLE",
    "FIELD_ALIASES",
    "PATH_NAMES",
    "EditError",
    "describe_change",
    "edit_record",
    "edited_record",
    "read_attachment",
    "snowflake",
]
