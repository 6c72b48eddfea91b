"""Unit tests of the publishing package."""
