# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test eval bench bench-scale clean chromium

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install it or run 'make PYTHON=python3 ...'"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/policylens demo

# The browser tests drive Debian's chromium; install it when missing. When that is
# impossible here (no apt-get, not root, no repository) the reason is written down
# and the browser tests skip with it; otherwise, under CI, a missing browser fails them.
CHROMIUM_NOTE := $(VENV)/.chromium-unavailable
chromium: $(STAMP)
	@rm -f $(CHROMIUM_NOTE)
	@test -x /usr/bin/chromium || { echo "Installing Debian chromium for the browser tests"; \
	  if ! command -v apt-get >/dev/null; then echo "apt-get is not available" > $(CHROMIUM_NOTE); \
	  elif ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	    >/dev/null 2>&1; then echo "apt-get install chromium failed (not root, or no Debian repository)" \
	    > $(CHROMIUM_NOTE); fi; }

# Tests run in parallel workers (one per core, at most 4) that steal queued tests from each
# other; the longest start first (tests/conftest.py). TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto
test: $(STAMP) chromium
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist worksteal --durations 25

eval: $(STAMP)
	$(BIN)/policylens eval

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py

bench-scale: $(STAMP)
	mkdir -p bench/out && nice -n 10 $(BIN)/python bench/bench_scale.py --docs 1000 --added 10 --executors dask --scaling-docs 200 --output bench/out/scale.json
	$(BIN)/python bench/bench_keypoints.py --claims 5000,20000,50000 > bench/out/keypoints.json

clean:
	rm -rf $(VENV) demo-project test-artifacts
