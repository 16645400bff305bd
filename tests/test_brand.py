"""The brand block of mkdocs.yml is checked like content: each mistake has its own message, at its line.

Each case edits a copy of the real ``mkdocs.yml`` as a regency would (one line
changed, so line numbers are those of the file as edited), runs
``scripts/build.py --check --config COPY`` as ``make check`` does, and
compares what it prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etalase.content.brand import contrast

from conftest import DEMO_CONTENT, ROOT, run_check

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def edited(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """A copy of mkdocs.yml (theme and docs from the repository) with ``old`` replaced by ``new``."""
    assert old in CONFIG, old
    text = CONFIG.replace(old, new, 1)
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check(config: Path) -> tuple[int, list[str]]:
    result = run_check("--config", config, "--content", DEMO_CONTENT, cwd=config.parent)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result.returncode, [line for line in result.stdout.splitlines() if line.startswith("mkdocs.yml")]


CASES = {
    "misspelt key with did-you-mean": (
        "    colors:\n      primary:",
        "    colours:\n      primary:",
        "colours:",
        "extra.brand.colors: wajib diisi tetapi tidak ada",
    ),
    "colour without #": (
        'primary: "#0b5563"',
        'primary: "0b5563"',
        "primary:",
        'extra.brand.colors.primary: ditemukan "0b5563"; tulis warna sebagai #rrggbb, mis. #0b5563',
    ),
    "colour too light for white text": (
        'accent: "#b4411b"',
        'accent: "#f4a261"',
        "accent:",
        'extra.brand.colors.accent: ditemukan "#f4a261"; teks putih di atas warna ini hanya berkontras 2,06:1; '
        "perlu paling sedikit 4,5:1, pilih warna yang lebih gelap",
    ),
    "category that does not exist": (
        '        wisata: "#0f6e56"',
        '        wisatta: "#0f6e56"',
        "wisatta:",
        'extra.brand.colors.categories.wisatta: isian tidak dikenal (maksud Anda "wisata"?); '
        "yang diizinkan di sini: budaya, pembangunan, umkm, wisata",
    ),
    "hero photo missing": (
        "photo: assets/brand/hero.jpg",
        "photo: assets/brand/pahlawan.jpg",
        "photo: assets",
        'extra.brand.hero.photo: berkas "assets/brand/pahlawan.jpg" tidak ada di docs/',
    ),
    "category page photo missing": (
        "photo: assets/brand/kategori-umkm.jpg",
        "photo: assets/brand/umkm.jpg",
        "photo: assets/brand/umkm",
        'extra.brand.categories.umkm.photo: berkas "assets/brand/umkm.jpg" tidak ada di docs/',
    ),
    "category page photo without alt": (
        "\n        alt: Ilustrasi lapak pasar",
        "\n        # alt: Ilustrasi lapak pasar",
        "umkm:\n        intro",
        "extra.brand.categories.umkm: ada photo tanpa alt: tulis apa yang tampak di foto",
    ),
    "category page of a category that does not exist": (
        "      umkm:\n        intro:",
        "      umkn:\n        intro:",
        "umkn:",
        'extra.brand.categories.umkn: isian tidak dikenal (maksud Anda "umkm"?); '
        "yang diizinkan di sini: budaya, pembangunan, umkm, wisata",
    ),
    "unknown time zone": (
        "    demo: true",
        "    demo: true\n    timezone: WITA Bali",
        "timezone:",
        'extra.brand.timezone: ditemukan "WITA Bali"; yang diizinkan: WIB, WITA, WIT (maksud Anda "WITA"?)',
    ),
    "logo missing": (
        "logo: assets/brand/logo.svg",
        "logo: assets/brand/lambang.svg",
        "logo: assets",
        'theme.logo: berkas "assets/brand/lambang.svg" tidak ada di docs/ atau overrides/',
    ),
}


@pytest.mark.parametrize("old, new, at, message", CASES.values(), ids=CASES.keys())
def test_each_brand_mistake_is_reported_at_its_line(tmp_path: Path, old: str, new: str, at: str, message: str) -> None:
    config, text = edited(tmp_path, old, new)
    code, lines = check(config)
    assert code == 1
    assert f"mkdocs.yml:{line_of(text, at) if at != 'colours:' else line_of(text, 'brand:')}: {message}" in lines, lines


def test_a_misspelt_key_also_names_the_unknown_key(tmp_path: Path) -> None:
    config, text = edited(tmp_path, "    colors:\n      primary:", "    colours:\n      primary:")
    _, lines = check(config)
    assert (
        f"mkdocs.yml:{line_of(text, 'colours:')}: extra.brand.colours: isian tidak dikenal "
        '(maksud Anda "colors"?); yang diizinkan di sini: categories, colors, contact, copyright, demo, footer, '
        "getting_here, hero, name, repository, short_name, social, tagline, timezone"
    ) in lines


def test_every_brand_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    config, text = edited(tmp_path, 'primary: "#0b5563"', 'primary: "0b5563"')
    config.write_text(text.replace('accent: "#b4411b"', 'accent: "#ffffff"'), encoding="utf-8")
    code, lines = check(config)
    assert code == 1
    assert [re.sub(r":\d+:", ":N:", line).split(":")[2].strip() for line in lines] == [
        "extra.brand.colors.primary",
        "extra.brand.colors.accent",
    ]


def test_the_demo_brand_is_fine_and_its_colours_read_on_white() -> None:
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    for colour in re.findall(r'"(#[0-9a-f]{6})"', CONFIG):
        assert contrast(colour, "#ffffff") >= 4.5, colour


def test_a_category_page_opens_with_the_brand_s_intro_and_photo_else_the_registry_s_line() -> None:
    from etalase.content.brand import brand_model

    data = {
        "name": "Kabupaten Contoh",
        "tagline": "Contoh",
        "colors": {"primary": "#0b5563", "accent": "#b4411b"},
        "contact": {"office": "Diskominfo"},
        "categories": {"umkm": {"intro": "Belanja di sini.", "photo": "assets/u.jpg", "alt": "Lapak", "credit": "A"}},
    }
    brand = brand_model().model_validate(data)
    assert tuple(brand.category_page("umkm")) == ("Belanja di sini.", "assets/u.jpg", "Lapak", "A")
    assert tuple(brand.category_page("wisata")) == (
        "Pantai, bukit, air terjun, dan taman yang layak dikunjungi.",
        None,
        "",
        None,
    )
    del data["categories"]
    assert brand_model().model_validate(data).category_page("budaya").intro == (
        "Acara, tradisi, dan seni yang hidup di kampung dan desa."
    )


def test_contrast_is_wcag_s() -> None:
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
    assert contrast("#ffffff", "#ffffff") == 1.0
