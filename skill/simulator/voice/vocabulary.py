"""What the recogniser listens for: sentences from a locale's interaction model and content/.

The corpus is small on purpose: every sample once or twice with its slots filled (rotating
through the values), every slot value and synonym at least once, the built-in intents' phrases,
the invocations and the condition names. A language model trained on it hears the skill's words
("trochanteric", "I can't put weight on my leg") far better than a general one.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from skill.simulator.builtins import BUILTIN_SAMPLES

ROOT = Path(__file__).resolve().parents[3]
MODEL_DIR = ROOT / "interaction_model"
CONTENT_DIR = ROOT / "content"
VOICE_CONTENT = CONTENT_DIR / "voice.yaml"
# Vocabulary files: the condition names and aliases, and the reader's phrases.
VOCABULARY_GLOBS = ("conditions/*.yaml", "reader/*.yaml")
ANSWERS = "reader/answers.yaml"
COMMANDS = "reader/commands.yaml"
SPELLING = "spelling.yaml"
FILLS_PER_SAMPLE = 2
COMMAND_WEIGHT = 20
# How much likelier the answers are at a yes-or-no question: enough that "no" is not heard as a
# rarer word, not so much that a lone "off" said there is not heard at all (it was, at 10, once
# the content had grown: tests/simulator/voice/test_voice_loop.py).
ANSWER_WEIGHT = 8
_SLOT = re.compile(r"\{(\w+)\}")
_NOT_A_WORD = re.compile(r"[^a-z' ]+")
_CAPITALS = re.compile(r"[A-Z]{2,}")  # an abbreviation, said letter by letter
_MAX_PHRASE_WORDS = 8
# Keys of the reader's files that hold how a rule works, not words a person says; `leads` are
# one-shot openings, never said alone ("both" alone would outweigh "no"); sign ids, and the
# single words a rule looks for around a phrase ("when", "had"), are not said alone either.
_SETTINGS = frozenset({"category", "direction", "max_scope", "level", "id", "leads", "signs",
                       "healed_signs", "where_set", "not_after", "past", "not_past", "here"})


@dataclass(frozen=True)
class ConfirmSafe:
    """content/voice.yaml `confirm_safe`: the safety question whose safe answers are checked."""

    question: str = ""
    doubtful_words: frozenset[str] = frozenset()
    ask: str = ""
    warning: str = ""


@dataclass(frozen=True)
class VoiceContent:
    """content/voice.yaml: extra pronunciations, built-in slot phrases, invocation forms."""

    pronunciations: dict[str, str]
    builtin_slots: dict[str, tuple[str, ...]]
    invocations: tuple[str, ...]
    contractions: dict[str, str]
    yes_no_questions: frozenset[str]
    confirm_stop: dict[str, str]
    confirm_safe: ConfirmSafe = ConfirmSafe()


def load_voice_content(path: Path = VOICE_CONTENT) -> VoiceContent:
    """Read content/voice.yaml, naming the file and field of anything malformed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    prons = data.get("pronunciations") or {}
    slots = data.get("builtin_slots") or {}
    invocations = data.get("invocations") or []
    contractions = data.get("contractions") or {}
    questions = data.get("yes_no_questions") or []
    confirm = data.get("confirm_stop") or {}
    for name, value in (("contractions", contractions), ("confirm_stop", confirm)):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"{path}: {name}: expected key: text")
    if not isinstance(questions, list):
        raise ValueError(f"{path}: yes_no_questions: expected a list")
    if not isinstance(prons, dict) or not all(isinstance(v, str) for v in prons.values()):
        raise ValueError(f"{path}: pronunciations: expected word: PHONES")
    if not isinstance(slots, dict) or not all(isinstance(v, list) for v in slots.values()):
        raise ValueError(f"{path}: builtin_slots: expected a list of phrases per slot type")
    if not isinstance(invocations, list):
        raise ValueError(f"{path}: invocations: expected a list")
    return VoiceContent(
        pronunciations={str(k).lower(): " ".join(v.split()) for k, v in prons.items()},
        builtin_slots={str(k): tuple(str(p) for p in v) for k, v in slots.items()},
        invocations=tuple(str(i) for i in invocations),
        contractions={str(k): str(v) for k, v in contractions.items()},
        yes_no_questions=frozenset(str(q) for q in questions),
        confirm_stop={str(k): " ".join(str(v).split()) for k, v in confirm.items()},
        confirm_safe=_confirm_safe(path, data.get("confirm_safe")),
    )


