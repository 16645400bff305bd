"""Small content folders, for tests that attack the build.

Shared by ``test_hostile_content.py``, ``test_build_safety.py`` and others. Each test
builds into its own temporary folders with its own photo cache (``conftest.write_config``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from PIL import Image

POST: dict[str, Any] = {
    "title": "Pos uji keamanan",
    "date": "2026-01-10 08:00 WIB",
    "category": "wisata",
    "summary": "Ringkasan pos uji untuk memeriksa keamanan situs.",
    "creators": ["penguji"],
    "region": "kota",
    "cover": {"file": "cover.jpg", "alt": "Sampul uji berwarna jingga", "credit": "Penguji", "license": "CC BY 4.0"},
    "wisata": {"place": "Tempat Uji", "address": "Jalan Uji 1", "opening_hours": "Setiap hari", "ticket": "Gratis"},
}
"""Front matter of a valid post; each post of a test changes what it attacks."""


def cover_jpeg(path: Path, colour: tuple[int, int, int] = (200, 110, 40)) -> Path:
    Image.new("RGB", (96, 64), colour).save(path, "JPEG")
    return path


def base_content(root: Path) -> Path:
    """``root`` with a region list and one creator, and no posts yet."""
    (root / "creators").mkdir(parents=True)
    (root / "posts").mkdir()
    (root / "regions.yml").write_text("kecamatan:\n  - id: kota\n    name: Kota\n", encoding="utf-8")
    (root / "creators" / "penguji.yml").write_text("name: Penguji\nbio: Menguji keamanan situs.\n", encoding="utf-8")
    return root


def front_matter(**changes: Any) -> str:
    """The ``---`` block of a valid post with ``changes`` applied (``None`` removes a field)."""
    data = {**POST, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


def add_post(root: Path, slug: str, text: str | bytes, *, cover: bool = True, folder: str = "") -> Path:
    """Write ``posts/<folder>/<slug>/index.md`` (and a cover photo); returns the bundle."""
    bundle = root / "posts" / folder / slug
    bundle.mkdir(parents=True)
    if cover:
        cover_jpeg(bundle / "cover.jpg")
    index = bundle / "index.md"
    index.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return bundle


def snapshot(site: Path) -> dict[str, str]:
    """SHA-256 of every file under ``site``, by relative path."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }
