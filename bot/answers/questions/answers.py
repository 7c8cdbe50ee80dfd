"""Answering a question from the database: a short sentence, with the film's card a button
away. Nothing is made up: a fact the database lacks is said to be missing (with what it does
hold), and a film without a review is said to be "not reviewed yet"."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from rapidfuzz import fuzz

from bot.answers.context import AnswerContext
from bot.answers.films import buy_answer, people, review_answer
from bot.answers.people import (
    ROLE_LABELS,
    FilmFilter,
    filmography_list,
    period_of,
    person_film_by_year,
)
from bot.answers.progress import next_review_answer, progress_answer
from bot.answers.questions.entities import QUESTION_WORDS
from bot.answers.questions.intents import Intent, Question, understand
from bot.answers.questions.table import examples
from bot.answers.rankings import (
    best_of,
    latest_answer,
    left_out_text,
    random_answer,
    ranking_or_fallback,
    score_text,
    stats_answer,
)
from bot.answers.reading import read_answer
from bot.answers.resolve import (
    film_not_found,
    person_by_id,
    person_named,
    person_not_found,
    resolve_film,
    resolve_person,
    with_understood,
)
from bot.answers.review_text import section_quote, yes_no_from_review
from bot.answers.text import clip, echo, film_label, human_date, human_list, plural
from bot.answers.types import (
    Answer,
    Card,
    Choice,
    Choices,
    ItemList,
    Link,
    Notice,
    Request,
    Tone,
)
from bot.answers.vocabulary import ASPECT_NAMES, REVIEW_ASPECT_WORDS, genre_key
from bot.db.documents import (
    CreditDoc,
    FilmDocument,
    FilmSummary,
    PersonDocument,
    ReleaseDoc,
    ReviewDoc,
    Role,
)
from bot.db.rankings import (
    BLURAY,
    characters_like,
    count_films,
    count_reviewed,
    reviewed_films,
)
from bot.records.ratings import ASPECTS, Grade, film_score
from bot.search import MatchStatus, normalize_name

MAX_QUESTION = 500
NAME_MATCH = 80.0
NOT_REVIEWED = "not reviewed yet"
EXAMPLES = (
    "who directed leaving las vegas?",
    "who plays Sera in leaving las vegas?",
    "how is the audio on leaving las vegas?",
    "what extras are on the leaving las vegas blu-ray?",
    "is the leaving las vegas blu-ray worth buying?",
    "which nicolas cage films have you reviewed?",
    "which film has the best picture?",
    "how many films have you reviewed?",
)
#: An example per intent (the table's), for "Which film?" when a question names none.
EXAMPLE_OF = examples()
CREW = {
    Intent.DIRECTOR: (Role.DIRECTOR, "{label} was directed by {names}.", "the director of"),
    Intent.WRITER: (Role.WRITER, "{label} was written by {names}.", "the writers of"),
    Intent.COMPOSER: (Role.COMPOSER, "The music for {label} is by {names}.", "the composer of"),
    Intent.CINEMATOGRAPHER: (
        Role.CINEMATOGRAPHER,
        "{label} was shot by {names} (cinematography).",
        "the cinematographer of",
    ),
}
CREW_VERBS = {
    Role.DIRECTOR: "directed",
    Role.WRITER: "wrote",
    Role.COMPOSER: "wrote the music for",
    Role.CINEMATOGRAPHER: "shot",
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")

# -- entry point -------------------------------------------------------------------------------


def hint(ctx: AnswerContext, lead: str) -> Notice:
    return Notice(lead, Tone.INFO, hints=tuple(f"“{example}”" for example in EXAMPLES))


async def ask_answer(ctx: AnswerContext, request: Request) -> Answer:
    """`!ask <question>`, `/ask`, or a message that starts with a mention of the bot."""
    text = request.text.strip()
    if not text:
        return hint(
            ctx,
            f"Ask me about a film or a person: mention me with a question, or use "
            f"`{ctx.prefix}ask <question>`. For example:",
        )
    if len(text) > MAX_QUESTION:
        return Notice(
            f"That's too long for me: keep a question under {MAX_QUESTION} characters.",
            Tone.ERROR,
        )
    question = understand(
        text,
        ctx.index,
        film_known=request.film_id is not None,
        person_known=request.person_id is not None,
    )
    handler = HANDLERS.get(question.intent, not_understood)
    return await handler(ctx, request, question)


# -- the handlers: one per intent of the table (table.py), registered with a decorator ------------

QuestionHandler = Callable[[AnswerContext, Request, Question], Awaitable[Answer]]
FilmHandler = Callable[[AnswerContext, Request, Question, FilmDocument], Awaitable[Answer]]
PersonHandler = Callable[[AnswerContext, Request, Question, PersonDocument], Awaitable[Answer]]
ReviewHandler = Callable[
    [AnswerContext, Request, Question, FilmDocument, ReviewDoc], Awaitable[Answer]
]
HANDLERS: dict[Intent, QuestionHandler] = {}


def handles(*intents: Intent) -> Callable[[QuestionHandler], QuestionHandler]:
    """Register the handler of `intents` (a test checks every intent of the table has one)."""

    def register(handler: QuestionHandler) -> QuestionHandler:
        for intent in intents:
            if intent in HANDLERS:
                raise RuntimeError(f"two handlers for the question kind {intent}")
            HANDLERS[intent] = handler
        return handler

    return register


AboutHandler = TypeVar("AboutHandler", FilmHandler, PersonHandler)


def _registers(
    around: Callable[[AnswerContext, Request, Question, AboutHandler], Awaitable[Answer]],
    intents: tuple[Intent, ...],
) -> Callable[[AboutHandler], AboutHandler]:
    """Register a handler of `intents` that `around` calls once it has what it is about."""

    def register(handler: AboutHandler) -> AboutHandler:
        async def run(ctx: AnswerContext, request: Request, question: Question) -> Answer:
            return await around(ctx, request, question, handler)

        handles(*intents)(run)
        return handler

    return register


def about_film(*intents: Intent) -> Callable[[FilmHandler], FilmHandler]:
    """Register a handler that answers about the film the question names (found, or asked
    back about before the handler runs)."""
    return _registers(_about_film, intents)


def about_review(*intents: Intent) -> Callable[[ReviewHandler], FilmHandler]:
    """Register a handler that answers from the review of the film the question names; a
    film not reviewed yet is said to be so (and what is known about it)."""

    def register(handler: ReviewHandler) -> FilmHandler:
        async def on_film(
            ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
        ) -> Answer:
            review = film.review
            if review is None:
                return not_reviewed(film)
            return await handler(ctx, request, q, film, review)

        return about_film(*intents)(on_film)

    return register


def about_person(*intents: Intent) -> Callable[[PersonHandler], PersonHandler]:
    """Register a handler that answers about the person the question names."""
    return _registers(_about_person, intents)


@handles(Intent.HELP)
async def help_question(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    return hint(ctx, "I answer questions about the films and the site's reviews, like:")


@handles(Intent.RANDOM)
async def random_question(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    return await random_answer(ctx, Request("random"))


@handles(Intent.LATEST)
async def latest_question(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    return await latest_answer(ctx, Request("latest"))


@handles(Intent.STATS)
async def stats_question(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    return await stats_answer(ctx, Request("stats"))


_NEXT = re.compile(r"\bnext\b|\bcoming\b|\bupcoming\b")


@handles(Intent.PROGRESS)
async def progress_question(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    """`how far are you through cage's films?`, `when is the next review?`: from the site's
    progress (the bot doesn't know the site's plans, and says so)."""
    asked = Request("progress", person_id=request.person_id)
    if _NEXT.search(q.sentence):
        return await next_review_answer(ctx, asked)
    return await progress_answer(ctx, asked)


@handles(Intent.UNKNOWN)
async def not_understood(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    """Nothing understood. When a film was named, say so, and offer its card rather than
    show it (the member asked something else about it)."""
    find = q.film
    if find is not None and find.match.status is MatchStatus.FOUND and find.match.best:
        film = find.match.best
        named = film_label(film.title, film.year)
        return Card(
            title=named,
            description=f"I found *{named}* in your question, but not what you'd like to know "
            f"about it. You can ask, for example: “who directed {film.title.lower()}?”, "
            f"“how is the audio?”, “is it worth buying?”",
            tone=Tone.INFO,
            film_id=film.id,
            followups=(Choice("Film card", Request("review", film_id=film.id)),),
        )
    return hint(ctx, "Sorry, I didn't understand that. I can answer questions like:")


# -- finding the film or the person --------------------------------------------------------------


def _film_not_found(ctx: AnswerContext, request: Request, question: Question) -> Answer:
    """No film found: what the question was understood to ask, what could not be found, and
    the nearest titles when there are close ones; never an answer about another film."""
    example = EXAMPLE_OF.get(question.intent, EXAMPLES[0])
    miss = question.film_miss
    if miss is None:
        return Notice(
            f"Which film? I understood a question like “{example}”, but no film in it.",
            Tone.WARNING,
        )
    answer = film_not_found(ctx, miss.match, request, echo(miss.text), min_score=60)
    understood = f"I understood a question like “{example}”. "
    if isinstance(answer, Choices):
        return replace(answer, prompt=understood + answer.prompt)
    if isinstance(answer, Notice):
        return replace(answer, text=understood + answer.text)
    return answer


async def _film_for(
    ctx: AnswerContext,
    request: Request,
    question: Question,
    narrow: Callable[[FilmDocument], bool] | None = None,
    *,
    announce: bool = False,
) -> FilmDocument | Answer:
    """The film the question is about, or an answer that asks back."""
    if request.film_id is None and question.film is None:
        return _film_not_found(ctx, request, question)
    return await resolve_film(ctx, request, named=question.film, narrow=narrow, announce=announce)


def _person_not_found(request: Request, question: Question) -> Answer:
    miss = question.person_miss
    if miss is None:
        return Notice("Who? For example: “which nicolas cage films have you reviewed?”")
    return person_not_found(miss.match, request, echo(miss.text), min_score=60)


async def _person_for(
    ctx: AnswerContext, request: Request, question: Question
) -> PersonDocument | Answer:
    """The person the question is about, or an answer that asks back."""
    if request.person_id is None and question.person is None:
        return _person_not_found(request, question)
    return await resolve_person(
        ctx,
        request,
        named=question.person,
        pick="Several people match “{asked}”. Who do you mean?",
        announce=False,
    )


async def _about_film(
    ctx: AnswerContext, request: Request, question: Question, handler: FilmHandler
) -> Answer:
    film = await _film_for(ctx, request, question, announce=True)
    if not isinstance(film, FilmDocument):
        return film
    # A film found loosely: "Showing *Face/Off (1997)*" above the answer.
    return with_understood(ctx, await handler(ctx, request, question, film))


#: Questions about someone's films that may name no one: the person the site is working
#: through ("whats the newest film", "list all films").
PROJECT_DEFAULT = frozenset({Intent.PERSON_NEWEST, Intent.PERSON_OLDEST, Intent.PERSON_FILMS})


async def _about_person(
    ctx: AnswerContext, request: Request, question: Question, handler: PersonHandler
) -> Answer:
    if (
        question.intent in PROJECT_DEFAULT
        and request.person_id is None
        and question.person is None
        and all(w in QUESTION_WORDS or w in _NOT_A_NAME for w in question.subject.split())
    ):
        person_id = person_named(ctx, ctx.project_person)
        if person_id is not None:
            request = replace(request, person_id=person_id)
    person = await _person_for(ctx, request, question)
    if not isinstance(person, PersonDocument):
        return person
    return await handler(ctx, request, question, person)


# -- sentences ---------------------------------------------------------------------------------


def label(film: FilmDocument | FilmSummary) -> str:
    return film_label(film.title, film.year)


def actor_credits(film: FilmDocument) -> list[CreditDoc]:
    return [c for c in film.credits if c.role == Role.ACTOR]


def cast_text(film: FilmDocument, limit: int = 4) -> str:
    parts = [
        f"{c.person.name} ({c.character})" if c.character else c.person.name
        for c in actor_credits(film)
    ]
    if len(parts) > limit:
        return human_list([*parts[:limit], f"{len(parts) - limit} more"])
    return human_list(parts)


def known_facts(film: FilmDocument) -> str:
    """What the database holds about a film, in one line."""
    facts: list[str] = []
    if film.year:
        facts.append(str(film.year))
    if film.genres:
        facts.append(", ".join(film.genres))
    if film.runtime_min:
        facts.append(f"{film.runtime_min} min")
    if film.certificate:
        facts.append(f"certificate {film.certificate}")
    if directors := people(film, Role.DIRECTOR):
        facts.append(f"directed by {human_list(directors)}")
    if actor_credits(film):
        facts.append(f"starring {cast_text(film, 3)}")
    return " · ".join(facts) if facts else "nothing more than its title"


def unset(film: FilmDocument, what: str) -> str:
    return f"I don't have {what} {label(film)}. What I do know: {known_facts(film)}."


def answer_card(
    film: FilmDocument | FilmSummary,
    text: str,
    *,
    links: tuple[Link, ...] = (),
    extra: Sequence[Choice] = (),
    footer: str | None = None,
) -> Card:
    """A short answer about a film, its card one button away."""
    reviewed = film.review is not None
    if footer is None and not reviewed:
        footer = f"{film.title} is {NOT_REVIEWED}."
    return Card(
        title=label(film),
        description=text,
        footer=footer,
        links=links,
        tone=Tone.CARD if reviewed else Tone.UNREVIEWED,
        film_id=film.id,
        followups=(Choice("Film card", Request("review", film_id=film.id)), *extra),
    )


def not_reviewed(film: FilmDocument) -> Card:
    return answer_card(
        film,
        f"{label(film)} is {NOT_REVIEWED}. What I know about it: {known_facts(film)}.",
    )


def release_of(film: FilmDocument, review: ReviewDoc | None) -> ReleaseDoc | None:
    return (review.release if review else None) or (film.releases[0] if film.releases else None)


def rating_of(review: ReviewDoc, aspect: str) -> tuple[float, str | None] | None:
    rating = next((r for r in review.ratings if r.aspect == aspect), None)
    return None if rating is None else (rating.score, rating.grade)


def ratings_text(review: ReviewDoc, aspects: Sequence[str] = ASPECTS[1:]) -> str:
    """`picture GOOD, audio POOR, extras OK` (the unrated ones said to be unrated)."""
    parts = []
    for aspect in aspects:
        rating = rating_of(review, aspect)
        name = "film" if aspect == "film" else aspect
        parts.append(f"{name} {score_text(aspect, *rating) if rating else 'not rated'}")
    return human_list(parts)


def quote(review: ReviewDoc, aspect: str) -> str | None:
    """The review's own sentence about the picture / audio / extras, if it has one."""
    keywords = REVIEW_ASPECT_WORDS[aspect]
    for text in (review.release_conclusion, review.music_audio, review.style_direction):
        for sentence in _SENTENCE.split(text or ""):
            if any(k in sentence.casefold() for k in keywords):
                return clip(" ".join(sentence.split()), 300)
    return None


