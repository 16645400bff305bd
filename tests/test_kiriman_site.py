"""The site's way in to the form: "Kirim pos baru" in the guide and the footer, and the guide page about it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from etalase.kiriman_screenshots import SCALE
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
    assert len(images) == 3
    for image in images:
        file = (demo_site / "panduan" / "lewat-formulir" / image["src"]).resolve()
        with Image.open(file) as png:
            assert (int(image["width"]), int(image["height"])) == (png.width // SCALE, png.height // SCALE)
            assert not png.info.get("exif") and not png.text  # drawn here: no metadata
        assert len(image["alt"]) > 40 and image["loading"] == "lazy"
