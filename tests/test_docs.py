"""README.md and docs/*.md kept true: every example runs and prints what the page shows, and
every make target, `popcorn` sub-command, environment variable, path and link the pages name
exists. The examples' form is described in docs/README.md ("Examples are tested")."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.app import Popcorn
from bot.config import Settings
from tests.docs.markdown import (
    CHAT,
    CLI,
    DOCS,
    Example,
    all_examples,
    examples,
    fenced_blocks,
    normalised,
    page_name,
    pages,
    transcript,
)
from tests.docs.running import (
    COLUMNS,
    UNSET,
    cli_environment,
    cli_outputs,
    prepare_workdir,
    run_chat_example,
    run_member_example,
    start_app,
)
from tests.helpers import REPO
from tests.processes import run_bot, run_module

README = REPO / "README.md"
README_LIMIT = 8 * 1024  # bytes: read in five minutes
#: The pages of docs/ (issue 11, item 7): README.md is their index.
DOC_PAGES = (
    "README.md",
    "benchmark.md",
    "commands.md",
    "data.md",
    "moderators.md",
    "operations.md",
)
#: Environment variables the pages may name that are not settings, and the file that reads each.
OTHER_VARIABLES = {
    "POPCORN_TEST_POSTGRES_URL": REPO / "tests" / "helpers.py",
    "POPCORN_TEST_SUBPROCESS": REPO / "tests" / "processes.py",
    "POPCORN_TEST_OWN_SQL_CACHE": REPO / "tests" / "sql_cache.py",
    "POPCORN_BENCH_POSTGRES_URL": REPO / "bench" / "run.py",
    "POPCORN_DEBUG": REPO / "bot" / "cli.py",
}
VARIABLE = re.compile(r"\b(?:DISCORD_TOKEN|DATABASE_URL|POPCORN_[A-Z0-9_]*[A-Z0-9])\b")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
REPO_PATH = re.compile(r"^(?:bot|tests|bench|data|docs|\.ci)/[\w./-]*$")
SUBCOMMAND = re.compile(r"(?<![\w.-])popcorn(?=[ \t]+([a-z][\w-]*))")
MAKE_TARGET = re.compile(r"(?<![\w.-])make[ \t]+([a-z][\w-]*)")
LAYOUT_HEADING = "## Layout"


def text_of(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def code_of(page: Path) -> Iterator[str]:
    """The page's code: fenced blocks, then inline code spans of the prose."""
    text = text_of(page)
    for block in fenced_blocks(text):
        yield "\n".join(block.lines)
    prose = re.sub(r"^(```+|~~~+).*?^\1[ \t]*$", "", text, flags=re.M | re.S)
    for match in INLINE_CODE.finditer(prose):
        yield match.group(2)


def by_name(found: list[Example]) -> list[object]:
    return [pytest.param(example, id=example.name) for example in found]


# --- the examples ----------------------------------------------------------------------------


@pytest.fixture
def seeded(seeded_sqlite: Path) -> Path:
    """One database loaded from data/ (the session's, tests/conftest.py: as seed_database
    makes it, by the same first `Popcorn.start`); each chat example runs on its own copy."""
    return seeded_sqlite


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", COLUMNS)
    return prepare_workdir(tmp_path / "work")


def test_the_pages_are_there() -> None:
    assert sorted(p.name for p in DOCS.glob("*.md")) == sorted(DOC_PAGES)


