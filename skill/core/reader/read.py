"""Pure: a person's words in, everything they said out: warning signs, answer, time, features."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

from skill.core.reader.context import Scene, scene_of, status_of
from skill.core.reader.frames import Frame, past_frames, since_at
from skill.core.reader.patterns import Match, find, find_labelled, longest_first
from skill.core.reader.resolved import episodes_over, over
from skill.core.reader.site import part_named
from skill.core.reader.vocabulary import (
    ELSEWHERE,
    HISTORICAL,
    HYPOTHETICAL,
    NAMED_CONDITION,
    NEGATED,
    POSSIBLE,
    SOMEONE_ELSE,
    UNCERTAIN,
    PatternSet,
    Vocabulary,
)
from skill.core.reader.whose import People, happening_now, people_in, someone_elses, speaks_of_self
from skill.core.reader.words import stems, tokens
from skill.core.spoken.dates import find_dates, year_of
from skill.core.spoken.durations import find_durations

_EMPTY: Mapping[str, tuple[str, ...]] = MappingProxyType({})
_ALONE_SLACK = 2  # an `alone` phrase may have this many other words around it
_YEARS = "P1Y"  # how long, at the least, a pain has lasted since a time years back
_HOLDS_REACH = 2  # "I've developed some arthritis": words between "I have" and the condition
_ASK_REACH = 3  # a topic is asked about when it comes this soon after "can I", "should I"...
_URGENT = "urgent"
_SEVERITY = {_URGENT: 2, "see_provider": 1}
TRIGGER = "trigger"  # the feature group of what brings the pain on (content/features.yaml)
_AHEAD = frozenset({"tomorrow", "next"})  # a day ahead is never when the pain began
_AGE_AFTER = (["on", "it"], ["on", "them"])  # "a few years on it": a thing's age
_AHEAD_OF = frozenset({"in", "within"})  # "in two weeks": a time ahead, not how long it has been
_PAST_REACH = 4  # words before a historical sign that may be its time ("ten years ago I was hit")
_OTHER_REACH = 4  # words after "fine for", "running for" that may be that time
_SINCE_BEFORE_SIGN = 3  # words before a fall long past that may say the pain lasted since it
_SINCE_REACH = 6  # words before "since my operation" that may be its time ("seven weeks")
_FREQUENCY = frozenset({"every", "each"})  # "every couple of hours" is how often, not how long
_MOMENT = re.compile(r"PT[\d.]+S")  # seconds alone: how long a moment lasts, not the pain
_HEDGE = "hedge"  # a yes said with a doubt: a yes for a warning sign, not sure for "can you walk?"


class Sign(NamedTuple):
    """One warning sign in the words: which, how urgent, and whether it is negated or hedged."""

    id: str
    level: str
    status: str | None  # None (said plainly), negated, possible or uncertain
    phrase: str
    cue: str | None  # the trigger that decided the status, if any
    cue_at: int | None = None  # where that trigger was said, in words
    span: tuple[int, int] = (0, 0)  # where the sign itself was said, in words

    @property
    def present(self) -> bool:
        """Said, or hedged: a hedge counts as a yes for a warning sign; long past, or only
        wondered about, does not."""
        return self.status not in (NEGATED, HISTORICAL, HYPOTHETICAL, SOMEONE_ELSE, ELSEWHERE)


class Reading(NamedTuple):
    """Everything the reader found in one utterance; --explain shows it."""

    words: tuple[str, ...]
    signs: tuple[Sign, ...] = ()
    helper: bool = False
    child: bool = False
    particle: str | None = None  # yes, no or unsure, said first
    particle_at: int | None = None  # where it was said
    hedged: bool = False  # the yes was said with a doubt ("a bit", "sort of")
    contrast: bool = False  # the particle is followed by "but": "no, but it wakes me at night"
    doubt: bool = False  # the answer takes back its certainty: "but I'm a bit forgetful lately"
    safe: tuple[str, ...] = ()  # safety question ids a statement answers safely
    pain: bool = False  # describes pain at all ("my hip hurts")
    improving: bool = False  # says it is getting better ("each week is better than the last")
    comes_and_goes: bool = False  # now and then, not all the time ("occasional", "on and off")
    own: bool = False  # speaks of themselves ("my hip", "I"), and of no one else's pain
    features: Mapping[str, tuple[str, ...]] = _EMPTY
    condition: str | None = None
    topic: str | None = None
    diagnosed: bool = False  # care already sought: a doctor's or scan's finding, an injection
    replaced: bool = False  # the hip has been replaced ("my new hip"): no worn joint to name
    question: bool = False  # asked something ("can I...", "what is...")
    action: str | None = None  # an intent asked for in any words ("time my ice")
    command: str | None = None
    started: str | None = None
    duration: str | None = None
    ahead: str | None = None  # a time ahead: "in fifteen minutes", "in a couple of weeks"

    @property
    def present(self) -> tuple[Sign, ...]:
        """The warning signs that count: said or hedged, not negated."""
        return tuple(sign for sign in self.signs if sign.present)


def read(
    text: str, vocab: Vocabulary, levels: Mapping[str, str], today: date | None = None,
    own: bool = False, absent: str = "",
) -> Reading:
    """Read one utterance; `levels` gives each red flag's level, `today` resolves dates, and
    `own` says the conversation is already about the speaker's own pain. Someone else's sign
    told with their own hip or leg ("my mum slipped and now her hip is sore") is a new person to
    help, though the conversation was the speaker's: it is read as theirs, not put aside.
    `absent` is what the person said is not there, where Alexa keeps it apart (a one-shot's
    "I haven't {absent}"): every sign in it is negated, whatever its own words."""
    words = tokens(text)
    reading = Reading(())
    if words:
        stemmed = stems(words)
        reading = _read(words, stemmed, vocab, levels, today, own)
        if own and reading.signs and _others_pain(stemmed, vocab):
            reading = _read(words, stemmed, vocab, levels, today, own=False)
    return _with_absent(reading, tokens(absent), vocab, levels) if absent else reading


def _with_absent(
    reading: Reading, words: list[str], vocab: Vocabulary, levels: Mapping[str, str]
) -> Reading:
    """The signs said as not there, negated, after the words that were said."""
    stemmed = stems(words)
    at = len(reading.words)
    gone = tuple(
        sign._replace(status=NEGATED, cue=None, cue_at=None,
                      span=(sign.span[0] + at, sign.span[1] + at))
        for sign in _signs(stemmed, vocab, levels, scene_of(stemmed, vocab))
    )
    return reading._replace(words=reading.words + tuple(words), signs=reading.signs + gone)


def _others_pain(words: Sequence[str], vocab: Vocabulary) -> bool:
    """Someone else's hip or leg, and not the speaker's own, is what the words are about."""
    return (vocab.others_pain is not None and bool(find(vocab.others_pain, words))
            and not find(vocab.self_, words))


def _read(
    words: list[str], stemmed: tuple[str, ...], vocab: Vocabulary, levels: Mapping[str, str],
    today: date | None, own: bool,
) -> Reading:
    """One reading of the words, as the speaker's own conversation (`own`) or not."""
    scene = scene_of(stemmed, vocab)
    people = people_in(stemmed, vocab, scene.barrier)
    found = _signs(stemmed, vocab, levels, scene)
    kids, named, pain = (find(vocab.children, stemmed), find(vocab.others, stemmed),
                         find(vocab.pain, stemmed))
    mine = _own_story(found, pain, [*kids, *named], people)
    child = not own and _child(stemmed, vocab, kids, mine)
    helper = child or (not own and not mine and _someone_else(stemmed, vocab, named))
    signs, told_past, lasting = _long_past(found, words, stemmed, vocab, scene, today, pain)
    signs, told_over = _over(signs, words, stemmed, vocab, scene)
    signs = _elsewhere(signs, words, stemmed, vocab, scene)
    signs = _unharmed(signs, words, stemmed, vocab, scene, pain)
    signs, better = _bettered(signs, words, vocab, _better_at(stemmed, vocab, scene))
    if not helper:
        signs, helper = _speakers(signs, stemmed, people)
    safe = _safe_matches(stemmed, vocab, scene)
    asks = find(vocab.asking, stemmed)
    named_conditions = find_labelled(vocab.conditions, stemmed, scene.barrier)
    particle, particle_end = _particle(stemmed, vocab, _covered(m for m, _ in safe))
    past = _past(signs, words) | told_past | told_over | _episodes(words, stemmed, vocab, scene)
    others = _other_times(stemmed, vocab)
    durations = find_durations(words)
    vague = _vague(stemmed, vocab)
    if not helper:  # "my husband couldn't walk for weeks": his weeks, not how long it hurts
        durations, vague = _not_theirs(durations, people), _not_theirs(vague, people)
    return Reading(
        words=tuple(words),
        signs=signs,
        helper=helper,
        own=not helper and speaks_of_self(people),
        child=child,
        particle=particle if particle != _HEDGE else "yes",
        particle_at=_particle_at(stemmed, vocab),
        hedged=particle == _HEDGE,
        doubt=vocab.doubt is not None and bool(find(vocab.doubt, stemmed)),
        contrast=particle is not None and particle_end < len(stemmed)
        and stemmed[particle_end] in vocab.contrast,
        safe=tuple(q for q in vocab.safe if q in {question for _, question in safe}),
        pain=bool(pain),
        improving=better is not None,
        comes_and_goes=_said(vocab.comes_and_goes, stemmed, scene),
        replaced=_replaced(stemmed, vocab, scene),
        features=_features(stemmed, vocab, scene, _spans(m for m, _ in safe)),
        condition=_first_id(named_conditions, scene, last=True, sign=NAMED_CONDITION),
        diagnosed=((vocab.diagnosis is not None and bool(find(vocab.diagnosis, stemmed)))
                   or _held(stemmed, vocab, scene, named_conditions, bool(asks))),
        topic=_topic(stemmed, vocab, asks),
        question=bool(asks),
        action=_first_id(find_labelled(vocab.actions, stemmed, scene.barrier), scene),
        command=None if any(s.present for s in signs) else _command(stemmed, vocab),
        started=_started(words, today, past | others, vocab.month_onset),
        duration=_duration(words, durations, past | others, vocab.rates,
                           vague, vocab.not_pain_after) or (_YEARS if lasting else None),
        ahead=_ahead(words, durations),
    )


