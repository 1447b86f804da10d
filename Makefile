# partnerdocs: every target sets up .venv first when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: docs test lint schema validate status release diff-driver bench clean help
.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

docs: $(STAMP) ## set up, then build the documents of every partnership into output/
	@command -v dot >/dev/null || { echo "Graphviz draws the figures and is not installed:" \
	  "apt install graphviz (Debian, Ubuntu) or brew install graphviz (macOS), then make docs again"; exit 1; }
	$(BIN)/partnerdocs build

validate: $(STAMP) ## check every partnership file and list all problems
	$(BIN)/partnerdocs validate

status: $(STAMP) ## show which documents are final and who still has to approve
	$(BIN)/partnerdocs status

release: $(STAMP) ## build, refusing unless every document is final (CI runs this on merge)
	$(BIN)/partnerdocs build --release

# git runs a diff driver from the top of the work tree. This one runs the clone's own .venv/bin/partnerdocs,
# else the partnerdocs on PATH: it stores no absolute path, so it keeps working after the clone is moved.
DIFF_DRIVER = f() { if [ -x $(BIN)/partnerdocs ]; then $(BIN)/partnerdocs text "$$1"; else partnerdocs text "$$1"; fi; }; f

diff-driver: $(STAMP) ## make `git diff` show .docx files as text (this clone's partnerdocs, else the one on PATH)
	git config diff.docx.textconv '$(DIFF_DRIVER)'
	git config diff.docx.cachetextconv true

test: $(STAMP) lint ## set up, then run the linters and the test suite
	$(BIN)/pytest

lint: $(STAMP) ## ruff (style and errors) and mypy (types)
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench
	$(BIN)/mypy

schema: $(STAMP) ## regenerate schemas/partnership.schema.json from the models
	$(BIN)/partnerdocs schema

bench: $(STAMP) ## measure builds of 200 synthetic partnerships against the python-docx floor, and PDFs
	$(BIN)/python bench/run.py

clean: ## remove generated documents (the virtual environment stays)
	rm -rf output
