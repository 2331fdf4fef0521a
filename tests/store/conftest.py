"""Store fixtures: a temporary SQLite file, and a DynamoDB-compatible server on loopback."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterator

import pytest

from tests.support.dynamo import dynamodb_endpoint

__all__ = ["dynamodb_endpoint"]


@pytest.fixture(autouse=True)
def _collect_pooled_connections() -> Iterator[None]:
    """boto3 keeps its pooled connections to the loopback server open until they are garbage
    collected; collect them here, so their ResourceWarning never lands in a later, unrelated test
    (where warnings are errors)."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
