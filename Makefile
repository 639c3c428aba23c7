# pskg: two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install build validate export clean bench test-virtuoso

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

test: $(STAMP)
	$(BIN)/pytest -q

clean:
	rm -rf build $(VENV)
