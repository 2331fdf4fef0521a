"""Reading conversation tests written in Bespoken's unit-test YAML, plus named extensions.

Every key Bespoken knows means here what it means in `bst test` (docs/conversation-tests.md):

    ---
    configuration:          # the file's first document, for every test in the file
      locale: en-US         # Bespoken's keys: locale, userId, applicationId, ...
      now: 2026-11-27T10:00:00Z   # extensions (Bespoken ignores them): user, device, now,
                                  # clock, permissions, skillId
    ---
    - test: outer hip pain leads to safety questions     # one test per document
    - tags: simulator-only                               # optional, Bespoken's tags
    - LaunchRequest: "*"                      # value: expected prompt, matched against SSML
    - my outer hip hurts when I lie on it:
        - prompt: trochanteric                # assertions: prompt, reprompt, cardTitle, ...
        - sessionAttributes.condition: gtps
        - speech: greater trochanteric pain   # extension: the plain text a person hears
        - nlu.intent: DescribePainIntent      # extension: what the local NLU chose
    - should I use ice:
        - intent: CareIntent                  # INPUT (as in Bespoken): send this intent
        - topic: ice                          #   with these slots
        - request.request.locale: en-GB       # INPUT: set a field of the request sent
    - clock: +2d                              # extension: move the clock (simulator-only)

Step keys: an utterance, `LaunchRequest`, `SessionEndedRequest`, or `IntentName slot=value`.
Only `true`/`false` are booleans, so `- no: fever` is the utterance "no".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Bespoken's own assertion names and the response paths it reads (the response envelope).
BESPOKEN_ASSERTIONS = frozenset({"prompt", "reprompt", "cardTitle", "cardContent",
                                 "cardImageURL", "sessionEnded"})
BESPOKEN_PREFIXES = ("sessionAttributes.", "response.", "$", "version")
# This project's assertions, named so that Bespoken never reads them as its own: bst is told to
# ignore them (`python -m skill bespoken-config` lists every one used in ignoreProperties).
EXTENSION_ASSERTIONS = frozenset({"speech", "repromptSpeech", "nlu.intent"})
EXTENSION_PREFIXES = ("nlu.slots.", "sent.")
CONFIG_KEYS = frozenset({"locale", "user", "userId", "device", "now", "clock", "skillId",
                         "applicationId", "permissions"})
IGNORED_CONFIG = frozenset({"description", "dynamo", "handler", "interactionModel", "trace",
                            "filter", "silent", "skillURL", "ignoreProperties", "include",
                            "exclude", "findReplace"})
_DOT_FOR_APOSTROPHE = re.compile(r"[A-Za-z]\.(s|ve|re|ll|t|d|m)\b")  # Here.s, you.ve
SIMULATOR_ONLY = "simulator-only"  # the tag of tests using steps Bespoken cannot play
_OLD_KEYS = {"intent": "nlu.intent", "slots.": "nlu.slots.", "request.": "sent."}


def is_extension(target: str) -> bool:
    """Whether an assertion key is this project's (and so one Bespoken must ignore)."""
    return target in EXTENSION_ASSERTIONS or target.startswith(EXTENSION_PREFIXES)


class DialogSyntaxError(ValueError):
    """A dialog file that cannot be read; the message names file and line."""


class _Located(dict[str, Any]):
    """A YAML mapping that remembers its line, for failure messages."""

    line = 0


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans (only true/false) so `- no:` and `- yes:` stay utterances."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Any:
    data = _Located()
    data.line = node.start_mark.line + 1
    yield data
    data.update({_key(k): v for k, v in loader.construct_mapping(node).items()})


def _key(key: Any) -> str:
    """Keys as text: a step named `15` or `true` is still something said."""
    if isinstance(key, bool):
        return str(key).lower()
    return "" if key is None else str(key)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


@dataclass(frozen=True)
class Assertion:
    """One expectation about a turn: what to look at and what it should be."""

    target: str
    expected: Any
    line: int = 0


