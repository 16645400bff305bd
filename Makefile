# Two commands do everything on a fresh machine:
#   make site   create .venv, install, build the demo site into site/
#   make test   install what tests need (Chromium included) and run them all
# Others: make serve (live preview), make check (validate content only),
#         make post (new post scaffold), make bench (benchmarks).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check post test bench clean

site: $(VENV)/.site-deps
	$(BIN)/python scripts/build.py

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --livereload

check: $(VENV)/.site-deps
	$(BIN)/python scripts/build.py --check

post: $(VENV)/.site-deps
	$(BIN)/python scripts/new_post.py

test: $(VENV)/.test-deps /usr/bin/chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.site-deps
	$(BIN)/python bench/bench_images.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==26.3

$(VENV)/.site-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.test-deps: requirements-dev.txt $(VENV)/.site-deps
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

# Debian's Chromium; Playwright drives it (never `playwright install`).
/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

clean:
	rm -rf site .cache .pytest_cache