# -- film facts --------------------------------------------------------------------------------


@about_film(Intent.DIRECTOR, Intent.WRITER, Intent.COMPOSER, Intent.CINEMATOGRAPHER)
async def crew_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    role, sentence, missing = CREW[q.intent]
    credited = people(film, role)
    if not credited:
        return answer_card(film, unset(film, f"{missing}"))
    text = sentence.format(label=label(film), names=human_list(credited))
    if q.yes_no and q.subject:
        named = [p for p in credited if name_score(q.subject, p) >= NAME_MATCH]
        verb = CREW_VERBS[role]
        text = f"Yes: {human_list(named)} {verb} {label(film)}." if named else f"No: {text}"
    return answer_card(film, text)


@about_film(Intent.RUNTIME)
async def runtime_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    if not film.runtime_min:
        return answer_card(film, unset(film, "the runtime of"))
    hours, minutes = divmod(film.runtime_min, 60)
    long = f" ({hours} h {minutes:02d} min)" if hours else ""
    return answer_card(film, f"{label(film)} runs {film.runtime_min} minutes{long}.")


@about_film(Intent.CERTIFICATE)
async def certificate_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    if not film.certificate:
        return answer_card(film, unset(film, "a certificate for"))
    return answer_card(film, f"{label(film)} is rated {film.certificate} (UK certificate).")


