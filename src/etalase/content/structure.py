"""The content of a site once it is loaded and valid: posts, creators, regions.

These are plain objects built by :mod:`etalase.content.validate` from the files under
``content/``; every later step (photos, pages, feeds, search, report) reads
them and none of them reads ``content/`` again except for photo bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from etalase.content import urls
from etalase.content.categories import REGISTRY, Category
from etalase.content.schema import Creator, PostBase, Regions


@dataclass(frozen=True)
class PhotoRef:
    """A photo named by a post: where it is and where it was named."""

    file: Path
    """Absolute path inside the bundle (already checked to stay inside it)."""
    field: str | None
    """Dotted front-matter field that named it (``cover.file``, ``gallery.0.file``), ``None`` in the body."""
    line: int | None
    shown: str | None = None
    """The field as messages name it (``gallery (foto ke-1).file``)."""


@dataclass
class Post:
    """One valid post bundle."""

    slug: str
    bundle: Path
    """Absolute path of the bundle folder."""
    source: Path
    """``index.md`` as shown in messages (relative to the working directory)."""
    meta: PostBase
    body: str
    body_line: int
    photos: list[PhotoRef] = field(default_factory=list)
    """Every photo the post names: front-matter fields in schema order, then the body's."""
    scheduled: bool = False
    """Not a draft and dated after the build's now: built only in a preview, where every page marks it."""
    digest: str = ""
    """Digest of ``index.md`` and the time zone its dates are read in, when the loader knows the file's
    (:mod:`etalase.content.post_cache`): what pages showing the post are fingerprinted by."""

    @property
    def category(self) -> str:
        return self.meta.category  # type: ignore[attr-defined]  # every category model declares it

    @property
    def category_def(self) -> Category:
        return REGISTRY[self.category]

    @property
    def category_label(self) -> str:
        return self.category_def.label

    @property
    def block(self) -> Any:
        """The category's block (``meta.wisata`` for a wisata post)."""
        return getattr(self.meta, self.category)

    @property
    def url(self) -> str:
        return urls.post(self.slug)

    @property
    def modified(self) -> datetime:
        """When the post last changed: ``updated``, else ``date``."""
        return self.meta.updated or self.meta.date

    def photo(self, field_path: str) -> Path | None:
        """The photo named by the front-matter field ``field_path`` (``gallery.0.file``)."""
        return next((ref.file for ref in self.photos if ref.field == field_path), None)

    @property
    def cover(self) -> Path:
        """The cover photo's file (every valid post has one)."""
        cover = self.photo("cover.file")
        assert cover is not None, f"{self.source}: a valid post has a cover"
        return cover

    def is_published(self, now: datetime) -> bool:
        """Not a draft and its date has come (a future date schedules it)."""
        return not self.meta.draft and self.meta.date <= now


@dataclass
class CreatorEntry:
    """A creator and where it is declared."""

    id: str
    source: Path
    data: Creator
    photo: Path | None = None
    """Absolute path of the profile photo, if any."""

    @property
    def url(self) -> str:
        return urls.creator(self.id)


@dataclass(frozen=True)
class Place:
    """A kecamatan, or a desa with its kecamatan."""

    id: str
    """``kecamatan`` or ``kecamatan/desa``."""
    name: str
    kecamatan_id: str
    kecamatan_name: str

    @property
    def is_desa(self) -> bool:
        return "/" in self.id

    @property
    def label(self) -> str:
        """``Desa, Kec. Kecamatan`` or ``Kec. Kecamatan``."""
        return f"{self.name}, Kec. {self.kecamatan_name}" if self.is_desa else f"Kec. {self.name}"

    @property
    def url(self) -> str:
        return urls.region(self.id)


def places_of(regions: Regions) -> dict[str, Place]:
    """Every kecamatan and desa by id."""
    places: dict[str, Place] = {}
    for kec in regions.kecamatan:
        places[kec.id] = Place(kec.id, kec.name, kec.id, kec.name)
        for desa in kec.desa:
            pid = f"{kec.id}/{desa.id}"
            places[pid] = Place(pid, desa.name, kec.id, kec.name)
    return places


@dataclass
class Content:
    """Everything under ``content/``, valid, with indexes built once."""

    root: Path
    posts: list[Post]
    """Published posts, newest first (ties broken by slug, so order is stable)."""
    creators: dict[str, CreatorEntry]
    places: dict[str, Place]
    unpublished: list[Post] = field(default_factory=list)
    """Drafts and scheduled posts: validated, never built (scheduled ones are, in a preview)."""

    def place_of(self, post: Post) -> Place:
        return self.places[post.meta.region]

    def creators_of(self, post: Post) -> list[CreatorEntry]:
        return [self.creators[creator_id] for creator_id in post.meta.creators]

    def group(self, keys: Callable[[Post], Iterable[str]]) -> dict[str, list[Post]]:
        """Posts by each key ``keys(post)`` gives, in one pass; each group keeps the posts' order."""
        groups: dict[str, list[Post]] = defaultdict(list)
        for post in self.posts:
            for key in dict.fromkeys(keys(post)):
                groups[key].append(post)
        return dict(sorted(groups.items()))

    def by_category(self) -> dict[str, list[Post]]:
        return self.group(lambda post: [post.category])

    def newest_change(self) -> datetime | None:
        """The latest ``updated`` or ``date`` of any published post."""
        return max((post.modified for post in self.posts), default=None)
