"""Work done in a forked process while the build goes on: its result, or its error, handed back to the build.

The build forks where two cores can do two things at once: shares of the
pages to draw (:class:`etalase.build.render.PageWork`), and the search index
(:mod:`etalase.build.search_index`), written while the pages are drawn. A
child inherits everything it needs by the fork (nothing is sent to it), sends
back one picklable value through a file, and leaves with ``os._exit``, so
that none of the parent's cleanup runs twice. A child dies with its parent
(``PR_SET_PDEATHSIG``): a build killed mid-way leaves no child writing into a
staging folder that the next build deletes (:mod:`etalase.build.publish`).

Forking is Linux-only here (:data:`CAN_FORK`); elsewhere the work runs in the
parent when its result is asked for.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pickle
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

CAN_FORK = sys.platform == "linux"
_PR_SET_PDEATHSIG = 1


class ChildFailed(RuntimeError):
    """The forked work raised, or its process ended without a result."""


class Forked(Generic[T]):
    """``work()`` running in a child process from the moment this is made (or, where processes cannot be
    forked, in this one when :meth:`result` is called)."""

    def __init__(self, work: Callable[[], T], *, fork: bool = True):
        self._work: Callable[[], T] | None = work
        self._pid: int | None = None
        self._results: Path | None = None
        if fork and CAN_FORK:
            self._results = Path(tempfile.mkstemp(prefix="etalase-forked-", suffix=".pickle")[1])
            parent = os.getpid()
            pid = os.fork()
            if pid == 0:
                os._exit(_child(work, self._results, parent))
            self._pid = pid

    def result(self) -> T:
        """Wait for the work; its value, or :class:`ChildFailed` with the child's error."""
        if self._pid is None:
            work, self._work = self._work, None
            if work is None:
                raise ChildFailed("the work's result was already taken")
            return work()
        assert self._results is not None
        pid, self._pid = self._pid, None
        _, status = os.waitpid(pid, 0)
        try:
            ok, value = pickle.loads(self._results.read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            raise ChildFailed(f"the forked process ended without a result (status {status})") from error
        finally:
            self._results.unlink(missing_ok=True)
        if not ok:
            raise ChildFailed(value)
        return value

    def abandon(self) -> None:
        """Stop the child, if it still runs, and forget its result."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None
        if self._results is not None:
            self._results.unlink(missing_ok=True)
        self._work = None


def _child(work: Callable[[], object], results: Path, parent: int) -> int:
    """In the child: run ``work``, write ``(True, value)`` or ``(False, the error's traceback)``; the exit code."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request above
        return 3
    try:
        outcome: tuple[bool, object] = (True, work())
    except BaseException:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (False, traceback.format_exc())
    try:
        results.write_bytes(pickle.dumps(outcome))
    except BaseException:  # noqa: BLE001 - an unpicklable value: the parent says the child ended without a result
        return 2
    return 0 if outcome[0] else 1


def _die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux ``prctl``)."""
    library = ctypes.util.find_library("c")
    if library:
        ctypes.CDLL(library, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
