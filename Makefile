# pskg: two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint install clean browser poppler test-virtuoso

run: $(STAMP)
	$(BIN)/pskg build --corpus data/corpus --out build
	$(BIN)/pskg validate build/pskg.trig
	$(BIN)/pskg summary build/pskg.trig

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The browser test drives the query page in Debian's headless Chromium: installed here when
# running as root (CI is), skipped with its reason otherwise.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
	  echo "make test: installing Debian's chromium system-wide (apt) for the browser test;" \
	       "run as non-root to skip that test instead"; scripts/install-browser.sh; fi

# PDF text comes from poppler's pdftotext when installed (pdfminer.six otherwise): installed
# here from Debian when running as root, as the browser is.
poppler:
	@if ! command -v pdftotext >/dev/null && [ "$$(id -u)" = 0 ]; then scripts/install-poppler.sh; fi

# The whole suite: a few minutes on 2 idle cores (CI allows 90); --durations shows the slowest.
test: $(STAMP) browser poppler
	@echo "make test: the pytest suite (as root this first installs chromium system-wide, see 'browser')"
	$(BIN)/pytest -q --durations=15

# ruff: unused imports and names, undefined names, import order (pyproject.toml [tool.ruff]).
lint: $(STAMP)
	$(BIN)/ruff check .

# The same endpoint comparison against Virtuoso from Debian's packages (exit 77 = skipped).
test-virtuoso: $(STAMP)
	scripts/virtuoso-test.sh

clean:
	rm -rf build $(VENV)
