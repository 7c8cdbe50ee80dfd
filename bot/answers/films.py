"""Answers about one film: the rating card, the verdict, the cast, where to buy it."""

from __future__ import annotations

from bot.answers.context import AnswerContext
from bot.answers.covers import shown_cover
from bot.answers.links import AFFILIATE_DISCLOSURE, with_affiliate_tag
from bot.answers.resolve import resolve_film
from bot.answers.text import clip, film_label, human_date, plural
from bot.answers.types import Answer, Card, Choice, Field, ItemList, Link, Request, Tone
from bot.answers.vocabulary import ASPECT_TITLES
from bot.db.documents import FilmDocument, ReleaseDoc, ReviewDoc, Role
from bot.records.ratings import ASPECTS, Grade, film_score

NOT_REVIEWED = "Not reviewed yet."
#: The link button to the review on the site; the button reading it in Discord is then
#: "Read it here" (it is "Read the review" when the review has no page on the site).
READ_ON_SITE = "Read the review"
READ_HERE = "Read it here"


def rating_text(review: ReviewDoc, aspect: str) -> str:
    """`▰▰▰▱▱ GOOD` for the word scale, `8/10` for the film, `not rated` when unset."""
    rating = next((r for r in review.ratings if r.aspect == aspect), None)
    if rating is None:
        return "not rated"
    if aspect == "film":
        return film_score(rating.score)
    grade = Grade(rating.grade or "")
    return f"{grade.bar} {grade.value}"


def people(film: FilmDocument, role: Role) -> list[str]:
    names: list[str] = []
    for credit in film.credits:
        if credit.role == role and credit.person.name not in names:
            names.append(credit.person.name)
    return names


def cast_lines(film: FilmDocument) -> list[str]:
    return [
        f"**{c.person.name}** as {c.character}" if c.character else f"**{c.person.name}**"
        for c in film.credits
        if c.role == Role.ACTOR
    ]


def release_text(release: ReleaseDoc | None) -> str | None:
    if release is None:
        return None
    parts = [
        " ".join(
            p for p in (release.format, f"({release.edition})" if release.edition else "") if p
        ),
        release.label,
        human_date(release.release_date),
        release.country,
        plural(release.discs, "disc") if release.discs else None,
    ]
    return " · ".join(p for p in parts if p)


def purchase_links(review: ReviewDoc, tag: str | None) -> tuple[list[Link], bool]:
    links = [
        Link(f"Buy at {p.retailer}", with_affiliate_tag(p.url, tag if p.affiliate else None))
        for p in review.purchase_links
    ]
    return links, any(p.affiliate for p in review.purchase_links)


def card_links(review: ReviewDoc, tag: str | None) -> tuple[tuple[Link, ...], str | None]:
    links, affiliate = purchase_links(review, tag)
    if review.trailer_url:
        links.append(Link("Trailer", review.trailer_url))
    if review.url:
        links.append(Link(READ_ON_SITE, review.url))
    return tuple(links), (AFFILIATE_DISCLOSURE if affiliate else None)


def byline(review: ReviewDoc) -> str | None:
    """`Reviewed by Jane Doe on 4 March 2021` (either part alone when the other is unknown)."""
    parts = [
        f"by {review.author}" if review.author else None,
        f"on {human_date(review.published)}" if review.published else None,
    ]
    said = " ".join(p for p in parts if p)
    return f"Reviewed {said}" if said else None


def fact_fields(film: FilmDocument, review: ReviewDoc | None) -> list[Field]:
    directors = people(film, Role.DIRECTOR)
    release = review.release if review else None
    facts = [
        ("Directed by" if len(directors) < 2 else "Directors", ", ".join(directors)),
        ("Runtime", f"{film.runtime_min} min" if film.runtime_min else None),
        ("Certificate", f"{film.certificate} (UK)" if film.certificate else None),
        ("Genres", ", ".join(film.genres or [])),
        ("Release", release_text(release)),
    ]
    return [Field(name, value, inline=True) for name, value in facts if value]


def review_card(
    film: FilmDocument, review: ReviewDoc, tag: str | None, site_url: str | None = None
) -> Card:
    """The film's rating card: its cover (from the site only, bot.answers.covers), the title
    linked to the review on the site, who reviewed it and when, and the link buttons.
    `site_url`: the site's address (POPCORN_SITE_URL), whose images may be shown too."""
    description = f"**{review.verdict}**" if review.verdict else "The review gives no verdict."
    if film.description:
        description += f"\n{film.description}"
    fields = [Field(ASPECT_TITLES[a], rating_text(review, a), inline=True) for a in ASPECTS]
    fields += fact_fields(film, review)
    cast = [c.person.name for c in film.credits if c.role == Role.ACTOR][:4]
    if cast:
        fields.append(Field("Starring", ", ".join(cast), inline=False))
    if review.pros:
        fields.append(Field("Pros", "\n".join(f"✅ {p}" for p in review.pros), inline=True))
    if review.cons:
        fields.append(Field("Cons", "\n".join(f"❌ {c}" for c in review.cons), inline=True))
    if review.recommendation:
        fields.append(Field("Recommendation", clip(review.recommendation, 400)))
    links, disclosure = card_links(review, tag)
    footer = "\n".join(line for line in (byline(review), disclosure) if line)
    read_label = READ_HERE if review.url else READ_ON_SITE
    return Card(
        title=film_label(film.title, film.year),
        url=review.url,
        description=description,
        fields=tuple(fields),
        footer=footer or None,
        links=links,
        film_id=film.id,
        followups=(Choice(read_label, Request("read", film_id=film.id)),),
        thumbnail=shown_cover(review.cover_url, review.url, site_url),
    )


