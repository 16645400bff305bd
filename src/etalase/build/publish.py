"""Step 7, publish: switch to the new site only once it is complete.

The site is built into a fresh folder beside the target (``.<site>.new-…``).
When the build has finished, the new folder and the old site are exchanged
in one atomic ``renameat2(RENAME_EXCHANGE)`` call on Linux, and the old site
is deleted. Where the system cannot exchange, the old site is first renamed
to ``.<site>.old-…`` and the new one put in its place; a build killed between
those two renames leaves no site but a whole old one, which the next build
puts back before anything else.

A build holds a lock (``flock``) on its staging folder for as long as it runs.
The next build removes leftover ``.<site>.new-…``/``.<site>.old-…`` folders
of killed builds, and only those: a folder whose lock is still held belongs
to a build that is running, and nothing else beside the site is touched.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from etalase.build.pause import pause_point

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_NEW, _OLD = ".new-", ".old-"

_locks: dict[Path, int] = {}
"""Open descriptor of each staging folder this process builds into, holding its lock."""


def staging_dir(site_dir: Path) -> Path:
    """A new empty folder beside ``site_dir`` to build into, locked until :func:`publish`."""
    site_dir = Path(os.path.abspath(site_dir))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site_dir)
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{_NEW}", dir=site_dir.parent))
    descriptor = os.open(new, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    _locks[new] = descriptor
    return new


def publish(new: Path, site_dir: Path) -> None:
    """Make ``new`` the site at ``site_dir`` atomically and delete the old site."""
    site_dir = Path(os.path.abspath(site_dir))
    new = Path(os.path.abspath(new))
    os.chmod(new, 0o755)  # mkdtemp makes it private; a web server must read it
    pause_point("publish:staged")
    if not site_dir.exists():
        os.rename(new, site_dir)
    elif _exchange(new, site_dir):
        pause_point("publish:exchanged")
        _delete(new)  # ``new`` now holds the old site
    else:
        old = new.with_name(new.name.replace(_NEW, _OLD, 1))
        os.rename(site_dir, old)
        pause_point("publish:set-aside")
        os.rename(new, site_dir)
        _delete(old)
    _unlock(new)


def discard(new: Path) -> None:
    """Delete a staging folder whose build failed."""
    new = Path(os.path.abspath(new))
    shutil.rmtree(new, ignore_errors=True)
    _unlock(new)


def _delete(path: Path) -> None:
    """Delete the old site: a folder, or the symlink that stood for it."""
    if path.is_symlink():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def _unlock(new: Path) -> None:
    descriptor = _locks.pop(new, None)
    if descriptor is not None:
        os.close(descriptor)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; ``False`` where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # the file system or kernel cannot exchange
    raise OSError(code, os.strerror(code), str(b))


def _remove_leftovers(site_dir: Path) -> None:
    """Put back a site a killed build left aside, then delete what killed builds left."""
    prefix = f".{site_dir.name}"
    leftovers = sorted(
        (
            path
            for path in site_dir.parent.iterdir()
            if path.name.startswith((prefix + _NEW, prefix + _OLD)) and path.is_dir() and not path.is_symlink()
        ),
        key=lambda path: path.stat().st_mtime_ns,
    )
    if not site_dir.exists() and not site_dir.is_symlink():
        olds = [path for path in leftovers if path.name.startswith(prefix + _OLD)]
        if olds:
            os.rename(olds[-1], site_dir)
            leftovers.remove(olds[-1])
    for leftover in leftovers:
        descriptor = os.open(leftover, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a build that is still running
        finally:
            os.close(descriptor)
        shutil.rmtree(leftover, ignore_errors=True)
