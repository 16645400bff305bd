"""The public site in real Chromium: every page type shows its parts, as a reader gets them.

Assertions are on the rendered DOM of the built demo site, with the expected
values stated in ``site_pages`` (orders, groups, normalised values) or read
from the demo's front matter (texts), never from the templates or the code
that builds the site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

import site_pages as sp
from conftest import DEMO_CONTENT, run_build, serve

PHONE = {"width": 412, "height": 915}
DESKTOP = {"width": 1280, "height": 800}


def card_titles(scope) -> list[str]:
    return [text.strip() for text in scope.locator(".etalase-card__title").all_inner_texts()]


def check_cards(scope, site_dir: Path) -> int:
    """Every card shows a photo, a title linking to a built post, a summary, a place and a date."""
    cards = scope.locator("article.etalase-card")
    for i in range(cards.count()):
        card = cards.nth(i)
        assert card.locator("img").count() == 1
        link = card.locator(".etalase-card__title a")
        target = urlsplit(link.evaluate("a => a.href")).path.strip("/")
        assert (site_dir / target / "index.html").is_file(), target
        assert card.locator(".etalase-card__summary").inner_text().strip()
        assert card.locator(".etalase-card__place").inner_text().strip()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT.+", card.locator("time").last.get_attribute("datetime"))
    return cards.count()


# -- home -------------------------------------------------------------------------


def test_home_has_hero_latest_posts_category_sections_and_search(tab, demo_url, demo_site):
    brand = sp.brand()
    page = tab(demo_url)
    hero = page.locator(".etalase-hero")
    assert hero.locator("h1").inner_text().strip() == brand["tagline"]
    photo = hero.locator("img")
    assert photo.get_attribute("fetchpriority") == "high"
    assert photo.get_attribute("alt") == brand["hero"]["alt"]
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "/media/" in photo.evaluate("img => img.currentSrc")

    search = page.get_by_role("search")
    assert search.get_by_role("searchbox").is_visible()
    assert urlsplit(search.evaluate("form => form.action")).path == "/cari/"

    # What visitors come for, in this order: the coming events, a block per category, the other stories.
    headings = [h.strip() for h in page.locator("main h2").all_inner_texts()]
    assert headings[:6] == [
        "Agenda terdekat",
        "Jelajah",
        "Belanja produk lokal",
        "Budaya dan tradisi",
        "Kabar pembangunan",
        "Cerita terbaru",
    ]
    agenda = page.locator("section[aria-labelledby=agenda-terdekat]")
    assert card_titles(agenda) == sp.titles(["hari-jadi-kabupaten-sekar-laut"])  # the only event still ahead
    assert agenda.locator(".etalase-chip").text_content().split() == ["14", "Des"]
    assert "14 Desember 2026, 07.30–21.00 WIB" in agenda.locator(".etalase-card__facts").inner_text()
    assert urlsplit(agenda.get_by_role("link", name="Lihat semua agenda").evaluate("a => a.href")).path == "/agenda/"
    check_cards(agenda, demo_site)

    # Each block takes only posts no earlier block shows.
    shown = {
        "wisata": ["matahari-terbenam-bukit-jati", "bumi-perkemahan-padang-hijau", "mengamati-burung-taman-kota"],
        "umkm": sp.BY_CATEGORY["umkm"],
        "budaya": ["festival-dongeng-laut-2026", "lomba-tabuh-gendang-pasar-lama", "sedekah-bumi-lubuk-tenang"],
        "pembangunan": sp.BY_CATEGORY["pembangunan"],
    }
    for category, label in sp.LABELS.items():
        section = page.locator(f"section[aria-labelledby=bagian-{category}]")
        assert card_titles(section) == sp.titles(shown[category])
        check_cards(section, demo_site)
        link = section.get_by_role("link", name=f"Lihat semua {label}")
        assert urlsplit(link.evaluate("a => a.href")).path == f"/{category}/"

    latest = page.locator("section[aria-labelledby=terbaru]")
    assert card_titles(latest) == sp.titles(["curug-bertingkat-air-terjun"])
    assert check_cards(latest, demo_site) == 1

    linked = [
        urlsplit(href).path for href in page.locator(".etalase-card__title a").evaluate_all("a => a.map(x => x.href)")
    ]
    assert len(linked) == len(set(linked)) == len(sp.PUBLISHED)


def test_home_search_form_leads_to_search_results(tab, demo_url):
    page = tab(demo_url)
    page.get_by_role("searchbox").fill("jembatan")
    page.get_by_role("search").get_by_role("button", name="Cari").click()
    page.wait_for_url("**/cari/?q=jembatan")
    page.locator(".etalase-result").first.wait_for(timeout=10_000)
    assert page.locator(".etalase-result").count() >= 1


def test_search_results_lead_to_their_posts_on_a_site_under_a_path(tab, demo_site):
    """A GitHub project site lives at https://<owner>.github.io/<repository>/: result links keep that path."""
    url, server = serve(demo_site, prefix="/etalase/")
    try:
        page = tab(url + "cari/?q=jembatan")
        link = page.locator(".etalase-result__title a").first
        link.wait_for(timeout=10_000)
        assert link.get_attribute("href").startswith("/etalase/artikel/")
        link.click()
        page.wait_for_url("**/etalase/artikel/**")
        assert "jembatan" in page.locator("h1").inner_text().lower()
    finally:
        server.shutdown()


