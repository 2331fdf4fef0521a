"""`python -m skill chat | say | nlu-eval`: talk to the skill from a terminal, or check the NLU."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from skill.content import get_content
from skill.simulator.evaluate import PARAPHRASES, evaluate, format_report
from skill.simulator.simulator import MODEL_DIR, Simulator
from skill.simulator.steps import parse_offset, perform
from skill.simulator.turn import Turn

HISTORY = ".hip_helper_history"
HINT = "Type what you'd say to Alexa, e.g. 'open hip helper'. 'quit' or Ctrl-D leaves."
_COLOURS = {"you": "1;36", "alexa": "1;32", "dim": "2", "warn": "33"}


def main(argv: list[str]) -> int:
    """Run chat, say or nlu-eval (argv[0] names which)."""
    command, args = argv[0], argv[1:]
    if command == "nlu-eval":
        return _nlu_eval(args)
    ns = _parser(command).parse_args(args)
    try:
        get_content()  # a broken content file is one line naming it, before anything is said
        sim = Simulator(locale=ns.locale, user_id=ns.user, device=ns.device, store=ns.store,
                        consent=ns.consent)
        sim.now = sim.now + timedelta(days=ns.days_later)
        sim.model  # noqa: B018  # fail now, clearly, if the locale has no model
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    out = Printer(sys.stdout, explain=ns.explain, as_json=ns.json)
    if command == "say":
        return _say(sim, ns.utterances, out)
    return _chat(sim, out, input, echo=not sys.stdin.isatty())


def _parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"python -m skill {command}")
    if command == "say":
        parser.add_argument("utterances", nargs="+", help="what the user says, one turn each")
    parser.add_argument("--locale", default="en-US", help="en-US, en-GB, en-CA, en-AU or en-IN")
    parser.add_argument("--user", default=None, help="a name for the simulated Alexa user")
    parser.add_argument("--device", choices=("screen", "voice"), default="screen")
    parser.add_argument("--explain", action="store_true",
                        help="show what the NLU understood and what the reader found")
    parser.add_argument("--json", action="store_true", help="show request/response envelopes")
    parser.add_argument("--consent", choices=("accept", "deny", "ignore"), default="accept",
                        help="how you answer Alexa's permission prompts (timers, reminders)")
    parser.add_argument("--days-later", type=int, default=0, metavar="N",
                        help="start the clock N days from now, to try memory across days")
    parser.add_argument("--store", default=None,
                        help="the skill's memory database (default: the skill's own setting)")
    return parser


def _say(sim: Simulator, utterances: list[str], out: Printer) -> int:
    """One turn per argument, in order."""
    for text in utterances:
        out.you(text)
        out.turn(perform(sim, text))
    return 0


def _chat(
    sim: Simulator, out: Printer, read: Callable[[str], str], echo: bool = False
) -> int:
    """The interactive loop: a line in, Alexa's answer out, until quit or EOF."""
    history = _load_history()
    out.note(HINT)
    try:
        while True:
            try:
                line = read(out.prompt()).strip()
            except (EOFError, KeyboardInterrupt):
                out.write("")
                return 0
            if echo:  # piped input: show what was read, so the transcript reads like a chat
                out.write(line)
            if line.lower() in ("quit", "/quit"):
                return 0
            if line:
                _chat_line(sim, line, out)
    finally:
        _save_history(history)


def _chat_line(sim: Simulator, line: str, out: Printer) -> None:
    """One typed line: a /command or something said to Alexa."""
    try:
        if line.startswith("/clock"):
            sim.now = sim.now + parse_offset(line.removeprefix("/clock"))
            out.note(f"clock: {sim.now.isoformat(timespec='minutes')}")
        elif line == "/end":
            out.turn(perform(sim, "SessionEndedRequest"))
        else:
            out.turn(perform(sim, line))
    except ValueError as error:
        out.note(f"error: {error}", "warn")


def _load_history() -> tuple[Any, Path] | None:
    """Readline history from ~/.hip_helper_history; any failure just means no history."""
    try:
        import readline

        path = Path.home() / HISTORY
        if path.exists():
            readline.read_history_file(path)
        return readline, path
    except (ImportError, OSError, RuntimeError):
        return None


def _save_history(history: tuple[Any, Path] | None) -> None:
    if history is None:
        return
    readline, path = history
    try:
        readline.write_history_file(path)
    except OSError:
        return


