"""What search engines and chat apps read: JSON-LD, Open Graph, canonical URLs, sitemap, robots.txt, feeds.

Read from the built demo site without a browser: JSON-LD through extruct,
feeds through feedparser, the rest with BeautifulSoup and the XML parser.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import extruct
import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from etalase.build.seo import PageSeo, Site, hand_written_seo
from etalase.build.share_cards import FONT_BOLD, TITLE_LINES, CardRequest, _fit_title, _title_font, render_cards

import site_pages as sp

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def local(site: Path, url: str) -> Path:
    """The file an absolute site URL is served from."""
    assert url.startswith(sp.site_url()), url
    path = site / url.removeprefix(sp.site_url())
    return path / "index.html" if url.endswith("/") else path


def graph_of(site: Path, url: str) -> dict[str, dict]:
    """The page's JSON-LD items by ``@type`` (one ``@graph``, parsed by extruct)."""
    data = extruct.extract(sp.html_of(site, url), base_url=sp.site_url() + url, syntaxes=["json-ld"])["json-ld"]
    assert len(data) == 1 and data[0]["@context"] == "https://schema.org"
    items = data[0]["@graph"]
    return {item["@type"]: item for item in items}


def meta_tags(site: Path, url: str) -> dict[str, str]:
    soup = BeautifulSoup(sp.html_of(site, url), "html.parser")
    tags = {tag.get("property") or tag.get("name"): tag.get("content") for tag in soup.find_all("meta")}
    tags["canonical"] = soup.find("link", rel="canonical")["href"]
    return tags


def check_breadcrumbs(site: Path, item: dict, url: str) -> list[str]:
    elements = item["itemListElement"]
    assert [e["position"] for e in elements] == list(range(1, len(elements) + 1))
    assert elements[0]["item"] == sp.site_url() and elements[-1]["item"] == sp.site_url() + url
    for element in elements:
        assert local(site, element["item"]).is_file()
    return [e["name"] for e in elements]


# -- JSON-LD ----------------------------------------------------------------------------


@pytest.mark.parametrize("category", sp.CATEGORIES)
def test_post_json_ld_has_blog_posting_its_subject_and_breadcrumbs(demo_site, category):
    post = sp.newest_post(category)
    meta = post.front
    items = graph_of(demo_site, post.url)

    posting = items["BlogPosting"]
    assert posting["headline"] == meta["title"]
    assert posting["description"] == meta["summary"]
    assert posting["url"] == posting["mainEntityOfPage"] == sp.site_url() + post.url
    assert posting["datePublished"] == sp.PUBLISHED[post.slug]
    assert posting["dateModified"] == sp.UPDATED.get(post.slug, sp.PUBLISHED[post.slug])
    assert posting["image"] and all(local(demo_site, image).is_file() for image in posting["image"])
    authors = posting["author"]
    assert [a["name"] for a in authors] == [sp.creator(c)["name"] for c in meta["creators"]]
    for author in authors:
        assert author["@type"] == "Person" and local(demo_site, author["url"]).is_file()
    assert posting["publisher"]["name"] == sp.brand()["name"]

    block = meta[category]
    if category == "wisata":
        place = items["TouristAttraction"]
        assert place["name"] == block["place"] and place["address"]["streetAddress"] == block["address"]
        assert (place["geo"]["latitude"], place["geo"]["longitude"]) == (-2.7479, 107.6402)
        assert posting["about"] == {"@id": place["@id"]}
    elif category == "umkm":
        business = items["LocalBusiness"]
        assert business["name"] == block["business"] and business["telephone"] == sp.WHATSAPP[post.slug]
        assert business["priceRange"] == block["price_range"]
        assert [o["itemOffered"]["name"] for o in business["makesOffer"]] == block["products"]
    elif category == "budaya":
        event = items["Event"]
        assert (event["startDate"], event["endDate"]) == ("2026-11-28T19:00:00+07:00", "2026-11-29T22:00:00+07:00")
        assert event["location"]["name"] == block["venue"] and event["organizer"]["name"] == block["organiser"]
    else:
        assert not {"TouristAttraction", "LocalBusiness", "Event"} & set(items)
        assert [c.get("url") for c in posting["citation"]] == [
            None,
            None,
            "https://pupr.sekarlaut.example.go.id/berita/2026/11/progres-jembatan-lubuk-tenang",
        ]

    names = check_breadcrumbs(demo_site, items["BreadcrumbList"], post.url)
    assert names == ["Beranda", sp.LABELS[category], meta["title"]]


def test_a_tradition_is_not_an_event(demo_site):
    assert set(graph_of(demo_site, sp.DemoPost(sp.TRADITION).url)) == {"BlogPosting", "BreadcrumbList"}


def test_home_json_ld_describes_the_site_and_its_office(demo_site):
    items = graph_of(demo_site, "")
    site = items["WebSite"]
    assert site["url"] == sp.site_url() and site["name"] == sp.site_config().site_name
    target = site["potentialAction"]["target"]["urlTemplate"]
    assert target == sp.site_url() + "cari/?q={q}" and site["potentialAction"]["query-input"] == "required name=q"
    office = items["GovernmentOrganization"]
    assert office["name"] == sp.brand()["name"]
    assert office["sameAs"] == list(sp.brand()["social"].values())
    assert local(demo_site, office["logo"]["url"]).is_file()


