"""`python -m tests.docs.regenerate [PAGE...]`: rewrite the expected output of every example
in README.md and docs/*.md (or of the pages named) from the real output. Read the diff before
committing it: a changed reply may be a bug, not a doc to update."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from tests.docs.markdown import CHAT, CLI, Example, examples, page_name, pages, transcript
from tests.docs.running import (
    COLUMNS,
    UNSET,
    cli_outputs,
    prepare_workdir,
    run_chat_example,
    seed_database,
)


def outputs_of(page: Path, seeded: Path, scratch: Path) -> dict[int, list[str]]:
    """Each example's real outputs, by the index of its block's first line."""
    found = examples(page)
    workdir = prepare_workdir(scratch / page.stem)
    outputs = {
        example.block.first: asyncio.run(run_chat_example(example, seeded, workdir))
        for example in found
        if example.kind == CHAT
    }
    cli = [example for example in found if example.kind == CLI]
    if cli:
        results = cli_outputs(cli, prepare_workdir(scratch / f"{page.stem}-cli"))
        for example, steps in zip(cli, results, strict=True):
            outputs[example.block.first] = [step.output for step in steps]
    return outputs


def regenerate(page: Path, seeded: Path, scratch: Path) -> bool:
    """Rewrite the page's examples; whether anything changed."""
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines()
    outputs = outputs_of(page, seeded, scratch)
    # From the last block up, so the earlier blocks' line numbers stay valid.
    for example in sorted(examples(page), key=lambda e: e.block.first, reverse=True):
        block: Example = example
        start = block.block.first
        lines[start : start + len(block.block.lines)] = transcript(block, outputs[start])
    new = "\n".join(lines) + "\n"
    if new != text:
        page.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str]) -> int:
    for name in UNSET:
        os.environ.pop(name, None)
    os.environ["COLUMNS"] = COLUMNS
    chosen = [Path(arg).resolve() for arg in argv] or pages()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        seeded = seed_database(scratch / "seeded.sqlite3")
        for page in chosen:
            changed = regenerate(page, seeded, scratch)
            print(f"{page_name(page)}: {'rewritten' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
