"""Developer tools run from `python -m skill`: checks that content, models and code agree."""
