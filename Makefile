# Everything a newcomer needs: `make run` and `make test` set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test chat check lint bench eval lambda-zip clean browser

$(STAMP): requirements.txt requirements-lambda.txt requirements-dev.txt requirements-dynamodb.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check \
		-r requirements-dev.txt -r requirements-dynamodb.txt
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) -m skill serve

chat: $(STAMP)
	$(PY) -m skill chat

check: $(STAMP)
	$(PY) -m skill check

lint: $(STAMP)
	$(VENV)/bin/ruff check skill tests bench scripts
	$(VENV)/bin/mypy skill
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/yamllint -s content interaction_model tests/dialogs tests/nlu

# The web simulator's browser tests drive Debian's Chromium (Playwright cannot download its own).
browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
		else \
			echo "chromium is missing: sudo apt-get install -y chromium (browser tests skip without it)"; \
		fi; }

test: $(STAMP) lint browser
	$(PY) -m skill check
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m bench

# Understanding measured on real people's wording: eval/dev (tune against) and eval/test (frozen).
eval: $(STAMP)
	$(PY) -m bench.eval

lambda-zip: $(STAMP)
	$(PY) scripts/lambda_zip.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
