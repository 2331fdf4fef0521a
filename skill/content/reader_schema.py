"""Reads content/reader/*.yaml into one Vocabulary per locale; errors name the file and field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from skill.content.schema import _Reader, _reader
from skill.core import intents
from skill.core.care import WALKTHROUGH
from skill.core.reader.patterns import GAP, PhraseError, compile_all, compile_phrase, index
from skill.core.reader.vocabulary import (
    CATEGORIES,
    DEFAULT_SCOPE,
    DIRECTIONS,
    NAMED_CONDITION,
    ContextRule,
    Elsewhere,
    Frames,
    Labelled,
    PatternSet,
    Resolved,
    SignTables,
    SignWords,
    Unharmed,
    Vocabulary,
    Whose,
)
from skill.core.reader.words import Spelling, keep_whole, spell_with, stem, tokens
from skill.core.spoken.dates import FIRST_YEAR, LAST_YEAR

Sets = Mapping[str, tuple[str, ...]]
# The intents the reader may choose from `actions` and `commands`: the core's own names.
ACTIONS = (intents.ICE_TIMER, intents.ICE_REMINDER, intents.FORGET_ME, intents.RESUME,
           intents.ANATOMY, intents.RICE)
COMMANDS = (intents.STOP, intents.CANCEL, intents.HELP, intents.REPEAT, intents.START_OVER,
            intents.NEXT, intents.PREVIOUS, intents.MORE)


def parse_reader(
    directory: Path,
    locales: Iterable[str],
    flags: Iterable[str],
    features: Mapping[str, Iterable[str]],
    conditions: Iterable[str],
    topics: Iterable[str],
) -> dict[str, Vocabulary]:
    """Every locale's vocabulary, checked against the ids the rest of the content defines."""
    folder = directory / "reader"
    files = {name: _reader(folder / f"{name}.yaml") for name in _FILES}
    spell_with(_spelling(files["spelling"]))
    keep_whole(files["signs"].strings("whole_words", optional=True))
    known = _Known(set(flags), {g: set(ids) for g, ids in features.items()}, set(conditions),
                   {*topics, WALKTHROUGH})
    return {locale: _vocabulary(files, locale, known) for locale in locales}


_FILES = ("spelling", "signs", "context", "people", "answers", "features", "topics", "commands")
_PLAIN = re.compile(r"[a-z0-9']+")


def _spelling(table: _Reader) -> Spelling:
    """content/reader/spelling.yaml, every word lower case and plain."""
    def plain(field: str) -> frozenset[str]:
        words = table.strings(field)
        for word in words:
            if not _PLAIN.fullmatch(word):
                table.fail(field, f"{word!r} must be one plain lower-case word")
        return frozenset(words)

    said = table.get("words", dict)
    for word, meant in said.items():
        if not isinstance(word, str) or not _PLAIN.fullmatch(word):
            table.fail("words", f"{word!r} must be one plain lower-case word")
        if not isinstance(meant, str) or not all(_PLAIN.fullmatch(w) for w in meant.split()):
            table.fail(f"words.{word}", "must be plain lower-case words")
    return Spelling(
        words=MappingProxyType(dict(said)),
        **{name: plain(name) for name in (
            "not_after", "have_after", "are_after", "would_after", "had_before", "is_after",
            "has_before_them", "has_before", "is_before", "my_before", "my_between", "me_after",
        )},
    )


class _Known(NamedTuple):
    """The ids the rest of the content defines, that the vocabulary may name."""

    flags: set[str]
    features: dict[str, set[str]]
    conditions: set[str]
    topics: set[str]