def _signs(
    words: Sequence[str], vocab: Vocabulary, levels: Mapping[str, str], scene: Scene
) -> tuple[Sign, ...]:
    content = [w for w in words if w not in vocab.filler]
    tables = vocab.sign_tables
    by_sign: dict[str, list[Match]] = {}
    for match, sid in find_labelled(tables.phrases, words, scene.barrier):
        by_sign.setdefault(sid, []).append(match)
    for match, sid in find_labelled(tables.alone, words, scene.barrier):
        if len(content) <= (match.end - match.start) + _ALONE_SLACK:
            by_sign.setdefault(sid, []).append(match)
    for sid, first, then in tables.together:  # the sign's own words first: they are rarer
        said = find(then, words, scene.barrier)
        if said and any(status_of(m, scene, sid)[0] in (None, POSSIBLE)
                        for m in find(first, words)):
            by_sign.setdefault(sid, []).extend(said)
    lookalikes: dict[str, list[Match]] = {}
    for match, sid in find_labelled(tables.not_, words):
        lookalikes.setdefault(sid, []).append(match)
    found: list[tuple[Match, str]] = []
    for sid, matches in by_sign.items():
        near = lookalikes.get(sid, [])
        kept_here = [
            m for m in matches if not any(_overlap(m, n) and not _within(n, m) for n in near)
        ]
        found += [(m, sid) for m in longest_first(kept_here)]
    kept = [
        (m, sid)
        for m, sid in found
        if not any(_within(m, other) and _rank(levels, sid) <= _rank(levels, oid)
                   for other, oid in found if oid != sid)
    ]
    result: list[Sign] = []
    for match, sid in kept:
        status, trigger = status_of(match, scene, sid)
        cue = " ".join(words[trigger.start : trigger.end]) if trigger else None
        at = trigger.start if trigger else None
        result.append(Sign(sid, levels.get(sid, ""), status, match.pattern.text, cue, at,
                           (match.start, match.end)))
    return _checked(_listed(result, words, vocab.list_joins))


