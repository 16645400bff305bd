"""The brand block reaches the pages: each category's colour and the ``copyright`` line.

One post of the demo (a budaya post) built with a brand that sets its own category colours and copyright;
its photos and share cards come from the session's demo build (:func:`conftest.seed_caches`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, content_cache, run_build, seed_caches
from small_site import POST, one_post_content

COLOURS = {"wisata": "#125b49", "umkm": "#8a3d00", "budaya": "#6b2157", "pembangunan": "#27407d"}
"""Each darker than the demo's, so that white text still reads (4.5:1)."""
COPYRIGHT = "© 2026 Pemerintah Kabupaten Uji. Teks CC BY 4.0, foto milik pemotretnya."


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory, demo_build: Path) -> Path:
    folder = tmp_path_factory.mktemp("merek")
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = str(ROOT / "docs")
    data["theme"]["custom_dir"] = str(ROOT / "overrides")
    data["extra"]["brand"]["colors"]["categories"] = COLOURS
    data["extra"]["brand"]["copyright"] = COPYRIGHT
    data["plugins"] = [{"etalase": {"cache_dir": str(folder / "cache")}}]
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = one_post_content(folder)
    seed_caches(demo_build, content_cache(config, content))
    result = run_build("--config", config, "--content", content, "--site-dir", folder / "site", "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def test_every_page_carries_the_brand_s_category_colours(branded: Path) -> None:
    for url in ("", f"artikel/{POST}/", "budaya/", "laporan/"):
        html = (branded / url / "index.html").read_text(encoding="utf-8")
        assert (
            "--etalase-wisata:#125b49;--etalase-umkm:#8a3d00;--etalase-budaya:#6b2157;--etalase-pembangunan:#27407d}"
        ) in html, url
        assert "#0f6e56" not in html and "#8a2a6b" not in html, url  # nothing of the demo's wisata or budaya


def test_the_report_legend_uses_the_brand_s_colours(branded: Path) -> None:
    report = (branded / "laporan" / "index.html").read_text(encoding="utf-8")
    assert 'fill="#6b2157"' in report


def test_every_page_ends_with_the_brand_s_copyright(branded: Path) -> None:
    for url in ("", f"artikel/{POST}/", "panduan/"):
        html = (branded / url / "index.html").read_text(encoding="utf-8")
        footer = BeautifulSoup(html, "html.parser").find("footer")
        assert footer is not None and COPYRIGHT in footer.get_text(" ", strip=True), url
        assert "© Dinas Komunikasi dan Informatika Kabupaten Sekar Laut" not in html, url
