"""Tests mirror bot/ one to one (issue 11, item 6): the tests of bot/<path>/<module>.py are in
tests/<path>/test_<module>.py (a private `_module.py` is tested in `test_module.py`). A module
whose tests live elsewhere today is listed in TESTED_ELSEWHERE with where they are; an entry
goes when its tests move to the mirrored path (a test below says so)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import REPO

BOT = REPO / "bot"
TESTS = REPO / "tests"
#: Not modules to test on their own: package markers, the entry point, the migration scripts.
NOT_MODULES = ("__init__.py", "__main__.py")
NOT_PACKAGES = ("migrations",)

#: bot module -> where its tests are today. The current gaps, to be moved (the moves are
#: proposed in issue 11's item 6 report); do not add a module here that could have its file.
TESTED_ELSEWHERE: dict[str, str] = {
    # -- bot/answers -------------------------------------------------------------------------
    "answers/context.py": "a dataclass every answer test builds through Popcorn.context",
    "answers/types.py": "plain dataclasses, built and compared by every answer test",
    # -- bot (top level) ---------------------------------------------------------------------
    "app.py": "tests/db/test_storage.py, tests/db/test_migrations.py and every answer test",
    "cli.py": "tests/chat/test_chat_cli.py, tests/chat/test_cli_faults.py, "
    "tests/db/test_concurrent_import.py (subprocesses)",
    "config.py": "tests/test_docs.py (every setting documented), tests/answers/test_progress.py",
    # -- bot/chat ----------------------------------------------------------------------------
    "chat/console.py": "tests/chat/test_chat_cli.py, tests/chat/test_chat_limits.py, "
    "tests/answers/test_reading.py",
    "chat/interactions.py": "tests/chat/test_chat_cli.py (:press, menus)",
    "chat/terminal.py": "tests/chat/test_chat_cli.py (the readable mode)",
    # -- bot/db ------------------------------------------------------------------------------
    "db/bulk.py": "tests/db/test_streamed_import.py, tests/db/test_storage.py",
    "db/changes.py": "tests/answers/moderation/test_pending.py, tests/db/test_nothing_lost.py",
    "db/engine.py": "tests/db/test_migrations.py, tests/db/test_concurrent_import.py",
    "db/exporter.py": "tests/db/test_storage.py (export/import round trip), "
    "tests/answers/moderation/test_exporting.py",
    "db/faults.py": "tests/db/test_db_faults.py",
    "db/feed.py": "tests/db/test_change_feed.py",
    "db/importer.py": "tests/db/test_streamed_import.py, tests/db/test_storage.py",
    "db/locks.py": "tests/db/test_concurrent_import.py",
    "db/migrate.py": "tests/db/test_migrations.py",
    "db/queries.py": "tests/answers/test_people.py, tests/answers/test_reading.py",
    "db/rankings.py": "tests/answers/test_rankings.py",
    "db/scratch.py": "tests/scratch_pool.py (the tests' pool), tests/db/test_scratch_reuse.py",
    "db/urls.py": "tests/conftest.py, tests/db/test_streamed_import.py",
    # -- bot/records -------------------------------------------------------------------------
    "records/files.py": "tests/records/test_bad_files.py, tests/records/test_record_schema.py, "
    "tests/records/test_cast_complete.py",
    "records/schema.py": "tests/records/test_record_schema.py",
    # -- bot/search --------------------------------------------------------------------------
    "search/_scoring.py": "tests/search/test_index.py, tests/search/test_typos_and_edits.py",
    "search/_table.py": "tests/search/test_index.py",
    "search/_vocab.py": "tests/search/test_typos_and_edits.py",
    "search/_words.py": "tests/search/test_index.py, tests/search/test_names_people_type.py",
    "search/models.py": "plain dataclasses (FilmDoc, PersonDoc, matches), tests/search/*",
}


def bot_modules() -> list[str]:
    """Every module of bot/ that should have tests, as a path under bot/."""
    modules = []
    for path in sorted(BOT.rglob("*.py")):
        relative = path.relative_to(BOT)
        if path.name in NOT_MODULES or any(part in NOT_PACKAGES for part in relative.parts):
            continue
        modules.append(relative.as_posix())
    return modules


def mirrored(module: str) -> Path:
    """Where the tests of bot/<module> belong: tests/<its folder>/test_<its name>.py."""
    path = Path(module)
    return TESTS / path.parent / f"test_{path.stem.lstrip('_')}.py"


def test_the_mirror_rule() -> None:
    assert mirrored("answers/questions/intents.py") == (
        TESTS / "answers" / "questions" / "test_intents.py"
    )
    assert mirrored("app.py") == TESTS / "test_app.py"
    assert mirrored("search/_vocab.py") == TESTS / "search" / "test_vocab.py"
    assert "answers/questions/intents.py" in bot_modules()
    assert not [m for m in bot_modules() if m.startswith("db/migrations/")]
    assert not [m for m in bot_modules() if m.endswith(NOT_MODULES)]


def test_every_bot_module_has_its_test_module_or_says_where_it_is_tested() -> None:
    missing = [
        f"bot/{module} -> {mirrored(module).relative_to(REPO)}"
        for module in bot_modules()
        if not mirrored(module).exists() and module not in TESTED_ELSEWHERE
    ]
    assert not missing, (
        "modules without tests at the mirrored path (add the test file there, or say in "
        "TESTED_ELSEWHERE where they are tested):\n" + "\n".join(missing)
    )


def test_the_list_of_modules_tested_elsewhere_is_current() -> None:
    modules = set(bot_modules())
    gone = sorted(module for module in TESTED_ELSEWHERE if module not in modules)
    moved = sorted(module for module in TESTED_ELSEWHERE if mirrored(module).exists())
    assert not gone, f"no such module in bot/ any more: {gone}"
    assert not moved, f"tested at the mirrored path now, take them off TESTED_ELSEWHERE: {moved}"
