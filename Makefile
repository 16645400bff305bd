# Two commands do everything on a fresh machine:
#   make site   create .venv, install, build the demo site into site/
#   make test   install what tests need (Chromium included), lint, type-check and run every test
# Others: make test-quick (no browser, no install: minutes), make test-explore (property tests, random seeds),
#         make test-dates (the day-dependent tests on a later day), make lint (ruff, mypy), make serve (live preview), make preview (serve the built site), make check (validate content only),
#         make post (new post scaffold), make schema (JSON Schema for editors),
#         make form (issue forms for creators without git, from the schema and regions),
#         make form-screenshots (the guide's pictures of the form),
#         make screenshots (the README's pictures of the demo on a 360 px phone, into .github/screenshots/),
#         make illustrations (draw the demo's illustrations again: scripts/draw_illustrations.py),
#         make vendor-stemmer (copy the search page's Indonesian stemmer from the pinned npm package),
#         make vendor-font (copy the heading typeface from the pinned npm package),
#         make bench (photo benchmark), make bench-scale (Etalase against the Material blog and Pelican
#         at 500, 2,000 and 10,000 posts; about a quarter of an hour), make lighthouse (Lighthouse scores of the demo).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve preview check post schema form form-screenshots screenshots illustrations test test-quick test-explore test-dates lint bench bench-scale lighthouse vendor-stemmer vendor-font clean

site: $(VENV)/.site-deps
	$(BIN)/etalase build

serve: $(VENV)/.site-deps
	$(BIN)/etalase serve

# The built site as a visitor gets it (folder URLs and search need a web server, not file://).
preview: site
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

check: $(VENV)/.site-deps
	$(BIN)/etalase check

post: $(VENV)/.site-deps
	$(BIN)/etalase post

# The front-matter JSON Schema for editors, offline (also published at <site_url>/schema/post.schema.json).
schema: $(VENV)/.site-deps
	$(BIN)/etalase schema docs/schema/post.schema.json

# The "Kirim pos" issue forms (.github/ISSUE_TEMPLATE/), from the schema, content/regions.yml and site_url.
# Run after changing any of them; a test fails while the committed forms are out of date.
form: $(VENV)/.site-deps
	$(BIN)/etalase form --write

# Screenshots of the "Kirim pos baru" button and of the form for the guide page lewat-formulir.md (Chromium).
form-screenshots: site $(VENV)/.test-deps /usr/bin/chromium /usr/bin/pdftocairo
	$(BIN)/etalase form-screenshots --site site

# The README's screenshots: home, /umkm/, the newest UMKM post and /agenda/ of the built demo, first screen of a
# 360×800 phone at device scale 2, as PNG in .github/screenshots/ (Chromium; no request leaves the machine).
screenshots: site $(VENV)/.test-deps /usr/bin/chromium
	$(BIN)/etalase screenshots --site site --out .github/screenshots

# The demo's drawn illustrations (stories no shared photo fits, the hero, the category pages), in the brand's
# colours; deterministic: tests/test_demo_photos.py draws them again and compares the bytes.
illustrations: $(VENV)/.site-deps
	$(BIN)/python scripts/draw_illustrations.py

# The tests on every core (pytest-xdist), one by one, longest first; the tests that share a module's
# fixture (its built site) as one group on one worker, in the order tests/conftest.py gives.
XDIST := -n auto --dist loadgroup --no-loadscope-reorder
# Every test lane writes its temporary files in a scratch folder of its own, on the RAM disk when the
# machine has room (tests/scratch_dir.sh), deleted when the lane ends.
SCRATCH := tests/scratch_dir.sh

# Lint and types first (seconds), then the tests on every core. Property tests run hypothesis's "ci" profile (tests/conftest.py):
# the same examples every run.
test: lint $(VENV)/.test-deps /usr/bin/chromium /usr/bin/java /usr/bin/faketime node_modules/.package-lock.json
	ETALASE_HYPOTHESIS_PROFILE=ci $(SCRATCH) $(BIN)/python -m pytest $(XDIST)

# The quick lane while working: no browser (Chromium), no `pip install` of the package, no benchmarks
# (markers browser and slow, see pyproject.toml), no lint: about 2 minutes on 2 cores (README). `make test` runs everything.
test-quick: $(VENV)/.test-deps /usr/bin/java /usr/bin/faketime node_modules/.package-lock.json
	ETALASE_HYPOTHESIS_PROFILE=ci $(SCRATCH) $(BIN)/python -m pytest $(XDIST) -q -m "not slow and not browser"

# The property tests (hypothesis) with new random examples each run (CI repeats the same ones):
# EXPLORE_ARGS="--hypothesis-seed=N" replays a run. A failure prints a @reproduce_failure blob and the
# example: keep it as an @example above the test, fix the code, and CI then checks it on every run.
EXPLORE_ARGS ?=
test-explore: $(VENV)/.test-deps
	ETALASE_HYPOTHESIS_PROFILE=explore $(SCRATCH) $(BIN)/python -m pytest -n auto -q -p no:cacheprovider -m hypothesis \
	  --hypothesis-show-statistics $(EXPLORE_ARGS)

