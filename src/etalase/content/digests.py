"""Digests shared by every cache: the pipeline's own code, and files by their bytes with a stat shortcut.

:func:`code_digest` is part of every cache key (validated posts, bodies,
pages): any change to the package or the versions it runs on makes every
cached result stale without anyone bumping a version by hand.

:class:`FileDigests` gives the sha256 of files, remembering each file's
size, ``mtime_ns``, ``ctime_ns``, inode and device: a file whose stat is
unchanged is not read again. A stat taken within :data:`RACY_NS` of the
file's last change is not remembered (a write in the same clock tick as the
read would leave the stat unchanged: git's "racily clean" files).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

import etalase
from etalase.content.text_cache import TextCache

SHAPING_PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "nh3", "Jinja2", "MarkupSafe")
"""Packages whose version shapes the HTML; each is part of every cache key, with every requirement of etalase."""
PACKAGE_ROOT = Path(etalase.__file__).resolve().parent
"""The whole ``etalase`` package, every subpackage: every file in it is part of every cache key (:func:`code_digest`)."""


def versions() -> str:
    """The installed versions of :data:`SHAPING_PACKAGES` and of every requirement of the ``etalase`` distribution.

    ProperDocs stands in for MkDocs where it is used: a package not installed
    under its name is written ``name=?``.
    """
    names = set(SHAPING_PACKAGES)
    try:
        names |= {_requirement_name(line) for line in requires("etalase") or ()}
    except PackageNotFoundError:  # run from a checkout without `pip install`
        pass
    found = []
    for package in sorted(names, key=str.lower):
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=?")
    return ",".join(found)


def _requirement_name(line: str) -> str:
    """``"pillow>=12.0; extra == 'x'"`` -> ``"pillow"``."""
    return re.split(r"[\s<>=!~;\[(]", line.strip(), maxsplit=1)[0]


@cache
def code_digest() -> str:
    """A digest of everything the pipeline's own code is: every file of the package and the versions it runs on.

    Part of every body and page key, so that any change to the code that
    shapes a page (the sanitiser's rules, the ``<picture>`` markup, a
    template helper) renders every page again: a security fix reaches every
    published page without anyone remembering to bump a version. Computed
    once per process (about 1 ms: the package is some hundred kilobytes).
    """
    hasher = hashlib.sha256(versions().encode())
    for path in sorted(PACKAGE_ROOT.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            hasher.update(path.relative_to(PACKAGE_ROOT).as_posix().encode() + b"\0")
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


RACY_NS = 2_000_000_000
"""A file changed less than this before its stat was taken has its digest computed again next time."""


class _Seen(TextCache):
    """``stat signature + " " + sha256`` by absolute path."""

    FILE = "files.sqlite3"
    TABLE, COLUMN = "seen", "stat_digest"


def stat_signature(st: os.stat_result) -> str:
    """What tells a changed file from an unchanged one without reading it."""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


class FileDigests:
    """sha256 of files, read only when their stat changed (the index is a :class:`TextCache` in ``folder``)."""

    def __init__(self, folder: Path, workers: int = 2):
        self.store = _Seen(folder)
        self.workers = workers
        self.hashed = 0
        """Files the last :meth:`digests` read."""

    def digests(self, stats: Mapping[Path, os.stat_result]) -> dict[Path, str]:
        """The sha256 of each file of ``stats`` (stat of each, as :func:`os.lstat` gave it).

        The index keeps the files of ``stats`` and forgets the others. Files
        that share an inode and a stat (hard links) are read once, the others
        in threads (hashlib releases the GIL).
        """
        now = time.time_ns()
        seen = self.store.read_texts(str(path) for path in stats)
        found: dict[Path, str] = {}
        missing: dict[str, list[Path]] = {}
        for path, st in stats.items():
            signature = stat_signature(st)
            stored = seen.get(str(path), "").split(" ")
            if len(stored) == 2 and stored[0] == signature and _HEX.fullmatch(stored[1]):
                found[path] = stored[1]
            else:
                missing.setdefault(signature, []).append(path)
        self.hashed = len(missing)
        fresh: dict[str, str] = {}
        if missing:
            with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
                hashed = pool.map(_sha256, [paths[0] for paths in missing.values()])
                for (signature, paths), digest in zip(missing.items(), hashed, strict=True):
                    for path in paths:
                        found[path] = digest
                        st = stats[path]
                        if digest and now - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
                            fresh[str(path)] = f"{signature} {digest}"
        if fresh or len(seen) != len(stats):
            self.store.update_texts(fresh, keep={str(path) for path in stats})
        return found


_HEX = re.compile(r"[0-9a-f]{64}")


def _sha256(path: Path) -> str:
    """The file's sha256; ``""`` when it cannot be read (whoever reads it next reports why)."""
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return ""
