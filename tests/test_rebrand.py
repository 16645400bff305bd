"""A regency re-brands with nothing of the demo left, in its own time zone.

The test follows the README's re-brand steps literally: the keys it lists in
``mkdocs.yml``, the logo and hero files, and a ``content/`` of another
regency's regions, creators and posts. It then searches every published
HTML, XML, JSON and text file for anything of the demo.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image

from conftest import DEMO_CONTENT, PHOTOS, ROOT, run_build
from untrusted_content import front_matter

PASER_BRAND = {
    "name": "Kabupaten Paser",
    "short_name": "Paser",
    "tagline": "Daya taka, bumi Paser yang ramah",
    "timezone": "WITA",
    "colors": {"primary": "#1d4e3a", "accent": "#9c2f1a", "categories": {"wisata": "#125b49"}},
    "hero": {
        "photo": "assets/brand/hero.jpg",
        "alt": "Sungai Kandilo di pagi hari dengan perahu ketinting",
        "credit": "Dokumentasi Diskominfo Paser, CC BY 4.0",
    },
    "social": {
        "instagram": "https://www.instagram.com/diskominfopaser",
        "youtube": "https://www.youtube.com/@paserkab",
    },
    "contact": {
        "office": "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Paser",
        "address": "Jl. Jenderal Sudirman No. 1, Tanah Grogot",
        "email": "diskominfo@paserkab.go.id",
        "whatsapp": "0813-5000-1234",
        "map": "https://www.openstreetmap.org/?mlat=-1.9098&mlon=116.1956#map=15/-1.9098/116.1956",
    },
    "getting_here": ["Pesawat: ke Balikpapan, lalu mobil travel ke Tanah Grogot sekitar lima jam."],
    "footer": "Etalase resmi Kabupaten Paser.",
    "repository": "https://github.com/diskominfo-paser/etalase",
    "demo": False,
}
"""Every key the README lists, as Kabupaten Paser (East Kalimantan, WITA) would write them."""


def demo_traces() -> set[str]:
    """What must not appear: the demo's regions, creators, posts and brand, and its banner."""
    regions = yaml.safe_load((DEMO_CONTENT / "regions.yml").read_text(encoding="utf-8"))
    traces = {"Sekar Laut", "sekar-laut", "Konten contoh", "contoh untuk demonstrasi", "etalase.example.go.id"}
    for kecamatan in regions["kecamatan"]:
        traces |= {kecamatan["id"], f"Kec. {kecamatan['name']}"}
        traces |= {f"{kecamatan['id']}/{desa['id']}" for desa in kecamatan.get("desa", [])}
    for creator in (DEMO_CONTENT / "creators").glob("*.yml"):
        traces |= {creator.stem, yaml.safe_load(creator.read_text(encoding="utf-8"))["name"]}
    for index in (DEMO_CONTENT / "posts").glob("*/index.md"):
        traces |= {index.parent.name, yaml.safe_load(index.read_text(encoding="utf-8").split("---")[1])["title"]}
    brand = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["brand"]
    traces |= {
        brand["name"],
        brand["tagline"],
        brand["contact"]["office"],
        brand["contact"]["email"],
        brand["contact"]["map"],
        *brand["getting_here"],
        brand["footer"],
        brand["hero"]["alt"],
        brand["hero"]["credit"],
        brand["repository"],
        *brand["social"].values(),
    }
    return traces


