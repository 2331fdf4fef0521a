"""Hip Helper: an Alexa skill for pain where the leg meets the hip."""

__version__ = "0.1.0"
