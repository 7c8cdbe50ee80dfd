"""Issue 13's targets, measured side by side in one run: whole replies through the pipeline
members use (`app.answer_text`, then the Discord payload as JSON), the floor they are compared
with (the look-up, the card's rows read with plain SQL, the render), and the look-ups a user
might pick instead (a careful `extractOne`, PostgreSQL pg_trgm + re-rank).

Only the public API is used (Popcorn.start, app.answer_text, app.index, app.settings), so the
bench measures whatever read path and cache the bot has when it runs."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy.engine import make_url

from bot.app import Popcorn
from bot.discord_bot.render import render
from bot.search import MatchStatus, SearchIndex, normalize_title

#: The film whose review data/ ships: its card is the fullest (ratings, pros and cons, links).
REVIEWED = "leaving las vegas"
#: `!cage`: Nicolas Cage's filmography from data/ (102 films), page 1.
CAGE = "!cage"


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


async def reply(app: Popcorn, text: str) -> str:
    """One command end to end: parsed, answered, rendered to the Discord payload, as JSON."""
    answer = await app.answer_text(text)
    if answer is None:
        raise RuntimeError(f"bench: {text!r} is not a command")
    return json.dumps(render(answer).payload(), default=str)


def expect(payload: str, needle: str, command: str) -> None:
    """The bench measures real replies: one that does not say what it should stops the run."""
    if needle.lower() not in payload.lower():
        raise RuntimeError(
            f"bench: the reply to {command!r} does not mention {needle!r}: {payload}"
        )


async def timed_replies(
    app: Popcorn, runs: Sequence[Sequence[str]]
) -> tuple[tuple[float, float], list[list[float]]]:
    """(median p50, median p99) in ms over the runs, and every sample (ms) per run."""
    per_run: list[list[float]] = []
    for commands in runs:
        samples = []
        for command in commands:
            start = time.perf_counter()
            await reply(app, command)
            samples.append((time.perf_counter() - start) * 1000)
        per_run.append(samples)
    stats = [percentiles(samples) for samples in per_run]
    return (
        (statistics.median(s[0] for s in stats), statistics.median(s[1] for s in stats)),
        per_run,
    )


def slices(items: Sequence[str], runs: int, size: int) -> list[list[str]]:
    """`runs` disjoint slices of `size` (while there are enough), so no run repeats a film."""
    size = max(1, min(size, len(items) // max(runs, 1)))
    return [list(items[r * size : (r + 1) * size]) for r in range(runs)]


def ask_questions(titles: Sequence[str], people: Sequence[str]) -> list[tuple[str, str]]:
    """Six question kinds about catalogue films, each film asked once: (question, the title
    the answer must name). `people[i]` is a person credited on `titles[i]`."""
    kinds = (
        "who directed {t}",
        "who is in {t}",
        "how long is {t}",
        "when did {t} come out",
        "what genre is {t}",
        "is {p} in {t}",
    )
    return [
        (kinds[i % len(kinds)].format(t=title.lower(), p=person), title)
        for i, (title, person) in enumerate(zip(titles, people, strict=True))
    ]


@dataclass
class Mix:
    """The mixed workload of replies per second: per cycle three `!review <typo>`, a verdict,
    a cast, `!cage`, a question and a search, on different films in turn."""

    typos: Sequence[str]
    titles: Sequence[str]
    questions: Sequence[str]

    def commands(self, count: int) -> list[str]:
        out: list[str] = []
        i = 0
        while len(out) < count:
            t = self.titles[i % len(self.titles)]
            out += [
                f"!review {self.typos[(3 * i) % len(self.typos)]}",
                f"!verdict {t}",
                f"!review {self.typos[(3 * i + 1) % len(self.typos)]}",
                f"!cast {t}",
                CAGE,
                f"!review {self.typos[(3 * i + 2) % len(self.typos)]}",
                f"!ask {self.questions[i % len(self.questions)]}",
                f"!search {t.split()[0]}",
            ]
            i += 1
        return out[:count]


async def replies_per_second(
    app: Popcorn, mix: Mix, seconds: float, repeats: int, at_once: int = 1
) -> tuple[float, str]:
    """Replies in one process for `seconds`, `at_once` commands in flight together (1: one
    after another): the median rate over `repeats`, and (one after another) the p50 of each
    command of the mix: "!review 0.31 · !cage 16.8 · …" in ms."""
    commands = mix.commands(200_000)
    rates = []
    position = 0
    by_command: dict[str, list[float]] = {}
    for _ in range(repeats):
        done = 0
        start = time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            if at_once == 1:
                command = commands[position % len(commands)]
                began = time.perf_counter()
                await reply(app, command)
                name = command.split(" ", 1)[0]
                by_command.setdefault(name, []).append((time.perf_counter() - began) * 1000)
            else:
                batch = [commands[(position + k) % len(commands)] for k in range(at_once)]
                await asyncio.gather(*(reply(app, command) for command in batch))
            position += at_once
            done += at_once
        rates.append(done / elapsed)
    each = " · ".join(
        f"{name} {statistics.median(times):.2f}" for name, times in by_command.items()
    )
    return statistics.median(rates), each


def cache_stats(app: Popcorn) -> dict[str, int] | None:
    """The document cache's counters, when the bot has one (`app.documents.stats()`)."""
    cache = getattr(app, "documents", None)
    stats = getattr(cache, "stats", None)
    return dict(stats()) if callable(stats) else None


