"""In-memory fuzzy search over films and people (no Discord, no database)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from bot.search._scoring import (
    ACCEPT,
    MARGIN,
    MAX_CANDIDATES,
    MAX_QUERY_CHARS,
    MIN_FUZZY_CHARS,
    SUGGEST_FLOOR,
    decide,
    merge_best,
    penalised,
    prefix_score,
)
from bot.search._table import KeyTable
from bot.search.models import (
    Candidate,
    FilmDoc,
    FilmMatch,
    MatchStatus,
    PersonDoc,
    PersonMatch,
)
from bot.search.normalize import (
    TitleQuery,
    compact,
    normalize_name,
    normalize_title,
    parse_title_query,
)

__all__ = [
    "Candidate",
    "FilmDoc",
    "FilmMatch",
    "MatchStatus",
    "PersonDoc",
    "PersonMatch",
    "SearchIndex",
]

_FUZZY_LIMIT = 20  # keys pulled from rapidfuzz per pass
_PREFIX_LIMIT = 20
_SUGGEST_CUTOFF = 40.0

D = TypeVar("D", FilmDoc, PersonDoc)
R = TypeVar("R", tuple[str, int, int], tuple[str, int])
FilmResult = tuple[MatchStatus, tuple[Candidate[FilmDoc], ...]]
PersonResult = tuple[MatchStatus, tuple[Candidate[PersonDoc], ...]]


def _in_order_prefixes(heads: list[str], words: list[str]) -> bool:
    """True if each of ``heads`` starts a word of ``words``, in order ("nic" ~ "nicolas")."""
    i = 0
    for word in words:
        if i < len(heads) and word.startswith(heads[i]):
            i += 1
    return i == len(heads)


class _Listing(Generic[R]):
    """Rank keys kept in order for "list everything" (built on first use)."""

    def __init__(self) -> None:
        self._items: list[R] | None = None

    def first(self, ranks: Iterable[R], limit: int) -> list[R]:
        if self._items is None:
            self._items = sorted(ranks)
        return self._items[:limit] if limit >= 0 else list(self._items)

    def replace(self, old: R | None, new: R | None) -> None:
        if self._items is None:
            return
        if old is not None:
            i = bisect_left(self._items, old)
            if i < len(self._items) and self._items[i] == old:
                del self._items[i]
        if new is not None:
            insort(self._items, new)


def _exact_result(cands: list[Candidate[D]]) -> tuple[MatchStatus, tuple[Candidate[D], ...]]:
    status = MatchStatus.FOUND if len(cands) == 1 else MatchStatus.AMBIGUOUS
    return status, tuple(cands[:MAX_CANDIDATES])


class SearchIndex:
    """Films and people, matched by normalised keys then by fuzzy similarity."""

    def __init__(self, films: Iterable[FilmDoc] = (), people: Iterable[PersonDoc] = ()) -> None:
        self._films: dict[int, FilmDoc] = {}
        self._film_rank_key: dict[int, tuple[str, int, int]] = {}
        self._film_listing: _Listing[tuple[str, int, int]] = _Listing()
        self._titles = KeyTable(with_compact=True)  # title and alias keys
        self._people: dict[int, PersonDoc] = {}
        self._person_rank_key: dict[int, tuple[str, int]] = {}
        self._person_listing: _Listing[tuple[str, int]] = _Listing()
        self._names = KeyTable()  # name and alias keys
        self._surnames = KeyTable()  # last word of each name/alias key
        for film in films:
            self.upsert_film(film)
        for person in people:
            self.upsert_person(person)

    # -- maintenance ---------------------------------------------------------

    def upsert_film(self, doc: FilmDoc) -> None:
        keyed = [(normalize_title(text), text) for text in (doc.title, *doc.aliases)]
        rank = (keyed[0][0], doc.year or 0, doc.id)
        self._films[doc.id] = doc
        self._film_listing.replace(self._film_rank_key.get(doc.id), rank)
        self._film_rank_key[doc.id] = rank
        self._titles.set(doc.id, keyed)

    def remove_film(self, film_id: int) -> None:
        self._films.pop(film_id, None)
        self._film_listing.replace(self._film_rank_key.pop(film_id, None), None)
        self._titles.discard(film_id)

    def upsert_person(self, doc: PersonDoc) -> None:
        keyed = [(normalize_name(text), text) for text in (doc.name, *doc.aliases)]
        rank = (keyed[0][0], doc.id)
        self._people[doc.id] = doc
        self._person_listing.replace(self._person_rank_key.get(doc.id), rank)
        self._person_rank_key[doc.id] = rank
        self._names.set(doc.id, keyed)
        self._surnames.set(doc.id, [(key.rsplit(" ", 1)[-1], text) for key, text in keyed])

    def remove_person(self, person_id: int) -> None:
        self._people.pop(person_id, None)
        self._person_listing.replace(self._person_rank_key.pop(person_id, None), None)
        self._names.discard(person_id)
        self._surnames.discard(person_id)

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

    def _film_order(self, cand: Candidate[FilmDoc]) -> tuple[float, tuple[str, int, int]]:
        return -cand.score, self._film_rank_key[cand.doc.id]

    def _exact_films(self, text: str) -> dict[int, str]:
        return self._titles.owners(text) or self._titles.compact_owners(text)

    def _score_films(self, text: str) -> list[Candidate[FilmDoc]]:
        """Fuzzy candidates, best first, each doc once, scores >= SUGGEST_FLOOR.

        Scores the keys sharing a near-identical word first; falls back to a
        full scan when that finds nothing acceptable.
        """
        scored = self._collect_films(text, exhaustive=False)
        if not scored or scored[0].score < ACCEPT:
            scored = self._collect_films(text, exhaustive=True)
        return scored

    def _collect_films(self, text: str, *, exhaustive: bool) -> list[Candidate[FilmDoc]]:
        best: dict[int, Candidate[FilmDoc]] = {}
        hits = self._titles.similar(
            text,
            limit=_FUZZY_LIMIT,
            cutoff=SUGGEST_FLOOR,
            reorder_below=100.0 - MARGIN,
            exhaustive=exhaustive,
        )
        for key, score in hits.items():
            adjusted = penalised(text, key, score)
            if adjusted >= SUGGEST_FLOOR:
                for film_id, matched in self._titles.owners(key).items():
                    merge_best(best, self._films[film_id], adjusted, matched)
        if len(text) >= MIN_FUZZY_CHARS:  # whole-word prefixes: suggestions only
            for key in self._titles.with_prefix(text + " ", _PREFIX_LIMIT):
                for film_id, matched in self._titles.owners(key).items():
                    merge_best(best, self._films[film_id], prefix_score(text, key), matched)
        return sorted(best.values(), key=self._film_order)

    def _match_film(self, query: TitleQuery) -> FilmResult:
        exact = self._exact_films(query.text)
        if exact:
            cands = sorted(
                (Candidate(self._films[i], 100.0, m) for i, m in exact.items()),
                key=self._film_order,
            )
            if query.year is not None:
                dated = [c for c in cands if c.doc.year == query.year]
                if not dated:
                    return MatchStatus.YEAR_MISMATCH, tuple(cands[:MAX_CANDIDATES])
                cands = dated
            return _exact_result(cands)

        scored = self._score_films(query.text)
        not_found = MatchStatus.NOT_FOUND, tuple(scored[:MAX_CANDIDATES])
        if len(compact(query.text)) < MIN_FUZZY_CHARS:
            return not_found
        if query.year is None:
            return decide(scored) or not_found

        by_year = decide([c for c in scored if c.doc.year == query.year])
        if by_year is not None:
            status, cands = by_year
            if status is MatchStatus.FOUND and scored[0].score > cands[0].score + MARGIN:
                # A clearly better title from another year: do not guess.
                return MatchStatus.AMBIGUOUS, (scored[0], cands[0])
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
        # "Death Race 2000" / "Scary Movie": a title that merely looks like a
        # trailing year or filler word wins if it is an exact key.
        literal = parse_title_query(text, literal=True)
        if literal.text != parsed.text and self._exact_films(literal.text):
            parsed = literal
        status, cands = self._match_film(parsed)
        if status is not MatchStatus.FOUND and literal.text != parsed.text:
            alt_status, alt = self._match_film(literal)
            top = cands[0].score if cands else 0.0
            if alt_status is MatchStatus.FOUND and alt[0].score > top:
                parsed, status, cands = literal, alt_status, alt
        best = cands[0].doc if status is MatchStatus.FOUND else None
        return FilmMatch(status, query, parsed.year, best, cands)

    def suggest_films(self, query: str, limit: int = 25) -> list[Candidate[FilmDoc]]:
        """Ranked films for autocomplete / !search; "" lists films by title."""
        if limit <= 0:
            return []
        text = query[:MAX_QUERY_CHARS]
        parsed = parse_title_query(text)
        if not parsed.text:
            ranks = self._film_listing.first(
                self._film_rank_key.values(), limit if parsed.year is None else -1
            )
            films = [self._films[film_id] for _, _, film_id in ranks]
            if parsed.year is not None:
                films = [d for d in films if d.year == parsed.year]
            return [Candidate(d, 0.0, d.title) for d in films[:limit]]

        key = parsed.text
        best: dict[int, Candidate[FilmDoc]] = {}
        literal = parse_title_query(text, literal=True).text
        for exact_key in {key, literal}:
            for film_id, matched in self._exact_films(exact_key).items():
                merge_best(best, self._films[film_id], 100.0, matched)
        for hit, score in self._titles.similar(key, limit=limit, cutoff=_SUGGEST_CUTOFF).items():
            for film_id, matched in self._titles.owners(hit).items():
                merge_best(best, self._films[film_id], penalised(key, hit, score), matched)
        self._suggest_prefixes(self._titles, key, limit, best, self._films)
        ranked = sorted(best.values(), key=self._film_order)
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
            for doc_id, matched in table.owners(hit).items():
                merge_best(best, docs[doc_id], 85.0 + 10.0 * len(key) / len(hit), matched)
        words = key.split()
        for hit in table.with_word_prefix(words[-1], limit * 4):
            hit_words = hit.split()
            covered = sum(any(h.startswith(w) for h in hit_words) for w in words)
            score = 60.0 + 20.0 * covered / len(words)
            for doc_id, matched in table.owners(hit).items():
                merge_best(best, docs[doc_id], score, matched)

    # -- people --------------------------------------------------------------

    def _person_order(self, cand: Candidate[PersonDoc]) -> tuple[float, tuple[str, int]]:
        return -cand.score, self._person_rank_key[cand.doc.id]

    def _exact_people(self, key: str) -> dict[int, str]:
        """Full name/alias, else surname alone, else initials/prefixes + surname."""
        exact = self._names.owners(key)
        words = key.split()
        if exact or not words:
            return exact
        if len(words) == 1:
            return self._surnames.owners(key) if len(key) >= 2 else {}
        found: dict[int, str] = {}
        for person_id in self._surnames.owners(words[-1]):
            for name_key in self._names.keys_of(person_id):
                name_words = name_key.split()
                if name_words[-1] == words[-1] and _in_order_prefixes(words[:-1], name_words[:-1]):
                    found[person_id] = self._names.owners(name_key)[person_id]
                    break
        return found

    def _score_people(self, key: str) -> list[Candidate[PersonDoc]]:
        scored = self._collect_people(key, exhaustive=False)
        if not scored or scored[0].score < ACCEPT:
            scored = self._collect_people(key, exhaustive=True)
        return scored

    def _collect_people(self, key: str, *, exhaustive: bool) -> list[Candidate[PersonDoc]]:
        best: dict[int, Candidate[PersonDoc]] = {}
        tables = [self._names] if " " in key else [self._names, self._surnames]
        for table in tables:
            hits = table.similar(
                key, limit=_FUZZY_LIMIT, cutoff=SUGGEST_FLOOR, exhaustive=exhaustive
            )
            for hit, score in hits.items():
                adjusted = penalised(key, hit, score)
                if adjusted >= SUGGEST_FLOOR:
                    for person_id, matched in table.owners(hit).items():
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
        return decide(scored) or not_found

    def find_person(self, query: str) -> PersonMatch:
        """Resolve a user's person query (full name, surname, typo'd name...)."""
        key = normalize_name(query[:MAX_QUERY_CHARS])
        if not key:
            return PersonMatch(MatchStatus.EMPTY, query, None, ())
        status, cands = self._match_person(key)
        best = cands[0].doc if status is MatchStatus.FOUND else None
        return PersonMatch(status, query, best, cands)

    def suggest_people(self, query: str, limit: int = 25) -> list[Candidate[PersonDoc]]:
        """Ranked people for autocomplete; "" lists people by name."""
        if limit <= 0:
            return []
        key = normalize_name(query[:MAX_QUERY_CHARS])
        if not key:
            ranks = self._person_listing.first(self._person_rank_key.values(), limit)
            return [Candidate(self._people[i], 0.0, self._people[i].name) for _, i in ranks]
        best: dict[int, Candidate[PersonDoc]] = {}
        for person_id, matched in self._exact_people(key).items():
            merge_best(best, self._people[person_id], 100.0, matched)
        for cand in self._score_people(key):
            merge_best(best, cand.doc, cand.score, cand.matched)
        self._suggest_prefixes(self._names, key, limit, best, self._people)
        return sorted(best.values(), key=self._person_order)[:limit]