def _nlu_eval(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m skill nlu-eval")
    parser.add_argument("--locale", action="append", help="only these locales (repeatable)")
    parser.add_argument("--models", type=Path, default=MODEL_DIR)
    parser.add_argument("--paraphrases", type=Path, default=PARAPHRASES)
    ns = parser.parse_args(args)
    report = evaluate(ns.models, ns.paraphrases, ns.locale)
    print(format_report(report))
    return 0 if report.ok else 1


def reading_lines(found: dict[str, Any]) -> list[str]:
    """What the skill's reader found in the words, and why, for --explain."""
    signs = "; ".join(
        f"{s['id']} ({s['level']}, {s['status']}" + (f" by {s['cue']!r}" if s["cue"] else "")
        + f", {s['phrase']!r})"
        for s in found["signs"]
    ) or "none"
    features = "; ".join(f"{g}: {', '.join(ids)}" for g, ids in found["features"].items())
    lines = [f"  Reader: read as {found['read_as']}; raised {', '.join(found['flags']) or 'none'}",
             f"    signs: {signs}"]
    if features:
        lines.append(f"    features: {features}")
    extras = [f"{key}={found[key]}" for key in
              ("answer", "particle", "condition", "topic", "action", "command", "started",
               "duration") if found.get(key)]
    extras += [name for name in ("helper", "child", "replaced") if found.get(name)]
    if extras:
        lines.append(f"    {' '.join(extras)}")
    return lines


def explain_line(explain: dict[str, Any]) -> str:
    """The NLU's reasoning in one line: intent, score, sample, slots, runner-up."""
    slots = ", ".join(
        f"{name}={info['value']!r}->{_resolved(info['resolution'])}"
        for name, info in explain["slots"].items()
    )
    runner = explain.get("runner_up")
    rest = f"; runner-up {runner['intent']} {runner['score']:.2f}" if runner else ""
    return (f"  NLU: {explain['intent']} {explain['score']:.2f} (threshold "
            f"{explain['threshold']:.2f}) via {explain['sample']!r}"
            + (f"; {slots}" if slots else "") + rest)


def _resolved(resolution: dict[str, Any]) -> str:
    values = resolution.get("values")
    return str(values[0]["id"]) if values else str(resolution["status"])


class Printer:
    """Turns on a terminal: labels, optional colour, explanations and envelopes on request."""

    def __init__(self, stream: TextIO, explain: bool = False, as_json: bool = False) -> None:
        self.stream, self.explain, self.as_json = stream, explain, as_json
        self.colour = stream.isatty() and not os.environ.get("NO_COLOR")

    def paint(self, text: str, role: str) -> str:
        """Colour only for a terminal that wants it."""
        return f"\033[{_COLOURS[role]}m{text}\033[0m" if self.colour else text

    def write(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def prompt(self) -> str:
        """The chat prompt (readline draws it)."""
        return self.paint("You: ", "you")

    def you(self, text: str) -> None:
        self.write(self.paint("You: ", "you") + text)

    def note(self, text: str, role: str = "dim") -> None:
        self.write(self.paint(text, role))

    def turn(self, turn: Turn) -> None:
        """Everything worth seeing about one exchange (and the permission prompt before it)."""
        if turn.before is not None:
            self.turn(turn.before)
            self.note(f"  [Alexa asks for permission: {turn.permission}]")
        if self.as_json:
            self.write(json.dumps({"request": turn.request, "response": turn.response}, indent=2))
        if self.explain and turn.explain is not None:
            self.note(explain_line(turn.explain.to_dict()))
        slots = " ".join(f"{k}={v!r}" for k, v in turn.slots.items())
        self.note(f"  [{turn.intent}{' ' + slots if slots else ''}]")
        if self.explain and turn.reading is not None:
            for line in reading_lines(turn.reading):
                self.note(line)
        if turn.speech:
            self.write(self.paint("Alexa: ", "alexa") + turn.speech)
        if turn.reprompt:
            self.note(f"  (reprompt) {turn.reprompt}")
        if turn.card is not None:
            self.note(f"  [card] {turn.card.title}: {turn.card.text}")
        for directive in turn.directives:
            self.note(f"  [directive] {directive.get('type')}")
        for item in turn.scheduled:
            self.note(f"  [{item}]", "warn")
        if turn.end_session:
            self.note("  [session ended]")
