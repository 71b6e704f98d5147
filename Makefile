# Two commands to remember: `make serve` (preview the site) and `make test` (the whole suite).
# Both create the virtual environment .venv with the pinned dependencies first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The engine that builds and serves the site: mkdocs (MkDocs 1.6, the default) or properdocs (its
# maintained fork). Both build the same bytes (tests/site/test_engines.py; README, "Engines").
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs properdocs),)
$(error ENGINE is mkdocs or properdocs, not "$(ENGINE)")
endif
# Reproducible builds: dates MkDocs writes (sitemap) come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH

.PHONY: serve test lint build validate new schema translations review clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/.installed
	$(BIN)/$(ENGINE) serve --dev-addr 127.0.0.1:8000

# The whole suite: the lint and type gate first, then every test. pytest's exit code 5 (it
# collected no tests) is a failure, said in words.
test: lint node_modules/.installed
	@$(BIN)/python -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure." >&2; fi; exit $$status

# ruff (pyflakes, pycodestyle, import order, bugbear) on the whole tree, mypy on hooks/ and tools/.
lint: $(BIN)/.installed
	$(BIN)/ruff check hooks tools tests
	$(BIN)/mypy

# Build into a scratch folder and swap it in only on success: a failed build never leaves a
# half-written site/ where CI would publish it.
build: $(BIN)/.installed
	rm -rf site.partial
	$(BIN)/$(ENGINE) build --strict --site-dir site.partial
	rm -rf site && mv site.partial site

validate: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m briefing validate $(FILES)

new: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m briefing new

# What a change does to the site, in Markdown, for its reviewer: `make review BASE=main` compares
# main with the working tree; HEAD=<revision> compares two revisions. Reads the revisions' YAML
# with git; runs nothing of them.
review: $(BIN)/.installed
	@test -n "$(BASE)" || { echo "make review: say what to compare with, e.g. make review BASE=main" >&2; exit 2; }
	@PYTHONPATH=hooks $(BIN)/python -m briefing review -- "$(BASE)" $(if $(HEAD),"$(HEAD)")

schema: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m briefing schema

# After changing an interface text (templates, overrides, N_() in the code): bring the catalogs
# up to date, then translate what `tests/render/test_catalogs.py` reports as untranslated.
translations: $(BIN)/.installed
	$(BIN)/python tools/update_catalog.py

clean:
	rm -rf site $(VENV)
