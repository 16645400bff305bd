"""What the photo pipeline is asked for and what it makes: settings, requests, renditions, results."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import NamedTuple

from etalase.content.photo_files import MAX_ORIGINAL_BYTES, MAX_ORIGINAL_PIXELS
from etalase.content.problems import Problem

PIPELINE_VERSION = "2"
"""Bump when a change to this module changes its outputs: it is part of the cache key."""


WEBP_METHOD = 4
"""libwebp effort (0 fastest .. 6 smallest); see the measurements above."""


FALLBACK_WIDTH = 800
"""Width of the ``<img src>`` fallback for browsers without ``srcset``."""


@dataclass(frozen=True)
class ImageSettings:
    """What the pipeline produces and the limits it enforces on originals."""

    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    webp_quality: int = 80
    jpeg_quality: int = 82
    max_pixels: int = MAX_ORIGINAL_PIXELS
    """Originals with more pixels are refused before they are decoded."""
    max_bytes: int = MAX_ORIGINAL_BYTES
    """Originals with more bytes are refused before they are read."""
    social_size: tuple[int, int] = (1200, 630)
    thumb_sizes: tuple[int, ...] = (112, 224, 336)
    """Sides of the square thumbnails a card shows on a phone: its 5.6rem slot (112 px) at device
    scales 1, 2 and 3, so a phone never downloads more than its screen draws."""

    def __post_init__(self) -> None:
        if (
            not self.widths
            or min(self.widths) < 1
            or min(self.social_size) < 1
            or not self.thumb_sizes
            or min(self.thumb_sizes) < 1
        ):
            raise ValueError(f"ukuran gambar tidak sah / invalid image sizes: {self}")

    def key(self) -> str:
        """Digest of everything that shapes the outputs, plus :data:`PIPELINE_VERSION`.

        The limits are left out: changing them must not reprocess every photo,
        and they are enforced on cached entries too.
        """
        shaping = asdict(self)
        del shaping["max_pixels"], shaping["max_bytes"]
        shaping["widths"] = sorted(set(self.widths))
        shaping["thumb_sizes"] = sorted(set(self.thumb_sizes))
        shaping["pipeline"] = PIPELINE_VERSION
        shaping["webp_method"] = WEBP_METHOD
        return hashlib.sha256(json.dumps(shaping, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class PhotoRequest:
    """A photo a post uses, with where it was named (for messages)."""

    source: Path
    """Absolute path of the original in the bundle."""
    post: str
    """Slug of the post."""
    field: str | None
    """Front-matter field that named it (``cover.file``), ``None`` in the body."""
    line: int | None
    """Line in ``index_md`` where it was named."""
    index_md: Path


@dataclass(frozen=True)
class Rendition:
    """One output file."""

    width: int
    height: int
    format: str
    """``"webp"`` or ``"jpeg"``."""
    file: Path
    """Absolute path of the file in the cache."""
    url: str
    """Site-relative URL (no leading slash) under a content-addressed directory."""


@dataclass(frozen=True)
class ProcessedPhoto:
    """Every output of one original."""

    source: Path
    width: int
    """Width of the largest rendition (after EXIF orientation)."""
    height: int
    renditions: tuple[Rendition, ...]
    """Each width in WebP then JPEG, narrowest first."""
    social: Rendition
    """Centre crop at the social card's aspect ratio, JPEG."""
    thumbs: tuple[Rendition, ...]
    """Square centre crops, WebP, narrowest first (one per :attr:`ImageSettings.thumb_sizes` that does
    not upscale)."""

    @property
    def thumb(self) -> Rendition:
        """The largest square thumbnail."""
        return self.thumbs[-1]

    def thumb_for(self, css_px: float, scale: float = 2) -> Rendition:
        """The narrowest square thumbnail that fills ``css_px`` CSS pixels at device ``scale``, else the largest."""
        return next((t for t in self.thumbs if t.width >= css_px * scale), self.thumb)

    def srcset(self, format: str) -> str:
        """``srcset`` value for one format: ``"media/../x-480.webp 480w, ..."``."""
        return ", ".join(f"{r.url} {r.width}w" for r in self.renditions if r.format == format)

    def largest(self, format: str = "jpeg") -> Rendition:
        return max((r for r in self.renditions if r.format == format), key=lambda r: r.width)


class PhotoResult(NamedTuple):
    """What :func:`process_photos` made and what it refused."""

    photos: dict[Path, ProcessedPhoto]
    """Keyed by :attr:`PhotoRequest.source`; a refused photo is absent."""
    problems: list[Problem]
    processed: int = 0
    """Photos decoded and encoded in this run (0 when all came from the cache)."""
