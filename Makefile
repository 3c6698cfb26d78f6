# Setup and the main job. `make run` and `make test` work on a fresh machine (they create .venv).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-viz train clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: set up .venv, build the bundled sample into build/, show what it holds
run: $(STAMP)
	$(BIN)/kg build --out build
	$(BIN)/kg stats --graph build

## test: set up .venv with the test extras and run the whole suite
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: extraction speed over ../shared/corpus against a tokenizer-only baseline
bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

## bench-viz: kg viz on 5,000 nodes / 15,000 edges against pyvis, and time to drawn+interactive in Chromium
bench-viz: $(STAMP)
	$(BIN)/python bench/bench_viz.py

## train: retrain the shipped NER (extractors/model) on silver labels of ../shared/corpus
train: $(STAMP)
	$(BIN)/kg train

clean:
	rm -rf build .pytest_cache
