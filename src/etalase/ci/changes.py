"""Which posts a range of commits adds, changes or removes, from ``git diff``.

A post is a bundle: the folder that holds ``index.md`` under
``content/posts/``. A change to any file in the folder (a photo replaced, the
text edited) changes the post. Renames are seen as a removal and an addition,
because the URL of a post is its folder name.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from etalase.content.load import POST_FILE, POSTS_DIR

ADDED, MODIFIED, DELETED = "baru", "diubah", "dihapus"


class GitError(Exception):
    """``git`` failed; the message is git's own."""


@dataclass(frozen=True)
class ChangedPost:
    """One bundle touched by the range."""

    bundle: PurePosixPath
    """Relative to the repository root, e.g. ``content/posts/pantai-indah``."""
    change: str
    """:data:`ADDED`, :data:`MODIFIED` or :data:`DELETED`."""

    @property
    def index(self) -> PurePosixPath:
        return self.bundle / POST_FILE


@dataclass
class Changes:
    """Everything a range changes, sorted for a reader."""

    posts: list[ChangedPost] = field(default_factory=list)
    other_content: list[str] = field(default_factory=list)
    """Files under the content folder that belong to no post (creators, regions)."""
    outside: list[str] = field(default_factory=list)
    """Files outside the content folder (code, workflows, configuration)."""


def git(repo: str, *args: str) -> str:
    """Output of ``git -C repo args``; raises :class:`GitError`."""
    result = subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} gagal")
    return result.stdout


def diff_names(repo: str, base: str, head: str) -> list[tuple[str, str]]:
    """``(status letter, path)`` of each file that differs between two commits."""
    out = git(repo, "diff", "--name-status", "--no-renames", "-z", base, head)
    fields = out.split("\0")
    return [(fields[i][0], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def bundles_at(repo: str, rev: str, posts_dir: str) -> set[PurePosixPath]:
    """Every bundle folder in commit ``rev``."""
    out = git(repo, "ls-tree", "-r", "-z", "--name-only", rev, "--", posts_dir)
    return {PurePosixPath(p).parent for p in out.split("\0") if p and PurePosixPath(p).name == POST_FILE}


def changed_posts(repo: str, base: str, head: str, content_dir: str = "content") -> Changes:
    """The posts (and other files) that ``head`` changes relative to ``base``."""
    content = PurePosixPath(content_dir)
    posts_dir = content / POSTS_DIR
    bundles = bundles_at(repo, head, str(posts_dir)) | bundles_at(repo, base, str(posts_dir))
    found: dict[PurePosixPath, str] = {}
    changes = Changes()
    for status, name in diff_names(repo, base, head):
        path = PurePosixPath(name)
        bundle = _bundle_of(path, bundles, posts_dir)
        if bundle is None:
            (changes.other_content if content in path.parents else changes.outside).append(name)
            continue
        if path == bundle / POST_FILE and status in "AD":
            found[bundle] = ADDED if status == "A" else DELETED
        else:
            found.setdefault(bundle, MODIFIED)
    changes.posts = [ChangedPost(bundle, change) for bundle, change in sorted(found.items())]
    changes.other_content.sort()
    changes.outside.sort()
    return changes


def _bundle_of(path: PurePosixPath, bundles: set[PurePosixPath], posts_dir: PurePosixPath) -> PurePosixPath | None:
    """The outermost bundle holding ``path`` (the loader never looks inside a bundle for another)."""
    if posts_dir not in path.parents:
        return None
    for parent in reversed(path.parents):
        if parent in bundles:
            return parent
    return None