def hit_rate(before: dict[str, int] | None, after: dict[str, int] | None) -> str:
    """ "93% of 2,412 film reads", between two cache_stats, or that there is no cache."""
    if before is None or after is None:
        return "no document cache"
    hits = after.get("hits", 0) - before.get("hits", 0)
    reads = hits + after.get("misses", 0) - before.get("misses", 0)
    return f"{hits / reads:.0%} of {reads:,} film reads" if reads else "no film read"


# ---------------------------------------------------------------- the floor
CARD_SQL = (
    "SELECT id, slug, title, year, genres, certificate, runtime_min, description, synopsis, "
    "cast_complete FROM films WHERE id = ?",
    "SELECT c.role, c.character, c.billing, p.id, p.name FROM credits c "
    "JOIN people p ON p.id = c.person_id WHERE c.film_id = ? ORDER BY c.billing",
    "SELECT id, format, edition, label, release_date, country, region, discs, extras "
    "FROM releases WHERE film_id = ?",
    "SELECT r.id, r.headline, r.url, r.author, r.published, r.verdict, r.pros, r.cons, "
    "r.recommendation, r.trailer_url, r.release_id, "
    "(SELECT json_group_array(json_array(aspect, grade, score)) FROM ratings "
    " WHERE review_id = r.id), "
    "(SELECT json_group_array(json_array(position, retailer, url, affiliate)) "
    " FROM purchase_links WHERE review_id = r.id) "
    "FROM reviews r WHERE r.film_id = ? AND r.deleted_at IS NULL ORDER BY r.id DESC LIMIT 1",
)


def card_rows(conn: sqlite3.Connection, film_id: int) -> list[list[Any]]:
    """The rows a film's card shows, read with plain SQL: the film, its credits with people,
    its releases, its current review with ratings and links (4 statements)."""
    return [conn.execute(sql, (film_id,)).fetchall() for sql in CARD_SQL]


async def floor(
    app: Popcorn, db_path: Path, commands: Sequence[str], repeats: int
) -> dict[str, float]:
    """Per `!review <text>`: the index look-up + the card's rows with sqlite3 + render and JSON
    of the same answer (built once beforehand): the p50 of each part and of their sum."""
    answers = []
    for command in commands:
        answer = await app.answer_text(command)
        assert answer is not None
        answers.append(answer)
    index: SearchIndex = app.index
    conn = sqlite3.connect(db_path)
    try:
        parts: dict[str, list[float]] = {"lookup": [], "sql": [], "render": [], "total": []}
        for _ in range(repeats):
            run: dict[str, list[float]] = {key: [] for key in parts}
            for command, answer in zip(commands, answers, strict=True):
                t0 = time.perf_counter()
                match = index.find_film(command.split(" ", 1)[1])
                t1 = time.perf_counter()
                if match.status is MatchStatus.FOUND and match.best is not None:
                    card_rows(conn, match.best.id)
                t2 = time.perf_counter()
                json.dumps(render(answer).payload(), default=str)
                t3 = time.perf_counter()
                for key, value in (
                    ("lookup", t1 - t0),
                    ("sql", t2 - t1),
                    ("render", t3 - t2),
                    ("total", t3 - t0),
                ):
                    run[key].append(value * 1000)
            for key, values in run.items():
                parts[key].append(statistics.median(values))
        return {key: statistics.median(values) for key, values in parts.items()}
    finally:
        conn.close()


