"""Reads and validates the YAML behind skill.content; every error names the file and field."""

from __future__ import annotations

import dataclasses
import re
import string
from pathlib import Path
from typing import Any

import yaml

from skill.core.content_types import (
    CONDITION_IDS,
    LEVELS,
    LOCALE_WORDS,
    TRIAGES,
    CareNotes,
    Condition,
    Content,
    ContentError,
    FeatureGroup,
    Level,
    Question,
    RedFlag,
    SafetyQuestion,
    Source,
    Topic,
)

try:  # the C loader parses several times faster; fall back where libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


# The one-breath rule (content/README.md): what is spoken first is short; the rest waits for
# "tell me more". Limits in words, including the step's name where a topic starts with it.
# `about` can be a one-shot's whole answer: with the greeting, the disclaimer and the question
# it stays within fifty words, twenty seconds of listening.
SHORT_WORDS = {"summary": 20, "about": 29, "say": 32}
DETAIL_WORDS = 40
CAVEAT_WORDS = 16
_DIGIT = re.compile(r"[0-9]")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class _Reader:
    """Typed field access on one YAML file, so every error names the file and field."""

    def __init__(self, path: Path, data: Any, prefix: str = "") -> None:
        self.path, self.data, self.prefix = path, data, prefix
        if not isinstance(data, dict):
            self.fail("", "must be a mapping")

    def fail(self, field: str, problem: str) -> None:
        name = f"{self.prefix}{field}".strip(".") or "(top level)"
        raise ContentError(f"{_display(self.path)}: {name}: {problem}")

    def child(self, field: str) -> _Reader:
        return _Reader(self.path, self.get(field, dict), f"{self.prefix}{field}.")

    def get(self, field: str, kind: type, optional: bool = False) -> Any:
        if field not in self.data:
            if optional:
                return None
            self.fail(field, "is missing")
        value = self.data[field]
        if optional and value is None:
            return None
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            self.fail(field, f"must be a non-empty {kind.__name__}")
        return value

    def text(
        self, field: str, max_words: int = 0, optional: bool = False, spoken: bool = False
    ) -> Any:
        value = self.get(field, str, optional)
        if value is None:
            return None
        value = " ".join(value.split())
        if max_words and len(value.split()) > max_words:
            self.fail(field, f"has {len(value.split())} words; the limit is {max_words}")
        if spoken and _DIGIT.search(_PLACEHOLDER.sub("", value)):
            self.fail(field, "has digits: write numbers as they are said ('ten to fifteen')")
        if "you have " in value.lower():
            self.fail(field, "says 'you have': say 'may be' or 'often' instead")
        _check_placeholders(self, field, value)
        return value

    def strings(self, field: str, optional: bool = False) -> tuple[str, ...]:
        value = self.get(field, list, optional) or []
        if not all(isinstance(v, str) and v for v in value):
            self.fail(field, "must be a list of strings")
        return tuple(value)


def _check_placeholders(reader: _Reader, field: str, value: str) -> None:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        reader.fail(field, f"has a broken placeholder ({exc})")
        return
    for name in names:
        if not name.isidentifier():
            reader.fail(field, f"placeholder {{{name}}} is not a simple name")


def _display(path: Path) -> str:
    """content/<file> for the packaged files, the full path for any other."""
    parts = path.parts
    return "/".join(parts[parts.index("content") :]) if "content" in parts else str(path)


def _reader(path: Path) -> _Reader:
    if not path.is_file():
        raise ContentError(f"{_display(path)}: file is missing")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ContentError(f"{_display(path)}: not valid YAML: {exc}") from exc
    return _Reader(path, data)


def _sources(reader: _Reader) -> tuple[Source, ...]:
    items = reader.get("sources", list)
    out = []
    for i, item in enumerate(items):
        r = _Reader(reader.path, item, f"{reader.prefix}sources[{i}].")
        out.append(Source(r.text("publisher"), r.text("title"), r.get("url", str, True)))
    if not out:
        reader.fail("sources", "must name at least one source")
    return tuple(out)


def _features(directory: Path) -> dict[str, FeatureGroup]:
    top = _reader(directory / "features.yaml")
    groups = {}
    for name in top.data:
        group = top.child(name)
        values = group.child("values")
        labels = {vid: values.child(vid).text("label") for vid in values.data}
        groups[name] = FeatureGroup(name, group.text("slot_type"), labels)
    return groups


