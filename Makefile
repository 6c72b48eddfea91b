# Statusbook developer commands. `make portal` sets up and checks the example portal; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The example portal is a snapshot of one moment; judge it as of then. Override with `make portal NOW=...`.
NOW ?= 2026-11-23T18:00:00Z

.PHONY: setup test-setup portal test bench bench-build reference

# The tool alone: enough to validate and build the example portal.
$(BIN)/statusbook: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test extras (pytest, Playwright, the format validators) on top of the tool.
$(VENV)/.test-extras: pyproject.toml $(BIN)/statusbook
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# axe-core and the Nu HTML Checker for the browser tests, pinned in package-lock.json (skipped when npm is absent;
# vnu-jar's install script would download a Java runtime, so scripts are off).
node_modules/.package-lock.json: package-lock.json
	if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; fi

setup: $(BIN)/statusbook

test-setup: $(VENV)/.test-extras node_modules/.package-lock.json

# Set up, validate the example portal in this repository (incidents/, rotations/, people.yml, statusbook.yml),
# and build its public status site into site/public and its internal records portal into site/internal.
portal: setup
	$(BIN)/statusbook validate --root . --now $(NOW)
	$(BIN)/statusbook build --root . --audience public --site-dir site/public --now $(NOW)
	$(BIN)/statusbook build --root . --audience internal --site-dir site/internal --now $(NOW)

test: test-setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_validate.py

bench-build: setup
	$(BIN)/python benchmarks/bench_build.py

# Regenerate docs/reference and schemas/ from the code.
reference: setup
	$(BIN)/python -m generator.reference