@about_film(Intent.GENRE)
async def genre_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    genres = list(film.genres or [])
    if not genres:
        return answer_card(film, unset(film, "the genre of"))
    listed = f"{label(film)} is listed as {human_list(genres)}."
    if q.genre:
        wanted = genre_key(q.genre)
        if any(genre_key(g) == wanted or genre_key(g).startswith(wanted) for g in genres):
            return answer_card(film, f"Yes: {listed}")
        return answer_card(film, f"No: {listed}")
    return answer_card(film, listed)


@about_film(Intent.YEAR)
async def year_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    review = film.review
    release = release_of(film, review)
    text = (
        f"{film.title} came out in {film.year}."
        if film.year
        else f"I don't have the year {film.title} came out."
    )
    if release is not None and release.release_date is not None:
        by = f" {release.label}" if release.label else ""
        day = human_date(release.release_date)
        text += f" The{by} {release.format or 'Blu-ray'} came out on {day}."
    return answer_card(film, text)


@about_film(Intent.PLOT)
async def plot_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    about = film.synopsis or film.description
    if not about:
        return answer_card(film, unset(film, "a synopsis of"))
    return answer_card(film, clip(" ".join(about.split()), 800))


def _release_name(release: ReleaseDoc, film: FilmDocument) -> str:
    """`the Studiocanal Blu-ray (The Final Cut) of The Wicker Man (1973)`."""
    kind = release.format or "Blu-ray"
    edition = f" ({release.edition})" if release.edition else ""
    by = f" {release.label}" if release.label else ""
    return f"the{by} {kind}{edition} of {label(film)}"


