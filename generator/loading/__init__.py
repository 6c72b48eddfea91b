"""Strict loading: files on disk to typed records, with every problem located."""
