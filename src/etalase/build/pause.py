"""Named pause points: a test stops a build at an exact step, to kill it there.

The build calls :func:`pause_point` at the steps where a kill matters
(:data:`POINTS`). It does nothing unless the environment variable
``ETALASE_PAUSE_AT`` (read once, when this module is imported) names that
point: then it writes the point's name and the process id to the file named
by ``ETALASE_PAUSE_MARKER`` (if set) and stops its own process with
``SIGSTOP``. The test that started the build sees it stop (``waitpid`` with
``WUNTRACED``), reads the marker and kills it there (``SIGKILL``), with no
timing involved. In production the variable is unset and a pause point is
one comparison.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

ENV_AT = "ETALASE_PAUSE_AT"
ENV_MARKER = "ETALASE_PAUSE_MARKER"

POINTS: dict[str, str] = {
    "build:staged": "the staging folder beside the site exists and is locked; nothing is built yet",
    "photos:done": "every photo is processed into the cache; no page is written",
    "pages:written": (
        "MkDocs has written every page into the staging folder; no feed yet, and the second process"
        " (etalase.utils.forked) may still be linking photos or writing the search index"
    ),
    "search:indexed": "the search index is written into the staging folder; nothing is published yet",
    "publish:staged": "the new site is complete in the staging folder; the old site is untouched",
    "publish:exchanged": "the new site is in place, the old one in the staging folder, not yet deleted",
    "publish:set-aside": "where the system cannot exchange: the old site renamed aside, the new one not yet in place",
}
"""Every pause point of the build, in the order a build reaches them, and the state it leaves behind."""

_AT = os.environ.get(ENV_AT)


def pause_point(name: str) -> None:
    """Stop this process here if ``ETALASE_PAUSE_AT`` names ``name`` (see the module's documentation)."""
    if name != _AT:
        return
    marker = os.environ.get(ENV_MARKER)
    if marker:
        Path(marker).write_text(f"{name} {os.getpid()}\n", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGSTOP)
