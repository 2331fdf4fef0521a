"""`python -m skill serve | chat | say | voice | check | nlu-eval`: every local task."""

from __future__ import annotations

import importlib
import sys

# command -> module whose main(argv) -> int runs it; imported only when used.
COMMANDS = {
    "serve": "skill.web.serve",
    "chat": "skill.simulator.cli",
    "say": "skill.simulator.cli",
    "nlu-eval": "skill.simulator.cli",
    "voice": "skill.simulator.voice.cli",
    "check": "skill.tools.check",
}


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the subcommand's module so each stays small and imports only what it needs."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in COMMANDS:
        print("usage: python -m skill {" + "|".join(COMMANDS) + "} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args[0]])
    return int(module.main(args))


if __name__ == "__main__":
    sys.exit(main())