def _vocabulary(files: dict[str, _Reader], locale: str, known: _Known) -> Vocabulary:
    signs, context, people = files["signs"], files["context"], files["people"]
    answers, topics, commands = files["answers"], files["topics"], files["commands"]
    sign_sets = _sets(signs)
    rules = _rules(context, known.flags)
    sign_words = _signs(signs, sign_sets, locale, known)
    return Vocabulary(
        locale=locale,
        signs=sign_words,
        sign_tables=SignTables(
            Labelled({s.id: s.phrases for s in sign_words}),
            Labelled({s.id: s.alone for s in sign_words}),
            Labelled({s.id: s.not_ for s in sign_words}),
            tuple((s.id, first, then) for s in sign_words for first, then in s.together),
        ),
        triggers={rule.pattern: rule for rule in rules},
        trigger_set=index(tuple(rule.pattern for rule in rules)),
        terminators=_phrases(context, "terminators", {}),
        pseudo=_phrases(context, "pseudo", {}),
        clause_starts=_phrases(context, "clause_starts", {}, optional=True),
        clause_not_after=frozenset(
            stem(w) for w in context.strings("clause_not_after", optional=True)
        ),
        crossing=frozenset(stem(w) for w in context.strings("crossing", optional=True)),
        list_joins=frozenset(stem(w) for w in context.strings("list_joins", optional=True)),
        frames=_frames(context, known.flags),
        resolved=_resolved(context, known.flags),
        elsewhere=_elsewhere(context, known.flags),
        unharmed=_unharmed(context, known.flags),
        recent=_phrases(context, "recent", {}, optional=True),
        others=_phrases(people, "others", _sets(people)),
        children=_phrases(people, "children", _sets(people)),
        self_=_phrases(people, "self", _sets(people)),
        not_children=_phrases(people, "not_children", _sets(people), optional=True),
        adults=_phrases(people, "adults", _sets(people)),
        young_speaker=_phrases(people, "young_speaker", _sets(people), optional=True),
        others_pain=_phrases(people, "others_pain", _sets(people), optional=True),
        yes=_phrases(answers, "yes", {}),
        no=_phrases(answers, "no", {}),
        unsure=_phrases(answers, "unsure", {}),
        hedge=_phrases(answers, "hedge", {}, optional=True),
        doubt=_phrases(answers, "doubt", {}, optional=True),
        contrast=frozenset(stem(w) for w in answers.strings("contrast", optional=True)),
        safe=Labelled(_keyed(answers.child("safe"), {}, {"fever", "injury", "weight"})),
        pain=_phrases(files["features"], "pain", {}),
        improving=_phrases(files["features"], "improving", {}),
        improving_undone=_phrases(files["features"], "improving_undone", {}, optional=True),
        improving_not=_phrases(files["features"], "improving_not", {}, optional=True),
        bettered=_flag_ids(files["features"], "bettered", known.flags),
        holds=_phrases(files["features"], "holds", {}, optional=True),
        not_held=_phrases(files["features"], "not_held", {}, optional=True),
        other_times=_phrases(files["features"], "other_times", {}, optional=True),
        times_since=_phrases(files["features"], "times_since", {}, optional=True),
        not_pain_after=frozenset(
            tuple(tokens(w)) for w in files["features"].strings("not_pain_after", optional=True)),
        diagnosis=_phrases(files["features"], "diagnosis", {}, optional=True),
        comes_and_goes=_phrases(files["features"], "comes_and_goes", {}, optional=True),
        replaced=_phrases(files["features"], "replaced", {}, optional=True),
        replacement_due=_phrases(files["features"], "replacement_due", {}, optional=True),
        soft=frozenset(stem(w) for w in files["features"].strings("soft")),
        features=_features(files["features"], locale, known),
        features_not=_features(files["features"], locale, known, "not"),
        rates=frozenset(files["features"].strings("rates", optional=True)),
        conditions=Labelled(
            _with_locales(files["features"].child("conditions"), locale, known.conditions)),
        asking=_phrases(topics, "asking", {}),
        topics=Labelled(_keyed(topics.child("topics"), {}, known.topics)),
        actions=Labelled(_keyed(topics.child("actions"), {}, set(ACTIONS))),
        filler=frozenset(stem(w) for w in commands.strings("filler") if " " not in w),
        persons=frozenset(stem(w) for w in answers.strings("persons")),
        then=frozenset(stem(w) for w in answers.strings("then")),
        commands=Labelled(_keyed(commands.child("commands"), {}, set(COMMANDS))),
        leads=_leads(commands),
        whose=_whose(people, known.flags),
        vague=Labelled(_vague(files["features"])),
        openers=frozenset(stem(w) for w in topics.strings("question_openers", optional=True)),
        month_onset=frozenset(tuple(tokens(w)) for w in files["features"].strings("month_onset")),
    )


