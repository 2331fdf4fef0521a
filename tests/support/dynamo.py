"""A DynamoDB-compatible server on loopback (moto in server mode), for end-to-end store tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

CREDENTIALS = {"region_name": "us-east-1", "aws_access_key_id": "test",
               "aws_secret_access_key": "test"}


@pytest.fixture(scope="session")
def dynamodb_endpoint() -> Iterator[str]:
    """The URL of a moto server on 127.0.0.1; nothing leaves the machine."""
    server_module = pytest.importorskip("moto.server")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def new_table(endpoint: str) -> tuple[Any, str]:
    """A fresh table (partition key `id`), as docs/persistence.md says to create it."""
    import boto3

    resource = boto3.resource("dynamodb", endpoint_url=endpoint, **CREDENTIALS)
    name = f"hip-helper-{uuid.uuid4().hex[:8]}"
    resource.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    ).wait_until_exists()
    return resource, name


def point_boto3_at(monkeypatch: pytest.MonkeyPatch, endpoint: str) -> None:
    """Make the skill's own boto3.resource("dynamodb") reach the loopback server."""
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint)
    monkeypatch.setenv("AWS_DEFAULT_REGION", CREDENTIALS["region_name"])
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", CREDENTIALS["aws_access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", CREDENTIALS["aws_secret_access_key"])
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
