# Front Door. Quick start: `make demo` (the whole product with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ASSETS := build/static/frontdoor/frontdoor.css
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install assets lint lock run clean

install: $(INSTALLED) node_modules/.installed

$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit("Front Door needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): node_modules/.installed scripts/build-assets.mjs $(wildcard assets/*)
	npm run --silent build

assets: $(ASSETS)

## demo: install, migrate, load the fictional partnership, print the logins and serve on http://127.0.0.1:8000
##       (with DEBUG off, so refusals and missing pages look as they will to practitioners; DEBUG=true for Django's debug pages)
demo: install assets
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_load
	DEBUG=$${DEBUG:-false} $(BIN)/python manage.py runserver --insecure $(HOST):$(PORT)

## test: install and run the whole test suite (set DATABASE_URL to run it on PostgreSQL)
test: install assets
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## lock: re-pin every Python dependency after changing pyproject.toml
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[test]'
	( echo "# Every Python package Front Door installs, pinned. Regenerate with make lock."; \
	  .lock-venv/bin/pip freeze --exclude-editable ) > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) node_modules build staticfiles
