"""targets rules."""
