"""`!read <film> [part]`: the whole review, a part a page (intro, synopsis, style & direction,
music & audio, acting, both conclusions, extras, verdict, pros and cons, recommendation),
opening at the part asked for."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.answers.context import AnswerContext
from bot.answers.resolve import resolve_film
from bot.answers.review_text import (
    SHORT_NAMES,
    ReviewText,
    chunk_text,
    review_text,
    section_key_for,
    section_names,
    sections,
)
from bot.answers.text import echo, film_label
from bot.answers.types import Answer, Choices, ItemList, Link, Notice, Request, Tone
from bot.db.documents import FilmDocument
from bot.search import MatchStatus

#: Characters of review text on one page (an embed's description holds 4,096; the list
#: renderer keeps a page under 3,500): long parts are split between sentences.
PAGE_CHARS = 1500
EXAMPLE = "read leaving las vegas acting"
RATING_NAMES = {"film": "Film", "picture": "Picture", "audio": "Audio", "extras": "Extras"}


@dataclass(frozen=True, slots=True)
class ReviewPages(ItemList):
    """The review a part a page; `start_page` is the page it opens at (the renderer and the
    paginator read it)."""

    start_page: int = 0


def ratings_line(words: ReviewText) -> str:
    return " · ".join(
        f"{name}: {words.ratings[aspect]}"
        for aspect, name in RATING_NAMES.items()
        if aspect in words.ratings
    )


def review_pages(
    words: ReviewText, max_chars: int = PAGE_CHARS
) -> tuple[list[str], dict[str, int]]:
    """The pages of a review and the page each part starts on. The headline heads the
    introduction's page; the ratings follow the verdict."""
    pages: list[str] = []
    starts: dict[str, int] = {}
    headline = ""
    for section in sections(words):
        if section.key == "headline":
            headline = f"__{section.text}__"
            starts["headline"] = len(pages)
            continue
        body = section.text
        if section.key == "verdict":
            body = f"**{body}**"
            if line := ratings_line(words):
                body += f"\n\n{line}"
        chunks = chunk_text(body, max_chars)
        starts[section.key] = len(pages)
        for i, chunk in enumerate(chunks, start=1):
            part = f" ({i}/{len(chunks)})" if len(chunks) > 1 else ""
            page = f"**{section.title}**{part}\n{chunk}"
            if headline:
                page, headline = f"{headline}\n\n{page}", ""
            pages.append(page)
    if headline:  # a review with nothing but a headline
        pages.append(headline)
    return pages, starts


def split_part(ctx: AnswerContext, text: str) -> tuple[str, str]:
    """`leaving las vegas acting` -> (`leaving las vegas`, `acting`). The last one to three
    words are a part's name when what is left names a film; a whole text that names a film is
    the film (`the score`); else the last words after a title that names a film are taken as a
    part (an unknown one gets the list of parts)."""
    words = text.split()
    tails = [n for n in (3, 2, 1) if len(words) > n]
    found: dict[str, MatchStatus] = {}

    def status(title: str) -> MatchStatus:
        if title not in found:
            found[title] = ctx.index.find_film(title).status
        return found[title]

    for n in tails:
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        if section_key_for(tail) is not None and status(head) is MatchStatus.FOUND:
            return head, tail
    if status(text) is MatchStatus.FOUND:
        return text, ""
    for n in tails:
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        if section_key_for(tail) is not None and status(head) in (
            MatchStatus.AMBIGUOUS,
            MatchStatus.YEAR_MISMATCH,
        ):
            return head, tail
    for n in reversed(tails):
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        if status(head) is MatchStatus.FOUND:
            return head, tail
    return text, ""


def unknown_part(ctx: AnswerContext, label: str, asked: str, available: list[str]) -> Notice:
    shown = [key for key in available if key != "headline"]  # it heads the first page
    names = ", ".join(f"`{name}`" for name in section_names(shown))
    return Notice(
        f"The review of {label} has no part called “{echo(asked)}”. Its parts: {names}.",
        Tone.WARNING,
        hints=(f"For example: `{ctx.prefix}{EXAMPLE}`",),
    )


async def read_answer(ctx: AnswerContext, request: Request) -> Answer:
    """The review of a film, a part a page, opening at the part asked for."""
    if request.film_id is not None:
        film_text, part = "", request.text.strip()  # a button: the text is the part
    else:
        film_text, part = split_part(ctx, request.text.strip())
    film = await resolve_film(ctx, replace(request, text=film_text), EXAMPLE)
    if isinstance(film, Choices):  # a choice reads the same part of the film chosen
        return replace(
            film,
            choices=tuple(replace(c, request=replace(c.request, text=part)) for c in film.choices),
        )
    if not isinstance(film, FilmDocument):
        return film
    label = film_label(film.title, film.year)
    review = film.review
    if review is None:
        return Notice(
            f"{label} is not reviewed yet.",
            hints=(f"`{ctx.prefix}review {film.title}` shows what I know about it.",),
        )
    words = review_text(film, review)
    pages, starts = review_pages(words)
    if not pages:
        return Notice(f"The review of {label} has no text yet.")
    start = 0
    if part:
        key = section_key_for(part, starts)
        if key is None:
            return unknown_part(ctx, label, part, list(starts))
        start = starts[key]
    names = " · ".join(SHORT_NAMES[key] for key in starts if key != "headline")
    pages_answer = ReviewPages(
        title=f"The review of {label}",
        items=tuple(pages),
        footer=f"Parts: {names}",
        page_size=1,
        url=review.url,
        links=(Link("Full review", review.url),) if review.url else (),
        tone=Tone.CARD,
        start_page=start,
    )
    return pages_answer


__all__ = ["PAGE_CHARS", "ReviewPages", "read_answer", "review_pages", "split_part"]
