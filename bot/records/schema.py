"""The review-record schema: one YAML file per film, documented in data/README.md.

A record always has a film; the release and the review are optional, so a film that has not
been reviewed yet (a filmography entry) is a record too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from functools import cached_property
from typing import Annotated, Final, Literal
from urllib.parse import urlsplit

from anyascii import anyascii
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from bot.records.ratings import FILM_RATING_MAX, Grade

RECORD_SCHEMA_VERSION: Final = 1
MAX_YEAR = dt.date.today().year + 1
MIN_YEAR = 1888

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


def clean_text(value: str) -> str:
    """NFC, no control or bidi-override characters, trimmed; newlines are kept."""
    if value.isascii() and value.isprintable():  # the common case: nothing to clean
        return value.strip()
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def clean_line(value: str) -> str:
    """clean_text plus: one line, single spaces."""
    if value.isascii() and value.isprintable() and "  " not in value:
        return value.strip()
    return " ".join(clean_text(value).split())


def not_empty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


def check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueError(f"{value!r} is not an http(s) link")
    return value


def _grade(value: object) -> object:
    return Grade.parse(value) if isinstance(value, str) else value


# Length limits are checked first (in pydantic's core, cheaply), then the text is cleaned.
Line = Annotated[
    str, StringConstraints(max_length=300), AfterValidator(clean_line), AfterValidator(not_empty)
]
Name = Annotated[
    str, StringConstraints(max_length=120), AfterValidator(clean_line), AfterValidator(not_empty)
]
Text = Annotated[str, StringConstraints(max_length=6000), AfterValidator(clean_text)]
Url = Annotated[
    str,
    StringConstraints(max_length=500),
    AfterValidator(clean_line),
    AfterValidator(check_http_url),
]
GradeField = Annotated[Grade | None, BeforeValidator(_grade)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class CastMember(_Model):
    name: Name
    character: Line | None = None


class FilmFacts(_Model):
    title: Line
    year: int | None = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    slug: (
        Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
        | None
    ) = None
    aliases: list[Line] = Field(default_factory=list, max_length=50)
    genres: list[Name] = Field(default_factory=list, max_length=20)
    certificate: Annotated[str, StringConstraints(max_length=10)] | None = None
    runtime_min: int | None = Field(default=None, gt=0, le=100_000)  # Logistics (2012): 51,420
    description: Text | None = None
    synopsis: Text | None = None
    directors: list[Name] = Field(default_factory=list, max_length=20)
    writers: list[Name] = Field(default_factory=list, max_length=20)
    cinematographers: list[Name] = Field(default_factory=list, max_length=20)
    composers: list[Name] = Field(default_factory=list, max_length=20)
    cast: list[CastMember] = Field(default_factory=list, max_length=500)
    # Whether `cast` is the film's whole cast. Left out: a reviewed film's cast is the site's
    # list (complete), anything else's is partial (see Record.cast_complete).
    cast_complete: bool | None = None


class Release(_Model):
    format: Line = "Blu-ray"
    edition: Line | None = None
    label: Line | None = None
    release_date: dt.date | None = None
    country: Line | None = None
    region: Annotated[str, StringConstraints(max_length=20)] | None = None
    discs: int | None = Field(default=None, gt=0, le=100)
    extras: list[Line] = Field(default_factory=list, max_length=100)


class Ratings(_Model):
    film: float | None = Field(default=None, ge=0, le=FILM_RATING_MAX)
    picture: GradeField = None
    audio: GradeField = None
    extras: GradeField = None


class Sections(_Model):
    style_direction: Text | None = None
    music_audio: Text | None = None
    acting_characters: Text | None = None


class PurchaseLink(_Model):
    retailer: Line
    url: Url
    affiliate: bool = False


class Trailer(_Model):
    url: Url
    note: Line | None = None


class Review(_Model):
    headline: Line | None = None
    url: Url | None = None
    author: Name | None = None
    published: dt.date | None = None
    cover_url: Url | None = None
    intro: Text | None = None
    sections: Sections = Field(default_factory=Sections)
    film_conclusion: Text | None = None
    release_conclusion: Text | None = None
    ratings: Ratings = Field(default_factory=Ratings)
    verdict: (
        Annotated[str, AfterValidator(clean_line), StringConstraints(max_length=1000)] | None
    ) = None
    pros: list[Line] = Field(default_factory=list, max_length=25)
    cons: list[Line] = Field(default_factory=list, max_length=25)
    recommendation: Text | None = None
    purchase_links: list[PurchaseLink] = Field(default_factory=list, max_length=10)
    trailer: Trailer | None = None


class Record(_Model):
    """One file under data/reviews/: a film, maybe its Blu-ray release and the site's review."""

    schema_version: Literal[1] = Field(default=RECORD_SCHEMA_VERSION, alias="schema")
    film: FilmFacts
    release: Release | None = None
    review: Review | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _review_needs_film_year(self) -> Record:
        if self.review is not None and self.film.year is None:
            raise ValueError("a reviewed film needs its year (film.year)")
        return self

    @property
    def cast_complete(self) -> bool:
        """Whether the film's cast list is complete: as `film.cast_complete` says when given;
        else complete when the record carries the site's review and a cast, partial otherwise
        (a filmography entry lists whom it knows about, not the whole cast)."""
        if self.film.cast_complete is not None:
            return self.film.cast_complete
        return self.review is not None and bool(self.film.cast)

    @cached_property
    def slug(self) -> str:
        return self.film.slug or film_slug(self.film.title, self.film.year)


def film_slug(title: str, year: int | None) -> str:
    """A stable, file-name-safe identifier: "Face/Off" 1997 -> "face-off-1997".

    Latin titles keep the slug they always had (records reference it). A title with letters
    or digits of another script is transliterated (anyascii: "Левиафан" -> "leviafan", "八佰"
    -> "babai") and gets a stable suffix made from the whole title (a hash of its NFC form),
    since two titles can transliterate alike: two such films never share a slug
    ("leviafan-1c0d5e7a9b-2014")."""
    decomposed = unicodedata.normalize("NFKD", title)
    ascii_title = decomposed.encode("ascii", "ignore").decode()
    ascii_title = ascii_title.replace("&", " and ").replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    base = "-".join(words)[:100].strip("-") or "film"
    if any(_lost_character(ch) for ch in decomposed):
        spelt = anyascii(unicodedata.normalize("NFC", title)).replace("&", " and ")
        words = re.findall(r"[a-z0-9]+", spelt.replace("'", "").lower())
        base = "-".join(words)[:88].strip("-") or "film"
        digest = hashlib.sha1(unicodedata.normalize("NFC", title).encode("utf-8")).hexdigest()
        base = f"{base}-{digest[:10]}"
    return f"{base}-{year}" if year else base


def _lost_character(ch: str) -> bool:
    """A letter or digit of a non-Latin script, which the a-z0-9 slug would drop."""
    if ch.isascii() or not ch.isalnum():
        return False
    return not unicodedata.name(ch, "").startswith("LATIN")
