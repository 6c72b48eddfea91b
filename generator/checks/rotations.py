"""rotations rules."""