def _long_past(
    signs: tuple[Sign, ...], words: Sequence[str], stemmed: Sequence[str], vocab: Vocabulary,
    scene: Scene, today: date | None, pain: Sequence[Match],
) -> tuple[tuple[Sign, ...], frozenset[int], bool]:
    """A sign told in a story set long ago, which the person then leaves for now ("two years
    ago I couldn't walk for a week, but this is different"), is long past; so are the times in
    that story ("for a week"), which are not this pain's. The last: whether the pain is told as
    lasting since a sign long past ("I fell in 2019 and it has hurt ever since")."""
    if vocab.frames is None or not signs:
        return signs, frozenset(), False
    where_set = vocab.frames.where_set
    events = [s.span for s in signs if s.id in where_set and s.status is None]
    frames = past_frames(words, stemmed, vocab.frames, scene, events, today)
    held = [next((f for f in frames if f.holds(s.span, s.id in where_set)), None)
            if s.id in vocab.frames.signs else None for s in signs]
    past, told = _put_past(signs, [None if f is None else _Cover(f.cue, f.cue_at,
                                                                  range(f.start, f.end))
                                   for f in held])
    return past, told, _lasting(signs, held, words, stemmed, vocab, scene, pain)


def _lasting(
    signs: Sequence[Sign], held: Sequence[Frame | None], words: Sequence[str],
    stemmed: Sequence[str], vocab: Vocabulary, scene: Scene, pain: Sequence[Match],
) -> bool:
    """The pain told as lasting since a sign long past: "I fell in 2019 and it has hurt ever
    since", "pain since a car crash in 2012", and, with a pain said now, one set back by its
    time alone: "I fell last year and it has hurt ever since", "aching since I fell as a kid"."""
    table = vocab.frames
    if table is None or table.since_then is None:
        return False
    far = [(s, f) for s, f in zip(signs, held, strict=True) if f is not None and f.long_ago]
    back = [s for s, f in zip(signs, held, strict=True)
            if f is None and s.status == HISTORICAL and s.id in table.signs]
    if not far and not back:
        return False
    if not any(status_of(m, scene)[0] in (None, POSSIBLE) for m in pain):
        return False  # "I fell as a kid and it's been fine ever since"
    fine = find(table.fine_since, stemmed) if table.fine_since is not None else []
    then = [m.start for m in find(table.since_then, stemmed) if status_of(m, scene)[0] is None
            and not any(f.start <= m.start < f.end for f in fine)]
    return any(f.since or any(at >= s.span[1] for at in then) for s, f in far) or any(
        any(at >= sign.span[1] for at in then)
        or since_at(words, sign.span[0] - _SINCE_BEFORE_SIGN, sign.span[0], table)
        for sign in back)


