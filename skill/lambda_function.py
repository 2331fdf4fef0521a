"""AWS Lambda entry point: the one thing built at import, as Lambda requires."""

from skill.build import build_skill

lambda_handler = build_skill().lambda_handler()