# -- post pages ---------------------------------------------------------------------


LICENCE_NAMES = {"wisata": "CC BY 4.0", "umkm": "CC BY 4.0", "budaya": "CC BY-SA 3.0", "pembangunan": "CC BY-SA 4.0"}
"""The cover licence of each category's newest demo post, as the site names it."""


@pytest.mark.parametrize("category", sp.CATEGORIES)
def test_post_page_shows_every_part(tab, demo_url, demo_site, category):
    post = sp.newest_post(category)
    meta = post.front
    page = tab(demo_url + post.url)
    assert page.locator("h1").inner_text().strip() == meta["title"]
    assert page.locator(".etalase-post__lead").inner_text().strip() == meta["summary"]
    cover = page.locator(".etalase-post__cover img")
    assert cover.get_attribute("alt") == meta["cover"]["alt"]
    assert cover.get_attribute("fetchpriority") == "high"
    assert cover.get_attribute("width") and cover.get_attribute("height")
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")

    header = page.locator(".etalase-post__meta")
    for creator_id in meta["creators"]:
        link = header.get_by_role("link", name=sp.creator(creator_id)["name"])
        assert urlsplit(link.evaluate("a => a.href")).path == f"/kreator/{creator_id}/"
    assert header.locator("time").first.get_attribute("datetime") == sp.PUBLISHED[post.slug]
    place = sp.PLACES[meta["region"]]
    assert (
        urlsplit(header.get_by_role("link", name=place).evaluate("a => a.href")).path == f"/wilayah/{meta['region']}/"
    )
    assert re.search(r"\d+ menit baca", header.inner_text())
    category_link = page.locator(".etalase-post__category a")
    assert category_link.inner_text().strip().lower() == sp.LABELS[category].lower()
    assert urlsplit(category_link.evaluate("a => a.href")).path == f"/{category}/"

    first_line = next(line for line in post.body.splitlines() if line[:1].isalpha())
    assert " ".join(first_line.split()[:3]) in page.locator(".etalase-post__body").inner_text()
    tags = page.locator(".etalase-tags a").all_inner_texts()
    assert tags == [f"#{tag}" for tag in meta["tags"]]
    assert len(page.locator(".etalase-gallery figure").all()) == len(meta.get("gallery", []))
    credits = page.locator(".etalase-credits").inner_text()
    # Licences by their names, not the slugs written in front matter (CC-BY-SA-3.0).
    assert meta["cover"]["credit"] in credits and f"({LICENCE_NAMES[category]})" in credits

    info = page.locator(f"aside.etalase-info--{category}")
    assert info.is_visible()
    terms = info.locator("dt").all_inner_texts()
    block = meta[category]
    if category == "wisata":
        assert {"Alamat", "Jam buka", "Tiket"} <= set(terms)
        assert block["opening_hours"] in info.inner_text() and block["ticket"] in info.inner_text()
        href = info.get_by_role("link", name=re.compile("peta")).get_attribute("href")
        assert href.startswith("https://www.openstreetmap.org/")
        assert "-2.7479" in href and "107.6402" in href  # coordinates: {lat: -2.7479, lon: 107.6402}
    elif category == "umkm":
        assert info.locator(".etalase-info__products li").all_inner_texts() == block["products"]
        assert block["price_range"] in info.inner_text()
        links = [
            urlsplit(a).netloc
            for a in info.locator(".etalase-info__links a").evaluate_all("links => links.map(a => a.href)")
        ]
        assert links == ["pondokkayu.example.com"]
    elif category == "budaya":
        times = info.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
        assert times == ["2026-11-28T19:00:00+07:00"]  # start: 2026-11-28 19:00 WIB
        assert "28 November 2026, 19.00 WIB sampai 29 November 2026, 22.00 WIB" in info.inner_text()
        assert block["venue"] in info.inner_text()
    else:
        assert block["agency"] in info.inner_text()
        sources = info.locator(".etalase-info__sources > li > a").evaluate_all("links => links.map(a => a.href)")
        assert sources == ["https://pupr.sekarlaut.example.go.id/berita/2026/11/progres-jembatan-lubuk-tenang"]
        assert "Rp4.750.000.000" in info.inner_text()  # budget: Rp4,75 miliar

    related = page.locator("section.etalase-related")
    assert related.count() == 1 and check_cards(related, demo_site) >= 1
    assert meta["title"] not in card_titles(related)


