# Everything a newcomer needs: `make run` and `make test` set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test chat check lint bench eval lambda-zip clean browser bespoken voice audio \
	voice-models

$(STAMP): requirements.txt requirements-lambda.txt requirements-dev.txt requirements-dynamodb.txt \
		requirements-voice.txt
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

# The voice loop speaks with Debian's espeak-ng and reaches the sound card through PortAudio.
audio:
	@{ command -v espeak-ng >/dev/null && ldconfig -p | grep -q libportaudio.so.2; } || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y espeak-ng libportaudio2; \
		else \
			echo "espeak-ng or PortAudio is missing: sudo apt-get install -y espeak-ng libportaudio2"; \
		fi; }

# The recogniser's language model and dictionary, rebuilt when a model or content/ changes.
VOICE_DIR := skill/simulator/voice/models
VOICE_MODELS := $(patsubst interaction_model/%.json,$(VOICE_DIR)/%.lm,$(wildcard interaction_model/*-*.json))
VOICE_SOURCES := content/voice.yaml $(wildcard content/conditions/*.yaml content/reader/*.yaml) \
	skill/simulator/voice/vocabulary.py skill/simulator/voice/languagemodel.py

$(VOICE_DIR)/%.lm: interaction_model/%.json $(VOICE_SOURCES) | $(STAMP)
	$(PY) -m skill.simulator.voice.languagemodel --locale $*

voice-models: $(VOICE_MODELS)

voice: $(STAMP) audio voice-models
	$(PY) -m skill voice

test: $(STAMP) voice-models lint browser audio
	$(PY) -m skill check
	$(PY) -m pytest -q

# Bespoken's own runner on tests/dialogs, offline, against the skill served on loopback. Not part
# of `make test` (it needs npm). The as-written run reports what passes in bst; the pinned run
# (each utterance given the intent request our NLU made) must pass whole: what fails as written
# is then Bespoken's utterance matching, never the test format (docs/conversation-tests.md).
BESPOKEN_VERSION := 2.6.7
BST := .bespoken/node_modules/.bin/bst

$(BST):
	@command -v npm >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; \
		else \
			echo "npm is missing: sudo apt-get install -y nodejs npm"; exit 1; \
		fi; }
	npm install --prefix .bespoken --no-audit --no-fund --save-exact \
		bespoken-tools@$(BESPOKEN_VERSION)

bespoken: $(STAMP) $(BST)
	-$(PY) -m skill bespoken
	$(PY) -m skill bespoken --pinned

bench: $(STAMP) audio voice-models
	$(PY) -m bench

# Understanding measured on real people's wording: eval/dev (tune against) and eval/test (frozen).
eval: $(STAMP)
	$(PY) -m bench.eval

lambda-zip: $(STAMP)
	$(PY) scripts/lambda_zip.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .bespoken test_output