def _over(
    signs: tuple[Sign, ...], words: Sequence[str], stemmed: Sequence[str], vocab: Vocabulary,
    scene: Scene,
) -> tuple[tuple[Sign, ...], frozenset[int]]:
    """A sign told of an episode the person says is over ("I had dengue with a fever last
    month, now fully recovered") is not there now; nor are the times told in it."""
    table, frames = vocab.resolved, vocab.frames
    if table is None or frames is None or not signs:
        return signs, frozenset()
    ends = over([(s.id, s.span) for s in signs], words, stemmed, table, frames, scene)
    return _put_past(signs, [
        None if end is None else _Cover(" ".join(words[end.start:end.end]), end.start,
                                        range(sign.span[0], end.start))
        for sign, end in zip(signs, ends, strict=True)
    ])


def _episodes(
    words: Sequence[str], stemmed: Sequence[str], vocab: Vocabulary, scene: Scene
) -> frozenset[int]:
    """Where an episode said to be over was told: its times are not how long this pain lasted."""
    if vocab.resolved is None or vocab.frames is None:
        return frozenset()
    return episodes_over(words, stemmed, vocab.resolved, vocab.frames, scene)


class _Cover(NamedTuple):
    """What puts a sign in the past: the words that do (shown by --explain), where they are
    said, and the words told of that past, whose times are not this pain's."""

    cue: str
    at: int
    told: range


def _put_past(
    signs: tuple[Sign, ...], covers: Sequence[_Cover | None]
) -> tuple[tuple[Sign, ...], frozenset[int]]:
    """Each sign said plainly or hedged that a cover reaches, as long past; and where the words
    told of that past are."""
    out: list[Sign] = []
    told: set[int] = set()
    for sign, cover in zip(signs, covers, strict=True):
        if cover is not None and sign.status in (None, POSSIBLE):
            sign = sign._replace(status=HISTORICAL, cue=cover.cue, cue_at=cover.at)
            told.update(cover.told)
        out.append(sign)
    return tuple(out), frozenset(told)


def _elsewhere(
    signs: tuple[Sign, ...], words: Sequence[str], stemmed: Sequence[str], vocab: Vocabulary,
    scene: Scene,
) -> tuple[Sign, ...]:
    """A sign said of another part of the body ("my ankle's puffy from a sting") is not the
    hip's."""
    table = vocab.elsewhere
    if table is None:
        return signs
    out = []
    for sign in signs:
        at = part_named(sign.id, sign.span, stemmed, table, scene.barrier) if sign.present else None
        if at is not None:
            sign = sign._replace(status=ELSEWHERE, cue=words[at], cue_at=at)
        out.append(sign)
    return tuple(out)


def _listed(signs: list[Sign], words: Sequence[str], joins: frozenset[str]) -> list[Sign]:
    """A sign listed after a negated one with "or" is negated too, however far the trigger's
    scope reaches: "no pins and needles or numbness", "not feverish or shivery"."""
    out: list[Sign] = []
    for sign in sorted(signs, key=lambda s: s.span):
        before = out[-1] if out else None
        if (sign.status is None and before is not None and before.status == NEGATED
                and 0 < sign.span[0] - before.span[1] <= 2
                and all(w in joins for w in words[before.span[1]:sign.span[0]])):
            sign = sign._replace(status=NEGATED, cue=before.cue, cue_at=before.cue_at)
        out.append(sign)
    return out


def _checked(signs: list[Sign]) -> tuple[Sign, ...]:
    """A doubt settled later: "not sure if it's a fever, I checked and my temperature is
    normal". When a sign's last mention is negated, earlier uncertain ones are negated too; a
    doubt said after a no ("no fever, but not sure about chills") still stands."""
    last = {s.id: s for s in sorted(signs, key=lambda s: s.span)}
    return tuple(
        s._replace(status=NEGATED, cue=last[s.id].cue, cue_at=last[s.id].cue_at)
        if s.status == UNCERTAIN and last[s.id].status == NEGATED and s.span < last[s.id].span
        else s
        for s in signs
    )


def _not_theirs(
    spans: Sequence[tuple[int, int, str]], people: People
) -> list[tuple[int, int, str]]:
    """The times said of the speaker, not in someone else's clause."""
    return [d for d in spans if someone_elses(d[:2], people) is None]


