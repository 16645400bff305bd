"""Posts dated when an editor merges them: ``date: saat digabung``.

A creator who leaves the form's date empty means "when an editor accepts it".
The form route writes :data:`~etalase.content.datetext.AT_MERGE` as the date, and
the post takes the time its ``index.md`` landed on the branch being built: the
committer time of the first-parent commit that added the file. On the default
branch that is the merge (a merge commit, a squash or a rebase all commit at
the moment of merging), so the date is the merge's without any workflow writing
to the protected branch afterwards, and it never changes on later builds.

The deploy checks out the whole history (``fetch-depth: 0`` in deploy.yml) for
this. A file git does not know yet (a local draft, a conversion being checked)
is dated ``now``: it would appear at once if merged now. A folder renamed later
counts from the rename (the file is read under its path of today).
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

from etalase.content.datetext import AT_MERGE


def is_at_merge(value: object) -> bool:
    """Whether a front-matter date is the marker ``saat digabung`` (any case and spacing)."""
    return isinstance(value, str) and " ".join(value.split()).casefold() == AT_MERGE


def added_times(root: Path) -> dict[Path, datetime]:
    """When each file under ``root`` was added on the current branch's first-parent history.

    Keyed by absolute path; empty when ``root`` is not in a git work tree or git
    is missing. The newest addition wins (a file deleted and added again).
    """
    try:
        top = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout.strip()
        log = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "-c",
                "core.quotePath=false",
                "log",
                "--first-parent",
                "--no-renames",
                "--diff-filter=A",
                "--name-only",
                "--format=\x01%cI",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    times: dict[Path, datetime] = {}
    when: datetime | None = None
    for line in log.splitlines():
        if line.startswith("\x01"):
            when = datetime.fromisoformat(line[1:])
        elif line and when is not None:
            times.setdefault(Path(top, line), when)  # newest first: the first seen is the latest addition
    return times


class MergeDates:
    """The date of each post dated ``saat digabung``: when its file was added (:func:`added_times`), or ``now``;
    in ``zone``. Git is asked once per run, and only when some post needs it."""

    def __init__(self, root: Path, now: datetime, zone: timezone):
        self.root, self.now, self.zone = root, now, zone
        self._added: dict[Path, datetime] | None = None

    def __call__(self, path: Path) -> datetime:
        if self._added is None:
            self._added = added_times(self.root)
        return self._added.get(Path(path).resolve(), self.now).astimezone(self.zone)
