# Dragoman — the two commands: `make demo` (main job) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db
OUT ?= out

.PHONY: demo test install bench clean

$(BIN)/dragoman: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/dragoman

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/dragoman ingest samples/ --db $(DB)
	$(BIN)/dragoman articles --db $(DB)
	mkdir -p $(OUT)
	$(BIN)/dragoman export articles --format jsonl --output $(OUT)/articles.jsonl --db $(DB)
	$(BIN)/dragoman export events --format jsonl --output $(OUT)/events.jsonl --db $(DB)
	$(BIN)/dragoman export events --format gdelt --output $(OUT)/events.gdelt.tsv --db $(DB)
	$(BIN)/dragoman export quotes --format jsonl --output $(OUT)/quotes.jsonl --db $(DB)
	$(BIN)/dragoman stories --db $(DB)
	$(BIN)/python -m dragoman.report.demo --db $(DB) --out $(OUT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf $(VENV) $(OUT) $(DB) *.egg-info
