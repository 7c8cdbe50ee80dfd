"""Memory of a big catalogue import: a generated CSV of N rows (1,000,000 by default, about
35 MB) imported by `popcorn import` in a fresh process, with that process's peak RSS.

    python -m bench.bigimport --rows 1000000            # prints one JSON line
    python -m bench.bigimport --rows 1000000 --write big.csv   # only writes the CSV

The target is a peak under 400 MB for 1,000,000 rows (issue #10, item 18): the import streams
the CSV in chunks instead of holding every row, film and credit at once.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.catalogue import FIRST_NAMES, SYLLABLES

GENRES = ("Action", "Comedy", "Drama", "Documentary", "Romance", "Horror", "Thriller")
TARGET_MB = 400  # peak RSS for 1,000,000 rows


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize()


def write_big_csv(path: Path, rows: int, seed: int = 7) -> None:
    """`rows` films with distinct titles (a number in each), a director from a pool of 50,000
    people and, every third row, one cast member from the same pool."""
    rng = random.Random(seed)
    people = [f"{rng.choice(FIRST_NAMES)} {_word(rng)}" for _ in range(50_000)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "year", "runtime_min", "genres", "directors", "cast"])
        for i in range(rows):
            cast = f"{rng.choice(people)} as {_word(rng)}" if i % 3 == 0 else ""
            writer.writerow(
                [
                    f"{_word(rng)} {i}",
                    1900 + i % 120,
                    60 + i % 90,
                    rng.choice(GENRES),
                    rng.choice(people),
                    cast,
                ]
            )


def measure(csv_path: Path, database_url: str) -> dict[str, float]:
    """`popcorn import csv_path` in a child process: its peak RSS (MB) and wall time (s).

    ru_maxrss of RUSAGE_CHILDREN is the largest of the children waited for so far, so the
    import runs from a fresh process that has started no other child."""
    env = dict(os.environ, DATABASE_URL=database_url)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "import", str(csv_path)],
        env=env, check=True, stdout=subprocess.DEVNULL, timeout=3600,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    return {"import_s": seconds, "peak_rss_mb": peak_kb / 1024}


def run_in_child(rows: int, workdir: Path) -> dict[str, float]:
    """Generate the CSV and measure its import from a fresh `python -m bench.bigimport`, so
    the peak is this import's alone (not an earlier child's of the calling process)."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.bigimport", "--rows", str(rows), "--dir", str(workdir)],
        cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, check=True,
        timeout=7200,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bigimport", description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--write", type=Path, help="only write the CSV to this path")
    parser.add_argument("--dir", type=Path, help="a folder for the CSV and the SQLite file")
    parser.add_argument("--database-url", help="default: a new SQLite file in --dir")
    args = parser.parse_args(argv)
    if args.write:
        write_big_csv(args.write, args.rows)
        return 0
    with tempfile.TemporaryDirectory(prefix="popcorn-bigimport-", dir=args.dir) as tmp:
        csv_path = Path(tmp) / f"catalogue-{args.rows}.csv"
        write_big_csv(csv_path, args.rows)
        url = args.database_url or f"sqlite:///{Path(tmp) / 'big.sqlite3'}"
        result = measure(csv_path, url)
    result["rows"] = args.rows
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
