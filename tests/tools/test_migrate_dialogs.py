"""The migration moves an old-dialect dialog file to the Bespoken-true one without changing it."""

from __future__ import annotations

import functools
import textwrap
from pathlib import Path

from skill.simulator import Simulator
from skill.simulator.dialogspec import load_dialogs
from skill.simulator.dialogtest import run_dialog
from skill.tools.migrate_dialogs import main

OLD = """\
    ---
    configuration:
      locale: en-US
    ---
    - test: old style
    - open hip helper:
        intent: LaunchRequest
        prompt: In an emergency, call 911.
    - help:
        - prompt: "/^(?![\\\\s\\\\S]*it's been)/"
    - stop:
        - request.session.new: false
        - slots.location: undefined
        - prompt: "*"
    """


def test_an_old_file_becomes_bespoken_true_and_still_passes(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(textwrap.dedent(OLD))
    assert main([str(path)]) == 0
    text = path.read_text()
    assert "    - nlu.intent: LaunchRequest" in text
    assert "    - speech: In an emergency, call 911." in text  # the SSML has <say-as> round 911
    assert "    - sent.session.new: false" in text and "    - nlu.slots.location:" in text
    assert '    - prompt: "*"' in text  # holds against the SSML too: left as Bespoken's
    assert "    - speech: \"/^(?![" in text  # a negative check of an apostrophe: never in SSML
    for test in load_dialogs(path):
        run_dialog(test, functools.partial(Simulator, store=tmp_path / "m.db"))