def _frames(context: _Reader, flags: set[str]) -> Frames | None:
    """The words that set a time long past, and those that come back to now."""
    if "frames" not in context.data:
        return None
    table = context.child("frames")
    signs = _flag_ids(table, "signs", flags)
    reach = _reach(table, 0)
    every = [*table.strings("anchors"), *table.strings("long_ago")]
    return Frames(
        anchors=_compiled(table, "anchors", every, {}),
        long_ago=_phrases(table, "long_ago", {}),
        now=frozenset(w for text in table.strings("now") for w in tokens(text)),
        now_phrases=_phrases(table, "now_phrases", {}),
        onset=frozenset(stem(w) for w in table.strings("onset")),
        reach=reach,
        signs=signs,
        cuts=frozenset(table.strings("cut_before", optional=True)),
        cuts_now=frozenset(table.strings("cut_before_now", optional=True)),
        where_set=frozenset(table.strings("where_set", optional=True)) & signs,
        since_then=_phrases(table, "since_then", {}, optional=True),
        since=frozenset(table.strings("since", optional=True)),
        fine_since=_phrases(table, "fine_since", {}, optional=True),
    )


def _resolved(context: _Reader, flags: set[str]) -> Resolved | None:
    """The words that say an episode told in the past is over, and which signs it puts aside."""
    if "resolved" not in context.data:
        return None
    table = context.child("resolved")
    sets = _sets(context)
    return Resolved(
        ends=_phrases(table, "ends", sets),
        healed=_phrases(table, "healed", sets),
        signs=_flag_ids(table, "signs", flags),
        healed_signs=_flag_ids(table, "healed_signs", flags),
        past=frozenset(w for text in table.strings("past") for w in tokens(text)),
        not_past=frozenset(w for text in table.strings("not_past") for w in tokens(text)),
        not_after=_phrases(table, "not_after", {}),
        undone=_phrases(table, "undone", {}),
        reach=_reach(table, 1),
        episodes=_phrases(table, "episodes", sets) if "episodes" in table.data else None,
    )


def _unharmed(context: _Reader, flags: set[str]) -> Unharmed | None:
    """The words after a fall that say it did no harm, and the signs they put aside."""
    if "unharmed" not in context.data:
        return None
    table = context.child("unharmed")
    sets = _sets(context)
    return Unharmed(
        phrases=_phrases(table, "phrases", sets),
        not_=_phrases(table, "not", sets),
        signs=_flag_ids(table, "signs", flags),
        shown_by=_flag_ids(table, "shown_by", flags, optional=True),
        reach=_reach(table, 1),
    )


def _elsewhere(context: _Reader, flags: set[str]) -> Elsewhere | None:
    """The parts of the body that are not the hip, for the signs they put aside."""
    if "elsewhere" not in context.data:
        return None
    table = context.child("elsewhere")
    parts = table.child("parts")
    for sid in parts.data:
        if sid not in flags:
            parts.fail(str(sid), "is not a red flag in content/safety.yaml")
    return Elsewhere(
        parts=MappingProxyType({
            str(sid): frozenset(tuple(stem(w) for w in tokens(p)) for p in parts.strings(str(sid)))
            for sid in parts.data
        }),
        here=frozenset(stem(w) for w in table.strings("here")),
        reach=_reach(table, 1),
    )


def _flag_ids(
    table: _Reader, field: str, flags: set[str], optional: bool = False
) -> frozenset[str]:
    """A list of red flag ids; one that content/safety.yaml does not define is an error."""
    ids = frozenset(table.strings(field, optional=optional))
    unknown = sorted(ids - flags)
    if unknown:
        table.fail(field, f"names {unknown}: not red flags in content/safety.yaml")
    return ids


def _reach(table: _Reader, least: int) -> int:
    """A rule's `reach` in words, at least `least`."""
    reach = int(table.get("reach", int))
    if reach < least:
        table.fail("reach", f"must be {'zero' if least == 0 else 'one'} or more words")
    return reach


def _vague(features: _Reader) -> Mapping[str, PatternSet]:
    """How long, said without a number: each ISO duration and its phrases."""
    table = features.child("vague_durations")
    out = {}
    for iso in table.data:
        if not _ISO_DURATION.fullmatch(str(iso)):
            table.fail(str(iso), "must be an ISO 8601 duration such as P3W")
        out[str(iso)] = _phrases(table, str(iso), {})
    return out


_ISO_DURATION = re.compile(r"P\d+[DWMY]")


