"""Reading conversation tests written in (a subset of) Bespoken's unit-test YAML.

    ---
    configuration:          # applies to the tests after it in the file
      locale: en-US         # also: user (or userId), device (screen|voice), now, clock,
                            # permissions ({scope: GRANTED|DENIED})
    ---
    - test: outer hip pain leads to safety questions
    - LaunchRequest: "*"                      # value: expected prompt (string or alternatives)
    - my outer hip hurts when I lie on it:    # or a list/mapping of assertions
        - prompt: /trochanteric/i
        - sessionAttributes.condition: gtps
    - clock: +2d                              # extension: move the simulator's clock
    - RedFlagIntent flag=fever: "*"           # an exact intent with slots

Step keys: an utterance, `LaunchRequest`, `SessionEndedRequest`, or `IntentName slot=value`.
Assertions: prompt, reprompt, cardTitle, cardContent, sessionEnded, sessionAttributes.<key>,
intent (what the NLU chose), slots.<name>, JSONPath into the response envelope (`$.` or
`response.`, e.g. `response.card.type`), or into the request envelope after `request.`
(e.g. `request.session.new`, `request.request.intent.slots.flag.value`). Only `true`/`false`
are booleans, so `- no: fever` means the utterance "no".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ASSERTION_KEYS = frozenset({"prompt", "reprompt", "cardTitle", "cardContent", "cardText",
                            "sessionEnded", "intent"})
ASSERTION_PREFIXES = ("sessionAttributes.", "slots.", "$", "response.", "request.")
CONFIG_KEYS = frozenset({"locale", "user", "userId", "device", "now", "clock", "skillId",
                         "applicationId", "permissions"})
IGNORED_CONFIG = frozenset({"description", "dynamo", "handler", "interactionModel", "trace",
                            "filter", "silent", "locales"})


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


@dataclass(frozen=True)
class Step:
    """One thing said or done, and what must hold afterwards."""

    key: str
    assertions: tuple[Assertion, ...]
    line: int
    index: int
    clock: str | None = None  # a `clock:` step moves time instead of speaking


@dataclass
class DialogTest:
    """One conversation from a dialog file."""

    name: str
    file: Path
    line: int
    config: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)


def load_dialogs(path: Path) -> list[DialogTest]:
    """Every test in a dialog file, with the configuration in force where it appears."""
    try:
        documents = list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=_Loader))
    except yaml.YAMLError as error:
        raise DialogSyntaxError(f"{path}: not valid YAML: {error}") from error
    config: dict[str, Any] = {}
    tests: list[DialogTest] = []
    for document in documents:
        if document is None:
            continue
        if isinstance(document, dict) and set(document) == {"configuration"}:
            config = {**config, **_config(path, document["configuration"], document)}
        elif isinstance(document, list):
            tests += _tests(path, document, config)
        else:
            raise DialogSyntaxError(f"{path}:{_line(document)}: expected `configuration:` "
                                    "or a list of `- test:` and steps")
    return _unique_names(tests)


def _tests(path: Path, items: list[Any], config: dict[str, Any]) -> list[DialogTest]:
    """Split a document's items into tests at each `- test:`."""
    tests: list[DialogTest] = []
    for item in items:
        if isinstance(item, dict) and "test" in item and len(item) == 1:
            tests.append(DialogTest(str(item["test"]), path, _line(item), dict(config)))
            continue
        if not tests:
            raise DialogSyntaxError(f"{path}:{_line(item)}: steps before any `- test: name`")
        current = tests[-1]
        if isinstance(item, dict) and set(item) == {"configuration"}:
            current.config.update(_config(path, item["configuration"], item))
        else:
            current.steps.append(_step(path, item, len(current.steps) + 1))
    return tests


def _step(path: Path, item: Any, index: int) -> Step:
    """A `- key: value` item as a Step."""
    if isinstance(item, str):
        return Step(item, (), 0, index)
    if not isinstance(item, dict) or len(item) != 1:
        raise DialogSyntaxError(f"{path}:{_line(item)}: a step is one `- utterance: expected`")
    key, value = next(iter(item.items()))
    if key == "clock":
        return Step(key, (), _line(item), index, clock=str(value))
    return Step(key, tuple(_assertions(path, value, _line(item))), _line(item), index)


def _assertions(path: Path, value: Any, line: int) -> list[Assertion]:
    """A step's value: a prompt (string or alternatives) or a list/mapping of assertions."""
    if value is None or value == "":
        return []
    if not isinstance(value, (list, dict)):
        return [Assertion("prompt", value)]
    items = value if isinstance(value, list) else [{k: v} for k, v in value.items()]
    prompts = [v for v in items if not isinstance(v, dict)]
    out = [Assertion("prompt", prompts)] if prompts else []
    for mapping in (v for v in items if isinstance(v, dict)):
        for target, expected in mapping.items():
            if target not in ASSERTION_KEYS and not target.startswith(ASSERTION_PREFIXES):
                raise DialogSyntaxError(f"{path}:{_line(mapping) or line}: unknown assertion "
                                        f"{target!r}")
            out.append(Assertion(target, expected))
    return out


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
    """Number repeated test names so each has its own test id."""
    seen: dict[str, int] = {}
    for test in tests:
        seen[test.name] = seen.get(test.name, 0) + 1
        if seen[test.name] > 1:
            test.name = f"{test.name} ({seen[test.name]})"
    return tests
