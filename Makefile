# partnerdocs: every target sets up .venv first when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: docs test lint schema clean help
.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

docs: $(STAMP) ## set up, then build the documents of every partnership into output/
	$(BIN)/partnerdocs build

test: $(STAMP) lint ## set up, then run the linters and the test suite
	$(BIN)/pytest

lint: $(STAMP) ## ruff (style and errors) and mypy (types)
	$(BIN)/ruff check pipeline schemas tests
	$(BIN)/ruff format --check pipeline schemas tests
	$(BIN)/mypy

schema: $(STAMP) ## regenerate schemas/partnership.schema.json from the models
	$(BIN)/partnerdocs schema

clean: ## remove generated documents (the virtual environment stays)
	rm -rf output
