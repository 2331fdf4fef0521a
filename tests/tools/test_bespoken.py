"""`python -m skill bespoken`: bst is configured to read tests/dialogs as Bespoken would.

The bst run itself needs npm (`make bespoken`); these tests check what it is given, offline.
"""

from __future__ import annotations

import functools
import shutil
from dataclasses import replace
from pathlib import Path

from skill.simulator import Simulator
from skill.simulator.dialogspec import SIMULATOR_ONLY, is_extension, load_dialogs
from skill.simulator.dialogtest import run_dialog
from skill.tools import bespoken

DIALOGS = Path(__file__).parents[1] / "dialogs"


def test_every_extension_used_is_one_bst_is_told_to_ignore() -> None:
    config = bespoken.testing_json("http://127.0.0.1:1/alexa")
    ignored = config["ignoreProperties"]["alexa"]["paths"].split(", ")
    used = {a.target for p in DIALOGS.glob("*.yaml") for t in load_dialogs(p)
            for s in t.steps for a in s.assertions}
    assert {u for u in used if is_extension(u)} == set(ignored)
    assert not any(path.startswith(("prompt", "sessionAttributes.")) for path in ignored)


def test_bst_runs_our_files_against_the_local_endpoint_without_the_simulator_only_ones() -> None:
    config = bespoken.testing_json("http://127.0.0.1:5055/alexa")
    assert config["skillURL"] == "http://127.0.0.1:5055/alexa" and config["type"] == "unit"
    assert config["exclude"] == SIMULATOR_ONLY
    assert config["jest"]["roots"] == [str(DIALOGS)]


def test_every_test_that_moves_the_clock_is_simulator_only() -> None:
    for path in DIALOGS.glob("*.yaml"):
        for test in load_dialogs(path):
            if any(step.clock for step in test.steps):
                assert SIMULATOR_ONLY in test.tags, test.name


def test_the_pinned_copy_gives_each_utterance_bespokens_intent_input(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("runner-basics.yaml", "one-shot.yaml"):
        shutil.copy(DIALOGS / name, source)
    assert bespoken.pinned_copy(source, tmp_path / "pinned") > 10
    for path in (tmp_path / "pinned").glob("*.yaml"):
        for test in load_dialogs(path):
            said = [s for s in test.steps if s.key[0].islower() and not s.key.startswith("open ")]
            assert all(s.intent for s in said), [s.key for s in said if not s.intent]
            if SIMULATOR_ONLY not in test.tags:  # our runner reads the inputs as bst does
                # (what our NLU chose is not asked: pinned, the NLU is out of the way)
                test.steps = [replace(s, assertions=tuple(
                    a for a in s.assertions if not a.target.startswith("nlu."))) for s in test.steps]
                run_dialog(test, functools.partial(Simulator, store=tmp_path / f"{test.line}.db"))


def test_the_jest_summary_is_read() -> None:
    line = "Tests:       63 failed, 12 skipped, 69 passed, 144 total"
    assert bespoken.summary("x\n" + line + "\n") == {"failed": 63, "skipped": 12, "passed": 69,
                                                     "total": 144}
