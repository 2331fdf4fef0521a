"""Web simulator sessions: one Simulator per browser tab, held in memory, bounded and expiring."""

from __future__ import annotations

import re
import secrets
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from skill.alexa.assembly import build_skill, make_lambda_handler
from skill.config import Settings
from skill.simulator.services import LocalAlexaApi
from skill.simulator.simulator import CONSENT, MODEL_DIR, Simulator
from skill.simulator.voice.checks import Checks

DEVICES = ("screen", "voice")
_VISITOR = re.compile(r"[A-Za-z0-9-]{0,64}")
MAX_USER_CHARS = 64
# Simulated people get ids of their own: a name typed on the page is hashed into this space, so
# no name (not even a real `amzn1.ask.account.` id) can read or delete a real person's memory.
WEB_USER_PREFIX = "amzn1.ask.account.websim-"
_WEB_USERS = uuid.UUID("b7c1a3e0-5d2f-4e8a-9c61-2f0d7a4b9e35")


class StoreFull(Exception):
    """Every conversation held is in active use; the message says what to do."""


def web_user_id(name: str) -> str:
    """The Alexa user id for a simulated person: namespaced and hashed, never the name itself."""
    return WEB_USER_PREFIX + uuid.uuid5(_WEB_USERS, name).hex


def is_web_user_id(user_id: str) -> bool:
    """Whether an id belongs to a web-simulated person."""
    return user_id.startswith(WEB_USER_PREFIX)


def locales() -> list[str]:
    """Every locale an interaction model exists for (skill.json is the manifest, not a model)."""
    return sorted(p.stem for p in MODEL_DIR.glob("*.json") if p.name != "skill.json")


@dataclass(frozen=True)
class Options:
    """What the page lets a person choose: who they are, where, and on what device."""

    locale: str = "en-US"
    device: str = "screen"
    user: str = ""
    consent: str = "accept"  # how the person answers Alexa's permission prompts
    visitor: str = ""  # the browser's own random token (localStorage): who it is without a name

    def checked(self) -> Options:
        """These options, tidied, or ValueError naming what is wrong."""
        user = " ".join(self.user.split())
        if self.locale not in locales():
            raise ValueError(f"unknown locale {self.locale!r}: choose one of {locales()}")
        if self.device not in DEVICES:
            raise ValueError(f"device must be 'screen' or 'voice', not {self.device!r}")
        if self.consent not in CONSENT:
            raise ValueError(f"consent must be one of {', '.join(CONSENT)}, not {self.consent!r}")
        if len(user) > MAX_USER_CHARS:
            raise ValueError(f"user name is longer than {MAX_USER_CHARS} characters")
        if not _VISITOR.fullmatch(self.visitor):
            raise ValueError("visitor must be up to 64 letters, digits or hyphens")
        return replace(self, user=user)


@dataclass
class WebSession:
    """A tab's simulator, its local Alexa APIs, its clock offset, and a lock for its turns."""

    id: str
    settings: Settings
    options: Options
    sim: Simulator = field(init=False)
    api: LocalAlexaApi = field(init=False)
    checks: Checks = field(init=False)  # the local recogniser's checks (listen.py), per person
    offset: timedelta = timedelta(0)
    touched: float = 0.0
    used: bool = False  # any call after creation: a conversation someone is having
    # Without a name or a browser token, each session is a new person: nobody inherits
    # another's memory.
    visitor: str = field(default_factory=lambda: "session:" + secrets.token_hex(16))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.reconfigure(self.options)

    def reconfigure(self, options: Options) -> None:
        """A fresh Simulator for new options (memory stays in the store; the clock stays set)."""
        self.options = options.checked()
        self.api = LocalAlexaApi()
        skill = build_skill(self.settings, preload=False, api_client=self.api)
        person = ("name:" + self.options.user if self.options.user
                  else "visitor:" + self.options.visitor if self.options.visitor else self.visitor)
        self.sim = Simulator(
            locale=self.options.locale, user_id=web_user_id(person),
            store=self.settings.db_path or None, device=self.options.device,
            handler=make_lambda_handler(skill), api_client=self.api, consent=self.options.consent,
        )
        self.checks = Checks(self.options.locale)
        self.tick()

    def tick(self) -> datetime:
        """Set the skill's clock: the real time, moved on by however far the person moved it."""
        self.sim.now = None if not self.offset else datetime.now(UTC) + self.offset
        return self.sim.now

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward (never back: a reset returns it to the real time)."""
        if delta <= timedelta(0):
            raise ValueError("the clock only moves forward; reset it to return to now")
        if self.offset + delta > timedelta(days=3660):
            raise ValueError("the clock can move at most ten years ahead")
        self.offset += delta
        self.tick()

    def reset_clock(self) -> None:
        """Back to the real time."""
        self.offset = timedelta(0)
        self.tick()


class SessionStore:
    """Sessions by unguessable id, at most `limit`, each dropped after `idle` seconds unused.

    When full, a new session takes the place of the least recently used one nobody is talking
    in: first those never used after creation, then those quiet for `active` seconds. A
    conversation in use is never evicted; with every place in use, creation is refused.
    """

    def __init__(
        self, settings: Settings, limit: int = 200, idle: float = 3600.0,
        clock: Callable[[], float] = time.monotonic, active: float = 600.0,
    ) -> None:
        self.settings, self.limit, self.idle, self._clock = settings, max(1, limit), idle, clock
        self.active = active
        self._sessions: OrderedDict[str, WebSession] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)

    def create(self, options: Options) -> WebSession:
        """A new session; the least recently used ones make room when the store is full."""
        session = WebSession(secrets.token_urlsafe(24), self.settings, options)
        with self._lock:
            self._expire()
            while len(self._sessions) >= self.limit:
                self._evict_one()
            session.touched = self._clock()
            self._sessions[session.id] = session
        return session

    def get(self, session_id: str) -> WebSession | None:
        """The session, marked as just used; None if unknown, evicted or idle too long."""
        with self._lock:
            self._expire()
            session = self._sessions.get(session_id)
            if session is not None:
                session.touched = self._clock()
                session.used = True
                self._sessions.move_to_end(session_id)
            return session

    def drop(self, session_id: str) -> bool:
        """Forget a session (the tab closed); whether it existed."""
        with self._lock:
            return self._sessions.pop(session_id, None) is not None

    def clear(self) -> None:
        """Forget every session, as a server restart would."""
        with self._lock:
            self._sessions.clear()

    def _evict_one(self) -> None:
        """Drop the least recently used session nobody is talking in, or raise StoreFull."""
        quiet = self._clock() - self.active
        unused = (sid for sid, s in self._sessions.items() if not s.used)
        idle = (sid for sid, s in self._sessions.items() if s.touched <= quiet)
        victim = next(unused, None) or next(idle, None)
        if victim is None:
            raise StoreFull(f"all {self.limit} simulator conversations are in use: "
                            "try again in a few minutes, or close a tab")
        del self._sessions[victim]

    def _expire(self) -> None:
        """Drop sessions idle too long; oldest first, so stop at the first recent one."""
        cutoff = self._clock() - self.idle
        while self._sessions:
            oldest = next(iter(self._sessions.values()))
            if oldest.touched > cutoff:
                return
            self._sessions.popitem(last=False)
