"""`python -m skill check`: content, every locale's model and the handlers agree with each other."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from skill.content import CONTENT_DIR, Content, ContentError, load_content
from skill.core import intents
from skill.core.triage import SAFE_STATEMENTS
from skill.tools.reader_check import reader_problems

MODEL_DIR = CONTENT_DIR.parent / "interaction_model"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
# Slot types whose value ids must equal a list in content, by where that list lives.
_ID_TYPES = {"RedFlag": "red_flags", "HipCondition": "conditions"}


def handled_intents() -> frozenset[str]:
    """Every intent and request type some handler of the skill takes by name."""
    from skill.alexa.assembly import FEATURES
    from skill.alexa.handlers.common import DialogHandler

    names: set[str] = set()
    for feature in FEATURES:
        for handler in feature.HANDLERS:
            if isinstance(handler, DialogHandler):
                names.update(handler.names)
    return frozenset(names)


def load_model(locale: str, directory: Path = MODEL_DIR) -> Mapping[str, Any]:
    """One locale's languageModel, or a ContentError naming the file."""
    path = directory / f"{locale}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["interactionModel"]["languageModel"]  # type: ignore[no-any-return]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ContentError(f"interaction_model/{locale}.json: unreadable model: {exc}") from exc


def type_ids(model: Mapping[str, Any]) -> dict[str, set[str]]:
    """Custom slot type name -> the value ids it declares."""
    return {t["name"]: {v["id"] for v in t.get("values", [])} for t in model.get("types", [])}


def model_problems(locale: str, model: Mapping[str, Any], content: Content) -> Iterator[str]:
    """Every disagreement between one locale's model, the content and the handlers."""
    where = f"interaction_model/{locale}.json"
    ids = type_ids(model)
    expected: dict[str, set[str]] = {
        g.slot_type: set(g.labels) for g in content.features.values()
    }
    expected.update({t: set(getattr(content, attr)) for t, attr in _ID_TYPES.items()})
    expected["SafetyAnswer"] = set().union(*SAFE_STATEMENTS.values())
    expected["RedFlag"] = {fid for fid, flag in content.red_flags.items() if flag.said}
    for type_name, want in expected.items():
        have = ids.get(type_name)
        if have is None:
            yield f"{where}: types: {type_name} is missing"
        elif have != want:
            extra, missing = sorted(have - want), sorted(want - have)
            yield f"{where}: types.{type_name}: ids differ (extra {extra}, missing {missing})"
    handled = handled_intents()
    vocab = content.vocabulary(locale)
    leads = dict(vocab.leads) if vocab is not None else {}
    for intent in model.get("intents", []):
        name = intent["name"]
        if intents.is_lead(name):
            lead = leads.pop(name, None)
            if lead is None:
                yield f"{where}: intents: {name} is not in content/reader/commands.yaml leads"
            elif intent.get("samples") != [f"{lead} {{speech}}"]:
                yield f"{where}: intents.{name}: samples must be ['{lead} {{speech}}']"
        elif name not in handled:
            yield f"{where}: intents: {name} has no handler in skill/alexa/handlers"
    for name in leads:
        yield f"{where}: intents: {name} (content/reader/commands.yaml leads) is missing"
    if model.get("invocationName") != "hip helper":
        yield f"{where}: invocationName must be 'hip helper'"


def problems(directory: Path = MODEL_DIR) -> list[str]:
    """All problems with content and models; empty when the skill can be built and deployed."""
    try:
        content = load_content()
    except ContentError as exc:
        return [str(exc)]
    found: list[str] = []
    for locale in LOCALES:
        if locale not in content.locales:
            found.append(f"content/locales.yaml: {locale}: is missing")
        try:
            model = load_model(locale, directory)
        except ContentError as exc:
            found.append(str(exc))
            continue
        found.extend(model_problems(locale, model, content))
        found.extend(reader_problems(locale, model, content))
    return found


def main(argv: list[str]) -> int:
    """Print every problem, naming the file and field; exit 1 if there are any."""
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        return 1
    print(f"content and the {len(LOCALES)} interaction models agree")
    return 0