# The modules whose code reads the clock or whose expectations hold dates (the demo's scheduled post,
# scheduling boundaries, the PR check and the deploy's due check, the form route, the new-post scaffold)
# with the clock at CLOCK_DAY under libfaketime: the suite must not start failing when a date falls due.
# A date that falls due stays past, so one day well after every date the tests hold catches what any
# earlier day would (another: make test-dates CLOCK_DAY=2027-02-01). CI runs it after `make test`.
# mkdocs serve's live reload never fires under a faked clock, so that one test is left out here.
CLOCK_TESTS := tests/test_build.py tests/test_schedule_order.py tests/test_seo.py tests/test_github_report.py \
               tests/test_workflows.py tests/test_kiriman.py tests/test_kiriman_publish.py tests/test_new_post.py
CLOCK_DAY ?= 2028-07-01
test-dates: $(VENV)/.test-deps /usr/bin/chromium /usr/bin/java /usr/bin/faketime node_modules/.package-lock.json
	@echo "== clock at $(CLOCK_DAY) 12:00"
	$(SCRATCH) faketime -f "@$(CLOCK_DAY) 12:00:00" $(BIN)/python -m pytest $(XDIST) -q \
	  -p no:cacheprovider -k "not serve_reloads" $(CLOCK_TESTS)

# ruff and mypy as configured in pyproject.toml (`ruff format .` fixes what the second line finds).
lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(VENV)/.site-deps
	$(BIN)/python bench/bench_images.py

# Other sizes: make bench-scale SCALE_ARGS="--sizes 500 2000". Figures also in bench/out/scale.json.
SCALE_ARGS ?=
bench-scale: $(VENV)/.test-deps /usr/bin/chromium
	$(BIN)/python bench/bench_scale.py --json bench/out/scale.json $(SCALE_ARGS)

lighthouse: $(VENV)/.site-deps /usr/bin/chromium node_modules/.package-lock.json
	$(BIN)/python bench/lighthouse.py

# The search page's Indonesian stemmer (Snowball's algorithm, compiled to JavaScript by @orama/stemmers,
# pinned in package.json) is kept in docs/assets/ so that `make site` needs no npm: a licence header, then
# the package's dist/id.js byte for byte (tests/test_search_index.py checks both). Run after changing the pin.
STEMMER_PACKAGE := @orama/stemmers
STEMMER_JS ?= docs/assets/etalase-stem-id.js
vendor-stemmer: node_modules/.package-lock.json
	version=$$(node -p 'require("./node_modules/$(STEMMER_PACKAGE)/package.json").version') && { \
	  printf '%s\n' '/*' \
	    " * Snowball's Indonesian stemmer (https://snowballstem.org/algorithms/indonesian/stemmer.html)," \
	    " * as compiled to JavaScript by the npm package $(STEMMER_PACKAGE) $$version (its dist/id.js, below" \
	    " * this comment byte for byte; \`make vendor-stemmer\` copies it again). Loaded by assets/etalase-search.js." \
	    ' *' \
	    ' * Copyright 2023 OramaSearch Inc.' \
	    ' * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except' \
	    ' * in compliance with the License. You may obtain a copy of the License at' \
	    ' * http://www.apache.org/licenses/LICENSE-2.0' \
	    ' * Unless required by applicable law or agreed to in writing, software distributed under the License' \
	    ' * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express' \
	    ' * or implied. See the License for the specific language governing permissions and limitations.' \
	    " * The algorithm is the Snowball project's (https://snowballstem.org/, BSD 3-Clause licence)." \
	    ' */' && \
	  cat node_modules/$(STEMMER_PACKAGE)/dist/id.js; } > $(STEMMER_JS)

# The heading typeface (Plus Jakarta Sans ExtraBold, Latin subset, woff2; SIL OFL 1.1) from the npm package
# @fontsource/plus-jakarta-sans, pinned in package.json, is kept in docs/assets/fonts/ with its licence so that
# `make site` needs no npm. etalase.css names it (@font-face), etalase/base.html preloads it, and the share
# cards (etalase.build.share_cards) draw titles with it. tests/test_site.py checks the copy. Run after changing the pin.
FONT_PACKAGE := @fontsource/plus-jakarta-sans
FONT_FILE    := plus-jakarta-sans-latin-800-normal.woff2
FONT_DIR     ?= docs/assets/fonts
vendor-font: node_modules/.package-lock.json
	mkdir -p $(FONT_DIR)
	cp node_modules/$(FONT_PACKAGE)/files/$(FONT_FILE) $(FONT_DIR)/$(FONT_FILE)
	cp node_modules/$(FONT_PACKAGE)/LICENSE $(FONT_DIR)/OFL.txt

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

# The Nu HTML checker (tests) and Lighthouse (bench), pinned in package-lock.json.
# Install scripts are skipped: vnu-jar's would download a Java runtime; Debian's is used.
node_modules/.package-lock.json: package.json package-lock.json | /usr/bin/npm
	npm ci --ignore-scripts --no-audit --no-fund

# Poppler's pdftocairo: the guide's screenshots are printed to PDF by Chromium and kept as SVG.
/usr/bin/pdftocairo:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils

# libfaketime: tests run builds and the suite on other days than today.
/usr/bin/faketime:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime

/usr/bin/java:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless

/usr/bin/npm:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm

clean:
	rm -rf site .cache .pytest_cache
