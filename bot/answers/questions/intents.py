"""What a question asks (no Discord, no database): the intent, and the film, person or
character it names.

1. The sentence is normalised: mentions dropped, contractions and chat spellings ("wat", "r",
   "whos") spelled out, possessives dropped ("cage's" -> "cage"), "blu-ray" made one word, and
   question words with a small typo ("directd", "pictrue") corrected.
2. The table of intents (table.py) says which intents the sentence could be, in order. Each row
   names its question words: they cut the sentence into segments, and the segments are
   searched for the film or person (entities.py). Words of the question itself ("age rating",
   "the next review", "newest") never name a film or a person unless the member typed a whole
   title in the film's place, quoted it, or gave its year.
3. The first candidate intent whose film or person is found wins. When none is found, the
   first candidate is kept and its best miss is quoted back with "did you mean" suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypedDict

from rapidfuzz.distance import OSA

from bot.answers.questions.entities import (
    QUESTION_WORDS,
    FilmFind,
    Finder,
    PersonFind,
    Span,
    Words,
    content,
    is_year,
    words_outside,
)
from bot.answers.questions.table import (
    ASPECTS,
    GENRE_QUESTION,
    STRONG_OPINION,
    TOPIC_PATTERNS,
    WORST,
    YES_NO_START,
    Intent,
    Need,
    Rule,
    candidates,
    rank,
)
from bot.answers.questions.vocabulary import (
    CARD_WORDS,
    CUE_WORDS,
    FILLER,
    PAIRS,
    SLANG,
    YEAR_PREPOSITIONS,
)
from bot.answers.text import clean_input
from bot.answers.vocabulary import GENRE_ALIASES
from bot.search import FilmDoc, MatchStatus, SearchIndex, normalize_name

# -- normalising -------------------------------------------------------------------------------

_MENTION = re.compile(
    r"<@[!&]?\d+>|@popcorn\b|@everyone|@here|^(?:(?:hey|hi|hello|yo|oi|ok|okay),? )?popcorn\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”«»„`]([^\"“”«»„`]{1,120})[\"“”«»„`]")
_CANT = re.compile(r"\bcan['’]t\b", re.IGNORECASE)
_WONT = re.compile(r"\bwon['’]t\b", re.IGNORECASE)
_NT = re.compile(r"n['’]t\b", re.IGNORECASE)
_IS = re.compile(
    r"\b(what|who|how|where|when|why|which|that|there|here|it|he|she)['’]s\b", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s|$|[^\w])")
_VERB = re.compile(r"['’](ve|re|ll|d|m)\b", re.IGNORECASE)
_VERBS = {"ve": " have", "re": " are", "ll": " will", "d": " would", "m": " am"}
_CUE_LIST = sorted(CUE_WORDS)
_KNOWN = CUE_WORDS | FILLER | frozenset(" ".join(SLANG.values()).split())


def correct(word: str) -> str:
    """A question word typed with one slip ("directd", "pictrue", "reveiwed"), else the word."""
    if len(word) < 5 or word in _KNOWN or not word.isalpha():
        return word
    allowed = 1 if len(word) < 10 else 2
    scored = sorted(
        (OSA.distance(word, cue, score_cutoff=allowed), -_common_prefix(word, cue), cue)
        for cue in _CUE_LIST
        if abs(len(cue) - len(word)) <= allowed
    )
    return scored[0][2] if scored and scored[0][0] <= allowed else word


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def without_mentions(text: str) -> str:
    """The message without mentions of anyone (`hey @Popcorn who directed con air`)."""
    return " ".join(_MENTION.sub(" ", text).split())


def quoted(text: str) -> tuple[str, ...]:
    """The titles a member put in quotes: `is "next" any good` (normalised)."""
    return tuple(normalize_name(m.group(1)) for m in _QUOTED.finditer(text) if m.group(1).strip())


def normalise(text: str) -> Words:
    """Lower-case words with chat spellings spelled out (see the module docstring)."""
    text = without_mentions(clean_input(text))
    text = _CANT.sub("can not", text)
    text = _WONT.sub("will not", text)
    text = _NT.sub(" not", text)
    text = _IS.sub(r"\1 is", text)
    text = _VERB.sub(lambda m: _VERBS[m.group(1).lower()], text)
    text = _POSSESSIVE.sub("", text)
    words: list[str] = []
    for raw in normalize_name(text).split():
        if raw == "r" and words and words[-1] == "rated":
            words.append(raw)  # "rated r", not "rated are"
            continue
        words.extend(SLANG.get(raw, raw).split())
    merged: list[str] = []
    for word in words:
        if merged and (merged[-1], word) in PAIRS:
            merged[-1] = PAIRS[(merged[-1], word)]
        else:
            merged.append(word)
    out: list[str] = []
    for i, word in enumerate(merged):
        nxt = merged[i + 1] if i + 1 < len(merged) else ""
        if word in YEAR_PREPOSITIONS and is_year(nxt) and out:
            continue  # "the wicker man from 2006" -> "the wicker man 2006"
        out.append(word)
    return tuple(out)


def _aspect_of(sentence: str) -> str | None:
    found = [(m.start(), aspect) for aspect, pattern in ASPECTS if (m := pattern.search(sentence))]
    return min(found)[1] if found else None


def _topic_of(sentence: str) -> str | None:
    found = [(m.start(), t) for t, pattern in TOPIC_PATTERNS if (m := pattern.search(sentence))]
    return min(found)[1] if found else None


# -- the question ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    """What was asked: everything the answering code needs, no database objects."""

    intent: Intent
    words: Words
    film: FilmFind | None = None  # a hit: FOUND, AMBIGUOUS or YEAR_MISMATCH
    film_miss: FilmFind | None = None  # nothing found: the words to quote, with suggestions
    person: PersonFind | None = None
    person_miss: PersonFind | None = None
    subject: str = ""  # the other named words: a person or a character
    aspect: str | None = None  # picture / audio / extras (film for BEST when none named)
    worst: bool = False
    yes_no: bool = False  # "is / was / did ..." questions
    genre: str | None = None
    topic: str | None = None  # what a question about the review's words is about (table.py)
    separated: bool = False  # the subject was followed by "in <something>"
    found: bool = False  # everything the intent needs was found
    tried: tuple[Intent, ...] = field(default=())

    @property
    def sentence(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class Segments:
    """The words between a rule's question words (as typed), and where each starts."""

    words: list[Words]
    offsets: list[int]


