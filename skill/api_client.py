"""The HTTP client for Alexa's APIs, imported only when a request first calls one."""

from __future__ import annotations

from typing import Any

from ask_sdk_model.services import ApiClient


class LazyApiClient(ApiClient):  # type: ignore[misc]
    """Defers the SDK's requests-based client (and `requests` itself) to the first API call."""

    def __init__(self) -> None:
        self._client: Any = None

    def invoke(self, request: Any) -> Any:
        """Send one API request through the SDK's default client."""
        if self._client is None:
            from ask_sdk_core.api_client import DefaultApiClient

            self._client = DefaultApiClient()
        return self._client.invoke(request)
