#!/usr/bin/env python3
"""Build interaction_model/<locale>.json and skill.json from interaction_model/source/*.yaml.

One base model plus a small overlay per locale, so the five English models cannot drift apart
and a reviewer reads only what differs ("bum", "GP", "nurofen").

    python scripts/build_models.py                  write the JSON next to the source
    python scripts/build_models.py --check          exit 1 if a committed file is out of date
    python scripts/build_models.py --package DIR    also write an ASK CLI skill-package in DIR
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "interaction_model"
SOURCE_DIR = MODEL_DIR / "source"
FEATURES = ROOT / "content" / "features.yaml"
LOCALE_WORDS = ROOT / "content" / "locales.yaml"
LEADS = ROOT / "content" / "reader" / "commands.yaml"
LEAD_AFTER = "FreeSpeechIntent"  # the lead intents follow it, in the order the content lists them
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
PUBLISHING_KEYS = {
    "name": "name",
    "summary": "summary",
    "description": "description",
    "example_phrases": "examplePhrases",
    "keywords": "keywords",
}


class BuildError(ValueError):
    """A source file is wrong; the message names the file and the field."""


def load_yaml(path: Path) -> dict[str, Any]:
    """Read one source file, which must hold a mapping."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise BuildError(f"{path.name}: expected a mapping at the top")
    return data


def _patch(items: list[str], patch: dict[str, Any], where: str) -> list[str]:
    """Apply an overlay's `add` and `remove` lists, refusing no-ops so typos surface."""
    unknown = set(patch) - {"add", "remove"}
    if unknown:
        raise BuildError(f"{where}: unknown keys {sorted(unknown)} (use add, remove)")
    result = list(items)
    for item in patch.get("remove") or []:
        if item not in result:
            raise BuildError(f"{where}: cannot remove {item!r}, it is not in the base")
        result.remove(item)
    for item in patch.get("add") or []:
        if item in result:
            raise BuildError(f"{where}: {item!r} is already in the base")
        result.append(item)
    return result


def apply_overlay(base: dict[str, Any], overlay: dict[str, Any], locale: str) -> dict[str, Any]:
    """Base plus one locale's additions and removals; the same intents, slots and ids."""
    merged = copy.deepcopy(base)
    where = f"{locale}.yaml"
    unknown = set(overlay) - {"publishing", "intents", "types"}
    if unknown:
        raise BuildError(f"{where}: unknown keys {sorted(unknown)}")
    merged["publishing"].update(overlay.get("publishing") or {})
    for name, patch in (overlay.get("intents") or {}).items():
        intent = merged["intents"].get(name)
        if intent is None:
            raise BuildError(f"{where}: intents.{name} is not in base.yaml")
        intent["samples"] = _patch(intent.get("samples") or [], patch, f"{where}: intents.{name}")
    for type_name, values in (overlay.get("types") or {}).items():
        for value_id, patch in values.items():
            entry = merged["types"].get(type_name, {}).get(value_id)
            if entry is None:
                raise BuildError(f"{where}: types.{type_name}.{value_id} is not in base.yaml")
            entry["synonyms"] = _patch(
                entry.get("synonyms") or [], patch, f"{where}: types.{type_name}.{value_id}"
            )
    return merged


def add_leads(base: dict[str, Any], leads: dict[str, Any]) -> None:
    """One free-speech intent per one-shot opening, `<lead> {speech}`: the intent's name tells
    the skill which words Alexa left out of the slot (content/reader/commands.yaml `leads`)."""
    speech = base["intents"][LEAD_AFTER]["slots"]
    intents: dict[str, Any] = {}
    for name, spec in base["intents"].items():
        intents[name] = spec
        if name != LEAD_AFTER:
            continue
        for lead_name, lead in leads.items():
            if lead_name in base["intents"] or not str(lead).strip():
                raise BuildError(f"commands.yaml: leads.{lead_name} clashes or is empty")
            intents[lead_name] = {"slots": dict(speech), "samples": [f"{lead} {{speech}}"]}
    base["intents"] = intents


def check_feature_ids(base: dict[str, Any], features: dict[str, Any]) -> None:
    """The feature slot types must carry exactly content/features.yaml's ids."""
    for group, spec in features.items():
        type_name = spec["slot_type"]
        wanted = set(spec["values"])
        have = set(base["types"].get(type_name, {}))
        if wanted != have:
            raise BuildError(
                f"base.yaml: types.{type_name} ids differ from features.yaml {group}: "
                f"missing {sorted(wanted - have)}, extra {sorted(have - wanted)}"
            )


def language_model(source: dict[str, Any]) -> dict[str, Any]:
    """One locale's model in the ASK CLI / developer console JSON shape."""
    intents = []
    for name, spec in source["intents"].items():
        spec = spec or {}
        intent: dict[str, Any] = {"name": name}
        slots = spec.get("slots") or {}
        elicit = spec.get("elicit") or {}
        if slots:
            intent["slots"] = [
                {"name": slot, "type": kind,
                 **({"samples": list(elicit[slot]["samples"])} if slot in elicit else {})}
                for slot, kind in slots.items()
            ]
        intent["samples"] = list(spec.get("samples") or [])
        intents.append(intent)
    types = [
        {"name": type_name, "values": [_slot_value(i, v) for i, v in values.items()]}
        for type_name, values in source["types"].items()
    ]
    model: dict[str, Any] = {
        "languageModel": {
            "invocationName": source["invocation_name"],
            "modelConfiguration": {
                "fallbackIntentSensitivity": {"level": source["fallback_sensitivity"]}
            },
            "intents": intents,
            "types": types,
        }
    }
    dialog, prompts = _dialog_model(source)
    if dialog:
        model["dialog"] = {"intents": dialog, "delegationStrategy": "SKILL_RESPONSE"}
        model["prompts"] = prompts
    return {"interactionModel": model}