def _whose(people: _Reader, flags: set[str]) -> Whose:
    """Whose a sign is: someone else's subjects are `others` (less its objects) and more."""
    whose = people.child("whose")
    always = whose.strings("always_now", optional=True)
    for fid in always:
        if fid not in flags:
            whose.fail("always_now", f"{fid!r} is not a red flag in content/safety.yaml")
    objects = {" ".join(tokens(w)) for w in whose.strings("objects")}
    subjects = [w for w in people.strings("others") if " ".join(tokens(w)) not in objects]
    sets = _sets(people)
    return Whose(
        subjects=_compiled(whose, "subjects", [*subjects, *whose.strings("subjects")], sets),
        me=_phrases(whose, "me", sets),
        reporting=_phrases(whose, "reporting", {}),
        starts=frozenset(stem(w) for w in whose.strings("starts")),
        now=_phrases(whose, "now", {}, optional=True),
        always_now=frozenset(always),
        past=frozenset(stem(w) for w in whose.strings("past", optional=True)),
        not_subjects=_phrases(whose, "not_subjects", sets, optional=True),
        lasting=_phrases(whose, "lasting", {}, optional=True),
        owns_after=frozenset(stem(w) for w in whose.strings("owns_after", optional=True)),
        places_before=frozenset(stem(w) for w in whose.strings("places_before", optional=True)),
        determiners=frozenset(stem(w) for w in whose.strings("determiners", optional=True)),
    )


def _leads(commands: _Reader) -> Mapping[str, str]:
    """Each one-shot opening's intent and its words: names the core knows as free speech."""
    leads = commands.child("leads")
    out = {}
    for name in leads.data:
        if not intents.is_lead(str(name)):
            leads.fail(str(name), f"must be named {intents.LEAD_PREFIX}...Intent")
        out[str(name)] = leads.text(str(name))
    return out


# Sets every phrase may name, made of shapes rather than words: {year} is a year said as a
# number ("since the fall of 2019"), as a device's transcript writes it.
BUILT_IN_SETS: Sets = {"year": tuple(str(year) for year in range(FIRST_YEAR, LAST_YEAR + 1))}


def _sets(reader: _Reader) -> Sets:
    """A file's own `sets`; it may not redefine a built-in one."""
    sets = reader.child("sets") if "sets" in reader.data else None
    if sets is None:
        return {}
    clash = sorted(set(sets.data) & set(BUILT_IN_SETS))
    if clash:
        sets.fail(clash[0], "is a built-in set (a year as a number); name this set otherwise")
    return {name: tuple(str(x) for x in sets.get(name, list)) for name in sets.data}


def _phrases(reader: _Reader, field: str, sets: Sets, optional: bool = False) -> PatternSet:
    texts = [str(x) for x in (reader.get(field, list, optional) or [])]
    return _compiled(reader, field, texts, sets)


def _keyed(reader: _Reader, sets: Sets, allowed: set[str]) -> dict[str, PatternSet]:
    out = {}
    for key in reader.data:
        if key not in allowed:
            reader.fail(str(key), f"is not one of {sorted(allowed)}")
        out[str(key)] = _phrases(reader, str(key), sets)
    return out


def _signs(reader: _Reader, sets: Sets, locale: str, known: _Known) -> tuple[SignWords, ...]:
    table = reader.child("signs")
    extra = _locale_lists(reader, locale, known.flags)
    out = []
    for sid in table.data:
        if sid not in known.flags:
            table.fail(str(sid), "is not a red flag in content/safety.yaml")
        entry = table.child(str(sid))
        phrases = [*entry.strings("phrases"), *extra.get(str(sid), ())]
        out.append(SignWords(
            str(sid),
            _compiled(entry, "phrases", phrases, sets),
            _phrases(entry, "alone", sets, optional=True),
            _phrases(entry, "not", sets, optional=True),
            _together(entry, sets),
        ))
    return tuple(out)


def _together(entry: _Reader, sets: Sets) -> tuple[tuple[PatternSet, PatternSet], ...]:
    """A sign's `together` pairs, each named: phrases said anywhere (`first`), and the sign's
    own words (`then`), which count only when a `first` was said too."""
    if "together" not in entry.data:
        return ()
    table = entry.child("together")
    pairs = (table.child(str(name)) for name in table.data)
    return tuple((_phrases(pair, "first", sets), _phrases(pair, "then", sets)) for pair in pairs)


