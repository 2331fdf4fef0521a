"""The page's microphone button in Chromium, with a recording as the microphone: the local
recogniser is the default, and what it hears is said to the skill like typed text.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skill.simulator import Simulator
from skill.web.app import create_app
from tests.simulator.voice.conftest import Speak
from tests.support.websim_browser import (
    ARGS,
    CHROMIUM,
    COMPLAINT,
    Tab,
    served,
    why_no_browser,
)


@pytest.fixture
def microphone(speak: Speak, tmp_path: Path) -> tuple[Path, float]:
    """The complaint, then two seconds of quiet: what Chromium's fake microphone plays."""
    path = speak(tmp_path, "complaint", COMPLAINT)
    with wave.open(str(path), "rb") as handle:
        params, frames = handle.getparams(), handle.readframes(handle.getnframes())
    seconds = len(frames) / 2 / params.framerate
    with wave.open(str(path), "wb") as handle:
        handle.setparams(params)
        handle.writeframes(frames + bytes(2 * params.framerate * 2))
    return path, seconds


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    app = create_app({"env": "development", "simulator": "", "db_path": str(tmp_path / "m.db"),
                      "user_key_secret": "browser-test"})
    with served(app) as url:
        yield url


@pytest.fixture
def tab(microphone: tuple[Path, float], base_url: str, tmp_path: Path) -> Iterator[Tab]:
    missing = why_no_browser()
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {missing}")
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    fake = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={microphone[0]}"]
    with sync_playwright() as playwright:
        context: Any = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
            args=ARGS + fake)
        context.set_default_timeout(15_000)
        tab = Tab(context, base_url)
        yield tab
        assert tab.errors == [], "console errors"
        assert all(u.startswith(base_url) or u.startswith("data:") for u in tab.urls), tab.urls
        context.close()


def test_the_microphone_records_here_and_the_skill_answers_what_it_heard(
    tab: Tab, microphone: tuple[Path, float]
) -> None:
    from playwright.sync_api import expect

    page = tab.page
    expect(page.get_by_label("This machine’s recogniser", exact=False)).to_be_checked()
    mic = page.get_by_role("button", name="Speak instead of typing")
    mic.click()
    expect(mic).to_have_attribute("aria-pressed", "true")
    page.wait_for_timeout(int((microphone[1] + 1.0) * 1000))
    reply = tab.after(mic.click)
    heard = page.locator(".you").last.inner_text().splitlines()[-1].strip()
    assert heard.endswith("hurts when i lie on it"), heard  # through the browser's resampling
    expect(reply.locator(".speech")).to_have_text(Simulator().say(heard).speech)


def test_a_check_from_the_local_recogniser_is_shown_and_said_and_its_answer_sent(
    tab: Tab,
) -> None:
    from playwright.sync_api import expect

    from tests.simulator.voice.test_voice_weight_check import BEFORE_WEIGHT

    page = tab.page
    for text in BEFORE_WEIGHT:
        tab.send(text)
    ask = "Just to check: you can put weight on that leg? Say yes or no."
    answers = iter([{"words": "i can walk", "say": "", "ask": ask},
                    {"words": "no", "say": "no, I can't put weight on it", "ask": ""}])
    posted: list[str] = []

    def heard(route: Any) -> None:  # the server's answers, as listen.py gives them
        if route.request.method != "POST":
            route.continue_()
            return
        posted.append(route.request.url)
        route.fulfill(json=next(answers))

    page.route("**/simulator/api/recognise*", heard)
    mic = page.get_by_role("button", name="Speak instead of typing")
    replies = page.locator(".log > li:has(.alexa)")
    count = replies.count()
    mic.click()
    expect(mic).to_have_attribute("aria-pressed", "true")
    mic.click()
    expect(page.locator(".log .event").last).to_contain_text(ask)
    assert replies.count() == count and "session=" in posted[0]  # nothing was sent to the skill
    mic.click()
    expect(mic).to_have_attribute("aria-pressed", "true")
    reply = tab.after(mic.click)
    expect(reply.locator(".speech")).to_contain_text("emergency")
