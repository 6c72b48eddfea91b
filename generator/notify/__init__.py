"""Notifications: push each new public update once to webhooks, chat and email, and remind the team of due updates.

The package comes after the views in the pipeline: every message is made from the same audience views the sites
are built from, so a public channel can only ever carry what the public site shows.
"""
