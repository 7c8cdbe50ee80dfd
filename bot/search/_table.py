"""A key table: normalised key -> owning doc ids, plus rapidfuzz look-ups.

Memory is the constraint at 60k films + 60k people, so every key string is
stored once (as the key of ``_owners``) and everything else refers to it:
owners are one flat tuple per key, word postings hold the key itself when a
word occurs in a single key, and the near-word buckets hold references to the
word strings.  Nothing derived from a key (reversed, word-sorted or compact
copies) is kept.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from typing import cast

from rapidfuzz import fuzz, process

from bot.search._scoring import REORDER_PENALTY, swap_credited
from bot.search._vocab import NearWords
from bot.search.normalize import compact, tokens_sorted

#: Query words ignored when choosing which keys to score (too common to help).
_SKIP_WORDS = frozenset({"the", "and", "of", "a", "an"})
#: Score at most about this many keys when blocking on the two rarest query words.
_BLOCK_MAX = 8000
#: Mistyped words this long are looked for up to three edits away at WIDE (two
#: typos that touch, "intrpevista" for "intervista", can make three OSA edits).
_THREE_TYPOS_FROM = 8
#: More new words than this are filed in the near-word buckets in one pass.
_BULK_FILING = 1000
#: Keys whose compact form is checked per query-prefix probe ("faceoff").
_COMPACT_PROBE = 256

#: Search levels: near words one typo away (two for long words), then two typos
#: away for every word of four letters or more, then every key (small tables only).
NEAR, WIDE, FULL = 0, 1, 2
#: Tables up to this many keys also try a full scan when blocking finds nothing
#: good enough; larger ones stop at WIDE (a full scan of 60k keys costs ~5 ms).
_FULL_SCAN_MAX = 10_000


def _pairs(owners: tuple[int | str, ...]) -> Iterator[tuple[int, str]]:
    """The ``(doc id, text)`` pairs of a key's flat owners tuple."""
    # KeyTable.add and .remove only ever write or drop whole (doc id, text) pairs,
    # so even places hold the int ids and odd places their str texts.
    ids = cast("tuple[int, ...]", owners[::2])
    texts = cast("tuple[str, ...]", owners[1::2])
    return zip(ids, texts, strict=True)


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


def _count(posting: str | list[str]) -> int:
    return 1 if isinstance(posting, str) else len(posting)


def _gather(postings: Iterable[str | list[str]]) -> set[str]:
    keys: set[str] = set()
    for posting in postings:
        if isinstance(posting, str):
            keys.add(posting)
        else:
            keys.update(posting)
    return keys


