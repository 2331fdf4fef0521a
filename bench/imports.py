"""Cold-import cost of the Lambda entry point against ask-sdk-core's own skill builder."""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 7
_CODE = (
    "import time; t = time.perf_counter(); import {module}; "
    "print(time.perf_counter() - t)"
)


def import_seconds(module: str, runs: int = RUNS) -> float:
    """Median wall time of importing a module in a fresh interpreter."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CODE.format(module=module)],
            check=True, capture_output=True, text=True,
        )
        times.append(float(out.stdout))
    return statistics.median(times)


def main() -> int:
    """Print both import times and their ratio (target: at most 1.5)."""
    base = import_seconds("ask_sdk_core.skill_builder")
    ours = import_seconds("skill.lambda_function")
    print(f"cold import (median of {RUNS} fresh interpreters)")
    print(f"  ask_sdk_core.skill_builder  {base * 1000:7.1f} ms")
    print(f"  skill.lambda_function       {ours * 1000:7.1f} ms")
    print(f"  ratio                       {ours / base:7.2f}x  (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
