"""Pure: spoken numbers, durations and dates as Alexa's built-in slot types would resolve them."""
