"""Thresholds and the FOUND / AMBIGUOUS decision shared by films and people."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz.distance import OSA, Levenshtein

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
#: Subtracted from a match found only with the words in another order: "rosemary s
#: baby" is "Rosemary's Baby" before it is "Baby Rosemary".
REORDER_PENALTY = 5.0
#: Subtracted from a match found only by reading the query's first word as a
#: misspelt "the" ("tge fireman", "rhe swimmer").
ARTICLE_TYPO_PENALTY = 2.0
MAX_CANDIDATES = 5
#: A lone best is still AMBIGUOUS if one of this many runners-up is as few typos away.
GUARD_RIVALS = 10
#: Queries are cut to this many characters before matching.
MAX_QUERY_CHARS = 200


_STOPWORDS = frozenset({"the", "and", "of"})


class Penalty:
    """``score`` minus WORD_PENALTY for each query word missing from a key.

    A query word is accounted for by a key that has it, has it inside a word
    run together ("face" in "faceoff"), or has it within a typo (two for words
    of six letters or more); stopwords and words of one or two letters always
    are, numbers only exactly.  A missing number ("ghost rider 2" vs "Ghost
    Rider") also caps the score below ACCEPT: a sequel number is never treated
    as a typo.  The query's words are sorted out once; then each key costs a
    split and, only for words it lacks, a few OSA distances.
    """

    __slots__ = ("_words",)

    def __init__(self, query: str) -> None:
        self._words = [w for w in query.split() if w not in _STOPWORDS and not _short(w)]

    def __call__(self, key: str, score: float) -> float:
        key_words = key.split()
        key_compact = ""
        missing = 0
        number = False
        for word in self._words:
            if word in key_words:
                continue
            if word.isdigit():
                missing += 1
                number = True
                continue
            if not key_compact:
                key_compact = "".join(key_words)
            if word in key_compact:
                continue
            allowed = 1 if len(word) <= 5 else 2
            if not any(OSA.distance(word, k, score_cutoff=allowed) <= allowed for k in key_words):
                missing += 1
        score -= WORD_PENALTY * missing
        if number:
            score = min(score, ACCEPT - MARGIN - 1.0)
        return score


def _short(word: str) -> bool:
    return len(word) <= 2 and not word.isdigit()


def swap_credited(query: str, key: str, ratio: float) -> float:
    """``fuzz.ratio`` with each swapped pair of neighbours costing one edit, not two.

    Indel counts a swap ("kenoma" -> "kneoma") as a deletion plus an insertion,
    so a dropped letter ("keoma" -> "kneoma") looked twice as close; yet a swap
    is as common a typo as a dropped letter.  The number of swaps is the gap
    between the Levenshtein and OSA (restricted Damerau) distances.
    """
    swaps = Levenshtein.distance(query, key) - OSA.distance(query, key)
    if swaps <= 0:
        return ratio
    return min(100.0, ratio + 100.0 * swaps / (len(query) + len(key)))


def prefix_score(query: str, key: str) -> float:
    return PREFIX_BASE + PREFIX_SPAN * len(query) / len(key)


def decide(
    pool: Sequence[Candidate[Any]],
    typos: Callable[[Candidate[Any]], int] | None = None,
) -> tuple[MatchStatus, tuple[Candidate[Any], ...]] | None:
    """FOUND or AMBIGUOUS for a best-first ``pool``, or None if nothing is good enough.

    With ``typos`` (the edit distance from the query to a candidate's text), a
    lone best is not FOUND if a runner-up (among the next GUARD_RIVALS) is as
    few typos away: the scores only preferred one kind of typo over another
    ("tickup": "Stickup" drops a letter, "Pickup" changes one; "leza": "Lea",
    "Lena").
    """
    if not pool or pool[0].score < ACCEPT:
        return None
    floor = pool[0].score - MARGIN
    close = tuple(c for c in pool if c.score >= floor)[:MAX_CANDIDATES]
    if len(close) > 1:
        return MatchStatus.AMBIGUOUS, close
    if typos is not None:
        best = close[0]
        rivals = pool[1 : 1 + GUARD_RIVALS]
        if rivals:
            limit = typos(best)
            tied = [c for c in rivals if typos(c) <= limit][: MAX_CANDIDATES - 1]
            if tied:
                return MatchStatus.AMBIGUOUS, (best, *tied)
    return MatchStatus.FOUND, close


def merge_best(best: dict[int, Candidate[Any]], doc: Any, score: float, matched: str) -> None:
    """Keep the highest-scoring candidate per doc id."""
    current = best.get(doc.id)
    if current is None or score > current.score:
        best[doc.id] = Candidate(doc=doc, score=round(max(score, 0.0), 2), matched=matched)


#: Weakest score a title strictly nearer than any other may be answered with.
NEAREST_FLOOR = 65.0
#: ... and how far ahead of the runner-up's score it must be.
NEAREST_LEAD = 8.0


def typo_allowance(length: int) -> int:
    """Typos a query of ``length`` letters may hold and still be answered as the one
    title strictly nearest it: none below six letters (a typo in "gino" makes another
    name), one up to eight, two up to twelve, three beyond."""
    if length < 6:
        return 0
    if length <= 8:
        return 1
    return 2 if length <= 12 else 3


def clear_nearest(
    pool: Sequence[Candidate[Any]],
    typos: Callable[[Candidate[Any]], int],
    length: int,
) -> tuple[MatchStatus, tuple[Candidate[Any], ...]] | None:
    """FOUND for a best candidate that scored below ACCEPT but is within the typos a
    query of ``length`` letters may hold, well ahead of the others on score, and at
    least two typos nearer than any of them ("sky edvls": Sky Devils)."""
    if not pool or pool[0].score < NEAREST_FLOOR:
        return None
    best = pool[0]
    limit = typos(best)
    if limit > typo_allowance(length):
        return None
    rivals = pool[1 : 1 + GUARD_RIVALS]
    if rivals and rivals[0].score > best.score - NEAREST_LEAD:
        return None
    if any(typos(c) <= limit + 1 for c in rivals):
        return None
    return MatchStatus.FOUND, (best,)
