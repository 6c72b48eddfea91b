"""Statusbook: incident records in git, validated and published as status sites."""

__version__ = "0.1.0"
