"""AWS Lambda entry point: the one thing built at import, as Lambda requires."""

from skill.build import build_skill, make_lambda_handler

lambda_handler = make_lambda_handler(build_skill())
