"""The Lambda bundle holds the skill and its content, and nothing of the web service."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lambda_zip", ROOT / "scripts" / "lambda_zip.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_leaves_out_the_web_service_and_simulator(tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    (packages / "yaml").mkdir(parents=True)
    (packages / "yaml" / "__init__.py").write_text("")
    names = {name for _, name in _script().bundle_files(packages)}
    assert {"yaml/__init__.py", "skill/lambda_function.py", "skill/alexa/assembly.py"} <= names
    assert any(name.startswith("content/") for name in names)
    assert "skill/app.py" not in names
    outside = ("skill/web/", "skill/simulator/", "skill/tools/")
    assert not any(n.startswith(outside) or "__pycache__" in n for n in names)


def test_the_zip_is_reproducible(tmp_path: Path) -> None:
    script = _script()
    source = tmp_path / "a.txt"
    source.write_text("same")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    script.write_zip(iter([(source, "a.txt")]), first)
    script.write_zip(iter([(source, "a.txt")]), second)
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.ZipFile(first).namelist() == ["a.txt"]
