"""The GitHub workflows: zizmor and actionlint find nothing, the security design holds, and they behave.

zizmor (``--offline``, pedantic persona) and actionlint come from the
virtual environment (``requirements-dev.txt``); any finding fails the test
with the tools' own report.

The workflows cannot run here, so their ``if:`` conditions are evaluated with
a small evaluator of GitHub's expression syntax (loose ``==`` as GitHub
documents it: operands of different types compare as numbers, ``null`` and
``''`` as 0) against the event payloads GitHub sends: which runs the comment
workflow accepts, which branches the deploy builds, which steps an hour with
nothing due skips. The schedule is checked hour by hour. The scripts the
deploy runs (``check_pages_url.py``, ``due_posts.py``) run as subprocesses.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DEMO_CONTENT, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
CONCLUSIONS = [
    "success",
    "failure",
    "neutral",
    "cancelled",
    "skipped",
    "stale",
    "timed_out",
    "action_required",
    "startup_failure",
]
"""Every ``conclusion`` of a ``workflow_run`` event GitHub documents."""


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict, uses: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(uses + "@")]


def _index(job: dict, predicate) -> int:
    return next(i for i, step in enumerate(job["steps"]) if predicate(step))


# --------------------------------------------------------------------------
# GitHub's expression syntax, enough for this project's `if:` conditions
# --------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||!|\(|\)|,)|([A-Za-z_][\w.*-]*)|(\d+(?:\.\d+)?))")


def evaluate(expression: str, context: dict[str, Any]) -> Any:
    """The value of ``expression`` (with or without ``${{ }}``) in ``context`` (``github``, ``steps``, ``needs``)."""
    text = expression.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match and match.end() > position, f"cannot read {text[position:]!r}"
        string, operator, name, number = match.groups()
        tokens.append(
            ("str", string[1:-1].replace("''", "'"))
            if string is not None
            else ("op", operator)
            if operator
            else ("name", name)
            if name
            else ("num", float(number))
        )
        position = match.end()
    parser = _Parser(tokens, context)
    value = parser.disjunction()
    assert parser.at == len(tokens), f"unexpected {tokens[parser.at :]}"
    return value


class _Parser:
    def __init__(self, tokens: list[tuple[str, Any]], context: dict[str, Any]) -> None:
        self.tokens, self.context, self.at = tokens, context, 0

    def peek(self) -> tuple[str, Any] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, Any]:
        self.at += 1
        return self.tokens[self.at - 1]

    def disjunction(self) -> Any:
        return self._chain("||", self.conjunction, lambda a, b: a or b)

    def conjunction(self) -> Any:
        return self._chain("&&", self.negation, lambda a, b: a and b)

    def _chain(self, operator: str, operand, combine) -> Any:
        value = operand()
        while self.peek() == ("op", operator):
            self.take()
            value = combine(value, operand())
        return value

    def negation(self) -> Any:
        if self.peek() == ("op", "!"):
            self.take()
            return not self.negation()
        value = self.primary()
        if self.peek() in (("op", "=="), ("op", "!=")):
            operator = self.take()[1]
            equal = _loose_equal(value, self.primary())
            return equal if operator == "==" else not equal
        return value

    def primary(self) -> Any:
        kind, value = self.take()
        if (kind, value) == ("op", "("):
            inner = self.disjunction()
            assert self.take() == ("op", ")")
            return inner
        if kind in ("str", "num"):
            return value
        assert kind == "name", f"unexpected {value!r}"
        if value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        if self.peek() == ("op", "("):
            self.take()
            args = []
            while self.peek() != ("op", ")"):
                args.append(self.disjunction())
                if self.peek() == ("op", ","):
                    self.take()
            self.take()
            if value == "cancelled":
                return bool(self.context.get("cancelled", False))
            if value == "contains":  # an array holds an item, or a string a substring (without case)
                haystack, needle = args
                if isinstance(haystack, list):
                    return any(_loose_equal(item, needle) for item in haystack)
                return _text(needle).casefold() in _text(haystack).casefold()
            assert value == "format", f"function {value} is not modelled"
            return re.sub(r"\{(\d+)\}", lambda m: _text(args[1 + int(m.group(1))]), args[0])
        found: Any = self.context
        for part in value.split("."):
            if part == "*":  # object filter: the same property of every element
                found = list(found.values()) if isinstance(found, dict) else found if isinstance(found, list) else []
                continue
            if isinstance(found, list):
                found = [item.get(part) for item in found if isinstance(item, dict)]
            else:
                found = found.get(part) if isinstance(found, dict) else None
        return found


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _number(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, (bool, int, float)):
        return float(value)
    if not isinstance(value, str):  # an object or an array
        return math.nan
    try:
        return float(value.strip() or 0)
    except ValueError:
        return math.nan


def _loose_equal(a: Any, b: Any) -> bool:
    """GitHub's ``==``: strings without case; different types as numbers (``null``, ``''`` → 0; NaN ≠ anything)."""
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    if type(a) is type(b):
        return a == b
    return _number(a) == _number(b)


