"""Tests of skill/simulator/."""
