"""A small programme with known figures, built once per test module: for the creator pages and the report.

Everything the tests expect is written here and in the tests by hand, never
computed with the code under test. The suite's clock (``conftest.NOW``) is
1 December 2026, 12.00 WIB; the newest published post is of 28 November
2026, so the report's period is December 2025 to November 2026.

=====  ==========  ===========  ==================  ============  ============================================
post   date (WIB)  category     region              creators      notes
=====  ==========  ===========  ==================  ============  ============================================
p1     2026-10-05  wisata       utara/pantai-indah  ani           1000 px cover, 600 px gallery; accessibility
p2     2026-10-20  umkm         utara               ani, budi     co-written
p3     2026-11-02  budaya       selatan             budi          accessibility block (wheelchair: no)
p4     2026-11-15  pembangunan  selatan             citra         not about a place
p5     2026-11-28  wisata       utara               ani           newest; its body shows its cover again
p6     2025-11-30  wisata       barat               citra         before the report's period
p7     2026-01-10  umkm         selatan             budi
p10    2026-11-03  budaya       selatan             budi
p11    2026-09-01  budaya       barat               eka           91 days before now: no newcomer
draft  2026-11-10  wisata       timur               dodi          a draft: counts nowhere
later  2026-12-20  wisata       timur               ani           scheduled: counts nowhere
=====  ==========  ===========  ==================  ============  ============================================

Kecamatan ``timur`` has no post at all; creator ``dodi`` has none published.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from conftest import run_build, write_config
from untrusted_content import add_post, cover_jpeg, front_matter

REGIONS = {
    "kecamatan": [
        {"id": "utara", "name": "Utara", "desa": [{"id": "pantai-indah", "name": "Pantai Indah"}]},
        {"id": "selatan", "name": "Selatan"},
        {"id": "timur", "name": "Timur"},
        {"id": "barat", "name": "Barat"},
    ]
}
CREATORS: dict[str, dict[str, Any]] = {
    "ani": {
        "name": "Ani Rahma",
        "bio": "Pemandu wisata pantai dari Pantai Indah.",
        "region": "utara/pantai-indah",
        "photo": "ani.jpg",
        "photo_alt": "Potret Ani Rahma di tepi pantai",
        "links": {"instagram": "@ani.rahma", "x": "@ani_rahma", "whatsapp": "0812-3456-7001"},
    },
    "budi": {"name": "Budi Santoso", "bio": "Penulis budaya dan usaha kecil.", "region": "timur"},
    "citra": {"name": "Citra Dewi", "bio": "Wartawan warga tentang pembangunan."},
    "dodi": {
        "name": "Dodi Kurnia",
        "bio": "Baru bergabung; pos pertamanya masih draf.",
        "links": {"tiktok": "@dodi.kurnia"},
    },
    "eka": {"name": "Eka Putri", "bio": "Penari dan penulis tradisi Barat."},
}
BLOCKS: dict[str, dict[str, Any]] = {
    "wisata": {"place": "Pantai Uji", "address": "Jalan Pantai 1", "opening_hours": "Setiap hari", "ticket": "Gratis"},
    "umkm": {
        "business": "Kopi Uji",
        "products": ["Kopi bubuk"],
        "price_range": "Rp20.000",
        "whatsapp": "0812-7000-1234",
        "address": "Jalan Kopi 2",
    },
    "budaya": {"venue": "Balai Desa", "organiser": "Sanggar Uji", "tradition": True},
    "pembangunan": {
        "project": "Jembatan Uji",
        "agency": "Dinas PUPR",
        "status": "berjalan",
        "sources": [{"title": "DPA 2026", "document": "DPA No. 1"}],
    },
}
POSTS: dict[str, tuple[str, str, str, list[str]]] = {
    "p1": ("2026-10-05 08:00 WIB", "wisata", "utara/pantai-indah", ["ani"]),
    "p2": ("2026-10-20 08:00 WIB", "umkm", "utara", ["ani", "budi"]),
    "p3": ("2026-11-02 08:00 WIB", "budaya", "selatan", ["budi"]),
    "p4": ("2026-11-15 08:00 WIB", "pembangunan", "selatan", ["citra"]),
    "p5": ("2026-11-28 08:00 WIB", "wisata", "utara", ["ani"]),
    "p6": ("2025-11-30 08:00 WIB", "wisata", "barat", ["citra"]),
    "p7": ("2026-01-10 08:00 WIB", "umkm", "selatan", ["budi"]),
    "p10": ("2026-11-03 08:00 WIB", "budaya", "selatan", ["budi"]),
    "p11": ("2026-09-01 08:00 WIB", "budaya", "barat", ["eka"]),
    "draft": ("2026-11-10 08:00 WIB", "wisata", "timur", ["dodi"]),
    "later": ("2026-12-20 08:00 WIB", "wisata", "timur", ["ani"]),
}
ACCESSIBILITY = {"p1": {"wheelchair": "ya", "accessible_toilet": True}, "p3": {"wheelchair": "tidak"}}
"""Two posts describe their place's accessibility: a block says something even when the answer is no."""
TITLES = {slug: f"Pos {slug} tentang daerah" for slug in POSTS}
"""The title of each post, as its card shows it."""
PER_PAGE = 2
"""Cards on a listing page: Budi's four posts take two pages."""


def photo(path: Path, width: int, height: int) -> None:
    """A photo with detail (a gradient), so its renditions have sizes of their own."""
    Image.radial_gradient("L").resize((width, height)).convert("RGB").save(path, "JPEG", quality=90)


def write_programme(root: Path) -> Path:
    """The content folder described in this module's docstring."""
    (root / "creators").mkdir(parents=True)
    (root / "regions.yml").write_text(yaml.safe_dump(REGIONS), encoding="utf-8")
    for creator_id, data in CREATORS.items():
        (root / "creators" / f"{creator_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    photo(root / "creators" / "ani.jpg", 300, 300)
    for slug, (date, category, region, creators) in POSTS.items():
        changes: dict[str, Any] = {
            "title": TITLES[slug],
            "date": date,
            "category": category,
            "region": region,
            "creators": creators,
            "wisata": None,
            category: BLOCKS[category],
        }
        if slug == "draft":
            changes["draft"] = True
        if slug in ACCESSIBILITY:
            changes["accessibility"] = ACCESSIBILITY[slug]
        if slug == "p1":
            changes["gallery"] = [{"file": "galeri.jpg", "alt": "Perahu di pantai"}]
        body = "\nIsi pos.\n" + ("\n![Sampul sekali lagi](cover.jpg)\n" if slug == "p5" else "")
        bundle = add_post(root, slug, front_matter(**changes) + body, cover=False)
        if slug == "p1":
            photo(bundle / "cover.jpg", 1000, 700)
            photo(bundle / "galeri.jpg", 600, 400)
        else:
            cover_jpeg(bundle / "cover.jpg")
    return root


def build_programme(tmp_path: Path, *extra: str) -> Path:
    """Build the programme into ``tmp_path/site`` with :data:`PER_PAGE` cards a page; returns the site."""
    content = tmp_path / "content"
    if not content.exists():
        write_programme(content)
    site = tmp_path / "site"
    result = run_build(
        "--config",
        write_config(tmp_path / "config", posts_per_page=PER_PAGE),
        "--content",
        content,
        "--site-dir",
        site,
        "--no-search",
        *extra,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def programme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The programme built once per test module."""
    return build_programme(tmp_path_factory.mktemp("programme"))
