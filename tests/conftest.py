"""Shared fixtures, and tests/dialogs/*.yaml collected as conversation tests.

Dialog files are Bespoken unit tests plus named extensions; see docs/conversation-tests.md and
skill/simulator/dialogspec.py (extensions: `speech`, `nlu.*`, `sent.*`, `clock:`).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Before any skill module is imported: the production entry point runs without memory in tests,
# so no test writes var/ in the working tree or depends on another's leftovers. Tests of memory
# build their skill on a temporary database.
os.environ["SKILL_DB_PATH"] = ""

from skill.content import get_content
from skill.simulator import Simulator
from skill.simulator.dialogspec import DialogSyntaxError, DialogTest, load_dialogs
from skill.simulator.dialogtest import DialogFailure, run_dialog

DIALOGS = Path(__file__).parent / "dialogs"


@pytest.fixture(autouse=True, scope="session")
def _content_loaded() -> None:
    """Load the content before any test: it sets how words are spelled out and kept whole."""
    get_content()


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """Collect every tests/dialogs/*.yaml (and .yml) as a file of conversation tests."""
    if file_path.suffix in (".yaml", ".yml") and file_path.parent == DIALOGS:
        return DialogFile.from_parent(parent, path=file_path)
    return None


class DialogFile(pytest.File):
    """One dialog file: one test item per `- test:`."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            tests = load_dialogs(self.path)
        except DialogSyntaxError as error:
            raise self.CollectError(str(error)) from error
        for test in tests:
            yield DialogItem.from_parent(self, name=test.name, spec=test)


class DialogItem(pytest.Item):
    """One conversation, played through the Simulator against the real skill."""

    def __init__(self, *, spec: DialogTest, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec

    def runtest(self) -> None:
        """Each conversation remembers only what it said itself: a fresh store per test."""
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "memory.db"
            run_dialog(self.spec, functools.partial(Simulator, store=store))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """A failed step reads as the conversation went, not as a traceback."""
        if isinstance(excinfo.value, DialogFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.spec.line - 1, f"dialog: {self.name}"


@pytest.fixture
def simulator(tmp_path: Path) -> Simulator:
    """A fresh simulator: en-US, screen device, the real skill with its own empty memory."""
    return Simulator(store=tmp_path / "memory.db")
