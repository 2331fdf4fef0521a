"""`python -m skill bespoken`: run tests/dialogs unchanged in Bespoken's `bst test`, offline.

The skill is served on loopback with verification off and no memory (each `bst` test starts
from nothing, as each of ours does); `bst` reads the files with its own parser and matcher,
through virtual-alexa, against that endpoint. Any request leaving the machine would go to a
proxy that does not exist (and bst's publishing of results to Bespoken's API to a closed
loopback port), so the run proves it needs no network and sends nothing away.
`make bespoken` installs bespoken-tools from npm first; it is not part of `make test`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from skill.simulator.dialogspec import SIMULATOR_ONLY, DialogTest, is_extension, load_dialogs
from skill.simulator.dialogtest import play, simulator_for
from skill.simulator.simulator import Simulator
from skill.simulator.steps import parse_intent_step, parse_offset

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = ROOT / "tests" / "dialogs"
WORK = ROOT / ".bespoken"
BST = WORK / "node_modules" / ".bin" / "bst"
_NOWHERE = "http://127.0.0.1:9"  # a proxy that refuses: nothing reaches the internet


def extension_paths(directory: Path = DIALOGS) -> list[str]:
    """Every assertion key of this project's used in the dialog files, for ignoreProperties."""
    found = {
        assertion.target
        for path in sorted(directory.glob("*.yaml"))
        for test in load_dialogs(path)
        for step in test.steps
        for assertion in step.assertions
        if is_extension(assertion.target)
    }
    return sorted(found)


def testing_json(skill_url: str, directory: Path = DIALOGS) -> dict[str, Any]:
    """bst's configuration: the local endpoint, the models, and our extensions ignored."""
    return {
        "type": "unit",
        "skillURL": skill_url,
        "exclude": SIMULATOR_ONLY,  # they move the clock, which bst cannot
        "ignoreProperties": {"alexa": {"type": "unit", "paths": ", ".join(extension_paths(
            directory))}},
        "jest": {
            "collectCoverage": False,
            "moduleFileExtensions": ["js", "yml", "yaml"],
            "roots": [str(directory)],  # bst would look beside testing.json
            "testMatch": ["**/*.yaml"],
            "silent": True,
        },
    }


def write_config(skill_url: str, dialogs: Path = DIALOGS, work: Path = WORK) -> Path:
    """testing.json in .bespoken/, with models/ pointing at interaction_model/ (bst's layout)."""
    work.mkdir(exist_ok=True)
    models = work / "models"
    if not models.exists():
        models.symlink_to(ROOT / "interaction_model", target_is_directory=True)
    path = work / "testing.json"
    config = testing_json(skill_url, dialogs)
    path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return path


def pinned_copy(source: Path, target: Path) -> int:
    """The dialog files with each utterance pinned to the intent request our NLU made.

    Bespoken's own inputs (`intent:` and `request.request.intent:`) replace its utterance
    matching and slot resolution, so a test that fails as written but passes pinned failed on
    Bespoken's matcher alone, never on the dialect.
    Returns how many steps were pinned.
    """
    target.mkdir(parents=True, exist_ok=True)
    pinned = 0
    for path in sorted(source.glob("*.yaml")):
        documents: list[Any] = []
        config: dict[str, Any] = {}
        for test in load_dialogs(path):
            config = test.config
            items, count = _pinned_test(test)
            documents.append(items)
            pinned += count
        head = [{"configuration": {k: _plain(v) for k, v in config.items()}}] if config else []
        text = yaml.safe_dump_all(head + documents, sort_keys=False, allow_unicode=True)
        (target / path.name).write_text(text, encoding="utf-8")
    return pinned


