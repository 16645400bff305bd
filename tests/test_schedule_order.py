"""When a post is published, and in which order posts are listed: stated by hand, checked everywhere.

One small site is built at :data:`NOW` (noon WIB), four cards a listing page:

* six posts dated one hour before and one hour after :data:`NOW`, written in
  WIB, WITA and WIT: the three before are published (their page, listings,
  feeds, sitemap), the three after are nowhere;
* six posts with distinct titles and dates, two of them at the same moment
  (ties go by slug, whatever their folder), one dated in WITA at a later
  local hour than an older one in WIB.

Every expected order is written out below; none is computed by the code
under test.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import run_build, write_config
from untrusted_content import add_post, base_content, front_matter

NOW = "2026-06-01T12:00:00+07:00"
SITE_URL = "https://etalase.example.go.id/"
PER_PAGE = 4

SCHEDULE = {
    "jadwal-wib-sebelum": ("2026-06-01 11:00 WIB", "Satu Jam Sebelum, WIB"),
    "jadwal-wib-sesudah": ("2026-06-01 13:00 WIB", "Satu Jam Sesudah, WIB"),
    "jadwal-wita-sebelum": ("2026-06-01 12:00 WITA", "Satu Jam Sebelum, WITA"),
    "jadwal-wita-sesudah": ("2026-06-01 14:00 WITA", "Satu Jam Sesudah, WITA"),
    "jadwal-wit-sebelum": ("2026-06-01 13:00 WIT", "Satu Jam Sebelum, WIT"),
    "jadwal-wit-sesudah": ("2026-06-01 15:00 WIT", "Satu Jam Sesudah, WIT"),
}
"""Slug -> (date as written, title): one hour before or after noon WIB, in each zone."""

ORDER = {
    "mercusuar-tua": ("", "2026-05-10 08:00 WIB", "Mercusuar Tua di Ujung Tanjung"),
    "pasar-terapung": ("a-lama", "2026-05-25 08:00 WIB", "Pasar Terapung Setiap Minggu"),
    "kebun-teh": ("z-baru", "2026-05-25 08:00 WIB", "Kebun Teh di Lereng Bukit"),
    "goa-kelelawar": ("", "2026-05-28 07:00 WITA", "Goa Kelelawar yang Sejuk"),
    "air-panas": ("", "2026-05-28 06:30 WIB", "Air Panas Alami di Desa"),
    "danau-biru": ("", "2026-05-20 08:00 WIB", "Danau Biru di Balik Hutan"),
}
"""Slug -> (folder under posts/, date as written, title), all tagged ``urutan``."""

PUBLISHED = [
    "jadwal-wib-sebelum",
    "jadwal-wit-sebelum",
    "jadwal-wita-sebelum",  # all at 11:00 WIB: by slug
    "air-panas",
    "goa-kelelawar",  # 06:30 WIB, then 07:00 WITA = 06:00 WIB
    "kebun-teh",
    "pasar-terapung",  # the same moment: by slug, not by folder
    "danau-biru",
    "mercusuar-tua",
]
"""Every published post, newest first."""
SCHEDULED = ["jadwal-wib-sesudah", "jadwal-wita-sesudah", "jadwal-wit-sesudah"]
TAGGED = ["air-panas", "goa-kelelawar", "kebun-teh", "pasar-terapung", "danau-biru", "mercusuar-tua"]
"""The posts tagged ``urutan``, newest first."""
TITLES = {slug: title for slug, (_, title) in SCHEDULE.items()} | {slug: title for slug, (_, _, title) in ORDER.items()}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schedule")
    content = base_content(folder / "content")
    for slug, (date, title) in SCHEDULE.items():
        add_post(content, slug, front_matter(title=title, date=date, tags=["jadwal"]))
    for slug, (subfolder, date, title) in ORDER.items():
        add_post(content, slug, front_matter(title=title, date=date, tags=["urutan"]), folder=subfolder)
    site = folder / "site"
    result = run_build(
        "--config",
        write_config(folder, posts_per_page=PER_PAGE),
        "--content",
        content,
        "--site-dir",
        site,
        "--no-search",
        "--now",
        NOW,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def cards(page: BeautifulSoup, scope: str = "") -> list[str]:
    return [title.get_text(strip=True) for title in page.select(f"{scope} .etalase-card__title".strip())]


def listing(site: Path, url: str) -> list[list[str]]:
    """Card titles of every page of the listing at ``url``, following its "next" links."""
    pages = []
    while True:
        page = soup(site, url)
        pages.append(cards(page, ".etalase-grid"))
        following = page.select_one("a[rel=next]")
        if following is None:
            return pages
        url = urljoin("/" + url, following["href"]).strip("/") + "/"


def titles(slugs: list[str]) -> list[str]:
    return [TITLES[slug] for slug in slugs]


def paged(slugs: list[str]) -> list[list[str]]:
    return [titles(slugs[start : start + PER_PAGE]) for start in range(0, len(slugs), PER_PAGE)]


# -- the hour decides, in every zone --------------------------------------------------------


@pytest.mark.parametrize("slug", list(SCHEDULE))
def test_a_post_an_hour_before_now_is_published_and_an_hour_after_is_not(site: Path, slug: str) -> None:
    published = slug in PUBLISHED
    assert (site / "artikel" / slug / "index.html").is_file() == published
    title = TITLES[slug]
    for url in ("", "wisata/", "tag/jadwal/", "arsip/2026/06/"):
        assert (title in cards(soup(site, url))) == published, url
    for feed in ("feed.xml", "wisata/feed.xml"):
        entries = feedparser.parse((site / feed).read_bytes()).entries
        assert (title in [entry.title for entry in entries]) == published, feed
    assert (title in [item["title"] for item in json.loads((site / "feed.json").read_text())["items"]]) == published
    sitemap = {url.findtext("{*}loc") for url in ET.parse(site / "sitemap.xml").getroot()}
    assert (f"{SITE_URL}artikel/{slug}/" in sitemap) == published


def test_the_scheduled_posts_leave_no_trace(site: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in site.rglob("*") if path.suffix in (".html", ".xml", ".json")]
    for slug in SCHEDULED:
        assert not any(slug in text or TITLES[slug] in text for text in texts), slug


# -- newest first, ties by slug ---------------------------------------------------------------


def test_category_pages_list_every_post_newest_first(site: Path) -> None:
    assert listing(site, "wisata/") == paged(PUBLISHED)
    assert [len(page) for page in listing(site, "wisata/")] == [4, 4, 1]
    last = soup(site, "wisata/halaman/3/")
    assert urljoin("/wisata/halaman/3/", last.select_one("a[rel=prev]")["href"]) == "/wisata/halaman/2/"


def test_tag_pages_list_their_posts_newest_first(site: Path) -> None:
    assert listing(site, "tag/urutan/") == paged(TAGGED)
    assert listing(site, "tag/jadwal/") == [titles(["jadwal-wib-sebelum", "jadwal-wit-sebelum", "jadwal-wita-sebelum"])]


def test_month_archive_lists_its_posts_newest_first(site: Path) -> None:
    assert listing(site, "arsip/2026/05/") == paged(TAGGED)


def test_home_shows_the_newest_posts_first(site: Path) -> None:
    home = soup(site, "")
    # The category's block takes its newest three; the latest stories, last, the newest of the rest
    # (no post twice on home).
    assert cards(home, "section[aria-labelledby=bagian-wisata]") == titles(PUBLISHED[:3])
    assert cards(home, "section[aria-labelledby=terbaru]") == titles(PUBLISHED[3:9])


@pytest.mark.parametrize("folder", ["", "wisata/"])
def test_feeds_list_the_newest_posts_first(site: Path, folder: str) -> None:
    rss = feedparser.parse((site / folder / "feed.xml").read_bytes())
    assert rss.bozo == 0, rss.get("bozo_exception")
    assert [entry.title for entry in rss.entries] == titles(PUBLISHED)
    assert [entry.link for entry in rss.entries] == [f"{SITE_URL}artikel/{slug}/" for slug in PUBLISHED]
    items = json.loads((site / folder / "feed.json").read_text(encoding="utf-8"))["items"]
    assert [item["title"] for item in items] == titles(PUBLISHED)
    assert [item["date_published"] for item in items][3:5] == ["2026-05-28T06:30:00+07:00", "2026-05-28T07:00:00+08:00"]
