"""Tests of skill/core/."""
