"""Standard phrases for Alexa's built-in intents, which models declare without samples.

These are what a user says, not what the skill says; they are added only for built-ins the model
declares, after any samples the model gives them itself.
"""

from __future__ import annotations

BUILTIN_SAMPLES: dict[str, tuple[str, ...]] = {
    "AMAZON.HelpIntent": (
        "help", "help me", "what can I say", "what can I do", "what can you do",
        "what do I say", "how does this work", "I need help", "can you help me", "help please",
    ),
    "AMAZON.StopIntent": (
        "stop", "shut up", "be quiet", "quiet", "off", "exit", "quit", "goodbye", "bye",
        "that's enough", "stop it", "I'm done", "end",
    ),
    "AMAZON.CancelIntent": (
        "cancel", "never mind", "nevermind", "forget it", "cancel that", "don't bother",
    ),
    "AMAZON.YesIntent": (
        "yes", "yeah", "yep", "yup", "sure", "yes please", "okay", "ok", "of course",
        "correct", "that's right", "I do", "absolutely", "sure thing", "go ahead", "yes I do",
    ),
    "AMAZON.NoIntent": (
        "no", "nope", "nah", "no thanks", "no thank you", "not really",
        "negative", "no I don't", "no it doesn't",
    ),
    "AMAZON.RepeatIntent": (
        "repeat", "repeat that", "say that again", "say it again", "what", "pardon",
        "come again", "what did you say", "can you repeat that", "once more", "sorry what",
    ),
    "AMAZON.NextIntent": ("next", "skip", "skip that", "next one", "move on", "go on", "continue"),
    "AMAZON.PreviousIntent": ("go back", "previous", "back", "the previous one", "last one"),
    "AMAZON.StartOverIntent": (
        "start over", "restart", "start again", "begin again", "from the beginning",
        "start from the beginning",
    ),
    "AMAZON.NavigateHomeIntent": ("go home", "main menu", "home", "go to the main menu"),
}

FALLBACK = "AMAZON.FallbackIntent"
