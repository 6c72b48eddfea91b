"""The composite GitHub Action of action.yml: its structure, and its scripts as actionlint sees them.

actionlint reads workflows, not action metadata, so the action's steps are also embedded in a generated
reusable workflow whose inputs mirror the action's, and that workflow is linted.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator import __version__
from generator.scaffold import ACTION_REPOSITORY, action_ref
from tests.test_workflows import REPO, run_actionlint

ACTION = REPO / "action.yml"


def action() -> dict:
    """action.yml as data."""
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def test_the_action_is_a_described_composite_action() -> None:
    """Name, description, described inputs, composite steps that each name their shell or use an action."""
    data = action()
    assert data["name"] and data["description"]
    assert data["inputs"], "the action has no inputs"
    for name, spec in data["inputs"].items():
        assert spec.get("description"), f"input {name} has no description"
    assert {"command", "args", "root", "python-version", "audience", "site-dir"} <= set(data["inputs"])
    assert data["runs"]["using"] == "composite"
    for step in data["runs"]["steps"]:
        assert "uses" in step or step.get("shell"), step


def test_the_action_installs_statusbook_from_its_own_checkout_with_a_pinned_python() -> None:
    """Python comes from setup-python (3.11 by default); Statusbook from the action's path, not a registry."""
    data = action()
    assert data["inputs"]["python-version"]["default"] == "3.11"
    scripts = [step.get("run", "") for step in data["runs"]["steps"]]
    assert any('pip install' in s and '"$GITHUB_ACTION_PATH"' in s for s in scripts), scripts
    assert any(step.get("uses", "").startswith("actions/setup-python@v7") for step in data["runs"]["steps"])


def test_the_published_reference_follows_the_major_version() -> None:
    """Generated workflows use ACTION_REPOSITORY at the major of the package version."""
    assert action_ref() == f"{ACTION_REPOSITORY}@v{__version__.split('.')[0]}"


def embedded_workflow(data: dict) -> dict:
    """A reusable workflow whose one job runs the action's steps with the action's inputs."""
    inputs = {name: {"type": "string", "required": False, "default": str(spec.get("default", ""))}
              for name, spec in data["inputs"].items()}
    return {
        "name": "Action steps",
        "on": {"workflow_call": {"inputs": inputs}},
        "permissions": {"contents": "read"},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "timeout-minutes": 10, "steps": data["runs"]["steps"]}},
    }


def test_the_action_steps_pass_actionlint(tmp_path: Path) -> None:
    """actionlint (and shellcheck, when installed) finds nothing in the action's steps and scripts."""
    workflow = tmp_path / "action-steps.yml"
    workflow.write_text(yaml.safe_dump(embedded_workflow(action()), sort_keys=False), encoding="utf-8")
    done = run_actionlint(workflow)
    assert done.returncode == 0, f"actionlint exit {done.returncode}:\n{done.stdout}{done.stderr}"


def test_the_embedding_can_fail(tmp_path: Path) -> None:
    """The check above can fail: an input the action does not declare is a finding."""
    data = action()
    data["runs"]["steps"].append({"shell": "bash", "run": "echo ${{ inputs.nonexistent }}"})
    workflow = tmp_path / "action-steps.yml"
    workflow.write_text(yaml.safe_dump(embedded_workflow(data), sort_keys=False), encoding="utf-8")
    done = run_actionlint(workflow)
    assert done.returncode == 1 and "nonexistent" in done.stdout, done.stdout + done.stderr
