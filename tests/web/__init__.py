"""Tests of skill/web/."""
