"""The DynamoDB option: Amazon's ask-sdk adapter on hashed keys, for Lambda and many machines.

Imported only when SKILL_DYNAMODB_TABLE is set, so the default install needs no boto3.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from skill.config import Settings
from skill.store.sqlite import (
    DAY_S,
    SCHEMA_VERSION,
    Attributes,
    Clock,
    option,
    retention_days,
)
from skill.store.user_keys import UserKeys

log = logging.getLogger("skill.store.sqlite")

VERSION_FIELD = "_schema"  # inside the attributes map, which is all the SDK's get returns


def _to_dynamo(value: Any) -> Any:
    """boto3 refuses floats: send them as Decimal."""
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, Mapping):
        return {str(k): _to_dynamo(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_dynamo(v) for v in value]
    return value


def _from_dynamo(value: Any) -> Any:
    """boto3 returns every number as Decimal: give back the ints and floats that were saved."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Mapping):
        return {str(k): _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_dynamo(v) for v in value]
    return value


class DynamoMemoryAdapter(AbstractPersistenceAdapter):
    """Amazon's DynamoDbAdapter plus a schema version, plain numbers, and a TTL for retention."""

    def __init__(self, inner: Any, retention_days: float, clock: Clock = time.time) -> None:
        self.inner = inner
        self.retention_days = retention_days
        self._clock = clock

    def get_attributes(self, request_envelope: RequestEnvelope) -> Attributes:
        """The user's attributes through the SDK's adapter; an unknown version reads as {}."""
        stored = _from_dynamo(self.inner.get_attributes(request_envelope))
        if not stored:
            return {}
        if not isinstance(stored, dict) or stored.pop(VERSION_FIELD, None) != SCHEMA_VERSION:
            log.warning("unreadable memory record ignored")
            return {}
        return stored

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: Attributes) -> None:
        """The SDK's item shape, plus `expires_at` at top level where DynamoDB TTL can see it."""
        inner, now = self.inner, int(self._clock())
        item = {
            inner.partition_key_name: inner.partition_keygen(request_envelope),
            inner.attribute_name: {**_to_dynamo(attributes), VERSION_FIELD: SCHEMA_VERSION},
            "updated_at": now,
        }
        if self.retention_days > 0:
            item["expires_at"] = now + int(self.retention_days * DAY_S)
        try:
            inner.dynamodb.Table(inner.table_name).put_item(Item=item)
        except Exception as error:
            raise PersistenceException(f"memory save failed: {type(error).__name__}") from error

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the user entirely, through the SDK's adapter."""
        self.inner.delete_attributes(request_envelope)


def make_dynamodb_adapter(
    settings: Settings, keys: UserKeys, dynamodb_resource: Any = None
) -> DynamoMemoryAdapter:
    """Amazon's adapter on hashed keys; boto3 is imported only here, so the default needs none."""
    try:
        from ask_sdk_dynamodb.adapter import DynamoDbAdapter
    except ImportError as error:
        raise RuntimeError("DynamoDB needs: pip install -r requirements-dynamodb.txt") from error
    if dynamodb_resource is None:
        import boto3

        dynamodb_resource = boto3.resource("dynamodb")
    create = str(option(settings, "dynamodb_create_table", False)).lower() in {"1", "true", "yes"}
    inner = DynamoDbAdapter(
        table_name=settings.dynamodb_table,
        partition_keygen=keys,
        create_table=create,
        dynamodb_resource=dynamodb_resource,
    )
    return DynamoMemoryAdapter(inner, retention_days(settings))
