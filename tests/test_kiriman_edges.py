"""The form route at its edges: the brand's time zone, the AI flag on every photo, a third post of the same
title, a login written ``@login``, and the photo limits of the converter and of the publishing step.

The converter runs in this process (``kiriman.main``, the function ``etalase kiriman convert`` calls): these
tests are about what it writes, not about starting it.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from etalase.kiriman import accept as kiriman_publish
from etalase.kiriman import convert as kiriman

from conftest import LOGIN, NOW, ROOT, add_login
from test_kiriman import fixture, front_matter, make_assets

WISATA_SLUG = "telaga-biru-di-balik-bukit-jati-air"
UMKM_SLUG = "keripik-tempe-bu-sari-renyah-dari-pasar"


def convert(
    body: str,
    content: Path,
    tmp_path: Path,
    *,
    author: str = LOGIN,
    config: Path = ROOT / "mkdocs.yml",
    assets: Path | None = None,
) -> tuple[int, str]:
    """Run the converter as the workflow does; returns its exit status and what it printed."""
    body_file = tmp_path / "issue.md"
    body_file.write_text(body, encoding="utf-8")
    args = ["--body", str(body_file), "--author", author, "--issue", "7", "--content", str(content)]
    args += ["--now", NOW, "--config", str(config), "--assets", str(assets or make_assets(tmp_path / "lampiran"))]
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = kiriman.main(args)
    return code, out.getvalue()


def brand_in_zone(folder: Path, zone: str) -> Path:
    """The checkout's ``mkdocs.yml`` with ``extra.brand.timezone`` set to ``zone``."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["extra"]["brand"]["timezone"] = zone
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("WITA", "2026-12-20 08:00 WITA"), ("WIT", "2026-12-20 08:00 WIT"), ("wita", "2026-12-20 08:00 WITA")],
)
def test_a_date_written_without_a_zone_is_in_the_brand_s_zone(
    content: Path, tmp_path: Path, zone: str, expected: str
) -> None:
    body = fixture("wisata").replace("### Tanggal terbit\n\n_No response_", "### Tanggal terbit\n\n20/12/2026 08.00")
    code, out = convert(body, content, tmp_path, config=brand_in_zone(tmp_path, zone))
    assert code == 0, out
    data, _ = front_matter(content / "posts" / WISATA_SLUG)
    assert data["date"] == expected


def test_the_ai_answer_marks_every_photo(content: Path, tmp_path: Path) -> None:
    body = fixture("wisata").replace(
        "### Dibuat atau diubah dengan AI\n\ntidak", "### Dibuat atau diubah dengan AI\n\nya"
    )
    code, out = convert(body, content, tmp_path)
    assert code == 0, out
    data, _ = front_matter(content / "posts" / WISATA_SLUG)
    assert data["cover"]["ai_generated"] is True
    assert data["gallery"] == [
        {"file": "foto-1.jpg", "alt": "Jalan setapak berbatu menuju telaga", "ai_generated": True}
    ]


def test_the_third_post_of_a_title_and_the_third_creator_of_a_name_get_free_names(
    content: Path, tmp_path: Path
) -> None:
    # Two creators named Sari Rahayu already, neither with the login bu-sari.
    for name in ("sari-rahayu", "sari-rahayu-2"):
        (content / "creators" / f"{name}.yml").write_text("name: Sari Lain\nbio: Orang lain.\n", encoding="utf-8")
    assets = make_assets(tmp_path / "lampiran")
    printed = []
    for _ in range(3):
        code, out = convert(fixture("umkm"), content, tmp_path, author="bu-sari", assets=assets)
        assert code == 0, out
        printed.append(out.strip().splitlines()[-1])
    posts = content / "posts"
    assert printed == [str(posts / UMKM_SLUG), str(posts / f"{UMKM_SLUG}-2"), str(posts / f"{UMKM_SLUG}-3")]
    assert (content / "creators" / "sari-rahayu-3.yml").read_text(encoding="utf-8") == (
        "# Kreator baru dari kiriman formulir (issue #7).\n"
        "name: Sari Rahayu\nbio: Pemilik usaha keripik tempe di Pasar Lama sejak 2009.\ngithub: bu-sari\n"
    )
    for slug in (UMKM_SLUG, f"{UMKM_SLUG}-2", f"{UMKM_SLUG}-3"):
        assert front_matter(content / "posts" / slug)[0]["creators"] == ["sari-rahayu-3"]


def test_a_creator_file_that_writes_the_login_with_an_at_sign_is_matched(content_copy: Path, tmp_path: Path) -> None:
    add_login(content_copy, login=f'"@{LOGIN.upper()}"')
    creators = sorted(path.name for path in (content_copy / "creators").iterdir())
    code, out = convert(fixture("wisata"), content_copy, tmp_path)
    assert code == 0, out
    assert front_matter(content_copy / "posts" / WISATA_SLUG)[0]["creators"] == ["rina-wulandari"]
    assert sorted(path.name for path in (content_copy / "creators").iterdir()) == creators  # no new creator


def photos_answer(count: int) -> str:
    """``count`` photos dropped into the form (attachment ids no folder holds: nothing is decoded)."""
    return "\n".join(
        f"![IMG_{n}](https://github.com/user-attachments/assets/00000000-0000-4000-8000-{n:012d})" for n in range(count)
    )


def with_photos(count: int) -> str:
    body = fixture("wisata")
    return re.sub(r"(### Foto\n\n)(.*?)(\n\n### )", lambda m: m[1] + photos_answer(count) + m[3], body, flags=re.S)


def test_the_converter_refuses_more_than_41_photos(content: Path, tmp_path: Path) -> None:
    code, out = convert(with_photos(42), content, tmp_path)
    assert code == 1
    assert "Foto: 42 foto; paling banyak 41\n    (en) photos: 42 photos; at most 41\n" in out
    code, out = convert(with_photos(41), content, tmp_path)
    assert code == 1  # the photos cannot be fetched here…
    assert "paling banyak 41" not in out  # …but 41 is allowed


def test_publishing_refuses_a_bundle_of_more_than_41_photos() -> None:
    bundle = f"posts/{WISATA_SLUG}/"
    result = kiriman_publish.Result.model_validate(
        {
            "ok": True,
            "issue": 7,
            "author": LOGIN,
            "category": "wisata",
            "title": "Telaga",
            "summary": None,
            "region": None,
            "slug": WISATA_SLUG,
            "creator": "rina-wulandari",
            "creator_new": False,
            "photos": 41,
            "bundle": bundle.rstrip("/"),
            "creator_file": None,
            "problems": [],
        }
    )
    photos = [bundle + "sampul.jpg", *(f"{bundle}foto-{n}.jpg" for n in range(1, 41))]
    kiriman_publish.expected_files(result, [bundle + "index.md", *photos])  # 41: accepted
    with pytest.raises(kiriman_publish.Refused, match=r"^folder pos tidak utuh \(index.md dan foto\)$"):
        kiriman_publish.expected_files(result, [bundle + "index.md", *photos, bundle + "foto-41.jpg"])
    with pytest.raises(ValueError, match="photos"):
        kiriman_publish.Result.model_validate(result.model_dump() | {"photos": 42})
