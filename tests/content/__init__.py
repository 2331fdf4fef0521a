"""Tests of skill/content/."""
