"""What the demo site files a place under: the search's "wilayah" filter is the kecamatan, never the desa, and
``/ramah-difabel/`` lists a place a wheelchair gets into only partly. Read from the session's demo build."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import search_records

GENDANG = "lomba-tabuh-gendang-pasar-lama"
"""Region ``sekar-kota/pasar-lama`` (desa Pasar Lama, kecamatan Sekar Kota); wheelchair ``sebagian``, nothing else."""
BUAH_TIN = "olahan-buah-tin-kebun-kopi"
"""Region ``bukit-jati/kebun-kopi`` (desa Kebun Kopi, kecamatan Bukit Jati)."""


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def filters(site: Path, slug: str) -> dict[str, list[str]]:
    spans = page(site, f"artikel/{slug}").select("[data-pagefind-filter]")
    found: dict[str, list[str]] = {}
    for span in spans:
        found.setdefault(str(span["data-pagefind-filter"]), []).append(span.get_text())
    return found


def test_a_post_in_a_desa_is_filed_under_its_kecamatan(demo_site: Path) -> None:
    assert filters(demo_site, GENDANG)["wilayah"] == ["Sekar Kota"]
    assert filters(demo_site, BUAH_TIN)["wilayah"] == ["Bukit Jati"]
    indexed = {record["url"].strip("/").split("/")[-1]: record["filters"] for record in search_records(demo_site)}
    assert indexed[GENDANG]["wilayah"] == ["Sekar Kota"]
    offered = set().union(*(set(f.get("wilayah", [])) for f in indexed.values()))
    assert offered == {"Sekar Kota", "Tanjung Sari", "Bukit Jati", "Muara Dua"}  # kecamatan only, no desa


def test_a_place_partly_open_to_wheelchairs_is_listed_as_accessible(demo_site: Path) -> None:
    assert filters(demo_site, GENDANG)["aksesibilitas"] == ["Sebagian ramah kursi roda"]
    listed = {
        link["href"].strip("/").split("/")[-1]
        for link in page(demo_site, "ramah-difabel").select(".md-content a[href*='artikel/']")
    }
    assert GENDANG in listed and BUAH_TIN in listed
