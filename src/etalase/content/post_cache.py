"""Validated posts by the digest of their files: an unchanged post costs a stat.

Reading and checking every post (libyaml, the front matter, pydantic, the
photo and path checks) took about 4 s of a 2,000-post build, every build,
although a merged pull request changes one post. What checking a post found
(:class:`Outcome`: the valid :class:`~etalase.content.structure.Post`, or its
problems, those of reading it included) is kept in ``posts.sqlite3`` of the
build's cache, under a key made of

* the code (:func:`~etalase.content.digests.code_digest`: the schema, the
  checks, the messages) and the time zone dates without one are read in;
* where the post is: its ``index.md`` as an absolute path and as messages
  show it;
* every entry of its bundle, at any depth: name, kind, and the sha256 of each
  file (:class:`~etalase.content.digests.FileDigests`: a stat when the file
  is unchanged), the target of each symbolic link. A file larger than any
  photo is read (:data:`~etalase.content.photo_files.MAX_ORIGINAL_BYTES`) is
  keyed by its stat instead: a bundle cannot make a build hash gigabytes. A photo added, removed or
  replaced changes the key: validation reads photos (their GPS, the
  scaffold's placeholder mark) and lists the bundle in its hints.

What a post is checked against (the creators, the regions) is not in the key:
a valid post is reused while every creator it names is valid and its region
exists (nothing else of them shapes a valid post); a post with problems only
while the creators and regions are those it was checked against (their ids,
the creator files with problems, the region names: what its messages print).

The cache is never trusted: an entry that does not unpickle into an
:class:`Outcome` is checked again, a file SQLite cannot read is started
afresh (:mod:`etalase.content.text_cache`), and an entry is written only when
the post's file did not change while it was checked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from etalase.content.categories import REGISTRY
from etalase.content.digests import FileDigests, code_digest, stat_signature
from etalase.content.photo_files import MAX_ORIGINAL_BYTES
from etalase.content.problems import Problem
from etalase.content.schema import PostBase
from etalase.content.structure import CreatorEntry, Place, Post
from etalase.content.text_cache import TextCache

FOLDER = "posts"
"""The post cache's folder under a content folder's build cache."""


@dataclass
class PostFile:
    """A post's ``index.md`` not yet read: what is known of it from its bundle's stats and digests."""

    index: Path
    display: Path
    key: str
    """Digest of where the post is and of every entry of its bundle (see the module's docstring)."""
    digest: str
    """sha256 of ``index.md`` (``""`` when it is not a regular file that can be read)."""
    signature: str
    """The stat of ``index.md`` the digest was taken from (:func:`~etalase.content.digests.stat_signature`)."""


@dataclass
class Outcome:
    """What checking one post found."""

    problems: list[Problem]
    """Reading, front matter and validation problems of the post."""
    post: Post | None
    """The valid post (``None`` when there is any problem)."""
    creators: tuple[str, ...] = ()
    """The creator ids a valid post names."""
    region: str | None = None
    """The region a valid post names."""
    context: str = ""
    """Digest of the creators and regions a post with problems was checked against (:func:`context_of`);
    ``""`` when its problems do not depend on them (it could not be read)."""
    merged: datetime | None = None
    """For a post dated ``saat digabung``: the date it was given (when git says it was added, or the run's
    now); the outcome holds only while that is still its date (:mod:`etalase.content.merge_dates`)."""

    def holds(self, creators: Mapping[str, CreatorEntry], places: Mapping[str, Place], context: str) -> bool:
        """Whether the outcome is still right, checked against these creators and places."""
        if self.post is not None:
            return all(creator in creators for creator in self.creators) and (
                self.region is None or self.region in places
            )
        return not self.context or self.context == context


def context_of(creators: Iterable[str], broken: Mapping[str, Path], places: Mapping[str, Place]) -> str:
    """What a post's messages can print of the creators and regions: valid ids, files with problems, places."""
    return _digest(
        json.dumps(
            [
                sorted(creators),
                sorted((creator, path.as_posix()) for creator, path in broken.items()),
                sorted((place.id, place.name, place.kecamatan_id, place.kecamatan_name) for place in places.values()),
            ]
        )
    )


class _Outcomes(TextCache):
    FILE = "posts.sqlite3"
    TABLE, COLUMN = "outcome", "pickled"


class PostCache:
    """Outcomes of checked posts, and the digests of the files in their bundles, in ``folder``."""

    def __init__(self, folder: Path, workers: int = 2):
        self.files = FileDigests(folder, workers)
        self.store = _Outcomes(folder)
        self.reused = 0
        """Posts the last validation took from the cache."""
        self.checked = 0
        """Posts the last validation checked."""

    def post_files(self, indexes: list[Path], displays: list[Path]) -> list[PostFile]:
        """Each post's ``index.md`` with the key of its bundle (every file's digest: a stat when unchanged)."""
        scans = [_scan(index.parent) for index in indexes]
        stats = {path: st for entries in scans for _, _, path, st in entries if st is not None}
        digests = self.files.digests({path: st for path, st in stats.items() if st.st_size <= MAX_ORIGINAL_BYTES})
        digests |= {path: "stat " + stat_signature(st) for path, st in stats.items() if path not in digests}
        found = []
        for index, display, entries in zip(indexes, displays, scans, strict=True):
            listing = [
                (name, kind, digests.get(path, "") if kind == "f" else _link(path) if kind == "l" else "")
                for name, kind, path, _ in entries
            ]
            st = stats.get(index)
            found.append(
                PostFile(
                    index,
                    display,
                    _digest(str(index), display.as_posix(), json.dumps(listing)),
                    digests.get(index, "") if st is not None else "",
                    stat_signature(st) if st is not None else "",
                )
            )
        return found

    def read(self, keys: Iterable[str]) -> dict[str, Outcome]:
        """The stored outcomes among ``keys`` (an entry that cannot be read is left out)."""
        found = {}
        for key, text in self.store.read_texts(keys).items():
            outcome = loads_outcome(text)
            if outcome is not None:
                found[key] = outcome
        return found

    def write(self, outcomes: Mapping[str, str], keep: set[str]) -> None:
        """Store ``outcomes`` (:func:`dumps` of each) and forget every entry not in ``keep``."""
        self.store.update_texts(outcomes, keep)

    @staticmethod
    def key(setup: str, post_file: PostFile) -> str:
        """The key of a post's outcome: :meth:`setup` and the post's bundle."""
        return _digest(setup, post_file.key)

    @staticmethod
    def post_digest(post_file: PostFile, zone: object) -> str:
        """What a post's data is made of: its ``index.md`` and the zone its dates are read in (``""``: unknown)."""
        return _digest(post_file.digest, repr(zone)) if post_file.digest else ""

    @staticmethod
    def setup(zone: object) -> str:
        """What every post's outcome depends on besides its bundle: the code and the time zone."""
        return _digest(code_digest(), repr(zone))

    @staticmethod
    def unchanged(post_file: PostFile) -> bool:
        """Whether ``index.md`` still has the stat its digest was taken from (else its outcome is not stored)."""
        try:
            return stat_signature(os.lstat(post_file.index)) == post_file.signature
        except OSError:
            return False


def _scan(bundle: Path) -> list[tuple[str, str, Path, os.stat_result | None]]:
    """Every entry below ``bundle``, never following links: name, kind (f, l, d, o), path, stat of files."""
    found: list[tuple[str, str, Path, os.stat_result | None]] = []
    folders = [(bundle, "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            found.append((prefix.rstrip("/"), "unreadable", folder, None))
            continue
        for entry in entries:
            path = Path(entry.path)
            name = prefix + entry.name
            try:
                if entry.is_symlink():
                    found.append((name, "l", path, None))
                elif entry.is_dir(follow_symlinks=False):
                    found.append((name, "d", path, None))
                    folders.append((path, name + "/"))
                elif entry.is_file(follow_symlinks=False):
                    found.append((name, "f", path, entry.stat(follow_symlinks=False)))
                else:
                    found.append((name, "o", path, None))
            except OSError:
                found.append((name, "unreadable", path, None))
    return sorted(found, key=lambda item: item[0])


def _link(path: Path) -> str:
    """A symbolic link's target (validation refuses links, naming them)."""
    try:
        return os.readlink(path)
    except OSError:
        return ""


def _digest(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hasher.hexdigest()


# --------------------------------------------------------------------------
# Outcomes as text
# --------------------------------------------------------------------------


class _Pickler(pickle.Pickler):
    """Pickles a post's front matter by its category: its model is made at run time by the registry."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, PostBase):
            category = getattr(obj, "category", None)
            if (
                not isinstance(category, str)
                or category not in REGISTRY
                or type(obj) is not REGISTRY.post_model(category)
            ):
                raise pickle.PicklingError(f"front matter of no known category: {type(obj).__name__}")
            return _front_matter, (category, obj.__getstate__())
        return NotImplemented


def _front_matter(category: str, state: dict[str, Any]) -> PostBase:
    model = REGISTRY.post_model(category)
    meta = model.__new__(model)
    meta.__setstate__(state)
    return meta


def dumps(outcome: Outcome) -> str | None:
    """The outcome as text for the store; ``None`` if it cannot be written (it is then not cached)."""
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(outcome)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def loads_outcome(text: str) -> Outcome | None:
    """An outcome from :func:`dumps`' text; ``None`` for text that is not one (a damaged entry is a miss)."""
    try:
        outcome = pickle.loads(base64.b64decode(text, validate=True))
    except Exception:  # noqa: BLE001 - a damaged entry is a miss, whatever it raises
        return None
    if not isinstance(outcome, Outcome) or not (outcome.post is None or isinstance(outcome.post, Post)):
        return None
    return outcome