class KeyTable:
    """Maps normalised keys to the docs that own them, with their original text.

    Fuzzy look-ups score only keys sharing a word (up to a typo or two) with
    the query - "blocking" - which keeps typo look-ups fast on large tables;
    callers widen the search level when that finds nothing good enough.
    Edits cost a few dict/bucket updates (plus a list insert into sorted lists
    once they exist); the full-scan list is rebuilt lazily.
    """

    def __init__(self) -> None:
        # key -> (doc_id, text, doc_id, text, ...): one small tuple per key.
        self._owners: dict[str, tuple[int | str, ...]] = {}
        # word -> the key containing it, or the list of keys containing it.
        self._postings: dict[str, str | list[str]] = {}
        self._near = NearWords()
        self._unfiled: list[str] = []  # new words not yet in ``_near`` (filed in bulk)
        # Sorted lists: built on first use, then kept sorted on edits.
        self._alphabetical: list[str] | None = None
        self._vocabulary: list[str] | None = None
        # Full-scan list: rebuilt lazily after any edit.
        self._choices: list[str] | None = None

    def __len__(self) -> int:
        return len(self._owners)

    @property
    def levels(self) -> tuple[int, ...]:
        """The search levels worth trying on this table, cheapest first."""
        return (NEAR, WIDE, FULL) if len(self._owners) <= _FULL_SCAN_MAX else (NEAR, WIDE)

    # -- edits ---------------------------------------------------------------

    def add(self, doc_id: int, entries: Iterable[tuple[str, str]]) -> None:
        """Give ``doc_id`` the keys of ``entries`` (``(key, original text)``).

        A key the doc already owns keeps its first text.
        """
        for key, text in entries:
            if not key:
                continue
            owners = self._owners.get(key)
            if owners is None:
                self._owners[key] = (doc_id, text)
                self._add_key(key)
            elif doc_id not in owners[::2]:
                self._owners[key] = (*owners, doc_id, text)

    def remove(self, doc_id: int, keys: Iterable[str]) -> None:
        """Take ``keys`` away from ``doc_id`` (keys it does not own are ignored)."""
        for key in keys:
            owners = self._owners.get(key)
            if owners is None:
                continue
            ids = owners[::2]
            if doc_id not in ids:
                continue
            i = 2 * ids.index(doc_id)
            rest = owners[:i] + owners[i + 2 :]
            if rest:
                self._owners[key] = rest
            else:
                del self._owners[key]
                self._drop_key(key)

    def _add_key(self, key: str) -> None:
        self._choices = None
        _sorted_add(self._alphabetical, key)
        postings = self._postings
        words = key.split()
        for word in set(words) if len(words) > 1 else words:
            held = postings.get(word)
            if held is None:
                postings[word] = key
                self._unfiled.append(word)
                _sorted_add(self._vocabulary, word)
            elif isinstance(held, str):
                postings[word] = [held, key]
            else:
                held.append(key)

    def _file_words(self) -> None:
        """File the words added since the last look-up in the near-word buckets
        (all at once when there are many: the start-up path)."""
        if len(self._unfiled) > _BULK_FILING:
            self._near.add_many(self._unfiled)
        else:
            for word in self._unfiled:
                self._near.add(word)
        self._unfiled = []

    def _drop_key(self, key: str) -> None:
        if self._unfiled:
            self._file_words()
        self._choices = None
        _sorted_remove(self._alphabetical, key)
        postings = self._postings
        for word in set(key.split()):
            held = postings[word]
            if isinstance(held, str):
                del postings[word]
                self._near.discard(word)
                _sorted_remove(self._vocabulary, word)
            else:
                held.remove(key)
                if len(held) == 1:
                    postings[word] = held[0]

    def prepare(self) -> None:
        """Build what look-ups need now rather than on the first one."""
        self._file_words()
        self._get_alphabetical()

    # -- exact ---------------------------------------------------------------

    def owners(self, key: str) -> dict[int, str]:
        owners = self._owners.get(key)
        if owners is None:
            return {}
        return dict(_pairs(owners))

    def owner_pairs(self, key: str) -> Iterator[tuple[int, str]]:
        return _pairs(self._owners.get(key, ()))

    def has_word(self, word: str) -> bool:
        return word in self._postings

    def keys_with_word(self, word: str) -> list[str]:
        held = self._postings.get(word)
        if held is None:
            return []
        return [held] if isinstance(held, str) else held

    def compact_owners(self, key: str) -> dict[int, str]:
        """Owners of keys equal to ``key`` once spaces are ignored ("faceoff")."""
        squeezed = compact(key)
        found = self.owners(squeezed)
        # A spaced key starts with a word that is a prefix of the squeezed query
        # and is followed by the query's next letter: probe those few keys.
        keys = self._get_alphabetical()
        size = len(squeezed)
        for i in range(1, size):
            head = squeezed[:i]
            if head not in self._postings:
                continue
            for candidate in _starting_with(keys, f"{head} {squeezed[i]}", _COMPACT_PROBE):
                if len(candidate) - candidate.count(" ") == size and compact(candidate) == squeezed:
                    found.update(self.owner_pairs(candidate))
        return found

    # -- fuzzy ---------------------------------------------------------------

    def near_words(self, word: str, level: int, *, exact_only: bool = False) -> set[str]:
        """Indexed words within a typo or two of ``word`` (just itself below 3 letters).

        At the NEAR level, one typo away (two for words of six letters or more);
        at WIDE, a word that is not itself indexed - so surely mistyped - is
        also looked for two typos away.  With ``exact_only``, an indexed word
        stands for itself at the NEAR level (another query word will catch a
        typo that made a real word: WIDE still looks around it).  Words too
        common to block on are left out.
        """
        if len(word) < 3:
            return {word} if word in self._postings else set()
        if self._unfiled:
            self._file_words()
        if level == NEAR and exact_only and word in self._postings:
            return {word}
        if level == NEAR or len(word) < 4 or word in self._postings:
            allowed = _typo_allowance(word)
            found = self._near.near(word, allowed, 1, allowed)
        else:
            allowed = 3 if len(word) >= _THREE_TYPOS_FROM else 2
            found = self._near.near(word, allowed, 2, allowed)
        return found - _SKIP_WORDS

    def _block(self, query: str, level: int) -> tuple[set[str], set[str]] | None:
        """Keys worth scoring for ``query``, and those among them sharing its two
        rarest words (candidates for a different word order); None if no query
        word is near an indexed one.

        A key can only score well if it shares most query words (allowing
        typos), so it must contain one of the two rarest query words.
        """
        words = {w for w in query.split() if w not in _SKIP_WORDS}
        words = {w for w in words if len(w) >= 3} or words
        groups: list[tuple[int, list[str | list[str]]]] = []
        several = len(words) > 1
        for word in words:
            near = self.near_words(word, level, exact_only=several)
            postings = [self._postings[w] for w in near]
            if postings:
                groups.append((sum(map(_count, postings)), postings))
        if not groups:
            return None
        groups.sort(key=lambda group: group[0])
        if len(groups) == 1 or groups[0][0] + groups[1][0] > _BLOCK_MAX:
            return _gather(groups[0][1]), set()
        first, second = _gather(groups[0][1]), _gather(groups[1][1])
        return first | second, first & second

    def _choices_list(self) -> list[str]:
        if self._choices is None:
            self._choices = list(self._owners)
        return self._choices

    def similar(
        self,
        query: str,
        *,
        limit: int,
        cutoff: float,
        reorder_below: float = 101.0,
        level: int = NEAR,
    ) -> dict[str, float]:
        """Keys most similar to ``query`` as whole strings, scored 0..100.

        ``fuzz.ratio`` (normalised Indel similarity over the full key) keeps a
        short query from matching inside a long title.  If the best plain
        score is below ``reorder_below``, keys holding the query's rarest words
        in another order get a second, word-sorted comparison, REORDER_PENALTY
        lower ("cage nicolas" ~ "nicolas cage", but "rosemary s baby" is not
        "baby rosemary").  Below the FULL level only the keys chosen by
        blocking are scored.
        """
        if level == FULL:
            block: set[str] | list[str] = self._choices_list()
            shuffled: set[str] = set()
        else:
            blocked = self._block(query, level)
            if blocked is None:
                return {}
            block, shuffled = blocked
        hits = process.extract(
            query, block, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=cutoff
        )
        found = {key: swap_credited(query, key, score) for key, score, _ in hits}
        if shuffled and " " in query and max(found.values(), default=0.0) < reorder_below:
            reordered = process.extract(
                tokens_sorted(query),
                {key: tokens_sorted(key) for key in shuffled},
                scorer=fuzz.ratio,
                processor=None,
                limit=limit,
                score_cutoff=cutoff + REORDER_PENALTY,
            )
            for _, score, key in reordered:
                found[key] = max(score - REORDER_PENALTY, found.get(key, 0.0))
        return found

    # -- prefixes (autocomplete) ---------------------------------------------

    def _get_alphabetical(self) -> list[str]:
        if self._alphabetical is None:
            self._alphabetical = sorted(self._owners)
        return self._alphabetical

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` keys starting with ``prefix``, alphabetically."""
        return _starting_with(self._get_alphabetical(), prefix, limit)

    def vocabulary(self) -> list[str]:
        """Every word of every key, sorted."""
        if self._vocabulary is None:
            self._vocabulary = sorted(self._postings)
        return self._vocabulary

    def with_word_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` keys containing a word that starts with ``prefix``."""
        out: dict[str, None] = {}
        for word in _starting_with(self.vocabulary(), prefix, limit):
            for key in heapq.nsmallest(limit, self.keys_with_word(word)):
                out[key] = None
                if len(out) >= limit:
                    return list(out)
        return list(out)