def _condition(path: Path, features: dict[str, FeatureGroup]) -> Condition:
    r = _reader(path)
    if r.text("id") != path.stem:
        r.fail("id", f"must equal the file name {path.stem!r}")
    feats = r.child("features")
    by_group: dict[str, frozenset[str]] = {}
    for group in feats.data:
        if group not in features:
            feats.fail(group, f"is not a feature group; known: {', '.join(features)}")
        ids = feats.strings(group)
        for fid in ids:
            if fid not in features[group].labels:
                feats.fail(group, f"{fid!r} is not an id in content/features.yaml {group}")
        by_group[group] = frozenset(ids)
    if not by_group.get("location"):
        feats.fail("location", "is missing: every condition needs at least one location")
    care = r.child("care")
    triage = care.text("triage")
    if triage not in TRIAGES:
        care.fail("triage", f"must be one of {', '.join(TRIAGES)}")
    caveat = care.text("caveat", max_words=CAVEAT_WORDS, optional=True, spoken=True)
    notes = CareNotes(triage, caveat, care.strings("skip", True))
    return Condition(
        id=path.stem,
        name=r.text("name"),
        aliases=r.strings("aliases", True),
        summary=r.text("summary", max_words=SHORT_WORDS["summary"], spoken=True),
        about=r.text("about", max_words=SHORT_WORDS["about"], spoken=True),
        detail=r.text("detail", max_words=DETAIL_WORDS, spoken=True),
        features=by_group,
        questions=r.strings("questions", True),
        care=notes,
        sources=_sources(r),
        requires=_requires(r, by_group),
        said=r.text("said", optional=True, spoken=True) or "",
        after_injury=_after_injury(r, by_group),
        in_replaced_hip=r.get("in_replaced_hip", bool, optional=True) is not False,
    )


def _after_injury(
    reader: _Reader, by_group: dict[str, frozenset[str]]
) -> frozenset[str] | None:
    """`after_injury`: true, or the features of which one must be described; else never."""
    value = reader.data.get("after_injury")
    if value is None or value is False:
        return None
    if value is True:
        return frozenset()
    wanted = frozenset(reader.strings("after_injury"))
    known = frozenset().union(*by_group.values())
    for fid in sorted(wanted - known):
        reader.fail("after_injury", f"{fid!r} is not one of this condition's features")
    return wanted


def _requires(
    reader: _Reader, by_group: dict[str, frozenset[str]]
) -> tuple[frozenset[str], ...]:
    """`requires`: a list of feature ids (one of them needed), or a list of such lists (one of
    each needed)."""
    raw = reader.get("requires", list, True) or []
    if not raw:
        return ()
    groups = raw if all(isinstance(g, list) for g in raw) else [raw]
    known = frozenset().union(*by_group.values())
    out = []
    for group in groups:
        if not group or not all(isinstance(fid, str) for fid in group):
            reader.fail("requires", "must be feature ids, or lists of feature ids")
        for fid in sorted(set(group) - known):
            reader.fail("requires", f"{fid!r} is not one of this condition's features")
        out.append(frozenset(group))
    return tuple(out)


def _questions(directory: Path, features: dict[str, FeatureGroup]) -> dict[str, Question]:
    top = _reader(directory / "questions.yaml")
    out = {}
    for qid in top.data:
        q = top.child(qid)
        group = q.text("group")
        if group not in features:
            q.fail("group", f"{group!r} is not a feature group")
        options, yes = q.strings("options"), q.strings("yes", True)
        for fid in options + yes:
            if fid not in features[group].labels:
                q.fail("options", f"{fid!r} is not an id of {group} in content/features.yaml")
        out[qid] = Question(qid, q.text("ask"), q.text("reask"), group, options, yes)
    return out


