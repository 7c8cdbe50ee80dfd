"""A film's document as its record (the YAML a moderator edits and `review add replace`
takes back), with no query: the moderators' answers change a film from its document and never
hold an ORM object, and `bot.db.exporter.film_to_record` is `record_of(document_of(film))`."""

from __future__ import annotations

from typing import Any

from bot.db.documents import FilmDocument, ReviewDoc, Role
from bot.db.models import Review
from bot.records.schema import Record


def review_section(review: ReviewDoc | Review) -> dict[str, Any]:
    """A review (a document, or an ORM review loaded with its ratings and links: a removed
    review in the backup) as the `review:` section of a record (before validation)."""
    ratings = {r.aspect: (r.score if r.aspect == "film" else r.grade) for r in review.ratings}
    return {
        "headline": review.headline,
        "url": review.url,
        "author": review.author,
        "published": review.published,
        "cover_url": review.cover_url,
        "intro": review.intro,
        "sections": {
            "style_direction": review.style_direction,
            "music_audio": review.music_audio,
            "acting_characters": review.acting_characters,
        },
        "film_conclusion": review.film_conclusion,
        "release_conclusion": review.release_conclusion,
        "ratings": ratings,
        "verdict": review.verdict,
        "pros": list(review.pros or ()),
        "cons": list(review.cons or ()),
        "recommendation": review.recommendation,
        "purchase_links": [
            {"retailer": p.retailer, "url": p.url, "affiliate": p.affiliate}
            for p in review.purchase_links
        ],
        "trailer": {"url": review.trailer_url, "note": review.trailer_note}
        if review.trailer_url
        else None,
    }


def record_of(doc: FilmDocument) -> Record:
    """The film's record (what an export writes); the document's credits are already in
    billing order."""
    crew: dict[str, list[str]] = {role.value: [] for role in Role}
    cast = []
    for credit in doc.credits:
        if credit.role == Role.ACTOR:
            cast.append({"name": credit.person.name, "character": credit.character})
        elif credit.person.name not in crew[credit.role]:
            crew[credit.role].append(credit.person.name)
    review = doc.review
    # Written only when the record would not say it by itself (a reviewed film's cast is
    # complete, anyone else's partial: Record.cast_complete), so an export re-imports the same.
    complete = bool(doc.cast_complete)
    cast_complete = complete if complete != (review is not None and bool(cast)) else None
    data: dict[str, object] = {
        "film": {
            "title": doc.title,
            "year": doc.year,
            "slug": doc.slug,
            "aliases": list(doc.aliases),
            "genres": list(doc.genres),
            "certificate": doc.certificate,
            "runtime_min": doc.runtime_min,
            "description": doc.description,
            "synopsis": doc.synopsis,
            "directors": crew[Role.DIRECTOR],
            "writers": crew[Role.WRITER],
            "cinematographers": crew[Role.CINEMATOGRAPHER],
            "composers": crew[Role.COMPOSER],
            "cast": cast,
            "cast_complete": cast_complete,
        }
    }
    release = (review.release if review else None) or (doc.releases[0] if doc.releases else None)
    if release is not None:
        data["release"] = {
            "format": release.format,
            "edition": release.edition,
            "label": release.label,
            "release_date": release.release_date,
            "country": release.country,
            "region": release.region,
            "discs": release.discs,
            "extras": list(release.extras),
        }
    if review is not None:
        data["review"] = review_section(review)
    return Record.model_validate(data)


__all__ = ["record_of", "review_section"]
