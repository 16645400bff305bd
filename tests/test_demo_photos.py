"""The demo's photos fit their stories, each once, each credited; drawn illustrations say they are.

The rules are held over the files themselves (their SHA-256), not their names:
a photo copied under another name into a second post, or the home page's
picture reused as a cover, fails here. The shared photographs the demo may use
are listed below with their author and licence as their attribution gives them
(shared/photos/ATTRIBUTION.md); any other picture in the demo must be one of the
drawn illustrations (scripts/draw_illustrations.py) and be labelled as such.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import frontmatter
import pytest
from bs4 import BeautifulSoup

import site_pages as sp
from conftest import DEMO_CONTENT, ROOT

SHARED = {
    "bd86b081f9975e2b83527f71e49b9271a8ab40885428395969d9f7d834d7f050": ("Sander Klootwijk", "CC-BY-SA-4.0"),
    "af5af17841009732def24b09bb1e669a1b09d2b4bdeee7812c371101c30d2bb3": ("Bolly", "CC-BY-SA-4.0"),
    "9319dfb3651833881339a8d9b769b99efaf474969e6cd58e427eb2524aca8e8a": ("Aury88", "CC-BY-SA-3.0"),
    "6572410c09f4492c74ccadde133565a14c0161617d5917d4c820c66d65a44ba7": ("Lukas Baubkus", "CC-BY-SA-3.0"),
    "c8c0ab18e48d9e0419fe42881112137f3afafc27dfddc29ec3a6d54c56d225ad": ('Trevor "Freespace"', "CC-BY-4.0"),
    "d2e96e6d4da40dd804b3d0ce295e94de04a2d7d9b6785d42cd9d92ba58bced74": ("Jakub Mede", "CC-BY-4.0"),
    "cc40e313c74e421edffe3403def413c16878ce14661cce7ec5915baeab35538d": ("Aitzol Berasategi", "CC-BY-4.0"),
    "4c119350ead80201fe256850c3d316309ddfb4bdf10b235ce982dcde0c667c05": ("Aitzol Berasategi", "CC-BY-4.0"),
    "a5634d1ab5e41a3568e92d4a894a500c92b891f9ff734e50bd224d6e185a605f": ("Clemens Engelhardt", "CC0-1.0"),
    "474dab6a4b9f94dc76c29dfe30e9f5db4af0fd2e33fe5d695f8152b371efca18": ("Aitzol Berasategi", "CC-BY-4.0"),
}
"""The shared photographs that may appear in the demo: SHA-256 → (author, licence)."""

UNFIT = {
    "66268e7b48f8854d36a28765fac6e23ec1aee251daa6da1f64715f201020ad36": "aitzgorri: alpine ridge, autumn larches",
    "414d0072b2f6f2c555deafeaef6e45c4fed6fa9ad26eba6560ca8803959cf97a": "picosdeeuropa: snow on alpine peaks",
}
"""Shared photographs that contradict a tropical coast: no demo post shows them."""

EXPECTED_PHOTOS = {
    "pembangunan-jembatan-lubuk-tenang": {"jembatan.jpg": "Sander Klootwijk", "papan-proyek.jpg": None},
    "penghijauan-bantaran-sungai-jernih": {"capung.jpg": "Bolly"},
    "festival-dongeng-laut-2026": {"poster-festival.jpg": "Aury88"},
    "mengamati-burung-taman-kota": {"burung-munguk.jpg": "Lukas Baubkus"},
    "olahan-buah-tin-kebun-kopi": {"buah-tin.jpg": 'Trevor "Freespace"'},
    "pengrajin-gendang-teluk-biru": {"gendang.jpg": "Jakub Mede"},
    "pondok-kayu-pasir-putih": {"pondok-kayu.jpg": "Aitzol Berasategi"},
    "curug-bertingkat-air-terjun": {"curug.jpg": "Aitzol Berasategi"},
    "matahari-terbenam-bukit-jati": {"senja.jpg": "Aitzol Berasategi"},
    "bumi-perkemahan-padang-hijau": {"padang-rumput.jpg": "Clemens Engelhardt", "ilustrasi-perkemahan.jpg": None},
    "hari-jadi-kabupaten-sekar-laut": {"ilustrasi-hari-jadi.jpg": None},
    "lomba-tabuh-gendang-pasar-lama": {"ilustrasi-gendang.jpg": None},
    "pameran-foto-sekar-laut-dalam-bingkai": {"ilustrasi-pameran.jpg": None},
    "perbaikan-jalur-pendakian-bukit-jati": {"ilustrasi-jalur.jpg": None},
    "sedekah-bumi-lubuk-tenang": {"ilustrasi-sedekah-bumi.jpg": None},
    "rencana-jembatan-pulau-rindu": {"ilustrasi-rencana-jembatan.jpg": None},
}
"""Each demo post's pictures and whose photograph each is (``None``: a drawn illustration)."""

