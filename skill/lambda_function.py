"""AWS Lambda entry point: the one thing built at import, as Lambda requires."""

from skill.alexa.assembly import build_skill, make_lambda_handler

# Content is parsed on the first request (once per container), keeping the cold import small;
# `python -m skill check` and the test suite catch a bad content file before deployment.
lambda_handler = make_lambda_handler(build_skill(preload=False))
