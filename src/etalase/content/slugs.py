"""Post addresses (slugs) made from titles, and the ones already in use.

Shared by the new-post scaffold (:mod:`etalase.authoring.scaffold`) and the issue-form
converter (:mod:`etalase.kiriman.convert`), so that both name a new bundle the same way.
"""

from __future__ import annotations

from pathlib import Path

from etalase.content.load import POSTS_DIR, Loaded
from etalase.content.text import slugify

SLUG_MAX = 40
"""Slugs made from titles are cut at a word boundary below this length: short addresses people can read."""


def slug_from_title(title: str) -> str:
    """``"Festival Layang-Layang 2026!"`` → ``festival-layang-layang-2026``; ``""`` if no letter or digit is left."""
    return slugify(title, SLUG_MAX)


def taken_slugs(content_dir: Path, loaded: Loaded) -> dict[str, Path]:
    """slug → the post (or folder) that holds it: bundle folders, explicit ``slug:`` values,
    and folders under ``posts/`` without ``index.md`` (they still hold the name)."""
    taken: dict[str, Path] = {}
    for raw in loaded.posts:
        taken.setdefault(raw.path.parent.name, raw.path)
        explicit = raw.document.data.get("slug")
        if isinstance(explicit, str):
            taken.setdefault(explicit, raw.path)
    posts_dir = content_dir / POSTS_DIR
    if posts_dir.is_dir():
        for folder in posts_dir.rglob("*"):
            if folder.is_dir():
                taken.setdefault(folder.name, folder)
    return taken