def test_no_iframe_or_map_script_on_wisata_page(demo_site):
    html = sp.html_of(demo_site, sp.newest_post("wisata").url)
    assert "<iframe" not in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)


def test_whatsapp_button_carries_the_normalised_number(tab, demo_url):
    assert list(sp.WHATSAPP) == sp.BY_CATEGORY["umkm"]
    for post in sp.posts(sp.BY_CATEGORY["umkm"]):
        page = tab(demo_url + post.url)
        href = page.locator(".etalase-info").get_by_role("link", name="Pesan lewat WhatsApp").get_attribute("href")
        bar = page.get_by_role("navigation", name="Tindakan cepat").get_by_role("link", name="Pesan lewat WhatsApp")
        assert bar.get_attribute("href") == href  # the phone's action bar orders the same way
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/" + sp.WHATSAPP[post.slug][1:])
        assert post.front["umkm"]["business"] in parse_qs(parts.query)["text"][0]


def test_share_links_are_plain_links_and_copy_link_copies(browser, demo_url):
    post = sp.newest_post("wisata")
    canonical = sp.site_url() + post.url
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(demo_url + post.url)
        share = page.locator(".etalase-share")
        links = {
            a["text"].strip(): a["href"]
            for a in share.locator("a").evaluate_all("links => links.map(a => ({text: a.innerText, href: a.href}))")
        }
        whatsapp = urlsplit(links["WhatsApp"])
        assert (whatsapp.netloc, whatsapp.path) == ("wa.me", "/")
        assert parse_qs(whatsapp.query)["text"][0] == f"{post.title} {canonical}"
        facebook = urlsplit(links["Facebook"])
        assert (facebook.netloc, facebook.path) == ("www.facebook.com", "/sharer/sharer.php")
        assert parse_qs(facebook.query)["u"] == [canonical]
        x = urlsplit(links["X"])
        assert (x.netloc, x.path) == ("x.com", "/intent/post")
        assert parse_qs(x.query) == {"url": [canonical], "text": [post.title]}
        assert share.locator("script").count() == 0

        copy = share.get_by_role("button", name="Salin tautan")
        assert copy.is_visible()
        copy.click()
        page.get_by_text("Tautan disalin.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == canonical
    finally:
        context.close()


# -- listings -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(sp.LISTINGS))
def test_listing_pages_are_card_grids(tab, demo_url, demo_site, kind):
    url, expected = sp.LISTINGS[kind]
    page = tab(demo_url + url)
    assert page.locator("h1").count() == 1
    grid = page.locator(".etalase-grid")
    assert card_titles(grid) == sp.titles(expected)
    assert check_cards(grid, demo_site) == len(expected)
    crumbs = page.get_by_role("navigation", name="Remah roti")
    assert crumbs.get_by_role("link", name="Beranda").count() == 1
    if kind == "category":
        assert page.locator("h1").inner_text().strip() == "Wisata"
    if kind == "creator":
        bio = " ".join(sp.creator("rina-wulandari")["bio"].split())
        assert bio in " ".join(page.locator(".etalase-profile").inner_text().split())


def test_category_labels_are_indonesian_everywhere(tab, demo_url):
    page = tab(demo_url, viewport=DESKTOP)
    tabs = [t.strip() for t in page.locator(".md-tabs__link").all_inner_texts()]
    assert [label for label in tabs if label in sp.LABELS.values()] == list(sp.LABELS.values())
    assert not {"Tourism", "Culture", "Development", "Small business"} & set(tabs)


# -- reach --------------------------------------------------------------------------------


EVERY_PHOTO_LOADED = """async () => {
  const images = [...document.images];
  images.forEach(image => { image.loading = 'eager'; });  // as a reader scrolling to the end would load them
  await Promise.all(images.map(image => image.decode().catch(() => null)));
  await document.fonts.ready;
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))));
}"""
"""Resolves when every photo of the page, lazy ones included, has loaded (or failed) and two frames have passed."""


@pytest.mark.parametrize("kind", list(sp.page_types()))
def test_no_request_leaves_for_another_host(browser, demo_url, kind):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(demo_url + sp.page_types()[kind], wait_until="load")
        page.evaluate(EVERY_PHOTO_LOADED)
    finally:
        context.close()
    assert requested, "nothing was requested"
    outside = [url for url in requested if not url.startswith(demo_url) and not url.startswith("data:")]
    assert outside == []


def test_post_is_readable_and_navigable_without_javascript(tab, demo_url):
    post = sp.newest_post("umkm")
    page = tab(demo_url + post.url, javascript=False)
    assert page.locator("h1").inner_text().strip() == post.title
    assert page.locator(".etalase-post__body").is_visible()
    assert page.locator(".etalase-post__cover img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".etalase-info").get_by_role("link", name="Pesan lewat WhatsApp").is_visible()
    # The action bar is links: ordering, the map and sharing work without JavaScript too.
    bar = page.get_by_role("navigation", name="Tindakan cepat")
    assert bar.get_by_role("link", name="Pesan lewat WhatsApp").is_visible()
    bar.get_by_role("link", name="Bagikan").click()
    page.wait_for_url("**#etalase-share-judul")
    assert page.locator(".etalase-share").is_visible()
    assert page.locator(".etalase-share a").count() == 3
    assert not page.get_by_role("button", name="Salin tautan").is_visible()  # needs JavaScript
    # Without JavaScript the phone menu is a link to the menu's list, shown as its target.
    page.get_by_role("link", name="Menu", exact=True).click()
    drawer = page.get_by_role("navigation", name="Navigasi utama")
    wisata = drawer.get_by_role("link", name="Wisata", exact=True)
    wisata.wait_for(state="visible")
    wisata.click()
    page.wait_for_url("**/wisata/")
    assert page.locator("h1").inner_text().strip() == "Wisata"
    page.locator("article.etalase-card .etalase-card__title a").first.click()
    page.wait_for_url("**/artikel/**")
    assert page.locator(".etalase-post__body").is_visible()


@pytest.mark.parametrize("category", sp.CATEGORIES)
def test_post_transfers_under_250_kb_before_its_first_photo(browser, demo_url, category):
    """Everything the browser fetches before it starts on the first photo, uncompressed."""
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(demo_url + sp.newest_post(category).url, wait_until="load")  # the cover is eager: load waits for it
        timeline = [(r.timing["startTime"], r.url, r.sizes()) for r in finished]
    finally:
        context.close()
    timeline.sort()
    first_photo = next(i for i, (_, url, _) in enumerate(timeline) if "/media/" in url)
    before = sum(sizes["responseBodySize"] + sizes["responseHeadersSize"] for _, _, sizes in timeline[:first_photo])
    assert 0 < before < 250 * 1024, f"{before / 1024:.0f} KB before {timeline[first_photo][1]}"


def test_originals_are_never_published(demo_site):
    """The hero goes through the photo pipeline; no photo from docs/ or a bundle is copied as is."""
    originals = [
        p
        for p in demo_site.rglob("*")
        if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".heic"}
        and not p.relative_to(demo_site).as_posix().startswith(("media/", "assets/images/"))
    ]
    assert originals == []
    hero = sp.brand()["hero"]["photo"]
    assert not (demo_site / hero).exists()
    assert quote(Path(hero).stem) in sp.html_of(demo_site, "")  # its renditions keep the name


# -- contributed text -----------------------------------------------------------------------


def test_contributed_text_is_shown_as_text_never_as_markup(tmp_path, browser):
    """A title or summary with HTML in it is printed as text, in the page, its meta tags and its JSON-LD."""
    post = sp.newest_post("wisata")
    content = tmp_path / "content"  # the demo's creators and regions, and this one post
    shutil.copytree(DEMO_CONTENT / "creators", content / "creators")
    shutil.copyfile(DEMO_CONTENT / "regions.yml", content / "regions.yml")
    shutil.copytree(post.bundle, content / "posts" / post.slug)
    index = content / "posts" / post.slug / "index.md"
    title = 'Pantai "Biru" <b>&</b> </script><script>window.pwned=1</script>'
    summary = 'Ringkasan dengan "kutip" dan <img src=x onerror="window.pwned=1"> di dalamnya.'
    text = index.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: " + _yaml_string(title), text, count=1)
    text = re.sub(r"(?m)^summary: .*$", "summary: " + _yaml_string(summary), text, count=1)
    index.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build("--content", content, "--site-dir", site, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr

    url, server = serve(site)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for path in (post.url, "", "wisata/"):
            page.goto(url + path)
            assert page.evaluate("window.pwned") is None
        page.goto(url + post.url)
        assert page.locator("h1").inner_text().strip() == title
        assert page.locator(".etalase-post__lead").inner_text().strip() == summary
        assert page.locator("meta[property='og:title']").get_attribute("content") == title
        assert page.locator("meta[name=description]").get_attribute("content") == summary
        assert page.title().startswith(title)
        graph = json.loads(page.locator("script[type='application/ld+json']").inner_text())["@graph"]
        assert graph[0]["headline"] == title
    finally:
        context.close()
        server.shutdown()


def _yaml_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# -- a phone at 360 px, device scale 2 ------------------------------------------------------------


def open_phone(tab, url: str, javascript: bool = True):
    """A 360×800 phone at device scale 2, as the cheap Android phones visitors use (a kept tab, loaded)."""
    return tab(url, viewport={"width": 360, "height": 800}, scale=2, javascript=javascript)


@pytest.mark.parametrize("url", ["", "umkm/", sp.newest_post("umkm").url, "agenda/"])
def test_the_footer_is_at_most_320_px_tall_on_a_phone(tab, demo_url, url):
    page = open_phone(tab, demo_url + url)
    height = page.locator("footer.etalase-footer").evaluate("f => f.getBoundingClientRect().height")
    links = page.locator("footer nav a").all_inner_texts()
    assert height <= 320, height
    assert {"Kreator", "Arsip", "Laporan", "Aksesibilitas", "RSS", "Jadi kontributor", "Kirim pos baru"} <= {
        link.strip() for link in links
    }


def test_the_breadcrumb_is_one_line_on_a_phone(tab, demo_url):
    page = open_phone(tab, demo_url + sp.newest_post("wisata").url)
    crumbs = page.locator(".etalase-crumbs")
    height = crumbs.evaluate("c => c.getBoundingClientRect().height")
    line = crumbs.locator("a").first.evaluate("a => a.getBoundingClientRect().height")
    shown = [li.inner_text().strip() for li in crumbs.locator("li").all() if li.is_visible()]
    assert height <= line + 8, (height, line)
    assert shown == ["Beranda", "Wisata"]  # the post's own title is its heading, just below


@pytest.mark.parametrize("javascript", [True, False])
def test_a_whatsapp_order_link_is_in_view_halfway_down_a_umkm_post(tab, demo_url, javascript):
    """The action bar: in view at any scroll, and the page keeps room so the bar never hides its end."""
    page = open_phone(tab, demo_url + sp.newest_post("umkm").url, javascript=javascript)
    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)")
    link = page.get_by_role("navigation", name="Tindakan cepat").get_by_role("link", name="Pesan lewat WhatsApp")
    assert link.get_attribute("href").startswith("https://wa.me/62")
    box = link.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800
    assert link.evaluate(
        "a => { const r = a.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return a.contains(hit); }"
    )
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    bar_top = page.locator(".etalase-actionbar").evaluate("b => b.getBoundingClientRect().top")
    footer_end = page.locator(".etalase-footer__meta").evaluate("p => p.getBoundingClientRect().bottom")
    assert footer_end <= bar_top + 1, (footer_end, bar_top)


# -- the visitors' lean layout: its CSS, its typeface, its weight ----------------------------------

VISITOR_PAGES = ("", "wisata/", sp.newest_post("umkm").url, "agenda/", "cari/", "tentang/", "aksesibilitas/")
FONT = "assets/fonts/plus-jakarta-sans-latin-800-normal.woff2"


def _stylesheets(site: Path, url: str) -> list[Path]:
    """The files of the stylesheets the page at ``url`` links, in order."""
    from bs4 import BeautifulSoup

    html = (site / url / "index.html") if url != "404.html" else site / url
    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    folder = html.parent
    hrefs = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    return [(site / h.lstrip("/") if h.startswith("/") else folder / h).resolve() for h in hrefs]  # 404.html: absolute


@pytest.mark.parametrize("url", [*VISITOR_PAGES, "404.html"])
def test_visitor_pages_link_only_our_css_under_15_kb_gzipped(demo_site, url):
    import gzip

    sheets = _stylesheets(demo_site, url)
    names = [sheet.relative_to(demo_site.resolve()).as_posix() for sheet in sheets]
    assert names[0] == "assets/etalase.css" and set(names) <= {"assets/etalase.css", "assets/etalase-search.css"}
    gzipped = sum(len(gzip.compress(sheet.read_bytes(), 9)) for sheet in sheets)
    assert gzipped <= 15_000, f"{gzipped} bytes of CSS, gzipped"
    html = (demo_site / url / "index.html") if url != "404.html" else demo_site / url
    text = html.read_text(encoding="utf-8")
    assert "assets/stylesheets/" not in text and "assets/javascripts/" not in text  # nothing of Material's
    prefix = "/" if url == "404.html" else "../" * url.count("/")
    assert f'<link rel="preload" href="{prefix}{FONT}" as="font" type="font/woff2" crossorigin>' in text


def test_the_guide_keeps_material_s_documentation_layout(demo_site):
    names = [s.relative_to(demo_site.resolve()).as_posix() for s in _stylesheets(demo_site, "panduan/lewat-github/")]
    assert names[0].startswith("assets/stylesheets/main.") and names[-2:] == [
        "assets/etalase.css",
        "assets/etalase-guide.css",
    ]
    assert 'class="md-sidebar md-sidebar--primary"' in sp.html_of(demo_site, "panduan/lewat-github/")


def test_headings_use_the_vendored_typeface(demo_site):
    """One woff2 file, Latin subset, under 30 KB, with its OFL licence; swapped in; no font service."""
    font = demo_site / FONT
    assert font.read_bytes()[:4] == b"wOF2" and font.stat().st_size <= 30_000
    assert "SIL Open Font License, Version 1.1" in (demo_site / "assets/fonts/OFL.txt").read_text(encoding="utf-8")
    css = (demo_site / "assets/etalase.css").read_text(encoding="utf-8")
    face = re.search(r"@font-face \{(.*?)\}", css, re.S).group(1)
    assert 'font-family: "Plus Jakarta Sans"' in face and "font-display: swap" in face
    assert 'url("fonts/plus-jakarta-sans-latin-800-normal.woff2") format("woff2")' in face
    assert sp.site_config().theme["font"] is False


def test_the_vendored_typeface_is_the_pinned_package_s_file(tmp_path):
    """`make vendor-font` copies exactly the committed files from the package pinned in package.json."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    package = "@fontsource/plus-jakarta-sans"
    pinned = json.loads((root / "package.json").read_text(encoding="utf-8"))["devDependencies"][package]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)  # an exact version, not a range
    locked = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    assert locked["packages"][f"node_modules/{package}"]["version"] == pinned
    source = root / "node_modules" / package / "package.json"
    if not source.exists() and not os.environ.get("CI"):  # CI's `make test` runs `npm ci` first: there it must be
        pytest.skip(f"{package} is not in node_modules yet: run `npm ci`")
    installed = json.loads(source.read_text(encoding="utf-8"))
    assert installed["version"] == pinned and installed["license"] == "OFL-1.1"  # node_modules as `npm ci` installs it
    made = subprocess.run(
        ["make", "-s", "-o", "node_modules/.package-lock.json", "vendor-font", f"FONT_DIR={tmp_path}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    for name in (Path(FONT).name, "OFL.txt"):
        assert (tmp_path / name).read_bytes() == (root / "docs/assets/fonts" / name).read_bytes()


def test_headings_are_drawn_in_the_typeface_once_loaded(tab, demo_url):
    page = tab(demo_url + sp.newest_post("wisata").url)
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('800 1em \"Plus Jakarta Sans\"')")
    family = page.locator("h1").evaluate("h => getComputedStyle(h).fontFamily")
    assert family.startswith('"Plus Jakarta Sans"')
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert loaded == ['"Plus Jakarta Sans"'] or loaded == ["Plus Jakarta Sans"]


def test_tentang_is_the_regency_s_page_from_the_brand(demo_site):
    from bs4 import BeautifulSoup

    brand = sp.brand()
    page = BeautifulSoup(sp.html_of(demo_site, "tentang/"), "html.parser")
    article = page.select_one("main article")
    assert article.select_one("h1").get_text(strip=True) == f"Tentang {brand['name']}"
    assert "para kreator lokal" in article.get_text()  # the Markdown file's own text
    ways = [li.get_text(strip=True) for li in article.select("#cara-ke-sini + ul li")]
    assert ways == brand["getting_here"]
    assert [a["href"] for a in article.select("a.md-button") if "Buka peta" in a.get_text()] == [
        brand["contact"]["map"]
    ]
    assert article.select_one(f'a[href="mailto:{brand["contact"]["email"]}"]')
    assert article.select_one('a[href="https://wa.me/6281200000000"]')
    assert article.select(".etalase-about__social a")[0]["href"] == brand["social"]["instagram"]
    assert "dibuat dengan Etalase" in article.select_one(".etalase-about__credit").get_text()
    assert "assets/stylesheets/" not in str(page)


def _home_transfer(demo_site: Path, browser) -> tuple[int, int]:
    """Bytes home transfers at 360x800 (device scale 2, served gzipped as static hosts do), every
    request counted: after the load, then after scrolling to the end."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import lighthouse  # noqa: E402  bench/lighthouse.py: its server gzips text

    base, server = lighthouse.serve(demo_site, compress=True)
    context = browser.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=2, locale="id-ID")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request.sizes()))
    try:
        page.goto(base, wait_until="load")
        page.wait_for_load_state("networkidle")
        first = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in finished)
        for _ in range(60):
            if page.evaluate("scrollY + innerHeight >= document.documentElement.scrollHeight - 1"):
                break
            page.mouse.wheel(0, 600)
            page.wait_for_timeout(50)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        scrolled = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in finished)
    finally:
        context.close()
        server.shutdown()
    return first, scrolled


