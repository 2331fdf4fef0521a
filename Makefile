# Everything a newcomer needs: `make run` and `make test` set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test chat check lint bench lambda-zip clean

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
	$(VENV)/bin/yamllint -s content interaction_model tests/dialogs tests/nlu

test: $(STAMP) lint
	$(PY) -m skill check
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m bench

lambda-zip: $(STAMP)
	$(PY) scripts/lambda_zip.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
