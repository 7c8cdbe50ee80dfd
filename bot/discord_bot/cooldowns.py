"""One cooldown per member and command, shared by prefix and slash commands: POPCORN_COOLDOWN_RATE
uses every POPCORN_COOLDOWN_SECONDS. Mentions and unknown commands share one more bucket."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

#: The bucket of mentions and unknown commands (`!cage`): flooding them stays quiet.
QUIET = "_quiet"

Key = tuple[str, int | None, int]  # command, guild (None in DMs), member


def _itself(key: Key) -> Key:
    return key


class MemberCooldowns:
    def __init__(self, rate: int, seconds: float) -> None:
        self.mapping: commands.CooldownMapping[Key] = commands.CooldownMapping(
            app_commands.Cooldown(rate, seconds), _itself
        )

    def retry_after(self, command: str, guild_id: int | None, member_id: int) -> float | None:
        """Counts one use: None if allowed, else how many seconds until the next one is."""
        return self.mapping.update_rate_limit((command, guild_id, member_id))

    def cooldown(self, command: str, guild_id: int | None, member_id: int) -> app_commands.Cooldown:
        """The bucket itself (what app_commands.CommandOnCooldown reports)."""
        bucket = self.mapping.get_bucket((command, guild_id, member_id))
        assert bucket is not None  # a mapping made with a Cooldown always has one
        return bucket
