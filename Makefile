# Harbor: two commands set everything up on a fresh machine.
#   make run   install, migrate, load demo content, serve on http://127.0.0.1:8000
#              (with the background task worker beside the server)
#   make test  install, lint, check migrations, run every test (SQLite, in-memory layer)
#   make serve-scaled  the production stack on loopback (docs/deploy.md): nginx on
#              https://127.0.0.1:8443/, gunicorn, two ASGI processes, the task worker,
#              on the PostgreSQL and Redis of SCALED_ENV, with the demo content

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
SCALED_ENV := DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/0
PYTEST_ARGS ?=

.PHONY: run test test-scaled serve-scaled lint format bench install browser voice services nginx messages clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet '.[dev]'
	touch $(STAMP)

messages: install
	$(BIN)/python manage.py compilemessages --ignore '.venv/*' -v 0

run: install messages
	@bash scripts/ensure-espeak.sh || echo "Continuing: words will have no generated voice."
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py demo
	bash scripts/serve-dev.sh $(HOST) $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Debian's chromium drives the browser tests; never a downloaded browser.
browser:
	@bash scripts/ensure-chromium.sh

# Debian's espeak-ng and lame speak vocabulary (packets/voice/); installed if missing.
voice:
	@bash scripts/ensure-espeak.sh

test: install messages lint browser voice
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -m "not scaled" $(PYTEST_ARGS)

services:
	@bash scripts/ensure-services.sh

# Debian's nginx for the scaled stack (deploy/nginx/), installed if missing.
nginx:
	@bash scripts/ensure-nginx.sh

serve-scaled: install messages services nginx
	@bash scripts/ensure-espeak.sh || echo "Continuing: words will have no generated voice."
	$(SCALED_ENV) bash scripts/serve-scaled.sh --migrate --demo

# The whole suite on PostgreSQL and Redis, with the tests through nginx (tests/deploy/).
test-scaled: install messages browser voice services nginx
	$(SCALED_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(SCALED_ENV) $(BIN)/pytest --create-db $(PYTEST_ARGS)

bench: install messages
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles harbor.sqlite3*
