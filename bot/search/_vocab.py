"""Words of a vocabulary within a typo or two of a query word, without scanning it all.

Every word is filed in a few buckets named after a pair of its letters and its
length: its first two letters ("a"), its last two ("d"), its first and last
("g"), its second and third ("b") and its third- and second-last ("e").  A
word one typo away from a query word shares a bucket with it at a length
within one of the query's, once the query's swapped ends are also tried; two
typos away, it almost always does if the probes also assume that the typo at
an end shifted a letter.  The buckets hold references to the caller's word
strings: no typo variants are generated or stored, so building costs a few
list appends per word, edits are cheap and the memory is a few slots per word.
Candidates are then checked with rapidfuzz's OSA distance.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

_Pair = Callable[[str], str]

#: Which pair of letters names each family of buckets.
_FAMILIES: dict[str, _Pair] = {
    "a": lambda w: w[:2],
    "b": lambda w: w[1:3],
    "d": lambda w: w[-2:],
    "e": lambda w: w[-3:-1],
    "g": lambda w: w[:1] + w[-1:],
}

#: Pairs of a query word to look up in a family, reading the word as typed
#: or as if a typo near that end had inserted, swapped or shifted letters.
_AS_TYPED: dict[str, _Pair] = {
    "q01": lambda q: q[:2],
    "q10": lambda q: q[1:2] + q[:1],
    "q12": lambda q: q[1:3],
    "q02": lambda q: q[:1] + q[2:3],
    "z21": lambda q: q[-2:],
    "z12": lambda q: q[-1:] + q[-2:-1],
    "z32": lambda q: q[-3:-1],
    "z31": lambda q: q[-3:-2] + q[-1:],
    "fl": lambda q: q[:1] + q[-1:],
    "fl1": lambda q: q[1:2] + q[-1:],
    "fl2": lambda q: q[:1] + q[-2:-1],
    "fl3": lambda q: q[1:2] + q[-2:-1],
}

#: (family, query pair) probes for one typo, and for two.  One typo cannot change
#: both the first two and the last two letters of a word of five letters or
#: more (swaps aside, which are probed); shorter words also need "g".
_Probes = tuple[tuple[str, str], ...]
_ONE_TYPO_LONG: _Probes = (("a", "q01"), ("a", "q10"), ("d", "z21"), ("d", "z12"))
_ONE_TYPO: _Probes = (*_ONE_TYPO_LONG, ("g", "fl"))
_SHORT = 5
_TWO_TYPOS: _Probes = (
    *_ONE_TYPO,
    ("a", "q12"),
    ("a", "q02"),
    ("d", "z32"),
    ("d", "z31"),
    ("g", "fl1"),
    ("g", "fl2"),
    ("g", "fl3"),
    ("b", "q12"),
    ("b", "q01"),
    ("e", "z32"),
    ("e", "z21"),
)


def _bucket_names(word: str) -> tuple[str, ...]:
    """The buckets ``word`` is filed in (one per family, as in _FAMILIES)."""
    size = chr(len(word))
    return (
        "a" + word[:2] + size,
        "b" + word[1:3] + size,
        "d" + word[-2:] + size,
        "e" + word[-3:-1] + size,
        "g" + word[:1] + word[-1:] + size,
    )


class NearWords:
    """Buckets of words, each holding one word (a ``str``) or several (a ``list``)."""

    __slots__ = ("_buckets",)

    def __init__(self) -> None:
        self._buckets: dict[str, str | list[str]] = {}

    def add_many(self, words: Iterable[str]) -> None:
        """Add many new words at once (the start-up path: no per-word checks)."""
        grouped: defaultdict[str, list[str]] = defaultdict(list)
        for name, held in self._buckets.items():
            grouped[name] += [held] if isinstance(held, str) else held
        for word in words:
            for name in _bucket_names(word):
                grouped[name].append(word)
        self._buckets = {name: h[0] if len(h) == 1 else h for name, h in grouped.items()}

    def add(self, word: str) -> None:
        buckets = self._buckets
        for name in _bucket_names(word):
            held = buckets.get(name)
            if held is None:
                buckets[name] = word
            elif isinstance(held, str):
                buckets[name] = [held, word]
            else:
                held.append(word)

    def discard(self, word: str) -> None:
        buckets = self._buckets
        for name in _bucket_names(word):
            held = buckets.get(name)
            if held is None:
                continue
            if isinstance(held, str):
                if held == word:
                    del buckets[name]
            elif word in held:
                held.remove(word)
                if len(held) == 1:
                    buckets[name] = held[0]

    def candidates(self, word: str, typos: int, spread: int) -> list[str]:
        """Words sharing a bucket with ``word`` (probed for ``typos``, 1 or 2) and
        at most ``spread`` letters longer or shorter."""
        if typos > 1:
            probes = _TWO_TYPOS
        elif len(word) <= _SHORT:
            probes = _ONE_TYPO
        else:
            probes = _ONE_TYPO_LONG
        pairs = {family + _AS_TYPED[reading](word) for family, reading in probes}
        size = len(word)
        sizes = [chr(n) for n in range(max(1, size - spread), size + spread + 1)]
        buckets = self._buckets
        found: list[str] = []
        for pair in pairs:
            for length in sizes:
                held = buckets.get(pair + length)
                if held is None:
                    continue
                if isinstance(held, str):
                    found.append(held)
                else:
                    found += held
        return found

    def near(self, word: str, allowed: int, typos: int, spread: int) -> set[str]:
        """Indexed words within ``allowed`` edits (OSA) of ``word``, probing for
        ``typos`` typos (1: cheap and complete for one typo; 2: wider) among
        words at most ``spread`` letters longer or shorter."""
        return {
            w
            for w, _, _ in process.extract(
                word,
                self.candidates(word, typos, spread),
                scorer=OSA.distance,
                score_cutoff=allowed,
                limit=None,
            )
        }