def _speakers(signs: tuple[Sign, ...], words: Sequence[str], people: People
              ) -> tuple[tuple[Sign, ...], bool]:
    """The speaker's pain: a sign said of someone else ("my wife's got the flu") is theirs;
    and whether someone else's emergency is happening now ("my husband just collapsed"), which
    counts as said, to the person helping."""
    out, now = [], False
    for sign in signs:
        whose = someone_elses(sign.span, people) if sign.present else None
        urgent = sign.level == _URGENT
        if whose is not None and urgent and happening_now(sign.id, sign.span, people):
            now = True
        elif whose is not None:
            sign = sign._replace(status=SOMEONE_ELSE, cue=" ".join(words[whose.start:whose.end]),
                                 cue_at=whose.start)
        out.append(sign)
    return tuple(out), now


def _own_story(
    signs: Sequence[Sign], pain: Sequence[Match], others: Sequence[Match], people: People
) -> bool:
    """The speaker tells of their own pain with someone else in the story ("babysitting our
    grandson, getting up off the floor hurts my knees"): every pain and sign said has the
    speaker ("I", "me", "my") as the nearest person named before it, never someone else ("my
    son is limping and I'm worried")."""
    named = [(m.start, False) for m in others] + [
        (m.start, True) for m in people.mine if not any(_overlap(m, o) for o in others)]
    spans = [s.span for s in signs] + [(m.start, m.end) for m in pain]
    if not spans or not any(me for _, me in named):
        return False
    for start, _ in spans:
        before = [(at, me) for at, me in named if at < start]
        if not before or not max(before)[1]:
            return False
    return True


def _someone_else(words: Sequence[str], vocab: Vocabulary, others: Sequence[Match]) -> bool:
    """Someone else's pain: a person is named (`others`, not only as where or whose) and the
    speaker's own body is not."""
    places = find(vocab.not_children, words)
    named = [m for m in others if not any(_overlap(m, p) for p in places)]
    return bool(named) and not find(vocab.self_, words)


def _child(
    words: Sequence[str], vocab: Vocabulary, children: Sequence[Match], mine: bool = False
) -> bool:
    """A child's pain: a child is named (`children`, not a grown-up's age), and neither the
    speaker's body nor their own story (`mine`); or the speaker says they are a child ("I'm
    fifteen and my hip hurts")."""
    if vocab.young_speaker is not None and find(vocab.young_speaker, words):
        return True
    if mine:
        return False
    grown = find(vocab.adults, words) + find(vocab.not_children, words)
    kids = [m for m in children if not any(_overlap(m, a) for a in grown)]
    return bool(kids) and not find(vocab.self_, words)


