"""The site's way in to the form: "Kirim pos baru" in the guide and the footer, and the guide page about it."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from etalase.authoring.form_screenshots import PT_PER_PX

from site_pages import brand, site_config

CHOOSER = brand()["repository"].rstrip("/") + "/issues/new/choose"


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_guide_and_every_footer_open_the_forms(demo_site: Path) -> None:
    guide = _page(demo_site, "panduan")
    assert [a["href"] for a in guide.select("article a.md-button--primary")] == [CHOOSER]
    for url in ("", "panduan", "tentang", "wisata"):
        assert [a["href"] for a in _page(demo_site, url).select("footer a.md-button")] == [CHOOSER]
    # No repository widget in the header: the site does not set repo_url (Material would draw one).
    assert guide.select(".md-source") == [] and site_config().repo_url is None


def test_the_form_route_comes_first_in_the_guide(demo_site: Path) -> None:
    guide = _page(demo_site, "panduan")
    links = [a["href"] for a in guide.select("article ul a")]
    assert links[0] == "lewat-formulir/"
    nav = [item for item in site_config().nav if isinstance(item, dict) and "Panduan Kontributor" in item]
    assert nav[0]["Panduan Kontributor"][:2] == ["panduan/index.md", "panduan/lewat-formulir.md"]


def test_the_guide_page_shows_its_screenshots_at_their_size(demo_site: Path) -> None:
    page = _page(demo_site, "panduan/lewat-formulir")
    assert [a["href"] for a in page.select("article a.md-button--primary")] == [CHOOSER]
    images = page.select("article img")
    assert [image["src"].rsplit("/", 1)[-1] for image in images] == [
        "kirim-pos-baru.svg",
        "formulir-atas.svg",
        "formulir-foto.svg",
    ]
    for image in images:
        svg = (demo_site / "panduan" / "lewat-formulir" / image["src"]).resolve().read_text(encoding="utf-8")
        root = re.search(r'<svg [^>]*width="([\d.]+)pt" height="([\d.]+)pt"', svg)
        assert root, image["src"]
        # The page reserves the picture's own size (Chromium prints one CSS pixel as PT_PER_PX points).
        assert (int(image["width"]), int(image["height"])) == (
            round(float(root[1]) / PT_PER_PX),
            round(float(root[2]) / PT_PER_PX),
        )
        assert "<script" not in svg and "foreignObject" not in svg and not re.search(r'href="(?!#|data:image/)', svg)
        assert len(image["alt"]) > 40 and image["loading"] == "lazy"
