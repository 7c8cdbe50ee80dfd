"""A key table: normalised key -> owning doc ids, plus rapidfuzz look-ups."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.search.normalize import tokens_sorted


def _starting_with(items: list[str], prefix: str, limit: int) -> list[str]:
    """Up to ``limit`` entries of the sorted list ``items`` that start with ``prefix``."""
    out: list[str] = []
    i = bisect_left(items, prefix)
    while i < len(items) and len(out) < limit and items[i].startswith(prefix):
        out.append(items[i])
        i += 1
    return out


class KeyTable:
    """Maps normalised keys to ``{doc_id: original text}``.

    Edits are O(keys of one doc).  The flat lists that rapidfuzz and bisect
    scan are derived data, each rebuilt lazily on first use after an edit.
    """

    def __init__(self) -> None:
        self._owners: dict[str, dict[int, str]] = {}
        self._keys_of: dict[int, tuple[str, ...]] = {}
        self._invalidate()

    def _invalidate(self) -> None:
        self._choices: list[str] | None = None
        self._sorted_choices: list[str] | None = None
        self._alphabetical: list[str] | None = None
        self._vocabulary: list[str] | None = None
        self._keys_by_word: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self._owners)

    def set(self, doc_id: int, entries: Iterable[tuple[str, str]]) -> None:
        """Replace ``doc_id``'s keys with ``entries`` of ``(key, original text)``."""
        self.discard(doc_id)
        keys: list[str] = []
        for key, text in entries:
            if not key:
                continue
            owners = self._owners.setdefault(key, {})
            if doc_id not in owners:
                owners[doc_id] = text
                keys.append(key)
        if keys:
            self._keys_of[doc_id] = tuple(keys)
            self._invalidate()

    def discard(self, doc_id: int) -> None:
        keys = self._keys_of.pop(doc_id, ())
        for key in keys:
            owners = self._owners[key]
            del owners[doc_id]
            if not owners:
                del self._owners[key]
        if keys:
            self._invalidate()

    def owners(self, key: str) -> dict[int, str]:
        return self._owners.get(key, {})

    def keys_of(self, doc_id: int) -> tuple[str, ...]:
        return self._keys_of.get(doc_id, ())

    # -- derived lists -------------------------------------------------------

    def _get_choices(self) -> list[str]:
        if self._choices is None:
            self._choices = list(self._owners)
        return self._choices

    def _get_sorted_choices(self) -> list[str]:
        if self._sorted_choices is None:
            self._sorted_choices = [tokens_sorted(k) for k in self._get_choices()]
        return self._sorted_choices

    def _get_alphabetical(self) -> list[str]:
        if self._alphabetical is None:
            self._alphabetical = sorted(self._owners)
        return self._alphabetical

    def _get_vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            by_word: dict[str, list[str]] = {}
            for key in self._owners:
                for word in set(key.split()):
                    by_word.setdefault(word, []).append(key)
            self._keys_by_word = by_word
            self._vocabulary = sorted(by_word)
        return self._vocabulary

    # -- look-ups ------------------------------------------------------------

    def similar(
        self, query: str, *, limit: int, cutoff: float, reorder_below: float = 101.0
    ) -> dict[str, float]:
        """Keys most similar to ``query`` as whole strings, scored 0..100.

        ``fuzz.ratio`` (normalised Indel similarity over the full key) keeps a
        short query from matching inside a long title.  If the best plain
        score is below ``reorder_below``, multi-word queries get a second pass
        over word-sorted forms ("cage nicolas" = "nicolas cage").
        """
        choices = self._get_choices()
        hits = process.extract(
            query, choices, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=cutoff
        )
        found = {key: score for key, score, _ in hits}
        if " " in query and max(found.values(), default=0.0) < reorder_below:
            reordered = process.extract(
                tokens_sorted(query),
                self._get_sorted_choices(),
                scorer=fuzz.ratio,
                processor=None,
                limit=limit,
                score_cutoff=cutoff,
            )
            for _, score, index in reordered:
                key = choices[index]
                found[key] = max(score, found.get(key, 0.0))
        return found

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` keys starting with ``prefix``, alphabetically."""
        return _starting_with(self._get_alphabetical(), prefix, limit)

    def with_word_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` keys containing a word that starts with ``prefix``."""
        out: dict[str, None] = {}
        for word in _starting_with(self._get_vocabulary(), prefix, limit):
            for key in self._keys_by_word[word]:
                out[key] = None
                if len(out) >= limit:
                    return list(out)
        return list(out)