def _pinned_test(test: DialogTest) -> tuple[list[Any], int]:
    """One test as YAML items, utterance steps given Bespoken's `intent:` input."""
    items: list[Any] = [{"test": test.name}]
    if test.tags:
        items.append({"tags": ", ".join(test.tags)})
    with _store() as store:
        sim = simulator_for(test, lambda **kw: Simulator(store=store, **kw))
        if SIMULATOR_ONLY not in test.tags:
            sim.now = None  # type: ignore[assignment]  # bst sends today's time: resolve as today
        count = 0
        for step in test.steps:
            if step.clock is not None:
                sim.now = sim.now + parse_offset(step.clock)
                items.append({"clock": step.clock})
                continue
            turn = play(sim, step)
            elements: list[Any] = []
            request = turn.request["request"]
            words = step.key not in ("LaunchRequest", "SessionEndedRequest")
            if words and step.intent is None and parse_intent_step(step.key) is None \
                    and request["type"] == "IntentRequest":
                # the intent routes it; the whole intent object, resolutions and all, is what
                # our NLU sent (Bespoken's request.* input), so virtual-alexa's slot matching
                # is out of the way too
                elements.append({"intent": request["intent"]["name"]})
                elements.append({"request.request.intent": request["intent"]})
                if "dialogState" in request:
                    elements.append({"request.request.dialogState": request["dialogState"]})
                if turn.request["session"]["new"]:  # a one-shot "ask hip helper ...": new session
                    elements.append({"request.session.new": True})
                    elements.append({"request.session.attributes": {}})
                count += 1
            elif step.intent is not None:
                elements.append({"intent": step.intent, **dict(step.slots)})
            elements += [{k: _plain(v)} for k, v in step.request_sets]
            elements += [{a.target: _plain(a.expected)} for a in step.assertions]
            items.append({step.key: elements} if elements else step.key)
    return items, count


class _store:
    """A temporary database per test, as the pytest runner gives each conversation."""

    def __enter__(self) -> Path:
        import tempfile

        self._dir = tempfile.TemporaryDirectory()
        return Path(self._dir.name) / "m.db"

    def __exit__(self, *exc: object) -> None:
        self._dir.cleanup()


def _plain(value: Any) -> Any:
    """Values as plain YAML types (the loader's mappings remember their lines)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_health(port: int, deadline: float) -> None:
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            try:
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    return
            finally:
                connection.close()
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def _serve(port: int) -> subprocess.Popen[bytes]:
    """The skill on loopback: development settings, verification off, no memory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILL_")}
    env.update(SKILL_ENV="development", SKILL_VERIFY_REQUESTS="false", SKILL_DB_PATH="",
               SKILL_SIMULATOR="off")
    return subprocess.Popen(
        [sys.executable, "-m", "skill", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def summary(output: str) -> dict[str, int]:
    """Jest's `Tests:` line as numbers: passed, failed, skipped, total."""
    line = next((x for x in output.splitlines() if x.strip().startswith("Tests:")), "")
    return {name: int(n) for n, name in re.findall(r"(\d+) (passed|failed|skipped|total)", line)}


def main(argv: list[str]) -> int:
    """Serve the skill, run bst test on tests/dialogs, print bst's report and its summary."""
    parser = argparse.ArgumentParser(prog="python -m skill bespoken", description=__doc__)
    parser.add_argument("--bst", type=Path, default=BST, help="the bst executable")
    parser.add_argument("--pinned", action="store_true",
                        help="run a copy with every utterance pinned (Bespoken's intent: input) "
                        "to the intent our NLU chose: what fails then is not the matcher")
    ns = parser.parse_args(argv[1:])
    if not ns.bst.exists():
        print(f"hip helper: {ns.bst} not found: run `make bespoken`, which installs it",
              file=sys.stderr)
        return 2
    port = _free_port()
    dialogs = DIALOGS
    if ns.pinned:
        dialogs = WORK / "pinned"
        print(f"pinned {pinned_copy(DIALOGS, dialogs)} utterance steps into {dialogs}")
    config = write_config(f"http://127.0.0.1:{port}/alexa", dialogs)
    server = _serve(port)
    try:
        _wait_for_health(port, time.monotonic() + 30)
        env = dict(os.environ, HTTP_PROXY=_NOWHERE, HTTPS_PROXY=_NOWHERE, http_proxy=_NOWHERE,
                   https_proxy=_NOWHERE, NO_PROXY="127.0.0.1,localhost",
                   no_proxy="127.0.0.1,localhost", NO_UPDATE_NOTIFIER="1", FORCE_COLOR="0",
                   # bst posts every result (prompts included) to Bespoken's API by default
                   BESPOKEN_API_BASE_URL=_NOWHERE)
        result = subprocess.run([str(ns.bst), "test", "--config", str(config)], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=1800)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)
    output = result.stdout + result.stderr
    print(output)
    counts = summary(output)
    print("bespoken summary: " + json.dumps(counts))
    # bst's own exit code also counts its refused attempt to publish the results
    return 0 if counts.get("passed") and not counts.get("failed") else 1