def paser_content(root: Path) -> Path:
    (root / "creators").mkdir(parents=True)
    (root / "posts").mkdir()
    (root / "regions.yml").write_text(
        yaml.safe_dump(
            {
                "kecamatan": [
                    {"id": "tanah-grogot", "name": "Tanah Grogot", "desa": [{"id": "tapis", "name": "Tapis"}]},
                    {"id": "long-ikis", "name": "Long Ikis"},
                ]
            }
        ),
        encoding="utf-8",
    )
    (root / "creators" / "ayu-lestari.yml").write_text(
        "name: Ayu Lestari\nbio: Pemandu wisata sungai dari Tanah Grogot.\nregion: tanah-grogot\n", encoding="utf-8"
    )
    posts = {
        "susur-sungai-kandilo": front_matter(
            title="Susur Sungai Kandilo Naik Ketinting",
            creators=["ayu-lestari"],
            region="tanah-grogot/tapis",
            date="2026-11-02 08:00 WITA",
            cover={
                "file": "cover.jpg",
                "alt": "Perahu ketinting di sungai",
                "credit": "Ayu Lestari",
                "license": "CC BY 4.0",
            },
            wisata={
                "place": "Dermaga Kandilo",
                "address": "Jl. Sungai, Tapis",
                "opening_hours": "Setiap hari 07.00–17.00 WITA",
                "ticket": "Rp20.000",
            },
        ),
        "festival-paser-nondoi": front_matter(
            title="Festival Paser Nondoi di Lapangan Kantor Bupati",
            category="budaya",
            wisata=None,
            creators=["ayu-lestari"],
            region="long-ikis",
            date="2026-11-05 09:00 WITA",
            cover={
                "file": "cover.jpg",
                "alt": "Penari dengan selendang merah",
                "credit": "Ayu Lestari",
                "license": "CC BY 4.0",
            },
            budaya={
                "venue": "Lapangan Kantor Bupati",
                "organiser": "Dinas Pendidikan dan Kebudayaan",
                "start": "2026-11-20 19:00 WITA",
                "end": "2026-11-20 22:00 WITA",
            },
        ),
    }
    for index, (slug, text) in enumerate(posts.items()):
        bundle = root / "posts" / slug
        bundle.mkdir()
        shutil.copyfile(PHOTOS[index], bundle / "cover.jpg")
        (bundle / "index.md").write_text(text + "\nCerita dari Paser.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def paser_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paser")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "assets" / "brand" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#1d4e3a"/>'
        "</svg>\n",
        encoding="utf-8",
    )
    Image.open(PHOTOS[2]).convert("RGB").save(docs / "assets" / "brand" / "hero.jpg", "JPEG")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        {
            "site_name": "Etalase Kabupaten Paser",
            "site_url": "https://diskominfo-paser.github.io/etalase/",
            "site_description": "Wisata, UMKM, budaya dan pembangunan Kabupaten Paser.",
            "docs_dir": str(docs),
        }
    )
    config["extra"]["brand"] = PASER_BRAND
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["plugins"] = [{"etalase": {"cache_dir": str(root / "cache")}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = paser_content(root / "content")
    result = run_build("--config", root / "mkdocs.yml", "--content", content, "--site-dir", root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def published_text(site: Path) -> dict[str, str]:
    """Every published HTML, XML, JSON and text file (gzipped ones unpacked), by path."""
    texts = {}
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt", ".webmanifest"):
            texts[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
        elif path.name.endswith((".xml.gz", ".json.gz")):
            texts[path.relative_to(site).as_posix()] = gzip.decompress(path.read_bytes()).decode("utf-8")
    return texts


def test_nothing_of_the_demo_is_left(paser_site: Path) -> None:
    texts = published_text(paser_site)
    assert len(texts) > 20
    found = {(trace, name) for name, text in texts.items() for trace in demo_traces() if trace in text}
    assert found == set()


def test_the_regency_names_itself_everywhere(paser_site: Path) -> None:
    home = (paser_site / "index.html").read_text(encoding="utf-8")
    office = PASER_BRAND["contact"]["office"]
    assert f'<meta name="author" content="{office.replace(",", ",")}">' in home
    assert f"© {office}" in home
    assert 'class="md-banner' not in home  # demo: false leaves no banner strip at all
    assert "Daya taka, bumi Paser yang ramah" in home
    assert 'href="https://github.com/diskominfo-paser/etalase/issues/new/choose">Kirim pos baru</a>' in home
    about = (paser_site / "tentang" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Tentang Kabupaten Paser</h1>" in about and PASER_BRAND["getting_here"][0] in about
    assert f'href="{PASER_BRAND["contact"]["map"].replace("&", "&amp;")}"' in about


def test_times_and_examples_are_the_regency_s(paser_site: Path) -> None:
    guide = (paser_site / "panduan" / "lewat-github" / "index.html").read_text(encoding="utf-8")
    assert "<code>tanah-grogot</code>" in guide and "<code>tanah-grogot/tapis</code>" in guide
    # The schema's example date (2026-11-20) is past on the build's day (the suite's NOW, 2026-12-01): the guide
    # shows it a year on, never in the past (etalase.authoring.schema_docs.years_ahead).
    assert "<code>ayu-lestari</code>" in guide and "2027-11-20 08:00 WITA" in guide
    assert "Setiap hari 07.00–18.00 WITA" in guide and "07.00–18.00 WIB" not in guide
    event = (paser_site / "artikel" / "festival-paser-nondoi" / "index.html").read_text(encoding="utf-8")
    assert "20 November 2026, 19.00–22.00 WITA" in event


def test_share_cards_name_the_site_s_full_address(paser_site: Path) -> None:
    from etalase.build.seo import Site

    site = Site(name="x", url="https://diskominfo-paser.github.io/etalase/", description="", brand="Kabupaten Paser")
    assert site.address == "diskominfo-paser.github.io/etalase"
    page = (paser_site / "artikel" / "susur-sungai-kandilo" / "index.html").read_text(encoding="utf-8")
    assert 'content="https://diskominfo-paser.github.io/etalase/media/kartu/susur-sungai-kandilo-' in page


def test_the_field_table_s_examples_are_in_the_regency_s_zone(paser_site: Path) -> None:
    table = (paser_site / "panduan" / "isian" / "index.html").read_text(encoding="utf-8")
    assert "<code>2027-11-20 08:00 WITA</code>" in table  # a year on: see test_times_and_examples_are_the_regency_s
    assert "(WIB, WITA, WIT)" in table  # descriptions still name every zone
    assert "08:00 WIB</code>" not in table


def test_the_logo_shows_at_phone_width(browser, demo_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    try:
        page.goto(demo_url, wait_until="load")
        logo = page.locator(".etalase-header__home img")
        assert logo.is_visible()
        box = logo.bounding_box()
        assert box is not None and box["width"] > 10 and box["x"] + box["width"] <= 360
    finally:
        context.close()