def _dialog_model(source: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """The dialog model for slots the skill elicits itself: their prompt and that it is needed.

    The skill sends Dialog.ElicitSlot with its own speech; the prompt here is what Alexa would
    say if it ever prompted on its own.
    """
    dialog, prompts = [], []
    for name, spec in source["intents"].items():
        elicit = (spec or {}).get("elicit") or {}
        if not elicit:
            continue
        slots = []
        for slot, kind in (spec.get("slots") or {}).items():
            if slot not in elicit:
                continue
            prompt_id = f"Elicit.Slot.{name}.{slot}"
            slots.append({
                "name": slot, "type": kind, "elicitationRequired": True,
                "confirmationRequired": False, "prompts": {"elicitation": prompt_id},
            })
            prompts.append({"id": prompt_id, "variations": [
                {"type": "PlainText", "value": elicit[slot]["prompt"]}]})
        dialog.append({"name": name, "delegationStrategy": "SKILL_RESPONSE",
                       "confirmationRequired": False, "prompts": {}, "slots": slots})
    return dialog, prompts


def _slot_value(value_id: str, entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": value_id,
        "name": {"value": entry["value"], "synonyms": list(entry.get("synonyms") or [])},
    }


def skill_manifest(
    manifest: dict[str, Any],
    sources: dict[str, dict[str, Any]],
    words: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """skill.json: the shared manifest with each locale's store text filled in."""
    result = copy.deepcopy(manifest)
    publishing = result["manifest"]["publishingInformation"]
    publishing["locales"] = {
        locale: {
            key: _store_text(source["publishing"][field], words.get(locale, {}), locale)
            for field, key in PUBLISHING_KEYS.items()
        }
        for locale, source in sources.items()
    }
    publishing["distributionCountries"] = [locale.split("-")[1] for locale in sources]
    return result


def _store_text(value: Any, words: dict[str, Any], locale: str) -> Any:
    """Fill {doctor}-style words from content/locales.yaml; one newline between paragraphs."""
    if not isinstance(value, str):
        return list(value)
    for key, word in words.items():
        value = value.replace("{" + key + "}", str(word))
    if "{" in value:
        raise BuildError(f"{locale}: publishing text has an unfilled placeholder: {value!r}")
    return "\n".join(part for part in value.split("\n") if part.strip())


def build_sources(source_dir: Path = SOURCE_DIR) -> dict[str, dict[str, Any]]:
    """Every locale's merged source, keyed by locale."""
    base = load_yaml(source_dir / "base.yaml")
    check_feature_ids(base, load_yaml(FEATURES))
    add_leads(base, load_yaml(LEADS).get("leads") or {})
    return {
        locale: apply_overlay(base, load_yaml(source_dir / f"{locale}.yaml"), locale)
        for locale in LOCALES
    }


def render(data: dict[str, Any]) -> str:
    """Stable JSON text, so a rebuild without changes changes nothing."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def generate(model_dir: Path = MODEL_DIR) -> dict[Path, str]:
    """Every generated file's path and text."""
    sources = build_sources(model_dir / "source")
    files = {
        model_dir / f"{locale}.json": render(language_model(s)) for locale, s in sources.items()
    }
    manifest = load_yaml(model_dir / "source" / "manifest.yaml")
    words = load_yaml(LOCALE_WORDS)
    files[model_dir / "skill.json"] = render(skill_manifest(manifest, sources, words))
    return files


def package_files(files: dict[Path, str], package: Path) -> dict[Path, str]:
    """The same files in the ASK CLI skill-package layout that `ask deploy` uploads."""
    out = {}
    for path, text in files.items():
        if path.name == "skill.json":
            out[package / "skill.json"] = text
        else:
            out[package / "interactionModels" / "custom" / path.name] = text
    return out


def stale(files: dict[Path, str]) -> list[Path]:
    """Files whose committed text differs from what the source generates."""
    return [
        path
        for path, text in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def write(files: dict[Path, str]) -> Iterable[Path]:
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    parser.add_argument("--package", type=Path, help="also write an ASK CLI skill-package here")
    args = parser.parse_args(argv)
    try:
        files = generate()
    except (BuildError, KeyError, OSError, yaml.YAMLError) as error:
        print(f"build_models: {error}", file=sys.stderr)
        return 1
    if args.check:
        out_of_date = stale(files)
        for path in out_of_date:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        if out_of_date:
            print("run: python scripts/build_models.py", file=sys.stderr)
        return 1 if out_of_date else 0
    for path in write(files):
        print(f"wrote {path.relative_to(ROOT)}")
    if args.package:
        for path in write(package_files(files, args.package)):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
