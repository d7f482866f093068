# The two commands a new machine needs (see README):
#   make demo   install wirewatch in .venv and run it on the bundled example
#   make test   install wirewatch with its test tools in .venv and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

demo: install
	$(BIN)/wirewatch extract examples/kazakhstan_2022.txt --date 2022-01-12 --format table

lint: install-test
	$(BIN)/ruff check src tests

test: install-test lint
	$(BIN)/python -m pytest -q