def _no_release(film: FilmDocument) -> Card:
    reviewed = film.review is not None
    text = f"I have no Blu-ray release on record for {label(film)}."
    if not reviewed:
        text += f" It's {NOT_REVIEWED}; what I know: {known_facts(film)}."
    return answer_card(film, text)


@about_film(Intent.BLURAY)
async def bluray_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    release = release_of(film, film.review)
    if release is None:
        return _no_release(film)
    kind = release.format or "Blu-ray"
    edition = f" ({release.edition})" if release.edition else ""
    subject = f"The {kind}{edition} of {label(film)}"
    country = f" in {_country(release.country)}" if release.country else ""
    if release.release_date and release.label:
        day = human_date(release.release_date)
        text = f"{subject} came out on {day}{country}, from {release.label}."
    elif release.release_date:
        day = human_date(release.release_date)
        text = f"{subject} came out on {day}{country}. I don't have its label."
    elif release.label:
        text = f"{subject} is from {release.label}{country}. I don't have its release date."
    else:
        text = f"I don't have the release date or the label of the {kind} of {label(film)}."
    return answer_card(film, text)


def _country(country: str) -> str:
    return f"the {country}" if country in ("UK", "US", "USA", "Netherlands") else country


@about_film(Intent.DISCS)
async def discs_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    release = release_of(film, film.review)
    if release is None:
        return _no_release(film)
    name = _release_name(release, film)
    if not release.discs:
        return answer_card(film, f"I don't have the number of discs in {name}.")
    return answer_card(film, f"{name[0].upper()}{name[1:]} has {plural(release.discs, 'disc')}.")


@about_film(Intent.EXTRAS)
async def extras_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    review = film.review
    release = release_of(film, review)
    if release is None:
        return _no_release(film)
    name = _release_name(release, film)
    extras = list(release.extras or [])
    if extras:
        shown = "; ".join(clip(e, 120) for e in extras[:10])
        more = f"; and {len(extras) - 10} more" if len(extras) > 10 else ""
        text = f"{name[0].upper()}{name[1:]} has {plural(len(extras), 'extra')}: {shown}{more}."
    else:
        text = f"{name[0].upper()}{name[1:]} lists no extras."
    if review is not None:
        rating = rating_of(review, "extras")
        text += (
            f" The review rates the extras {rating[1]}."
            if rating
            else " The review doesn't rate the extras."
        )
    return answer_card(film, text)


# -- the review --------------------------------------------------------------------------------


_SPECS = re.compile(
    r"\b(?:dts(?: hd)?|atmos|dolby\w*|lossless|5 1|7 1|stereo|mono|surround|truehd|lpcm|pcm|"
    r"4k|1080p|2160p|hdr|aspect ratio|widescreen|codec|bitrate|resolution|upscaled?)\b"
)


@about_review(Intent.ASPECT)
async def aspect_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    spec = _SPECS.search(q.sentence)
    if spec is not None:
        # "does the llv disc have dts": the record has no technical specifications.
        aspect = q.aspect or "audio"
        rating = rating_of(review, aspect)
        graded = (
            f" It rates the {aspect} {rating[1] or score_text(aspect, *rating)}." if rating else ""
        )
        return answer_card(
            film,
            f"I don't have the technical details of the {label(film)} disc "
            f"(like “{spec.group(0)}”): the review doesn't list them.{graded}",
            extra=[_read_button(film)],
        )
    aspect = q.aspect or "picture"
    rating = rating_of(review, aspect)
    others = [a for a in ASPECTS[1:] if a != aspect]
    if rating is None:
        text = (
            f"{label(film)}: the review doesn't rate the Blu-ray's {aspect}. "
            f"It rates {ratings_text(review, others)}."
        )
    else:
        grade = rating[1] or score_text(aspect, *rating)
        text = f"{label(film)}: the review rates the Blu-ray's {aspect} {grade}"
        bar = Grade.stored(grade)
        text += f" ({bar.bar})." if bar else "."
    if aspect == "extras":
        release = release_of(film, review)
        if release is not None and release.extras:
            text += f" They are: {clip('; '.join(release.extras), 400)}."
    said = quote(review, aspect)
    if said:
        text += f"\n> {said}"
    return answer_card(film, text)


@about_review(Intent.RATING)
async def rating_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    film_rating = rating_of(review, "film")
    if film_rating is None:
        text = f"The review doesn't give a film rating for {label(film)}."
    else:
        text = f"The review gives {label(film)} {film_score(film_rating[0])}."
    text += f" It rates the Blu-ray: {ratings_text(review)}."
    return answer_card(film, text)


@about_review(Intent.OPINION)
async def opinion_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    film_rating = rating_of(review, "film")
    score = f"film {film_score(film_rating[0])}" if film_rating else "no film rating"
    summary = f"({score}; Blu-ray: {ratings_text(review)})"
    if review.verdict:
        text = f"The verdict on {label(film)}: “{review.verdict}” {summary}."
    else:
        gist = _first_sentence(review.film_conclusion or review.intro)
        text = f"The review of {label(film)} gives no one-line verdict {summary}."
        if gist:
            text += f" It says: “{gist}”"
    return answer_card(film, text)


def _first_sentence(text: str | None) -> str | None:
    if not text:
        return None
    return clip(_SENTENCE.split(" ".join(text.split()))[0], 300)


@about_review(Intent.WORTH)
async def worth_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    verdict = f" Verdict: “{review.verdict}”." if review.verdict else ""
    if review.recommendation:
        text = f"The review's recommendation: “{clip(review.recommendation, 600)}”{verdict}"
    else:
        text = (
            f"The review of {label(film)} makes no buying recommendation.{verdict} "
            f"It rates the Blu-ray: {ratings_text(review)}."
        )
    return answer_card(film, text)


@about_review(Intent.PROS_CONS)
async def pros_cons_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    pros, cons = list(review.pros or []), list(review.cons or [])
    if not pros and not cons:
        return answer_card(film, f"The review of {label(film)} lists no pros or cons.")
    text = f"Pros: {human_list(pros)}." if pros else "The review lists no pros."
    text += f" Cons: {human_list(cons)}." if cons else " The review lists no cons."
    return answer_card(film, text)