def _segments(raw: Words, fixed: Words, strip: re.Pattern[str] | None) -> Segments:
    """Cut where `strip` matches the corrected sentence; keep the words as typed, so a title
    word that looks like a question word with a typo ("racing") is still looked up as typed."""
    cut = [False] * len(fixed)
    if strip is not None:
        starts, position = [], 0
        for word in fixed:
            starts.append(position)
            position += len(word) + 1
        for match in strip.finditer(" ".join(fixed)):
            for i, begin in enumerate(starts):
                if begin < match.end() and begin + len(fixed[i]) > match.start():
                    cut[i] = True
    segments = Segments([], [])
    run: list[str] = []
    for i, word in enumerate(raw):
        if cut[i]:
            if run:
                segments.words.append(tuple(run))
                segments.offsets.append(i - len(run))
            run = []
        else:
            run.append(word)
    if run:
        segments.words.append(tuple(run))
        segments.offsets.append(len(raw) - len(run))
    return segments


def _subject(words: Sequence[str]) -> str:
    return " ".join(w for w in words if w not in FILLER and not is_year(w))


def understand(
    text: str, index: SearchIndex, *, film_known: bool = False, person_known: bool = False
) -> Question:
    """The question's intent and entities. `film_known` / `person_known`: the member already
    chose them (a "did you mean" answer), so a near miss counts as the film's place.

    Read once as typed; when words outside the film or name found look like question words
    with a typo ("directd"), read again with them corrected and keep that reading if it found
    what it needs."""
    raw = normalise(text)
    finder = Finder(index, quoted=quoted(text))
    first = _understand(raw, raw, finder, film_known, person_known)
    protected: set[int] = set()
    for find in (first.film, first.person):
        if find is not None:
            protected.update(find.span.positions)
    fixed = tuple(w if i in protected else correct(w) for i, w in enumerate(raw))
    if fixed == raw:
        return first
    second = _understand(raw, fixed, finder, film_known, person_known)
    if first.found and second.found:
        # Both make sense: the more specific reading (earlier in the table) wins.
        return second if rank(second.intent) < rank(first.intent) else first
    return second if second.found else first


class _Common(TypedDict):
    """What a sentence says whichever rule reads it (set on every reading's Question)."""

    words: Words
    aspect: str | None
    worst: bool
    yes_no: bool
    topic: str | None
    tried: tuple[Intent, ...]
    genre: str | None


