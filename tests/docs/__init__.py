"""Helpers of tests/test_docs.py: reading the examples of README.md and docs/*.md, and running
them (the chat sessions in-process, the command lines in one process per page)."""
