"""Step 1, load: find the files under ``content/`` and parse them.

Layout of a content folder::

    content/
      regions.yml              kecamatan and their desa/kelurahan
      creators/<id>.yml        one file per creator (+ optional photo)
      posts/**/<slug>/index.md one folder (bundle) per post, with its photos

Nothing here judges the fields; that is :mod:`etalase.content.validate`'s job. This
step only reads safely and reports files it cannot read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from etalase.content.front_matter import Document, parse_document, parse_yaml, read_text
from etalase.content.post_cache import PostCache, PostFile
from etalase.content.problems import Problem, display_path

POSTS_DIR = "posts"
CREATORS_DIR = "creators"
REGIONS_FILE = "regions.yml"
POST_FILE = "index.md"


@dataclass
class RawFile:
    """A parsed file, not yet validated."""

    path: Path
    """Absolute path."""
    display: Path
    """Path shown in messages."""
    document: Document
    digest: str = ""
    """The post's digest for page fingerprints (:attr:`~etalase.content.structure.Post.digest`), when known."""


@dataclass
class Loaded:
    """Everything read from a content folder, and what could not be read."""

    root: Path
    posts: list[RawFile] = field(default_factory=list)
    creators: list[RawFile] = field(default_factory=list)
    regions: RawFile | None = None
    problems: list[Problem] = field(default_factory=list)
    cache: PostCache | None = None
    """Outcomes of posts checked by earlier builds: with one, posts are not read here but listed in
    :attr:`pending`, and validation reads only those it cannot take from the cache."""
    pending: list[PostFile] = field(default_factory=list)


def load_content(root: Path, cache: PostCache | None = None) -> Loaded:
    """Read every post, creator and the region list under ``root``.

    With a ``cache``, posts are only listed, each with the digest of its
    bundle (:attr:`Loaded.pending`): validation takes an unchanged post's
    outcome from the cache and reads the others (:func:`read_post`).
    """
    root = Path(os.path.abspath(root))
    loaded = Loaded(root=root, cache=cache)
    if not root.is_dir():
        loaded.problems.append(
            Problem(display_path(root), None, None, "folder konten tidak ditemukan", "content folder not found")
        )
        return loaded
    linked = [folder for folder in (root, root / POSTS_DIR, root / CREATORS_DIR) if folder.is_symlink()]
    for folder in linked:
        loaded.problems.append(
            Problem(
                display_path(folder),
                None,
                None,
                "folder berupa tautan simbolik (symlink) tidak diizinkan",
                "a folder that is a symbolic link is not allowed",
            )
        )
    if linked:
        return loaded

    regions = root / REGIONS_FILE
    if regions.is_file() or regions.is_symlink():
        loaded.regions = _load_yaml(regions, loaded.problems)
    else:
        loaded.problems.append(
            Problem(
                display_path(regions),
                None,
                None,
                "daftar wilayah tidak ada; buat content/regions.yml",
                "region list missing; create content/regions.yml",
            )
        )

    creators_dir = root / CREATORS_DIR
    if creators_dir.is_dir():
        for path in sorted(creators_dir.iterdir()):
            if path.suffix in (".yml", ".yaml"):
                raw = _load_yaml(path, loaded.problems)
                if raw:
                    loaded.creators.append(raw)

    indexes = _find_bundles(root / POSTS_DIR, loaded.problems)
    if cache is not None:
        loaded.pending = cache.post_files(indexes, [display_path(index) for index in indexes])
        return loaded
    for index in indexes:
        raw, problems = read_post(index, display_path(index))
        loaded.problems.extend(problems)
        if raw:
            loaded.posts.append(raw)
    return loaded


def read_post(index: Path, display: Path) -> tuple[RawFile | None, list[Problem]]:
    """Read and parse one post's ``index.md``: the file, or the problems that stop it being read."""
    text, problems = read_text(index, display)
    if text is None:
        return None, problems
    document, problems = parse_document(text, display)
    return (RawFile(index, display, document) if document else None), problems


def _find_bundles(posts_dir: Path, problems: list[Problem]) -> list[Path]:
    """Every ``index.md`` below ``posts_dir``, never following symlinks."""
    found: list[Path] = []
    if not posts_dir.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(posts_dir, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            if (here / name).is_symlink():
                problems.append(
                    Problem(
                        display_path(here / name),
                        None,
                        None,
                        "folder berupa tautan simbolik (symlink) tidak diizinkan",
                        "a folder that is a symbolic link is not allowed",
                    )
                )
        dirnames[:] = sorted(d for d in dirnames if not (here / d).is_symlink() and not d.startswith("."))
        if POST_FILE in filenames:
            found.append(here / POST_FILE)
            dirnames[:] = []  # a bundle holds photos, not other bundles
    return found


def _load_yaml(path: Path, problems: list[Problem]) -> RawFile | None:
    display = display_path(path)
    text, read_problems = read_text(path, display)
    if text is None:
        problems.extend(read_problems)
        return None
    data, lines, yaml_problems = parse_yaml(text, display)
    if yaml_problems:
        problems.extend(yaml_problems)
        return None
    if not isinstance(data, dict):
        problems.append(
            Problem(
                display,
                1,
                None,
                "isi berkas harus berupa peta 'nama: nilai'",
                "the file must hold a mapping of 'name: value'",
            )
        )
        return None
    return RawFile(path, display, Document(data=data, body="", body_line=0, lines=lines))