@dataclass(frozen=True)
class Step:
    """One thing said or done: its inputs, and what must hold afterwards."""

    key: str
    assertions: tuple[Assertion, ...]
    line: int
    index: int
    clock: str | None = None  # a `clock:` step moves time instead of speaking
    intent: str | None = None  # Bespoken's `intent:` input: send this intent, not the words
    slots: tuple[tuple[str, str], ...] = ()  # with these slot values
    request_sets: tuple[tuple[str, Any], ...] = ()  # Bespoken's `request.<path>: value`


@dataclass
class DialogTest:
    """One conversation from a dialog file."""

    name: str
    file: Path
    line: int
    config: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    tags: tuple[str, ...] = ()


def load_dialogs(path: Path) -> list[DialogTest]:
    """Every test in a dialog file, each with the file's configuration."""
    try:
        documents = list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=_Loader))
    except yaml.YAMLError as error:
        raise DialogSyntaxError(f"{path}: not valid YAML: {error}") from error
    documents = [d for d in documents if d is not None]
    config: dict[str, Any] = {}
    if documents and isinstance(documents[0], dict) and set(documents[0]) == {"configuration"}:
        config = _config(path, documents[0]["configuration"], documents[0])
        documents = documents[1:]
    tests: list[DialogTest] = []
    for document in documents:
        if isinstance(document, dict) and "configuration" in document:
            raise DialogSyntaxError(
                f"{path}:{_line(document)}: Bespoken reads one configuration, the file's first "
                "document: put tests with another configuration in a file of their own")
        if not isinstance(document, list):
            raise DialogSyntaxError(f"{path}:{_line(document)}: expected `configuration:` "
                                    "or a list of `- test:` and steps")
        tests.append(_test(path, document, config))
    return _unique_names(tests)


def _test(path: Path, items: list[Any], config: dict[str, Any]) -> DialogTest:
    """One document: `- test:` (and optionally `- tags:`) first, then its steps."""
    head = items[0] if items else None
    if not (isinstance(head, dict) and len(head) == 1 and "test" in head):
        raise DialogSyntaxError(f"{path}:{_line(head)}: a test document starts `- test: name`")
    test = DialogTest(str(head["test"]), path, _line(head), dict(config))
    steps = items[1:]
    if steps and isinstance(steps[0], dict) and set(steps[0]) == {"tags"}:
        test.tags = tuple(t.strip() for t in str(steps[0]["tags"]).split(",") if t.strip())
        steps = steps[1:]
    for item in steps:
        if isinstance(item, dict) and len(item) == 1 and set(item) & {"test", "configuration"}:
            raise DialogSyntaxError(
                f"{path}:{_line(item)}: Bespoken reads `- {next(iter(item))}:` here as something "
                "said: start each test with its own `---` document; one configuration per file")
        test.steps.append(_step(path, item, len(test.steps) + 1))
    if any(step.clock is not None for step in test.steps) and SIMULATOR_ONLY not in test.tags:
        raise DialogSyntaxError(f"{path}:{test.line}: test {test.name!r} moves the clock, which "
                                f"Bespoken cannot: tag it `- tags: {SIMULATOR_ONLY}`")
    return test


def _step(path: Path, item: Any, index: int) -> Step:
    """A `- key: value` item as a Step."""
    if isinstance(item, str):
        return Step(item, (), _line(item), index)
    if not isinstance(item, dict) or len(item) != 1:
        raise DialogSyntaxError(f"{path}:{_line(item)}: a step is one `- utterance: expected`")
    key, value = next(iter(item.items()))
    line = _line(item)
    if key == "clock":
        return Step(key, (), line, index, clock=str(value))
    if isinstance(value, dict):
        raise DialogSyntaxError(
            f"{path}:{line}: write step {key!r}'s checks as a list (`- prompt: …`): Bespoken "
            "reads a mapping here as the expected prompt")
    if not isinstance(value, list):
        blank = value is None or value == ""
        return Step(key, () if blank else (Assertion("prompt", value, line),), line, index)
    step = Step(key, (), line, index)
    for element in value:
        step = _element(path, step, element, line)
    return step


