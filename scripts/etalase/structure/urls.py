"""Where each kind of page lives on the site, in one place.

Every URL is relative to the site root and ends with ``/``; the source URI of
the generated page is the URL plus ``index.md``. Words are Indonesian because
visitors read them.
"""

from __future__ import annotations

POSTS = "artikel"
TAGS = "tag"
REGIONS = "wilayah"
CREATORS = "kreator"
ARCHIVE = "arsip"
SEARCH = "cari"
PAGE = "halaman"


def paged(base: str, page: int) -> str:
    """``base`` for page 1, ``base/halaman/N/`` after it."""
    return base if page <= 1 else f"{base}{PAGE}/{page}/"


def post(slug: str) -> str:
    return f"{POSTS}/{slug}/"


def category(name: str, page: int = 1) -> str:
    return paged(f"{name}/", page)


def tag(name: str, page: int = 1) -> str:
    return paged(f"{TAGS}/{name}/", page)


def region(place_id: str, page: int = 1) -> str:
    return paged(f"{REGIONS}/{place_id}/", page)


def creator(creator_id: str, page: int = 1) -> str:
    return paged(f"{CREATORS}/{creator_id}/", page)


def archive(month: str | None = None, page: int = 1) -> str:
    """The archive index, or one month (``2026/10``)."""
    return paged(f"{ARCHIVE}/{month}/" if month else f"{ARCHIVE}/", page)


def src_uri(url: str) -> str:
    """The MkDocs source URI of the page served at ``url``."""
    return f"{url}index.md" if url else "index.md"
