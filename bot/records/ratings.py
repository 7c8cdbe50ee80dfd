"""The site's rating scales: a numeric film rating and a word scale for the Blu-ray."""

from __future__ import annotations

import re
from difflib import get_close_matches
from enum import StrEnum

FILM_RATING_MAX = 10.0
BAR_FULL, BAR_EMPTY = "▰", "▱"


def film_score(score: float) -> str:
    """`8/10`, `7.5/10`: a film rating as every answer shows it."""
    return f"{score:g}/{FILM_RATING_MAX:g}"


class Grade(StrEnum):
    """The word scale the site uses for Blu-ray picture, audio and extras (worst to best)."""

    POOR = "POOR"
    OK = "OK"
    GOOD = "GOOD"
    GREAT = "GREAT"
    EXCELLENT = "EXCELLENT"

    @property
    def rank(self) -> int:
        """1 (POOR) .. 5 (EXCELLENT), for sorting and for drawing a bar."""
        return list(Grade).index(self) + 1

    @property
    def bar(self) -> str:
        """`▰▰▰▱▱` for GOOD: the rank out of five, as every answer draws a grade."""
        return BAR_FULL * self.rank + BAR_EMPTY * (len(Grade) - self.rank)

    @classmethod
    def stored(cls, value: str | None) -> Grade | None:
        """The grade a stored value is (`GOOD`), or None for anything else (no rating, the
        Blu-ray summary `picture GOOD, audio POOR`)."""
        try:
            return cls(value or "")
        except ValueError:
            return None

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Accepts any case and spacing ("good", " Great "); raises ValueError naming the scale."""
        key = " ".join(str(text).split()).upper().replace("-", " ")
        key = {"OKAY": "OK"}.get(key, key)
        try:
            return cls(key)
        except ValueError:
            words = " / ".join(g.value for g in cls)
            near = cls.near_miss(text)
            hint = f": did you mean {near.value}?" if near is not None else ""
            raise ValueError(f"{text!r} is not on the rating scale ({words}){hint}") from None

    @classmethod
    def near_miss(cls, text: str) -> Grade | None:
        """The grade a misspelling most likely means (`EXCELENT` -> EXCELLENT), or None."""
        key = " ".join(str(text).split()).upper()
        found = get_close_matches(key, [g.value for g in cls], n=1, cutoff=0.75)
        return cls(found[0]) if found else None


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_OUT_OF = re.compile(rf"{_NUMBER}\s*(?:/|out\s+of)\s*{_NUMBER}(?:\s*stars?)?", re.I)
_STARS = re.compile(rf"{_NUMBER}\s*stars?", re.I)
_PLAIN = re.compile(rf"{_NUMBER}(?:\s*points?)?", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def read_film_rating(text: str) -> tuple[float, str | None]:
    """A film rating as people write it, on the site's scale: `9`, `9/10`, `9 out of 10`,
    `4.5 stars`, `4.5/5` (-> 9.0). Returns the score and, when it was on another scale, a
    note saying what it became (`4.5/5 is 9/10`). Raises ValueError with a plain reason."""
    typed = " ".join(str(text).split()).rstrip(".")
    out_of, stars, plain = (
        _OUT_OF.fullmatch(typed),
        _STARS.fullmatch(typed),
        _PLAIN.fullmatch(typed),
    )
    if out_of:
        score, scale = _number(out_of[1]), _number(out_of[2])
    elif stars:
        score, scale = _number(stars[1]), 5.0
    elif plain:
        score, scale = _number(plain[1]), FILM_RATING_MAX
    else:
        raise ValueError(f"{text!r} is not a rating: write e.g. 8, 8/10, 8 out of 10 or 4 stars")
    if scale <= 0:
        raise ValueError(f"{text!r} is not a rating: it is out of nothing")
    if score > scale:
        limit = f"{scale:g}" if scale != FILM_RATING_MAX else f"the site's maximum, {scale:g}"
        raise ValueError(f"{text!r} is more than {limit}")
    converted = round(score / scale * FILM_RATING_MAX, 1)
    if scale == FILM_RATING_MAX:
        return converted, None
    return converted, f"{score:g}/{scale:g} is {film_score(converted)} on the site's scale"


ASPECTS: tuple[str, ...] = ("film", "picture", "audio", "extras")


def aspect_score(aspect: str, value: float | str) -> float:
    """A number for ordering ratings of one aspect (higher is better): the film's rating, or
    the rank of a grade."""
    if aspect == "film":
        return float(value)
    return float(Grade(str(value)).rank)