def _safety(directory: Path) -> tuple[Any, ...]:
    top = _reader(directory / "safety.yaml")
    qs = top.child("questions")
    questions = []
    for qid in qs.data:
        q = qs.child(qid)
        safe = q.text("safe")
        if safe not in ("yes", "no"):
            q.fail("safe", "must be yes or no")
        questions.append(SafetyQuestion(
            qid, q.text("ask"), q.text("reask"), safe, q.text("flag"),
            q.text("ask_helper", optional=True), q.text("reask_helper", optional=True),
        ))
    lv = top.child("levels")
    levels = {}
    for name in LEVELS:
        level = lv.child(name)
        helper = level.text("say_helper", optional=True)
        levels[name] = Level(name, level.text("say"), level.text("card_title"), helper)
    fl = top.child("red_flags")
    flags = {}
    for fid in fl.data:
        f = fl.child(fid)
        level_id = f.text("level")
        if level_id not in LEVELS:
            f.fail("level", f"must be one of {', '.join(LEVELS)}")
        said = f.get("said", bool, optional=True)
        child = f.strings("for_child", optional=True) if "for_child" in f.data else None
        named = f.get("names_condition", bool, optional=True)
        flags[fid] = RedFlag(
            fid, level_id, f.text("say"), f.text("card"), f.text("say_helper", optional=True),
            said is not False, child, named is True,
        )
    for fid, flag in flags.items():
        for other in flag.for_child or ():
            if other not in flags:
                fl.fail(f"{fid}.for_child", f"{other!r} is not a red flag in red_flags")
    for sq in questions:
        if sq.flag not in flags:
            qs.fail(f"{sq.id}.flag", f"{sq.flag!r} is not a red flag in red_flags")
    nrf = top.child("not_red_flags")
    not_flags = {key: nrf.text(key) for key in nrf.data}
    _sources(top)
    return tuple(questions), levels, flags, not_flags


def _care(directory: Path) -> tuple[dict[str, Topic], tuple[str, ...], int]:
    top = _reader(directory / "care.yaml")
    tp = top.child("topics")
    topics = {}
    for tid in tp.data:
        t = tp.child(tid)
        gated = t.get("gated", bool)
        full = bool(t.get("asked_in_full", bool, optional=True))
        always = bool(t.get("always_in_full", bool, optional=True))
        topics[tid] = Topic(
            tid, t.text("title"), t.text("say", SHORT_WORDS["say"], spoken=True), t.text("card"),
            gated, t.text("detail", DETAIL_WORDS, spoken=True), full, always,
        )
    walkthrough = top.strings("walkthrough")
    for tid in walkthrough:
        if tid not in topics:
            top.fail("walkthrough", f"{tid!r} is not a topic")
    rice = top.get("rice_steps", int)
    if not 0 < rice <= len(walkthrough):
        top.fail("rice_steps", "must be between one and the walkthrough's length")
    _sources(top)
    return topics, walkthrough, rice


def _locales(directory: Path) -> dict[str, dict[str, str]]:
    top = _reader(directory / "locales.yaml")
    out = {}
    for locale in top.data:
        loc = top.child(locale)
        out[locale] = {word: loc.text(word) for word in LOCALE_WORDS}
    return out


def _dialog(directory: Path) -> dict[str, str]:
    top = _reader(directory / "dialog.yaml")
    return {key: top.text(key, spoken=True) for key in top.data}


def parse_content(directory: Path) -> Content:
    """Read every content file and check that they agree with each other."""
    features = _features(directory)
    conditions = {}
    for cid in CONDITION_IDS:
        conditions[cid] = _condition(directory / "conditions" / f"{cid}.yaml", features)
    questions = _questions(directory, features)
    safety, levels, flags, not_flags = _safety(directory)
    topics, walkthrough, rice = _care(directory)
    content = Content(
        features=features,
        conditions=conditions,
        questions=questions,
        safety_questions=safety,
        levels=levels,
        red_flags=flags,
        not_red_flags=not_flags,
        topics=topics,
        walkthrough=walkthrough,
        rice_steps=rice,
        dialog=_dialog(directory),
        locales=_locales(directory),
    )
    _cross_check(directory, content)
    from skill.content.reader_schema import parse_reader

    reader = parse_reader(
        directory,
        content.locales,
        content.red_flags,
        {name: group.labels for name, group in features.items()},
        conditions,
        topics,
    )
    content = dataclasses.replace(content, reader=reader)
    return content


def _cross_check(directory: Path, content: Content) -> None:
    for cond in content.conditions.values():
        where = f"{_display(directory / 'conditions' / (cond.id + '.yaml'))}"
        for qid in cond.questions:
            if qid not in content.questions:
                raise ContentError(f"{where}: questions: {qid!r} is not in content/questions.yaml")
        for tid in cond.care.skip:
            if tid not in content.walkthrough:
                raise ContentError(f"{where}: care.skip: {tid!r} is not a walkthrough topic")
