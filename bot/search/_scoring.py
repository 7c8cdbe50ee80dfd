"""Thresholds and the FOUND / AMBIGUOUS decision shared by films and people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import OSA

from bot.search.models import Candidate, MatchStatus

#: Best score needed to answer at all.  ``fuzz.ratio`` is 100 * (1 - indel/(n+m)):
#: one typo in a 7-letter title ("con iar") scores ~86, two in "levaing las vegs"
#: ~91, while one substitution in a 4-letter word scores 75 (too risky to accept).
ACCEPT = 80.0
#: Anything within this many points of the best is "too close to call".
MARGIN = 5.0
#: Weakest score still worth offering as a "did you mean" suggestion.
SUGGEST_FLOOR = 50.0
#: Queries shorter than this (letters/digits) are only answered by exact keys.
MIN_FUZZY_CHARS = 3
#: Subtracted per query word that the candidate cannot account for, e.g. the
#: "2" in "ghost rider 2" against "Ghost Rider", or "book" in "national
#: treasure book" against "National Treasure".
WORD_PENALTY = 15.0
#: Whole-word prefix matches ("unbearable weight") are suggestions only: they
#: score PREFIX_BASE..PREFIX_BASE+PREFIX_SPAN, always below ACCEPT.
PREFIX_BASE = 70.0
PREFIX_SPAN = 8.0
MAX_CANDIDATES = 5
#: Queries are cut to this many characters before matching.
MAX_QUERY_CHARS = 200


_STOPWORDS = frozenset({"the", "and", "of"})


def _explained(word: str, key_words: Sequence[str], key_compact: str) -> bool:
    if word in key_words or word in _STOPWORDS:
        return True
    if word.isdigit():  # sequel numbers must match exactly
        return False
    if len(word) <= 2 or word in key_compact:  # "of", or "face" in "faceoff"
        return True
    allowed = 1 if len(word) <= 5 else 2
    return any(OSA.distance(word, k, score_cutoff=allowed) <= allowed for k in key_words)


def penalised(query: str, key: str, score: float) -> float:
    """``score`` minus WORD_PENALTY for each query word missing from ``key``.

    A missing number ("ghost rider 2" vs "Ghost Rider") also caps the score
    below ACCEPT: a sequel number is never treated as a typo.
    """
    key_words = key.split()
    key_compact = "".join(key_words)
    missing = [w for w in query.split() if not _explained(w, key_words, key_compact)]
    score -= WORD_PENALTY * len(missing)
    if any(w.isdigit() for w in missing):
        score = min(score, ACCEPT - MARGIN - 1.0)
    return score


def prefix_score(query: str, key: str) -> float:
    return PREFIX_BASE + PREFIX_SPAN * len(query) / len(key)


def decide(
    pool: Sequence[Candidate[Any]],
) -> tuple[MatchStatus, tuple[Candidate[Any], ...]] | None:
    """FOUND or AMBIGUOUS for a best-first ``pool``, or None if nothing is good enough."""
    if not pool or pool[0].score < ACCEPT:
        return None
    floor = pool[0].score - MARGIN
    close = tuple(c for c in pool if c.score >= floor)[:MAX_CANDIDATES]
    if len(close) == 1:
        return MatchStatus.FOUND, close
    return MatchStatus.AMBIGUOUS, close


def merge_best(best: dict[int, Candidate[Any]], doc: Any, score: float, matched: str) -> None:
    """Keep the highest-scoring candidate per doc id."""
    current = best.get(doc.id)
    if current is None or score > current.score:
        best[doc.id] = Candidate(doc=doc, score=round(max(score, 0.0), 2), matched=matched)
