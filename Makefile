# Stages — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installe
URSSAF := tools/urssaf
URSSAF_STAMP := $(URSSAF)/node_modules/.installe
A11Y := tools/a11y
A11Y_STAMP := $(A11Y)/node_modules/.installe
HOST ?= 127.0.0.1
PORT ?= 8000
RELANCES_SECONDES ?= 3600

.PHONY: install run test lint bench urssaf a11y navigateur clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# URSSAF's published rules (npm modele-social + publicodes, pinned by package-lock.json),
# used only by the differential test and the benchmark.
$(URSSAF_STAMP): $(URSSAF)/package.json $(URSSAF)/package-lock.json
	cd $(URSSAF) && npm ci --no-audit --no-fund --silent
	touch $(URSSAF_STAMP)

urssaf: $(URSSAF_STAMP)

# axe-core (npm, pinned by package-lock.json), injected by the browser tests into the public
# pages to check their accessibility; never served by the application.
$(A11Y_STAMP): $(A11Y)/package.json $(A11Y)/package-lock.json
	cd $(A11Y) && npm ci --no-audit --no-fund --silent
	touch $(A11Y_STAMP)

a11y: $(A11Y_STAMP)

# Debian's Chromium and its driver, for the browser journeys (root on these machines).
navigateur:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null)

run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py demo
	@echo "Stages : http://$(HOST):$(PORT)/"
	@# The reminders (a pass now, then every RELANCES_SECONDES) and the worker of the task
	@# queue (the commission's packs, django-tasks' database backend) run next to the server
	@# and stop with it: the trap ends them however runserver ends (Ctrl-C included).
	DEBUG=true $(PY) manage.py relances --boucle $(RELANCES_SECONDES) & relances=$$!; \
	DEBUG=true $(PY) manage.py db_worker --no-reload --interval 2 & travailleur=$$!; \
	trap 'kill $$relances $$travailleur 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/yamllint --strict .

# The suite measures the coverage of the application's code and prints its total; the
# detail stays in .coverage: `.venv/bin/coverage report -m` (lines left unrun), `coverage html`.
test: install urssaf a11y navigateur lint
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest --cov --cov-report=
	@echo "Couverture du code : $$($(VENV)/bin/coverage report --format=total) % des lignes (détail : $(VENV)/bin/coverage report -m)"

bench: install urssaf
	$(PY) -m bench

clean:
	rm -rf $(VENV) $(URSSAF)/node_modules $(A11Y)/node_modules .mypy_cache .pytest_cache .ruff_cache .coverage .coverage.* htmlcov
