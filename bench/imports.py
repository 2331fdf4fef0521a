"""Cold-import cost of the Lambda entry point against ask-sdk-core's own skill builder."""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
from pathlib import Path

RUNS = 9
BASE = "ask_sdk_core.skill_builder"
OURS = "skill.lambda_function"


def _importtime() -> tuple[int, int]:
    """(µs to import the SDK's builder, µs more to import ours after it), from -X importtime."""
    code = f"import {BASE}; import {OURS}"
    lines = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], check=True, capture_output=True,
        text=True,
    ).stderr.splitlines()
    base = extra = 0
    after = False
    for line in lines:
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        if after:
            extra += int(own)
        if name.strip() == BASE:
            base, after = int(cumulative), True
    return base, extra


def main() -> int:
    """Print both import costs and their ratio (target: at most 1.5).

    The skill is byte-compiled first, as pip compiles the SDK when installing it and as
    `make lambda-zip` ships it; otherwise this would time Python's compiler, not the import.
    """
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "skill", quiet=1)
    runs = [_importtime() for _ in range(RUNS)]
    base = statistics.median(r[0] for r in runs)
    extra = statistics.median(r[1] for r in runs)
    print(f"cold import, median of {RUNS} fresh interpreters (-X importtime), both byte-compiled")
    print(f"  {BASE}  {base / 1000:7.1f} ms")
    print(f"  {OURS} on top   {extra / 1000:7.1f} ms   (content is parsed on the first request)")
    print(f"  ratio                       {(base + extra) / base:7.2f}x  (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
