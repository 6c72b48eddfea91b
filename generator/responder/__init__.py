"""Responder commands: write correct incident records during an incident, one verified edit at a time."""