def test_every_page_with_commands_has_examples() -> None:
    for name in ("README.md", "docs/commands.md", "docs/moderators.md", "docs/data.md"):
        assert examples(REPO / name), f"{name} has no tested example"
    assert any(e.kind == CHAT for e in examples(README))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def members_app(
    seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    """One app on a copy of the seeded database for the module's members' blocks (they only
    read); a --moderator block gets a copy of its own."""
    database = tmp_path_factory.mktemp("docs-members") / "members.sqlite3"
    shutil.copyfile(seeded_sqlite, database)
    with pytest.MonkeyPatch.context() as unset:  # started as `workdir` has it, as the others
        for name in UNSET:
            unset.delenv(name, raising=False)
        app = await start_app(database)
    try:
        yield app
    finally:
        await app.close()


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("example", by_name(all_examples(CHAT)))
async def test_chat_example(
    example: Example, seeded: Path, workdir: Path, members_app: Popcorn
) -> None:
    """A `popcorn-chat` block: one `popcorn chat` session, reply by reply."""
    if example.moderator:
        outputs = await run_chat_example(example, seeded, workdir)
    else:
        outputs = await run_member_example(members_app, example, workdir)
    shown = normalised(example.block.lines)
    assert normalised(transcript(example, outputs)) == shown, (
        f"{example.name}: the real output differs (python -m tests.docs.regenerate rewrites it)"
    )


def cli_pages() -> list[object]:
    return [
        pytest.param(page, id=page_name(page))
        for page in pages()
        if any(example.kind == CLI for example in examples(page))
    ]


@pytest.mark.parametrize("page", cli_pages())
def test_cli_examples(page: Path, workdir: Path) -> None:
    """A page's `popcorn-cli` lines, in order, in one process: output and exit code."""
    found = [example for example in examples(page) if example.kind == CLI]
    results = cli_outputs(found, workdir)
    for example, steps in zip(found, results, strict=True):
        outputs = [result.output for result in steps]
        assert normalised(transcript(example, outputs)) == normalised(example.block.lines), (
            f"{example.name}: the real output differs (python -m tests.docs.regenerate)"
        )
        for step, result in zip(example.steps, steps, strict=True):
            assert result.exit_code == step.exit_code, f"{example.name}: `{step.typed}`"


def test_a_wrong_example_fails(seeded: Path, workdir: Path) -> None:
    """The comparison is real: an example showing another reply does not pass."""
    page = workdir / "wrong.md"
    page.write_text(
        "```popcorn-chat\n> !cage 1985\nNo Nicolas Cage films from 1986 in the database.\n```\n"
        "```popcorn-cli\n$ popcorn chat '!cage 1985'  # exit code 1\n"
        "No Nicolas Cage films from 1985 in the database.\n```\n",
        encoding="utf-8",
    )
    chat, cli = examples(page)
    outputs = asyncio.run(run_chat_example(chat, seeded, workdir))
    assert normalised(transcript(chat, outputs)) != normalised(chat.block.lines)
    reply = "No Nicolas Cage films from 1985 in the database."
    assert [normalised(output.splitlines()) for output in outputs] == [reply]
    ((result,),) = cli_outputs([cli], workdir)
    assert normalised(result.output.splitlines()) == reply
    assert result.exit_code == 0 != cli.steps[0].exit_code


# --- what the pages name exists --------------------------------------------------------------


def test_make_targets_exist() -> None:
    makefile = text_of(REPO / "Makefile")
    targets = set(re.findall(r"^([\w-]+)\s*:(?!=)", makefile, flags=re.M))
    named = {
        (page_name(page), target)
        for page in pages()
        for code in code_of(page)
        for target in MAKE_TARGET.findall(code)
    }
    assert {("README.md", "run"), ("README.md", "test")} <= named
    assert [(page, t) for page, t in sorted(named) if t not in targets] == []
    assert "make test" in text_of(REPO / ".ci" / "run")


def popcorn_subcommands() -> set[str]:
    """The sub-commands `popcorn --help` lists: `{start,run,chat,...}`."""
    result = run_bot(["--help"], cwd=REPO, env=cli_environment(REPO), timeout=60)
    assert result.returncode == 0, result.stderr
    choices = re.search(r"\{([\w,]+)\}", result.stdout)
    assert choices, result.stdout
    return set(choices.group(1).split(","))


def test_popcorn_subcommands_exist() -> None:
    subcommands = popcorn_subcommands()
    named = {
        (page_name(page), word)
        for page in pages()
        for code in code_of(page)
        for word in SUBCOMMAND.findall(code)
        if word != "popcorn"  # `docker run ... popcorn popcorn chat`: the image, then the command
    }
    assert {w for _, w in named} >= {"start", "chat", "import", "export", "run", "db"}
    assert [(page, w) for page, w in sorted(named) if w not in subcommands] == []


def settings_variables() -> set[str]:
    return {str(field.alias) for field in Settings.model_fields.values() if field.alias}


def test_environment_variables_exist() -> None:
    settings = settings_variables()
    named = {
        (page_name(page), name) for page in pages() for name in VARIABLE.findall(text_of(page))
    }
    unknown = [(p, n) for p, n in sorted(named) if n not in settings and n not in OTHER_VARIABLES]
    assert unknown == []
    for name, reader in OTHER_VARIABLES.items():
        assert name in reader.read_text(encoding="utf-8"), f"{reader} does not read {name}"


def shown_default(value: object) -> str:
    """A setting's default as the table writes it: `unset`, `false`, `10`, `data/`."""
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Path) and value.is_absolute():
        return f"{value.relative_to(REPO).as_posix()}/"  # the repository's data/
    return str(value)


