"""Move conversation tests written before issue 11 to the Bespoken-true format, in place.

    python -m skill.tools.migrate_dialogs tests/dialogs/my-new-test.yaml ...

Run it once on a file written in the old dialect (where `intent:` asserted what the NLU chose):
1. `intent:` -> `nlu.intent:`, `slots.X:` -> `nlu.slots.X:`, `request.X:` -> `sent.X:` (the old
   assertions; in Bespoken these keys are inputs), and a step's checks written as a mapping
   become a list, as Bespoken reads them.
2. Each `prompt`/`reprompt` check that held against the plain text but not against the SSML
   under Bespoken's matcher becomes `speech`/`repromptSpeech`, the project's plain-text checks,
   and so does each negative check of words the SSML escapes (it could never fail there).
A file with several `configuration:` documents must still be split by hand (the loader says so).
"""

from __future__ import annotations

import functools
import re
import sys
import tempfile
from pathlib import Path

from skill.simulator import Simulator
from skill.simulator.dialogspec import Assertion, DialogSyntaxError, Step, load_dialogs
from skill.simulator.dialogtest import actual_value, matches, matches_plain, play, simulator_for
from skill.simulator.steps import parse_offset
from skill.simulator.turn import Turn

_OLD = [(re.compile(r"^(\s+- )intent:"), r"\1nlu.intent:"),
        (re.compile(r"^(\s+- )slots\."), r"\1nlu.slots."),
        (re.compile(r"^(\s+- )request\."), r"\1sent.")]
_STEP_WITH_BLOCK = re.compile(r"^- .*:\s*$")
_PLAIN = {"prompt": "speech", "reprompt": "repromptSpeech"}


def rename_keys(lines: list[str]) -> list[str]:
    """Step 1: old assertion names, and mapping-form checks as lists."""
    out: list[str] = []
    mapping_form = False
    for index, line in enumerate(lines):
        if not line.startswith(" "):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            mapping_form = bool(_STEP_WITH_BLOCK.match(line)) and _is_mapping_line(following)
        elif mapping_form and line.startswith("    ") and line.strip():
            indent = len(line) - len(line.lstrip())
            line = ("    - " + line[4:]) if indent == 4 else "  " + line
        for pattern, replacement in _OLD:
            line = pattern.sub(replacement, line)
        out.append(line)
    return out


def _is_mapping_line(line: str) -> bool:
    text = line.strip()
    return line.startswith("    ") and bool(text) and not text.startswith(("- ", "#"))


def plain_where_never_in_ssml(path: Path) -> None:
    """Negative prompt checks of text the SSML escapes (an apostrophe) become `speech`.

    They would always pass against the SSML, so the loader refuses them, naming the line.
    """
    for _ in range(10_000):
        try:
            load_dialogs(path)
            return
        except DialogSyntaxError as error:
            found = re.search(r":(\d+): (prompt|reprompt) is the SSML", str(error))
            if found is None:
                raise
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            index, target = int(found.group(1)) - 1, found.group(2)
            lines[index] = lines[index].replace(f"- {target}:", f"- {_PLAIN[target]}:", 1)
            path.write_text("".join(lines), encoding="utf-8")


def plain_where_ssml_differs(path: Path) -> tuple[list[str], list[str]]:
    """Step 2: the file's lines with prompt checks the SSML cannot satisfy made `speech`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    problems: list[str] = []
    for test in load_dialogs(path):
        with tempfile.TemporaryDirectory() as tmp:  # each test its own memory, as in pytest
            sim = simulator_for(test, functools.partial(Simulator, store=Path(tmp) / "m.db"))
            problems += _check_test(path, sim, test.steps, lines)
    return lines, problems


def _check_test(path: Path, sim: Simulator, steps: list[Step], lines: list[str]) -> list[str]:
    """Play one test, rewriting the lines of prompt checks only the plain text satisfies."""
    problems: list[str] = []
    for step in steps:
        if step.clock is not None:
            sim.now = sim.now + parse_offset(step.clock)
            continue
        turn = play(sim, step)
        for assertion in step.assertions:
            if matches(actual_value(turn, assertion.target), assertion.expected):
                continue
            if not _holds_plain(turn, assertion):
                problems.append(f"{path}:{assertion.line}: {assertion.target} fails either way")
                continue
            _rewrite(lines, assertion, step.line)
    return problems


def _holds_plain(turn: Turn, assertion: Assertion) -> bool:
    plain = _PLAIN.get(assertion.target)
    return plain is not None and matches_plain(actual_value(turn, plain), assertion.expected)


def _rewrite(lines: list[str], assertion: Assertion, step_line: int) -> None:
    plain = _PLAIN[assertion.target]
    index = assertion.line - 1
    line = lines[index]
    if assertion.line != step_line:
        lines[index] = line.replace(f"- {assertion.target}:", f"- {plain}:", 1)
        return
    key, _, value = line.rstrip("\n").partition(": ")
    lines[index] = f"{key}:\n    - {plain}: {value}\n"


def main(paths: list[str]) -> int:
    """Migrate each file in place; print any check that fails whatever its name."""
    failed = False
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        path.write_text("".join(rename_keys(text.splitlines(keepends=True))), encoding="utf-8")
        plain_where_never_in_ssml(path)
        lines, problems = plain_where_ssml_differs(path)
        path.write_text("".join(lines), encoding="utf-8")
        for problem in problems:
            print(problem, file=sys.stderr)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
