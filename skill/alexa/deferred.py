"""Stand-ins that defer heavy dependencies to first use, keeping Lambda's cold import small."""

from __future__ import annotations

from typing import Any

from ask_sdk_model.services import ApiClient

from skill.config import Settings
from skill.store.factory import KeyedStore, make_store
from skill.store.port import StoreError


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


class LazyStore:
    """Opens the store (SQLite or DynamoDB) only when a request first reads or writes memory."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._store: KeyedStore | None = None
        self._error: StoreError | None = None
        self._made = False

    def __call__(self) -> KeyedStore | None:
        """The store, None when persistence is off; a store that cannot open raises StoreError
        on every use (and is not retried on every request)."""
        if not self._made:
            try:
                self._store = make_store(self._settings)
            except (OSError, ValueError, ImportError, RuntimeError, StoreError) as exc:
                self._error = StoreError(f"store unavailable: {type(exc).__name__}: {exc}")
            finally:
                self._made = True
        if self._error is not None:
            raise self._error
        return self._store

