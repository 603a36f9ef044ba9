# PlugInnovation: `make run` serves the site with demo content, `make test` runs the tests.
# Both create .venv and install everything on first use; nothing needs installing by hand.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp
# Exact versions and hashes of every package, the dev tools included: what install, CI and
# `make serve` get. `make lock` rewrites it from pyproject.toml (UPGRADE=1: newest allowed).
LOCK := requirements.txt
BACKUP_DIR ?= backups
# `make test` runs the suite on this many processes (pytest-xdist); TEST_WORKERS=0 runs it in this
# process. `--dist load` hands tests out in pytest-django's order, so on every process the tests
# that empty the database (transactional ones) come after those that read the migrations' rows.
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: install lock run test lint format messages bench bench-compare serve backup restore clean

$(STAMP): $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip check
	touch $(STAMP)

install: $(STAMP)

lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
	  --python-version 3.11 $(if $(UPGRADE),--upgrade) --quiet --output-file $(LOCK)
	$(BIN)/python scripts/lockfile.py check

run: install
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=true $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=true $(BIN)/python manage.py import_kolada --shipped
	@echo "PlugInnovation: http://127.0.0.1:$(PORT)/  (English: http://127.0.0.1:$(PORT)/en/)"
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist load) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/translations.py check
	$(BIN)/python scripts/lockfile.py check

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract new strings into locale/*.po and compile them (needs GNU gettext's xgettext).
messages: install
	$(BIN)/python scripts/translations.py update

# Production: gunicorn (gthread) + whitenoise (hashed, compressed static files) on PostgreSQL.
# Needs DATABASE_URL and the production environment (README.md, "Running in production").
serve: install
	@test -n "$(DATABASE_URL)" || { echo "make serve needs DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/NAME"; exit 1; }
	@test -n "$(DJANGO_SECRET_KEY)" || { echo "make serve needs DJANGO_SECRET_KEY, a long random value (README.md, Running in production)"; exit 1; }
	DJANGO_STATIC_MANIFEST=true $(BIN)/python manage.py check --deploy --fail-level ERROR
	DJANGO_STATIC_MANIFEST=true $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_STATIC_MANIFEST=true $(BIN)/python manage.py migrate --noinput
	@# Persistent database connections (a new one costs a few ms); 0 behind pgbouncer.
	DJANGO_STATIC_MANIFEST=true DATABASE_CONN_MAX_AGE=$${DATABASE_CONN_MAX_AGE:-60} \
	  exec $(BIN)/gunicorn --config gunicorn.conf.py

# The database (pg_dump's custom format, or a copy of the SQLite file) and MEDIA_ROOT, in one
# new directory under BACKUP_DIR (README.md, "Backups"). `make restore BACKUP=that directory`
# puts them back into the configured database (all or nothing) and MEDIA_ROOT.
backup: install
	$(BIN)/python scripts/backup.py backup --to $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "make restore needs BACKUP=$(BACKUP_DIR)/pluginnovation-…"; exit 1; }
	$(BIN)/python scripts/backup.py restore $(BACKUP)

# Speed figures (never timed tests): each part prints its own figures. The benchmarks live in
# benchmarks/ with settings of their own (the site never serves a benchmark URL).
bench: export DJANGO_SETTINGS_MODULE = benchmarks.settings
bench: install
	@echo "== make bench"
	$(BIN)/python benchmarks/load.py
	$(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python manage.py bench_stats
	# Artikelsök on a synthetic corpus in a throwaway database: SQLite, then PostgreSQL if configured.
	env -u DATABASE_URL $(BIN)/python manage.py bench_search --articles $(or $(BENCH_ARTICLES),20000)
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python manage.py bench_search --articles $(or $(BENCH_ARTICLES),20000); fi
	# Relevance: recall@10 and MRR over the judged queries of benchmarks/relevance.toml (demo content).
	env -u DATABASE_URL $(BIN)/python manage.py bench_relevance
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python manage.py bench_relevance; fi
	# Indexing: articles per second of a full rebuild of Artikelsök's index.
	env -u DATABASE_URL $(BIN)/python manage.py bench_indexing
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python manage.py bench_indexing; fi
	# The open API's list and detail endpoints: 100,000 synthetic articles on PostgreSQL (the
	# target, median ≤ 20 ms) if configured, and a smaller corpus on SQLite.
	env -u DATABASE_URL $(BIN)/python manage.py bench_api --articles $(or $(BENCH_API_SQLITE_ARTICLES),20000)
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python manage.py bench_api --articles $(or $(BENCH_API_ARTICLES),100000); fi

# Relevance and indexing speed of revision BEFORE and of this checkout, side by side
# (benchmarks/before_after.py): make bench-compare BEFORE=<main's commit before a change>.
bench-compare: install
	@test -n "$(BEFORE)" || { echo "make bench-compare needs BEFORE=<a revision to compare with>"; exit 1; }
	$(BIN)/python benchmarks/before_after.py $(BEFORE)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