def _compiled(reader: _Reader, field: str, texts: list[str], sets: Sets) -> PatternSet:
    """Compiled once per distinct list: the locales share all but their regional words."""
    key = (tuple(texts), tuple(sorted(sets.items())))
    if key not in _COMPILED:
        try:
            _COMPILED[key] = compile_all(texts, {**BUILT_IN_SETS, **sets})
        except PhraseError as exc:
            reader.fail(field, str(exc))
    return _COMPILED[key]


_COMPILED: dict[tuple[Any, ...], PatternSet] = {}


def _locale_lists(reader: _Reader, locale: str, allowed: set[str]) -> dict[str, tuple[str, ...]]:
    if "locales" not in reader.data:
        return {}
    table = reader.child("locales")
    if locale not in table.data:
        return {}
    entry = table.child(locale)
    for key in entry.data:
        if key not in allowed:
            entry.fail(str(key), "is not a red flag in content/safety.yaml")
    return {str(key): entry.strings(str(key)) for key in entry.data}


def _soft(features: _Reader) -> frozenset[str]:
    return frozenset(stem(w) for w in features.strings("soft"))


def _rules(reader: _Reader, flags: set[str]) -> tuple[ContextRule, ...]:
    rules: list[ContextRule] = []
    for i, item in enumerate(reader.get("triggers", list)):
        entry = _Reader(reader.path, item, f"triggers[{i}].")
        category, direction = entry.text("category"), entry.text("direction")
        if category not in CATEGORIES:
            entry.fail("category", f"must be one of {list(CATEGORIES)}")
        if direction not in DIRECTIONS:
            entry.fail("direction", f"must be one of {list(DIRECTIONS)}")
        scope = entry.get("max_scope", int, optional=True)
        try:
            pattern = compile_phrase(entry.text("literal"), {})
        except PhraseError as exc:
            entry.fail("literal", str(exc))
        if any(rule.pattern == pattern for rule in rules):
            entry.fail("literal", "repeats an earlier trigger: one rule per phrase")
        signs = frozenset(entry.strings("signs", optional=True))
        unknown = sorted(signs - flags - {NAMED_CONDITION})
        if unknown:
            entry.fail("signs", f"names {unknown}: not red flags in content/safety.yaml, nor "
                                f"{NAMED_CONDITION!r}")
        crosses = entry.get("crosses", bool, optional=True)
        if crosses and direction == "forward":
            entry.fail("crosses", "only a trigger that looks backward can cross a terminator")
        features = entry.get("features", bool, optional=True)
        rules.append(ContextRule(pattern, category, direction,
                                 DEFAULT_SCOPE if scope is None else scope, signs,
                                 bool(crosses), features is not False))
    return tuple(rules)


def _features(
    reader: _Reader, locale: str, known: _Known, field: str = "phrases"
) -> dict[str, Labelled]:
    """Each feature group's phrases by id; with `field="not"`, the look-alikes that are not it
    ("runs down the back of my leg" is not running)."""
    groups = reader.child("features")
    out = {}
    for group in groups.data:
        if group not in known.features:
            groups.fail(str(group), "is not a group of content/features.yaml")
        out[str(group)] = Labelled(_with_locales(
            groups.child(str(group)), locale, known.features[group], _soft(reader), field
        ))
    return out


def _without_soft(text: str, soft: frozenset[str]) -> str:
    """A feature phrase as matched, the small words left out and its gaps ("...") kept."""
    words = [part if GAP.match(part) else " ".join(w for w in tokens(part) if stem(w) not in soft)
             for part in text.split()]
    return " ".join(w for w in words if w) or text


def _with_locales(
    reader: _Reader, locale: str, allowed: set[str], soft: frozenset[str] = frozenset(),
    field: str = "phrases",
) -> dict[str, PatternSet]:
    out = {}
    for ident in reader.data:
        if ident not in allowed:
            reader.fail(str(ident), "is not an id the rest of the content defines")
        entry = reader.child(str(ident))
        texts: list[Any] = [*entry.strings(field, optional=field != "phrases")]
        if not texts and field != "phrases":
            continue
        if "locales" in entry.data and field == "phrases":
            texts += entry.child("locales").strings(locale, optional=True)
        for text in texts:
            if "|" in str(text) or "{" in str(text):
                entry.fail(field, f"{text!r}: a|b choices and {{sets}} are not read here; write"
                                  " each phrase out")
        kept = [_without_soft(str(t), soft) for t in texts]
        out[str(ident)] = _compiled(entry, field, kept, {})
    return out


