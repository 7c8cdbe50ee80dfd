"""Discord's limits (bot/discord_bot/limits.py) as the tests' checker (limits_check.py) applies
them: it catches every kind of broken payload."""

from __future__ import annotations

from typing import Any

import pytest

from tests.discord_bot.limits_check import assert_within_limits, limit_problems


def test_checker_catches_broken_payloads() -> None:
    ok: dict[str, Any] = {
        "content": "hi",
        "embeds": [],
        "components": [],
        "allowed_mentions": {"parse": []},
    }
    assert limit_problems(ok) == []
    bad = [
        {**ok, "content": "x" * 2001},
        {**ok, "content": None},
        {**ok, "allowed_mentions": {"parse": ["everyone"]}},
        {**ok, "allowed_mentions": None},
        {**ok, "embeds": [{"title": "t" * 257}]},
        {**ok, "embeds": [{"description": "d" * 4097}]},
        {**ok, "embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]},
        {**ok, "embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]},
        {**ok, "embeds": [{"fields": [{"name": "", "value": "v"}]}]},
        {**ok, "embeds": [{"footer": {"text": "f" * 2049}}]},
        {**ok, "embeds": [{"description": "d" * 4000}, {"description": "d" * 2001}]},
        {**ok, "embeds": [{"title": "t"}] * 11},
        {**ok, "components": [{"type": 1, "components": [link("x")]}] * 6},
        {**ok, "components": [{"type": 1, "components": [link("x")] * 6}]},
        {**ok, "components": [{"type": 1, "components": [link("x" * 81)]}]},
        {**ok, "components": [{"type": 1, "components": [link("x", "javascript:alert(1)")]}]},
    ]
    for payload in bad:
        assert limit_problems(payload), payload
        with pytest.raises(AssertionError):
            assert_within_limits(payload)


def link(label: str, url: str = "https://example.com") -> dict[str, Any]:
    return {"type": 2, "style": 5, "label": label, "url": url}
