"""The pages and their examples, in the two forms docs/README.md's "Examples are tested"
describes:

- a fenced block ```` ```popcorn-chat ```` (or ```` ```popcorn-chat --moderator ````): one
  `popcorn chat` session; a line `> text` is a message typed, the lines after it are the reply
  drawn in the terminal (80 columns);
- a fenced block ```` ```popcorn-cli ````: a line `$ popcorn ARGS` (a `# comment` after it is
  allowed; `# exit code N` says the command exits with N, else 0) followed by what the command
  prints (stdout and stderr, in order).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import REPO

DOCS = REPO / "docs"
CHAT = "popcorn-chat"
CLI = "popcorn-cli"
MESSAGE = "> "
PROMPT = "$ "
EXIT_CODE = re.compile(r"exit code (\d+)")
FENCE = re.compile(r"^(```+|~~~+)\s*(.*)$")

#: What depends on when an example runs, compared as a placeholder on both sides: the
#: history's timestamps (`2026-11-30 13:45`) keep their width, so the drawing around them too.
VOLATILE = ((re.compile(r"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b"), "YYYY-MM-DD hh:mm"),)


def pages() -> list[Path]:
    """README.md and every page of docs/."""
    return [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def page_name(page: Path) -> str:
    return page.relative_to(REPO).as_posix()


@dataclass(frozen=True, slots=True)
class Block:
    """A fenced code block: its info string and its lines (`first` is the 0-based index of the
    first line inside the fence)."""

    info: str
    first: int
    lines: tuple[str, ...]


def fenced_blocks(text: str) -> Iterator[Block]:
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index].strip())
        if opening is None:
            index += 1
            continue
        fence, info = opening.groups()
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        yield Block(info.strip(), index + 1, tuple(lines[index + 1 : end]))
        index = end + 1


@dataclass(frozen=True, slots=True)
class Step:
    """One message typed (chat) or one command line (cli), and what it prints."""

    typed: str
    expected: tuple[str, ...]
    line: int  # 0-based, in the page

    @property
    def argv(self) -> list[str]:
        """A cli step's arguments after `popcorn`."""
        words = shlex.split(self.typed, comments=True)
        if not words or words[0] != "popcorn":
            raise ValueError(f"line {self.line + 1}: a {CLI} line is `$ popcorn ARGS`")
        return words[1:]

    @property
    def exit_code(self) -> int:
        _, _, comment = self.typed.partition(" #")
        found = EXIT_CODE.search(comment)
        return int(found.group(1)) if found else 0


@dataclass(frozen=True, slots=True)
class Example:
    page: Path
    kind: str  # CHAT or CLI
    options: tuple[str, ...]
    block: Block
    steps: tuple[Step, ...]

    @property
    def name(self) -> str:
        return f"{page_name(self.page)}:{self.block.first}"

    @property
    def moderator(self) -> bool:
        return "--moderator" in self.options


def _steps(block: Block, marker: str) -> tuple[Step, ...]:
    steps: list[Step] = []
    typed: str | None = None
    start = 0
    expected: list[str] = []
    for offset, line in enumerate(block.lines):
        if line.startswith(marker) or line == marker.strip():
            if typed is not None:
                steps.append(Step(typed, tuple(expected), start))
            typed, start, expected = line[len(marker) :], block.first + offset, []
        elif typed is None:
            if line.strip():
                raise ValueError(
                    f"line {block.first + offset + 1}: an example starts with `{marker}`"
                )
        else:
            expected.append(line)
    if typed is not None:
        steps.append(Step(typed, tuple(expected), start))
    return tuple(steps)


def examples(page: Path) -> list[Example]:
    found = []
    for block in fenced_blocks(page.read_text(encoding="utf-8")):
        kind, *options = block.info.split() or [""]
        if kind == CHAT:
            found.append(Example(page, kind, tuple(options), block, _steps(block, MESSAGE)))
        elif kind == CLI:
            found.append(Example(page, kind, tuple(options), block, _steps(block, PROMPT)))
    return found


def all_examples(kind: str) -> list[Example]:
    return [example for page in pages() for example in examples(page) if example.kind == kind]


def normalised(lines: list[str] | tuple[str, ...]) -> str:
    """Text to compare: trailing spaces and blank lines dropped, volatile parts replaced."""
    text = "\n".join(line.rstrip() for line in lines).rstrip("\n")
    for pattern, placeholder in VOLATILE:
        text = pattern.sub(placeholder, text)
    return text


def transcript(example: Example, outputs: list[str]) -> list[str]:
    """The block as it should read, with each step followed by its real output."""
    marker = MESSAGE if example.kind == CHAT else PROMPT
    lines: list[str] = []
    for step, output in zip(example.steps, outputs, strict=True):
        lines.append(marker + step.typed)
        lines.extend(line.rstrip() for line in output.rstrip("\n").splitlines())
    return lines
