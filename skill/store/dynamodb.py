"""The DynamoDB store, for Lambda and many machines: conditional, field-by-field updates on boto3.

Amazon's ask-sdk DynamoDbAdapter reads and puts whole items, so two sessions lose each other's
changes and an older session can put back a forgotten record. Here every save is one UpdateItem
that sets only the changed fields, on condition that the item's `epoch` (its forget version) is
the one the session read; "forget me" empties the item and adds one to the epoch. Imported only
when SKILL_DYNAMODB_TABLE is set, so the default install needs no boto3.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from skill.store.port import Change, Record, StoreError, applied

log = logging.getLogger("skill.store.dynamodb")

SCHEMA_VERSION = 1
DAY_S = 86_400
PARTITION_KEY = "id"
WRITE_TRIES = 3  # a first save races another session creating the item: then update it
_CONDITION_FAILED = "ConditionalCheckFailedException"


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
    if isinstance(value, set):
        return {_from_dynamo(v) for v in value}
    return value


def _failed_condition(error: Exception) -> bool:
    """botocore's ClientError for a condition that did not hold (no botocore import needed)."""
    code = getattr(error, "response", {}).get("Error", {}).get("Code")
    return bool(code == _CONDITION_FAILED)


@contextmanager
def _faults(action: str) -> Iterator[None]:
    """Anything boto3 raises, other than a failed condition, becomes StoreError."""
    try:
        yield
    except Exception as error:
        if _failed_condition(error):
            raise
        raise StoreError(f"memory {action} failed: {type(error).__name__}") from error


