"""ownership rules."""
