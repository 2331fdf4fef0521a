"""The Alexa adapter: ask-sdk handlers, skill assembly and Alexa service calls, kept thin."""
