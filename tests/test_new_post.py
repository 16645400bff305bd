"""The new-post scaffold: with options, interactively on standard input, and refusing taken slugs.

Every post it writes must pass ``build.py --check`` as it is (a draft); with
``draft: false`` the check names every placeholder left, and once they are
replaced the post builds into a page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from etalase.authoring.schema_docs import post_markdown
from etalase.content.categories import REGISTRY
from etalase.content.front_matter import parse_document
from etalase.content.placeholders import TEMPLATE_BODY
from filled_templates import fill

from conftest import ROOT, run_build, run_check

NEW_POST = ["-m", "etalase", "post"]
CREATOR = "rina-wulandari"


def new_post(content: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *NEW_POST, "--content", str(content), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def front_matter(index: Path) -> dict:
    document, problems = parse_document(index.read_text(encoding="utf-8"), index)
    assert document is not None and not problems
    return document.data


def test_every_category_scaffolds_a_valid_post_that_builds(content_copy: Path, tmp_path: Path) -> None:
    titles = {
        "wisata": "Air Terjun Tujuh Tingkat",
        "umkm": "Keripik Tempe Bu Sari",
        "budaya": "Festival Layang-Layang 2026!",
        "pembangunan": "Jembatan Gantung Muara Dua",
    }
    slugs = {
        "wisata": "air-terjun-tujuh-tingkat",
        "umkm": "keripik-tempe-bu-sari",
        "budaya": "festival-layang-layang-2026",
        "pembangunan": "jembatan-gantung-muara-dua",
    }
    before = run_check("--content", content_copy)
    assert before.returncode == 0, before.stdout + before.stderr

    for category, title in titles.items():
        result = new_post(
            content_copy,
            "--category",
            category,
            "--title",
            title,
            "--creator",
            CREATOR,
            "--region",
            "muara-dua",
            "--date",
            "2026-11-01 08:00 WIB",
        )
        assert result.returncode == 0, result.stderr
        index = content_copy / "posts" / slugs[category] / "index.md"
        assert f"Pos baru dibuat: {index}" in result.stdout
        data = front_matter(index)
        assert (data["category"], data["title"], data["creators"], data["region"], data["draft"]) == (
            category,
            title.strip(),
            [CREATOR],
            "muara-dua",
            True,
        )
        assert (index.parent / data["cover"]["file"]).is_file()
        # The category block is the schema's examples, field for field (one source of truth).
        block_model = REGISTRY.post_model(category).model_fields[category].annotation
        for name, value in data[category].items():
            assert value == block_model.model_fields[name].examples[0], (category, name)

    check = run_check("--content", content_copy)
    assert check.returncode == 0, check.stdout + check.stderr
    assert _drafts(check.stdout) == _drafts(before.stdout) + 4

    for slug in slugs.values():
        index = content_copy / "posts" / slug / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    unfinished = run_check("--content", content_copy)
    assert unfinished.returncode == 1
    for slug in slugs.values():
        problems = [line for line in unfinished.stdout.splitlines() if f"posts/{slug}/index.md" in line]
        fields = {line.split(": ")[1] for line in problems}
        assert {"summary", "cover.credit", "cover.alt", "cover.file"} <= fields, (slug, fields)
        assert any("masih foto sementara dari templat" in line for line in problems), slug

    for slug in slugs.values():
        index = content_copy / "posts" / slug / "index.md"
        data = fill(front_matter(index), index.parent)
        data["title"] = titles[data["category"]]
        body = index.read_text(encoding="utf-8").split("---\n", 2)[2]
        own_body = "\n".join(line for line in body.splitlines() if line not in TEMPLATE_BODY.splitlines())
        index.write_text(post_markdown(data, own_body + "\nCerita saya tentang tempat ini.\n"), encoding="utf-8")
    site = tmp_path / "site"
    built = run_build(
        "--content", content_copy, "--site-dir", site, "--no-search", "--now", "2026-11-02T00:00:00+07:00"
    )
    assert built.returncode == 0, built.stdout + built.stderr
    for category, slug in slugs.items():
        page = (site / "artikel" / slug / "index.html").read_text(encoding="utf-8")
        assert titles[category] in page


def _drafts(check_output: str) -> int:
    """``N draf/terjadwal`` from build.py --check."""
    return int(check_output.split(" draf/terjadwal")[0].rsplit(" ", 1)[1])


def test_interactive_answers_on_stdin(content_copy: Path) -> None:
    answers = (
        "\n".join(
            [
                "7",  # no such category number
                "3",  # budaya
                "Ab",  # too short
                "Tari Piring di Balai Desa",
                "rina",  # not an id, but the start of one
                "",  # Enter takes the suggestion
                "tanjung",  # not a region id
                "tidak",  # not the suggested one
                "",  # not a new region either: choose again
                "tanjung-sari/teluk-biru",
            ]
        )
        + "\n"
    )
    result = new_post(content_copy, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1. wisata (Wisata)" in result.stdout and "tanjung-sari: pasir-putih, teluk-biru" in result.stdout
    assert 'Kategori "7" tidak dikenal' in result.stderr
    assert "Judul harus 5 sampai 100 karakter. Coba lagi." in result.stderr
    assert 'Kreator "rina" tidak ada. Maksud Anda "rina-wulandari"? (Enter: ya)' in result.stdout
    assert 'Wilayah "tanjung" tidak ada di content/regions.yml (maksud Anda "tanjung-sari"?)' in result.stderr

    data = front_matter(content_copy / "posts" / "tari-piring-di-balai-desa" / "index.md")
    assert (data["category"], data["title"], data["creators"], data["region"]) == (
        "budaya",
        "Tari Piring di Balai Desa",
        [CREATOR],
        "tanjung-sari/teluk-biru",
    )
    check = run_check("--content", content_copy)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_suggested_region_is_taken_with_enter(content_copy: Path) -> None:
    answers = "\n".join(["1", "Pantai di Tanjung Sari", CREATOR, "tanjung", "", ""]) + "\n"
    result = new_post(content_copy, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'Pakai "tanjung-sari"? (Enter: ya; atau tulis "tidak")' in result.stdout
    assert front_matter(content_copy / "posts" / "pantai-di-tanjung-sari" / "index.md")["region"] == "tanjung-sari"


def test_a_first_time_creator_gets_a_creator_file(content_copy: Path) -> None:
    answers = "\n".join(
        ["1", "Curug Kecil di Kebun Kopi", "Wayan Sudarma", "Pemandu wisata desa Kebun Kopi.", "bukit-jati", ""]
    )
    result = new_post(content_copy, stdin=answers + "\n")
    assert result.returncode == 0, result.stdout + result.stderr
    creator = content_copy / "creators" / "wayan-sudarma.yml"
    assert creator.read_text(encoding="utf-8") == "name: Wayan Sudarma\nbio: Pemandu wisata desa Kebun Kopi.\n"
    assert f"Berkas kreator baru: {creator}" in result.stdout
    data = front_matter(content_copy / "posts" / "curug-kecil-di-kebun-kopi" / "index.md")
    assert data["creators"] == ["wayan-sudarma"]
    # Nothing is claimed about accessibility unless asked for (--accessibility writes the example to edit).
    assert "accessibility" not in data
    assert run_check("--content", content_copy).returncode == 0


def test_every_command_answers_help() -> None:
    for command in (["post"], ["schema"], ["check"], ["build"]):
        result = subprocess.run(
            [sys.executable, "-m", "etalase.cli", *command, "--help"], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.startswith("usage: etalase"), (command, result.stdout[:80])


def test_input_that_ends_early_is_refused_without_traceback(content_copy: Path) -> None:
    result = new_post(content_copy, "--category", "wisata", stdin="Judul yang cukup panjang\n")
    assert result.returncode == 2
    assert "Masukan berhenti sebelum id kreator diisi." in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (content_copy / "posts").iterdir()) == sorted(
        p.name for p in (ROOT / "content" / "posts").iterdir()
    )


def test_a_taken_slug_is_refused(content_copy: Path) -> None:
    existing = min(p for p in (content_copy / "posts").iterdir() if (p / "index.md").is_file())
    before = (existing / "index.md").read_bytes()
    result = new_post(
        content_copy,
        "--category",
        "wisata",
        "--title",
        "Judul Apa Saja",
        "--creator",
        CREATOR,
        "--region",
        "muara-dua",
        "--slug",
        existing.name,
    )
    assert result.returncode == 1
    assert f'Alamat "{existing.name}" sudah dipakai oleh content/posts/{existing.name}/index.md.' in result.stderr
    assert "(en) slug" in result.stderr
    assert (existing / "index.md").read_bytes() == before


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--category", "kuliner", 'Kategori "kuliner" tidak dikenal'),
        ("--slug", "Pantai Indah", 'Alamat "Pantai Indah" tidak sah'),
        ("--date", "besok pagi", "Isian tidak sah: date."),
    ],
)
def test_invalid_options_are_usage_errors(content_copy: Path, option: str, value: str, message: str) -> None:
    args = {"--category": "wisata", "--title": "Judul Apa Saja", "--creator": CREATOR, "--region": "muara-dua"}
    args[option] = value
    result = new_post(content_copy, *[item for pair in args.items() for item in pair])
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_given_cover_photo_is_copied(content_copy: Path, tmp_path: Path) -> None:
    from PIL import Image

    photo = tmp_path / "Foto Saya.JPEG"
    Image.new("RGB", (800, 600), (200, 100, 50)).save(photo, "JPEG")
    result = new_post(
        content_copy,
        "--category",
        "wisata",
        "--title",
        "Pantai Baru Sekali",
        "--creator",
        CREATOR,
        "--region",
        "muara-dua",
        "--cover",
        str(photo),
    )
    assert result.returncode == 0, result.stderr
    bundle = content_copy / "posts" / "pantai-baru-sekali"
    assert front_matter(bundle / "index.md")["cover"]["file"] == "sampul.jpeg"
    assert (bundle / "sampul.jpeg").read_bytes() == photo.read_bytes()


def test_a_missing_region_is_added_to_the_region_list(content_copy: Path) -> None:
    answers = (
        "\n".join(
            [
                "1",
                "Pantai Sunyi di Desa Baru",
                CREATOR,
                "muara-dua/tanjung-harapan",  # not in regions.yml
                "Muara Dua/Tanjung Harapan",  # so the creator names it to add it
                "",  # the proposed slug
            ]
        )
        + "\n"
    )
    result = new_post(content_copy, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'Wilayah "muara-dua/tanjung-harapan" tidak ada di content/regions.yml' in result.stderr
    regions = (content_copy / "regions.yml").read_text(encoding="utf-8")
    assert regions.startswith("# Wilayah Kabupaten Sekar Laut (contoh).")  # its opening comments stay
    assert "  - id: tanjung-harapan\n    name: Tanjung Harapan\n" in regions
    data = front_matter(content_copy / "posts" / "pantai-sunyi-di-desa-baru" / "index.md")
    assert data["region"] == "muara-dua/tanjung-harapan"
    assert run_check("--content", content_copy).returncode == 0


def test_a_new_kecamatan_can_be_named_with_an_option(content_copy: Path) -> None:
    result = new_post(
        content_copy,
        "--category",
        "umkm",
        "--title",
        "Kopi Gunung Rimba",
        "--creator",
        CREATOR,
        "--region",
        "rimba-raya",
        "--new-region",
        "Rimba Raya",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert front_matter(content_copy / "posts" / "kopi-gunung-rimba" / "index.md")["region"] == "rimba-raya"
    assert "- id: rimba-raya\n  name: Rimba Raya" in (content_copy / "regions.yml").read_text(encoding="utf-8")
    assert run_check("--content", content_copy).returncode == 0


def test_the_proposed_slug_is_short_and_can_be_changed(content_copy: Path) -> None:
    title = "Festival Budaya Pesisir Teluk Biru Menampilkan Dua Puluh Sanggar Tari Tradisional"
    taken = new_post(
        content_copy,
        "--category",
        "budaya",
        "--title",
        title,
        "--creator",
        CREATOR,
        "--region",
        "tanjung-sari",
        stdin="\n",
    )
    assert taken.returncode == 0, taken.stderr
    assert "Alamat pos (Enter: festival-budaya-pesisir-teluk-biru)" in taken.stdout
    assert (content_copy / "posts" / "festival-budaya-pesisir-teluk-biru" / "index.md").is_file()
    chosen = new_post(
        content_copy,
        "--category",
        "budaya",
        "--title",
        title + " Lagi",
        "--creator",
        CREATOR,
        "--region",
        "tanjung-sari",
        stdin="festival pesisir\nfestival-pesisir-2026\n",
    )
    assert chosen.returncode == 0, chosen.stderr
    assert 'Alamat "festival pesisir" tidak sah' in chosen.stderr
    assert (content_copy / "posts" / "festival-pesisir-2026" / "index.md").is_file()


def test_the_scaffold_writes_times_in_the_regency_s_zone(content_copy: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("    demo: true", "    demo: true\n    timezone: WITA"),
        encoding="utf-8",
    )
    result = new_post(
        content_copy,
        "--category",
        "budaya",
        "--title",
        "Tari Gantar di Tanah Grogot",
        "--creator",
        CREATOR,
        "--region",
        "tanjung-sari",
        "--config",
        str(config),
    )
    assert result.returncode == 0, result.stderr
    index = content_copy / "posts" / "tari-gantar-di-tanah-grogot" / "index.md"
    text = index.read_text(encoding="utf-8")
    data = front_matter(index)
    assert str(data["date"]).endswith(" WITA") and data["budaya"]["start"].endswith(" WITA")
    assert " WIB" not in text