def _understand(
    raw: Words, fixed: Words, finder: Finder, film_known: bool, person_known: bool
) -> Question:
    s = " ".join(fixed)
    rules = candidates(s, " ".join(raw))
    genre_match = GENRE_QUESTION.search(s)
    genre = genre_match.group(1) if genre_match else None
    common = _Common(
        words=fixed,
        aspect=_aspect_of(s),
        worst=WORST.search(s) is not None,
        yes_no=YES_NO_START.search(s) is not None,
        topic=_topic_of(s),
        tried=tuple(rule.intent for rule in rules),
        genre=GENRE_ALIASES.get(genre or "", genre),
    )
    first: Question | None = None
    first_rule: Rule | None = None
    for rule in rules:
        segments = _segments(raw, fixed, rule.strip)
        question = replace(
            _attempt(rule, segments, finder, film_known, person_known, raw), **common
        )
        by_subject_only = rule.need is Need.FILM_OR_SUBJECT and question.film is None
        if by_subject_only and first is not None and not film_known:
            continue  # "who directed the film where cage plays...": not "who plays..."
        if _satisfied(rule.need, question, film_known, person_known):
            return replace(_with_person(question, segments, finder), found=True)
        if first is None:
            first, first_rule = question, rule
    if (
        first is not None
        and not (first_rule is not None and first_rule.weak)
        and not _weak(first, s)
    ):
        return first
    return replace(_fallback(raw, finder, film_known, person_known), **common)


_FILMISH = re.compile(
    r"\b(?:films?|movies?|blurays?|discs?|releases?|reviews?|reviewed|rated|rating|picture|"
    r"audio|sound|extras|transfer|roles?|performances?)\b"
)


def _weak(question: Question, sentence: str) -> bool:
    """An unanswered "opinion" read only from words like "good" or "like", or a "best" that
    names no film word: small talk ("good morning", "the best pizza"), not a question."""
    if question.intent is Intent.OPINION:
        return not STRONG_OPINION.search(sentence)
    if question.intent is Intent.BEST:
        return not _FILMISH.search(sentence)
    return False


#: Intents about a film where the other words may name a person (`is john travolta in face
#: off`, `did john woo direct face off`, `who did steven weber play`).
WITH_PERSON = frozenset(
    {
        Intent.CAST,
        Intent.DIRECTOR,
        Intent.WRITER,
        Intent.COMPOSER,
        Intent.CINEMATOGRAPHER,
        Intent.REVIEW_SAYS,
    }
)


def _with_person(question: Question, segments: Segments, finder: Finder) -> Question:
    """The person a film question also names, when the other words are that name and
    nothing else (so "hard" in "is the dialogue hard to hear" is never Robin Hardy)."""
    if question.intent not in WITH_PERSON or question.person is not None:
        return question
    if not question.subject:
        return question
    span = question.film.span if question.film is not None else None
    rest = tuple(w for w in words_outside(segments.words, span) if not is_year(w))
    person, _ = finder.find_person([rest], windows=False)
    if person is None or person.match.status is not MatchStatus.FOUND:
        return question
    named = [w for w in content(rest) if w not in QUESTION_WORDS]
    if len(content(person.text.split())) < len(named):
        return question
    return replace(question, person=person)


def _attempt(
    rule: Rule,
    segments: Segments,
    finder: Finder,
    film_known: bool,
    person_known: bool,
    raw: Words = (),
) -> Question:
    intent = rule.intent
    words = segments.words
    if rule.need is Need.NOTHING:
        return Question(intent, ())
    if rule.need in (Need.PERSON, Need.OPTIONAL_PERSON):
        subject = _subject([w for seg in words for w in seg])
        if not subject:
            return Question(intent, ())
        person, person_miss = finder.find_person(words, segments.offsets)
        if person is None and person_known and person_miss is not None:
            person, person_miss = person_miss, None
        rest = words_outside(words, person.span) if person else []
        return Question(
            intent,
            (),
            person=person,
            person_miss=person_miss,
            subject=_subject(rest) if person else subject,
        )
    film, miss = finder.find_film(words, segments.offsets)
    if film is None:
        film = _title_at_the_end(raw, finder) or film
    if film is None and film_known and miss is not None:
        film, miss = miss, None  # the member picked the film this miss was quoting
    subject = _subject(words_outside(words, film.span if film else None))
    separated = False
    if film is None and (rule.need is Need.FILM_OR_SUBJECT or intent is Intent.CAST):
        # `who plays sera in blorp`: the words after "in" name a film that isn't there.
        for number, segment in enumerate(words):
            places = [i for i, w in enumerate(segment) if w in ("in", "on", "from")]
            places = [i for i in places if 0 < i < len(segment) - 1 and content(segment[i + 1 :])]
            if places and content(segment[: places[0]]):
                separated = True
                text = " ".join(segment[places[0] + 1 :])
                match = finder.film(text)
                if match is not None:
                    span = Span(number, places[0] + 1, len(segment), segments.offsets[number])
                    miss = FilmFind(match, span, text)
                    subject = _subject(segment[: places[0]])
                break
    return Question(intent, (), film=film, film_miss=miss, subject=subject, separated=separated)