@pytest.mark.parametrize(
    "kind", ["category", "tag", "region", "kecamatan", "creator", "archive", "month", "search", "page"]
)
def test_other_pages_have_a_breadcrumb_list(demo_site, kind):
    url = sp.page_types()[kind]
    names = check_breadcrumbs(demo_site, graph_of(demo_site, url)["BreadcrumbList"], url)
    assert names[0] == "Beranda" and len(names) >= 2
    if kind == "region":
        assert names == ["Beranda", "Kec. Tanjung Sari", "Pasir Putih, Kec. Tanjung Sari"]
    if kind == "month":
        assert names[:2] == ["Beranda", "Arsip"]


def test_json_ld_cannot_be_closed_from_inside():
    seo = PageSeo(
        title="t", description="d", url="https://x/", json_ld={"headline": "</script><script>x()</script> & <!--"}
    )
    text = str(seo.json_ld_html)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == seo.json_ld


def test_breadcrumbs_of_a_hand_written_page():
    site = Site(name="Situs", url="https://contoh.id/", description="", brand="Kabupaten Contoh")
    crumbs = hand_written_seo(site, "Tentang", "tentang/", "").crumbs
    assert [(c.name, c.url) for c in crumbs] == [("Beranda", ""), ("Tentang", "tentang/")]


# -- Open Graph, X, canonical ---------------------------------------------------------------


@pytest.mark.parametrize("kind", list(sp.page_types()))
def test_open_graph_and_x_tags_with_a_1200x630_image(demo_site, kind):
    url = sp.page_types()[kind]
    tags = meta_tags(demo_site, url)
    assert tags["canonical"] == tags["og:url"] == sp.site_url() + url
    assert tags["og:title"] and tags["og:description"] and tags["og:site_name"] == sp.site_config().site_name
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["og:image:alt"] and tags["twitter:image:alt"] == tags["og:image:alt"]
    with Image.open(local(demo_site, tags["og:image"])) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    if kind.startswith("post-"):
        post = next(p for p in sp.posts() if p.url == url)
        assert tags["og:type"] == "article" and tags["og:title"] == post.title
        assert tags["article:published_time"] == sp.PUBLISHED[post.slug]
        assert tags["description"] == tags["og:description"] == post.front["summary"]
    else:
        assert tags["og:type"] == "website"


def test_social_cards_are_cached_and_follow_their_text(tmp_path):
    background = tmp_path / "foto.jpg"
    Image.new("RGB", (800, 600), (40, 120, 90)).save(background)
    request = CardRequest(
        background, "Wisata", "Pantai Pasir Putih", "Kabupaten Contoh · contoh.go.id", "#0f6e56", "pantai"
    )
    cache = tmp_path / "kartu"
    card = render_cards({"pantai": request}, cache)["pantai"]
    with Image.open(card.file) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))
    drawn = card.file.stat().st_mtime_ns
    assert render_cards({"pantai": request}, cache)["pantai"] == card
    assert card.file.stat().st_mtime_ns == drawn  # not drawn again
    retitled = render_cards({"pantai": CardRequest(**{**request.__dict__, "title": "Pantai Baru"})}, cache)["pantai"]
    assert retitled.url != card.url and retitled.url.startswith("media/kartu/pantai-")
    assert not card.file.exists()  # the old card is pruned


def test_a_long_title_is_wrapped_then_cut():
    _, lines = _fit_title("Kata " * 80, 1056)
    assert len(lines) == TITLE_LINES and lines[-1].endswith("…")
    _, lines = _fit_title("Pantai Pasir Putih", 1056)
    assert lines == ["Pantai Pasir Putih"]


def test_card_titles_are_set_in_the_pages_heading_typeface(tmp_path):
    """The vendored woff2 file (docs/assets/fonts/) is what Pillow draws titles with, unless a character is outside it."""
    woff2 = Path(__file__).resolve().parent.parent / "docs/assets/fonts/plus-jakarta-sans-latin-800-normal.woff2"
    request = CardRequest(tmp_path / "foto.jpg", "Wisata", "Pantai Pasir Putih", "", "#0f6e56", "pantai", woff2)
    font, _ = _fit_title(request.title, 1056, _title_font(request))
    assert font.getname() == ("Plus Jakarta Sans", "ExtraBold")
    greek = CardRequest(**{**request.__dict__, "title": "Pantai Ωmega"})  # not in the Latin subset
    assert _title_font(greek) == FONT_BOLD
    assert _title_font(CardRequest(**{**request.__dict__, "title_font": tmp_path / "none.woff2"})) == FONT_BOLD


def test_each_post_has_its_own_social_card(demo_site):
    images = {meta_tags(demo_site, post.url)["og:image"] for post in sp.posts()}
    assert len(images) == len(sp.PUBLISHED) == 14


# -- sitemap, robots.txt ----------------------------------------------------------------------


