# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test eval bench bench-scale clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install it or run 'make PYTHON=python3 ...'"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/policylens demo

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/policylens eval

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py

bench-scale: $(STAMP)
	mkdir -p bench/out && nice -n 10 $(BIN)/python bench/bench_scale.py --docs 1000 --added 10 --executors dask --scaling-docs 200 --output bench/out/scale.json

clean:
	rm -rf $(VENV) demo-project
