# Dragoman — the two commands: `make demo` (main job) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db
OUT ?= out

.PHONY: demo test install browser bench clean

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

# Browser tests drive Debian's chromium (browsers cannot be downloaded here); install it when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "note: could not install chromium; browser tests will be skipped"; \
	  else echo "note: chromium not found; browser tests will be skipped (apt-get install chromium)"; fi; }

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/clean_eval.py --split test
	$(BIN)/python bench/clean_eval.py --split test2
	$(BIN)/python bench/clean_eval.py --split test3
	$(BIN)/python bench/quotes_passages.py --split test
	$(BIN)/python bench/events_eval.py
	$(BIN)/python bench/events_sentences.py --split test --dyadic
	$(BIN)/python bench/tone_sentences.py --split test
	$(BIN)/python bench/tone_sentences.py --split fresh
	$(BIN)/python bench/events_bench.py
	$(BIN)/python bench/ingest_bench.py --n 1000
	$(BIN)/python bench/stories_bench.py --n 50000

clean:
	rm -rf $(VENV) $(OUT) $(DB) *.egg-info
