"""The form workflow (kiriman.yml): untrusted text never meets the write token.

zizmor and actionlint run on every workflow in test_workflows.py; these tests
hold the design: which events, which permissions per job, what reads the issue.
"""

from __future__ import annotations

import re

import yaml

from etalase.issue_form import LABEL
from etalase.kiriman_publish import BOT_EMAIL, CHECK_MARKER, ISSUE_MARKER

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "kiriman.yml"


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def test_it_runs_for_form_issues_only() -> None:
    workflow = _workflow()
    assert workflow["on"] == {"issues": {"types": ["opened", "edited", "reopened", "labeled"]}}
    condition = workflow["jobs"]["convert"]["if"]
    assert f"contains(github.event.issue.labels.*.name, '{LABEL}')" in condition
    assert "github.event.issue.state == 'open'" in condition
    # Per job: the run of another label's event (its jobs skipped) must not cancel the conversion.
    assert "concurrency" not in workflow
    assert workflow["jobs"]["convert"]["concurrency"] == {
        "group": "kiriman-ubah-${{ github.event.issue.number }}",
        "cancel-in-progress": True,
    }
    assert workflow["jobs"]["publish"]["concurrency"]["cancel-in-progress"] is False
    assert "needs.convert.result == 'success' || needs.convert.result == 'failure'" in workflow["jobs"]["publish"]["if"]


def test_permissions_are_empty_by_default_and_least_per_job() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["convert"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["publish"]["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    assert workflow["jobs"]["publish"]["needs"] == "convert"


def test_the_issue_text_is_read_only_by_the_read_only_job() -> None:
    convert, publish = _workflow()["jobs"]["convert"], _workflow()["jobs"]["publish"]
    for job in (convert, publish):
        checkout = _steps(job)[0]
        assert checkout["uses"].startswith("actions/checkout@") and checkout["with"] == {"persist-credentials": False}
        for step in _steps(job):
            run = step.get("run", "")
            assert "${{" not in run  # event values reach the shell only as environment variables
            assert "github.event.issue.body" not in str(step.get("env", {}))
            assert "github.event.issue.title" not in str(step)
    convert_run = next(step["run"] for step in _steps(convert) if "scripts/kiriman.py" in step.get("run", ""))
    assert 'jq -r \'.issue.body // ""\' "$GITHUB_EVENT_PATH"' in convert_run  # from the event file, as data
    assert "scripts/kiriman.py" not in str(publish) and "pr_check.py" not in str(publish)
    assert "pr_check.py --base HEAD^1 --head HEAD --site-dir" in str(convert)


def test_the_write_job_treats_the_artifact_as_data() -> None:
    publish = _workflow()["jobs"]["publish"]
    download = next(s for s in _steps(publish) if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"name": "kiriman", "path": "${{ runner.temp }}/kiriman"}  # outside the workspace
    runs = [step.get("run", "") for step in _steps(publish)]
    accept = next(i for i, run in enumerate(runs) if "etalase.kiriman_publish accept" in run)
    push = next(i for i, run in enumerate(runs) if "git push" in run)
    assert accept < push  # re-checked before anything is pushed
    push_step = _steps(publish)[push]
    assert push_step["if"] == "steps.accept.outputs.ok == 'true'"
    assert '--force origin "HEAD:refs/heads/$branch"' in push_step["run"]
    assert 'branch="kiriman/$ISSUE"' in push_step["run"]
    assert BOT_EMAIL in push_step["run"]  # an editor's commit on the branch is not overwritten
    assert "git config" not in push_step["run"] and "persist-credentials" not in push_step["run"]


def test_one_comment_per_issue_and_pull_request_updated_in_place() -> None:
    publish = _workflow()["jobs"]["publish"]
    text = "\n".join(step.get("run", "") for step in _steps(publish))
    for marker in (ISSUE_MARKER, CHECK_MARKER):
        assert f'startswith("{marker}")' in text
    assert text.count('--method PATCH "repos/$REPO/issues/comments/$id"') == 2
    reply = _steps(publish)[-1]
    assert reply["if"] == "${{ !cancelled() }}" and reply["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_the_optional_app_token_opens_the_pr_when_configured() -> None:
    steps = {step.get("id"): step for step in _steps(_workflow()["jobs"]["publish"])}
    app = steps["app-token"]
    assert app["uses"].startswith("actions/create-github-app-token@")
    assert "vars.KIRIMAN_APP_CLIENT_ID != ''" in app["if"]
    assert app["with"]["permission-contents"] == "write" and app["with"]["permission-pull-requests"] == "write"
    assert steps["publish"]["env"]["GH_TOKEN"] == "${{ steps.app-token.outputs.token || github.token }}"
    assert re.search(r"^# .*KIRIMAN_APP_CLIENT_ID", WORKFLOW.read_text(encoding="utf-8"), re.MULTILINE)
