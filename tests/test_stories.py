"""Real stories fit: a place's accessibility, a project's progress and proof, a business's permits and prices.

A small content set with known values is built once; each test reads the
built pages as a reader, a search engine and Pagefind would.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from etalase.build.theme import event_time, site_name
from etalase.content.zones import WIB, WITA
from test_validation import BASE, make_content, with_category

from conftest import PHOTOS, run_build

ACCESSIBLE_BEACH = (
    BASE.replace("title: Pantai Pasir Putih yang Tenang", "title: Pantai Landai untuk Kursi Roda")
    + """\
accessibility:
  wheelchair: ya
  accessible_toilet: true
  accessible_parking: false
  path: Papan kayu rata 40 m dari parkir sampai bibir pantai
  notes: Kursi roda pantai bisa dipinjam di pos penjaga.
"""
)
PARTLY = (
    with_category("umkm")
    .replace("title: Pantai Pasir Putih yang Tenang", "title: Jamu Gendong Mbok Darmi")
    .replace("[Kopi robusta bubuk]", "\n    - name: Jamu kunyit asam\n      price: Rp8.000\n    - Beras kencur")
    .replace(
        "  address: Jl. Kebun Kopi No. 3\n",
        "  address: Jl. Kebun Kopi No. 3\n  certificates:\n"
        "    - type: pirt\n      number: P-IRT 1234567890123-45\n  links:\n    - https://shopee.co.id/jamu.darmi\n"
        "    - label: Katalog WhatsApp\n      url: https://wa.me/c/6281355502711\n",
    )
    + "accessibility:\n  wheelchair: sebagian\n  guide_dog_welcome: true\n"
)
STEPS = (
    with_category("budaya")
    .replace("title: Pantai Pasir Putih yang Tenang", "title: Tari Piring Sehari Penuh")
    .replace(
        "  start: 2026-12-20 19:00 WIB\n  end: 2026-12-20 22:00 WIB\n",
        "  start: 2026-06-13 09:00 WIB\n  end: 2026-06-13 12:00 WIB\n",
    )
    + "accessibility:\n  wheelchair: tidak\n  notes: Panggung di atas tangga batu.\n"
)
ROAD = (
    with_category("pembangunan")
    .replace("title: Pantai Pasir Putih yang Tenang", "title: Jalan Desa Sudah Mulus")
    .replace(
        "  status: selesai\n",
        "  status: berjalan\n  progress: 62\n  progress_date: 2026-09-30\n"
        "  start: 2026-05-02\n  target: 2026-11-30\n  funding: dana-desa\n  executor: TPK Desa Pasir Putih\n"
        "  volume: 850 m × 3 m\n",
    )
    + "    - title: Papan informasi proyek\n      photo: papan.jpg\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cerita")
    content = make_content(
        root / "content", {"pantai-landai": ACCESSIBLE_BEACH, "jamu": PARTLY, "tari": STEPS, "jalan": ROAD}
    )
    shutil.copyfile(PHOTOS[0], content / "posts" / "jalan" / "papan.jpg")
    result = run_build("--content", content, "--site-dir", root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def graph(page: BeautifulSoup) -> dict[str, dict]:
    return {
        item["@type"]: item for item in json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    }


def test_a_place_s_accessibility_is_its_own_section(site: Path) -> None:
    section = soup(site, "artikel/pantai-landai").select_one("section.etalase-a11y")
    assert section.h2.get_text(strip=True) == "Aksesibilitas"
    assert section.select_one(".etalase-a11y__wheelchair").get_text(strip=True) == "Ramah kursi roda"
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in section.select("dt")],
            [dd.get_text(strip=True) for dd in section.select("dd")],
            strict=True,
        )
    )
    assert facts == {"Toilet difabel": "Ada", "Parkir khusus difabel": "Tidak ada"}  # guide dogs: not said
    assert "Papan kayu rata 40 m dari parkir sampai bibir pantai" in section.get_text()
    assert "Kursi roda pantai bisa dipinjam di pos penjaga." in section.get_text()
    assert soup(site, "artikel/jalan").select_one("section.etalase-a11y") is None


def test_only_wheelchair_friendly_cards_carry_the_badge(site: Path) -> None:
    home = soup(site, "")
    badged = {
        card.select_one(".etalase-card__title").get_text(strip=True)
        for card in home.select("main article.etalase-card")
        if card.select_one(".etalase-badge--a11y")
    }
    assert badged == {"Pantai Landai untuk Kursi Roda"}
    badge = home.select_one(".etalase-badge--a11y")
    assert badge.get_text(strip=True) == "Ramah kursi roda" and badge.select_one("[aria-hidden=true] svg")


def test_the_accessible_places_page_lists_every_welcoming_place(site: Path) -> None:
    page = soup(site, "ramah-difabel")
    assert page.h1.get_text(strip=True) == "Ramah difabel"
    titles = [a.get_text(strip=True) for a in page.select(".etalase-card__title a")]
    assert titles == ["Jamu Gendong Mbok Darmi", "Pantai Landai untuk Kursi Roda"]  # not the stage up stone steps
    assert "Ramah difabel" in [a.get_text(strip=True) for a in soup(site, "").select("footer nav a")]


def test_accessibility_reaches_json_ld_and_the_search_filter(site: Path) -> None:
    beach = soup(site, "artikel/pantai-landai")
    features = {f["name"]: f["value"] for f in graph(beach)["TouristAttraction"]["amenityFeature"]}
    assert features == {"Akses kursi roda": True, "Toilet difabel": True, "Parkir khusus difabel": False}
    filters = sorted(span.get_text() for span in beach.select("[data-pagefind-filter=aksesibilitas]"))
    assert filters == ["Ramah kursi roda", "Toilet difabel"]
    event = graph(soup(site, "artikel/tari"))["Event"]
    assert {f["name"]: f["value"] for f in event["location"]["amenityFeature"]} == {"Akses kursi roda": False}
    assert graph(beach)["BlogPosting"]["accessibilityFeature"] == ["alternativeText"]


def test_the_search_page_offers_the_filter_values_the_posts_carry(site: Path) -> None:
    offered = {
        fieldset.legend.get_text(strip=True): [box["value"] for box in fieldset.select("input[type=checkbox]")]
        for fieldset in soup(site, "cari").select("[data-etalase-search-filters] fieldset")
    }
    assert offered["Aksesibilitas"] == [
        "Ramah kursi roda",
        "Sebagian ramah kursi roda",
        "Toilet difabel",
        "Anjing pemandu boleh masuk",
    ]  # the stage's "tidak" offers nothing
    assert offered["Kategori"] == ["Wisata", "UMKM", "Budaya", "Pembangunan"]
    carried = {
        span.get_text()
        for post in ("pantai-landai", "jamu", "tari", "jalan")
        for span in soup(site, f"artikel/{post}").select("[data-pagefind-filter]")
    }
    assert carried == {value for values in offered.values() for value in values}


def test_a_project_shows_its_progress_with_its_date_and_its_board_photo(site: Path) -> None:
    page = soup(site, "artikel/jalan")
    info = page.select_one("aside.etalase-info")
    bar = info.select_one("progress")
    assert (bar["max"], bar["value"]) == ("100", "62")
    label = page.find(id=bar["aria-labelledby"]).get_text(" ", strip=True)
    assert label == "Kemajuan pekerjaan: 62% per 30 September 2026"
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in info.select("dl > dt")],
            [dd.get_text(" ", strip=True) for dd in info.select("dl > dd")],
            strict=True,
        )
    )
    assert facts["Pelaksana"] == "TPK Desa Pasir Putih" and facts["Volume"] == "850 m × 3 m"
    assert facts["Jadwal"] == "mulai 2 Mei 2026 , target selesai 30 November 2026"
    assert facts["Sumber dana"] == "Dana desa"
    evidence = info.select_one(".etalase-evidence")
    assert evidence.img["alt"] == "Foto bukti: Papan informasi proyek"
    assert (site / "artikel" / "jalan" / evidence.img["src"]).is_file()
    assert "papan.jpg" not in str(page)  # the original is never published


def test_a_business_shows_prices_permits_and_named_links(site: Path) -> None:
    info = soup(site, "artikel/jamu").select_one("aside.etalase-info")
    products = [li.get_text(" ", strip=True) for li in info.select(".etalase-info__products li")]
    assert products == ["Jamu kunyit asam Rp8.000", "Beras kencur"]
    assert [li.get_text(strip=True) for li in info.select(".etalase-info__certificates li")] == [
        "P-IRT (izin pangan industri rumah tangga): P-IRT 1234567890123-45"
    ]
    assert [a.get_text(strip=True) for a in info.select(".etalase-info__links a")] == ["Shopee", "Katalog WhatsApp"]
    offers = graph(soup(site, "artikel/jamu"))["LocalBusiness"]["makesOffer"]
    assert offers[0] == {
        "@type": "Offer",
        "itemOffered": {"@type": "Product", "name": "Jamu kunyit asam"},
        "price": 8000,
        "priceCurrency": "IDR",
    }


def test_an_event_on_one_day_reads_as_one_day(site: Path) -> None:
    time = soup(site, "artikel/tari").select_one("aside.etalase-info time")
    assert time.get_text(strip=True) == "13 Juni 2026, 09.00–12.00 WIB"


def test_event_times_as_indonesians_write_them() -> None:
    start = datetime(2026, 6, 13, 19, 0, tzinfo=WITA)
    assert event_time(start) == "13 Juni 2026, 19.00 WITA"
    assert event_time(start, start.replace(hour=22)) == "13 Juni 2026, 19.00–22.00 WITA"
    assert (
        event_time(start, datetime(2026, 6, 14, 2, 0, tzinfo=WITA))
        == "13 Juni 2026, 19.00 WITA sampai 14 Juni 2026, 02.00 WITA"
    )
    assert (
        event_time(datetime(2026, 6, 13, 9, 0, tzinfo=WIB), datetime(2026, 6, 13, 11, 0, tzinfo=WITA))
        == "13 Juni 2026, 09.00 WIB sampai 13 Juni 2026, 11.00 WITA"
    )


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://shopee.co.id/jamu", "Shopee"),
        ("https://www.tokopedia.com/jamu", "Tokopedia"),
        ("https://www.instagram.com/jamu", "Instagram"),
        ("https://m.facebook.com/jamu", "Facebook"),
        ("https://wa.me/6281355502711", "WhatsApp"),
        ("https://jamudarmi.example.com/", "jamudarmi.example.com"),
    ],
)
def test_a_bare_link_is_named_by_its_site(url: str, name: str) -> None:
    assert site_name(url) == name
