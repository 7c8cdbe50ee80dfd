"""Small pure text helpers shared by answers and renderers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ELLIPSIS = "…"
_MARKDOWN = re.compile(r"([\\*_`~|>\[\]()#])")
_EMPHASIS = re.compile(r"([\\*_`~|])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # become spaces
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")  # vanish


def clip(text: str, limit: int) -> str:
    """Cut to at most `limit` characters, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def clean_input(text: str) -> str:
    """What a member typed, made safe to parse: NFC, no control or bidi characters, one line."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_CONTROL.sub(" ", _INVISIBLE.sub("", text)).split())


def echo(text: str, limit: int = 80) -> str:
    """A member's own words quoted back: clipped, markdown and mentions defused."""
    text = clip(clean_input(text), limit)
    return _MARKDOWN.sub(r"\\\1", text).replace("@", "@\u200b")


def emphasised(text: str, limit: int = 150) -> str:
    """`*text*` in Discord markdown, for names the bot holds (a title with a `*` or `_`
    stays whole; parentheses and brackets need no escape inside emphasis)."""
    text = clip(clean_input(text), limit)
    return "*" + _EMPHASIS.sub(r"\\\1", text).replace("@", "@\u200b") + "*"


def film_label(title: str, year: int | None, limit: int | None = None) -> str:
    """`Face/Off (1997)`; with a limit the title is shortened, never the year, so two films
    of the same long title still look different."""
    suffix = f" ({year})" if year else ""
    if limit is not None:
        title = clip(title, max(limit - len(suffix), 1))
    return title + suffix


def human_date(day: dt.date | None) -> str | None:
    return f"{day.day} {day:%B %Y}" if day else None


def human_list(items: list[str], conjunction: str = "and") -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"