BODY_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
LICENCE_SLUG = re.compile(r"\bCC(?:0|-BY(?:-[A-Z]{2})*)-\d\.\d\b")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pictures(folder: Path) -> list[dict]:
    """Every picture a post shows, wherever it is named, with the label and credit that go with it."""
    post = frontmatter.load(folder / "index.md")
    cover = post.get("cover") or {}
    found = [cover | {"where": "cover"}] if cover else []
    for item in post.get("gallery") or []:
        found.append(
            {"credit": cover.get("credit"), "license": cover.get("license")}
            | {k: v for k, v in item.items() if v is not None}
            | {"where": "gallery"}
        )
    for block in ("pembangunan",):
        for source in (post.get(block) or {}).get("sources") or []:
            if source.get("photo"):
                found.append({"file": source["photo"], "alt": source["title"], "where": "sources"})
    for name in BODY_IMAGE.findall(post.content):
        if not any(p["file"] == name for p in found):
            found.append({"file": name, "where": "body"})
    return found


def posts() -> dict[str, list[dict]]:
    return {folder.name: pictures(folder) for folder in sorted((DEMO_CONTENT / "posts").iterdir())}


def is_labelled_illustration(picture: dict) -> bool:
    """Its alt text (or a source's title) says "ilustrasi", and so does its credit when it has one."""
    alt = str(picture.get("alt", "")).casefold()
    credit = picture.get("credit")
    return "ilustrasi" in alt and (credit is None or "ilustrasi" in credit.casefold())


def draw_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_illustrations", ROOT / "scripts" / "draw_illustrations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_post_shows_the_pictures_chosen_for_it():
    found = {slug: {p["file"] for p in pics} for slug, pics in posts().items()}
    assert found == {slug: set(files) for slug, files in EXPECTED_PHOTOS.items()}
    for slug, files in EXPECTED_PHOTOS.items():
        for name, author in files.items():
            digest = sha256(DEMO_CONTENT / "posts" / slug / name)
            assert (SHARED[digest][0] if digest in SHARED else None) == author, (slug, name)


def test_no_picture_is_in_two_posts_and_the_brand_s_pictures_are_in_none():
    owners: dict[str, set[str]] = {}
    for slug, pics in posts().items():
        for picture in pics:
            owners.setdefault(sha256(DEMO_CONTENT / "posts" / slug / picture["file"]), set()).add(slug)
    shared = {digest: slugs for digest, slugs in owners.items() if len(slugs) > 1}
    assert not shared, shared
    hero = sha256(ROOT / "docs" / "assets" / "brand" / "hero.jpg")
    assert hero not in owners, owners.get(hero)
    brand = sp.brand()
    category_pictures = [sha256(ROOT / "docs" / c["photo"]) for c in brand["categories"].values()]
    assert len({hero, *category_pictures}) == 1 + len(category_pictures)
    assert not set(category_pictures) & set(owners)
    assert not set(owners) & set(UNFIT), [UNFIT[d] for d in set(owners) & set(UNFIT)]


