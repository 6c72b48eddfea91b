"""Typed records: plain immutable data with no I/O."""
