# Marsad: `make run` sets everything up and serves; `make test` runs the whole suite.
# With DATABASE_URL unset, both use an embedded PostgreSQL in .pgdata/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: setup run test browser lint format seed db-stop clean

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_catalog
	$(BIN)/python manage.py ingest fixtures/seeds

run: setup
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium through Playwright (whose own browser
# download cannot work offline); install it when it is missing.
browser:
	@test -x /usr/bin/chromium || { \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

db-stop:
	$(BIN)/python -c "from newsapp.embedded_db.server import stop; stop('.pgdata')"

clean: db-stop
	rm -rf $(VENV) .pgdata staticfiles

# --- Operations (SECURITY.md) ---------------------------------------------------------
.PHONY: backup restore load faults

# pg_dump (custom format) of the configured database to var/backups/.
backup: $(STAMP)
	$(BIN)/python manage.py backup

# make restore [FILE=var/backups/x.dump] [INTO=other_database] [REPLACE=1]
# (default: the newest file, into the configured database, which must be empty unless REPLACE=1).
restore: $(STAMP)
	$(BIN)/python manage.py restore $(FILE) $(if $(INTO),--into $(INTO)) $(if $(REPLACE),--replace)

# 60 s at 50 connections on the timeline, the API and search, against gunicorn on 127.0.0.1.
# wrk comes from Debian; installed when missing.
load: $(STAMP)
	@command -v wrk >/dev/null || { \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
	$(BIN)/python manage.py loadtest $(LOAD_ARGS)

# The kill, concurrency and backup tests alone (they also run in `make test`).
faults: $(STAMP)
	$(BIN)/python -m pytest -q tests/security/test_faults.py tests/security/test_backup.py

# --- Benchmark (docs/scaling.md) ----------------------------------------------------
.PHONY: bench

# Builds (once) a 100,000-article corpus in its own database on the embedded server,
# then gunicorn + wrk on 127.0.0.1, query counts, EXPLAIN of every filter
# combination (fails on a sequential scan of a large table) and ingest throughput.
# The table goes to stdout and var/bench/<time>.md. BENCH_ARGS="--seconds 2" etc.
BENCH_DB ?= marsad_bench
bench: $(STAMP)
	@command -v wrk >/dev/null || { \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
	MARSAD_DB_NAME=$(BENCH_DB) $(BIN)/python manage.py bench $(BENCH_ARGS)
