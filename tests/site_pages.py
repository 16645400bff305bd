"""The demo site as the tests expect it: which posts are published, in which order, on which page.

Shared by ``test_site.py``, ``test_seo.py``, ``test_accessibility.py`` and
others. Every order, group and normalised value below is written out by
hand from the demo content at the suite's clock (``conftest.NOW``), so that a
test fails when the site's publication rule, sort, grouping or
normalisation changes; none is computed by the code under test. Texts a
post only repeats (title, summary, alt text, tags) are read from its front
matter with PyYAML, as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from conftest import DEMO_CONTENT, ROOT

CATEGORIES = ("wisata", "umkm", "budaya", "pembangunan")
LABELS = {"wisata": "Wisata", "umkm": "UMKM", "budaya": "Budaya", "pembangunan": "Pembangunan"}
"""Each category's label, as every page names it."""

PUBLISHED: dict[str, str] = {
    "pembangunan-jembatan-lubuk-tenang": "2026-11-16T10:00:00+07:00",
    "matahari-terbenam-bukit-jati": "2026-11-14T16:30:00+07:00",
    "festival-dongeng-laut-2026": "2026-11-10T09:00:00+07:00",
    "hari-jadi-kabupaten-sekar-laut": "2026-11-05T08:00:00+07:00",
    "penghijauan-bantaran-sungai-jernih": "2026-10-27T08:00:00+07:00",
    "bumi-perkemahan-padang-hijau": "2026-10-18T17:00:00+08:00",
    "lomba-tabuh-gendang-pasar-lama": "2026-10-05T08:00:00+07:00",
    "pondok-kayu-pasir-putih": "2026-10-02T19:30:00+07:00",
    "sedekah-bumi-lubuk-tenang": "2026-09-24T15:00:00+07:00",
    "pengrajin-gendang-teluk-biru": "2026-09-19T10:00:00+07:00",
    "mengamati-burung-taman-kota": "2026-09-06T07:30:00+07:00",
    "olahan-buah-tin-kebun-kopi": "2026-08-28T13:00:00+07:00",
    "curug-bertingkat-air-terjun": "2026-08-16T09:00:00+07:00",
    "perbaikan-jalur-pendakian-bukit-jati": "2026-08-09T08:00:00+07:00",
}
"""Every published demo post, newest first, with its date as the site writes it (ISO 8601, its own zone).

Left out: ``rencana-jembatan-pulau-rindu`` (a draft) and
``pameran-foto-sekar-laut-dalam-bingkai`` (dated 10 January 2027, after the suite's clock)."""

UPDATED = {"lomba-tabuh-gendang-pasar-lama": "2026-10-25T09:00:00+07:00"}
"""The posts with an ``updated`` date."""

BY_CATEGORY: dict[str, list[str]] = {
    "wisata": [
        "matahari-terbenam-bukit-jati",
        "bumi-perkemahan-padang-hijau",
        "mengamati-burung-taman-kota",
        "curug-bertingkat-air-terjun",
    ],
    "umkm": ["pondok-kayu-pasir-putih", "pengrajin-gendang-teluk-biru", "olahan-buah-tin-kebun-kopi"],
    "budaya": [
        "festival-dongeng-laut-2026",
        "hari-jadi-kabupaten-sekar-laut",
        "lomba-tabuh-gendang-pasar-lama",
        "sedekah-bumi-lubuk-tenang",
    ],
    "pembangunan": [
        "pembangunan-jembatan-lubuk-tenang",
        "penghijauan-bantaran-sungai-jernih",
        "perbaikan-jalur-pendakian-bukit-jati",
    ],
}
"""Each category's published posts, newest first."""

TRADITION = "sedekah-bumi-lubuk-tenang"
"""A budaya post about a tradition (no event dates)."""

PLACES = {
    "bukit-jati/air-terjun": "Air Terjun, Kec. Bukit Jati",
    "tanjung-sari/pasir-putih": "Pasir Putih, Kec. Tanjung Sari",
    "muara-dua/lubuk-tenang": "Lubuk Tenang, Kec. Muara Dua",
}
"""How the site names the regions of the newest post of each category."""

WHATSAPP = {
    "pondok-kayu-pasir-putih": "+6281200003391",
    "pengrajin-gendang-teluk-biru": "+6281200001042",
    "olahan-buah-tin-kebun-kopi": "+6281200002718",
}
"""Each UMKM post's WhatsApp number as written (``0812-0000-3391``), normalised by the site."""