# ---------------------------------------------------------------- the alternatives
def careful_extract_one(
    titles: Sequence[str], queries: Sequence[tuple[str, int]]
) -> dict[str, float]:
    """`process.extractOne` as a careful user writes it: titles normalised once (Popcorn's own
    normalize_title), the query normalised, no processor per comparison, `fuzz.ratio` (WRatio
    is 10x slower here and 20 points less right on typos) with a score cut-off of 60. p50/p99
    in ms and top-1 over (query, wanted index into titles)."""
    keys: dict[str, int] = {}
    for i, title in enumerate(titles):
        keys.setdefault(normalize_title(title), i)
    choices = list(keys)
    scorer: Any = fuzz.ratio
    samples, right = [], 0
    for text, want in queries:
        start = time.perf_counter()
        hit = process.extractOne(
            normalize_title(text), choices, scorer=scorer, processor=None, score_cutoff=60
        )
        samples.append((time.perf_counter() - start) * 1000)
        right += hit is not None and keys[hit[0]] == want
    p50, p99 = percentiles(samples)
    return {"p50": p50, "p99": p99, "top1": right / max(len(queries), 1)}


async def pg_trgm(
    admin_url: str, titles: Sequence[str], queries: Sequence[tuple[str, int]]
) -> dict[str, float]:
    """PostgreSQL pg_trgm on normalised titles (a GIN trigram index, `%` then similarity
    order, 20 candidates) re-ranked by `fuzz.ratio` in Python, in a scratch database."""
    import asyncpg

    from bot.db.scratch import create_database, drop_database

    name, url = await create_database(admin_url, "popcorn_bench_trgm")
    try:
        u = make_url(url)
        conn = await asyncpg.connect(
            host=u.host, port=u.port or 5432, user=u.username, password=u.password,
            database=u.database,
        )  # fmt: skip
        try:
            await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            await conn.execute("CREATE TABLE titles (id integer PRIMARY KEY, key text NOT NULL)")
            await conn.copy_records_to_table(
                "titles", records=[(i, normalize_title(t)) for i, t in enumerate(titles)]
            )
            await conn.execute("CREATE INDEX titles_trgm ON titles USING gin (key gin_trgm_ops)")
            await conn.execute("ANALYZE titles")
            statement = await conn.prepare(
                "SELECT id, key FROM titles WHERE key % $1 "
                "ORDER BY similarity(key, $1) DESC LIMIT 20"
            )
            scorer: Any = fuzz.ratio
            samples, right = [], 0
            for text, want in queries:
                start = time.perf_counter()
                query = normalize_title(text)
                rows = await statement.fetch(query)
                best = None
                if rows:
                    hit = process.extractOne(
                        query, [row["key"] for row in rows], scorer=scorer, processor=None
                    )
                    best = rows[hit[2]]["id"] if hit is not None else None
                samples.append((time.perf_counter() - start) * 1000)
                right += best == want
        finally:
            await conn.close()
    finally:
        await drop_database(admin_url, name)
    p50, p99 = percentiles(samples)
    return {"p50": p50, "p99": p99, "top1": right / max(len(queries), 1)}


