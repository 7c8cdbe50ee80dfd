"""A reusable check that a message payload stays within Discord's limits (DESIGN.md) and pings
no one. Not a test module: import it.

    from tests.discord_bot.limits_check import assert_within_limits
    assert_within_limits(render(answer).payload())   # or a Reply, or a list of payloads
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000  # all text in all embeds of one message
EMBEDS = 10
ACTION_ROWS = 5
ROW_ITEMS = 5
BUTTON_LABEL = 80
SELECT_OPTIONS = 25
SELECT_OPTION_TEXT = 100
SELECT_PLACEHOLDER = 150
CUSTOM_ID = 100
URL_LENGTH = 512

ACTION_ROW, BUTTON, SELECT = 1, 2, 3
LINK_STYLE = 5


def is_http_url(url: object) -> bool:
    if not isinstance(url, str) or len(url) > URL_LENGTH or any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def embed_text_length(embed: Mapping[str, Any]) -> int:
    """What Discord counts toward the 6,000 total: title, description, field names and
    values, footer text and author name."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    for item in embed.get("fields") or []:
        total += len(item.get("name") or "") + len(item.get("value") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    return total


def limit_problems(payload: Mapping[str, Any]) -> list[str]:
    """Every way the payload breaks a Discord limit (empty when it is fine)."""
    problems: list[str] = []

    def check(ok: bool, message: str) -> None:
        if not ok:
            problems.append(message)

    content = payload.get("content")
    embeds = payload.get("embeds") or []
    components = payload.get("components") or []
    check(content is None or isinstance(content, str), "content is not text")
    check(len(content or "") <= CONTENT, f"content has {len(content or '')} > {CONTENT} chars")
    check(bool((content or "").strip()) or bool(embeds), "an empty message (no content, no embed)")
    check(len(embeds) <= EMBEDS, f"{len(embeds)} > {EMBEDS} embeds")

    total = 0
    for n, embed in enumerate(embeds):
        where = f"embed {n}"
        title = embed.get("title") or ""
        description = embed.get("description") or ""
        check(len(title) <= EMBED_TITLE, f"{where} title has {len(title)} > {EMBED_TITLE}")
        check(
            len(description) <= EMBED_DESCRIPTION,
            f"{where} description has {len(description)} > {EMBED_DESCRIPTION}",
        )
        if embed.get("url") is not None:
            check(is_http_url(embed["url"]), f"{where} url {embed['url']!r} is not http(s)")
        for image in ("thumbnail", "image"):
            if embed.get(image) is not None:
                url = (embed.get(image) or {}).get("url")
                check(is_http_url(url), f"{where} {image} {url!r} is not http(s)")
        fields = embed.get("fields") or []
        check(len(fields) <= EMBED_FIELDS, f"{where} has {len(fields)} > {EMBED_FIELDS} fields")
        for i, item in enumerate(fields):
            name, value = item.get("name") or "", item.get("value") or ""
            check(0 < len(name) <= FIELD_NAME, f"{where} field {i} name has {len(name)} chars")
            check(0 < len(value) <= FIELD_VALUE, f"{where} field {i} value has {len(value)} chars")
        footer = (embed.get("footer") or {}).get("text") or ""
        check(len(footer) <= FOOTER, f"{where} footer has {len(footer)} > {FOOTER}")
        author = (embed.get("author") or {}).get("name") or ""
        check(len(author) <= AUTHOR, f"{where} author has {len(author)} > {AUTHOR}")
        total += embed_text_length(embed)
    check(total <= EMBED_TOTAL, f"embeds hold {total} > {EMBED_TOTAL} chars in all")

    check(len(components) <= ACTION_ROWS, f"{len(components)} > {ACTION_ROWS} action rows")
    for r, row in enumerate(components):
        check(row.get("type") == ACTION_ROW, f"component {r} is not an action row")
        items = row.get("components") or []
        check(0 < len(items) <= ROW_ITEMS, f"row {r} holds {len(items)} items")
        selects = [item for item in items if item.get("type") == SELECT]
        check(not selects or len(items) == 1, f"row {r}: a select menu must be alone in its row")
        for item in items:
            where = f"row {r} item {item.get('label') or item.get('custom_id')!r}"
            if item.get("type") == BUTTON:
                label = item.get("label") or ""
                check(len(label) <= BUTTON_LABEL, f"{where} label has {len(label)} chars")
                check(bool(label) or "emoji" in item, f"{where} has neither label nor emoji")
                if item.get("style") == LINK_STYLE:
                    check(is_http_url(item.get("url")), f"{where} url is not http(s)")
                    check("custom_id" not in item, f"{where} is a link with a custom_id")
                else:
                    check("url" not in item, f"{where} has a url but is not a link button")
                    custom_id = item.get("custom_id") or ""
                    check(0 < len(custom_id) <= CUSTOM_ID, f"{where} custom_id length")
            elif item.get("type") == SELECT:
                options = item.get("options") or []
                check(0 < len(options) <= SELECT_OPTIONS, f"{where} has {len(options)} options")
                for option in options:
                    label = option.get("label") or ""
                    check(0 < len(label) <= SELECT_OPTION_TEXT, f"{where} option label length")
                    check(
                        len(option.get("description") or "") <= SELECT_OPTION_TEXT,
                        f"{where} option description length",
                    )
                    check(
                        len(option.get("value") or "") <= SELECT_OPTION_TEXT,
                        f"{where} option value length",
                    )
                check(
                    len(item.get("placeholder") or "") <= SELECT_PLACEHOLDER,
                    f"{where} placeholder length",
                )
            else:
                problems.append(f"{where}: unexpected component type {item.get('type')!r}")

    mentions = payload.get("allowed_mentions")
    if not isinstance(mentions, Mapping):
        problems.append("no allowed_mentions: Discord would ping whatever the text mentions")
    else:
        check(mentions.get("parse") == [], f"allowed_mentions.parse is {mentions.get('parse')!r}")
        check(not mentions.get("users"), "allowed_mentions lists users")
        check(not mentions.get("roles"), "allowed_mentions lists roles")
        check(not mentions.get("replied_user"), "allowed_mentions pings the replied user")
    return problems


def assert_within_limits(payload: Any) -> None:
    """Fail with every broken limit listed. Takes a payload dict, a Reply (anything with a
    `payload()` method) or a list of them (the `popcorn chat --json` line)."""
    if isinstance(payload, Sequence) and not isinstance(payload, str | bytes):
        for item in payload:
            assert_within_limits(item)
        return
    if hasattr(payload, "payload") and callable(payload.payload):
        payload = payload.payload()
    assert isinstance(payload, Mapping), f"not a payload: {payload!r}"
    assert set(payload) >= {"content", "embeds", "components", "allowed_mentions"}, sorted(payload)
    problems = limit_problems(payload)
    assert not problems, "Discord would reject this message:\n- " + "\n- ".join(problems)


__all__ = ["assert_within_limits", "embed_text_length", "is_http_url", "limit_problems"]
