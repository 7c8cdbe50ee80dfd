"""`python -m bot` is the `popcorn` command line."""

from bot.cli import main

raise SystemExit(main())