def test_the_expression_evaluator_follows_github() -> None:
    context = {
        "github": {
            "event_name": "push",
            "ref": "refs/heads/trunk",
            "event": {"repository": {"default_branch": "trunk"}},
        },
        "steps": {},
    }
    assert evaluate("github.event_name == 'PUSH'", context) is True
    assert evaluate("${{ github.ref == format('refs/heads/{0}', github.event.repository.default_branch) }}", context)
    assert evaluate("steps.x.outputs.y != ''", context) is False  # null and '' are both 0
    assert evaluate("steps.x.outputs.y == 'true'", context) is False
    assert evaluate("!(github.event_name == 'push') || github.event.nothing == 'x'", context) is False
    labelled = {"github": {"event": {"issue": {"labels": [{"name": "kiriman"}, {"name": "kiriman:umkm"}]}}}}
    assert evaluate("contains(github.event.issue.labels.*.name, 'KIRIMAN')", labelled) is True
    assert evaluate("contains(github.event.issue.labels.*.name, 'kiriman:budaya')", labelled) is False
    assert evaluate("!cancelled() && contains('abc', 'B')", labelled) is True


# --------------------------------------------------------------------------
# Linters and pinning
# --------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["regular", "pedantic", "auditor"])
def test_zizmor_finds_nothing(persona: str) -> None:
    """Every workflow and Dependabot's configuration (its cooldown included), in each of zizmor's personas."""
    result = subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--no-progress",
            f"--persona={persona}",
            str(WORKFLOWS),
            str(ROOT / ".github" / "dependabot.yml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout
    assert "dependabot.yml" in result.stderr  # audited, not skipped


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


# --------------------------------------------------------------------------
# The PR check
# --------------------------------------------------------------------------


def test_pr_check_runs_untrusted_code_read_only() -> None:
    workflow = _load("pr-check.yml")
    assert set(workflow["on"]) == {"pull_request"}
    (job,) = workflow["jobs"].values()
    assert job["name"] == "Periksa pos"  # the required status check the README's setup names
    assert job["permissions"] == {"contents": "read"}
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["persist-credentials"] is False
    run = next(step["run"] for step in job["steps"] if "etalase ci pr-check" in step.get("run", ""))
    assert "$GITHUB_STEP_SUMMARY" in run and "${{" not in run
    uploads = {step["with"]["name"] for step in _steps(job, "actions/upload-artifact")}
    assert uploads == {"pratinjau-data", "pratinjau-situs"}


def test_photo_cache_is_restored_in_the_check_and_saved_only_by_the_deploy() -> None:
    (check,) = _load("pr-check.yml")["jobs"].values()
    build = _load("deploy.yml")["jobs"]["build"]
    assert not _steps(check, "actions/cache") and not _steps(check, "actions/cache/save")
    (check_restore,) = _steps(check, "actions/cache/restore")
    (restore,) = _steps(build, "actions/cache/restore")
    (save,) = _steps(build, "actions/cache/save")
    assert check_restore["with"]["path"] == restore["with"]["path"] == save["with"]["path"] == ".cache/etalase"
    prefix = restore["with"]["restore-keys"]
    assert check_restore["with"]["restore-keys"] == prefix  # the check reads what the deploy saves
    assert save["with"]["key"].startswith(prefix) and save["with"]["key"] == restore["with"]["key"]
    assert "github.run_id" in save["with"]["key"]  # cache keys are immutable: each publication saves anew

    def is_build(step: dict) -> bool:
        return "build.py" in step.get("run", "") or "etalase ci pr-check" in step.get("run", "")

    assert build["steps"].index(restore) < _index(build, is_build) < build["steps"].index(save)
    assert check["steps"].index(check_restore) < _index(check, is_build)


# --------------------------------------------------------------------------
# The preview comment
# --------------------------------------------------------------------------


def _comment_job() -> dict:
    (job,) = _load("pr-preview-comment.yml")["jobs"].values()
    return job


def test_comment_workflow_never_runs_pr_code() -> None:
    workflow = _load("pr-preview-comment.yml")
    assert list(workflow["on"]) == ["workflow_run"]
    assert workflow["on"]["workflow_run"]["workflows"] == [_load("pr-check.yml")["name"]]
    job = _comment_job()
    assert job["permissions"] == {"actions": "read", "contents": "read", "pull-requests": "write"}
    checkout = job["steps"][0]
    assert checkout["with"]["ref"] == "${{ github.event.repository.default_branch }}"
    assert checkout["with"]["persist-credentials"] is False
    (download,) = _steps(job, "actions/download-artifact")
    assert download["with"]["path"].startswith("${{ runner.temp }}")  # outside the checked-out workspace
    for step in job["steps"]:
        run = step.get("run", "")
        assert "${{" not in run  # event values reach the shell only as environment variables
        assert "pip install" not in run and "pratinjau-situs/" not in run
    assert not any("pull_request_target" in str(_load(w.name)["on"]) for w in WORKFLOWS.glob("*.yml"))


@pytest.mark.parametrize("event", ["pull_request", "push", "pull_request_target", "workflow_dispatch", "schedule"])
@pytest.mark.parametrize("conclusion", CONCLUSIONS)
def test_comment_runs_only_for_a_pr_check_that_succeeded_or_failed(event: str, conclusion: str) -> None:
    """``action_required`` (waiting for approval), ``cancelled`` and the rest left no data to read."""
    context = {"github": {"event": {"workflow_run": {"event": event, "conclusion": conclusion}}}}
    expected = event == "pull_request" and conclusion in ("success", "failure")
    assert evaluate(_comment_job()["if"], context) is expected


def _comment_steps_that_run(outputs: dict[str, dict[str, str]]) -> list[str]:
    """Names (or actions) of the comment job's steps that run, given earlier steps' outputs."""
    ran = []
    steps: dict[str, Any] = {}
    for step in _comment_job()["steps"]:
        if "if" not in step or evaluate(step["if"], {"steps": steps}):
            ran.append(step.get("name", step.get("uses", "").split("@")[0]))
            if "id" in step:
                steps[step["id"]] = {"outputs": outputs.get(step["id"], {})}
    return ran


def test_a_run_without_data_is_skipped_with_a_notice() -> None:
    find = next(step for step in _comment_job()["steps"] if step.get("id") == "artifacts")
    assert "::notice::" in find["run"] and "exit 1" not in find["run"]
    assert _comment_steps_that_run({"artifacts": {"data": "", "site": ""}}) == [
        "actions/checkout",
        "Cari artefak pemeriksaan",
    ]
    assert (
        _comment_steps_that_run(
            {"artifacts": {"data": "12", "site": "11"}, "data": {"pr": "7"}, "pr": {"current": "false"}}
        )[-1]
        == "Cocokkan PR dan daftar berkasnya"
    )
    assert _comment_steps_that_run(
        {"artifacts": {"data": "12", "site": ""}, "data": {"pr": "7"}, "pr": {"current": "true"}}
    )[-2:] == ["Susun komentar", "Tulis atau perbarui komentar"]


def test_comment_decides_the_preview_from_the_apis_file_list() -> None:
    job = _comment_job()
    listing = next(step for step in job["steps"] if step.get("id") == "pr")
    assert "pulls/$PR/files" in listing["run"] and "previous_filename" in listing["run"]
    assert listing["run"].count('"repos/$REPO/pulls/$PR" --jq .head.sha') == 2  # head before and after the listing
    compose = next(step for step in job["steps"] if "preview_comment.py comment" in step.get("run", ""))
    assert '--changed-files "$RUNNER_TEMP/berkas-pr.txt"' in compose["run"]


# --------------------------------------------------------------------------
# The deploy
# --------------------------------------------------------------------------


def _cron_hours(cron: str) -> set[int]:
    """Hours of every day at which ``cron`` fires at a minute other than 0 (GitHub's busiest)."""
    minute, hour, day, month, weekday = cron.split()
    assert (day, month, weekday) == ("*", "*", "*"), f"{cron}: not every day"

    def values(field: str, top: int) -> set[int]:
        found: set[int] = set()
        for part in field.split(","):
            span, _, step = part.partition("/")
            first, last = (0, top) if span == "*" else map(int, (span.split("-") * 2)[:2])
            found |= set(range(first, last + 1, int(step or 1)))
        return found

    return values(hour, 23) if values(minute, 59) - {0} else set()


def test_deploy_runs_at_least_hourly_off_the_hour() -> None:
    schedule = _load("deploy.yml")["on"]["schedule"]
    assert set().union(*(_cron_hours(entry["cron"]) for entry in schedule)) == set(range(24))
    assert "workflow_dispatch" in _load("deploy.yml")["on"]


@pytest.mark.parametrize(
    ("event", "default", "expected"),
    [
        ({"event_name": "push", "ref": "refs/heads/main"}, "main", True),
        ({"event_name": "push", "ref": "refs/heads/trunk"}, "trunk", True),  # whatever the default branch is called
        ({"event_name": "push", "ref": "refs/heads/fitur-baru"}, "main", False),
        ({"event_name": "push", "ref": "refs/tags/v1"}, "main", False),
        ({"event_name": "workflow_dispatch", "ref": "refs/heads/main"}, "main", True),
        ({"event_name": "workflow_dispatch", "ref": "refs/heads/fitur-baru"}, "main", False),
        ({"event_name": "schedule", "ref": "refs/heads/trunk"}, None, True),  # a schedule's payload has no repository
    ],
)
def test_deploy_builds_the_default_branch_only(event: dict, default: str | None, expected: bool) -> None:
    workflow = _load("deploy.yml")
    assert workflow["on"]["push"] is None  # no branch named: the job's condition picks the default one
    github = dict(event, event={"repository": {"default_branch": default}} if default else {"schedule": "17 * * * *"})
    assert bool(evaluate(workflow["jobs"]["build"]["if"], {"github": github})) is expected


def test_no_workflow_names_a_branch() -> None:
    for workflow in WORKFLOWS.glob("*.yml"):
        text = workflow.read_text(encoding="utf-8")
        assert "refs/heads/main" not in text and "branches:" not in text, workflow.name


def test_pages_deploys_are_never_cancelled() -> None:
    workflow = _load("deploy.yml")
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert workflow["concurrency"]["group"].startswith("pages-")
    for job in workflow["jobs"].values():
        assert job.get("concurrency", {}).get("cancel-in-progress", False) is False


def test_deploy_jobs_and_their_permissions() -> None:
    jobs = _load("deploy.yml")["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    assert build["permissions"] == {"contents": "read", "actions": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert _steps(build, "actions/upload-pages-artifact")
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["needs"] == "build"
    for publish, expected in (("true", True), ("false", False), (None, False)):
        assert evaluate(deploy["if"], {"needs": {"build": {"outputs": {"publish": publish}}}}) is expected


def test_the_deploy_reads_the_whole_history_for_posts_dated_at_their_merge() -> None:
    """A post sent with an empty date is dated by the commit that merged it: a shallow clone would date it
    at every deploy's own commit (src/etalase/content/merge_dates.py)."""
    build = _load("deploy.yml")["jobs"]["build"]
    (checkout,) = _steps(build, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    assert checkout["with"]["filter"] == "blob:none"  # commits and trees only
    assert checkout["with"]["persist-credentials"] is False
    assert build["permissions"]["contents"] == "read"  # nothing is written to the branch


def test_deploy_checks_the_pages_url_before_building() -> None:
    build = _load("deploy.yml")["jobs"]["build"]
    check = _index(build, lambda step: "etalase ci pages-url" in step.get("run", ""))
    assert 'gh api "repos/$REPO/pages"' in build["steps"][check]["run"]
    assert check < _index(build, lambda step: "scripts/build.py" in step.get("run", ""))


def test_an_hour_with_nothing_due_skips_everything_after_the_check() -> None:
    build = _load("deploy.yml")["jobs"]["build"]
    due = _index(build, lambda step: step.get("id") == "due")
    assert "etalase ci due" in build["steps"][due]["run"]
    assert build["outputs"]["publish"] == "${{ steps.due.outputs.publish }}"
    for step in build["steps"][due + 1 :]:
        for publish, expected in (("true", True), ("false", False)):
            assert evaluate(step["if"], {"steps": {"due": {"outputs": {"publish": publish}}}}) is expected, step


# --------------------------------------------------------------------------
# etalase ci pages-url
# --------------------------------------------------------------------------

CHECK_PAGES_URL = ["-m", "etalase", "ci", "pages-url"]


def _check_pages_url(tmp_path: Path, site_url: str, pages: dict | str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Contoh\nsite_url: {site_url}\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PAGES_JSON": pages if isinstance(pages, str) else json.dumps(pages)}
    return subprocess.run(
        [sys.executable, *CHECK_PAGES_URL, "--config", str(config)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "site_url", ["https://kabupaten-contoh.github.io/etalase/", "https://Kabupaten-Contoh.github.io/etalase"]
)
def test_pages_url_check_passes_when_site_url_is_the_pages_url(tmp_path: Path, site_url: str) -> None:
    pages = {"html_url": "https://kabupaten-contoh.github.io/etalase/", "build_type": "workflow"}
    result = _check_pages_url(tmp_path, site_url, pages)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout


def test_pages_url_check_names_both_urls_when_they_differ(tmp_path: Path) -> None:
    pages = {"html_url": "https://kabupaten-contoh.github.io/etalase/", "build_type": "workflow"}
    result = _check_pages_url(tmp_path, "https://etalase.example.go.id/", pages)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=mkdocs.yml,title=site_url::site_url di mkdocs.yml (https://etalase.example.go.id/) bukan alamat "
        "GitHub Pages repositori ini (https://kabupaten-contoh.github.io/etalase/); ubah site_url, atau pasang domain "
        "sendiri di Settings → Pages → Custom domain%0A(en) site_url in mkdocs.yml (https://etalase.example.go.id/) is "
        "not this repository's GitHub Pages URL (https://kabupaten-contoh.github.io/etalase/); change site_url, or set "
        "a custom domain in Settings → Pages → Custom domain"
    ]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("", "GitHub Pages belum aktif di repositori ini"),
        ('{"message": "Not Found", "status": "404"}', "GitHub Pages belum aktif di repositori ini"),
        ("not json", "GitHub Pages belum aktif di repositori ini"),
        (
            {"html_url": "https://kabupaten-contoh.github.io/etalase/", "build_type": "legacy"},
            "GitHub Pages diterbitkan dari cabang, bukan dari alur kerja ini. Ubah di Settings → Pages → Build and "
            "deployment → Source: GitHub Actions.",
        ),
    ],
)
def test_pages_url_check_says_what_to_set(tmp_path: Path, pages: dict | str, expected: str) -> None:
    result = _check_pages_url(tmp_path, "https://kabupaten-contoh.github.io/etalase/", pages)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith("::error file=mkdocs.yml,title=GitHub Pages::" + expected)


# --------------------------------------------------------------------------
# etalase ci due
# --------------------------------------------------------------------------

DUE_POSTS = ["-m", "etalase", "ci", "due"]


def _due(tmp_path: Path, since: str, now: str, content: Path = DEMO_CONTENT) -> tuple[str, str]:
    output = tmp_path / "github-output"
    output.unlink(missing_ok=True)
    result = subprocess.run(
        [
            sys.executable,
            *DUE_POSTS,
            "--since",
            since,
            "--now",
            now,
            "--content",
            str(content),
            "--github-output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output.read_text(encoding="utf-8"), result.stdout


def test_a_post_whose_time_came_since_the_last_run_is_published(tmp_path: Path) -> None:
    # The demo's scheduled post is dated 2027-01-10 08:00 WIB (01:00 UTC).
    output, said = _due(tmp_path, since="2027-01-10T00:17:05Z", now="2027-01-10T01:17:02Z")
    assert output == "publish=true\n"
    assert "1 pos terjadwal sudah tiba waktunya: pameran-foto-sekar-laut-dalam-bingkai" in said


def test_an_hour_with_nothing_due_publishes_nothing(tmp_path: Path) -> None:
    assert _due(tmp_path, since="2027-01-10T01:17:05Z", now="2027-01-10T02:17:02Z")[0] == "publish=false\n"
    # A draft dated in the window (rencana-jembatan-pulau-rindu, 2026-11-19 20:00 WIB) is not due.
    assert _due(tmp_path, since="2026-11-19T12:17:05Z", now="2026-11-19T13:17:02Z")[0] == "publish=false\n"


def test_a_dropped_or_failed_hour_is_caught_up(tmp_path: Path) -> None:
    """The window starts at the last *successful* run, so runs that never happened widen it."""
    assert _due(tmp_path, since="2027-01-09T20:17:05Z", now="2027-01-10T03:17:02Z")[0] == "publish=true\n"


def test_no_earlier_run_or_broken_content_publishes(tmp_path: Path, content_copy: Path) -> None:
    assert _due(tmp_path, since="", now="2027-01-10T02:17:02Z")[0] == "publish=true\n"
    (content_copy / "regions.yml").write_text("kecamatan: [\n", encoding="utf-8")
    output, said = _due(tmp_path, since="2027-01-10T01:17:05Z", now="2027-01-10T02:17:02Z", content=content_copy)
    assert output == "publish=true\n" and "konten bermasalah" in said
