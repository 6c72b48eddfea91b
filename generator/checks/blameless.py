"""blameless rules."""
