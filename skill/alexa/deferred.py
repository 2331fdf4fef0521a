"""Stand-ins that defer heavy dependencies to first use, keeping Lambda's cold import small."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_model.services import ApiClient

from skill.config import Settings


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


class LazyPersistence(AbstractPersistenceAdapter):  # type: ignore[misc]
    """Opens the store (SQLite or DynamoDB) only when a request first reads or writes memory."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._adapter: Any = None
        self._made = False

    def _real(self) -> Any:
        """The real adapter; a store that cannot open is a PersistenceException, as in the SDK."""
        if not self._made:
            from ask_sdk_core.exceptions import PersistenceException

            from skill.store.sqlite import make_persistence_adapter

            try:
                self._adapter = make_persistence_adapter(self._settings)
            except (OSError, ValueError, ImportError) as exc:
                raise PersistenceException(f"store unavailable: {type(exc).__name__}") from exc
            finally:
                self._made = True  # a store that cannot open is not retried on every request
        return self._adapter

    def get_attributes(self, request_envelope: Any) -> dict[str, Any]:
        """What is stored for this user; nothing when persistence is switched off."""
        adapter = self._real()
        return adapter.get_attributes(request_envelope) if adapter else {}

    def save_attributes(self, request_envelope: Any, attributes: dict[str, Any]) -> None:
        """Store this user's attributes, if there is a store."""
        adapter = self._real()
        if adapter:
            adapter.save_attributes(request_envelope, attributes)

    def delete_attributes(self, request_envelope: Any) -> None:
        """Delete this user's attributes, if there is a store."""
        adapter = self._real()
        if adapter:
            adapter.delete_attributes(request_envelope)
