"""Store fixtures: a temporary SQLite file, and a DynamoDB-compatible server on loopback."""

from tests.support.dynamo import dynamodb_endpoint

__all__ = ["dynamodb_endpoint"]
