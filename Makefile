# The two commands a new machine needs (see README):
#   make demo   install wirewatch in .venv and run it on the bundled example
#   make test   install wirewatch with its test tools in .venv and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-test lint chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,web]"

# Debian's chromium for the browser tests (tests/web/test_browser.py drives /usr/bin/chromium).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  SUDO=$$(if [ "$$(id -u)" -ne 0 ]; then echo sudo; fi); \
	  $$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	fi

demo: install
	$(BIN)/wirewatch extract examples/kazakhstan_2022.txt --date 2022-01-12 --format table

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: install-test chromium lint
	$(BIN)/python -m pytest -q
