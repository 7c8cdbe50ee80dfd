"""Database faults people can do something about, said in one line instead of a traceback:
at start-up (naming the setting to fix) and in the middle of a command (nothing was saved)."""

from __future__ import annotations

import errno
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError

# What went wrong, as (kind, words found in SQLite's message / PostgreSQL SQLSTATE codes).
BUSY = "busy"
FULL = "full"
READ_ONLY = "read-only"
NOT_A_DATABASE = "not a database"
CANNOT_OPEN = "cannot open"
NO_DATABASE = "no database"
BAD_LOGIN = "bad login"

SQLITE_MESSAGES = (
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("database or disk is full", FULL),
    ("attempt to write a readonly database", READ_ONLY),
    ("readonly database", READ_ONLY),
    ("file is not a database", NOT_A_DATABASE),
    ("database disk image is malformed", NOT_A_DATABASE),
    ("unable to open database file", CANNOT_OPEN),
)
POSTGRES_STATES = {
    "3D000": NO_DATABASE,  # invalid_catalog_name
    "28000": BAD_LOGIN,  # invalid_authorization_specification (unknown role, pg_hba)
    "28P01": BAD_LOGIN,  # invalid_password
    "53100": FULL,  # disk_full
    "25006": READ_ONLY,  # read_only_sql_transaction
    "55P03": BUSY,  # lock_not_available
    "40P01": BUSY,  # deadlock_detected
}

BUSY_REPLY = "The database is busy, try again in a moment."
SESSION_REPLIES = {
    BUSY: f"{BUSY_REPLY} Nothing was saved.",
    FULL: "The database's disk is full: nothing was saved. Tell whoever runs the bot.",
    READ_ONLY: "The database is read-only: nothing was saved. Tell whoever runs the bot.",
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([getattr(current, "orig", None), current.__cause__, current.__context__])


def fault_kind(exc: BaseException) -> str | None:
    """The kind of fault behind an exception (SQLAlchemy's wrapper, the driver's own error or
    an OSError), or None when it is not one of those above."""
    for error in _chain(exc):
        state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
        if isinstance(state, str) and state in POSTGRES_STATES:
            return POSTGRES_STATES[state]
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            return FULL
        if type(error).__module__ in ("sqlite3", "_sqlite3") or isinstance(error, DBAPIError):
            message = str(getattr(error, "orig", None) or error).lower()
            for words, kind in SQLITE_MESSAGES:
                if words in message:
                    return kind
    return None


def is_database_error(exc: BaseException) -> bool:
    """An error from the database or its driver (as opposed to a bug in the bot)."""
    return any(
        isinstance(error, DBAPIError)
        or type(error).__module__.split(".")[0] in ("sqlite3", "_sqlite3", "asyncpg")
        for error in _chain(exc)
    )


def session_reply(exc: BaseException) -> str | None:
    """What to tell the member whose command met this fault (its transaction rolled back)."""
    kind = fault_kind(exc)
    return SESSION_REPLIES.get(kind) if kind else None


def _driver_message(exc: BaseException) -> str:
    for error in _chain(exc):
        if not isinstance(error, DBAPIError) and str(error).strip():
            return str(error).strip().splitlines()[0]
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def startup_message(exc: BaseException, setting: str, where: str) -> str:
    """One line for a database that cannot be used at start-up, naming the setting to fix.

    `setting`: DATABASE_URL or POPCORN_DB_PATH; `where`: the database, as the user knows it."""
    kind = fault_kind(exc)
    said = _driver_message(exc)
    hints = {
        NO_DATABASE: f"{said}: create it (e.g. `createdb`) or fix {setting}",
        BAD_LOGIN: f"{said}: fix the user name or password in {setting}",
        CANNOT_OPEN: (
            f"cannot open the SQLite database {where} (a folder? a folder that cannot be "
            f"written?): fix {setting}"
        ),
        NOT_A_DATABASE: f"{where} is not a SQLite database: fix {setting} or move the file away",
        READ_ONLY: f"the database {where} is read-only: make it writable or fix {setting}",
        FULL: f"the disk holding the database {where} is full: free some space or fix {setting}",
        BUSY: (
            f"the database {where} is busy (another popcorn writing to it?): try again in a moment"
        ),
    }
    return hints.get(kind or "", f"cannot use the database {where}: {said} (check {setting})")
