"""Work in a forked process (etalase.utils.forked): its value or its error comes back, and it never outlives the build."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from etalase.utils.forked import ChildFailed, Forked

ROOT = Path(__file__).resolve().parent.parent


def _gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie nobody reaped has ended too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def _wait_until_gone(pid: int, limit: float = 30.0) -> bool:
    """Poll until ``pid`` ends; ``False`` if it still runs after ``limit`` seconds (the test then fails)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if _gone(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_value_is_made_in_another_process_and_comes_back() -> None:
    work = Forked(lambda: {"pid": os.getpid(), "words": ["bangun", "budaya"]})
    value = work.result()
    assert value["words"] == ["bangun", "budaya"]
    assert value["pid"] != os.getpid()


def test_without_a_fork_the_work_runs_here_when_asked() -> None:
    work = Forked(os.getpid, fork=False)
    assert work.result() == os.getpid()
    with pytest.raises(ChildFailed, match="already taken"):
        work.result()


def test_the_childs_error_is_raised_here_with_its_traceback() -> None:
    def fails() -> int:
        return {"ada": 1}["tidak-ada"]

    with pytest.raises(ChildFailed) as caught:
        Forked(fails).result()
    assert "KeyError: 'tidak-ada'" in str(caught.value)
    assert "in fails" in str(caught.value)  # where in the work it failed


def test_a_value_that_cannot_be_sent_back_is_a_failure_not_a_hang() -> None:
    with pytest.raises(ChildFailed, match="without a result"):
        Forked(lambda: (lambda: None)).result()  # a lambda does not pickle
    with pytest.raises((pickle.PicklingError, AttributeError)):
        pickle.dumps(lambda: None)


def test_a_child_that_exits_on_its_own_is_a_failure() -> None:
    with pytest.raises(ChildFailed, match=r"without a result \(status"):
        Forked(lambda: os._exit(7)).result()


def test_abandoning_stops_the_child_and_leaves_no_file() -> None:
    work = Forked(lambda: time.sleep(120))
    pid, results = work._pid, work._results
    assert pid is not None and results is not None and results.exists()
    work.abandon()
    assert _gone(pid)
    assert not results.exists()


def test_the_child_dies_with_its_parent(tmp_path: Path) -> None:
    """A build killed mid-way (SIGKILL: no cleanup runs) leaves no forked process writing on."""
    report = tmp_path / "child"
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from pathlib import Path
        from etalase.utils.forked import Forked
        work = Forked(lambda: time.sleep(120))
        Path({str(report)!r}).write_text(str(work._pid))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    parent = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False, timeout=60)
    assert parent.returncode == -signal.SIGKILL
    child = int(report.read_text())
    assert _wait_until_gone(child), f"the forked process {child} outlived its parent"
