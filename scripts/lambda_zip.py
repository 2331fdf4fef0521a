"""Build dist/hip-helper-lambda.zip: only what AWS Lambda runs, so no Flask, gunicorn or simulator.

Handler: skill.lambda_function.lambda_handler (runtime python3.11, x86_64).
"""

from __future__ import annotations

import compileall
import os
import platform
import py_compile
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / "build" / "lambda"
ZIP_PATH = ROOT / "dist" / "hip-helper-lambda.zip"
HANDLER = "skill.lambda_function.lambda_handler"
# The web service, the simulator and the developer tools run only on a server or a laptop.
WEB_ONLY = {"skill/app.py", "skill/web", "skill/simulator", "skill/tools"}
FORBIDDEN = ("flask", "gunicorn", "werkzeug")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # reproducible archives: same sources, same bytes
_SMOKE = {"applicationId": "smoke-test"}
_LAUNCH = {
    "version": "1.0",
    "session": {"new": True, "sessionId": "smoke", "application": _SMOKE, "attributes": {}},
    "context": {"System": {"application": _SMOKE, "user": {"userId": "smoke"}}},
    "request": {
        "type": "LaunchRequest",
        "requestId": "smoke",
        "timestamp": "2020-01-01T00:00:00Z",
        "locale": "en-US",
    },
}


def install_packages(target: Path) -> None:
    """pip-install requirements-lambda.txt as Lambda's python3.11 x86_64 will import them."""
    subprocess.run(
        [
            *(
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-warn-conflicts",
            ),
            *("--target", str(target), "--implementation", "cp", "--python-version", "3.11"),
            *("--platform", "manylinux2014_x86_64", "--only-binary=:all:"),
            *("-r", str(ROOT / "requirements-lambda.txt")),
        ],
        check=True,
    )
    shutil.rmtree(target / "bin", ignore_errors=True)
    present = [name for name in FORBIDDEN if (target / name).exists()]
    if present:
        raise SystemExit(f"web-only packages leaked into the Lambda bundle: {present}")


def _wanted(relative: str, compiled: bool = False) -> bool:
    parts = relative.split("/")
    if not compiled and ("__pycache__" in parts or relative.endswith((".pyc", ".pyo"))):
        return False
    return not any(relative == path or relative.startswith(path + "/") for path in WEB_ONLY)


def precompile(directory: Path) -> bool:
    """Bytecode beside the sources, valid without timestamps (the zip's are fixed).

    Lambda's disk is read-only, so without it every cold start compiles the skill again. Only
    a Python 3.11 build matches Lambda's python3.11; another just leaves the sources.
    """
    if sys.version_info[:2] != (3, 11):
        return False
    mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    return bool(compileall.compile_dir(directory, quiet=1, invalidation_mode=mode))


def bundle_files(packages: Path, compiled: bool = False) -> Iterator[tuple[Path, str]]:
    """Every (file, name in the zip): installed packages at the root, then skill/ and content/.

    With `compiled`, both were staged and precompiled there, and their bytecode goes in too.
    """
    sources = [(packages, packages), (ROOT / "skill", ROOT), (ROOT / "content", ROOT)]
    if compiled:
        sources = [(packages, packages)]  # skill/ and content/ were staged inside
    for directory, base in sources:
        for path in sorted(directory.rglob("*")):
            relative = path.relative_to(base).as_posix()
            if path.is_file() and _wanted(relative, compiled):
                yield path, relative


def _stage_sources(packages: Path) -> None:
    """Copy skill/ (less the web-only parts) and content/ beside the packages."""
    for name in ("skill", "content"):
        for path in sorted((ROOT / name).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if path.is_file() and _wanted(relative):
                target = packages / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


def write_zip(files: Iterator[tuple[Path, str]], destination: Path) -> int:
    """Write a deterministic zip (sorted names, fixed times); return how many files it holds."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, name in sorted(files, key=lambda item: item[1]):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
            count += 1
    return count


def smoke_test(archive: Path, workdir: Path) -> bool:
    """Answer a launch from the unpacked zip alone, as Lambda would; False if not possible here."""
    native = (platform.system(), platform.machine(), sys.version_info[:2])
    if native != ("Linux", "x86_64", (3, 11)):
        return False
    shutil.rmtree(workdir, ignore_errors=True)
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(workdir)
    module, _, name = HANDLER.rpartition(".")
    code = f"import json, {module} as m; print(json.dumps(m.{name}({_LAUNCH!r}, None)))"
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(workdir)}
    # The base interpreter with -S (no site-packages): only the stdlib and the bundle are
    # importable, so a missing dependency or a stray Flask import fails here, not on Lambda.
    base_python = getattr(sys, "_base_executable", sys.executable)
    run = subprocess.run(
        [base_python, "-S", "-c", code], cwd=workdir, env=env, check=True, capture_output=True
    )
    if "outputSpeech" not in run.stdout.decode():
        raise SystemExit(f"the bundled handler did not answer a launch: {run.stdout!r}")
    return True


def main(argv: list[str] | None = None) -> int:
    """Stage, zip and smoke-test the Lambda bundle."""
    shutil.rmtree(STAGE, ignore_errors=True)
    packages = STAGE / "packages"
    install_packages(packages)
    _stage_sources(packages)
    compiled = precompile(packages)
    count = write_zip(bundle_files(packages, compiled), ZIP_PATH)
    checked = smoke_test(ZIP_PATH, STAGE / "unpacked")
    size_kb = ZIP_PATH.stat().st_size // 1024
    print(f"{ZIP_PATH.relative_to(ROOT)}: {count} files, {size_kb} KB; handler {HANDLER}")
    if not checked:
        print("(import smoke test skipped: needs Linux x86_64 and Python 3.11)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
