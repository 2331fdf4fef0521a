"""The store: what is remembered between sessions, in SQLite or DynamoDB, under keyed user ids."""
