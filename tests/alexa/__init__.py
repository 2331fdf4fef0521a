"""Tests of skill/alexa/."""