def unreviewed_card(film: FilmDocument) -> Card:
    fields = fact_fields(film, None)
    cast = cast_lines(film)[:6]
    if cast:
        fields.append(Field("Cast", "\n".join(cast)))
    return Card(
        title=film_label(film.title, film.year),
        description=f"{NOT_REVIEWED} Here is what I know about it.",
        fields=tuple(fields),
        tone=Tone.UNREVIEWED,
        film_id=film.id,
    )


def film_card(film: FilmDocument, tag: str | None, site_url: str | None = None) -> Card:
    """The film's rating card, or what is known of it when it is not reviewed yet."""
    review = film.review
    return review_card(film, review, tag, site_url) if review else unreviewed_card(film)


async def review_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await resolve_film(ctx, request, "review leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    return film_card(film, ctx.affiliate_tag, ctx.site_url)


async def verdict_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await resolve_film(ctx, request, "verdict leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    review = film.review
    if review is None:
        return unreviewed_card(film)
    fields = [Field(ASPECT_TITLES[a], rating_text(review, a), inline=True) for a in ASPECTS]
    if review.recommendation:
        fields.append(Field("Recommendation", clip(review.recommendation, 400)))
    verdict = review.verdict or "The review gives no one-line verdict."
    return Card(
        title=f"Verdict: {film_label(film.title, film.year)}",
        url=review.url,
        description=f"**{verdict}**",
        fields=tuple(fields),
        film_id=film.id,
        thumbnail=shown_cover(review.cover_url, review.url),
    )


async def cast_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await resolve_film(ctx, request, "cast leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    crew = [
        f"{label}: {', '.join(names)}"
        for label, role in (
            ("Directed by", Role.DIRECTOR),
            ("Written by", Role.WRITER),
            ("Cinematography", Role.CINEMATOGRAPHER),
            ("Music", Role.COMPOSER),
        )
        if (names := people(film, role))
    ]
    actors = people(film, Role.ACTOR)
    if actors and not film.cast_complete:  # first: the intro is clipped when long
        if len(actors) == 1:
            partial = (
                f"The cast I have for {film_label(film.title, film.year)} lists only "
                f"{actors[0]}; it isn't complete."
            )
        elif film.review is None:
            partial = "This cast list isn't complete: it's the catalogue's, not the site's."
        else:
            partial = "This cast list isn't complete."
        crew.insert(0, partial)
    return ItemList(
        title=f"Cast of {film_label(film.title, film.year)}",
        items=tuple(f"{i}. {line}" for i, line in enumerate(cast_lines(film), start=1)),
        intro="\n".join(crew) or None,
        empty_text="The database has no cast for this film yet.",
    )


async def buy_answer(ctx: AnswerContext, request: Request) -> Answer:
    film = await resolve_film(ctx, request, "buy leaving las vegas")
    if not isinstance(film, FilmDocument):
        return film
    review = film.review
    label = film_label(film.title, film.year)
    if review is None or not review.purchase_links:
        why = NOT_REVIEWED if review is None else "The review lists no shops for it."
        return Card(
            title=f"Buy {label}",
            description=f"{why} I have no purchase links.",
            tone=Tone.UNREVIEWED if review is None else Tone.CARD,
            film_id=film.id,
        )
    links, affiliate = purchase_links(review, ctx.affiliate_tag)
    lines = [f"[{link.label.removeprefix('Buy at ')}]({link.url})" for link in links]
    release = release_text(review.release)
    description = "\n".join(lines)
    if release:
        description = f"{release}\n\n{description}"
    return Card(
        title=f"Buy {label}",
        description=description,
        footer=AFFILIATE_DISCLOSURE if affiliate else None,
        links=tuple(links),
        film_id=film.id,
    )


def verdict_or_rating(review: ReviewDoc) -> str:
    film_rating = next((r for r in review.ratings if r.aspect == "film"), None)
    if film_rating is not None:
        return film_score(film_rating.score)
    return review.verdict or "reviewed"


__all__ = ["buy_answer", "cast_answer", "film_card", "review_answer", "verdict_answer"]