def _element(path: Path, step: Step, element: Any, line: int) -> Step:
    """One `- key: value` under a step: an input (intent, slots, request.*) or an assertion."""
    where = f"{path}:{_line(element) or line}"
    if not isinstance(element, dict) or not element:
        raise DialogSyntaxError(f"{where}: under a step, write `- prompt: {element}` "
                                "(Bespoken refuses a bare value here)")
    first = next(iter(element))
    if "intent" in element:  # Bespoken: the intent to send; every other key is a slot
        slots = tuple((k, str(v)) for k, v in element.items() if k != "intent")
        return _with(step, intent=str(element["intent"]), slots=step.slots + slots)
    if first == "slots":
        given = element["slots"] if isinstance(element["slots"], dict) else {}
        return _with(step, slots=step.slots + tuple((k, str(v)) for k, v in given.items()))
    if first.startswith(("request", "set ")):  # Bespoken: sets a field of the request
        return _with(step, request_sets=(*step.request_sets, (first, element[first])))
    if len(element) > 1:
        raise DialogSyntaxError(f"{where}: one check per `- key: value`: Bespoken reads only "
                                f"the first of {sorted(element)}")
    _check_target(where, first)
    _check_not_vacuous(where, first, element[first])
    assertion = Assertion(first, element[first], _line(element) or line)
    return _with(step, assertions=(*step.assertions, assertion))


def _with(step: Step, **changes: Any) -> Step:
    values = {**step.__dict__, **changes}
    return Step(**values)


def _check_target(where: str, target: str) -> None:
    """An assertion key Bespoken reads the same way, or one of this project's extensions."""
    if target in BESPOKEN_ASSERTIONS or target.startswith(BESPOKEN_PREFIXES):
        return
    if is_extension(target):
        return
    old = next((new for old, new in _OLD_KEYS.items() if target.startswith(old)), None)
    hint = f" (the old assertion is now `{old}…`)" if old else ""
    raise DialogSyntaxError(f"{where}: unknown assertion {target!r}{hint}; Bespoken would read "
                            "it as a path into the response")


def _check_not_vacuous(where: str, target: str, expected: Any) -> None:
    """A `prompt` that must NOT say something with an apostrophe would always pass.

    The SSML writes ' as &apos;, so the words can never be found there: use `speech`.
    """
    texts = expected if isinstance(expected, list) else [expected]
    for text in texts:
        if target in ("prompt", "reprompt") and isinstance(text, str) and "(?!" in text \
                and (any(c in text for c in "'\"&<>") or _DOT_FOR_APOSTROPHE.search(text)):
            raise DialogSyntaxError(f"{where}: {target} is the SSML, where ' is &apos;: this "
                                    "negative check could never fail; use speech instead")


def _config(path: Path, raw: Any, where: Any) -> dict[str, Any]:
    """Check a configuration mapping's keys."""
    if not isinstance(raw, dict):
        raise DialogSyntaxError(f"{path}:{_line(where)}: configuration must be a mapping")
    unknown = set(raw) - CONFIG_KEYS - IGNORED_CONFIG
    if unknown:
        raise DialogSyntaxError(f"{path}:{_line(raw)}: unknown configuration {sorted(unknown)}; "
                                f"known: {sorted(CONFIG_KEYS)}")
    return {k: v for k, v in raw.items() if k in CONFIG_KEYS}


def _line(item: Any) -> int:
    return getattr(item, "line", 0)


def _unique_names(tests: list[DialogTest]) -> list[DialogTest]:
    """Number repeated test names so each has its own test id, as Bespoken does."""
    seen: dict[str, int] = {}
    for test in tests:
        seen[test.name] = seen.get(test.name, 0) + 1
        if seen[test.name] > 1:
            test.name = f"{test.name} ({seen[test.name]})"
    return tests
