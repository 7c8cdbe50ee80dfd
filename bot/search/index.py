"""In-memory fuzzy search over films and people (no Discord, no database)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.search._scoring import (
    ACCEPT,
    ARTICLE_TYPO_PENALTY,
    MARGIN,
    MAX_CANDIDATES,
    MAX_QUERY_CHARS,
    MIN_FUZZY_CHARS,
    SUGGEST_FLOOR,
    Penalty,
    clear_nearest,
    decide,
    merge_best,
    prefix_score,
    swap_credited,
)
from bot.search._table import FULL, NEAR, WIDE, KeyTable
from bot.search._words import COMMON_WORDS
from bot.search.models import (
    Candidate,
    FilmDoc,
    FilmMatch,
    MatchStatus,
    PersonDoc,
    PersonMatch,
)
from bot.search.normalize import (
    MAX_INITIALISM,
    MIN_INITIALISM,
    TitleQuery,
    compact,
    has_article,
    initialisms,
    normalize_name,
    normalize_title,
    parse_title_query,
    spelling,
)

__all__ = ["SearchIndex"]  # the value types are the package's, from bot.search.models

_FUZZY_LIMIT = 20  # keys pulled from rapidfuzz per pass
_PREFIX_LIMIT = 20
_SUGGEST_CUTOFF = 40.0

D = TypeVar("D", FilmDoc, PersonDoc)
FilmResult = tuple[MatchStatus, tuple[Candidate[FilmDoc], ...]]
PersonResult = tuple[MatchStatus, tuple[Candidate[PersonDoc], ...]]
_THE = "the"
#: Real words one typo from "the": never read as a mistyped article.
_NOT_THE = frozenset(
    {"he", "she", "thy", "thee", "them", "then", "they", "tie", "toe", "tee", "tho"}
)
#: Articles a member may type run together with the title ("thewickerman").
_GLUED_ARTICLES = ("the",)  # not "a"/"an": "anora" is no "a nora"
#: Score given to a film found by its initialism (an answer, never a typo's score).
_INITIALISM_SCORE = ACCEPT
#: Fewest content words for "these words are in one title only" ("massive talent"),
#: and the most titles each may be in ("man" or "end" are in too many to tell).
_MIN_CONTAINED_WORDS = 2
_MAX_CONTAINED_POSTINGS = 25
_CONTAINED_STOPWORDS = frozenset({"the", "a", "an", "and", "of", "in", "on", "to", "for"})


def _in_order_prefixes(heads: list[str], words: list[str]) -> bool:
    """True if each of ``heads`` starts a word of ``words``, in order ("nic" ~ "nicolas")."""
    i = 0
    for word in words:
        if i < len(heads) and word.startswith(heads[i]):
            i += 1
    return i == len(heads)


class _Listing:
    """Doc ids in rank order for "list everything" (built on first use)."""

    def __init__(self, rank: Callable[[int], Any]) -> None:
        self._rank = rank
        self._ids: list[int] | None = None

    def first(self, ids: Iterable[int], limit: int) -> list[int]:
        if self._ids is None:
            self._ids = sorted(ids, key=self._rank)
        return self._ids[:limit] if limit >= 0 else list(self._ids)

    def add(self, doc_id: int) -> None:
        if self._ids is not None:
            insort(self._ids, doc_id, key=self._rank)

    def remove(self, doc_id: int) -> None:
        """Forget ``doc_id`` (call while its rank is still the one it was filed under)."""
        if self._ids is None:
            return
        i = bisect_left(self._ids, self._rank(doc_id), key=self._rank)
        if i < len(self._ids) and self._ids[i] == doc_id:
            del self._ids[i]


def _exact_result(cands: list[Candidate[D]]) -> tuple[MatchStatus, tuple[Candidate[D], ...]]:
    status = MatchStatus.FOUND if len(cands) == 1 else MatchStatus.AMBIGUOUS
    return status, tuple(cands[:MAX_CANDIDATES])


def _people_ids(doc: FilmDoc) -> tuple[int, ...]:
    """The ids in ``doc.people`` ("12,345")."""
    return tuple(map(int, doc.people.split(","))) if doc.people else ()


def _film_keys(doc: FilmDoc) -> list[tuple[str, str]]:
    return [(normalize_title(text), text) for text in (doc.title, *doc.aliases)]


def _person_keys(doc: PersonDoc) -> list[tuple[str, str]]:
    return [(normalize_name(text), text) for text in (doc.name, *doc.aliases)]


def _with_loose(match: FilmMatch, key: str) -> FilmMatch:
    """``match`` flagged loose if it was FOUND other than by its exact title or alias key."""
    best = match.candidates[0] if match.candidates else None
    if (
        match.status is MatchStatus.FOUND
        and best is not None
        and (best.score < 100.0 or normalize_title(best.matched) != key)
    ):
        return replace(match, loose=True)
    return match


def _spelt_exactly(query: str, cands: tuple[Candidate[FilmDoc], ...]) -> Candidate[FilmDoc] | None:
    """The one film of several with the same key whose title (else alias) is spelt as typed,
    punctuation included: "Face/Off" when "Face/Off (1997)" and "Face Off (1997)" both exist."""
    typed = spelling(query)
    if not typed:
        return None
    for names in (lambda d: (d.title,), lambda d: d.aliases):
        spelt = [c for c in cands if any(spelling(n) == typed for n in names(c.doc))]
        if len(spelt) == 1:
            return replace(spelt[0], matched=spelt[0].doc.title)
        if spelt:
            return None
    return None


def _common(word: str) -> bool:
    """A common English word, or its plural ("days")."""
    return (
        word in COMMON_WORDS
        or (word.endswith("s") and word[:-1] in COMMON_WORDS)
        or (word.endswith("ing") and word[:-3] in COMMON_WORDS)
        or (word.endswith("ing") and word[-4:-3] == word[-5:-4] and word[:-4] in COMMON_WORDS)
    )


def _swaps(word: str) -> int:
    """Letters a common word may differ by from another common word of its length and
    still be taken for it rather than a typo ("bad"/"dad"; "turning"/"running")."""
    return 1 if len(word) < 6 else 2


class SearchIndex:
    """Films and people, matched by normalised keys then by fuzzy similarity."""

    def __init__(self, films: Iterable[FilmDoc] = (), people: Iterable[PersonDoc] = ()) -> None:
        self._films: dict[int, FilmDoc] = {}
        self._film_key: dict[int, str] = {}  # film id -> title key, for ranking
        self._film_listing = _Listing(self._film_rank)
        self._titles = KeyTable()  # title and alias keys
        # initialism ("llv") -> the film id, or the ids of the films sharing it
        self._initials: dict[str, int | tuple[int, ...]] = {}
        self._people: dict[int, PersonDoc] = {}
        self._person_key: dict[int, str] = {}  # person id -> name key, for ranking
        self._person_listing = _Listing(self._person_rank)
        self._names = KeyTable()  # name and alias keys (surnames are their last words)
        for film in films:
            self.upsert_film(film)
        for person in people:
            self.upsert_person(person)
        self._titles.prepare()
        self._names.prepare()

    # -- maintenance ---------------------------------------------------------

    def _film_rank(self, film_id: int) -> tuple[str, int, int]:
        return self._film_key[film_id], self._films[film_id].year or 0, film_id

    def _person_rank(self, person_id: int) -> tuple[str, int]:
        return self._person_key[person_id], person_id

    def upsert_film(self, doc: FilmDoc) -> None:
        self.remove_film(doc.id)
        keyed = _film_keys(doc)
        self._films[doc.id] = doc
        self._film_key[doc.id] = keyed[0][0]
        self._film_listing.add(doc.id)
        self._titles.add(doc.id, keyed)
        for letters in initialisms(doc.title):
            held = self._initials.get(letters)
            if held is None:
                self._initials[letters] = doc.id
            else:
                self._initials[letters] = (*(held if isinstance(held, tuple) else (held,)), doc.id)

    def remove_film(self, film_id: int) -> None:
        old = self._films.get(film_id)
        if old is None:
            return
        self._film_listing.remove(film_id)
        self._titles.remove(film_id, [key for key, _ in _film_keys(old)])
        for letters in initialisms(old.title):
            held = self._initials.get(letters)
            if held is None:  # never: upsert_film filed each of them
                continue
            ids = held if isinstance(held, tuple) else (held,)
            rest = tuple(i for i in ids if i != film_id)
            if not rest:
                self._initials.pop(letters, None)
            else:
                self._initials[letters] = rest if len(rest) > 1 else rest[0]
        del self._films[film_id], self._film_key[film_id]

    def upsert_person(self, doc: PersonDoc) -> None:
        self.remove_person(doc.id)
        keyed = _person_keys(doc)
        self._people[doc.id] = doc
        self._person_key[doc.id] = keyed[0][0]
        self._person_listing.add(doc.id)
        self._names.add(doc.id, keyed)

    def remove_person(self, person_id: int) -> None:
        old = self._people.get(person_id)
        if old is None:
            return
        self._person_listing.remove(person_id)
        self._names.remove(person_id, [key for key, _ in _person_keys(old)])
        del self._people[person_id], self._person_key[person_id]

    def film_people(self, film_id: int) -> tuple[int, ...]:
        """The ids of the people the index was given for the film (its doc's `people`); ()
        for a film it does not hold."""
        doc = self._films.get(film_id)
        return _people_ids(doc) if doc is not None else ()

    def people_leaving(self, film_id: int, doc: FilmDoc | None) -> set[int]:
        """Who the film's change takes away: the people the index holds for it that `doc`
        (the film now; None: removed) no longer credits. Only they can have become orphans."""
        after = set(_people_ids(doc)) if doc is not None else set()
        return {person_id for person_id in self.film_people(film_id) if person_id not in after}

    def move_person(self, source_id: int, target_id: int, film_ids: Iterable[int]) -> None:
        """A person merged into another: the films' people (as the index holds them) name
        `target_id` where they named `source_id`, and `source_id` is forgotten."""
        for film_id in film_ids:
            doc = self._films.get(film_id)
            held = _people_ids(doc) if doc is not None else ()
            if doc is None or source_id not in held:
                continue
            people = dict.fromkeys(target_id if p == source_id else p for p in held)
            # Same title, year and aliases: the keys it is filed under do not change.
            self._films[film_id] = replace(doc, people=",".join(map(str, people)))
        self.remove_person(source_id)

    @property
    def film_count(self) -> int:
        return len(self._films)

    @property
    def person_count(self) -> int:
        return len(self._people)

    def film(self, film_id: int) -> FilmDoc | None:
        return self._films.get(film_id)

    def person(self, person_id: int) -> PersonDoc | None:
        return self._people.get(person_id)

    # -- films ---------------------------------------------------------------

    def _film_order(self, article: bool) -> Callable[[Candidate[FilmDoc]], Any]:
        """Best first; equal scores put titles with an article first when the
        query has one ("the stringer": "Stringer, The" before "Stringer"), last
        when it has none, then alphabetically by title key, year and id."""

        def order(cand: Candidate[FilmDoc]) -> tuple[float, bool, tuple[str, int, int]]:
            return -cand.score, has_article(cand.matched) != article, self._film_rank(cand.doc.id)

        return order

    def _exact_films(self, text: str) -> dict[int, str]:
        """Films whose title or alias key is ``text``, spaces aside ("faceoff"), or is
        ``text`` less an article typed onto it ("thewickerman")."""
        found = self._titles.owners(text) or self._titles.compact_owners(text)
        if found or " " in text:
            return found
        for article in _GLUED_ARTICLES:
            rest = text.removeprefix(article)
            # "anthem" is not "an them": only a title that is no word itself.
            if rest != text and len(rest) >= 4 and not self._is_word(text):
                found = self._titles.compact_owners(rest)
                if found:
                    return found
        return found

    # -- words, initialisms and loose matches ----------------------------------

    def _is_word(self, word: str) -> bool:
        """A word of some title, or a common English word ("rage", "con")."""
        return word in COMMON_WORDS or self._titles.has_word(word)

    def _reads_as_words(self, text: str) -> bool:
        """``text`` is one word a member meant: a known word, or two common words run
        together ("superbad"), not a garbled title."""
        if " " in text:
            return False
        if self._is_word(text):
            return True
        return any(
            text[:i] in COMMON_WORDS and text[i:] in COMMON_WORDS for i in range(3, len(text) - 2)
        )

    def _by_initials(self, text: str, year: int | None) -> list[Candidate[FilmDoc]]:
        """Films whose initialism ``text`` is, if it cannot be read as a word."""
        if " " in text and all(len(w) == 1 for w in text.split()):
            text = compact(text)  # "L.L.V."
        if (
            not MIN_INITIALISM <= len(text) <= MAX_INITIALISM
            or not text.isalnum()
            or text.isdigit()
            or self._reads_as_words(text)
        ):
            return []
        held = self._initials.get(text)
        if held is None:
            return []
        docs = [self._films[i] for i in (held if isinstance(held, tuple) else (held,))]
        if year is not None:
            docs = [d for d in docs if d.year == year]
        cands = [Candidate(d, _INITIALISM_SCORE, d.title) for d in docs]
        return sorted(cands, key=self._film_order(False))

    def _contained(self, text: str, year: int | None) -> list[Candidate[FilmDoc]]:
        """Films whose title holds every word of ``text`` (at least two of them, as
        typed): "massive talent" -> The Unbearable Weight of Massive Talent."""
        words = {w for w in text.split() if w not in _CONTAINED_STOPWORDS}
        if len(words) < _MIN_CONTAINED_WORDS:
            return []
        postings = [self._titles.keys_with_word(w) for w in words]
        if any(len(p) > _MAX_CONTAINED_POSTINGS for p in postings):
            return []
        keys: set[str] | None = None
        for with_word in sorted(postings, key=len):
            keys = set(with_word) if keys is None else keys.intersection(with_word)
            if not keys:
                return []
        best: dict[int, Candidate[FilmDoc]] = {}
        for key in keys or ():
            for film_id, matched in self._titles.owner_pairs(key):
                doc = self._films[film_id]
                if year is None or doc.year == year:
                    merge_best(best, doc, prefix_score(text, key), matched)
        return sorted(best.values(), key=self._film_order(False))

    def _loosely(
        self,
        text: str,
        year: int | None,
        scored: list[Candidate[FilmDoc]],
        typos: Callable[[Candidate[FilmDoc]], int],
    ) -> FilmResult | None:
        """When no title is near enough to answer at once: an initialism ("llv"), a
        title strictly nearer than any other, or the one title holding all the words."""
        initial = self._by_initials(text, year)
        if initial:
            if scored and scored[0].score >= ACCEPT - 2 * MARGIN:  # a typo is as likely
                initial.append(scored[0])
            status = MatchStatus.FOUND if len(initial) == 1 else MatchStatus.AMBIGUOUS
            return status, tuple(initial[:MAX_CANDIDATES])
        # A title below ACCEPT only for a query with a word no title or dictionary has
        # (a typo's mark): "marriage story" is not "Maria's Story".
        words = text.split()
        if scored and not all(self._is_word(w) for w in words):
            # ... and never for a sequel number the title lacks ("ghost ridr 2")
            key_words = normalize_title(scored[0].matched).split()
            if not any(w.isdigit() and w not in key_words for w in words):
                nearest = clear_nearest(scored, typos, len(compact(text)))
                if nearest is not None:
                    return self._word_guard(text, nearest)
        contained = self._contained(text, year)
        if len(contained) == 1:
            return MatchStatus.FOUND, (contained[0],)
        if 1 < len(contained) <= MAX_CANDIDATES:  # "las vegas": ask which
            return MatchStatus.AMBIGUOUS, tuple(contained)
        return None

    def _word_guard(self, text: str, result: FilmResult) -> FilmResult:
        """A one-word query that is itself a word is not another one-word title a letter
        away: "superbad" is asked about, not answered with Superdad."""
        status, cands = result
        if status is not MatchStatus.FOUND or not cands:
            return result
        key = normalize_title(cands[0].matched)
        if key == text or compact(key) == compact(text):
            return result
        if " " not in text:
            if " " not in key and len(key) == len(text) and self._reads_as_words(text):
                return MatchStatus.AMBIGUOUS, cands
            if " " in key:
                return result
        # "turning red" is not Running Red: a common word typed in full where the title
        # has another common word one letter different is another title, not a typo.
        key_words = key.split()
        for word in text.split():
            if word in key_words:
                continue
            if not _common(word):
                continue
            for kw in key_words:
                if len(kw) == len(word) and _common(kw) and OSA.distance(kw, word) <= _swaps(word):
                    return MatchStatus.AMBIGUOUS, cands
        # "episode one" is not "SF: Episode One": the query is the title less a word at
        # one end (a different title as likely as a shortened one); "leaving vegas" is fine.
        query_words = text.split()
        if len(key_words) == len(query_words) + 1:
            for run, dropped in ((key_words[1:], key_words[0]), (key_words[:-1], key_words[-1])):
                if run == query_words and dropped not in _CONTAINED_STOPWORDS:
                    return MatchStatus.AMBIGUOUS, cands
        return result

    def _misspelt_article(self, text: str) -> str | None:
        """The query without its first word if that is "the" mistyped ("tge fireman")."""
        head, _, rest = text.partition(" ")
        if (
            rest
            and head != _THE
            and len(head) <= 4
            and head not in _NOT_THE
            and not self._titles.has_word(head)
            and OSA.distance(head, _THE, score_cutoff=1) <= 1
        ):
            return rest
        return None

    def _typos_from(self, text: str) -> Callable[[Candidate[FilmDoc]], int]:
        """Edits from the query (or from it less a mistyped "the", plus one) to a title."""
        readings = [(text, 0)]
        rest = self._misspelt_article(text)
        if rest is not None:
            readings.append((rest, 1))

        def typos(cand: Candidate[FilmDoc]) -> int:
            key = normalize_title(cand.matched)
            return min(OSA.distance(reading, key) + extra for reading, extra in readings)

        return typos

    def _score_films(self, text: str, article: bool) -> list[Candidate[FilmDoc]]:
        """Fuzzy candidates, best first, each doc once, scores >= SUGGEST_FLOOR.

        Scores the keys sharing a near-identical word first, then words two
        typos away, then every key, until something is good enough to answer.
        A first word that looks like a mistyped "the" is also read as one.
        """
        rest = self._misspelt_article(text)
        scored: list[Candidate[FilmDoc]] = []
        for level in self._titles.levels:
            best: dict[int, Candidate[FilmDoc]] = {}
            self._collect_films(text, level, best, 0.0)
            if rest is not None:
                self._collect_films(rest, level, best, ARTICLE_TYPO_PENALTY)
            scored = sorted(best.values(), key=self._film_order(article or rest is not None))
            if scored and scored[0].score >= ACCEPT:
                break
        return scored

    def _collect_films(
        self, text: str, level: int, best: dict[int, Candidate[FilmDoc]], penalty: float
    ) -> None:
        hits = self._titles.similar(
            text,
            limit=_FUZZY_LIMIT,
            cutoff=SUGGEST_FLOOR,
            reorder_below=100.0 - MARGIN,
            level=level,
        )
        penalise = Penalty(text)
        for key, score in hits.items():
            adjusted = penalise(key, score) - penalty
            if adjusted >= SUGGEST_FLOOR:
                for film_id, matched in self._titles.owner_pairs(key):
                    merge_best(best, self._films[film_id], adjusted, matched)
        if len(text) >= MIN_FUZZY_CHARS:  # whole-word prefixes: suggestions only
            for key in self._titles.with_prefix(text + " ", _PREFIX_LIMIT):
                score = prefix_score(text, key) - penalty
                for film_id, matched in self._titles.owner_pairs(key):
                    merge_best(best, self._films[film_id], score, matched)

    def _match_film(self, query: TitleQuery, article: bool) -> FilmResult:
        exact = self._exact_films(query.text)
        if exact:
            cands = sorted(
                (Candidate(self._films[i], 100.0, m) for i, m in exact.items()),
                key=self._film_order(article),
            )
            if query.year is not None:
                dated = [c for c in cands if c.doc.year == query.year]
                if not dated:
                    return MatchStatus.YEAR_MISMATCH, tuple(cands[:MAX_CANDIDATES])
                cands = dated
            return _exact_result(cands)

        scored = self._score_films(query.text, article)
        not_found = MatchStatus.NOT_FOUND, tuple(scored[:MAX_CANDIDATES])
        if len(compact(query.text)) < MIN_FUZZY_CHARS:
            return not_found
        typos = self._typos_from(query.text)
        if query.year is None:
            found = decide(scored, typos)
            if found is not None:
                return self._word_guard(query.text, found)
            return self._loosely(query.text, None, scored, typos) or not_found

        dated = [c for c in scored if c.doc.year == query.year]
        by_year = decide(dated, typos)
        if by_year is not None:
            by_year = self._word_guard(query.text, by_year)
        else:
            by_year = self._loosely(query.text, query.year, dated, typos)
        if by_year is not None:
            picked = by_year[1]
            if (
                len(picked) == 1
                and scored
                and scored[0].doc.id != picked[0].doc.id
                and scored[0].score > picked[0].score + MARGIN
            ):
                # A clearly better title from another year: do not guess.
                return MatchStatus.AMBIGUOUS, (scored[0], picked[0])
            return by_year
        by_text = decide(scored)
        if by_text is not None:
            return MatchStatus.YEAR_MISMATCH, by_text[1]
        return not_found

    def find_film(self, query: str) -> FilmMatch:
        """Resolve a user's film query to one film, a short list, or nothing."""
        text = query[:MAX_QUERY_CHARS]
        parsed = parse_title_query(text)
        if not parsed.text:
            return FilmMatch(MatchStatus.EMPTY, query, parsed.year, None, ())
        article = has_article(text)
        # "Death Race 2000" / "Scary Movie": a title that merely looks like a
        # trailing year or filler word wins if it is an exact key.
        literal = parse_title_query(text, literal=True)
        if literal.text != parsed.text and self._exact_films(literal.text):
            parsed = literal
        status, cands = self._match_film(parsed, article)
        if status is not MatchStatus.FOUND and literal.text != parsed.text:
            alt_status, alt = self._match_film(literal, article)
            top = cands[0].score if cands else 0.0
            if alt_status is MatchStatus.FOUND and alt[0].score > top:
                parsed, status, cands = literal, alt_status, alt
        if status is MatchStatus.AMBIGUOUS and (spelt := _spelt_exactly(text, cands)):
            return FilmMatch(MatchStatus.FOUND, query, parsed.year, spelt.doc, (spelt,))
        best = cands[0].doc if status is MatchStatus.FOUND else None
        return _with_loose(FilmMatch(status, query, parsed.year, best, cands), parsed.text)

    def suggest_films(self, query: str, limit: int = 25) -> list[Candidate[FilmDoc]]:
        """Ranked films for autocomplete / !search; "" lists films by title."""
        if limit <= 0:
            return []
        text = query[:MAX_QUERY_CHARS]
        parsed = parse_title_query(text)
        if not parsed.text:
            ids = self._film_listing.first(self._films, limit if parsed.year is None else -1)
            films = [self._films[film_id] for film_id in ids]
            if parsed.year is not None:
                films = [d for d in films if d.year == parsed.year]
            return [Candidate(d, 0.0, d.title) for d in films[:limit]]

        key = parsed.text
        best: dict[int, Candidate[FilmDoc]] = {}
        literal = parse_title_query(text, literal=True).text
        for exact_key in {key, literal}:
            for film_id, matched in self._exact_films(exact_key).items():
                merge_best(best, self._films[film_id], 100.0, matched)
        penalise = Penalty(key)
        for level in (NEAR, WIDE):
            hits = self._titles.similar(key, limit=limit, cutoff=_SUGGEST_CUTOFF, level=level)
            for hit, score in hits.items():
                for film_id, matched in self._titles.owner_pairs(hit):
                    merge_best(best, self._films[film_id], penalise(hit, score), matched)
            if hits:
                break
        self._suggest_prefixes(self._titles, key, limit, best, self._films)
        ranked = sorted(best.values(), key=self._film_order(has_article(text)))
        if parsed.year is not None:  # stable: same-year films first
            ranked.sort(key=lambda c: c.doc.year != parsed.year)
        return ranked[:limit]

    @staticmethod
    def _suggest_prefixes(
        table: KeyTable,
        key: str,
        limit: int,
        best: dict[int, Candidate[Any]],
        docs: Mapping[int, FilmDoc | PersonDoc],
    ) -> None:
        """Autocomplete scores: key prefix 85..95, word prefixes 60..80."""
        for hit in table.with_prefix(key, limit):
            for doc_id, matched in table.owner_pairs(hit):
                merge_best(best, docs[doc_id], 85.0 + 10.0 * len(key) / len(hit), matched)
        words = key.split()
        for hit in table.with_word_prefix(words[-1], limit * 4):
            hit_words = hit.split()
            covered = sum(any(h.startswith(w) for h in hit_words) for w in words)
            score = 60.0 + 20.0 * covered / len(words)
            for doc_id, matched in table.owner_pairs(hit):
                merge_best(best, docs[doc_id], score, matched)

    # -- people --------------------------------------------------------------

    def _person_order(self, cand: Candidate[PersonDoc]) -> tuple[float, tuple[str, int]]:
        return -cand.score, self._person_rank(cand.doc.id)

    def _surname_owners(self, word: str) -> dict[int, str]:
        """People with a name or alias ending in the word ``word``."""
        found: dict[int, str] = {}
        for key in self._names.keys_with_word(word):
            if key == word or key.endswith(" " + word):
                for person_id, matched in self._names.owner_pairs(key):
                    found.setdefault(person_id, matched)
        return found

    def _exact_people(self, key: str) -> dict[int, str]:
        """Full name/alias, else surname alone, else initials/prefixes + surname."""
        exact = self._names.owners(key)
        words = key.split()
        if exact or not words:
            return exact
        if len(words) == 1:
            return self._surname_owners(key) if len(key) >= 2 else {}
        found: dict[int, str] = {}
        last = words[-1]
        for name_key in self._names.keys_with_word(last):
            name_words = name_key.split()
            if name_words[-1] == last and _in_order_prefixes(words[:-1], name_words[:-1]):
                for person_id, matched in self._names.owner_pairs(name_key):
                    found.setdefault(person_id, matched)
        return found

    def _score_people(self, key: str) -> list[Candidate[PersonDoc]]:
        scored: list[Candidate[PersonDoc]] = []
        for level in self._names.levels:
            scored = self._collect_people(key, level)
            if scored and scored[0].score >= ACCEPT:
                break
        return scored

    def _collect_people(self, key: str, level: int) -> list[Candidate[PersonDoc]]:
        best: dict[int, Candidate[PersonDoc]] = {}
        names = self._names
        hits = names.similar(key, limit=_FUZZY_LIMIT, cutoff=SUGGEST_FLOOR, level=level)
        penalise = Penalty(key)
        for hit, score in hits.items():
            adjusted = penalise(hit, score)
            if adjusted >= SUGGEST_FLOOR:
                for person_id, matched in names.owner_pairs(hit):
                    merge_best(best, self._people[person_id], adjusted, matched)
        if " " not in key:  # a surname alone: score it against surnames
            words = names.vocabulary() if level == FULL else list(names.near_words(key, level))
            surnames = process.extract(
                key,
                words,
                scorer=fuzz.ratio,
                processor=None,
                limit=_FUZZY_LIMIT if level != FULL else 4 * _FUZZY_LIMIT,
                score_cutoff=SUGGEST_FLOOR,
            )
            for word, score, _ in surnames:
                adjusted = penalise(word, swap_credited(key, word, score))
                if adjusted < SUGGEST_FLOOR:
                    continue
                for person_id, matched in self._surname_owners(word).items():
                    merge_best(best, self._people[person_id], adjusted, matched)
        return sorted(best.values(), key=self._person_order)

    def _match_person(self, key: str) -> PersonResult:
        exact = self._exact_people(key)
        if exact:
            cands = sorted(
                (Candidate(self._people[i], 100.0, m) for i, m in exact.items()),
                key=self._person_order,
            )
            return _exact_result(cands)
        scored = self._score_people(key)
        not_found = MatchStatus.NOT_FOUND, tuple(scored[:MAX_CANDIDATES])
        if len(compact(key)) < MIN_FUZZY_CHARS:
            return not_found
        found = decide(scored, partial(self._person_typos, key))
        if found is None and self._one_clear_person(key, scored):
            found = MatchStatus.FOUND, (scored[0],)
        return found or not_found

    @staticmethod
    def _one_clear_person(key: str, scored: list[Candidate[PersonDoc]]) -> bool:
        """The best candidate is the only one with the surname as typed and a first name
        starting the same way, shortened or spelt another way ("nick cage": Nicolas Cage)."""
        words = key.split()
        if len(words) != 2 or not scored:
            return False

        def fits(cand: Candidate[PersonDoc]) -> bool:
            name = normalize_name(cand.matched).split()
            return len(name) >= 2 and words[1] == name[-1] and words[0][:2] == name[0][:2]

        return fits(scored[0]) and not any(fits(c) for c in scored[1:])

    @staticmethod
    def _person_typos(key: str, cand: Candidate[PersonDoc]) -> int:
        """Edits from the query to the person's matched name, or to its surname."""
        name = normalize_name(cand.matched)
        surname = name.rsplit(" ", 1)[-1]
        return min(OSA.distance(key, name), OSA.distance(key, surname))

    def find_person(self, query: str) -> PersonMatch:
        """Resolve a user's person query (full name, surname, typo'd name...)."""
        key = normalize_name(query[:MAX_QUERY_CHARS])
        if not key:
            return PersonMatch(MatchStatus.EMPTY, query, None, ())
        status, cands = self._match_person(key)
        best = cands[0].doc if status is MatchStatus.FOUND else None
        loose = status is MatchStatus.FOUND and (
            cands[0].score < 100.0 or normalize_name(cands[0].matched) != key
        )
        return PersonMatch(status, query, best, cands, loose=loose)

    def suggest_people(self, query: str, limit: int = 25) -> list[Candidate[PersonDoc]]:
        """Ranked people for autocomplete; "" lists people by name."""
        if limit <= 0:
            return []
        key = normalize_name(query[:MAX_QUERY_CHARS])
        if not key:
            ids = self._person_listing.first(self._people, limit)
            return [Candidate(self._people[i], 0.0, self._people[i].name) for i in ids]
        best: dict[int, Candidate[PersonDoc]] = {}
        for person_id, matched in self._exact_people(key).items():
            merge_best(best, self._people[person_id], 100.0, matched)
        for cand in self._score_people(key):
            merge_best(best, cand.doc, cand.score, cand.matched)
        self._suggest_prefixes(self._names, key, limit, best, self._people)
        return sorted(best.values(), key=self._person_order)[:limit]
