"""`python -m skill COMMAND`: one entry point for every local task (`--help` lists them)."""

from __future__ import annotations

import importlib
import sys

# command -> (module whose main(argv) -> int runs it, imported only when used; what it does)
COMMANDS = {
    "serve": ("skill.web.serve",
              "serve the skill under gunicorn: POST /alexa, GET /health and, locally, the web "
              "simulator (http://127.0.0.1:5000)"),
    "chat": ("skill.simulator.cli",
             "talk to the skill in the terminal through the local simulator, turn by turn"),
    "say": ("skill.simulator.cli",
            "send each argument as one turn and print what the skill answered"),
    "check": ("skill.tools.check",
              "validate content/ and interaction_model/, and that they agree with the handlers"),
    "nlu-eval": ("skill.simulator.cli",
                 "score the local language understanding on the paraphrases in tests/nlu"),
    "voice": ("skill.simulator.voice.cli",
              "talk to the skill by voice on this machine: say 'hip helper' or press Enter "
              "(--input FILE.wav talks from recordings)"),
    "bespoken": ("skill.tools.bespoken",
                 "run tests/dialogs unchanged in Bespoken's bst test against the local endpoint "
                 "(make bespoken installs bst)"),
}


def usage() -> str:
    """Every command with a sentence each, as --help prints it."""
    width = max(len(name) for name in [*COMMANDS, "--version"])
    lines = ["usage: python -m skill COMMAND [options]   (python -m skill COMMAND --help for more)",
             "", "commands:"]
    lines += [f"  {name:<{width}}  {text}" for name, (_, text) in COMMANDS.items()]
    lines += ["", "options:", f"  {'--help':<{width}}  show this list",
              f"  {'--version':<{width}}  print the version"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the command's module; a bad setting or content file is one line, not a trace."""
    from skill import __version__
    from skill.config import ConfigError
    from skill.content import ContentError

    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if args and args[0] in ("-V", "--version"):
        print(f"hip-helper {__version__}")
        return 0
    if not args or args[0] not in COMMANDS:
        print(usage(), file=sys.stderr)
        return 2
    try:
        module = importlib.import_module(COMMANDS[args[0]][0])
        return int(module.main(args))
    except (ConfigError, ContentError) as exc:
        print(f"hip helper: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
