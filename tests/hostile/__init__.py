"""Hostile and careless inputs: each case ends in a known exit code and message, and changes nothing it should not."""