# ---------------------------------------------------------------- the table
#: (label, key, format, target text, the test: "le" value <= limit, "ge" value >= limit)
TARGETS: list[tuple[str, str, str, str, str, float]] = [
    ("`!review <typo>` end to end, p50 (ms)", "e2e_p50_ms", "{:.2f}", "≤ 1.0", "le", 1.0),
    ("`!review <typo>` end to end, p99 (ms)", "e2e_p99_ms", "{:.2f}", "≤ 3.0", "le", 3.0),
    ("`!review` on a cached film, p50 (ms)", "cached_p50_ms", "{:.2f}", "≤ 0.6", "le", 0.6),
    ("`!ask` (6 question kinds), p50 (ms)", "ask_p50_ms", "{:.2f}", "≤ 2", "le", 2.0),
    ("`!cage` (102 films, page 1), p50 (ms)", "cage_p50_ms", "{:.2f}", "≤ 2", "le", 2.0),
    ("replies per second, one process, mixed", "mix_per_s", "{:,.0f}", "≥ 1,000", "ge", 1000),
    ("RSS after start, cache warm (MB)", "rss_warm_mb", "{:.0f}", "≤ 200", "le", 200),
]

#: Rows printed under the targets, for comparison (no target of their own).
COMPARED: list[tuple[str, str, str]] = [
    ("floor: look-up + card rows (sqlite3) + render, p50 (ms)", "floor_p50_ms", "{:.3f}"),
    ("  look-up, p50 (ms)", "floor_lookup_ms", "{:.3f}"),
    ("  the card's rows with plain SQL, p50 (ms)", "floor_sql_ms", "{:.3f}"),
    ("  render to the payload + JSON, p50 (ms)", "floor_render_ms", "{:.3f}"),
    ("`!review <typo>` p50 ÷ floor (×)", "floor_ratio", "{:.1f}"),
    ("  each command of the mix, p50 (ms)", "mix_each", "{}"),
    ("  8 commands at a time (replies per second)", "mix8_per_s", "{:,.0f}"),
    ("  cache hits in the mix", "mix_hits", "{}"),
    ("`!ask`, p99 (ms)", "ask_p99_ms", "{:.2f}"),
    ("`!ask`: replies naming the film asked about", "ask_named", "{:.0%}"),
    ("`!cage`, p99 (ms)", "cage_p99_ms", "{:.2f}"),
    ("RSS after start, cold (MB)", "rss_mb", "{:.0f}"),
    ("  the cache, warm", "cache_warm", "{}"),
    ("Popcorn look-up p50 / p99 (ms), same queries", "alt_ours", "{}"),
    ("careful `extractOne` (normalised) p50 / p99 (ms)", "alt_extract", "{}"),
    ("PostgreSQL pg_trgm + re-rank p50 / p99 (ms)", "alt_trgm", "{}"),
]


def verdict(value: float, test: str, limit: float) -> str:
    ok = value <= limit if test == "le" else value >= limit
    return "PASS" if ok else "MISS"


def targets_table(rows: dict[str, Any]) -> str:
    """One table: each target beside its measure and PASS/MISS, then the floor and the
    alternatives on the same queries."""
    rows = dict(rows)
    if rows.get("floor_p50_ms") and "e2e_p50_ms" in rows:
        rows["floor_ratio"] = rows["e2e_p50_ms"] / rows["floor_p50_ms"]
    lines = ["| measure | result | target | |", "|---|---|---|---|"]
    for label, key, fmt, target, test, limit in TARGETS:
        if key in rows:
            value = rows[key]
            lines.append(f"| {label} | {fmt.format(value)} | {target} | "
                         f"{verdict(value, test, limit)} |")  # fmt: skip
        else:
            lines.append(f"| {label} | — | {target} | not measured |")
    for label, key, fmt in COMPARED:
        cell = fmt.format(rows[key]) if key in rows else "—"
        lines.append(f"| {label} | {cell} |  |  |")
    return "\n".join(lines)


def alternative_cell(result: dict[str, float] | str) -> str:
    """ "0.24 / 0.71, top-1 95.5%", or why it was not run."""
    if isinstance(result, str):
        return result
    return f"{result['p50']:.2f} / {result['p99']:.2f}, top-1 {result['top1']:.1%}"
