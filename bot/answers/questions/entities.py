"""Finding the film or the person a question names, with the fuzzy index (no database).

A question is cut into segments where its question words were (`who directed | levaing las
vegas`). Each segment is tried as a film title (or a name): whole, then without the filler
words at its edges ("the", "is", "on"...), then the part after "in" / "on" / "for" (`sera in |
leaving las vegas`), and last its word windows, longest first. The first clear match wins; a
match with several close films (`the wicker man`) or a year that matches nothing is kept so the
member can be asked which one. Look-ups are memoised and capped, so a long message stays cheap
even on a large catalogue.

A question's own words are not names: a film or a person found only in ordinary question words
("age" of "age rating", "next" of "the next review", "newest") counts only when those words are
the whole of a segment and match a title exactly (`who directed next`, `is pig any good`), or
were quoted (`is "next" any good`), or came with a year (`rage 2014`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.answers.questions.table import TABLE_WORDS
from bot.answers.questions.vocabulary import CUE_WORDS, FILLER, ORDINARY
from bot.search import FilmMatch, MatchStatus, PersonMatch, SearchIndex, normalize_name

#: Words a question is made of: a film or a person found only in these (and filler) counts
#: only when typed whole in the film's place, quoted, or with its year.
QUESTION_WORDS = ORDINARY | TABLE_WORDS | CUE_WORDS

#: Where a title usually starts after a name or a character: `sera in leaving las vegas`.
SEPARATORS = ("in", "on", "for", "from", "about", "with", "at")
MAX_LOOKUPS = 40
MAX_SEGMENT_WORDS = 12
MIN_YEAR, MAX_YEAR = 1888, 2100

Words = tuple[str, ...]


def is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and MIN_YEAR <= int(word) <= MAX_YEAR


def content(words: Sequence[str]) -> list[str]:
    """The words that are not filler."""
    return [w for w in words if w not in FILLER]


def trim(words: Sequence[str]) -> Words:
    """Without filler words at either edge."""
    start, end = 0, len(words)
    while start < end and words[start] in FILLER:
        start += 1
    while end > start and words[end - 1] in FILLER:
        end -= 1
    return tuple(words[start:end])


@dataclass(frozen=True, slots=True)
class Span:
    """Words `start:end` of segment `segment`, which starts at word `offset` of the question."""

    segment: int
    start: int
    end: int
    offset: int = 0

    @property
    def positions(self) -> range:
        return range(self.offset + self.start, self.offset + self.end)


@dataclass(frozen=True, slots=True)
class FilmFind:
    match: FilmMatch
    span: Span
    text: str  # the words that were looked up


@dataclass(frozen=True, slots=True)
class PersonFind:
    match: PersonMatch
    span: Span
    text: str


HIT = (MatchStatus.FOUND, MatchStatus.AMBIGUOUS, MatchStatus.YEAR_MISMATCH)


class Finder:
    """Film and person look-ups for one question."""

    def __init__(
        self, index: SearchIndex, max_lookups: int = MAX_LOOKUPS, quoted: Sequence[str] = ()
    ) -> None:
        self.index = index
        self.quoted = frozenset(quoted)
        self.lookups = 0
        self.max_lookups = max_lookups
        self._films: dict[str, FilmMatch] = {}
        self._people: dict[str, PersonMatch] = {}

    # -- single look-ups -------------------------------------------------------

    def film(self, text: str) -> FilmMatch | None:
        if text in self._films:
            return self._films[text]
        if self.lookups >= self.max_lookups:
            return None
        self.lookups += 1
        match = self._films[text] = self.index.find_film(text)
        return match

    def person(self, text: str) -> PersonMatch | None:
        if text in self._people:
            return self._people[text]
        if self.lookups >= self.max_lookups:
            return None
        self.lookups += 1
        match = self._people[text] = self.index.find_person(text)
        return match

    # -- searching segments ----------------------------------------------------

    @staticmethod
    def _first_tries(segment: Words) -> Iterator[tuple[int, int, str]]:
        """(start, end, text to look up): whole, trimmed, year moved, after/before separators."""
        n = len(segment)
        yield 0, n, " ".join(segment)
        start = 0
        while start < n and segment[start] in FILLER:
            start += 1
        end = n
        while end > start and segment[end - 1] in FILLER:
            end -= 1
        if start >= end:
            return
        inner = segment[start:end]
        yield start, end, " ".join(inner)
        if len(inner) > 1 and (year := short_year(inner[-1])):
            yield start, end, f"{' '.join(inner[:-1])} ({year})"  # "con air 97"
        years = [i for i, w in enumerate(inner) if is_year(w)]
        if years and years[-1] != len(inner) - 1 and len(inner) > 1:
            year = inner[years[-1]]
            rest = [w for i, w in enumerate(inner) if i != years[-1]]
            # "the 2006 wicker man", "wicker man from 2006 please"
            rest = list(trim(rest)) or rest
            yield start, end, f"{' '.join(rest)} ({year})"
        for i, word in enumerate(inner):
            if word in SEPARATORS and 0 < i < len(inner) - 1:
                yield start + i + 1, end, " ".join(inner[i + 1 :])
        for i in range(len(inner) - 1, 0, -1):
            if inner[i] in SEPARATORS:
                yield start, start + i, " ".join(inner[:i])

    @staticmethod
    def _islands(segment: Words) -> Iterator[tuple[int, int, str]]:
        """Runs of words that are not the question's own ("watched | con air | last night"),
        longest first, each with a year that follows it: in a long message, where a title is."""
        runs: list[tuple[int, int]] = []
        start = None
        for i, word in enumerate([*segment, ""]):
            named = bool(word) and word not in QUESTION_WORDS and word not in FILLER
            if named and not is_year(word) and start is None:
                start = i
            elif not named or is_year(word):
                if start is not None:
                    runs.append((start, i))
                start = None
        for begin, end in sorted(runs, key=lambda run: run[0] - run[1]):
            words = list(segment[begin:end])
            after = segment[end] if end < len(segment) else ""
            if is_year(after):
                yield begin, end + 1, f"{' '.join(words)} ({after})"
            if len(words) > 1 and (year := short_year(words[-1])):
                yield begin, end, f"{' '.join(words[:-1])} ({year})"
            yield begin, end, " ".join(words)

    @staticmethod
    def _windows(segment: Words) -> Iterator[tuple[int, int, str]]:
        n = min(len(segment), MAX_SEGMENT_WORDS)
        for size in range(n - 1, 0, -1):
            # Windows with a named word at each edge first, then ones edged with filler
            # words that titles use too ("it could happen to you").
            starts = [
                start
                for start in range(0, n - size + 1)
                if not _cuts_a_number(segment, start, start + size)
            ]
            plain = [
                start
                for start in starts
                if segment[start] not in FILLER and segment[start + size - 1] not in FILLER
            ]
            edged = [
                start
                for start in starts
                if start not in plain and size > 1 and content(segment[start : start + size])
            ]
            for start in plain + edged:
                yield start, start + size, " ".join(segment[start : start + size])

    def _search(
        self,
        segments: Sequence[Words],
        lookup: str,
        offsets: Sequence[int] | None = None,
        windows: bool = True,
    ) -> tuple[FilmFind | PersonFind | None, FilmFind | PersonFind | None]:
        """(the hit, or None; the most telling miss, for "did you mean")."""
        offsets = offsets or [0] * len(segments)
        find = self.film if lookup == "film" else self.person
        wrap = FilmFind if lookup == "film" else PersonFind
        order = [i for i in range(len(segments) - 1, -1, -1) if content(segments[i])]
        held = None
        loose = None
        miss = None
        for index in order:
            segment = segments[index][:MAX_SEGMENT_WORDS]
            for start, end, text in self._first_tries(segment):
                if not content(text.split()):
                    continue
                match = find(text)
                if match is None:
                    break
                found = wrap(match, Span(index, start, end, offsets[index]), text)  # type: ignore[arg-type]
                if not self._named(segment, start, end, text, match):
                    continue
                if match.status is MatchStatus.FOUND and not match.loose:
                    return found, None
                if match.status is MatchStatus.FOUND and loose is None:
                    loose = found  # "on leaving las vegas": the trimmed words may match exactly
                    continue
                if match.status in HIT and held is None:
                    held = found
                if match.status is MatchStatus.NOT_FOUND and _better_miss(found.text, miss):
                    miss = found
            if loose is not None:
                return loose, None
        if held is not None or not windows:
            return held, miss if held is None else None
        for index in order:
            for start, end, text in self._islands(segments[index][:MAX_SEGMENT_WORDS]):
                match = find(text)
                if match is None:
                    return None, miss
                if match.status is MatchStatus.FOUND:
                    return wrap(match, Span(index, start, end, offsets[index]), text), None  # type: ignore[arg-type]
        for index in order:
            for start, end, text in self._windows(segments[index]):
                match = find(text)
                if match is None:
                    return None, miss
                if match.status in HIT and self._named(segments[index], start, end, text, match):
                    return wrap(match, Span(index, start, end, offsets[index]), text), None  # type: ignore[arg-type]
        return None, miss

    def _named(
        self, segment: Words, start: int, end: int, text: str, match: FilmMatch | PersonMatch
    ) -> bool:
        """Whether the words `text` (segment[start:end]) may name what they matched: words
        beyond the question's own always may; question words only as a whole title typed
        in the film's place, quoted, or with a year."""
        words = [w for w in text.replace("(", " ").replace(")", " ").split() if not is_year(w)]
        if any(w not in QUESTION_WORDS for w in content(words)):
            return True
        if normalize_name(" ".join(words)) in self.quoted:
            return True
        if match.status is MatchStatus.NOT_FOUND or not match.candidates:
            return False
        top = match.candidates[0]
        exact = top.score >= 100.0
        if isinstance(match, FilmMatch) and match.year is not None and exact:
            return True
        trimmed = trim(segment)
        first = next((i for i, w in enumerate(segment) if w not in FILLER), 0)
        whole = (start, end) in ((0, len(segment)), (first, first + len(trimmed)))
        return whole and exact

    def find_film(
        self, segments: Sequence[Words], offsets: Sequence[int] | None = None, windows: bool = True
    ) -> tuple[FilmFind | None, FilmFind | None]:
        """The film the segments name (the hit), else the best miss to quote back. `windows`:
        also try runs of words inside the segments (not for a message that is only a title)."""
        hit, miss = self._search(segments, "film", offsets, windows)
        return hit, miss  # type: ignore[return-value]

    def find_person(
        self, segments: Sequence[Words], offsets: Sequence[int] | None = None, windows: bool = True
    ) -> tuple[PersonFind | None, PersonFind | None]:
        hit, miss = self._search(segments, "person", offsets, windows)
        return hit, miss  # type: ignore[return-value]


