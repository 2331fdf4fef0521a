"""The one way verification says no: a short reason, safe to log and to return in a 400."""

from __future__ import annotations


class VerificationError(Exception):
    """A request Alexa did not send (or sent too long ago); `reason` is safe to log and return."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
