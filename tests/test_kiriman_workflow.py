"""The form workflow (kiriman.yml): strangers gated, this repository only, untrusted text never meets the write token.

zizmor and actionlint run on every workflow in test_workflows.py; these tests
hold the design: which events start a conversion, who gets a pull request,
which permissions per job, what reads the issue. The ``if:`` conditions are
evaluated against recorded event payloads with test_workflows' evaluator, and
the publishing step's shell runs for real against a local bare repository
with a stand-in ``gh`` that answers as GitHub's API does and logs each call.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from etalase.authoring.issue_form import LABEL
from etalase.kiriman import accept as kiriman_publish
from etalase.kiriman import gate as kiriman_gate
from etalase.kiriman.accept import BOT_EMAIL, CHECK_MARKER, CHECK_NAME, ISSUE_MARKER, branch_state, open_pr_url
from etalase.kiriman.gate import APPROVED, MAX_OPEN, decide
from test_workflows import evaluate

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "kiriman.yml"
REPO = "kab-sekar/etalase"
STRANGER = {"login": "pengirim-baru", "id": 90210777, "type": "User"}
CREATOR = {"login": "bu-sari", "id": 583231, "type": "User"}


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def _step(job: dict, step_id: str) -> dict:
    return next(step for step in _steps(job) if step.get("id") == step_id)


# --------------------------------------------------------------------------
# Recorded event payloads (the fields GitHub sends that the workflow reads)
# --------------------------------------------------------------------------


def _label(name: str) -> dict:
    return {"id": abs(hash(name)) % 10**9, "name": name, "color": "ededed", "default": False}


def issue_event(
    action: str = "opened",
    user: dict = STRANGER,
    association: str = "NONE",
    labels: tuple[str, ...] = (LABEL, f"{LABEL}:umkm"),
    number: int = 12,
    **extra: Any,
) -> dict:
    """An ``issues`` event as GitHub delivers it for a form submission."""
    return {
        "action": action,
        "issue": {
            "number": number,
            "state": "open",
            "title": "[Kiriman] Keripik Tempe Bu Sari",
            "body": "### Kategori pos\n\nUMKM\n",
            "user": user,
            "author_association": association,
            "labels": [_label(name) for name in labels],
        },
        "repository": {"full_name": REPO, "default_branch": "main"},
        "sender": user,
        **extra,
    }


def _context(event: dict, **more: Any) -> dict:
    return {"github": {"event_name": "issues", "event": event, "repository": REPO}, **more}


# --------------------------------------------------------------------------
# Which events convert
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "runs"),
    [
        pytest.param(issue_event("opened"), True, id="opened"),
        pytest.param(issue_event("reopened"), True, id="reopened"),
        pytest.param(issue_event("edited", changes={"body": {"from": "lama"}}), True, id="body edited"),
        pytest.param(issue_event("edited", changes={"title": {"from": "lama"}}), False, id="title edited"),
        pytest.param(issue_event("labeled", label=_label(LABEL)), False, id="the form's label"),
        pytest.param(issue_event("labeled", label=_label(f"{LABEL}:umkm")), False, id="the category label"),
        pytest.param(
            issue_event("labeled", labels=(LABEL, APPROVED), label=_label(APPROVED)), True, id="editor approves"
        ),
        pytest.param(issue_event("opened", labels=("bug",)), False, id="not a form issue"),
        pytest.param(
            issue_event("edited", changes={"body": {"from": "x"}}) | {"issue": {"state": "closed", "labels": []}},
            False,
            id="closed",
        ),
    ],
)
def test_one_conversion_per_event_that_matters(event: dict, runs: bool) -> None:
    """Opening a form issue sends opened + labeled + labeled: only `opened` converts."""
    assert evaluate(_workflow()["jobs"]["gate"]["if"], _context(event)) is runs


def test_the_jobs_chain_and_their_concurrency() -> None:
    workflow = _workflow()
    assert workflow["on"] == {"issues": {"types": ["opened", "edited", "reopened", "labeled"]}}
    assert "concurrency" not in workflow  # per job: another label's run must not cancel the conversion
    jobs = workflow["jobs"]
    assert jobs["convert"]["needs"] == "gate" and jobs["convert"]["if"] == "needs.gate.outputs.convert == 'true'"
    assert jobs["convert"]["concurrency"] == {
        "group": "kiriman-ubah-${{ github.event.issue.number }}",
        "cancel-in-progress": True,
    }
    assert jobs["publish"]["needs"] == ["gate", "convert"]
    assert jobs["publish"]["concurrency"]["cancel-in-progress"] is False


@pytest.mark.parametrize(
    ("gate", "convert", "publishes"),
    [
        ("success", "success", True),
        ("success", "failure", True),  # the sender still hears what went wrong
        ("success", "cancelled", False),  # replaced by a newer edit
        ("skipped", "skipped", False),  # an event that does not matter
    ],
)
def test_the_publish_job_runs_after_a_conversion(gate: str, convert: str, publishes: bool) -> None:
    needs = {"gate": {"result": gate, "outputs": {"state": "waiting"}}, "convert": {"result": convert}}
    assert bool(evaluate(_workflow()["jobs"]["publish"]["if"], _context(issue_event(), needs=needs))) is publishes


def test_over_the_limit_nothing_is_converted_and_the_sender_is_answered() -> None:
    needs = {"gate": {"result": "success", "outputs": {"state": "limit"}}, "convert": {"result": "skipped"}}
    jobs = _workflow()["jobs"]
    assert not evaluate(
        jobs["convert"]["if"], _context(issue_event(), needs={"gate": {"outputs": {"convert": "false"}}})
    )
    assert evaluate(jobs["publish"]["if"], _context(issue_event(), needs=needs))


def test_permissions_are_empty_by_default_and_least_per_job() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["gate"]["permissions"] == {"contents": "read", "issues": "read"}
    assert workflow["jobs"]["convert"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["publish"]["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
        "statuses": "write",
    }


def test_the_issue_text_is_read_only_by_the_read_only_job() -> None:
    jobs = _workflow()["jobs"]
    convert, publish = jobs["convert"], jobs["publish"]
    for job in jobs.values():
        checkout = _steps(job)[0]
        assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["persist-credentials"] is False
        for step in _steps(job):
            run = step.get("run", "")
            assert "${{" not in run  # event values reach the shell only as environment variables
            assert "github.event.issue.body" not in str(step.get("env", {}))
            assert "github.event.issue.title" not in str(step)
    convert_run = next(step["run"] for step in _steps(convert) if "etalase kiriman convert" in step.get("run", ""))
    assert 'jq -r \'.issue.body // ""\' "$GITHUB_EVENT_PATH"' in convert_run  # from the event file, as data
    assert "etalase kiriman convert" not in str(publish) and "etalase ci pr-check" not in str(publish)
    assert "etalase ci pr-check --base HEAD^1 --head HEAD --site-dir" in str(convert)
    assert ".issue.body" not in str(jobs["gate"])  # the gate never reads the issue's text


def test_no_job_saves_a_cache_and_dependencies_are_hashed() -> None:
    """Issue runs belong to the default branch: a cache they saved is one the deploy would restore."""
    for job in _workflow()["jobs"].values():
        for step in _steps(job):
            assert not step.get("uses", "").startswith("actions/cache"), step
            assert "cache" not in step.get("with", {}), step
            if "pip install" in step.get("run", ""):
                assert "--require-hashes --no-deps -r requirements-lock.txt" in step["run"]
                assert "-r requirements.txt" not in step["run"]


def test_the_write_job_treats_the_artifact_as_data() -> None:
    publish = _workflow()["jobs"]["publish"]
    download = next(s for s in _steps(publish) if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"name": "kiriman", "path": "${{ runner.temp }}/kiriman"}  # outside the workspace
    runs = [step.get("run", "") for step in _steps(publish)]
    accept = next(i for i, run in enumerate(runs) if "etalase kiriman accept" in run)
    push = next(i for i, run in enumerate(runs) if "git push" in run)
    assert accept < push  # re-checked before anything is pushed
    push_step = _steps(publish)[push]
    assert push_step["if"] == "steps.accept.outputs.ok == 'true' && needs.gate.outputs.push == 'true'"
    assert '--force-with-lease="refs/heads/$branch:$lease" origin "HEAD:refs/heads/$branch"' in push_step["run"]
    assert "--force " not in push_step["run"] and "git config" not in push_step["run"]


def test_one_comment_per_issue_and_pull_request_updated_in_place() -> None:
    publish = _workflow()["jobs"]["publish"]
    text = "\n".join(step.get("run", "") for step in _steps(publish))
    for marker in (ISSUE_MARKER, CHECK_MARKER):
        assert f'startswith("{marker}")' in text
    assert text.count('--method PATCH "repos/$REPO/issues/comments/$id"') == 2
    reply = _steps(publish)[-1]
    assert reply["if"] == "${{ !cancelled() }}" and reply["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert reply["env"]["GATE"] == "${{ needs.gate.outputs.state }}"


def test_the_optional_app_key_lives_in_the_environment_the_job_names() -> None:
    publish = _workflow()["jobs"]["publish"]
    assert publish["environment"] == "kiriman"
    app = _step(publish, "app-token")
    assert app["uses"].startswith("actions/create-github-app-token@")
    assert "vars.KIRIMAN_APP_CLIENT_ID != ''" in app["if"] and "needs.gate.outputs.push == 'true'" in app["if"]
    assert app["with"]["permission-contents"] == "write" and app["with"]["permission-pull-requests"] == "write"
    assert _step(publish, "publish")["env"]["GH_TOKEN"] == "${{ steps.app-token.outputs.token || github.token }}"
    header = WORKFLOW.read_text(encoding="utf-8").split("\nname:", 1)[0]
    assert "KIRIMAN_APP_PRIVATE_KEY in the environment" in header and '"kiriman"' in header


# --------------------------------------------------------------------------
# The gate, on recorded events
# --------------------------------------------------------------------------


def _open_issue(number: int, user: dict = STRANGER) -> dict:
    return {"number": number, "state": "open", "user": user, "labels": [_label(LABEL)]}


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """The default branch's registry: bu-sari's account was registered with her first post."""
    folder = tmp_path / "kiriman-akun"
    folder.mkdir()
    (folder / f"{CREATOR['id']}.json").write_text(
        kiriman_gate.registry_entry(CREATOR["id"], CREATOR["login"], "sari-rahayu"), encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    ("event", "state", "push"),
    [
        pytest.param(issue_event(), "waiting", False, id="a stranger"),
        pytest.param(issue_event(user=CREATOR), "registered", True, id="a registered creator"),
        pytest.param(
            issue_event(user={"login": CREATOR["login"], "id": 77777777}), "waiting", False, id="her login, not her id"
        ),
        pytest.param(
            issue_event("labeled", labels=(LABEL, APPROVED), label=_label(APPROVED)), "approved", True, id="labelled"
        ),
        pytest.param(issue_event(association="MEMBER"), "member", True, id="a member"),
        pytest.param(issue_event(association="COLLABORATOR"), "member", True, id="a collaborator"),
        pytest.param(issue_event(association="OWNER"), "member", True, id="the owner"),
        pytest.param(issue_event(association="CONTRIBUTOR"), "waiting", False, id="a past contributor"),
        pytest.param(issue_event(association="FIRST_TIMER"), "waiting", False, id="a first timer"),
    ],
)
def test_the_gate_decides_by_account_id_association_or_label(
    registry: Path, event: dict, state: str, push: bool
) -> None:
    gate = decide(event, registry, [])
    assert (gate.state, gate.push, gate.convert) == (state, push, True)


def test_the_fourth_open_submission_is_refused(registry: Path) -> None:
    others = [_open_issue(n) for n in (3, 5, 8)]
    assert decide(issue_event(number=12), registry, others[:2]).state == "waiting"  # the third is fine
    fourth = decide(issue_event(number=12), registry, others)
    assert (fourth.state, fourth.convert, fourth.push, fourth.open_others) == ("limit", False, False, 3)
    # Registered creators are limited too; members are not; the issue itself and pull requests do not count.
    creator_issues = [_open_issue(n, CREATOR) for n in (3, 5, 8)]
    assert decide(issue_event(user=CREATOR), registry, creator_issues).state == "limit"
    assert decide(issue_event(association="MEMBER"), registry, others * 3).state == "member"
    mixed = [_open_issue(12), _open_issue(3), _open_issue(4) | {"pull_request": {}}, _open_issue(5, CREATOR)]
    assert decide(issue_event(number=12), registry, mixed).state == "waiting"
    assert MAX_OPEN == 3


def test_the_gate_command_writes_the_jobs_outputs(registry: Path, tmp_path: Path) -> None:
    event_file, issues_file, output = tmp_path / "event.json", tmp_path / "terbuka.json", tmp_path / "out"
    event_file.write_text(json.dumps(issue_event(user=CREATOR)), encoding="utf-8")
    issues_file.write_text(json.dumps([_open_issue(12, CREATOR)]), encoding="utf-8")
    arguments = ["--event", str(event_file), "--registry", str(registry), "--open-issues", str(issues_file)]
    assert kiriman_gate.main([*arguments, "--github-output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == "state=registered\nconvert=true\npush=true\nopen-others=0\n"
    event_file.write_text("{not json", encoding="utf-8")  # a broken event lets nobody through
    assert kiriman_gate.main([*arguments, "--github-output", str(tmp_path / "out2")]) == 0
    assert "push=false" in (tmp_path / "out2").read_text(encoding="utf-8")


def test_a_strangers_valid_submission_is_answered_and_not_pushed(registry: Path, tmp_path: Path) -> None:
    gate = decide(issue_event(), registry, [])
    publish = _workflow()["jobs"]["publish"]
    needs = {"gate": {"outputs": {"push": str(gate.push).lower(), "state": gate.state}}}
    steps = {"accept": {"outputs": {"ok": "true", "state": "ok"}}}
    assert not evaluate(_step(publish, "publish")["if"], _context(issue_event(), needs=needs, steps=steps))
    assert not evaluate(_step(publish, "app-token")["if"], _context(issue_event(), needs=needs, steps=steps, vars={}))
    hasil = tmp_path / "kiriman" / "hasil.json"
    hasil.parent.mkdir()
    hasil.write_text(json.dumps(_result(issue=12)), encoding="utf-8")
    reply = tmp_path / "komentar.md"
    arguments = ["comment", "--artifact", str(hasil.parent), "--issue", "12", "--state", "ok", "--gate", gate.state]
    assert kiriman_publish.main([*arguments, "--output", str(reply)]) == 0
    text = reply.read_text(encoding="utf-8")
    assert text.startswith(f"{ISSUE_MARKER}\n### 👀 Kiriman Anda lolos pemeriksaan dan menunggu editor\n")
    assert "repositori ini publik" in text and "pull/" not in text


def test_the_fourth_submission_gets_a_polite_reply(tmp_path: Path) -> None:
    reply = tmp_path / "komentar.md"
    arguments = ["comment", "--artifact", str(tmp_path / "tidak-ada"), "--issue", "12", "--state", "failed"]
    assert kiriman_publish.main([*arguments, "--gate", "limit", "--output", str(reply)]) == 0
    text = reply.read_text(encoding="utf-8")
    assert text.startswith(f"{ISSUE_MARKER}\n### ⏳ Sudah ada 3 kiriman Anda yang menunggu\n")
    assert "Terima kasih" in text and "at most 3 open submissions" in text


def _result(**changes: Any) -> dict:
    return {
        "ok": True,
        "issue": 12,
        "author": STRANGER["login"],
        "category": "umkm",
        "title": "Keripik Tempe Bu Sari",
        "summary": "Keripik tempe tipis buatan rumahan.",
        "region": "Pasar Lama",
        "slug": "keripik-tempe-bu-sari",
        "creator": "sari-rahayu",
        "creator_new": True,
        "photos": 1,
        "bundle": "posts/keripik-tempe-bu-sari",
        "creator_file": "creators/sari-rahayu.yml",
        "problems": [],
    } | changes


# --------------------------------------------------------------------------
# This repository only: the PR, the branch, the lease
# --------------------------------------------------------------------------


def _pull(number: int, head_repo: str, branch: str = "kiriman/12", fork: bool = False) -> dict:
    """One entry of ``GET /repos/{repo}/pulls`` (the fields read)."""
    return {
        "number": number,
        "state": "open",
        "html_url": f"https://github.com/{REPO}/pull/{number}",
        "head": {"ref": branch, "sha": "a" * 40, "repo": {"full_name": head_repo, "fork": fork}},
        "base": {"ref": "main", "repo": {"full_name": REPO, "fork": False}},
    }


def test_a_forks_branch_of_the_same_name_is_ignored() -> None:
    fork = _pull(31, "penyerang/etalase", fork=True)
    own = _pull(30, REPO)
    assert open_pr_url([fork], REPO, "kiriman/12") == ""
    assert open_pr_url([fork, own], REPO, "kiriman/12") == f"https://github.com/{REPO}/pull/30"
    assert open_pr_url([_pull(32, REPO, "kiriman/120")], REPO, "kiriman/12") == ""
    assert open_pr_url({"message": "Bad credentials"}, REPO, "kiriman/12") == ""


def _branch(sha: str, committer_email: str, committer_name: str, author_email: str = BOT_EMAIL) -> dict:
    """``GET /repos/{repo}/branches/{branch}`` (the fields read)."""
    return {
        "name": "kiriman/12",
        "commit": {
            "sha": sha,
            "commit": {
                "author": {"name": "github-actions[bot]", "email": author_email},
                "committer": {"name": committer_name, "email": committer_email},
            },
        },
    }


def test_an_editors_commit_is_told_by_its_committer() -> None:
    sha = "b" * 40
    assert branch_state({}) == ("", False)  # no branch yet: the push must create it
    assert branch_state(_branch(sha, BOT_EMAIL, "github-actions[bot]")) == (sha, False)
    # Edited on github.com: the bot stays the author of an amended commit, GitHub becomes the committer.
    assert branch_state(_branch(sha, "noreply@github.com", "GitHub")) == (sha, True)
    assert branch_state(_branch(sha, "editor@kab.go.id", "Editor", author_email="editor@kab.go.id")) == (sha, True)


# --------------------------------------------------------------------------
# The publishing step's shell, run against a local repository
# --------------------------------------------------------------------------

FAKE_GH = r'''#!/usr/bin/env python3
"""gh as the publish step calls it: answers from files, logs every call."""
import json, os, sys
from pathlib import Path

state = Path(os.environ["FAKE_GH"])
args = sys.argv[1:]
with open(state / "calls.jsonl", "a") as log:
    log.write(json.dumps(args) + "\n")
text = " ".join(args)
if args[:2] == ["api", f"repos/{os.environ['REPO']}/branches/kiriman%2F12"]:
    branch = state / "branch.json"
    if not branch.exists():
        print('{"message": "Branch not found", "status": "404"}')
        sys.exit(1)
    print(branch.read_text())
elif "/pulls" in text:
    print((state / "pulls.json").read_text())
elif args[:2] == ["pr", "create"]:
    print(f"https://github.com/{os.environ['REPO']}/pull/99")
'''


@pytest.fixture
def step_env(tmp_path: Path) -> dict[str, Any]:
    """A checkout of the default branch with the accepted post, its bare origin, a stand-in gh."""
    origin, work, bin_dir, fake, temp = (tmp_path / name for name in ("origin.git", "work", "bin", "gh", "temp"))
    for folder in (bin_dir, fake, temp / "keluar"):
        folder.mkdir(parents=True)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(work)], check=True)
    (work / "content").mkdir()
    (work / "content" / "lama.md").write_text("lama\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=work, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "awal"], cwd=work, check=True)
    subprocess.run(["git", "remote", "add", "origin", str(origin)], cwd=work, check=True)
    subprocess.run(["git", "push", "-q", "origin", "main"], cwd=work, check=True)
    _accepted(work)
    for name, text in {
        "commit-message.txt": "Pos baru dari formulir\n",
        "pr-title.txt": "Pos baru: Keripik\n",
        "pr-body.md": "Closes #12\n",
        "periksa-komentar.md": f"{CHECK_MARKER}\nok\n",
    }.items():
        (temp / "keluar" / name).write_text(text, encoding="utf-8")
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    (fake / "pulls.json").write_text("[]", encoding="utf-8")
    return {"origin": origin, "work": work, "bin": bin_dir, "fake": fake, "temp": temp, "git": git}


def _accepted(work: Path, text: str = "baru\n") -> None:
    """What `accept` leaves in a fresh checkout of the default branch: the post, the registry entry."""
    (work / "content" / "posts").mkdir(exist_ok=True)
    (work / "content" / "posts" / "baru.md").write_text(text, encoding="utf-8")
    (work / ".github" / "kiriman-akun").mkdir(parents=True, exist_ok=True)
    (work / ".github" / "kiriman-akun" / "583231.json").write_text("{}\n", encoding="utf-8")


def _next_run(env: dict[str, Any], text: str = "baru, diperbaiki\n") -> None:
    """A later run starts from the default branch again."""
    subprocess.run(["git", "switch", "-q", "main"], cwd=env["work"], check=True)
    subprocess.run(["git", "branch", "-q", "-D", "kiriman/12"], cwd=env["work"], check=True)
    (env["fake"] / "calls.jsonl").unlink(missing_ok=True)
    _accepted(env["work"], text)


def _run_publish(env: dict[str, Any], check: str = "success") -> tuple[subprocess.CompletedProcess[str], dict, list]:
    step = _step(_workflow()["jobs"]["publish"], "publish")
    output = env["temp"] / "github-output"
    output.write_text("", encoding="utf-8")
    variables = {
        **{key: value for key, value in os.environ.items() if key in ("HOME", "LANG", "PYTHONPATH")},
        "PATH": f"{env['bin']}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT / "src"),
        "FAKE_GH": str(env["fake"]),
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(env["temp"]),
        "GH_TOKEN": "ghs_test",
        "COMMENT_TOKEN": "ghs_test",
        "APP": "false",
        "REPO": REPO,
        "ISSUE": "12",
        "BASE": "main",
        "CHECK": check,
        "RUN_URL": f"https://github.com/{REPO}/actions/runs/5",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", step["run"]],
        cwd=env["work"],
        env=variables,
        capture_output=True,
        text=True,
        timeout=120,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
    calls_file = env["fake"] / "calls.jsonl"
    calls = [json.loads(line) for line in calls_file.read_text().splitlines()] if calls_file.exists() else []
    return result, outputs, calls


def _remote_head(env: dict[str, Any], ref: str = "kiriman/12") -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "-q", ref], cwd=env["origin"], capture_output=True, text=True
    )
    return found.stdout.strip()


def test_a_gated_submission_is_pushed_opened_and_given_the_required_status(step_env: dict[str, Any]) -> None:
    fork = _pull(31, "penyerang/etalase", fork=True)
    (step_env["fake"] / "pulls.json").write_text(json.dumps([fork]), encoding="utf-8")
    result, outputs, calls = _run_publish(step_env)
    assert result.returncode == 0, result.stdout + result.stderr
    head = _remote_head(step_env)
    assert head  # the branch was created
    files = subprocess.run(
        ["git", "show", "--name-only", "--format=%cn <%ce>", head],
        cwd=step_env["origin"],
        capture_output=True,
        text=True,
    ).stdout.split()
    assert (
        f"<{BOT_EMAIL}>" in files and "content/posts/baru.md" in files and ".github/kiriman-akun/583231.json" in files
    )
    assert ["pr", "create"] == calls[[c[:2] for c in calls].index(["pr", "create"])][:2]  # the fork's PR was ignored
    assert outputs == {"state": "ok", "pr-url": f"https://github.com/{REPO}/pull/99"}
    (status,) = [call for call in calls if any("/statuses/" in part for part in call)]
    assert status[:4] == ["api", "--method", "POST", f"repos/{REPO}/statuses/{head}"]  # on the PR's head commit
    assert f"context={CHECK_NAME}" in status and "state=success" in status
    assert not any(part.startswith("--force") and "lease" not in part for call in calls for part in call)


def test_the_status_carries_a_failed_check(step_env: dict[str, Any]) -> None:
    result, _, calls = _run_publish(step_env, check="failure")
    assert result.returncode == 0, result.stderr
    (status,) = [call for call in calls if any("/statuses/" in part for part in call)]
    assert "state=failure" in status


def test_a_later_edit_replaces_only_the_workflows_own_commit(step_env: dict[str, Any]) -> None:
    first, _, _ = _run_publish(step_env)
    assert first.returncode == 0, first.stderr
    bot_head = _remote_head(step_env)
    (step_env["fake"] / "branch.json").write_text(
        json.dumps(_branch(bot_head, BOT_EMAIL, "github-actions[bot]")), encoding="utf-8"
    )
    (step_env["fake"] / "pulls.json").write_text(json.dumps([_pull(99, REPO)]), encoding="utf-8")
    _next_run(step_env)
    second, outputs, calls = _run_publish(step_env)
    assert second.returncode == 0, second.stderr
    assert _remote_head(step_env) != bot_head and outputs["state"] == "ok"
    assert ["pr", "edit"] in [call[:2] for call in calls] and ["pr", "create"] not in [call[:2] for call in calls]


def test_an_editors_commit_is_never_overwritten(step_env: dict[str, Any]) -> None:
    first, _, _ = _run_publish(step_env)
    assert first.returncode == 0, first.stderr
    head = _remote_head(step_env)
    # The editor's web commit: GitHub is its committer.
    (step_env["fake"] / "branch.json").write_text(
        json.dumps(_branch(head, "noreply@github.com", "GitHub")), encoding="utf-8"
    )
    (step_env["fake"] / "pulls.json").write_text(json.dumps([_pull(99, REPO)]), encoding="utf-8")
    _next_run(step_env)
    second, outputs, calls = _run_publish(step_env)
    assert second.returncode == 0, second.stderr
    assert outputs == {"state": "editor", "pr-url": f"https://github.com/{REPO}/pull/99"}
    assert _remote_head(step_env) == head
    assert not [call for call in calls if any("/statuses/" in part for part in call)]


def test_the_lease_refuses_a_branch_that_moved_since_it_was_read(step_env: dict[str, Any]) -> None:
    first, _, _ = _run_publish(step_env)
    assert first.returncode == 0, first.stderr
    head = _remote_head(step_env)
    # The API said the bot's commit was last, but an editor pushed in between: the push must fail.
    stale = copy.deepcopy(_branch("c" * 40, BOT_EMAIL, "github-actions[bot]"))
    (step_env["fake"] / "branch.json").write_text(json.dumps(stale), encoding="utf-8")
    _next_run(step_env)
    second, outputs, _ = _run_publish(step_env)
    assert second.returncode != 0 and "state" not in outputs
    assert re.search(r"stale info|rejected", second.stderr), second.stderr
    assert _remote_head(step_env) == head


def test_the_status_reports_the_conversions_own_check() -> None:
    jobs = _workflow()["jobs"]
    assert jobs["convert"]["outputs"]["check"] == "${{ steps.check.outputs.check }}"
    check = _step(jobs["convert"], "check")
    assert "if etalase ci pr-check" in check["run"]
    assert 'echo "check=success"' in check["run"] and 'echo "check=failure"' in check["run"]
    publish = _step(jobs["publish"], "publish")
    assert publish["env"]["CHECK"] == "${{ needs.convert.outputs.check }}"
    assert publish["env"]["APP"] == "${{ steps.app-token.outputs.token != '' }}"  # an App's push runs the check
    # The name the branch rule requires is the name of the PR check's job.
    pr_check = yaml.safe_load((ROOT / ".github" / "workflows" / "pr-check.yml").read_text(encoding="utf-8"))
    assert [job["name"] for job in pr_check["jobs"].values()] == [CHECK_NAME]
    assert f'context="{CHECK_NAME}"' in publish["run"]
