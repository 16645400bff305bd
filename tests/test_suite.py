"""The suite's own machinery: ``make test`` keeps the tests that share a module's site on one worker.

``tests/suite_order.py`` marks the tests that use a module's fixture with one ``xdist_group`` per module, and
``--dist loadgroup`` hands each group to one worker, so the module's site is built once. With pytest 9.2
and pytest-xdist 3.8 the groups were silently dropped (every worker built the site again): this test runs
the pinned pair on two grouped modules and fails if that happens again.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

GROUPED = """
import pytest

BUILT = []

@pytest.fixture(scope="module")
def site():
    BUILT.append(1)
    return len(BUILT)

@pytest.mark.parametrize("n", range(6))
def test_uses_the_site(site, n):
    assert site == 1  # built once in this worker
"""

CONFTEST = """
import pytest
from suite_order import order_and_group

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    order_and_group(items)
"""
"""The suite's own grouping (tests/suite_order.py), as tests/conftest.py applies it."""

ALONE = """
import pytest

@pytest.mark.parametrize("n", range(12))
def test_alone(n):
    pass
"""


def test_the_tests_sharing_a_module_s_site_run_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    for name in ("test_first", "test_second"):
        (tmp_path / f"{name}.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "test_alone.py").write_text(ALONE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "--no-loadscope-reorder", "-v"]
        + ["-p", "xdist.plugin", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]),
            # xdist alone, as the grouping is its doing: the other plugins' start (hypothesis, playwright…)
            # in three processes took 15 of this test's 17 s
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    workers: dict[str, set[str]] = {}
    for worker, module in re.findall(r"\[(gw\d)\] .*PASSED (test_\w+)\.py::", result.stdout):
        workers.setdefault(module, set()).add(worker)
    assert len(workers["test_first"]) == 1 and len(workers["test_second"]) == 1, workers
    assert sum(line.count("PASSED") for line in result.stdout.splitlines()) == 24


SCRATCH = Path(__file__).parent / "scratch_dir.sh"


def test_each_lane_gets_a_scratch_folder_of_its_own_and_leaves_nothing_behind(tmp_path: Path) -> None:
    """tests/scratch_dir.sh (every make test lane): TMPDIR is a new folder while the command runs, the
    command's exit status is the lane's, and the folder is gone afterwards, whatever the status."""
    report = tmp_path / "tmpdir"
    for status in (0, 3):
        run = subprocess.run(
            [str(SCRATCH), "bash", "-c", f'echo "$TMPDIR" > {report}; touch "$TMPDIR/made"; exit {status}'],
            env={**os.environ, "TMPDIR": str(tmp_path)},
            check=False,
            timeout=60,
        )
        assert run.returncode == status
        scratch = Path(report.read_text().strip())
        assert scratch.name.startswith("etalase-tests.") and scratch.parent in (Path("/dev/shm"), tmp_path)
        assert not scratch.exists()

    on_disk = {**os.environ, "TMPDIR": str(tmp_path), "ETALASE_TESTS_ON_DISK": "1"}
    subprocess.run([str(SCRATCH), "bash", "-c", f'echo "$TMPDIR" > {report}'], env=on_disk, check=True, timeout=60)
    assert Path(report.read_text().strip()).parent == tmp_path  # kept off the RAM disk when asked


def test_a_lane_keeps_python_s_bytecode_even_where_the_environment_turns_it_off(tmp_path: Path) -> None:
    """tests/scratch_dir.sh drops PYTHONDONTWRITEBYTECODE: each worker and build of the lane reuses what the
    first compiled (and pytest's rewritten test modules) instead of compiling it again."""
    report = tmp_path / "flag"
    run = subprocess.run(
        [
            str(SCRATCH),
            sys.executable,
            "-c",
            f"import sys, pathlib; pathlib.Path({str(report)!r}).write_text(str(sys.dont_write_bytecode))",
        ],
        env={**os.environ, "TMPDIR": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
        timeout=60,
    )
    assert run.returncode == 0 and report.read_text() == "False"
