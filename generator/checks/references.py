"""references rules."""
