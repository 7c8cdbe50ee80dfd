"""A key table: normalised key -> owning doc ids, plus rapidfuzz look-ups."""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.search.normalize import compact, tokens_sorted

#: Query words ignored when choosing which keys to score (too common to help).
_SKIP_WORDS = frozenset({"the", "and", "of", "a", "an"})
#: Above this many keys, blocking is pointless: score every key instead.
_BLOCK_MAX = 5000
#: At most this many vocabulary words share a 3-letter prefix/suffix probe.
_NEAR_SCAN = 2000


def _starting_with(items: list[str], prefix: str, limit: int) -> list[str]:
    """Up to ``limit`` entries of the sorted list ``items`` that start with ``prefix``."""
    start = bisect_left(items, prefix)
    end = bisect_left(items, prefix + "\U0010ffff", start, min(len(items), start + limit))
    return items[start:end]


def _sorted_add(items: list[str] | None, value: str) -> None:
    if items is not None:
        insort(items, value)


def _sorted_remove(items: list[str] | None, value: str) -> None:
    if items is not None:
        i = bisect_left(items, value)
        if i < len(items) and items[i] == value:
            del items[i]


def _typo_allowance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


class KeyTable:
    """Maps normalised keys to ``{doc_id: original text}``.

    Fuzzy look-ups first score only keys sharing a word (up to a typo or two)
    with the query - "blocking" - which keeps typo look-ups fast on large
    tables; callers fall back to ``exhaustive=True`` when that finds nothing.
    Edits cost O(log n) plus a list insert; full-scan lists are rebuilt
    lazily on the next exhaustive look-up.
    """

    def __init__(self, *, with_compact: bool = False) -> None:
        self._owners: dict[str, dict[int, str]] = {}
        self._keys_of: dict[int, tuple[str, ...]] = {}
        self._keys_by_word: dict[str, set[str]] = {}
        self._reordered: dict[str, str] = {}  # key -> word-sorted key, if different
        self._by_compact: dict[str, tuple[str, ...]] | None = {} if with_compact else None
        # Sorted lists: built on first use, then kept sorted on edits.
        self._alphabetical: list[str] | None = None
        self._vocabulary: list[str] | None = None
        self._reversed_vocabulary: list[str] | None = None
        # Full-scan lists: rebuilt lazily after any edit.
        self._choices: list[str] | None = None
        self._sorted_choices: list[str] | None = None

    def __len__(self) -> int:
        return len(self._owners)

    # -- edits ---------------------------------------------------------------

    def set(self, doc_id: int, entries: Iterable[tuple[str, str]]) -> None:
        """Replace ``doc_id``'s keys with ``entries`` of ``(key, original text)``."""
        self.discard(doc_id)
        keys: list[str] = []
        for key, text in entries:
            if not key:
                continue
            owners = self._owners.get(key)
            if owners is None:
                owners = self._owners[key] = {}
                self._add_key(key)
            if doc_id not in owners:
                owners[doc_id] = text
                keys.append(key)
        if keys:
            self._keys_of[doc_id] = tuple(keys)

    def discard(self, doc_id: int) -> None:
        for key in self._keys_of.pop(doc_id, ()):
            owners = self._owners[key]
            del owners[doc_id]
            if not owners:
                del self._owners[key]
                self._drop_key(key)

    def _add_key(self, key: str) -> None:
        self._choices = self._sorted_choices = None
        _sorted_add(self._alphabetical, key)
        reordered = tokens_sorted(key)
        if reordered != key:
            self._reordered[key] = reordered
        if self._by_compact is not None:
            squeezed = compact(key)
            self._by_compact[squeezed] = (*self._by_compact.get(squeezed, ()), key)
        for word in set(key.split()):
            keys = self._keys_by_word.get(word)
            if keys is None:
                self._keys_by_word[word] = {key}
                _sorted_add(self._vocabulary, word)
                _sorted_add(self._reversed_vocabulary, word[::-1])
            else:
                keys.add(key)

    def _drop_key(self, key: str) -> None:
        self._choices = self._sorted_choices = None
        _sorted_remove(self._alphabetical, key)
        self._reordered.pop(key, None)
        if self._by_compact is not None:
            squeezed = compact(key)
            rest = tuple(k for k in self._by_compact.get(squeezed, ()) if k != key)
            if rest:
                self._by_compact[squeezed] = rest
            else:
                self._by_compact.pop(squeezed, None)
        for word in set(key.split()):
            keys = self._keys_by_word[word]
            keys.discard(key)
            if not keys:
                del self._keys_by_word[word]
                _sorted_remove(self._vocabulary, word)
                _sorted_remove(self._reversed_vocabulary, word[::-1])

    # -- exact ---------------------------------------------------------------

    def owners(self, key: str) -> dict[int, str]:
        return self._owners.get(key, {})

    def compact_owners(self, key: str) -> dict[int, str]:
        """Owners of keys equal to ``key`` once spaces are ignored ("faceoff")."""
        found: dict[int, str] = {}
        for full_key in (self._by_compact or {}).get(compact(key), ()):
            found.update(self._owners[full_key])
        return found

    def keys_of(self, doc_id: int) -> tuple[str, ...]:
        return self._keys_of.get(doc_id, ())

    # -- fuzzy ---------------------------------------------------------------

    def _get_vocabularies(self) -> tuple[list[str], list[str]]:
        if self._vocabulary is None or self._reversed_vocabulary is None:
            self._vocabulary = sorted(self._keys_by_word)
            self._reversed_vocabulary = sorted(w[::-1] for w in self._keys_by_word)
        return self._vocabulary, self._reversed_vocabulary

    def _near_words(self, word: str) -> set[str]:
        """Indexed words within a typo or two of ``word``.

        Probes words sharing its first or last three letters (one end survives
        a single typo in a word of six letters or more; shorter words may miss,
        and callers then fall back to a full scan).
        """
        if len(word) < 3:
            return {word} if word in self._keys_by_word else set()
        vocabulary, reversed_vocabulary = self._get_vocabularies()
        allowed = _typo_allowance(word)
        backwards = word[::-1]  # OSA distance is the same on reversed strings
        found = {
            w
            for w, _, _ in process.extract(
                word,
                _starting_with(vocabulary, word[:3], _NEAR_SCAN),
                scorer=OSA.distance,
                score_cutoff=allowed,
                limit=None,
            )
        }
        for w, _, _ in process.extract(
            backwards,
            _starting_with(reversed_vocabulary, backwards[:3], _NEAR_SCAN),
            scorer=OSA.distance,
            score_cutoff=allowed,
            limit=None,
        ):
            found.add(w[::-1])
        return found

    def _block(self, query: str) -> list[str] | None:
        """Keys worth scoring for ``query``; None means "scan every key".

        A key can only score well if it shares most query words (allowing
        typos), so it must contain one of the two rarest query words.
        """
        words = {w for w in query.split() if w not in _SKIP_WORDS}
        words = {w for w in words if len(w) >= 3} or words
        groups: list[tuple[int, list[set[str]]]] = []
        for word in words:
            postings = [self._keys_by_word[w] for w in self._near_words(word)]
            groups.append((sum(map(len, postings)), postings))
        groups.sort(key=lambda group: group[0])
        rarest = groups[:2]
        if not rarest or sum(size for size, _ in rarest) > _BLOCK_MAX:
            return None
        return list(set().union(*(p for _, postings in rarest for p in postings)))

    def similar(
        self,
        query: str,
        *,
        limit: int,
        cutoff: float,
        reorder_below: float = 101.0,
        exhaustive: bool = False,
    ) -> dict[str, float]:
        """Keys most similar to ``query`` as whole strings, scored 0..100.

        ``fuzz.ratio`` (normalised Indel similarity over the full key) keeps a
        short query from matching inside a long title.  If the best plain
        score is below ``reorder_below``, multi-word queries get a second pass
        over word-sorted forms ("cage nicolas" = "nicolas cage").  Unless
        ``exhaustive``, only the keys chosen by blocking are scored.
        """
        block = None if exhaustive else self._block(query)
        choices = self._get_choices() if block is None else block
        hits = process.extract(
            query, choices, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=cutoff
        )
        found = {key: score for key, score, _ in hits}
        if " " in query and max(found.values(), default=0.0) < reorder_below:
            if block is None:
                sorted_choices = self._get_sorted_choices()
            else:
                sorted_choices = [self._reordered.get(k, k) for k in block]
            reordered = process.extract(
                tokens_sorted(query),
                sorted_choices,
                scorer=fuzz.ratio,
                processor=None,
                limit=limit,
                score_cutoff=cutoff,
            )
            for _, score, index in reordered:
                key = choices[index]
                found[key] = max(score, found.get(key, 0.0))
        return found

    # -- prefixes (autocomplete) ---------------------------------------------

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` keys starting with ``prefix``, alphabetically."""
        if self._alphabetical is None:
            self._alphabetical = sorted(self._owners)
        return _starting_with(self._alphabetical, prefix, limit)

    def with_word_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` keys containing a word that starts with ``prefix``."""
        vocabulary, _ = self._get_vocabularies()
        out: dict[str, None] = {}
        for word in _starting_with(vocabulary, prefix, limit):
            for key in heapq.nsmallest(limit, self._keys_by_word[word]):
                out[key] = None
                if len(out) >= limit:
                    return list(out)
        return list(out)

    # -- full-scan lists -----------------------------------------------------

    def _get_choices(self) -> list[str]:
        if self._choices is None:
            self._choices = list(self._owners)
        return self._choices

    def _get_sorted_choices(self) -> list[str]:
        if self._sorted_choices is None:
            self._sorted_choices = [self._reordered.get(k, k) for k in self._get_choices()]
        return self._sorted_choices
