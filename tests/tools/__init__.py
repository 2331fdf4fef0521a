"""Tests of skill/tools/."""