_BEFORE_TITLE = frozenset({"for", "of", "on", "in", "about"})


def _title_at_the_end(raw: Words, finder: Finder) -> FilmFind | None:
    """A title that uses the question's own words, typed whole after "for" / "of" / "on"
    (`who did the score for a score to settle`): found only as a clear, close match."""
    for i, word in enumerate(raw[:-1]):
        if word not in _BEFORE_TITLE:
            continue
        tail = raw[i + 1 :]
        hit, _ = finder.find_film([tail], windows=False)
        if hit is None or hit.match.status is not MatchStatus.FOUND or _score(hit) < 90:
            continue
        if content(words_outside([tail], hit.span)):
            continue  # the title must be all that follows
        return FilmFind(hit.match, Span(-1, hit.span.start, hit.span.end, i + 1), hit.text)
    return None


def _satisfied(need: Need, question: Question, film_known: bool, person_known: bool) -> bool:
    if need is Need.NOTHING:
        return True
    if need is Need.FILM:
        return question.film is not None or film_known
    if need is Need.PERSON:
        return question.person is not None or person_known
    if need is Need.FILM_OR_SUBJECT:
        if question.film is not None or film_known:
            return True
        return bool(question.subject) and not question.separated
    # OPTIONAL_PERSON: fine without a person, unless a name was given and not found
    return not question.subject or question.person is not None or person_known


def _fallback(words: Words, finder: Finder, film_known: bool, person_known: bool) -> Question:
    """No question words: a film's title or a person's name alone (`con air?`)."""
    named = content(words)
    if not named:
        return Question(Intent.UNKNOWN, words)
    film, film_miss = finder.find_film([words], windows=False)
    if film is not None and _covers(film, named):
        if _only_card_words(words_outside([words], film.span)):
            return Question(Intent.FILM, words, film=film, found=True)
        # A film and words that ask something else about it: say what was understood
        # rather than show the whole card.
        return Question(Intent.UNKNOWN, words, film=film)
    if film_known:
        return Question(Intent.FILM, words, film=film or film_miss, found=True)
    person, person_miss = finder.find_person([words], windows=False)
    if person is not None and _covers(person, named):
        return Question(Intent.PERSON, words, person=person, found=True)
    if person_known:
        return Question(Intent.PERSON, words, person=person or person_miss, found=True)
    return Question(Intent.UNKNOWN, words)


def _only_card_words(words: Sequence[str]) -> bool:
    """Nothing but words that ask for the film in general ("llv review", "con air info")."""
    return all(w in CARD_WORDS or w in FILLER or is_year(w) for w in words)


def _score(find: FilmFind | PersonFind) -> float:
    candidates = find.match.candidates
    return candidates[0].score if candidates else 0.0


def _covers(find: FilmFind | PersonFind, named: list[str]) -> bool:
    """The match accounts for most of what was said (not one word of a long message), and a
    lone word is not a loose guess ("tell me a joke" is not a question about "Joe"), unless
    it is the title's initials ("llv")."""
    found = content(find.text.replace("(", " ").replace(")", " ").split())
    if len(found) == 1 and _score(find) < 95 and not _initials_of(find, found[0]):
        return False
    return len(found) >= 0.6 * len(named)


def _initials_of(find: FilmFind | PersonFind, word: str) -> bool:
    best = find.match.best
    if not isinstance(best, FilmDoc) or len(word) < 2:
        return False
    words = normalize_name(best.title).split()
    return word in ("".join(w[0] for w in words), "".join(w[0] for w in words[1:]))


__all__ = ["Intent", "Question", "candidates", "correct", "normalise", "understand"]
