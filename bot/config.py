"""Settings from the environment (and a `.env` file for development). Fails fast on bad values."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = PACKAGE_DIR.parent / "data"
DEFAULT_PROJECT_PERSON = "Nicolas Cage"


class Settings(BaseSettings):
    """Every setting the bot reads. Environment variable names are given in `alias`."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    db_path: Path = Field(default=Path("var/popcorn.sqlite3"), alias="POPCORN_DB_PATH")
    data_dir: Path = Field(default=DEFAULT_DATA_DIR, alias="POPCORN_DATA_DIR")
    prefix: str = Field(default="!", alias="POPCORN_PREFIX", min_length=1, max_length=5)
    affiliate_tag: str | None = Field(default=None, alias="POPCORN_AFFILIATE_TAG")
    log_level: str = Field(default="INFO", alias="POPCORN_LOG_LEVEL")
    test_guild: int | None = Field(default=None, alias="POPCORN_TEST_GUILD")
    sharded: bool = Field(default=False, alias="POPCORN_SHARDED")
    shard_count: int | None = Field(default=None, alias="POPCORN_SHARD_COUNT", gt=0)
    shard_ids: list[int] | None = Field(default=None, alias="POPCORN_SHARD_IDS")
    cooldown_rate: int = Field(default=5, alias="POPCORN_COOLDOWN_RATE", gt=0)
    cooldown_seconds: float = Field(default=10.0, alias="POPCORN_COOLDOWN_SECONDS", gt=0)
    # The document cache (bot/db/read_cache.py): at most this many films, and about this much
    # memory; 0 films: no cache (every reply reads the database).
    cache_films: int = Field(default=5_000, alias="POPCORN_CACHE_FILMS", ge=0)
    cache_mb: float = Field(default=64.0, alias="POPCORN_CACHE_MB", ge=0)
    # Whose films the site is working through: `!progress` counts their reviewed films.
    project_person: str = Field(
        default=DEFAULT_PROJECT_PERSON, alias="POPCORN_PROJECT_PERSON", max_length=200
    )
    # The review site the running bot syncs from every `sync_minutes` (unset: no sync).
    site_url: str | None = Field(default=None, alias="POPCORN_SITE_URL", max_length=500)
    sync_minutes: float = Field(default=60.0, alias="POPCORN_SYNC_MINUTES", ge=1, le=10_080)

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _shard_ids_list(cls, value: object) -> object:
        """`POPCORN_SHARD_IDS=0,1` as well as JSON `[0, 1]`."""
        if isinstance(value, str) and not value.strip().startswith("["):
            return [int(part) for part in value.split(",") if part.strip()] or None
        return value

    @field_validator(
        "discord_token", "affiliate_tag", "database_url", "test_guild", "site_url", mode="before"
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("site_url")
    @classmethod
    def _site_url_is_web(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = urlsplit(value.strip())
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("POPCORN_SITE_URL must be the site's http(s) address")
        return value.strip()

    @field_validator("project_person", mode="before")
    @classmethod
    def _blank_project_person_is_default(cls, value: object) -> object:
        if isinstance(value, str):
            return " ".join(value.split()) or DEFAULT_PROJECT_PERSON
        return value

    @field_validator("prefix")
    @classmethod
    def _prefix_has_no_spaces(cls, value: str) -> str:
        if value != value.strip() or any(ch.isspace() for ch in value):
            raise ValueError("the prefix must not contain spaces")
        return value

    @property
    def resolved_database_url(self) -> str:
        """The async SQLAlchemy URL to use: DATABASE_URL, else the SQLite file at db_path."""
        from bot.db.urls import to_async_url

        if self.database_url:
            return to_async_url(self.database_url)
        return to_async_url(f"sqlite:///{self.db_path}")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
