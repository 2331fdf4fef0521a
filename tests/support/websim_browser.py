"""Support for the web simulator's browser tests: Chromium's whereabouts, a recording tab, and
in-page accessibility checks."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
URGENT = "Urgent: seek medical attention now"
COMPLAINT = "my outer hip hurts when I lie on it"
NAMED_ROLES = {"button", "textbox", "combobox", "checkbox", "radio", "link", "DisclosureTriangle"}


def why_no_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} not found: run `make browser` (apt-get install -y chromium)"
    return None


@contextmanager
def served(app: Any) -> Iterator[str]:
    """The app on a free loopback port, in a background thread, for as long as the block runs."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class Tab:
    """A page on the simulator that records console errors and every URL it asks for."""

    def __init__(self, context: Any, base_url: str) -> None:
        self.page, self.base_url = context.new_page(), base_url
        self.errors: list[str] = []
        self.urls: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else 0)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.urls.append(request.url))
        self.open()

    def open(self) -> None:
        from playwright.sync_api import expect

        self.page.goto(self.base_url + "/")
        expect(self.page.locator("body")).to_have_attribute("data-ready", "true")

    def send(self, text: str) -> Any:
        """Type into the message box and press Enter, as a keyboard user would."""
        box = self.page.get_by_label("What you say")
        box.focus()
        self.page.keyboard.type(text)
        return self.after(lambda: self.page.keyboard.press("Enter"))

    def press(self, name: str) -> Any:
        return self.after(lambda: self.page.get_by_role("button", name=name, exact=True).click())

    def after(self, action: Any) -> Any:
        """Do something, then wait for its reply to be drawn; the last reply's locator."""
        from playwright.sync_api import expect

        exchanges = self.page.locator(".log > li:has(.alexa)")
        count = exchanges.count()
        action()
        expect(exchanges).to_have_count(count + 1)
        return exchanges.last.locator(".alexa").last


def accessibility_roles(page: Any) -> list[tuple[str, str]]:
    """(role, accessible name) of every node Chromium's accessibility tree exposes."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    return [(str(n.get("role", {}).get("value")), str(n.get("name", {}).get("value", "")))
            for n in nodes if not n.get("ignored")]


# Text colour against the first opaque background behind it, WCAG 2 relative luminance.
CONTRAST_JS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (e) => { for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
  const low = [];
  for (const e of document.querySelectorAll("body *")) {
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = e.getBoundingClientRect();
    if (!own || box.width < 2 || box.height < 2 || getComputedStyle(e).visibility !== "visible") continue;
    const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${e.tagName}.${e.className}: ${ratio.toFixed(2)}`);
  }
  return low;
}"""
