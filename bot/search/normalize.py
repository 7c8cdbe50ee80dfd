"""Text normalisation for fuzzy film and person matching.

Everything here is total: any ``str`` (emoji, RTL marks, NUL, huge inputs)
produces a (possibly empty) key and never raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "TitleQuery",
    "compact",
    "has_article",
    "initialisms",
    "normalize_name",
    "normalize_title",
    "parse_title_query",
    "tokens_sorted",
]

# Apostrophes and quotes are deleted (not turned into spaces): "Wasn't" -> "wasnt".
_QUOTES = "'\"`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u02bb\u02bc"
# Combining marks (accents once NFKD has split them off) and format characters
# (zero-width space/joiners, BOM, bidi marks) are deleted outright.
_DROP_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cf"})
_ASCII_TABLE = str.maketrans({**dict.fromkeys(_QUOTES[:3], None), "&": " and "})
_UNICODE_TABLE = str.maketrans(
    {
        **dict.fromkeys(_QUOTES, None),
        "&": " and ",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
    }
)

_NON_WORD = re.compile(r"[\W_]+")
_HAS_WORD = re.compile(r"[^\W_]")
_TRAILING_ARTICLE = re.compile(r",\s*(?:the|an|a)[\W_]*$")
_ARTICLES = frozenset({"the", "a", "an"})
_ROMAN = {
    numeral: str(value)
    for value, numeral in enumerate(
        [
            "ii",
            "iii",
            "iv",
            "v",
            "vi",
            "vii",
            "viii",
            "ix",
            "x",
            "xi",
            "xii",
            "xiii",
            "xiv",
            "xv",
            "xvi",
            "xvii",
            "xviii",
            "xix",
            "xx",
        ],
        start=2,
    )
}

_PAREN_YEAR = re.compile(r"[(\[]\s*(\d{4})\s*[)\]]")
_TRAILING_YEAR = re.compile(r"(?<![^\W_])(\d{4})[\W_]*$")
_NOISE = re.compile(
    r"(?<![^\W_])(?:blu[\W_]*ray|reviews?|film|movie|dvd|4k)(?![^\W_])",
)
MIN_YEAR = 1888
MAX_YEAR = 2100


@dataclass(frozen=True, slots=True)
class TitleQuery:
    """A parsed film query: the normalised title key and an optional year."""

    text: str
    year: int | None


def _fold(text: str) -> str:
    """Case-fold, strip accents/quotes/invisible characters, spell out '&'."""
    if text.isascii():
        return text.lower().translate(_ASCII_TABLE)
    # Quotes go before NFKD, which would turn "´" into a space + combining mark.
    text = unicodedata.normalize("NFKD", text.casefold().translate(_UNICODE_TABLE))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROP_CATEGORIES)
    # fullwidth "＇" / "＆" became ASCII; a styled font's letters ("𝓒𝓸𝓷") became capitals
    return text.translate(_ASCII_TABLE).lower()


def _words(folded: str) -> list[str]:
    """Split folded text on anything that is not a letter or digit."""
    return [w for w in _NON_WORD.split(folded) if w]


def _title_key(folded: str) -> str:
    folded = _TRAILING_ARTICLE.sub(" ", folded)
    words = _words(folded)
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(_ROMAN.get(w, w) for w in words)


def normalize_title(text: str) -> str:
    """Matching key for a film title.

    "The Wicker Man", "Wicker Man, The" and "wicker  man" all give
    "wicker man"; "Face/Off" gives "face off"; "Rocky II" gives "rocky 2".
    """
    return _title_key(_fold(text))


def normalize_name(text: str) -> str:
    """Matching key for a person's name (no article or numeral handling)."""
    return " ".join(_words(_fold(text)))


def spelling(text: str) -> str:
    """A title as spelt, punctuation kept, letter case and spacing aside, without a year
    typed after it: "FACE/OFF (1997)" and "face/off" are spelt alike, "Face Off" is not."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _PAREN_YEAR.sub(" ", text, count=1)
    trailing = _TRAILING_YEAR.search(text)
    if trailing and _HAS_WORD.search(text[: trailing.start()]):
        text = text[: trailing.start()]
    return " ".join(text.split())


def has_article(text: str) -> bool:
    """True if a title or query starts with an article or ends with ", The" and the like.

    Tells "The Stringer" from "Stringer" once both have the key "stringer".
    """
    folded = _fold(text)
    if _TRAILING_ARTICLE.search(folded):
        return True
    words = _words(folded)
    return len(words) > 1 and words[0] in _ARTICLES


def compact(key: str) -> str:
    """A key with its spaces removed: "face off" -> "faceoff"."""
    return key.replace(" ", "")


#: Initialisms shorter than this are not kept: "lv" or "tr" would name dozens of films.
MIN_INITIALISM = 3
#: Nor longer than this: nobody abbreviates a ten-word title.
MAX_INITIALISM = 8


def initialisms(title: str) -> tuple[str, ...]:
    """The first letters of a title's words, with and without a leading article.

    "Leaving Las Vegas" -> ("llv",); "Wicker Man, The" -> ("twm",) (two letters
    are too few without the article); "Rocky II" -> () (one word and a number).
    """
    folded = _fold(title)
    trailing = _TRAILING_ARTICLE.search(folded)
    words = _words(folded)
    if trailing:  # "Wicker Man, The": the article is read in front
        article = _words(trailing.group())[0]
        words = [article, *_words(folded[: trailing.start()])]
    words = [_ROMAN.get(w, w) for w in words]
    found = []
    for variant in (words, words[1:] if words and words[0] in _ARTICLES else []):
        letters = "".join(w[0] for w in variant)
        if MIN_INITIALISM <= len(letters) <= MAX_INITIALISM and letters not in found:
            found.append(letters)
    return tuple(found)


def tokens_sorted(key: str) -> str:
    """A key with its words in sorted order, for order-insensitive matching."""
    return " ".join(sorted(key.split()))


def _valid_year(digits: str) -> int | None:
    year = int(digits)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def parse_title_query(query: str, *, literal: bool = False) -> TitleQuery:
    """Split a user's film query into a title key and an optional year.

    A year in parentheses/brackets anywhere is always taken.  Unless
    ``literal`` is set, filler words ("blu-ray", "review", "movie", ...) are
    dropped and a trailing four-digit year is taken, as long as some title
    words remain ("2012" alone stays a title).  ``literal=True`` is the
    reading for titles that really end in a number or contain "movie".
    """
    folded = _fold(query)
    year: int | None = None
    for match in _PAREN_YEAR.finditer(folded):
        year = _valid_year(match.group(1))
        if year is not None:
            folded = folded[: match.start()] + " " + folded[match.end() :]
            break
    if not literal:
        stripped = _NOISE.sub(" ", folded)
        if _HAS_WORD.search(stripped):
            folded = stripped
        trailing = _TRAILING_YEAR.search(folded)
        if year is None and trailing and _HAS_WORD.search(folded[: trailing.start()]):
            year = _valid_year(trailing.group(1))
            if year is not None:
                folded = folded[: trailing.start()]
    return TitleQuery(text=_title_key(folded), year=year)