@about_review(Intent.AUTHOR)
async def author_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    if not review.author:
        return answer_card(film, f"The review of {label(film)} doesn't say who wrote it.")
    return answer_card(film, f"The review of {label(film)} was written by {review.author}.")


_STREAMING = re.compile(
    r"\b(?:stream\w*|netflix|prime|disney|hulu|apple tv|now tv|online|rent|digital)\b"
)


@about_film(Intent.WHERE_BUY)
async def buy_question(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    answer = await buy_answer(ctx, Request("buy", film_id=film.id))
    followups = (Choice("Film card", Request("review", film_id=film.id)),)
    if isinstance(answer, Card) and _STREAMING.search(q.sentence):
        text = (
            f"I don't know where {label(film)} streams: I only have the review's links to buy "
            "the disc."
        )
        if answer.links:
            text += f" {answer.description or ''}".rstrip()
        return replace(answer, description=text, followups=followups)
    if isinstance(answer, Card):
        if film.review is None:
            description = f"{label(film)} is {NOT_REVIEWED}, so I have no shops for it."
        elif not answer.links:
            description = f"The review of {label(film)} lists no shops."
        else:
            shops = human_list([link.label.removeprefix("Buy at ") for link in answer.links])
            description = f"You can buy {label(film)} at {shops}:\n{answer.description or ''}"
        return replace(answer, description=description, followups=followups)
    return answer


@about_film(Intent.FILM)
async def card_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    return await review_answer(ctx, Request("review", film_id=film.id))


@about_review(Intent.REVIEW_DATE)
async def review_date_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    if review.published:
        day = human_date(review.published)
        return answer_card(film, f"The review of {label(film)} was published on {day}.")
    return answer_card(
        film, f"The review of {label(film)} doesn't give its publication date, and I don't have it."
    )


@about_film(Intent.READ)
async def read_question(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    return await read_answer(ctx, Request("read", film_id=film.id))


@about_review(Intent.HEADLINE)
async def headline_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    if not review.headline:
        return answer_card(film, f"The review of {label(film)} has no headline on record.")
    return answer_card(film, f"The review of {label(film)} is headlined “{review.headline}”.")


@about_film(Intent.REGION)
async def region_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    release = release_of(film, film.review)
    if release is None:
        return _no_release(film)
    name = _release_name(release, film)
    if release.region:
        return answer_card(film, f"{_capital(name)} is region {release.region}.")
    where = f" (it's the {release.country} release)" if release.country else ""
    return answer_card(
        film, f"The review doesn't say which region {name} is{where}, and I don't have it."
    )


_EDITIONS = {
    "4k": "4K UHD",
    "ultra hd": "4K UHD",
    "hdr": "4K UHD",
    "dolby vision": "4K UHD",
    "steelbook": "Steelbook",
    "steel book": "Steelbook",
    "dvd": "DVD",
    "criterion": "Criterion",
    "arrow": "Arrow",
    "88 films": "88 Films",
    "box set": "box set",
    "boxset": "box set",
}


@about_film(Intent.EDITION)
async def edition_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    """`is there a 4k of leaving las vegas`: what the site reviewed, and that it has no review
    of another edition (the bot can't know what is on sale)."""
    review = film.review
    release = release_of(film, review)
    asked = next((name for word, name in _EDITIONS.items() if f" {word} " in f" {q.sentence} "), "")
    if release is None:
        text = f"I have no release on record for {label(film)}"
        text += f", so nothing about a {asked} edition." if asked else "."
        if review is None:
            text += f" It's {NOT_REVIEWED}."
        return answer_card(film, text)
    name = _release_name(release, film)
    reviewed = "The site reviewed" if review is not None else "I have on record"
    text = f"{reviewed} {name}"
    details = [d for d in (release.country, human_date(release.release_date)) if d]
    text += f" ({', '.join(details)})." if details else "."
    kind = f"{release.format or ''} {release.edition or ''} {release.label or ''}".casefold()
    if asked and asked.casefold() not in kind:
        text += f" I have no review of a {asked} edition, and I can't tell what else is on sale."
    elif not asked:
        text += " I have no review of any other edition."
    return answer_card(film, text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


#: How members name an extra -> words to look for in the extras list.
_EXTRA_NAMES = {
    "making of": ("making of", "making-of", "behind the scenes"),
    "behind the scenes": ("behind the scenes", "making of", "b-roll"),
    "commentary": ("commentary", "commentaries"),
    "interview": ("interview",),
    "featurette": ("featurette",),
    "deleted scenes": ("deleted scene",),
    "trailer": ("trailer",),
    "b roll": ("b-roll", "b roll"),
    "booklet": ("booklet",),
    "outtakes": ("outtake", "blooper", "gag reel"),
    "bloopers": ("blooper", "outtake", "gag reel"),
    "gag reel": ("gag reel", "blooper", "outtake"),
    "alternate ending": ("alternate ending", "alternative ending"),
    "documentary": ("documentary",),
    "subtitles": ("subtitle",),
    "audio description": ("audio description",),
}


@about_film(Intent.HAS_EXTRA)
async def has_extra_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument
) -> Answer:
    """`is there a making of on leaving las vegas`: whether the extras list has it, quoting
    the list."""
    release = release_of(film, film.review)
    if release is None:
        return _no_release(film)
    sentence = f" {q.sentence} "
    asked = next(
        (n for n in _EXTRA_NAMES if f" {n} " in sentence or f" {n}s " in sentence), "extra"
    )  # "extra": none of the names members use; the list is quoted
    extras = list(release.extras or [])
    name = _release_name(release, film)
    if not extras:
        return answer_card(film, f"I have no extras list for {name}, so I can't say.")
    found = [e for e in extras if any(k in e.casefold() for k in _EXTRA_NAMES.get(asked, ()))]
    listed = "; ".join(clip(e, 120) for e in extras[:10])
    if asked == "extra":
        text = f"The extras list of {name}: {listed}."
    elif found:
        text = f"Yes: the extras of {name} include {human_list([f'“{e}”' for e in found])}."
    else:
        thing = asked if asked.endswith("s") else f"a {asked}"
        text = f"The extras list of {name} doesn't mention {thing}. It lists: {listed}."
    return answer_card(film, text)


@about_review(Intent.REVIEW_YES_NO)
async def review_yes_no_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    """`does the music drown out the dialogue in leaving las vegas`: the review's own
    sentence that answers it, with the rating it belongs to; never a fact about the crew."""
    words = _words_besides_the_film(q)
    said = yes_no_from_review(film, review, words)
    if said:
        return answer_card(film, said, extra=[_read_button(film)])
    if q.topic is not None or q.aspect is not None:
        # Not answered in so many words: what the review says on that subject.
        text, buttons = section_quote(film, review, q.topic or q.aspect or "film", words)
        lead = f"The review doesn't answer that in so many words. {text}"
        return answer_card(film, lead, extra=buttons or [_read_button(film)])
    text = f"The review of {label(film)} doesn't say."
    aspect = q.aspect
    if aspect in ASPECTS[1:] and aspect is not None and (rating := rating_of(review, aspect)):
        text += f" It rates the Blu-ray's {aspect} {rating[1] or score_text(aspect, *rating)}."
    return answer_card(film, text, extra=[_read_button(film)])


def _words_besides_the_film(q: Question) -> list[str]:
    """The question's words without those that named the film ("llv" is not a topic)."""
    named = set(q.film.span.positions) if q.film is not None else set()
    return [word for i, word in enumerate(q.words) if i not in named]


def _read_button(film: FilmDocument) -> Choice:
    return Choice("Read the review", Request("read", film_id=film.id))


@about_review(Intent.REVIEW_SAYS)
async def review_says_answer(
    ctx: AnswerContext, request: Request, q: Question, film: FilmDocument, review: ReviewDoc
) -> Answer:
    """`how is the acting in leaving las vegas`: the most relevant sentences of the review's
    part about it, quoted and attributed, with a button to read the whole part."""
    words = _words_besides_the_film(q)
    topic = q.topic
    if topic is None and q.person is not None:  # "how was elisabeth shue in llv"
        topic = "acting"
    text, buttons = section_quote(film, review, topic or "film", words)
    return answer_card(film, text, extra=buttons or [_read_button(film)])


# -- cast and characters -------------------------------------------------------------------------


def name_score(query: str, name: str) -> float:
    """How well `query` names `name` or a run of its words ("sera", "cyrus virus", "cage")."""
    q, n = normalize_name(query), normalize_name(name)
    if not q or not n:
        return 0.0
    if q == n:
        return 100.0
    best = fuzz.ratio(q, n)
    q_words, n_words = q.split(), n.split()
    for size in (len(q_words), len(q_words) + 1):
        for start in range(0, len(n_words) - size + 1):
            part = " ".join(n_words[start : start + size])
            best = max(best, fuzz.ratio(q, part) - 1.0)  # a part: a shade below the whole
    return float(best)


def character_score(query: str, character: str | None) -> float:
    if not character:
        return 0.0
    parts = [character, *re.split(r"\s*/\s*|\s+aka\s+", character)]
    return max(name_score(query, part) for part in parts if part)


def _credited(film: FilmDocument, person_ids: set[int], subject: str) -> list[CreditDoc]:
    """The film's credits of the person the subject names (by id, else by a close name)."""
    by_id = [c for c in film.credits if c.person.id in person_ids]
    if by_id:
        return by_id
    return [c for c in film.credits if name_score(subject, c.person.name) >= 90]


def _person_ids(ctx: AnswerContext, subject: str) -> tuple[set[int], str | None]:
    """People the index finds for the subject, and a found person's name."""
    match = ctx.index.find_person(subject) if subject else None
    if match is None or match.status in (MatchStatus.EMPTY, MatchStatus.NOT_FOUND):
        return set(), None
    ids = {c.doc.id for c in match.candidates} if match.best is None else {match.best.id}
    return ids, match.best.name if match.best else None


def _characters(film: FilmDocument, subject: str) -> list[tuple[float, CreditDoc]]:
    scored = [(character_score(subject, c.character), c) for c in actor_credits(film)]
    return sorted(((s, c) for s, c in scored if s >= NAME_MATCH), key=lambda sc: -sc[0])


def _role_line(credits: Sequence[CreditDoc], film: FilmDocument, yes: bool) -> str:
    person = credits[0].person.name
    acting = [c for c in credits if c.role == Role.ACTOR]
    crew = [ROLE_LABELS.get(Role(c.role), c.role) for c in credits if c.role != Role.ACTOR]
    lead = "Yes: " if yes else ""
    if acting:
        characters = [c.character for c in acting if c.character]
        line = (
            f"{lead}{person} plays {human_list(characters)} in {label(film)}."
            if characters
            else f"{lead}{person} is in the cast of {label(film)} (no character name given)."
        )
        if crew:
            line += f" They are also credited as {human_list(crew)}."
        return line
    return f"{person} isn't in the cast of {label(film)}, but is credited as {human_list(crew)}."


@handles(Intent.CAST)
async def _cast(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    subject = _LEAD.sub("", q.subject).strip()  # "who is the main actor in llv": the cast
    if request.film_id is None and q.film is None and not q.found:
        return _film_not_found(ctx, request, q)  # "is elisabeth shue in leaving las vegas 2"
    if request.film_id is None and q.film is None and not q.separated and subject:
        if q.person is not None and q.person.match.best is not None:
            return await _roles_of(ctx, q.person.match.best.id)  # `who did steven weber play`
        return await _who_plays_anywhere(ctx, request, subject)
    ids, _ = _person_ids(ctx, subject)

    def fits(film: FilmDocument) -> bool:
        return bool(_credited(film, ids, subject) or _characters(film, subject))

    film = await _film_for(ctx, request, q, narrow=fits if subject else None)
    if not isinstance(film, FilmDocument):
        return film
    full_cast = Choice("Full cast", Request("cast", film_id=film.id))
    if not subject and q.film is not None and _role_question(q):
        subject = q.film.text  # `who plays renfield`: the title is the character's name
    if not subject:
        if not actor_credits(film):
            return answer_card(film, f"I have no cast for {label(film)}.")
        if not film.cast_complete:
            return answer_card(film, partial_cast_line(film), extra=[full_cast])
        return answer_card(film, f"{label(film)} stars {cast_text(film)}.", extra=[full_cast])
    credits = _credited(film, ids, subject)
    characters = _characters(film, subject)
    if credits and (not characters or characters[0][0] < 100 or q.yes_no):
        return answer_card(film, _role_line(credits, film, q.yes_no), extra=[full_cast])
    if characters:
        best_score = characters[0][0]
        top = [c for s, c in characters if s >= best_score - 2]
        lines = [f"{c.person.name} plays {c.character}" for c in top]
        lead = "Yes: " if q.yes_no else ""
        return answer_card(film, f"{lead}{human_list(lines)} in {label(film)}.", extra=[full_cast])
    if q.yes_no and not ids and not _IS_IN.search(q.sentence):
        # "does cage die in llv", "did llv get 5 stars": not about the cast list at all.
        return await review_yes_no_answer(ctx, request, q, film)
    if q.yes_no or ids:
        _, found_name = _person_ids(ctx, subject)
        who = found_name or f"anyone called “{echo(subject, 60)}”"
        if not film.cast_complete:
            # Only a complete cast list can say "No".
            text = f"{partial_cast_line(film)[:-1]}, so I can't say whether {who} is in it."
            return answer_card(film, text, extra=[full_cast])
        return answer_card(
            film, f"No: the cast I have for {label(film)} doesn't include {who}.", extra=[full_cast]
        )
    cast = cast_text(film, 5)
    asked = echo(subject, 60)
    text = f"I can't find a character called “{asked}” in the cast I have for {label(film)}."
    if cast:
        text += f" The cast I have: {cast}."
    return answer_card(film, text, extra=[full_cast])


_IS_IN = re.compile(r"^(?:and |so |but )?(?:is|was|are|were)\b")  # "is <someone> in <film>"
_LEAD = re.compile(
    r"\b(?:main|lead|leading|star|starring|actors?|actress(?:es)?|characters?|guy)\b"
)


def partial_cast_line(film: FilmDocument) -> str:
    """What a partial cast list (a catalogue row's) holds, said as such."""
    if not actor_credits(film):
        return f"I have no cast list for {label(film)}; what I have isn't complete."
    return f"The cast I have for {label(film)} lists only {cast_text(film)}; it isn't complete."


async def _roles_of(ctx: AnswerContext, person_id: int) -> Answer:
    """`who did steven weber play`: the person's parts in the films I have."""
    person = await person_by_id(ctx, person_id)
    if not isinstance(person, PersonDocument):
        return person
    roles = [c for c in person.credits if c.role == Role.ACTOR]
    if not roles:
        return Notice(f"I have no acting parts for {person.name}.", Tone.INFO)
    roles.sort(key=lambda c: (c.film.year or 9999, c.film.title.casefold()))
    parts = [
        f"{c.character} in {label(c.film)}" if c.character else f"a part in {label(c.film)}"
        for c in roles
    ]
    if len(parts) == 1:
        return answer_card(roles[0].film, f"{person.name} plays {parts[0]}.")
    items = tuple(
        f"**{label(c.film)}** — {c.character or 'no character name given'}" for c in roles
    )
    return ItemList(title=f"{person.name}'s parts", items=items, intro=f"{len(items)} parts.")


def _role_question(q: Question) -> bool:
    return (
        re.search(r"\b(?:play|plays|played|playing|portray\w*|character|role)\b", q.sentence)
        is not None
    )


async def _who_plays_anywhere(ctx: AnswerContext, request: Request, subject: str) -> Answer:
    """`who plays sera`: a character in any film."""
    words = normalize_name(subject).split()
    rows = await characters_like(ctx.session, words)
    scored = sorted(
        ((character_score(subject, row.character), row) for row in rows),
        key=lambda sr: (-sr[0], sr[1].year or 0),
    )
    hits = [row for score, row in scored if score >= 85]
    asked = echo(subject, 60)
    if not hits:
        return Notice(
            f"I couldn't find a character or an actor called “{asked}” in the casts I have. "
            f"Name the film too, like “who plays {asked} in leaving las vegas?”",
            Tone.WARNING,
        )
    if len(hits) == 1:
        row = hits[0]
        film = await ctx.reads.film(row.film_id)
        if film is not None:
            return answer_card(
                film, f"{row.person} plays {row.character} in {film_label(row.title, row.year)}."
            )
    items = tuple(
        f"**{row.person}** as {row.character} — {film_label(row.title, row.year)}"
        for row in hits[:25]
    )
    return ItemList(title=f"Who plays “{asked}”", items=items, intro=f"{len(hits)} roles match.")


# -- people ------------------------------------------------------------------------------------


@about_person(Intent.PERSON_FILMS, Intent.PERSON)
async def films_of_person(
    ctx: AnswerContext, request: Request, q: Question, person: PersonDocument
) -> Answer:
    """`what films has shue been in`; with a year or a decade (`cage films from the 90s`),
    only those."""
    for word in q.words:
        period = period_of(word)
        if isinstance(period, str):
            return Notice(period, Tone.WARNING)
        if period is not None:
            first, last, said = period
            return filmography_list(person, FilmFilter(None, first, last, said))
    return filmography_list(person)


@about_person(Intent.PERSON_NEWEST, Intent.PERSON_OLDEST)
async def film_by_year(
    ctx: AnswerContext, request: Request, q: Question, person: PersonDocument
) -> Answer:
    return person_film_by_year(person, newest=q.intent is Intent.PERSON_NEWEST)


@about_person(Intent.PERSON_DIRECTED)
async def directed_by(
    ctx: AnswerContext, request: Request, q: Question, person: PersonDocument
) -> Answer:
    directed = [c for c in person.credits if c.role == Role.DIRECTOR]
    if not directed:
        count = len({c.film.id for c in person.credits})
        return Card(
            title=person.name,
            description=f"The database has no film directed by {person.name} "
            f"(credited on {plural(count, 'film')} in other roles).",
            tone=Tone.INFO,
            followups=(Choice("Filmography", Request("filmography", person_id=person.id)),),
        )
    rows = []
    reviewed = 0
    for credit in directed:
        film = credit.film
        review = film.review
        reviewed += review is not None
        status = (
            clip(review.verdict, 90)
            if review and review.verdict
            else ("reviewed" if review else NOT_REVIEWED)
        )
        rows.append((film.year or 9999, film.title.casefold(), f"**{label(film)}** · {status}"))
    rows.sort()
    return ItemList(
        title=f"Films directed by {person.name}",
        items=tuple(line for *_, line in rows),
        intro=f"{person.name} directed {plural(len(rows), 'film')} in the database, "
        f"{reviewed} reviewed.",
    )


# -- counts and rankings -----------------------------------------------------------------------


#: Words left beside "best" or "how many" that name no one and narrow nothing.
_NOT_A_NAME = frozenset(
    str.split(
        """
    site catalogue catalog database server collection list ever all time overall you your
    here there shortest longest oldest newest latest won win wins award awards oscar oscars
    """
    )
)


async def _optional_person(
    ctx: AnswerContext, request: Request, q: Question
) -> tuple[PersonDocument | None, str] | Answer:
    """The person a count or a ranking is about, if any, and a note when the other words
    name nobody ("how many films have you reviewed this year": all reviews, said so)."""
    miss = q.person_miss
    near = miss is not None and any(c.score >= 75 for c in miss.match.candidates)
    if request.person_id is not None or q.person is not None or near:
        found = await _person_for(ctx, request, q)  # or "did you mean" the nearest people
        return (found, "") if isinstance(found, PersonDocument) else found
    if q.subject and any(w not in _NOT_A_NAME for w in q.subject.split()):
        return None, f" (I don't know anyone called “{echo(q.subject, 60)}”: that's all reviews.)"
    return None, ""


@handles(Intent.COUNT, Intent.PERSON_REVIEWED)
async def _reviewed(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    """`how many films have you reviewed`, `which cage films have you reviewed`."""
    found = await _optional_person(ctx, request, q)
    if not isinstance(found, tuple):
        return found
    person, note = found
    periods = [p for w in q.words if isinstance(p := period_of(w), tuple)]
    if periods:
        note += f" (I can't count by year yet: that's every year, not only {periods[0][2]}.)"
    person_id = person.id if person else None
    rows = await reviewed_films(ctx.session, person_id)
    total = await count_films(ctx.session, person_id)
    reviewed = await count_reviewed(ctx.session, person_id)
    whose = f"{person.name} " if person else ""
    sentence = (
        f"I've reviewed {plural(reviewed, f'{whose}film')} so far, "
        f"out of {total} {whose}film{'s' if total != 1 else ''} in the database."
    )
    if q.intent is Intent.COUNT or not rows:
        followups = [Choice("Stats", Request("stats"))]
        if person is not None:
            followups = [Choice("Filmography", Request("filmography", person_id=person.id))]
        if rows and person is not None:
            listed = human_list([film_label(r.title, r.year) for r in rows[:10]])
            sentence += f" Reviewed: {listed}."
        return Card(
            title="Reviews" if person is None else f"Reviewed {person.name} films",
            description=sentence + note,
            tone=Tone.INFO,
            followups=tuple(followups),
        )
    items = []
    for row in rows:
        verdict = f" — {clip(row.verdict, 120)}" if row.verdict else ""
        items.append(f"**{film_label(row.title, row.year)}**{verdict}")
    return ItemList(
        title=f"Reviewed {person.name} films" if person else "Reviewed films",
        items=tuple(items),
        intro=sentence + note,
    )


@handles(Intent.BEST)
async def _best(ctx: AnswerContext, request: Request, q: Question) -> Answer:
    """`which film has the best audio`, `the best-rated cage film`, `the worst`."""
    aspect = q.aspect or "film"
    found = await _optional_person(ctx, request, q)
    if not isinstance(found, tuple):
        return found
    person, note = found
    result, fallback = await ranking_or_fallback(
        ctx.session,
        aspect,
        worst=q.worst,
        limit=25,
        person_id=person.id if person else None,
        whose=person.name if person else None,
    )
    if fallback:
        note = f" {fallback}{note}"
    aspect = result.aspect  # the Blu-ray ratings when no review gives a film rating
    word = "worst" if q.worst else "best"
    name = ASPECT_NAMES[aspect]
    pool = f"{person.name} films I've reviewed" if person else "reviewed films"
    top = best_of(result)
    left_out = left_out_text(result)
    if not top:
        if not result.reviewed:
            text = (
                f"I haven't reviewed any {person.name} films yet."
                if person
                else "Nothing is reviewed yet."
            )
        elif person is not None:
            films_word = plural(result.reviewed, f"{person.name} film")
            text = f"None of the {films_word} I've reviewed has a {name}."
        else:
            text = f"None of the {plural(result.reviewed, 'reviewed film')} has a {name}."
        return Card(title=f"The {word} {name}", description=text + note, tone=Tone.INFO)
    shown = score_text(aspect, top[0].score, top[0].grade)
    films = human_list([film_label(f.title, f.year) for f in top])
    what = f"{word}-rated" if aspect in ("film", BLURAY) else f"{word} {aspect}"
    if len(top) > 1:
        text = f"The {what} of the {pool} ({shown}): {films}."
    elif aspect in ("film", BLURAY):
        text = f"The {what} of the {pool} is {films}: {shown}."
    else:
        verb = "are" if aspect == "extras" else "is"
        text = f"The {what} of the {pool} {verb} on {films}: {shown}."
    if left_out:
        text += f" {left_out}"
    command = "worst" if q.worst else "top"
    extra = [Choice(f"{command.title()} 10", Request(command, aspect))]
    if len(top) == 1:
        film = await ctx.reads.film(top[0].film_id)
        if film is not None:
            return answer_card(film, text + note, extra=extra)
    return Card(
        title=f"The {word} {name}", description=text + note, tone=Tone.INFO, followups=tuple(extra)
    )


__all__ = ["EXAMPLES", "ask_answer", "character_score", "name_score"]
