"""Write a new portal: configuration, people, a rotation, workflows and, on request, example records.

Forks that publish the GitHub Action under another name change ACTION_REPOSITORY: the workflows that
``statusbook init`` writes use ``ACTION_REPOSITORY@v<major>``.
"""

from __future__ import annotations

from generator import __version__

ACTION_REPOSITORY = "statusbook/statusbook"


def action_ref() -> str:
    """Return the action reference that generated workflows use, such as statusbook/statusbook@v0."""
    return f"{ACTION_REPOSITORY}@v{__version__.split('.')[0]}"
