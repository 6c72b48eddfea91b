"""milestones rules."""
