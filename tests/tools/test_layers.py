"""The layer contracts in .importlinter hold, and a forbidden import really breaks them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(root / ".importlinter")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def _copy_tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "skill", tmp_path / "skill", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_the_tree_keeps_every_layer_contract(tmp_path: Path) -> None:
    result = _lint(_copy_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_sdk_import_in_the_core_breaks_the_pure_core_contract(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    triage = root / "skill" / "core" / "triage.py"
    triage.write_text(triage.read_text() + "\nimport ask_sdk_core  # noqa: E402, F401\n")
    result = _lint(root)
    assert result.returncode != 0
    assert "The pure core imports no SDK, web framework, database, YAML or simulator BROKEN" in (
        result.stdout
    )


def test_the_store_importing_the_simulator_breaks_its_contract(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    store = root / "skill" / "store" / "user_keys.py"
    store.write_text(store.read_text() + "\nimport skill.simulator  # noqa: E402, F401\n")
    result = _lint(root)
    assert result.returncode != 0
    assert "never import the simulator or the web service BROKEN" in result.stdout