def _confirm_safe(path: Path, data: Any) -> ConfirmSafe:
    """The check before a safe answer heard with a word a "not" may hide, or none."""
    if data is None:
        return ConfirmSafe()
    fields = ("question", "ask", "warning")
    if (not isinstance(data, dict) or not all(isinstance(data.get(f), str) for f in fields)
            or not isinstance(data.get("doubtful_words"), list)):
        raise ValueError(f"{path}: confirm_safe: expected question, doubtful_words (a list), "
                         "ask and warning")
    return ConfirmSafe(
        question=data["question"], ask=" ".join(data["ask"].split()),
        doubtful_words=frozenset(str(w).lower() for w in data["doubtful_words"]),
        warning=" ".join(data["warning"].split()),
    )


def spoken(text: str) -> str:
    """Text as a recogniser would put it: lower case words, "R. I. C. E." and "GTPS" as letters."""
    text = _CAPITALS.sub(lambda m: " " + " ".join(m.group(0)) + " ", text).lower()
    text = text.replace("\u2019", "'").replace("-", " ").replace(".", " ")
    return " ".join(_NOT_A_WORD.sub(" ", text).split())


def corpus(locale: str, model_dir: Path = MODEL_DIR, content_dir: Path = CONTENT_DIR) -> list[str]:
    """Every sentence the locale's language model is trained on, in a stable order."""
    raw = json.loads((model_dir / f"{locale}.json").read_text(encoding="utf-8"))
    language = raw["interactionModel"]["languageModel"]
    voice = load_voice_content(content_dir / "voice.yaml")
    phrases = _type_phrases(language.get("types", []), voice.builtin_slots)
    invocation = spoken(language.get("invocationName", ""))
    lines = [invocation, *(spoken(form.format(invocation=invocation))
                           for form in voice.invocations)]
    for intent in language["intents"]:
        lines.extend(_intent_lines(intent, phrases))
    for values in phrases.values():
        lines.extend(values)
    lines.extend(_content_phrases(content_dir))
    # The commands the reader knows said on their own ("stop", "help", "hip helper") are far
    # likelier than one line each makes them: repeat them so a short word is not heard as a
    # longer one. Alexa's rarer ones ("off", "shut up") stay once, so they win only when said.
    commands = [spoken(p) for p in _commands(content_dir)]
    return _unique(line for line in lines if line) + [*commands, invocation] * COMMAND_WEIGHT


def answer_corpus(
    locale: str, model_dir: Path = MODEL_DIR, content_dir: Path = CONTENT_DIR
) -> list[str]:
    """The corpus for a yes-or-no question: everything, and the answers far likelier.

    A warning sign or a command must still be heard at a question, so nothing is taken out;
    "yes", "no", "not sure" and the safe statements ("I can walk") are repeated.
    """
    voice = load_voice_content(content_dir / "voice.yaml")
    data = _optional_yaml(content_dir / ANSWERS)
    said = [*_strings(data.get("yes")), *_strings(data.get("no")), *_strings(data.get("unsure")),
            *_strings(data.get("safe"))]
    answers = _unique(spoken(_expand(text, {}, 0)) for text in said)
    answers += [_contract(line, voice.contractions) for line in answers]
    return corpus(locale, model_dir, content_dir) + _unique(answers) * ANSWER_WEIGHT


def _commands(content_dir: Path) -> list[str]:
    """The phrases the reader takes as a command when said alone (content/reader/commands.yaml)."""
    return _strings(_optional_yaml(content_dir / COMMANDS).get("commands"))


