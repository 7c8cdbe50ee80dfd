"""Helpers shared by tests (import them from here, fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from bot.config import DEFAULT_DATA_DIR, Settings

POSTGRES_ENV = "POPCORN_TEST_POSTGRES_URL"
REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLE = REPO.parent / "shared" / "seed" / "leaving-las-vegas-bluray-review.txt"


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for a test: no .env file, no token, the shipped data folder."""
    values: dict[str, object] = {
        "DATABASE_URL": database_url,
        "POPCORN_DATA_DIR": DEFAULT_DATA_DIR,
        "DISCORD_TOKEN": None,
        "POPCORN_AFFILIATE_TAG": None,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]