@pytest.fixture(scope="module")
def home_transfer(demo_site, browser) -> tuple[int, int]:
    return _home_transfer(demo_site, browser)


def test_home_first_load_is_at_most_150_kb(home_transfer):
    first, _ = home_transfer
    assert 0 < first <= 150 * 1024, f"{first / 1024:.0f} KB"


def test_home_scrolled_to_the_end_is_at_most_250_kb(home_transfer):
    _, scrolled = home_transfer
    assert scrolled <= 250 * 1024, f"{scrolled / 1024:.0f} KB"


@pytest.mark.parametrize("url", ["", "umkm/"])
def test_card_photos_are_files_sized_to_their_slot_on_a_phone(tab, demo_url, url):
    """At 360×800, device scale 2, every card photo's chosen file is at most 2.6 times its shown width
    (a 112 px thumbnail slot gets the 224 px file, not a 400 px one), and none is upscaled."""
    page = open_phone(tab, demo_url + url)
    images = page.locator("article.etalase-card img")
    count = images.count()
    shown = []
    for i in range(count):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        image.evaluate("i => i.decode()")
        # naturalWidth of a srcset image is divided by the density the browser chose: load the file alone
        shown.append(
            image.evaluate(
                """i => new Promise(done => {
                    const file = new Image();
                    file.onload = () => done([i.currentSrc, file.naturalWidth, i.getBoundingClientRect().width]);
                    file.src = i.currentSrc;
                })"""
            )
        )
    assert count >= 3
    for source, natural, width in shown:
        assert width > 0 and natural <= 2.6 * width, (source, natural, width)
        assert natural >= 1.5 * width or "-thumb-" not in source, (source, natural, width)  # sharp at scale 2
    thumbs = [(natural, round(width)) for source, natural, width in shown if "-thumb-" in source]
    assert thumbs and set(thumbs) == {(224, 112)}, thumbs


def test_the_report_s_month_table_scrolls_visibly_and_by_keyboard_on_a_phone(tab, demo_url):
    """The table of posts per month and category is wider than a phone: a labelled region that takes focus,
    scrolls sideways with the arrow keys, shows a shadow at its edge and says that it scrolls."""
    page = open_phone(tab, demo_url + "laporan/")
    region = page.get_by_role("region", name="Tabel: Pos per bulan menurut kategori")
    sizes = region.evaluate("r => [r.scrollWidth, r.clientWidth, getComputedStyle(r).overflowX]")
    shadows = region.evaluate("r => getComputedStyle(r).backgroundImage")
    hint = page.locator(".etalase-table__hint").first
    hint_text = hint.inner_text() if hint.is_visible() else None
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.activeElement.scrollLeft > 0 || document.activeElement.getAttribute('tabindex') !== '0'"
    )
    scrolled = region.evaluate("r => [document.activeElement === r, r.scrollLeft]")
    assert sizes[0] > sizes[1] and sizes[2] == "auto", sizes
    assert shadows.count("radial-gradient") == 2, shadows
    assert hint_text == "Geser tabel ke samping untuk melihat semua kolom →"
    assert scrolled[0] and scrolled[1] > 0, scrolled
