"""Thin ask-sdk handlers by feature; each reads the request, calls the pure core, renders."""
