"""SQLAlchemy models: films, people, credits, releases, reviews, ratings, links, aliases."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.db.documents import Role

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _owned(back_populates: str, order_by: str) -> Mapped[Any]:
    """A parent's own rows (a film's credits, a review's ratings): saved and deleted with it,
    deleted when taken off it, listed in `order_by` order. Never loaded lazily (RAISE)."""
    return relationship(
        back_populates=back_populates, cascade="all, delete-orphan", order_by=order_by, lazy=RAISE
    )


#: Every relationship is loaded only when a query asks for it (selectinload, joinedload):
#: reading one that was not is an error at once, in the tests too, never a hidden query (an
#: async session cannot run one anyway). The answers read documents (bot/db/documents.py).
RAISE: Final = "raise"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Film(Base):
    __tablename__ = "films"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    genres: Mapped[list[str]] = mapped_column(JSON, default=list)
    certificate: Mapped[str | None] = mapped_column(String(10))
    runtime_min: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    synopsis: Mapped[str | None] = mapped_column(Text)
    # Whether the credits list the film's whole cast (the site's list from a review record)
    # or only whom a catalogue knows about: only a complete list may answer "No, X isn't in it".
    cast_complete: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bumped by every moderator change: an edit based on an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    credits: Mapped[list[Credit]] = _owned("film", "Credit.billing")
    aliases: Mapped[list[FilmAlias]] = _owned("film", "FilmAlias.id")
    releases: Mapped[list[Release]] = _owned("film", "Release.id")
    reviews: Mapped[list[Review]] = _owned("film", "Review.id")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), unique=True)

    credits: Mapped[list[Credit]] = relationship(back_populates="person", lazy=RAISE)


class PersonAlias(Base):
    """Another spelling of a person's name that finds them: the name of a misspelt person
    merged into them (`!person merge Nicholas Cage into Nicolas Cage`), or their old name."""

    __tablename__ = "person_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(120))
    alias_key: Mapped[str] = mapped_column(String(120), unique=True)


class Credit(Base):
    __tablename__ = "credits"
    __table_args__ = (UniqueConstraint("film_id", "person_id", "role", "character"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    character: Mapped[str | None] = mapped_column(String(300))
    billing: Mapped[int] = mapped_column(Integer, default=0)

    film: Mapped[Film] = relationship(back_populates="credits", lazy=RAISE)
    person: Mapped[Person] = relationship(back_populates="credits", lazy=RAISE)


class FilmAlias(Base):
    __tablename__ = "film_aliases"
    __table_args__ = (UniqueConstraint("film_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))

    film: Mapped[Film] = relationship(back_populates="aliases", lazy=RAISE)


class Release(Base):
    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(40), default="Blu-ray")
    edition: Mapped[str | None] = mapped_column(String(300))
    label: Mapped[str | None] = mapped_column(String(300))
    release_date: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(20))
    discs: Mapped[int | None] = mapped_column(Integer)
    extras: Mapped[list[str]] = mapped_column(JSON, default=list)

    film: Mapped[Film] = relationship(back_populates="releases", lazy=RAISE)


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id", ondelete="CASCADE"), index=True)
    release_id: Mapped[int | None] = mapped_column(ForeignKey("releases.id", ondelete="SET NULL"))
    headline: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(120))
    published: Mapped[dt.date | None] = mapped_column(Date)
    cover_url: Mapped[str | None] = mapped_column(String(500))
    intro: Mapped[str | None] = mapped_column(Text)
    style_direction: Mapped[str | None] = mapped_column(Text)
    music_audio: Mapped[str | None] = mapped_column(Text)
    acting_characters: Mapped[str | None] = mapped_column(Text)
    film_conclusion: Mapped[str | None] = mapped_column(Text)
    release_conclusion: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(Text)
    pros: Mapped[list[str]] = mapped_column(JSON, default=list)
    cons: Mapped[list[str]] = mapped_column(JSON, default=list)
    recommendation: Mapped[str | None] = mapped_column(Text)
    trailer_url: Mapped[str | None] = mapped_column(String(500))
    trailer_note: Mapped[str | None] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    film: Mapped[Film] = relationship(back_populates="reviews", lazy=RAISE)
    release: Mapped[Release | None] = relationship(lazy=RAISE)
    ratings: Mapped[list[Rating]] = _owned("review", "Rating.id")
    purchase_links: Mapped[list[PurchaseLink]] = _owned("review", "PurchaseLink.position")


class Rating(Base):
    """One of a review's ratings: aspect film (numeric 0-10) or picture/audio/extras (a word)."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("review_id", "aspect"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    aspect: Mapped[str] = mapped_column(String(20))
    grade: Mapped[str | None] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)

    review: Mapped[Review] = relationship(back_populates="ratings", lazy=RAISE)


class PurchaseLink(Base):
    __tablename__ = "purchase_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retailer: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500))
    affiliate: Mapped[bool] = mapped_column(Boolean, default=False)

    review: Mapped[Review] = relationship(back_populates="purchase_links", lazy=RAISE)


class Change(Base):
    """One entry of a film's history: who changed what, when, with the old and new values."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    film_id: Mapped[int | None] = mapped_column(
        ForeignKey("films.id", ondelete="SET NULL"), index=True
    )
    film_label: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(100))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_name: Mapped[str] = mapped_column(String(120))
    guild_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # The film's version this change produced: the rows of one change (a row per field) share
    # it, so history numbers and undoes a change as a whole. NULL for rows written before it.
    film_version: Mapped[int | None] = mapped_column(Integer)


class GuildSettings(Base):
    """Per-guild configuration: moderator roles and the mod-log channel."""

    __tablename__ = "guild_settings"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    moderator_role_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    modlog_channel_id: Mapped[int | None] = mapped_column(BigInteger)
    # New reviews are posted in this channel; those with an id above `announce_after_review`
    # (the last review when the channel was set) are new, so older ones are never announced.
    announce_channel_id: Mapped[int | None] = mapped_column(BigInteger)
    announce_after_review: Mapped[int | None] = mapped_column(Integer)


class Announcement(Base):
    """A review announced in a server: inserted before the card is posted, so of the processes
    that find the same new review only the one whose insert wins posts it (once)."""

    __tablename__ = "announcements"
    __table_args__ = (UniqueConstraint("review_id", "guild_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Meta(Base):
    """Facts about the database itself, by key: "data_loaded" holds when (and from where) the
    shipped data/ folder was loaded, so a start never guesses it from an empty table."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


__all__ = [
    "Announcement",
    "Base",
    "Change",
    "Credit",
    "Film",
    "FilmAlias",
    "GuildSettings",
    "Meta",
    "Person",
    "PersonAlias",
    "PurchaseLink",
    "Rating",
    "Release",
    "Review",
    "Role",
]