def _rank(levels: Mapping[str, str], sid: str) -> int:
    return _SEVERITY.get(levels.get(sid, ""), 0)


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _within(inner: Match, outer: Match) -> bool:
    """Strictly inside: 'fracture' within 'stress fracture'."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
    )


def _particle(
    words: Sequence[str], vocab: Vocabulary, statement: frozenset[int]
) -> tuple[str | None, int]:
    """A yes, no, hedge or unsure at the start (after any filler), the longest winning, and
    where it ends.

    One that begins with a person ("I did", "I can't") counts only as the whole answer or
    before a new clause: "I can't get my socks on" is not a no, "I can't, it's too painful"
    is. A yes or no inside a safe statement is the statement's ("no problem walking").
    """
    start = next((i for i, w in enumerate(words) if w not in vocab.filler), len(words))
    last = max((i for i, w in enumerate(words) if w not in vocab.filler), default=-1) + 1
    best: tuple[int, str] | None = None
    kinds = (("unsure", vocab.unsure), ("no", vocab.no), ("yes", vocab.yes), (_HEDGE, vocab.hedge))
    for name, patterns in kinds:
        if patterns is None:
            continue
        for match in find(patterns, words):
            if match.start != start or (best is not None and match.end <= best[0]):
                continue
            if name != "unsure" and match.start in statement:
                continue
            clause = match.end < len(words) and words[match.end] in vocab.then
            if (name != "unsure" and words[match.start] in vocab.persons and match.end < last
                    and not clause):
                continue
            best = (match.end, name)
    return (best[1], best[0]) if best else (None, 0)


def _particle_at(words: Sequence[str], vocab: Vocabulary) -> int:
    """Where an answer would begin: the first word that is not filler."""
    return next((i for i, w in enumerate(words) if w not in vocab.filler), len(words))


def _safe_matches(
    words: Sequence[str], vocab: Vocabulary, scene: Scene
) -> list[tuple[Match, str]]:
    """The plain statements that answer a safety question safely ('I can walk fine')."""
    return [
        (match, question)
        for match, question in find_labelled(vocab.safe, words, scene.barrier)
        if status_of(match, scene)[0] is None
    ]


def _said(patterns: PatternSet | None, words: Sequence[str], scene: Scene) -> bool:
    """Said and not negated: "it isn't getting better" is the opposite of getting better."""
    if patterns is None:
        return False
    return any(status_of(m, scene)[0] is None for m in find(patterns, words))


def _unharmed(
    signs: tuple[Sign, ...], words: Sequence[str], stemmed: Sequence[str], vocab: Vocabulary,
    scene: Scene, pain: Sequence[Match],
) -> tuple[Sign, ...]:
    """A fall said to have done no harm ("I tripped on the stairs, but nothing serious"), with
    no pain said now, is not a warning sign; any pain said keeps it one ("it didn't hurt at
    first, but now my hip aches"), as do a sign of harm, harm delayed and a fall onto the hip."""
    table = vocab.unharmed
    if table is None or not any(s.present and s.id in table.signs for s in signs):
        return signs
    delayed = find(table.not_, stemmed)
    ends = [m for m in find(table.phrases, stemmed) if status_of(m, scene)[0] is None
            and not any(d.start <= m.start < d.end or m.start <= d.start < m.end
                        for d in delayed)]
    if not ends or any(s.present and s.id in table.shown_by for s in signs) or _hurts_now(
            pain, scene, ends):
        return signs
    hip = vocab.elsewhere.here if vocab.elsewhere is not None else frozenset()
    out = []
    for sign in signs:
        end = next((e for e in ends if sign.span[0] <= e.start <= sign.span[1] + table.reach),
                   None)
        if end is not None and hip.intersection(stemmed[sign.span[0]:end.start]):
            end = None  # "I fell on my hip, but no serious injuries": the hip may still be hurt
        if end is not None and sign.present and sign.id in table.signs:
            sign = sign._replace(status=NEGATED, cue=" ".join(words[end.start:end.end]),
                                 cue_at=end.start)
        out.append(sign)
    return tuple(out)


def _hurts_now(pain: Sequence[Match], scene: Scene, ends: Sequence[Match]) -> bool:
    """Whether a pain word is said as now, not one of the no-harm words and not negated but by
    them: "no harm done, my hip is a bit tender" is tender, whatever "no harm" reaches."""
    def within(at: int) -> bool:
        return any(e.start <= at < e.end for e in ends)

    rest = scene._replace(triggers=tuple(t for t in scene.triggers if not within(t.start)))
    # a bit sore, or not sure if it hurts, is sore: only a pain denied, gone or supposed is not
    return any(not within(m.start)
               and status_of(m, rest)[0] not in (NEGATED, HISTORICAL, HYPOTHETICAL)
               for m in pain)


def _better_at(words: Sequence[str], vocab: Vocabulary, scene: Scene) -> Match | None:
    """The last word of getting better, if nothing after it undoes it: "it got better, then
    came back worse" is not getting better."""
    if vocab.improving is None:
        return None
    told = find(vocab.improving_not, words) if vocab.improving_not is not None else []
    better = [m for m in find(vocab.improving, words) if status_of(m, scene)[0] is None
              and not any(n.start <= m.start and m.end <= n.end for n in told)]
    if not better:
        return None
    last = max(better, key=lambda m: m.end)
    undone = find(vocab.improving_undone, words) if vocab.improving_undone is not None else []
    return None if any(m.start >= last.end for m in undone) else last


def _bettered(
    signs: tuple[Sign, ...], words: Sequence[str], vocab: Vocabulary, better: Match | None
) -> tuple[tuple[Sign, ...], Match | None]:
    """The last word on how the pain is going wins: a sign of a pain that would not get better,
    told before it did ("it went from getting worse to getting better each day"), is past; one
    told after undoes the better ("it eased for a bit, but nothing has helped since")."""
    if better is None or any(s.present and s.id in vocab.bettered and s.span[0] >= better.end
                             for s in signs):
        return signs, None
    cue = " ".join(words[better.start:better.end])
    return tuple(
        sign._replace(status=HISTORICAL, cue=cue, cue_at=better.start)
        if sign.id in vocab.bettered and sign.status in (None, POSSIBLE)
        and sign.span[1] <= better.start else sign
        for sign in signs
    ), better


def _held(
    words: Sequence[str], vocab: Vocabulary, scene: Scene,
    named: Sequence[tuple[Match, str]], asked: bool,
) -> bool:
    """A condition the person says is theirs ("I've developed some arthritis", "I suffer from
    bursitis"), not wondered about, asked, or a part of the body: care already sought. `named`:
    the conditions found in the words, which the reader has already looked for."""
    if vocab.holds is None or asked or not named:
        return False
    holds = [m.end for m in find(vocab.holds, words)]
    parts = find(vocab.not_held, words) if vocab.not_held is not None else []
    return any(
        0 <= match.start - end <= _HOLDS_REACH
        and not any(p.start <= match.start and match.end <= p.end for p in parts)
        and not scene.barrier.intersection(range(end, match.start))
        and status_of(match, scene, NAMED_CONDITION)[0] is None
        for match, _ in named for end in holds
    )


def _replaced(words: Sequence[str], vocab: Vocabulary, scene: Scene) -> bool:
    """The hip has been replaced, not is to be: "my new hip", never "I need a new hip"."""
    due = vocab.replacement_due is not None and bool(find(vocab.replacement_due, words))
    return not due and _said(vocab.replaced, words, scene)


def _covered(matches: Iterable[Match]) -> frozenset[int]:
    return frozenset(i for m in matches for i in range(m.start, m.end))


def _features(
    words: Sequence[str], vocab: Vocabulary, scene: Scene, safe: Sequence[range] = ()
) -> Mapping[str, tuple[str, ...]]:
    """Features by group, matched with the small words left out, never when negated; a trigger
    inside a longer safe statement is not one: "I can stand on it" says what does not hurt."""
    keep = [i for i, w in enumerate(words) if w not in vocab.soft]
    reduced = [words[i] for i in keep]
    found: dict[str, tuple[str, ...]] = {}
    for group, ids in vocab.features.items():
        lookalikes = vocab.features_not.get(group)
        found_near = find_labelled(lookalikes, reduced) if lookalikes else []
        near = [_unreduce(m, keep) for m, _ in found_near]
        matches = [(_unreduce(m, keep), fid) for m, fid in find_labelled(ids, reduced)]
        matches = [(m, fid) for m, fid in matches if not any(_overlap(m, n) for n in near)]
        chosen = longest_first([m for m, _ in matches])
        named = [fid for m, fid in matches
                 if m in chosen and status_of(m, scene, feature=True)[0] != NEGATED
                 and not (group == TRIGGER
                          and any(_says_more(statement, m, words, vocab) for statement in safe))]
        if named:
            found[group] = tuple(dict.fromkeys(named))
    return MappingProxyType(found)


def _spans(matches: Iterable[Match]) -> list[range]:
    """Overlapping matches joined: "can stand" and "stand on it" are one statement."""
    spans: list[range] = []
    for m in sorted(matches, key=lambda m: m.start):
        if spans and m.start < spans[-1].stop:
            spans[-1] = range(spans[-1].start, max(spans[-1].stop, m.end))
        else:
            spans.append(range(m.start, m.end))
    return spans


def _says_more(statement: range, feature: Match, words: Sequence[str], vocab: Vocabulary) -> bool:
    """A safe statement around a feature that adds words of its own ("can" in "I can stand on
    it"): the feature is what the person can do, not what hurts."""
    if not (statement.start <= feature.start and feature.end <= statement.stop):
        return False
    outside = [*range(statement.start, feature.start), *range(feature.end, statement.stop)]
    return any(words[i] not in vocab.soft for i in outside)


def _unreduce(match: Match, keep: list[int]) -> Match:
    """A match in the reduced words, as positions in the words as said."""
    return Match(keep[match.start], keep[match.end - 1] + 1, match.pattern)


def _first_id(
    found: Sequence[tuple[Match, str]], scene: Scene, last: bool = False, sign: str = ""
) -> str | None:
    """The first id named (`found`: each match with its id), not negated or wondered about, the
    longest at a tie; `last`: the
    last one named ("my so-called sciatica ... a specialist told me it's impingement"); `sign`:
    the context rules that apply (`named_condition` for a condition the person names)."""
    keys = [
        (-match.end, match.start - match.end, ident) if last
        else (match.start, match.start - match.end, ident)
        for match, ident in found
        if status_of(match, scene, sign)[0] not in (NEGATED, HYPOTHETICAL)
    ]
    return min(keys)[2] if keys else None


def _topic(words: Sequence[str], vocab: Vocabulary, asks: Sequence[Match]) -> str | None:
    """A self-care topic, only when it is asked about (`asks`) or is all that was said."""
    content = [w for w in words if w not in vocab.filler]
    opens = bool(content) and content[0] in vocab.openers  # "is heat or ice better for ..."
    best: tuple[int, int, str] | None = None
    for match, topic in find_labelled(vocab.topics, words):
        alone = len(content) <= (match.end - match.start) + _ALONE_SLACK
        asked = any(0 <= match.start - ask.end <= _ASK_REACH for ask in asks)
        if (asked or alone or opens) and (best is None or (match.start, -match.end) < best[:2]):
            best = (match.start, -match.end, topic)
    return best[2] if best else None


def _command(words: Sequence[str], vocab: Vocabulary) -> str | None:
    """A built-in command, only when it is all that was said, filler aside."""
    content = tuple(w for w in words if w not in vocab.filler)
    if not content or len(content) > 5:
        return None
    for match, intent in find_labelled(vocab.commands, content):
        if match.start == 0 and match.end == len(content):
            return intent
    return None


def _past(signs: Sequence[Sign], words: Sequence[str]) -> frozenset[int]:
    """Where a time belongs to a sign long past ("I broke my hip five years ago", "a fever last
    week, I'm over it"): from the sign to its trigger, and a few words before; that time is not
    how long this pain has lasted."""
    out: set[int] = set()
    for sign in signs:
        if sign.status == HISTORICAL and sign.cue_at is not None and sign.cue:
            first = min(sign.cue_at, sign.span[0])
            last = max(sign.cue_at + len(sign.cue.split()), sign.span[1])
            out.update(range(max(0, first - _PAST_REACH), min(len(words), last + 1)))
    return frozenset(out)


def _other_times(words: Sequence[str], vocab: Vocabulary) -> frozenset[int]:
    """Where a time says how long something else lasted ("fine for weeks", "running for twenty
    years"): the words after such a phrase, up to the next few, are not the pain's time; nor
    the words before one that says since what ("seven weeks since my operation")."""
    out: set[int] = set()
    for match in find(vocab.other_times, words) if vocab.other_times is not None else ():
        out.update(range(match.end, min(len(words), match.end + _OTHER_REACH)))
    for match in find(vocab.times_since, words) if vocab.times_since is not None else ():
        out.update(range(max(0, match.start - _SINCE_REACH), match.start))
    return frozenset(out)


def _started(
    words: list[str], today: date | None, past: frozenset[int] = frozenset(),
    month_onset: frozenset[tuple[str, ...]] = frozenset(),
) -> str | None:
    """When it began: a day said without a date means the last one ('since Saturday')."""
    if today is None:
        return None
    for start, end, value in find_dates(words, today):
        if past.intersection(range(start, end)) or (start > 0 and words[start - 1] == "than"):
            continue  # long past, or a comparison: "worse now than last week"
        if any(w in _AHEAD for w in words[start:end]):
            continue  # "what if I can't walk on it tomorrow": not a day it began
        try:
            day = date.fromisoformat(value)
        except ValueError:
            month = _month(value, today) or _year_begun(value, today)
            if month is None or not any(tuple(words[max(0, start - len(cue)):start]) == cue
                                        for cue in month_onset):
                continue  # weeks, PRESENT_REF: not a day the pain began
            return month.isoformat()
        if day > today:
            day -= timedelta(days=7) if day - today <= timedelta(days=7) else (day - today)
        return day.isoformat()
    return None


def _ahead(words: list[str], durations: Sequence[tuple[int, int, str]]) -> str | None:
    """A time ahead ("remind me in fifteen minutes"): when, not how long it has hurt."""
    return next((value for start, _, value in durations if _is_ahead(words, start)), None)


def _is_ahead(words: Sequence[str], start: int) -> bool:
    return start > 0 and words[start - 1] in _AHEAD_OF


def _vague(words: Sequence[str], vocab: Vocabulary) -> list[tuple[int, int, str]]:
    """How long, said without a number ("for the past few months"), at the least it means; of
    overlapping ones the longest ("in a few days" is ahead, so "few days" in it is too)."""
    found = find_labelled(vocab.vague, words)
    kept = longest_first([m for m, _ in found])
    return [(m.start, m.end, iso) for m, iso in found if m in kept]


def _year_begun(value: str, today: date) -> date | None:
    """A year said for when it began ("since 2019", "since last year"): its first day, if it
    has begun."""
    year = year_of(value)
    return None if year is None or year > today.year else date(year, 1, 1)


def _month(value: str, today: date) -> date | None:
    """A month said for when it began ("since September", "in late January"): the last one
    that has begun, from its first day. Alexa resolves a month to the next one ("2027-01")."""
    if len(value) != 7 or value[4] != "-" or not (value[:4] + value[5:]).isdigit():
        return None
    year, month = int(value[:4]), int(value[5:])
    if not 1 <= month <= 12:
        return None
    day = date(year, month, 1)
    while day > today:
        day = day.replace(year=day.year - 1)
    return day


def _duration(
    words: list[str], durations: Sequence[tuple[int, int, str]],
    past: frozenset[int] = frozenset(), rates: frozenset[str] = frozenset(),
    vague: Sequence[tuple[int, int, str]] = (),
    not_after: frozenset[tuple[str, ...]] = frozenset(),
) -> str | None:
    """How long it has been; an age ("a six year old", "thirty weeks pregnant") is not a
    duration, nor the time of something long past, nor how often ("forty miles a week", "every
    couple of hours"), nor a moment ("for a second or two")."""
    for start, end, value in sorted([*durations, *vague]):
        if words[end : end + 1] == ["old"] or words[end : end + 2] in _AGE_AFTER:
            continue  # an age: "a six year old", "my mattress has a few years on it"
        if any(tuple(words[end : end + len(after)]) == after for after in not_after):
            continue  # "thirty weeks pregnant", "six weeks postpartum", "a month to go"
        if start > 0 and words[start - 1] in rates:
            continue
        if start > 0 and words[start - 1] in _FREQUENCY:
            continue  # how often: "it wakes me every couple of hours"
        if _MOMENT.fullmatch(value):
            continue  # a moment: "I can stand on it only for a second or two"
        if _is_ahead(words, start):
            continue  # "my ski trip in a couple of weeks": a time ahead
        if past.intersection(range(start, end)):
            continue
        return value
    return None
