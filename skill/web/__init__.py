"""The web service: the Flask app Alexa calls, its request verification, gunicorn serving."""
