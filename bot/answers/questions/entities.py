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
were quoted (`is "next" any good`), or came with a year (`rage 2014`). Common English words
are held to the same, except that a title of two words or more typed exactly counts anywhere
(`i watched con air last night`), while "i don't trust the ratings" is not *The Trust* and "a
family man" is not *The Family Man* (a title's article must be typed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.answers.questions.table import TABLE_WORDS
from bot.answers.questions.vocabulary import CUE_WORDS, ENGLISH, FILLER, ORDINARY
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
M = TypeVar("M", FilmMatch, PersonMatch)


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


@dataclass(frozen=True)  # not slots: a slotted generic dataclass breaks on Python 3.11
class Find(Generic[M]):
    """A film or a person a question's words were looked up as."""

    match: M
    span: Span
    text: str  # the words that were looked up


FilmFind = Find[FilmMatch]
PersonFind = Find[PersonMatch]


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
        return self._looked_up(text, self._films, self.index.find_film)

    def person(self, text: str) -> PersonMatch | None:
        return self._looked_up(text, self._people, self.index.find_person)

    def _looked_up(self, text: str, seen: dict[str, M], find: Callable[[str], M]) -> M | None:
        """`find(text)`, once per text; None once the question has used up its look-ups."""
        if text in seen:
            return seen[text]
        if self.lookups >= self.max_lookups:
            return None
        self.lookups += 1
        match = seen[text] = find(text)
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
            stated = inner[years[-1]]
            rest = [w for i, w in enumerate(inner) if i != years[-1]]
            # "the 2006 wicker man", "wicker man from 2006 please"
            rest = list(trim(rest)) or rest
            yield start, end, f"{' '.join(rest)} ({stated})"
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
        find: Callable[[str], M | None],
        offsets: Sequence[int] | None = None,
        windows: bool = True,
    ) -> tuple[Find[M] | None, Find[M] | None]:
        """(the hit, or None; the most telling miss, for "did you mean")."""
        offsets = offsets or [0] * len(segments)
        order = [i for i in range(len(segments) - 1, -1, -1) if content(segments[i])]
        held = None
        # A clear hit is returned at once; a loose one ("on leaving las vegas", "llv") or
        # one of everyday words only ("kill chain of questions") is kept while a clearer
        # one is looked for, the loose before the everyday.
        fallback: list[Find[M] | None] = [None, None]
        miss = None
        for index in order:
            segment = segments[index][:MAX_SEGMENT_WORDS]
            for start, end, text in self._first_tries(segment):
                if not content(text.split()):
                    continue
                match = find(text)
                if match is None:
                    break
                found = Find(match, Span(index, start, end, offsets[index]), text)
                if match.status is MatchStatus.NOT_FOUND:
                    if _quotable(text) and _better_miss(found.text, miss):
                        miss = found  # quoted back with the nearest titles
                    continue
                if not self._named(segment, start, end, text, match):
                    continue
                if match.status is MatchStatus.FOUND:
                    rank = self._rank(text, match)
                    if rank == 0:
                        return found, None
                    fallback[rank - 1] = fallback[rank - 1] or found
                    continue
                if match.status in HIT and held is None:
                    held = found
        kept = fallback[0] or fallback[1]
        kept_rank = 1 if fallback[0] is not None else 2
        if held is not None and kept is None:
            # "it could happen to you please": the asked-back words with the filler beside
            # them may be a whole title.
            widened = self._widened(segments, offsets, held, find)
            if widened is not None:
                return widened, None
        if (held is not None and kept is None) or not windows:
            return kept or held, miss if kept is None and held is None else None
        for index in order:
            segment = segments[index][:MAX_SEGMENT_WORDS]
            for start, end, text in self._islands(segment):
                match = find(text)
                if match is None:
                    break
                if match.status is MatchStatus.FOUND and self._named(
                    segment, start, end, text, match
                ):
                    rank = self._rank(text, match)
                    if kept is None or rank < kept_rank:
                        kept = Find(match, Span(index, start, end, offsets[index]), text)
                        kept_rank = rank
                    if rank == 0:
                        return kept, None
        if kept is not None:
            return kept, None
        for index in order:
            for start, end, text in self._windows(segments[index]):
                match = find(text)
                if match is None:
                    return None, miss
                if (
                    match.status in HIT
                    and self._named(segments[index], start, end, text, match)
                    and not _cuts_the_title(segments[index], end, match)
                ):
                    return Find(match, Span(index, start, end, offsets[index]), text), None
        return None, miss

    def _named(
        self, segment: Words, start: int, end: int, text: str, match: FilmMatch | PersonMatch
    ) -> bool:
        """Whether the words `text` (segment[start:end]) may name what they matched: words
        beyond the question's own always may; question words only as a whole title typed
        in the film's place, quoted, or with a year."""
        words = [w for w in text.replace("(", " ").replace(")", " ").split() if not is_year(w)]
        named = content(words)
        if isinstance(match, PersonMatch):
            return self._names_a_person(segment, start, end, named)
        if normalize_name(" ".join(words)) in self.quoted:
            return True
        if named and all(w.isdigit() for w in named):
            # "211 people want to know": a title that is a number only quoted or alone
            return isinstance(match, FilmMatch) and not content(
                [w for w in segment if not is_year(w) and w not in named]
            )
        if any(w not in QUESTION_WORDS and not _common(w) for w in named):
            return True
        if match.status is MatchStatus.NOT_FOUND or not match.candidates:
            return False
        top = match.candidates[0]
        before = segment[start - 1] if start > 0 else ""
        exact = top.score >= 100.0 and _article_typed([before, *words], top.matched)
        if isinstance(match, FilmMatch) and match.year is not None and exact:
            return True
        trimmed = trim(segment)
        first = next((i for i, w in enumerate(segment) if w not in FILLER), 0)
        whole = (start, end) in ((0, len(segment)), (first, first + len(trimmed)))
        if whole and exact:
            return True
        if all(w in QUESTION_WORDS for w in named):
            return False  # "the next review", "age rating"
        # Everyday words: a title typed exactly in two words or more, its article too
        # ("watched con air last night", "is the rock over 2 hours", "it could happen to
        # you"), or a longer title typed loosely ("leaving vegas"); never "a family man".
        if top.score >= 100.0:
            return exact and len(words) + (before in ("the", "a", "an")) >= 2
        return len(named) >= 2

    def _widened(
        self,
        segments: Sequence[Words],
        offsets: Sequence[int],
        held: Find[M],
        find: Callable[[str], M | None],
    ) -> Find[M] | None:
        span = held.span
        segment = segments[span.segment]
        for start, end in ((span.start - 1, span.end), (span.start, span.end + 1)):
            if start < 0 or end > len(segment) or segment[min(start, end - 1)] not in FILLER:
                continue
            if segment[start] not in FILLER and segment[end - 1] not in FILLER:
                continue
            text = " ".join(segment[start:end])
            match = find(text)
            if match is not None and match.status is MatchStatus.FOUND and not match.loose:
                return Find(match, Span(span.segment, start, end, offsets[span.segment]), text)
        return None

    @staticmethod
    def _rank(text: str, match: FilmMatch | PersonMatch) -> int:
        """0 for a clear hit, 1 for a loose one, 2 for a title of everyday words only."""
        named = content([w for w in text.replace("(", " ").replace(")", " ").split()])
        if isinstance(match, FilmMatch) and all(
            _common(w) or w in QUESTION_WORDS or is_year(w) for w in named
        ):
            return 2
        return 1 if match.loose else 0

    @staticmethod
    def _names_a_person(segment: Words, start: int, end: int, named: Sequence[str]) -> bool:
        """People are typed loosely ("nick cage", "shue"), and surnames are often everyday
        words: a name found only in the question's own words never counts, and a lone
        everyday word ("west", "bay") counts only when no other word stands in the segment
        but the question's own and its neighbours ("nic cages first film")."""
        if not named or all(w in QUESTION_WORDS for w in named):
            return False
        if len(named) > 1 or not _common(named[0]):
            return True
        around = segment[: max(start - 1, 0)] + segment[end + 1 :]
        return not [w for w in content(around) if w not in QUESTION_WORDS and not w.isdigit()]

    def find_film(
        self, segments: Sequence[Words], offsets: Sequence[int] | None = None, windows: bool = True
    ) -> tuple[FilmFind | None, FilmFind | None]:
        """The film the segments name (the hit), else the best miss to quote back. `windows`:
        also try runs of words inside the segments (not for a message that is only a title)."""
        return self._search(segments, self.film, offsets, windows)

    def find_person(
        self, segments: Sequence[Words], offsets: Sequence[int] | None = None, windows: bool = True
    ) -> tuple[PersonFind | None, PersonFind | None]:
        return self._search(segments, self.person, offsets, windows)


def _cuts_the_title(segment: Words, end: int, match: FilmMatch | PersonMatch) -> bool:
    """The window stops just before a word of the title it matched: the member typed more of
    it ("leaving las vegas 2" is not a way of asking about "leaving las")."""
    if not isinstance(match, FilmMatch) or end >= len(segment) or not match.candidates:
        return False
    return segment[end] in normalize_name(match.candidates[0].matched).split()


def _quotable(text: str) -> bool:
    """Words worth quoting back as a film not found: not only the question's own."""
    return any(w not in QUESTION_WORDS for w in content(text.split()))


def _common(word: str) -> bool:
    """An everyday English word, or a number that is not a year ("211 people want...")."""
    return word in ENGLISH or (word.isdigit() and not is_year(word))


def _article_typed(words: Sequence[str], matched: str) -> bool:
    """A title's leading article was typed too, in or just before the words ("the trust",
    not "trust"); `words` starts with the word before them."""
    head = normalize_name(matched).split()[:1]
    return not head or head[0] not in ("the", "a", "an") or head[0] in words[:2]


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
