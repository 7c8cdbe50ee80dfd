"""Cogs: thin adapters from Discord commands to the answering code."""
