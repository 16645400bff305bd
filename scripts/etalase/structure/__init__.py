"""The content of a site once it is loaded and valid: posts, creators, regions.

These are plain objects built by :mod:`etalase.validate` from the files under
``content/``; every later step (photos, pages, feeds, search) reads them and
none of them reads ``content/`` again except for photo bytes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..schema import CATEGORY_LABELS, Creator, PostBase, Regions
from . import urls


@dataclass(frozen=True)
class PhotoRef:
    """A photo named by a post: where it is and where it was named."""

    file: Path
    """Absolute path inside the bundle (already checked to stay inside it)."""
    field: str | None
    """Front-matter field that named it, or ``None`` for a photo in the body."""
    line: int | None


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
    """Every photo the post names: cover first, then gallery, then body."""
    scheduled: bool = False
    """Not a draft and dated after the build's now: built only in a preview, where every page marks it."""

    @property
    def category(self) -> str:
        return self.meta.category  # type: ignore[attr-defined]

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def url(self) -> str:
        return urls.post(self.slug)

    @property
    def cover(self) -> Path:
        """The cover photo's file: every valid post has one, first of :attr:`photos`."""
        return self.photos[0].file

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

    def by_category(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda p: [p.category])

    def by_tag(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda p: list(p.meta.tags))

    def by_creator(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda p: list(p.meta.creators))

    def by_region(self) -> dict[str, list[Post]]:
        """Posts of each place; a kecamatan also lists the posts of its desa."""
        def keys(post: Post) -> list[str]:
            place = self.places[post.meta.region]
            return [place.kecamatan_id, place.id] if place.is_desa else [place.id]
        return _group(self.posts, keys)

    def by_month(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda p: [p.meta.date.strftime("%Y/%m")])


def _group(posts: list[Post], keys) -> dict[str, list[Post]]:
    """Group posts by keys in one pass; each group keeps the posts' order."""
    groups: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        for key in dict.fromkeys(keys(post)):
            groups[key].append(post)
    return dict(sorted(groups.items()))