def _optional_yaml(path: Path) -> dict[str, Any]:
    """A vocabulary file's data, or nothing when a content tree has no such file."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _contract(line: str, contractions: dict[str, str]) -> str:
    """A phrase as people say it: "i can not walk" -> "i can't walk"."""
    said = f" {line} "
    for full, short in contractions.items():
        said = said.replace(f" {full} ", f" {short} ")
    return " ".join(said.split())


def _type_phrases(
    types: list[dict[str, Any]], builtins: dict[str, tuple[str, ...]]
) -> dict[str, list[str]]:
    """Slot type -> every way of saying one of its values (names and synonyms)."""
    out = {name: [spoken(p) for p in values] for name, values in builtins.items()}
    for slot_type in types:
        said: list[str] = []
        for value in slot_type.get("values", []):
            name = value.get("name", {})
            said.extend(spoken(s) for s in [name.get("value", ""), *name.get("synonyms", [])])
        out[slot_type["name"]] = _unique(said)
    return out


def _intent_lines(intent: dict[str, Any], phrases: dict[str, list[str]]) -> list[str]:
    """An intent's samples with slots filled, so each value is said in at least one sample."""
    slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
    samples = list(intent.get("samples", [])) or list(BUILTIN_SAMPLES.get(intent["name"], ()))
    lines: list[str] = []
    users: dict[str, list[str]] = {}
    for index, sample in enumerate(samples):
        names = _SLOT.findall(sample)
        if any(slot_types.get(name) == "AMAZON.SearchQuery" for name in names):
            continue  # free speech: "I {speech}" alone would make "I" a likely whole utterance
        for name in names:
            users.setdefault(slot_types.get(name, ""), []).append(sample)
        for turn in range(FILLS_PER_SAMPLE if names else 1):
            lines.append(_fill(sample, slot_types, phrases, index + turn * 7))
    for slot_type, using in users.items():  # every value of every type, in some sample
        for index, value in enumerate(phrases.get(slot_type, [])):
            sample = using[index % len(using)]
            lines.append(_fill(sample, slot_types, phrases, index, {slot_type: value}))
    return lines


def _fill(
    sample: str, slot_types: dict[str, str], phrases: dict[str, list[str]], index: int,
    fixed: dict[str, str] | None = None,
) -> str:
    """One sample with each {slot} replaced by a value, chosen by rotating through the values."""
    def value(match: re.Match[str]) -> str:
        slot_type = slot_types.get(match.group(1), "")
        if fixed and slot_type in fixed:
            return fixed[slot_type]
        values = phrases.get(slot_type) or [""]
        return values[index % len(values)]

    return spoken(_SLOT.sub(value, sample))


def _content_phrases(content_dir: Path) -> list[str]:
    """Short phrases in the content's vocabulary: condition names and aliases, the reader's words.

    The reader's phrase syntax is expanded as a person would say it: `{set}` becomes one of the
    set's alternatives, `a|b` one of the words (two ways for each phrase, chosen from its own
    text), and `...` (or `..2`) nothing.
    """
    texts: list[str] = []
    sets: dict[str, list[str]] = {}
    for pattern in VOCABULARY_GLOBS:
        for path in sorted(content_dir.glob(pattern)):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if path.name == SPELLING:
                continue  # how words are written out, not phrases anyone says
            if path.parent.name == "conditions":
                data = {"name": data.get("name"), "aliases": data.get("aliases")}
            if isinstance(data.get("sets"), dict):
                sets.update({str(k): _strings(v) for k, v in data["sets"].items()})
            texts.extend(_strings(data))
    out: list[str] = []
    for text in texts:
        if len(text.split()) <= _MAX_PHRASE_WORDS:
            # which alternative is said comes from the phrase itself, so a phrase added
            # elsewhere in the content never changes how this one is said
            start = zlib.crc32(text.encode("utf-8"))
            out.extend(spoken(_expand(text, sets, start + turn)) for turn in range(2))
    return out


def _expand(text: str, sets: dict[str, list[str]], index: int) -> str:
    """One way of saying a reader phrase."""
    words = []
    for token in text.split():
        if token.startswith(".."):
            continue
        if token.startswith("{") and token.endswith("}"):
            options = sets.get(token[1:-1]) or [""]
            token = options[index % len(options)]
        elif "|" in token:
            options = token.split("|")
            token = options[index % len(options)]
        words.append(token)
    return " ".join(words)


def _strings(data: Any) -> list[str]:
    """Every phrase in parsed YAML: string leaves, except the reader's rule settings."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() if key not in _SETTINGS for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def _unique(lines: Any) -> list[str]:
    """First occurrences only, order kept."""
    return list(dict.fromkeys(lines))
