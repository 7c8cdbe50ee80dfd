"""What a sync did, for the terminal and the bot's log: new, updated, unchanged, kept (edited in
Discord since), skipped (not a review) and failed (the post's URL and the reason)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SOURCES = {"api": "the REST API", "rss": "the RSS feed"}


@dataclass(frozen=True, slots=True)
class Kept:
    """A review a moderator changed in Discord after it was last imported: not overwritten."""

    url: str
    label: str
    when: dt.datetime
    by: str

    def line(self, command: str = "popcorn sync", version: str = "the site's version") -> str:
        """`kept: Con Air (1997) (<url>): edited in Discord since ... UTC by <who>; not
        overwritten (`<command> --overwrite-edits` takes <version>)`."""
        return (
            f"kept: {self.label} ({self.url}): edited in Discord since "
            f"{self.when:%Y-%m-%d %H:%M} UTC by {self.by}; not overwritten "
            f"(`{command} --overwrite-edits` takes {version})"
        )


@dataclass
class SyncReport:
    site: str
    source: str = "api"  # "api" or "rss"
    dry_run: bool = False
    new: list[tuple[str, str]] = field(default_factory=list)  # (film label, post URL)
    updated: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    kept: list[Kept] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (post URL, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (post or page URL, why)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (post URL, warning)
    note: str = ""  # said after the counts (e.g. that data/ is not loaded yet)

    def summary(self) -> str:
        """One line: the counts."""
        counts = (
            f"{len(self.new)} new, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.kept)} kept (edited in Discord), {len(self.skipped)} skipped "
            f"(not a review), {len(self.failed)} failed"
        )
        verb = "Read" if self.dry_run else "Synced"
        return f"{verb} {self.site} through {SOURCES.get(self.source, self.source)}: {counts}."

    def lines(self) -> list[str]:
        """The summary, then a line per post that is not simply unchanged."""
        out = [self.summary()]
        if self.note:
            out.append(f"Note: {self.note}.")
        would = "would be " if self.dry_run else ""
        out += [f"new: {label} ({url}) {would}added" for label, url in self.new]
        out += [f"updated: {label} ({url}) {would}updated" for label, url in self.updated]
        out += [kept.line() for kept in self.kept]
        out += [f"skipped: {url}: {why}" for url, why in self.skipped]
        out += [f"failed: {url}: {why}" for url, why in self.failed]
        out += [f"warning: {url}: {text}" for url, text in self.warnings]
        if self.dry_run:
            out.append("Dry run: nothing was saved.")
        return out
