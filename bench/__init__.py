"""`make bench`: speed and memory figures; prints numbers, asserts nothing."""
