"""Pure: described features -> ranked conditions, and the question that separates the top two."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from skill.core.content_types import Condition, Content, Question

# Where it hurts says most; what makes it worse and how it feels next; the rest least.
WEIGHTS: Mapping[str, float] = {
    "location": 3.0,
    "trigger": 2.0,
    "quality": 2.0,
    "onset": 1.0,
    "activity": 1.0,
}
# Two conditions "fit about equally" when the runner-up is this close to the leader.
CLOSE_MARGIN = 1.0


class Match(NamedTuple):
    condition: str
    score: float


class Ranking(NamedTuple):
    """The ranked conditions, and whether the top two need separating first."""

    matches: tuple[Match, ...]

    @property
    def best(self) -> str | None:
        """The leading condition's id, or None when nothing described fits any."""
        return self.matches[0].condition if self.matches else None

    @property
    def close(self) -> bool:
        """True when the top two scored within CLOSE_MARGIN of each other."""
        if len(self.matches) < 2:
            return False
        return self.matches[0].score - self.matches[1].score < CLOSE_MARGIN


def score_condition(features: Mapping[str, Iterable[str]], condition: Condition) -> float:
    """Sum the weights of every described feature that the condition is known for.

    Where it hurts says most: a condition felt nowhere the person named loses a location's
    weight, so a runner's outer-hip ache is not a groin stress fracture on activity alone.
    """
    total = 0.0
    for group, ids in features.items():
        known = condition.features.get(group, frozenset())
        hits = sum(1 for fid in ids if fid in known)
        if group == "location":  # one place of pain: two words for it are not twice the fit
            hits = min(hits, 1)
        total += WEIGHTS.get(group, 1.0) * hits
    places = list(features.get("location", ()))
    if places and not set(places) & condition.features.get("location", frozenset()):
        total -= WEIGHTS["location"]
    return total


def nameable(
    ranking: Ranking, features: Mapping[str, Iterable[str]], content: Content
) -> str | None:
    """The best match that may be named: a condition that `requires` a feature is named only
    once one of them is described (a stress fracture never on running alone), though it is
    still a rival the separating questions can rule in."""
    described = _described(features)
    for match in ranking.matches:
        if _may_name(content.conditions[match.condition], described):
            return match.condition
    return None


def _may_name(condition: Condition, described: set[str]) -> bool:
    """What a condition `requires` has been described (a stress fracture never on running alone)."""
    return _unmet(condition, described) is None


def _unmet(condition: Condition, described: set[str]) -> frozenset[str] | None:
    """The first group of `requires` none of whose features has been described, if any."""
    return next((group for group in condition.requires if not group & described), None)


def cautious(
    ranking: Ranking, features: Mapping[str, Iterable[str]], content: Content
) -> str | None:
    """A close fit that needs a provider (a possible stress fracture), when the person could not
    say what would have ruled it out: it is named rather than matched away; None if none is."""
    if not ranking.matches:
        return None
    described = _described(features)
    top = ranking.matches[0].score
    for match in ranking.matches:
        condition = content.conditions[match.condition]
        if (top - match.score < CLOSE_MARGIN and condition.care.triage == "see_provider"
                and _may_name(condition, described)):
            return match.condition
    return None


def after_injury(condition: Condition, features: Mapping[str, Iterable[str]]) -> bool:
    """An injury can cause or reveal it (`after_injury`), and what it needs besides has been
    described: it may be suggested after an injury's urgent advice."""
    needs = condition.after_injury
    return needs is not None and (not needs or bool(needs & _described(features)))


def _described(features: Mapping[str, Iterable[str]]) -> set[str]:
    return {fid for ids in features.values() for fid in ids}


def ruling_in_question(
    ranking: Ranking, features: Mapping[str, Iterable[str]], content: Content,
    asked: Iterable[str],
) -> Question | None:
    """The leader's own question that could rule it in, when it leads but may not be named yet:
    a runner's groin pain is asked about weight bearing before it is called a strain."""
    if ranking.best is None:
        return None
    needs = _unmet(content.conditions[ranking.best], _described(features))
    if needs is None:
        return None
    done = set(asked)
    for qid in content.conditions[ranking.best].questions:
        question = content.questions[qid]
        if qid not in done and needs & set(question.options):
            return question
    return None


def match_conditions(
    features: Mapping[str, Iterable[str]], content: Content, replaced: bool = False
) -> Ranking:
    """Rank every condition with a positive score, best first, content order breaking ties;
    `replaced`: the hip has been replaced, so only what a replaced hip can have is ranked."""
    scored = [
        Match(cid, score_condition(features, cond)) for cid, cond in content.conditions.items()
        if cond.in_replaced_hip or not replaced
    ]
    positive = [m for m in scored if m.score > 0]
    return Ranking(tuple(sorted(positive, key=lambda m: -m.score)))


def separating_question(
    ranking: Ranking, content: Content, asked: Iterable[str]
) -> Question | None:
    """The first unasked question telling the leader from a close runner-up.

    Runners-up that need a provider (a possible stress fracture) are ruled in or out first;
    when no question is left for the second, the third close one is tried, and so on.
    """
    if not ranking.close:
        return None
    leader = content.conditions[ranking.matches[0].condition]
    top = ranking.matches[0].score
    rivals = [
        content.conditions[m.condition]
        for m in ranking.matches[1:]
        if top - m.score < CLOSE_MARGIN
    ]
    rivals.sort(key=lambda c: c.care.triage != "see_provider")
    done = set(asked)
    for rival in rivals:
        candidates = [*leader.questions, *rival.questions, *content.questions]
        for qid in dict.fromkeys(candidates):
            question = content.questions[qid]
            if qid not in done and _splits(question, leader, rival):
                return question
    return None


def _splits(question: Question, a: Condition, b: Condition) -> bool:
    """A question separates a from b when one option is a's alone and another b's alone."""
    fa = a.features.get(question.group, frozenset())
    fb = b.features.get(question.group, frozenset())
    only_a = any(o in fa and o not in fb for o in question.options)
    only_b = any(o in fb and o not in fa for o in question.options)
    return only_a and only_b


def merge_features(
    current: Mapping[str, Iterable[str]], new: Mapping[str, Iterable[str]]
) -> dict[str, list[str]]:
    """Add newly described features to what was said before, keeping order and no repeats."""
    merged = {group: list(ids) for group, ids in current.items()}
    for group, ids in new.items():
        bucket = merged.setdefault(group, [])
        bucket.extend(fid for fid in ids if fid not in bucket)
    return merged