def short_year(word: str) -> int | None:
    """A year typed with two digits after a title ("con air 97", "the wicker man 73")."""
    if len(word) != 2 or not word.isdigit():
        return None
    number = int(word)
    return 1900 + number if number >= 30 else 2000 + number


def _cuts_a_number(segment: Words, start: int, end: int) -> bool:
    """A window may not leave out a number next to it: "national treasure 3" is not a way
    of asking about "National Treasure" (a sequel number is never a typo)."""
    before = segment[start - 1] if start > 0 else ""
    after = segment[end] if end < len(segment) else ""
    return any(w.isdigit() and not is_year(w) for w in (before, after))


def _better_miss(text: str, miss: FilmFind | PersonFind | None) -> bool:
    """The miss to quote back: the most named words, in the fewest words."""
    if miss is None:
        return True
    mine, theirs = text.split(), miss.text.split()
    return (len(content(mine)), -len(mine)) > (len(content(theirs)), -len(theirs))


def words_outside(segments: Sequence[Words], span: Span | None) -> list[str]:
    """All the segments' words except those of `span`, in order."""
    out: list[str] = []
    for i, segment in enumerate(segments):
        for j, word in enumerate(segment):
            if span is not None and i == span.segment and span.start <= j < span.end:
                continue
            out.append(word)
    return out


__all__ = [
    "FILLER",
    "FilmFind",
    "Finder",
    "PersonFind",
    "Span",
    "content",
    "is_year",
    "trim",
    "words_outside",
]