def test_readme_configuration_table_lists_every_setting() -> None:
    """One row per setting of bot/config.py, with its default."""
    text = text_of(README)
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| `?([^|`]+?)`? \|", section, flags=re.M))
    defaults = {
        str(field.alias): shown_default(field.default)
        for field in Settings.model_fields.values()
        if field.alias
    }
    assert rows == defaults


def resolves(page: Path, target: str) -> bool:
    """A relative link's file exists, and the heading its `#anchor` names."""
    path, _, anchor = target.partition("#")
    linked = (page.parent / path).resolve() if path else page
    if not linked.exists():
        return False
    return not anchor or linked.suffix != ".md" or anchor in anchors(linked)


def test_relative_links_resolve() -> None:
    broken = [
        (page_name(page), target)
        for page in pages()
        for target in LINK.findall(text_of(page))
        if not re.match(r"^[a-z]+:", target) and not resolves(page, target)  # not https:
    ]
    assert broken == []


def anchors(page: Path) -> set[str]:
    """GitHub's anchors of the page's headings: lower case, punctuation dropped, dashes."""
    headings = [
        line.lstrip("#").strip()
        for line in text_of(page).splitlines()
        if re.match(r"^#{1,6} ", line)
    ]
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


def test_paths_named_exist() -> None:
    missing = [
        (page_name(page), code)
        for page in pages()
        for code in code_of(page)
        if REPO_PATH.match(code) and not (REPO / code.rstrip("/")).exists()
    ]
    assert missing == []


def packages() -> set[str]:
    return {
        f"{init.parent.relative_to(REPO).as_posix()}/"
        for init in (REPO / "bot").rglob("__init__.py")
        if init.parent != REPO / "bot"
    }


def test_layout_names_every_package() -> None:
    """The README's layout has one line per package under bot/, no more, no fewer."""
    section = text_of(README).split(LAYOUT_HEADING, 1)[1].split("\n## ", 1)[0]
    (block,) = [b for b in fenced_blocks(section) if b.lines and b.lines[0].startswith("bot/")]
    listed = [line.split()[0] for line in block.lines if line.startswith("bot/")]
    assert len(listed) == len(set(listed))
    assert {path for path in listed if path.endswith("/")} == packages()
    for path in listed:
        assert (REPO / path.rstrip("/")).exists(), path


IDENTIFIER = re.compile(r"^@?([A-Za-z_]\w*)$")


def where_things_go() -> list[str]:
    """The README's bullets saying where to add a command, a question kind, ..."""
    listed = text_of(README).split("Where things go:\n\n", 1)[1].split("\n\n", 1)[0]
    return [bullet for bullet in re.split(r"^- ", listed, flags=re.M) if bullet.strip()]


