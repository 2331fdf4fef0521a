"""The web service's public path, `skill.app.create_app`, kept for deployments that name it."""

from skill.web.app import create_app

__all__ = ["create_app"]
