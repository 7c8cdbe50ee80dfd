"""The read model's documents: immutable, and a film's current review is its one not removed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.db.documents import FilmDocument, ReviewDoc

NOW = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)


def review(review_id: int, deleted_at: dt.datetime | None = None) -> ReviewDoc:
    return ReviewDoc(
        id=review_id, release=None, headline=None, url=None, author=None, published=None,
        cover_url=None, intro=None, style_direction=None, music_audio=None, acting_characters=None,
        film_conclusion=None, release_conclusion=None, verdict=f"verdict {review_id}", pros=(),
        cons=(), recommendation=None, trailer_url=None, trailer_note=None, ratings=(),
        purchase_links=(), deleted_at=deleted_at, created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def film(*reviews: ReviewDoc) -> FilmDocument:
    return FilmDocument(
        id=1, slug="face-off-1997", title="Face/Off", year=1997, genres=("Action",),
        certificate=None, runtime_min=138, description=None, synopsis=None, cast_complete=False,
        version=1, credits=(), aliases=(), releases=(), reviews=reviews,
    )  # fmt: skip


def test_the_current_review_is_the_one_not_removed() -> None:
    assert film().review is None
    assert film(review(1, deleted_at=NOW)).review is None
    current = review(2)
    assert film(review(1, deleted_at=NOW), current).review is current


def test_a_document_cannot_be_changed() -> None:
    doc = film(review(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "Face Off"  # type: ignore[misc]
    assert isinstance(doc.genres, tuple) and isinstance(doc.reviews, tuple)