class DynamoStore:
    """One item per key: `attributes` (a map), `epoch`, `schema_version`, `updated_at` and, for
    DynamoDB's TTL, `expires_at`."""

    def __init__(self, table: Any, retention_days: float, clock: Any = time.time) -> None:
        self.table = table
        self.retention_days = retention_days
        self._clock = clock

    def read(self, key: str) -> Record:
        """The record under the key, read consistently; empty at epoch 0 when there is none."""
        item = self._item(key)
        if item is None:
            return Record({}, 0)
        attributes = item.get("attributes")
        epoch = int(item.get("epoch") or 0)
        if item.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION or not isinstance(
            attributes, dict
        ):
            log.warning("unreadable memory record ignored")
            return Record({}, epoch)
        return Record(attributes, epoch)

    def write(self, key: str, change: Change, epoch: int) -> bool:
        """Set and remove only the changed fields, if the item is still at `epoch`."""
        for _ in range(WRITE_TRIES):
            try:
                with _faults("save"):
                    self._update(key, change, epoch)
                return True
            except Exception as error:
                if not _failed_condition(error):
                    raise
            item = self._item(key)
            if item is not None:
                if int(item.get("epoch") or 0) != epoch:
                    return False  # forgotten since this session read it
                continue  # the item appeared between the update and now: update it
            if self._create(key, change, epoch):
                return True
        raise StoreError("memory save failed: the item kept changing")

    def forget(self, key: str, also_remove: str = "") -> None:
        """Empty the item and raise its epoch in one update: no older write can succeed."""
        values: dict[str, Any] = {":empty": {}, ":one": 1, ":schema": SCHEMA_VERSION}
        sets = ["attributes = :empty", "schema_version = :schema", *self._stamps(values)]
        remove = f" REMOVE {also_remove}" if also_remove else ""
        with _faults("delete"):
            self.table.update_item(
                Key={PARTITION_KEY: key},
                UpdateExpression="SET " + ", ".join(sets) + " ADD epoch :one" + remove,
                ExpressionAttributeValues=values,
            )

    def link(self, account: str, person: str) -> None:
        """Add the person's key to the account item's `people` set (made if need be)."""
        with _faults("save"):
            self.table.update_item(
                Key={PARTITION_KEY: account},
                UpdateExpression="SET attributes = if_not_exists(attributes, :empty) ADD people :p",
                ExpressionAttributeValues={":empty": {}, ":p": {person}},
            )

    def forget_account(self, account: str) -> None:
        """Forget every linked person's item, then the account's (dropping its `people` set)."""
        item = self._item(account) or {}
        for person in sorted(item.get("people") or ()):
            self.forget(str(person))
        self.forget(account, also_remove="people")

    def _update(self, key: str, change: Change, epoch: int) -> None:
        names: dict[str, str] = {}
        values: dict[str, Any] = {":epoch": epoch, ":schema": SCHEMA_VERSION}
        sets = ["schema_version = :schema", *self._stamps(values)]
        for i, (field, value) in enumerate(change.set.items()):
            names[f"#s{i}"] = field
            values[f":s{i}"] = _to_dynamo(value)
            sets.append(f"attributes.#s{i} = :s{i}")
        removes = []
        for i, field in enumerate(change.remove):
            names[f"#r{i}"] = field
            removes.append(f"attributes.#r{i}")
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        same_epoch = "(attribute_not_exists(epoch) OR epoch = :epoch)" if epoch == 0 else (
            "epoch = :epoch")
        arguments: dict[str, Any] = {}
        if names:
            arguments["ExpressionAttributeNames"] = names
        self.table.update_item(
            Key={PARTITION_KEY: key},
            UpdateExpression=expression,
            ConditionExpression=f"attribute_exists(attributes) AND {same_epoch}",
            ExpressionAttributeValues=values,
            **arguments,
        )

    def _create(self, key: str, change: Change, epoch: int) -> bool:
        """The first save under a key: put the item unless another session just created it."""
        item = {PARTITION_KEY: key, "attributes": _to_dynamo(applied({}, change)), "epoch": epoch,
                "schema_version": SCHEMA_VERSION, **self._times()}
        try:
            with _faults("save"):
                self.table.put_item(
                    Item=item, ConditionExpression=f"attribute_not_exists({PARTITION_KEY})"
                )
        except Exception as error:
            if _failed_condition(error):
                return False
            raise
        return True

    def _times(self) -> dict[str, int]:
        """`updated_at`, and `expires_at` at the top level where DynamoDB's TTL can see it."""
        now = int(self._clock())
        times = {"updated_at": now}
        if self.retention_days > 0:
            times["expires_at"] = now + int(self.retention_days * DAY_S)
        return times

    def _stamps(self, values: dict[str, Any]) -> list[str]:
        """The times as SET clauses, their values added to `values`."""
        for name, stamp in self._times().items():
            values[f":{name}"] = stamp
        return [f"{name} = :{name}" for name in self._times()]

    def _item(self, key: str) -> dict[str, Any] | None:
        with _faults("read"):
            found = self.table.get_item(Key={PARTITION_KEY: key}, ConsistentRead=True)
        item = found.get("Item")
        return _from_dynamo(item) if item else None


def create_table(resource: Any, name: str) -> Any:
    """The table, made at start-up when SKILL_DYNAMODB_CREATE_TABLE asks (normally by hand)."""
    try:
        table = resource.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": PARTITION_KEY, "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": PARTITION_KEY, "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        table.wait_until_exists()
    except Exception as error:
        code = getattr(error, "response", {}).get("Error", {}).get("Code")
        if code != "ResourceInUseException":  # it exists already: fine
            raise StoreError(f"creating table {name} failed: {type(error).__name__}") from error
    return resource.Table(name)


def make_dynamodb_store(
    table_name: str, retention_days: float, create: bool = False, resource: Any = None
) -> DynamoStore:
    """The store on a boto3 Table; boto3 is imported only here, so the default needs none."""
    if resource is None:
        try:
            import boto3
        except ImportError as error:
            needs = "DynamoDB needs: pip install -r requirements-dynamodb.txt"
            raise RuntimeError(needs) from error
        resource = boto3.resource("dynamodb")
    table = create_table(resource, table_name) if create else resource.Table(table_name)
    return DynamoStore(table, retention_days)
