"""``scripts/build.py`` with another exchange in the publish step, for the kill tests of ``test_build_safety.py``.

    python tests/faulty_build.py none BUILD-ARGS...     # the system cannot exchange: the fallback's two renames
    python tests/faulty_build.py renames BUILD-ARGS...  # an exchange made of three renames: not atomic

The ``renames`` exchange pauses (:func:`etalase.build.pause.pause_point`) after
each of its first two renames, at ``exchange:renamed-1`` and
``exchange:renamed-2``, so a test can kill the build where such an exchange
leaves no whole site, and see its own check fail.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from etalase.build import publish  # noqa: E402
from etalase.build.pause import pause_point  # noqa: E402


def cannot_exchange(a: Path, b: Path) -> bool:
    return False


def three_renames(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` through a third name: for a moment one of them does not exist."""
    aside = b.with_name(b.name + ".swap")
    os.rename(b, aside)
    pause_point("exchange:renamed-1")
    os.rename(a, b)
    pause_point("exchange:renamed-2")
    os.rename(aside, a)
    return True


EXCHANGES = {"none": cannot_exchange, "renames": three_renames}


if __name__ == "__main__":
    publish._exchange = EXCHANGES[sys.argv[1]]
    from etalase.cli import main  # `etalase build`, as scripts/build.py runs it

    sys.exit(main(["build", *sys.argv[2:]]))
