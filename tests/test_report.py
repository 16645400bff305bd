"""The report (``/laporan/``) of a programme with known figures: its tables, charts, JSON and CSV.

The content is ``programme_content``'s; every expected number below was
counted by hand from the table in its docstring.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup, Tag

from etalase.build import charts

import site_pages as sp
from conftest import serve
from programme_content import build_programme

MONTHS = [
    "Desember 2025",
    "Januari 2026",
    "Februari 2026",
    "Maret 2026",
    "April 2026",
    "Mei 2026",
    "Juni 2026",
    "Juli 2026",
    "Agustus 2026",
    "September 2026",
    "Oktober 2026",
    "November 2026",
]
KEYS = [
    "2025-12",
    "2026-01",
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
    "2026-10",
    "2026-11",
]
PER_MONTH = {  # wisata, umkm, budaya, pembangunan; other months have none
    "Januari 2026": (0, 1, 0, 0),
    "September 2026": (0, 0, 1, 0),
    "Oktober 2026": (1, 1, 0, 0),
    "November 2026": (1, 0, 2, 1),
}
ACTIVE = {"Januari 2026": 1, "September 2026": 1, "Oktober 2026": 2, "November 2026": 3}
TABLES = {
    "grafik-pos-bulanan": (
        "Pos per bulan menurut kategori",
        ["Bulan", "Wisata", "UMKM", "Budaya", "Pembangunan", "Jumlah"],
        [
            [month, *map(str, PER_MONTH.get(month, (0, 0, 0, 0))), str(sum(PER_MONTH.get(month, ())))]
            for month in MONTHS
        ],
    ),
    "grafik-kecamatan": (
        "Pos per kecamatan",
        ["Kecamatan", "Pos"],
        [["Kec. Timur", "0"], ["Kec. Barat", "1"], ["Kec. Utara", "3"], ["Kec. Selatan", "4"]],
    ),
    "grafik-kreator-teraktif": (
        "Kreator paling aktif",
        ["Kreator", "Pos"],
        [["Budi Santoso", "4"], ["Ani Rahma", "3"], ["Citra Dewi", "1"], ["Eka Putri", "1"]],
    ),
    "grafik-kreator-aktif": (
        "Kreator aktif per bulan",
        ["Bulan", "Kreator aktif"],
        [[month, str(ACTIVE.get(month, 0))] for month in MONTHS],
    ),
}
CSV_ROWS = [
    ["bulan", "kategori", "kecamatan_id", "kecamatan", "kreator_id", "kreator", "pos"],
    ["2026-01", "UMKM", "selatan", "Selatan", "budi", "Budi Santoso", "1"],
    ["2026-09", "Budaya", "barat", "Barat", "eka", "Eka Putri", "1"],
    ["2026-10", "Wisata", "utara", "Utara", "ani", "Ani Rahma", "1"],
    ["2026-10", "UMKM", "utara", "Utara", "ani", "Ani Rahma", "1"],
    ["2026-10", "UMKM", "utara", "Utara", "budi", "Budi Santoso", "1"],
    ["2026-11", "Wisata", "utara", "Utara", "ani", "Ani Rahma", "1"],
    ["2026-11", "Budaya", "selatan", "Selatan", "budi", "Budi Santoso", "2"],
    ["2026-11", "Pembangunan", "selatan", "Selatan", "citra", "Citra Dewi", "1"],
]


def report_html(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "laporan" / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(tag: Tag) -> str:
    return tag.get_text(" ", strip=True)


def served_bytes(site: Path) -> int:
    """What a 360 px phone at DPR 2 fetches of the nine photos: p1's cover at 800 px, its 600 px gallery photo
    at 480 px (its widest), and the seven 96 px covers of the other posts at 96 px (one file, seven photos)."""

    def size(pattern: str) -> int:
        [file] = site.glob(f"media/*/{pattern}")
        return file.stat().st_size

    return size("cover-800.webp") + size("galeri-480.webp") + 7 * size("cover-96.webp")


def test_each_chart_has_its_title_description_drawing_and_table(programme_site):
    page = report_html(programme_site)
    sections = page.select("section.etalase-chart")
    assert [section.h2["id"] for section in sections] == list(TABLES)
    for section in sections:
        title, head, rows = TABLES[section.h2["id"]]
        assert text(section.h2) == title
        description = text(section.p)
        svg = section.find("svg")
        assert svg["role"] == "img"
        assert text(svg.find("title")) == title and text(svg.find("desc")) == description
        assert svg["aria-labelledby"] == svg.find("title")["id"]
        assert svg["aria-describedby"] == svg.find("desc")["id"]
        table = section.select_one("[role=region] table")
        assert [text(cell) for cell in table.select("thead th")] == head
        assert [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")] == rows
        assert [cell["scope"] for cell in table.select("tbody th")] == ["row"] * len(rows)


def test_descriptions_name_the_period_the_peaks_and_the_uncovered_kecamatan(programme_site):
    descriptions = {
        section.h2["id"]: text(section.p) for section in report_html(programme_site).select(".etalase-chart")
    }
    assert "Desember 2025 sampai November 2026" in descriptions["grafik-pos-bulanan"]
    assert "bertumpuk dari bawah: Wisata, UMKM, Budaya, Pembangunan" in descriptions["grafik-pos-bulanan"]
    assert "Seluruhnya 8 pos; terbanyak November 2026 (4 pos)." in descriptions["grafik-pos-bulanan"]
    assert descriptions["grafik-kecamatan"].endswith("Belum ada pos dari Kec. Timur.")
    assert descriptions["grafik-kreator-teraktif"].endswith("Teratas: Budi Santoso (4 pos).")
    assert descriptions["grafik-kreator-aktif"].endswith("Tertinggi November 2026 (3 kreator).")


def test_the_legend_names_each_category_with_its_brand_colour_and_a_pattern(programme_site):
    svg = report_html(programme_site).select_one("section[aria-labelledby=grafik-pos-bulanan] svg")
    labels = [text(label) for label in svg.find_all("text")]
    assert labels[:4] == ["Wisata", "UMKM", "Budaya", "Pembangunan"]
    colours = sp.brand()["colors"]["categories"]
    swatches = [rect["fill"] for rect in svg.find_all("rect", width="13")]
    assert swatches[0] == colours["wisata"]  # solid
    patterns = {pattern["id"]: pattern.rect["fill"] for pattern in svg.find_all("pattern")}
    assert [patterns[fill[5:-1]] for fill in swatches[1:]] == [
        colours["umkm"],
        colours["budaya"],
        colours["pembangunan"],
    ]
    assert len(set(swatches)) == 4
    # The zero kecamatan is written out, not left as a missing bar.
    kecamatan = report_html(programme_site).select_one("section[aria-labelledby=grafik-kecamatan] svg")
    assert [text(label) for label in kecamatan.find_all("text")][:2] == ["Kec. Timur", "0 · belum ada pos"]


def test_summary_counts_posts_creators_photos_weight_and_accessibility(programme_site):
    summary = report_html(programme_site).select(".etalase-report__summary > div")
    kilobytes = round(served_bytes(programme_site) / 1000)
    assert [(text(item.dt), text(item.dd)) for item in summary] == [
        ("Pos terbit", "8"),
        ("Kreator yang menerbitkan pos", "4"),
        ("Foto terbit", "9"),
        ("Bobot foto yang diunduh ponsel", f"{kilobytes} KB"),
        # p1 and p3 of the seven posts about a place (p4 is pembangunan): 2/7 = 28.6 %.
        ("Pos tentang tempat dengan info aksesibilitas", "2 dari 7 (29%)"),
    ]
    period = text(report_html(programme_site).select_one(".etalase-report__period"))
    assert period == "Periode Desember 2025 – November 2026 · data hingga 28 November 2026 (pos terbaru)"


def test_json_has_the_same_figures(programme_site):
    data = json.loads((programme_site / "laporan" / "laporan.json").read_text(encoding="utf-8"))
    assert data["period"] == {"from": "2025-12", "to": "2026-11"}
    assert data["data_until"] == "2026-11-28T08:00:00+07:00"
    assert data["posts"] == 8
    assert [
        (month["month"], month["label"], month["posts"], month["by_category"]) for month in data["posts_per_month"]
    ] == [
        (
            key,
            label,
            sum(PER_MONTH.get(label, ())),
            dict(zip(["wisata", "umkm", "budaya", "pembangunan"], PER_MONTH.get(label, (0, 0, 0, 0)))),
        )
        for key, label in zip(KEYS, MONTHS)
    ]
    assert data["posts_per_kecamatan"] == [
        {"id": "utara", "name": "Utara", "posts": 3},
        {"id": "selatan", "name": "Selatan", "posts": 4},
        {"id": "timur", "name": "Timur", "posts": 0},
        {"id": "barat", "name": "Barat", "posts": 1},
    ]
    assert data["creators_with_posts"] == 4
    assert data["most_active_creators"] == [
        {"id": "budi", "name": "Budi Santoso", "posts": 4},
        {"id": "ani", "name": "Ani Rahma", "posts": 3},
        {"id": "citra", "name": "Citra Dewi", "posts": 1},
        {"id": "eka", "name": "Eka Putri", "posts": 1},
    ]
    assert data["active_creators_per_month"] == [
        {"month": key, "creators": ACTIVE.get(label, 0)} for key, label in zip(KEYS, MONTHS)
    ]
    assert (data["photos"]["published"], data["photos"]["bytes_as_served"]) == (9, served_bytes(programme_site))
    assert data["accessibility"] == {"place_posts": 7, "with_accessibility": 2}


def test_csv_has_one_row_per_month_category_kecamatan_and_creator(programme_site):
    raw = (programme_site / "laporan" / "laporan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the names right
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))) == CSV_ROWS


def test_the_report_links_its_files_and_is_linked_from_the_footer_and_the_editors_guide(programme_site):
    page = report_html(programme_site)
    for name in ("laporan.csv", "laporan.json"):
        assert page.select_one(f'.etalase-listing__header a[href="{name}"]')
    home = BeautifulSoup((programme_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('.etalase-footer a[href="laporan/"]').get_text(strip=True) == "Laporan"
    guide = BeautifulSoup(
        (programme_site / "panduan" / "editor" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert guide.select_one('.md-content a[href="../../laporan/"]')


def test_the_report_is_dated_by_the_content_not_by_the_clock(programme_site, tmp_path):
    """Built again a fortnight later (before the scheduled post is due): the same bytes."""
    later = build_programme(tmp_path, "--now", "2026-12-15T08:00:00+07:00")
    for name in ("index.html", "laporan.json", "laporan.csv"):
        assert (later / "laporan" / name).read_bytes() == (programme_site / "laporan" / name).read_bytes(), name


def test_charts_fit_a_360_px_phone_and_their_text_stays_readable(browser, programme_site):
    url, server = serve(programme_site)
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="id-ID")
    try:
        page = context.new_page()
        page.goto(url + "laporan/", wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for svg in page.locator(".etalase-chart svg").all():
            box = svg.bounding_box()
            assert box and 300 <= box["width"] <= 344
            font = svg.evaluate(
                "s => parseFloat(s.getAttribute('font-size')) * s.getBoundingClientRect().width"
                " / s.viewBox.baseVal.width"
            )
            assert font >= 12
    finally:
        context.close()
        server.shutdown()


def test_names_in_a_chart_are_escaped_and_long_ones_cut():
    hostile = "<script>alert(1)</script> & Co"
    svg = str(
        charts.bars(
            "uji",
            "Judul <b>",
            "Uraian & lain",
            [(hostile, 2), ("Nama " * 30, 1), ("Nol", 0)],
            "#0b5563",
            "pos",
            "0 · belum ada pos",
            "#b4411b",
        )
    )
    assert "<script>" not in svg and "<b>" not in svg
    root = ElementTree.fromstring(svg)  # well-formed: it is also valid as a standalone SVG file
    space = "{http://www.w3.org/2000/svg}"
    assert (root.find(f"{space}title").text, root.find(f"{space}desc").text) == ("Judul <b>", "Uraian & lain")
    labels = [element.text for element in root.iter(f"{space}text")]
    assert labels[:2] == [hostile, "2 pos"]
    assert labels[2].endswith("…") and len(labels[2]) < len("Nama " * 30)
    assert labels[4:] == ["Nol", "0 · belum ada pos"]
