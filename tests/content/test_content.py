"""The content loader accepts the packaged files and names the file and field of any mistake."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from skill.content import CONDITION_IDS, CONTENT_DIR, ContentError, get_content, load_content


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(root: Path, name: str, change: Callable[[dict], None]) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data))


def test_packaged_content_loads_with_every_condition() -> None:
    content = get_content()
    assert tuple(content.conditions) == CONDITION_IDS
    assert get_content() is content


def test_every_condition_cites_a_source() -> None:
    for condition in get_content().conditions.values():
        assert condition.sources, condition.id


def test_summaries_pass_the_one_breath_test() -> None:
    for condition in get_content().conditions.values():
        assert len(condition.summary.split()) <= 20, condition.id


def test_every_short_form_has_its_detail() -> None:
    content = get_content()
    for condition in content.conditions.values():
        assert content.detail_of(f"condition.{condition.id}.summary"), condition.id
        assert content.detail_of(f"condition.{condition.id}.about"), condition.id
    for topic in content.topics.values():
        assert content.detail_of(f"topic.{topic.id}.say"), topic.id


def test_only_the_painkiller_cautions_and_when_to_get_help_are_always_said_in_full() -> None:
    topics = get_content().topics.values()
    assert [t.id for t in topics if t.asked_in_full] == ["medicines"]
    assert [t.id for t in topics if t.always_in_full] == ["see_doctor"]
    assert "pharmacist" in get_content().topics["medicines"].say


def test_no_text_says_you_have() -> None:
    content = get_content()
    texts = [c.summary + c.about for c in content.conditions.values()]
    texts += [t.say for t in content.topics.values()] + list(content.dialog.values())
    assert not [t for t in texts if "you have " in t.lower()]


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("conditions/gtps.yaml", lambda d: d.pop("summary"), "conditions/gtps.yaml: summary: is missing"),
        ("conditions/fai.yaml", lambda d: d.update(id="other"), "conditions/fai.yaml: id: must equal"),
        (
            "conditions/gtps.yaml",
            lambda d: d["features"].update(location=["elbow"]),
            "conditions/gtps.yaml: features.location: 'elbow' is not an id",
        ),
        (
            "conditions/gtps.yaml",
            lambda d: d.update(summary="word " * 60),
            "conditions/gtps.yaml: summary: has 60 words; the limit is 20",
        ),
        ("conditions/gtps.yaml", lambda d: d.pop("detail"), "conditions/gtps.yaml: detail: is missing"),
        (
            "conditions/gtps.yaml",
            lambda d: d.update(detail="word " * 41),
            "conditions/gtps.yaml: detail: has 41 words; the limit is 40",
        ),
        (
            "conditions/gtps.yaml",
            lambda d: d.update(summary="Ice it for 15 minutes."),
            "conditions/gtps.yaml: summary: has digits",
        ),
        (
            "care.yaml",
            lambda d: d["topics"]["rest"].pop("detail"),
            "care.yaml: topics.rest.detail: is missing",
        ),
        (
            "care.yaml",
            lambda d: d["topics"]["ice"].update(say="word " * 33),
            "care.yaml: topics.ice.say: has 33 words; the limit is 32",
        ),
        (
            "conditions/gtps.yaml",
            lambda d: d.update(summary="You have bursitis."),
            "conditions/gtps.yaml: summary: says 'you have'",
        ),
        ("conditions/gtps.yaml", lambda d: d.update(sources=[]), "conditions/gtps.yaml: sources"),
        (
            "conditions/gtps.yaml",
            lambda d: d.update(after_injury=["running"]),
            "conditions/gtps.yaml: after_injury: 'running' is not one of this condition's features",
        ),
        (
            "conditions/stress_fracture.yaml",
            lambda d: d.update(requires=[["weight_bearing"], ["lying_on_side"]]),
            "conditions/stress_fracture.yaml: requires: 'lying_on_side' is not one of this "
            "condition's features",
        ),
        (
            "conditions/stress_fracture.yaml",
            lambda d: d.update(requires=[["weight_bearing"], 3]),
            "conditions/stress_fracture.yaml: requires: must be feature ids, or lists of feature ids",
        ),
        (
            "conditions/gtps.yaml",
            lambda d: d.update(after_injury="sometimes"),
            "conditions/gtps.yaml: after_injury: must be a non-empty list",
        ),
        (
            "safety.yaml",
            lambda d: d["red_flags"]["fever"].update(level="soonish"),
            "safety.yaml: red_flags.fever.level: must be one of",
        ),
        (
            "safety.yaml",
            lambda d: d["questions"]["fever"].update(flag="unknown"),
            "safety.yaml: questions.fever.flag",
        ),
        ("care.yaml", lambda d: d["walkthrough"].append("nap"), "care.yaml: walkthrough: 'nap'"),
        ("dialog.yaml", lambda d: d.update(welcome="Hi {name"), "dialog.yaml: welcome: has a broken"),
        ("locales.yaml", lambda d: d["en-GB"].pop("doctor"), "locales.yaml: en-GB.doctor: is missing"),
        (
            "questions.yaml",
            lambda d: d[next(iter(d))].update(group="mood"),
            "questions.yaml: ",
        ),
    ],
)
def test_a_bad_file_fails_naming_file_and_field(
    copy: Path, name: str, change: Callable[[dict], None], message: str
) -> None:
    _edit(copy, name, change)
    with pytest.raises(ContentError) as error:
        load_content(copy)
    assert message in str(error.value)


def test_a_missing_condition_file_is_named(copy: Path) -> None:
    (copy / "conditions" / "fai.yaml").unlink()
    with pytest.raises(ContentError, match=r"content/conditions/fai\.yaml: file is missing"):
        load_content(copy)


def test_broken_yaml_is_named(copy: Path) -> None:
    (copy / "care.yaml").write_text("topics: [unclosed\n")
    with pytest.raises(ContentError, match=r"content/care\.yaml: not valid YAML"):
        load_content(copy)
