# NSCL: one entry point. `make run` serves the demo; `make test` runs every test.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
PY := .venv/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test test-fast test-browser lint fmt migrations-check messages bench ci clean

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || test -x "$(UV)" || python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv
	@UV=$$(command -v uv || echo "$(UV)"); $$UV sync --frozen --python 3.11
	@touch $@

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

run: demo
	$(MANAGE) collectstatic --noinput -v 0
	@echo "Serving NSCL at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

# The whole suite, browser journeys included (they skip with a reason when Chromium is absent).
test: install
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports
	$(MAKE) migrations-check

fmt: install
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

messages: install
	$(MANAGE) makemessages -l vi -l en --no-location --ignore=.venv --ignore=var --ignore=bench
	$(MANAGE) compilemessages --ignore=.venv

bench: install
	$(PY) bench/run_all.py

ci:
	bash .ci/run

clean:
	rm -rf var/static var/nscl.sqlite3*
