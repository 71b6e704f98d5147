# Two commands to remember: `make serve` (preview the site) and `make test` (the whole suite).
# Both create the virtual environment .venv with the pinned dependencies first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build validate new schema clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m pytest

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

validate: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m briefing validate $(FILES)

new: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m briefing new

schema: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m briefing schema

clean:
	rm -rf site $(VENV)