LISTINGS: dict[str, tuple[str, list[str]]] = {
    "category": ("wisata/", BY_CATEGORY["wisata"]),
    "tag": (
        "tag/keluarga/",
        [
            "bumi-perkemahan-padang-hijau",
            "pondok-kayu-pasir-putih",
            "mengamati-burung-taman-kota",
            "curug-bertingkat-air-terjun",
        ],
    ),
    "region": ("wilayah/tanjung-sari/pasir-putih/", ["festival-dongeng-laut-2026", "pondok-kayu-pasir-putih"]),
    "kecamatan": (
        "wilayah/bukit-jati/",
        [
            "matahari-terbenam-bukit-jati",
            "bumi-perkemahan-padang-hijau",
            "olahan-buah-tin-kebun-kopi",
            "curug-bertingkat-air-terjun",
            "perbaikan-jalur-pendakian-bukit-jati",
        ],
    ),
    "creator": (
        "kreator/rina-wulandari/",
        [
            "matahari-terbenam-bukit-jati",
            "festival-dongeng-laut-2026",
            "pondok-kayu-pasir-putih",
            "curug-bertingkat-air-terjun",
            "perbaikan-jalur-pendakian-bukit-jati",
        ],
    ),
    "month": (
        "arsip/2026/10/",
        [
            "penghijauan-bantaran-sungai-jernih",
            "bumi-perkemahan-padang-hijau",
            "lomba-tabuh-gendang-pasar-lama",
            "pondok-kayu-pasir-putih",
        ],
    ),
}
"""One listing page of each kind and the posts it shows, newest first (a desa's page, a kecamatan's with its desa)."""


@dataclass(frozen=True)
class DemoPost:
    """A published demo post: its slug, and its front matter as PyYAML reads it (dates stay text)."""

    slug: str

    @property
    def url(self) -> str:
        return f"artikel/{self.slug}/"

    @property
    def bundle(self) -> Path:
        return DEMO_CONTENT / "posts" / self.slug

    @property
    def front(self) -> dict[str, Any]:
        return front_matter(self.slug)

    @property
    def title(self) -> str:
        return self.front["title"]

    @property
    def date(self) -> datetime:
        return datetime.fromisoformat(PUBLISHED[self.slug])

    @property
    def modified(self) -> datetime:
        return datetime.fromisoformat(UPDATED.get(self.slug, PUBLISHED[self.slug]))

    @property
    def body(self) -> str:
        return (self.bundle / "index.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]


@cache
def front_matter(slug: str) -> dict[str, Any]:
    text = (DEMO_CONTENT / "posts" / slug / "index.md").read_text(encoding="utf-8")
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)


@cache
def creator(creator_id: str) -> dict[str, Any]:
    """A creator's file as PyYAML reads it."""
    return yaml.safe_load((DEMO_CONTENT / "creators" / f"{creator_id}.yml").read_text(encoding="utf-8"))


def posts(slugs: list[str] | None = None) -> list[DemoPost]:
    """The posts of ``slugs`` (default: every published post, newest first)."""
    return [DemoPost(slug) for slug in (PUBLISHED if slugs is None else slugs)]


def titles(slugs: list[str]) -> list[str]:
    return [post.title for post in posts(slugs)]


def newest_post(category: str) -> DemoPost:
    """The newest published post of ``category``; the demo has one in every category."""
    return DemoPost(BY_CATEGORY[category][0])


@cache
def site_config() -> MkDocsConfig:
    """``mkdocs.yml`` as MkDocs reads it."""
    return load_config(str(ROOT / "mkdocs.yml"))


def brand() -> dict:
    return site_config().extra["brand"]


def site_url() -> str:
    return site_config().site_url.rstrip("/") + "/"


def page_types() -> dict[str, str]:
    """Page type -> site-relative URL of one page of that type."""
    return {
        "home": "",
        **{f"post-{category}": newest_post(category).url for category in CATEGORIES},
        **{kind: url for kind, (url, _) in LISTINGS.items()},
        "archive": "arsip/",
        "agenda": "agenda/",
        "search": "cari/",
        "page": "tentang/",
        "accessible": "ramah-difabel/",
        "post-accessible": DemoPost("mengamati-burung-taman-kota").url,
        "post-progress": DemoPost("pembangunan-jembatan-lubuk-tenang").url,
        "creators": "kreator/",
        "creators-by-name": "kreator/urut/nama/",
        "report": "laporan/",
        "post-tradisi": DemoPost(TRADITION).url,
    }


def html_of(site: Path, url: str) -> str:
    """The built HTML of the page at site-relative ``url``."""
    return (site / url / "index.html").read_text(encoding="utf-8")