def test_sitemap_lists_every_page_with_lastmod_from_the_content(demo_site):
    root = ET.parse(demo_site / "sitemap.xml").getroot()
    entries = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root}
    for loc in entries:
        assert local(demo_site, loc).is_file(), loc
    posts = {loc for loc in entries if loc.startswith(sp.site_url() + "artikel/")}
    assert posts == {sp.site_url() + post.url for post in sp.posts()}  # no draft, nothing scheduled
    for post in sp.posts():
        assert entries[sp.site_url() + post.url] == sp.UPDATED.get(post.slug, sp.PUBLISHED[post.slug])
    assert entries[sp.site_url() + "artikel/lomba-tabuh-gendang-pasar-lama/"] == "2026-10-25T09:00:00+07:00"
    assert entries[sp.site_url()] == "2026-11-16T10:00:00+07:00"  # the newest change of any post
    assert entries[sp.site_url() + "wisata/"] == "2026-11-14T16:30:00+07:00"  # of the posts on the page
    assert entries[sp.site_url() + "tentang/"] is None  # hand-written: no date to tell
    assert entries[sp.site_url() + "cari/"] is None


def test_robots_txt_names_the_sitemap(demo_site):
    lines = (demo_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and f"Sitemap: {sp.site_url()}sitemap.xml" in lines
    assert "Disallow: /" not in lines


# -- feeds ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["", *sp.CATEGORIES])
def test_rss_feeds_parse_and_list_the_newest_posts(demo_site, folder):
    prefix = f"{folder}/" if folder else ""
    parsed = feedparser.parse((demo_site / prefix / "feed.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    posts = sp.posts(sp.BY_CATEGORY[folder] if folder else None)
    assert [e.title for e in parsed.entries] == [p.title for p in posts]
    for entry, post in zip(parsed.entries, posts, strict=True):
        assert entry.link == sp.site_url() + post.url and local(demo_site, entry.link).is_file()
        assert tuple(entry.published_parsed[:6]) == tuple(post.date.utctimetuple()[:6])
        enclosure = entry.enclosures[0]
        assert int(enclosure.length) == local(demo_site, enclosure.href).stat().st_size
    assert parsed.feed.link == sp.site_url() + prefix


@pytest.mark.parametrize("folder", ["", *sp.CATEGORIES])
def test_json_feeds_parse_and_list_the_newest_posts(demo_site, folder):
    prefix = f"{folder}/" if folder else ""
    feed = json.loads((demo_site / prefix / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == sp.site_url() + prefix + "feed.json"
    posts = sp.posts(sp.BY_CATEGORY[folder] if folder else None)
    assert [item["title"] for item in feed["items"]] == [p.title for p in posts]
    assert [item["date_published"] for item in feed["items"]] == [sp.PUBLISHED[p.slug] for p in posts]
    for item in feed["items"]:
        assert local(demo_site, item["url"]).is_file() and local(demo_site, item["image"]).is_file()
        assert all(local(demo_site, author["url"]).is_file() for author in item["authors"])


def test_pages_announce_their_feeds(demo_site):
    def feeds(url: str) -> set[tuple[str, str]]:
        soup = BeautifulSoup(sp.html_of(demo_site, url), "html.parser")
        base = "http://site/" + url
        return {
            (link["type"], urlsplit(urljoin(base, link["href"])).path)
            for link in soup.find_all("link", rel="alternate")
        }

    site_feeds = {("application/rss+xml", "/feed.xml"), ("application/feed+json", "/feed.json")}
    assert feeds("") == site_feeds
    assert feeds("umkm/") == site_feeds | {
        ("application/rss+xml", "/umkm/feed.xml"),
        ("application/feed+json", "/umkm/feed.json"),
    }


def test_a_card_is_named_by_its_backgrounds_photo_cache_entry_or_else_by_its_bytes(tmp_path):
    """A post's card is keyed by its cover's place in the photo cache (named by the photo's digest): the
    background is not read again for each of 2,000 cards; a card without that name is keyed by the bytes."""
    background = tmp_path / "ab12" / "social.jpg"
    background.parent.mkdir()
    Image.new("RGB", (1200, 630), (40, 120, 90)).save(background)
    request = CardRequest(background, "Wisata", "Pantai", "Kab. Contoh", "#0f6e56", "pantai", None, "ab12/social.jpg")
    cache = tmp_path / "kartu"
    card = render_cards({"pantai": request}, cache)["pantai"]
    background.write_bytes(b"")  # the name stands for the content: the file is not opened
    assert render_cards({"pantai": request}, cache)["pantai"] == card
    Image.new("RGB", (1200, 630), (200, 60, 30)).save(background)
    moved = render_cards({"pantai": replace(request, background_key="cd34/social.jpg")}, cache)["pantai"]
    assert moved.url != card.url  # another photo: another card

    unnamed = replace(request, background_key=None)
    first = render_cards({"pantai": unnamed}, cache)["pantai"]
    Image.new("RGB", (1200, 630), (20, 20, 160)).save(background)
    assert render_cards({"pantai": unnamed}, cache)["pantai"].url != first.url  # new bytes: a new card
