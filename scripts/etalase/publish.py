"""Step 7, publish: switch to the new site only once it is complete.

The site is built into a fresh folder beside the target (``.site.new-…``).
When the build has finished, the new folder and the old site are exchanged
in one atomic ``renameat2(RENAME_EXCHANGE)`` call on Linux (two renames
elsewhere), and the old site is deleted. A build killed at any moment leaves
the previous site whole; a leftover ``.site.*`` folder is removed by the next
build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_dir(site_dir: Path) -> Path:
    """A new empty folder beside ``site_dir`` to build into."""
    site_dir = Path(os.path.abspath(site_dir))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))


def publish(new: Path, site_dir: Path) -> None:
    """Make ``new`` the site at ``site_dir`` atomically and delete the old site."""
    site_dir = Path(os.path.abspath(site_dir))
    os.chmod(new, 0o755)  # mkdtemp makes it private; a web server must read it
    if not site_dir.exists():
        os.rename(new, site_dir)
        return
    if not _exchange(new, site_dir):
        old = new.with_name(new.name.replace(".new-", ".old-"))
        os.rename(site_dir, old)
        os.rename(new, site_dir)
        new = old
    shutil.rmtree(new, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; ``False`` where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _remove_leftovers(site_dir: Path) -> None:
    """Delete folders left by builds that were killed."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}.*-*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
