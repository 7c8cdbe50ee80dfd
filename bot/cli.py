"""The `popcorn` command line (also `python -m bot`): start / run / chat / import / export / sync /
db."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.db.faults import is_database_error, startup_message
from bot.db.urls import DatabaseUrlError
from bot.records.files import RecordError

log = logging.getLogger("popcorn")

NO_TOKEN = (
    "No DISCORD_TOKEN is set: create a bot at https://discord.com/developers/applications "
    "(docs/operations.md, 'Running on Discord'), or try the bot offline with `popcorn chat`."
)


class CliError(Exception):
    """A problem to report in one line, exit code 2."""


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise CliError(f"bad configuration: {problems}") from None


def _setup_logging(level: str, quiet: bool) -> None:
    logging.basicConfig(
        level=logging.WARNING if quiet else getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("discord").setLevel(logging.INFO if not quiet else logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


async def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import Popcorn
    from bot.chat.console import run_chat

    for path in args.attach:
        if not path.is_file():
            raise CliError(f"cannot attach {path}: no such file")
    app = await Popcorn.start(settings)
    try:
        return await run_chat(
            app,
            [args.message] if args.message is not None else [],
            as_json=args.json,
            moderator=args.moderator,
            attachments=args.attach,
            owner=False if args.not_owner else None,
        )
    finally:
        await app.close()


def _waiting_for(what: str) -> Callable[[], None]:
    """What `popcorn import` / `popcorn sync` say (on stderr) while the import lock is held by
    another process (`what`: the writers it names)."""

    def waiting() -> None:
        print(
            f"popcorn: another {what} into this database is running: waiting for it to finish.",
            file=sys.stderr,
            flush=True,
        )

    return waiting


async def _import(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from bot.app import Popcorn
    from bot.db.locks import import_lock

    app = await Popcorn.start(settings, seed=False)
    try:
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("importing", total=None)

            def report(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            async with import_lock(app.engine, _waiting_for("import")):
                # The process ends here: no need to rebuild its search index (~600 MB at
                # a million films). Bots running on PostgreSQL still resync through the
                # change feed (import_paths publishes it); on SQLite, at their next start.
                stats = await app.import_paths(
                    args.paths, report, reindex=False, overwrite_edits=args.overwrite_edits
                )
        print(f"Imported {stats.summary()}.")
        for said in stats.reports:  # a WordPress export's posts skipped, failed and kept
            print(said)
        return 0
    finally:
        await app.close()


async def _export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import Popcorn
    from bot.db.exporter import export_to_dir, export_zip

    target: Path = args.directory
    as_zip = target.suffix.lower() == ".zip"
    app = await Popcorn.start(settings)
    try:
        async with app.sessions() as session:
            if not as_zip:
                count = await export_to_dir(session, target)
                print(f"Exported {count} record file(s) to {target}.")
                return 0
            exported = await export_zip(session)  # every server's settings: the operator's
        await asyncio.to_thread(_write_file, target, exported.data)
        print(
            f"Exported {exported.records} record file(s), {exported.removed_reviews} removed "
            f"review(s), {exported.history} history entries and {exported.guilds} server(s)' "
            f"settings to {target} (restore it with `popcorn import {target}`)."
        )
        return 0
    finally:
        await app.close()


async def _sync(args: argparse.Namespace, settings: Settings) -> int:
    """`popcorn sync URL`: 0 when every post was read, 1 when some failed (the report names
    them), 2 when the site could not be read at all (one line)."""
    from rich.progress import Progress

    from bot.app import Popcorn
    from bot.db.locks import import_lock
    from bot.sync.http import FetchError, site_url
    from bot.sync.run import sync_site

    try:
        site = site_url(args.site)
    except FetchError as exc:
        raise CliError(str(exc)) from None
    app = await Popcorn.start(settings, seed=False)
    try:
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("reading the site", total=None)

            def report(stage: str, done: int, total: int) -> None:
                progress.update(task, description=stage, completed=done, total=total)

            async with import_lock(app.engine, _waiting_for("import or sync")):
                try:
                    result = await sync_site(
                        app,
                        site,
                        dry_run=args.dry_run,
                        overwrite_edits=args.overwrite_edits,
                        full=args.full,
                        progress=report,
                        reindex=False,  # the process ends here (as `popcorn import`)
                    )
                except FetchError as exc:
                    raise CliError(f"cannot sync {site}: {exc}") from None
        for line in result.lines():
            print(line)
        return 1 if result.failed else 0
    finally:
        await app.close()


def _write_file(path: Path, data: bytes) -> None:
    """Written beside, then moved into place: an interrupted export leaves no half zip."""
    if path.is_dir():
        raise CliError(f"cannot write the zip {path}: it is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


async def _db(args: argparse.Namespace, settings: Settings) -> int:
    from bot.db import migrate
    from bot.db.engine import create_engine

    engine = create_engine(settings.resolved_database_url)
    try:
        if args.action == "upgrade":
            await migrate.upgrade(engine)
        current = await migrate.current_revision(engine)
        print(f"schema revision: {current or 'none'} (latest: {migrate.head_revision()})")
        return 0
    finally:
        await engine.dispose()


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.discord_token is None:
        raise CliError(NO_TOKEN)
    from bot.discord_bot.runner import DiscordStartError, run_discord

    try:
        return await run_discord(settings)
    except DiscordStartError as exc:
        raise CliError(str(exc)) from None


async def _start(args: argparse.Namespace, settings: Settings) -> int:
    """The main job: on Discord when a token is set, else the offline chat."""
    if settings.discord_token is None:
        print(
            "No DISCORD_TOKEN set: starting the offline chat (see docs/operations.md).",
            file=sys.stderr,
        )
        args.message, args.json, args.moderator, args.attach = None, False, False, []
        args.not_owner = False
        return await _chat(args, settings)
    return await _run(args, settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="popcorn", description="Popcorn, the film-review Discord bot."
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("start", help="run on Discord if DISCORD_TOKEN is set, else the offline chat")
    sub.add_parser("run", help="connect to Discord (needs DISCORD_TOKEN)")
    chat = sub.add_parser("chat", help="talk to the bot offline, through the same pipeline")
    chat.add_argument("message", nargs="?", help="one message; without it, one per line from stdin")
    chat.add_argument(
        "--json", action="store_true", help="one JSON line of Discord payloads per input line"
    )
    chat.add_argument("--moderator", action="store_true", help="the author has moderator rights")
    chat.add_argument(
        "--not-owner",
        action="store_true",
        help="with --moderator: a moderator who is not the server owner",
    )
    chat.add_argument(
        "--attach",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="attach a file to the message",
    )
    imp = sub.add_parser(
        "import", help="load record files, folders of them, CSV catalogs, or an export's zip"
    )
    imp.add_argument("paths", nargs="+", type=Path)
    imp.add_argument(
        "--overwrite-edits",
        action="store_true",
        help="for a WordPress export (.xml): also replace reviews moderators changed in Discord "
        "since they were last imported or synced (without it they are kept, and said); record "
        "files, catalogs and zips always replace",
    )
    exp = sub.add_parser(
        "export", help="write the database out as record files (a folder, or a .zip)"
    )
    exp.add_argument("directory", type=Path, metavar="folder-or-zip")
    syn = sub.add_parser(
        "sync", help="read a WordPress site's reviews (its REST API, or its RSS feed)"
    )
    syn.add_argument("site", metavar="URL", help="the site, e.g. https://site.example/")
    syn.add_argument("--dry-run", action="store_true", help="show the report, write nothing")
    syn.add_argument(
        "--full",
        action="store_true",
        help="read every post, not only those modified since the last sync",
    )
    syn.add_argument(
        "--overwrite-edits",
        action="store_true",
        help="take the site's version of reviews moderators changed in Discord",
    )
    db = sub.add_parser("db", help="database schema: upgrade or show the revision")
    db.add_argument("action", choices=["upgrade", "current"])
    return parser


COMMANDS = {
    "start": _start,
    "run": _run,
    "chat": _chat,
    "import": _import,
    "export": _export,
    "sync": _sync,
    "db": _db,
}


async def _settle_sqlite_threads(limit: float = 5.0) -> None:
    """Let aiosqlite's worker threads finish while the event loop still runs: a connection that
    failed to open stops its thread without waiting for it, and the thread then reports to a
    closed loop (a traceback on the terminal) if asyncio.run() has already returned."""
    try:
        from aiosqlite.core import _connection_worker_thread
    except ImportError:  # pragma: no cover - aiosqlite always comes with the bot
        return
    for _ in range(int(limit * 100)):
        if not any(
            getattr(thread, "_target", None) is _connection_worker_thread
            for thread in threading.enumerate()
        ):
            return
        await asyncio.sleep(0.01)


async def _run_command(command: str, args: argparse.Namespace, settings: Settings) -> int:
    try:
        return await COMMANDS[command](args, settings)
    except Exception:
        await _settle_sqlite_threads()
        raise


def _database_setting(settings: Settings | None) -> tuple[str, str]:
    """The setting that names the database in use, and the database as the user wrote it."""
    if settings is None or settings.database_url:
        url = settings.database_url if settings is not None else None
        if not url:
            return "DATABASE_URL", "DATABASE_URL"
        parsed = make_url(url)
        where = url if parsed.password is None else parsed.render_as_string(hide_password=True)
        return "DATABASE_URL", where
    return "POPCORN_DB_PATH", str(settings.db_path)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "start"
    settings: Settings | None = None
    try:
        settings = _settings()
        quiet = command in ("chat", "start") and settings.discord_token is None
        _setup_logging(settings.log_level, quiet or command in ("import", "export", "db", "sync"))
        return asyncio.run(_run_command(command, args, settings))
    except (CliError, RecordError, DatabaseUrlError) as exc:
        print(f"popcorn: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("POPCORN_DEBUG") or not is_database_error(exc):
            raise
        setting, where = _database_setting(settings)
        print(f"popcorn: {startup_message(exc, setting, where)}", file=sys.stderr)
        return 1
    except OSError as exc:
        if os.environ.get("POPCORN_DEBUG"):
            raise
        print(f"popcorn: {exc}", file=sys.stderr)
        return 1
