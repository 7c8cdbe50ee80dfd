"""Cold start to ready, run in a fresh process: `python -m bench.coldstart DATABASE_URL [WARM]`.
Prints one JSON line: seconds from interpreter start to ready (database opened and migrated,
index built), the resident memory then (VmRSS) and, when WARM (a file of commands, one a
line) is given, the resident memory after answering each of them once (the cache warm) with
the document cache's stats when the bot has one."""

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


async def main(url: str, warm: list[str] | None) -> None:
    from bot.app import Popcorn
    from bot.config import Settings
    from bot.discord_bot.render import render

    app = await Popcorn.start(Settings(_env_file=None, DATABASE_URL=url), seed=False)  # type: ignore[call-arg]
    ready = time.perf_counter() - STARTED
    gc.collect()
    out = {"ready_s": ready, "rss_mb": rss_mb(), "films": app.index.film_count}
    if warm is not None:
        for command in warm:
            answer = await app.answer_text(command)
            if answer is not None:
                json.dumps(render(answer).payload(), default=str)
        gc.collect()
        out.update(rss_warm_mb=rss_mb(), warmed=len(warm))
        cache = getattr(app, "documents", None)  # the document cache, when the bot has one
        if cache is not None and hasattr(cache, "stats"):
            out["cache"] = cache.stats()
    print(json.dumps(out))
    await app.close()


if __name__ == "__main__":
    WARM = Path(sys.argv[2]).read_text(encoding="utf-8").split("\n") if len(sys.argv) > 2 else None
    asyncio.run(main(sys.argv[1], [line for line in WARM if line] if WARM is not None else None))
