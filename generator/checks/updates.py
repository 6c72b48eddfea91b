"""updates rules."""
