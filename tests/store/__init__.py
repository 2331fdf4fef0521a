"""Tests of skill/store/."""
