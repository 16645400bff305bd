"""Run a build command and measure it: wall seconds and the peak memory of each process.

The command's process tree is walked with psutil every :data:`INTERVAL`
seconds; for every process seen (the build itself, and what it starts:
render and photo workers) the kernel's own high-water mark of its
resident memory (``VmHWM`` in ``/proc/<pid>/status``) is read. The mark only
grows, so a peak between two polls is not missed; only growth in the last
interval before a process exits is. Linux only, as the project's machines.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

INTERVAL = 0.05
MIB = 1024 * 1024


@dataclass(frozen=True)
class ProcessPeak:
    """One process of a run and the most memory it held."""

    pid: int
    name: str
    peak_bytes: int

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / MIB


@dataclass(frozen=True)
class Measurement:
    """A finished run."""

    seconds: float
    main: ProcessPeak
    """The process started by the command."""
    children: tuple[ProcessPeak, ...]
    """Every process it started, directly or not, largest peak first."""

    @property
    def largest_child(self) -> ProcessPeak | None:
        return self.children[0] if self.children else None


class CommandFailed(RuntimeError):
    """The measured command exited with an error; the message holds the end of its output."""


def measure(command: Sequence[str], *, cwd: Path, log: Path, env: dict[str, str] | None = None) -> Measurement:
    """Run ``command`` in ``cwd`` with its output in ``log``; raise :class:`CommandFailed` if it fails."""
    peaks: dict[int, ProcessPeak] = {}
    with log.open("wb") as output:
        start = time.perf_counter()
        process = psutil.Popen(
            list(command), cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        while True:
            _sample(process, peaks)
            try:
                returncode = process.wait(timeout=INTERVAL)
                break
            except psutil.TimeoutExpired:
                continue
        seconds = time.perf_counter() - start
    if returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        raise CommandFailed(f"{' '.join(command)} exited with {returncode}:\n{tail}")
    main = peaks.get(process.pid, ProcessPeak(process.pid, Path(command[0]).name, 0))
    children = sorted(
        (peak for pid, peak in peaks.items() if pid != process.pid), key=lambda peak: peak.peak_bytes, reverse=True
    )
    return Measurement(seconds, main, tuple(children))


def _sample(process: psutil.Process, peaks: dict[int, ProcessPeak]) -> None:
    """Read the high-water mark of ``process`` and of every process below it."""
    try:
        tree = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    for member in tree:
        mark = _high_water_mark(member.pid)
        if mark is None:
            continue
        known = peaks.get(member.pid)
        if known is None:
            try:
                name = member.name()
            except psutil.Error:
                continue
            peaks[member.pid] = ProcessPeak(member.pid, name, mark)
        elif mark > known.peak_bytes:
            peaks[member.pid] = ProcessPeak(member.pid, known.name, mark)


def _high_water_mark(pid: int) -> int | None:
    """Peak resident memory of ``pid`` in bytes; None once it has exited."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None  # a zombie: its memory is already gone
