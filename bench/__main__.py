"""Run every benchmark in turn; each prints its own figures."""

from __future__ import annotations

import importlib
import sys

# Each module has main() -> int; a missing optional one is reported, not fatal.
SUITES = (
    "bench.replies", "bench.imports", "bench.nlu", "bench.persistence", "bench.web", "bench.voice",
)


def main() -> int:
    """Run each suite, separated by a heading; exit non-zero only if one crashed."""
    failed = 0
    for name in SUITES:
        print(f"\n== {name.split('.')[-1]} ==", flush=True)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"  skipped: {exc}")
            continue
        failed |= int(module.main() != 0)
    return failed


if __name__ == "__main__":
    sys.exit(main())
