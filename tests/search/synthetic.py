"""Synthetic titles for big-index tests (deterministic from the random generator given)."""

from __future__ import annotations

import random
import string

COMMON = ["the", "man", "love", "night", "dead", "city", "last", "house", "of", "blood"]


def words(rng: random.Random, count: int, longest: int = 10) -> list[str]:
    return [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, longest)))
        for _ in range(count)
    ]


def titles(rng: random.Random, count: int, vocab_size: int, longest: int = 10) -> list[str]:
    """`count` distinct titles of 1-5 words, about a third of them common words, sorted."""
    vocab = words(rng, vocab_size, longest)
    found: set[str] = set()
    while len(found) < count:
        picked = [
            rng.choice(COMMON) if rng.random() < 0.3 else rng.choice(vocab)
            for _ in range(rng.randint(1, 5))
        ]
        found.add(" ".join(picked).title())
    return sorted(found)