def test_where_things_go_names_what_is_there() -> None:
    """Each name a bullet gives (`COMMANDS`, `Intent`, `@handles`) is in a file it names."""
    bullets = where_things_go()
    assert [re.findall(r"^\*\*(.+?)\*\*", b) for b in bullets] == [
        ["a command"],
        ["a question kind"],
        ["a moderator action"],
        ["a record field"],
    ]
    for bullet in bullets:
        spans = INLINE_CODE.findall(bullet)
        paths = [REPO / code for _, code in spans if REPO_PATH.match(code)]
        sources = [
            source.read_text(encoding="utf-8")
            for path in paths
            for source in ([path] if path.is_file() else sorted(path.rglob("*.py")))
        ]
        for _, code in spans:
            name = IDENTIFIER.match(code)
            if name and not REPO_PATH.match(code):
                assert any(re.search(rf"\b{name.group(1)}\b", s) for s in sources), code


def test_moderators_guide_lists_the_editable_fields() -> None:
    """`!review set`'s fields in docs/moderators.md are the ones it takes, in its order."""
    from bot.answers.moderation.arguments import EDITABLE

    (listed,) = re.findall(r"Fields: ([\w, ]+)", text_of(DOCS / "moderators.md"))
    assert [name.strip() for name in listed.split(",")] == list(EDITABLE)


def test_every_command_is_documented() -> None:
    """Each command of the table, and each alias, is in the reference (members' commands in
    docs/commands.md, moderators' in docs/moderators.md) and in the README's taste."""
    from bot.answers.commands import COMMANDS, MODERATOR_COMMANDS

    reference = text_of(DOCS / "commands.md")
    guide = text_of(DOCS / "moderators.md")
    readme = text_of(README)
    for spec in COMMANDS:
        for word in (spec.words, *spec.aliases):
            assert f"`!{word}" in reference, f"!{word} is not in docs/commands.md"
        assert f"!{spec.words}" in readme, f"!{spec.words} is not in the README"
    for spec in MODERATOR_COMMANDS:
        assert f"`!{spec.words}" in guide, f"!{spec.words} is not in docs/moderators.md"


def test_slash_commands_listed_are_the_table() -> None:
    """docs/operations.md lists one slash command per member command, in the table's order,
    with the options the Discord layer gives it."""
    from bot.answers.commands import COMMANDS
    from bot.discord_bot.cogs.films import member_commands

    paragraph = text_of(DOCS / "operations.md").split("also a slash command", 1)[1]
    listed = re.findall(r"`/([a-z]+)((?: [a-z]+:)*)`", paragraph.split(";", 1)[0])
    assert [name for name, _ in listed] == [spec.name for spec in COMMANDS]
    options = {c.name: [p.display_name for p in c.parameters] for c in member_commands()}
    assert {name: re.findall(r"([a-z]+):", words) for name, words in listed} == options


def test_readme_is_short() -> None:
    assert len(README.read_bytes()) <= README_LIMIT


def test_benchmark_page_holds_the_last_run() -> None:
    """docs/benchmark.md shows bench/last-run.md as the benchmark last wrote it."""
    last_run = text_of(REPO / "bench" / "last-run.md").strip()
    assert last_run in text_of(DOCS / "benchmark.md")


def test_benchmark_options_exist() -> None:
    page = text_of(DOCS / "benchmark.md")
    for module in ("bench", "bench.bigimport"):
        result = run_module(module, ["--help"], cwd=REPO, env=cli_environment(REPO), timeout=60)
        assert result.returncode == 0, result.stderr
        commands = re.findall(rf"python -m {re.escape(module)}(?![\w.])[^`\n]*", page)
        assert commands, f"docs/benchmark.md never runs `python -m {module}`"
        for command in commands:
            for option in re.findall(r"(--[a-z][\w-]*)", command):
                assert option in result.stdout, f"`{command}`: {option} is not an option"
