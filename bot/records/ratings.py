"""The site's rating scales: a numeric film rating and a word scale for the Blu-ray."""

from __future__ import annotations

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
            raise ValueError(f"{text!r} is not on the rating scale ({words})") from None


ASPECTS: tuple[str, ...] = ("film", "picture", "audio", "extras")


def aspect_score(aspect: str, value: float | str) -> float:
    """A number for ordering ratings of one aspect (higher is better): the film's rating, or
    the rank of a grade."""
    if aspect == "film":
        return float(value)
    return float(Grade(str(value)).rank)
