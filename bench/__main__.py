"""`python -m bench` (or `make bench`): the benchmark of issue 6. See docs/benchmark.md."""

from bench.run import main

raise SystemExit(main())
