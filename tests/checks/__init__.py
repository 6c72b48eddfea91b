"""Tests of the process checks."""