def test_every_picture_is_credited_with_its_licence_or_labelled_as_an_illustration():
    for slug, pics in posts().items():
        for picture in pics:
            if picture["where"] == "body":
                continue  # the cover or a gallery photo again: credited there
            digest = sha256(DEMO_CONTENT / "posts" / slug / picture["file"])
            if digest in SHARED:
                author, licence = SHARED[digest]
                assert picture.get("credit") == author, (slug, picture)
                assert picture.get("license") == licence, (slug, picture)
            else:
                assert is_labelled_illustration(picture), (slug, picture)
                assert picture["where"] == "sources" or picture.get("license"), (slug, picture)


def test_the_hero_is_credited_and_labelled():
    hero = sp.brand()["hero"]
    digest = sha256(ROOT / "docs" / hero["photo"])
    if digest in SHARED:
        assert SHARED[digest][0] in hero["credit"]
    else:
        assert hero["alt"].startswith("Ilustrasi") and "ilustrasi" in hero["credit"]


def test_the_illustrations_are_drawn_again_byte_for_byte_and_each_is_labelled(tmp_path):
    script = draw_script()
    assert script.main(["--out", str(tmp_path)]) == 0
    brand = sp.brand()
    brand_pictures = {
        f"docs/{picture['photo']}": (picture["photo"], picture["alt"], picture["credit"])
        for picture in (brand["hero"], *brand["categories"].values())
    }
    labelled = {
        (DEMO_CONTENT / "posts" / slug / p["file"]).relative_to(ROOT).as_posix()
        for slug, pics in posts().items()
        for p in pics
        if is_labelled_illustration(p)
    }
    for name in script.ILLUSTRATIONS:
        assert (tmp_path / name).read_bytes() == (ROOT / name).read_bytes(), name
        assert name in labelled or name in brand_pictures, name
    for name, alt, credit in brand_pictures.values():  # the hero's and the category pages' pictures
        assert alt.startswith("Ilustrasi") and "ilustrasi" in credit, name


@pytest.mark.parametrize("slug", ["pondok-kayu-pasir-putih", "lomba-tabuh-gendang-pasar-lama"])
def test_licences_are_shown_by_their_names(demo_site, slug):
    page = (demo_site / "artikel" / slug / "index.html").read_text(encoding="utf-8")
    assert not LICENCE_SLUG.search(page), LICENCE_SLUG.search(page)
    assert "(CC BY 4.0)" in page


@pytest.mark.parametrize("category", ["wisata", "umkm", "budaya", "pembangunan"])
def test_each_category_page_opens_with_the_brand_s_photo_and_intro(demo_site, category):
    opening = sp.brand()["categories"][category]
    page = BeautifulSoup((demo_site / category / "index.html").read_text(encoding="utf-8"), "html.parser")
    header = page.select_one("header.etalase-listing__header")
    assert [child.name for child in header.find_all(recursive=False)][:4] == ["h1", "figure", "p", "p"]
    image = header.select_one("figure.etalase-category-intro__photo img")
    assert image["alt"] == opening["alt"] and image["fetchpriority"] == "high"
    assert (demo_site / category / image["src"]).resolve().is_file()
    assert header.select_one("figcaption").get_text(strip=True) == f"Gambar: {opening['credit']}"
    assert header.select_one("p.etalase-category-intro").get_text(strip=True) == opening["intro"]
    assert not (demo_site / "assets" / "brand" / f"kategori-{category}.jpg").exists()  # the original stays out


def test_the_hero_s_credit_is_on_the_home_page_only(demo_site):
    credit = f"Foto sampul: {sp.brand()['hero']['credit']}"
    pages = {
        path.relative_to(demo_site).as_posix()
        for path in demo_site.rglob("*.html")
        if credit in path.read_text(encoding="utf-8")
    }
    assert pages == {"index.html"}
