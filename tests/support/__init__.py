"""Shared test helpers: the pure core driven directly, envelopes, certificates, the browser."""
