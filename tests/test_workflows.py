"""The GitHub workflows: zizmor and actionlint find nothing, and the security design holds.

zizmor (``--offline``, pedantic persona) and actionlint come from the
virtual environment (``requirements-dev.txt``); any finding fails the test
with the tools' own report.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", "--persona=pedantic", str(WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_actionlint_finds_nothing() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    result = subprocess.run([str(BIN / "actionlint"), *map(str, files)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    for workflow in WORKFLOWS.glob("*.yml"):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(?:-\s+)?uses:", line):
                assert PINNED.match(line), f"{workflow.name}: {line.strip()}"


@pytest.mark.parametrize("name", ["pr-check.yml", "pr-preview-comment.yml", "deploy.yml"])
def test_permissions_are_empty_by_default_and_granted_per_job(name: str) -> None:
    workflow = _load(name)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job


def test_pr_check_runs_untrusted_code_read_only() -> None:
    workflow = _load("pr-check.yml")
    assert set(workflow["on"]) == {"pull_request"}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["persist-credentials"] is False
    run = next(step["run"] for step in job["steps"] if "pr_check.py" in step.get("run", ""))
    assert "$GITHUB_STEP_SUMMARY" in run and "${{" not in run
    uploads = {step["with"]["name"] for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads == {"pratinjau-data", "pratinjau-situs"}


def test_comment_workflow_never_runs_pr_code() -> None:
    workflow = _load("pr-preview-comment.yml")
    assert list(workflow["on"]) == ["workflow_run"]
    assert workflow["on"]["workflow_run"]["workflows"] == [_load("pr-check.yml")["name"]]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    checkout = job["steps"][0]
    assert checkout["with"]["ref"] == "${{ github.event.repository.default_branch }}"
    assert checkout["with"]["persist-credentials"] is False
    download = job["steps"][1]
    assert download["with"]["path"].startswith("${{ runner.temp }}")  # outside the checked-out workspace
    for step in job["steps"]:
        run = step.get("run", "")
        assert "${{" not in run  # event values reach the shell only as environment variables
        assert "pip install" not in run and "pratinjau-situs/" not in run
    assert not any("pull_request_target" in str(_load(w.name)["on"]) for w in WORKFLOWS.glob("*.yml"))


def test_deploy_publishes_from_main_daily_and_on_demand() -> None:
    workflow = _load("deploy.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["on"]["schedule"] == [{"cron": "0 23 * * *"}]  # 06.00 WIB
    assert "workflow_dispatch" in workflow["on"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/configure-pages", "actions/deploy-pages"]
