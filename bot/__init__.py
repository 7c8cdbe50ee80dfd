"""Popcorn: a Discord bot for a film site's Blu-ray reviews."""

__version__ = "0.1.0"
