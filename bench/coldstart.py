"""Cold start to ready, run in a fresh process: `python -m bench.coldstart DATABASE_URL`.
Prints one JSON line: seconds from interpreter start to ready (database opened and migrated,
index built) and the resident memory then."""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def main(url: str) -> None:
    from bot.app import Popcorn
    from bot.config import Settings

    app = await Popcorn.start(Settings(_env_file=None, DATABASE_URL=url), seed=False)  # type: ignore[call-arg]
    ready = time.perf_counter() - STARTED
    gc.collect()
    print(json.dumps({"ready_s": ready, "rss_mb": rss_mb(), "films": app.index.film_count}))
    await app.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
