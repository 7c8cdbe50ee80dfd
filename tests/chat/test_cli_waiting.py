"""bot/cli.py: what `popcorn import` and `popcorn sync` print while another process holds the
import lock (one helper, the writers named as each command names them)."""

from __future__ import annotations

import pytest

from bot.cli import _waiting_for


@pytest.mark.parametrize(
    ("what", "line"),
    [
        (
            "import",
            "popcorn: another import into this database is running: waiting for it to finish.\n",
        ),
        (
            "import or sync",
            "popcorn: another import or sync into this database is running: waiting for it "
            "to finish.\n",
        ),
    ],
)
def test_the_waiting_line(what: str, line: str, capsys: pytest.CaptureFixture[str]) -> None:
    _waiting_for(what)()
    out, err = capsys.readouterr()
    assert (out, err) == ("", line)
