"""Each validation rule, with the exact message a creator reads.

Every case writes a small content folder, runs ``scripts/build.py --check``
on it (inside the test process: ``conftest.run_check``) and compares the
Indonesian line(s) it prints; the command's own exit statuses are checked
in a real process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from PIL import Image

from etalase.content.load import load_content
from etalase.content.post_cache import PostCache
from etalase.content.validate import validate
from etalase.content.zones import WIB, WITA

from conftest import run_build, run_check

REGIONS = {
    "kecamatan": [
        {"id": "tanjung-sari", "name": "Tanjung Sari", "desa": [{"id": "pasir-putih", "name": "Pasir Putih"}]},
        {"id": "bukit-jati", "name": "Bukit Jati"},
    ]
}
CREATOR = {"name": "Rina Wulandari", "bio": "Fotografer lanskap (persona contoh)."}

BASE = """\
title: Pantai Pasir Putih yang Tenang
date: 2026-10-12 08:00 WIB
category: wisata
summary: Pantai berpasir putih dengan air jernih, cocok untuk keluarga di akhir pekan.
creators: [rina-wulandari]
region: tanjung-sari/pasir-putih
tags: [pantai, keluarga]
cover:
  file: sampul.jpg
  alt: Pantai berpasir putih dengan perahu nelayan
  credit: Rina Wulandari
  license: CC BY 4.0
wisata:
  place: Pantai Pasir Putih
  address: Desa Pasir Putih, Kec. Tanjung Sari
  opening_hours: Setiap hari 06.00–18.00 WIB
  ticket: Rp5.000 per orang
"""

BLOCKS = {
    "umkm": """\
umkm:
  business: Kopi Bukit
  products: [Kopi robusta bubuk]
  price_range: Rp25.000–Rp60.000
  whatsapp: 0813-5550-2711
  address: Jl. Kebun Kopi No. 3
""",
    "budaya": """\
budaya:
  venue: Lapangan Desa
  organiser: Sanggar Seni Laut
  start: 2026-12-20 19:00 WIB
  end: 2026-12-20 22:00 WIB
""",
    "pembangunan": """\
pembangunan:
  project: Jembatan Sungai Jernih
  agency: Dinas PUPR
  status: selesai
  sources:
    - title: Siaran pers Dinas PUPR
      url: https://example.go.id/berita/jembatan
""",
}


def make_content(root: Path, posts: dict[str, str], photos: tuple[str, ...] = ("sampul.jpg",)) -> Path:
    """A content folder with the given ``index.md`` texts (front matter only, or full)."""
    (root / "creators").mkdir(parents=True)
    (root / "regions.yml").write_text(yaml.safe_dump(REGIONS), encoding="utf-8")
    (root / "creators" / "rina-wulandari.yml").write_text(yaml.safe_dump(CREATOR), encoding="utf-8")
    for slug, text in posts.items():
        bundle = root / "posts" / slug
        bundle.mkdir(parents=True)
        if text.startswith("RAW:"):
            text = text[4:]
        elif not text.startswith("---"):
            text = f"---\n{text}---\n\nIsi pos.\n"
        (bundle / "index.md").write_text(text, encoding="utf-8")
        for name in photos:
            Image.new("RGB", (64, 48), (30, 120, 160)).save(bundle / name)
    return root


def with_category(category: str) -> str:
    """BASE turned into a post of another category."""
    head = BASE.split("wisata:\n")[0].replace("category: wisata", f"category: {category}")
    return head + BLOCKS[category]


def check(tmp_path: Path, posts: dict[str, str], **kwargs) -> tuple[int, list[str]]:
    """Exit code and the Indonesian lines printed by ``--check``."""
    content = make_content(tmp_path / "content", posts, **kwargs)
    result = run_check("--content", content, cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("    (en)")]
    return result.returncode, lines


def one_problem(tmp_path: Path, text: str, **kwargs) -> str:
    code, lines = check(tmp_path, {"pantai": text}, **kwargs)
    assert code == 1, lines
    assert len(lines) == 1, lines
    return lines[0]


P = "content/posts/pantai/index.md"


@pytest.mark.parametrize("category", ["wisata", "umkm", "budaya", "pembangunan"])
def test_valid_post_of_each_category_passes(tmp_path: Path, category: str) -> None:
    text = BASE if category == "wisata" else with_category(category)
    code, lines = check(tmp_path, {"pantai": text})
    assert code == 0, lines
    assert lines == ["Konten beres: 1 pos terbit, 0 draf/terjadwal, 1 kreator. (content OK)"]


CASES = {
    "unknown field with did-you-mean": (
        BASE + "catgory: wisata\n",
        f'{P}:19: catgory: isian tidak dikenal (maksud Anda "category"?); yang diizinkan di sini: '
        "accessibility, category, cover, creators, date, draft, gallery, region, slug, summary, tags, title, updated, videos, wisata",
    ),
    "unknown nested field": (
        BASE.replace("  credit: Rina", "  sourse: https://contoh.id/foto\n  credit: Rina"),
        f'{P}:12: cover.sourse: isian tidak dikenal (maksud Anda "source"?); yang diizinkan di sini: '
        "ai_generated, alt, caption, credit, file, license, source",
    ),
    "missing title": (
        BASE.replace("title: Pantai Pasir Putih yang Tenang\n", ""),
        f"{P}:2: title: wajib diisi tetapi tidak ada",
    ),
    "wrong category with did-you-mean": (
        BASE.replace("category: wisata", "category: wisatta"),
        f'{P}:4: category: ditemukan "wisatta"; yang diizinkan: wisata, umkm, budaya, pembangunan '
        '(maksud Anda "wisata"?)',
    ),
    "title too long": (
        BASE.replace("title: Pantai Pasir Putih yang Tenang", "title: " + "Panjang " * 14),
        f'{P}:2: title: ditemukan "Panjang Panjang Panjang Panjang Panjang Panjang Panjang P…"; '
        "terlalu panjang; paling banyak 100 karakter",
    ),
    "summary too long": (
        BASE.replace("summary: Pantai", "summary: " + "x" * 200 + " Pantai"),
        f'{P}:5: summary: ditemukan "{"x" * 57}…"; terlalu panjang; paling banyak 200 karakter',
    ),
    "date that does not exist": (
        BASE.replace("2026-10-12 08:00 WIB", "31/02/2026 pukul 08.00"),
        f'{P}:3: date: ditemukan "31/02/2026 pukul 08.00"; tanggal 31 Februari 2026 tidak ada',
    ),
    "weekday that does not fit the date": (
        BASE.replace("2026-10-12 08:00 WIB", '"Sabtu, 12 Oktober 2026"'),
        f'{P}:3: date: ditemukan "Sabtu, 12 Oktober 2026"; 12 Oktober 2026 jatuh pada hari Senin, bukan Sabtu; '
        "periksa tanggalnya",
    ),
    "date with a zone outside Indonesia": (
        BASE.replace("2026-10-12 08:00 WIB", "2026-10-12T08:00:00+05:00"),
        f'{P}:3: date: ditemukan "2026-10-12 08:00:00+05:00"; zona waktu harus WIB (+07:00), '
        "WITA (+08:00) atau WIT (+09:00)",
    ),
    "unknown creator with did-you-mean": (
        BASE.replace("[rina-wulandari]", "[rina-wulandary]"),
        f'{P}:6: creators (kreator ke-1): kreator "rina-wulandary" tidak dikenal (maksud Anda "rina-wulandari"?); '
        "yang ada: rina-wulandari; buat berkas content/creators/rina-wulandary.yml "
        "(lihat Panduan Kontributor → Daftar isian)",
    ),
    "region written as a name": (
        BASE.replace("region: tanjung-sari/pasir-putih", "region: Kec. Tanjung Sari"),
        f'{P}:7: region: wilayah "Kec. Tanjung Sari" tidak dikenal (maksud Anda "tanjung-sari"?); '
        "yang ada: bukit-jati, tanjung-sari, tanjung-sari/pasir-putih; lihat content/regions.yml; "
        "wilayah yang belum ada ditambahkan ke berkas itu dalam PR yang sama",
    ),
    "tag with capitals": (
        BASE.replace("[pantai, keluarga]", "[pantai, Keluarga]"),
        f'{P}:8: tags (label ke-2): ditemukan "Keluarga"; hanya huruf kecil a–z, angka dan tanda -, mis. pantai-indah',
    ),
    "cover without alt text": (
        BASE.replace("  alt: Pantai berpasir putih dengan perahu nelayan\n", ""),
        f"{P}:9: cover.alt: wajib diisi tetapi tidak ada",
    ),
    "gallery photo without alt text": (
        BASE + "gallery:\n  - file: sampul.jpg\n    caption: Perahu\n",
        f"{P}:20: gallery (foto ke-1).alt: wajib diisi tetapi tidak ada",
    ),
    "cover file missing": (
        BASE.replace("file: sampul.jpg", "file: sampu.jpg"),
        f'{P}:10: cover.file: berkas "sampu.jpg" tidak ada di folder pos (maksud Anda "sampul.jpg"?)',
    ),
    "cover path leaves the bundle": (
        BASE.replace("file: sampul.jpg", "file: ../lain/sampul.jpg"),
        f'{P}:10: cover.file: jalur "../lain/sampul.jpg" keluar dari folder pos; sebut nama berkas di folder ini saja',
    ),
    "cover is not a photo": (
        BASE.replace("file: sampul.jpg", "file: index.md"),
        f'{P}:10: cover.file: "index.md" bukan foto; yang diizinkan: .jpg, .jpeg, .png, .webp, .heic, .heif',
    ),
    "coordinates outside Indonesia": (
        BASE + "  coordinates: {lat: 48.85, lon: 107.6}\n",
        f'{P}:19: wisata.coordinates.lat: ditemukan "48.85"; paling besar 6.5',
    ),
    "another category's block": (
        BASE + BLOCKS["umkm"],
        f'{P}:19: umkm: blok "umkm" hanya untuk kategori umkm; pos ini berkategori lain',
    ),
    "missing category block": (BASE.split("wisata:\n")[0], f"{P}:2: wisata: wajib diisi tetapi tidak ada"),
    "WhatsApp number that is not Indonesian": (
        with_category("umkm").replace("0813-5550-2711", "+1 555 0100"),
        f'{P}:18: umkm.whatsapp: ditemukan "+1 555 0100"; bukan nomor HP Indonesia; '
        "tulis mis. 0812-3456-7890 atau +62 812-3456-7890",
    ),
    "marketplace link that is not a URL": (
        with_category("umkm") + "  links: [tokopedia kopi bukit]\n",
        f'{P}:20: umkm.links (tautan ke-1): ditemukan "tokopedia kopi bukit"; bukan alamat web yang sah; '
        "tulis lengkap, mis. https://contoh.id/halaman",
    ),
    "event without start": (
        with_category("budaya")
        .replace("  start: 2026-12-20 19:00 WIB\n", "")
        .replace("  end: 2026-12-20 22:00 WIB\n", ""),
        f"{P}:14: budaya: acara wajib punya start (tanggal mulai); untuk tradisi tanpa tanggal tulis tradition: true",
    ),
    "tradition with dates": (
        with_category("budaya") + "  tradition: true\n",
        f"{P}:14: budaya: tradisi (tradition: true) tidak memakai start/end; hapus tanggal atau set tradition: false",
    ),
    "event ending before it starts": (
        with_category("budaya").replace("end: 2026-12-20 22:00", "end: 2026-12-20 18:00"),
        f"{P}:14: budaya: end (selesai) harus sesudah start (mulai)",
    ),
    "development claim without sources": (
        with_category("pembangunan").split("  sources:")[0] + "  sources: []\n",
        f"{P}:18: pembangunan.sources: ditemukan 0 butir; terlalu sedikit; paling sedikit 1 butir",
    ),
    "source with neither url nor document": (
        with_category("pembangunan").replace("      url: https://example.go.id/berita/jembatan\n", ""),
        f"{P}:19: pembangunan.sources (sumber ke-1): setiap sumber perlu url, document atau photo agar bisa dicek",
    ),
    "budget that is not rupiah": (
        with_category("pembangunan") + "  budget: satu miliar\n",
        f'{P}:21: pembangunan.budget: ditemukan "satu miliar"; tulis jumlah rupiah, mis. 1500000000, '
        "Rp1.500.000.000 atau 1,5 miliar",
    ),
    "finished project whose progress is not 100": (
        with_category("pembangunan") + "  progress: 90\n  progress_date: 2026-10-01\n",
        f"{P}:14: pembangunan: proyek berstatus selesai tetapi progress 90; tulis progress: 100 atau ubah status "
        "menjadi berjalan",
    ),
    "progress without its date": (
        with_category("pembangunan").replace("status: selesai", "status: berjalan") + "  progress: 40\n",
        f"{P}:14: pembangunan: progress dan progress_date ditulis bersama: angka kemajuan beserta tanggal angka itu "
        "berlaku, mis. progress: 40 dan progress_date: 2026-11-13",
    ),
    "progress over 100": (
        with_category("pembangunan") + "  progress: 120\n  progress_date: 2026-10-01\n",
        f'{P}:21: pembangunan.progress: ditemukan "120"; paling besar 100',
    ),
    "target before start": (
        with_category("pembangunan") + "  start: 2026-06-01\n  target: 2026-05-01\n",
        f"{P}:14: pembangunan: target (selesai) tidak boleh sebelum start (mulai)",
    ),
    "unknown source of funds": (
        with_category("pembangunan") + "  funding: apbdes\n",
        f'{P}:21: pembangunan.funding: ditemukan "apbdes"; yang diizinkan: apbn, apbd-provinsi, apbd-kabupaten, '
        'dana-desa, csr, swadaya, lainnya (maksud Anda "apbn"?)',
    ),
    "board photo that is missing": (
        with_category("pembangunan").replace(
            "      url: https://example.go.id/berita/jembatan", "      photo: papan.jpg"
        ),
        f'{P}:20: pembangunan.sources (sumber ke-1).photo: berkas "papan.jpg" tidak ada di folder pos',
    ),
    "certificate of an unknown type": (
        with_category("umkm") + "  certificates:\n    - type: sni\n      number: SNI 01-2891\n",
        f'{P}:21: umkm.certificates (sertifikat ke-1).type: ditemukan "sni"; yang diizinkan: pirt, halal, nib, bpom '
        '(maksud Anda "nib"?)',
    ),
    "priced product with a price that is not rupiah": (
        with_category("umkm").replace("[Kopi robusta bubuk]", "[{name: Kopi robusta bubuk, price: murah}]"),
        f'{P}:16: umkm.products (produk ke-1).price: ditemukan "murah"; tulis jumlah rupiah, mis. 1500000000, '
        "Rp1.500.000.000 atau 1,5 miliar",
    ),
    "shop link without its url": (
        with_category("umkm") + "  links:\n    - label: Shopee\n",
        f"{P}:21: umkm.links (tautan ke-1).url: wajib diisi tetapi tidak ada",
    ),
    "accessibility with a wheelchair answer outside the list": (
        BASE + "accessibility:\n  wheelchair: bisa\n",
        f'{P}:20: accessibility.wheelchair: ditemukan "bisa"; yang diizinkan: ya, sebagian, tidak',
    ),
    "accessibility of a project, which is not a place": (
        with_category("pembangunan").replace("pembangunan:\n", "accessibility:\n  wheelchair: ya\npembangunan:\n"),
        f"{P}:14: accessibility: blok accessibility hanya untuk pos tentang tempat yang dikunjungi "
        "(wisata, umkm, budaya)",
    ),
    "project status outside the list": (
        with_category("pembangunan").replace("status: selesai", "status: rampung"),
        f'{P}:17: pembangunan.status: ditemukan "rampung"; yang diizinkan: direncanakan, berjalan, selesai',
    ),
    "invalid YAML": (
        BASE.replace("title: Pantai Pasir Putih yang Tenang", "title: Pantai: Pasir Putih"),
        f"{P}:2: YAML tidak sah: mapping values are not allowed here; periksa titik dua, tanda kutip dan indentasi",
    ),
    "front matter not closed": (
        "---\n" + BASE + "\nIsi pos tanpa penutup.\n",
        f"{P}:1: front matter tidak ditutup: tambahkan baris '---' setelah isian terakhir",
    ),
    "no front matter": (
        "RAW:# Judul saja\n\nIsi pos.\n",
        f"{P}:1: berkas harus diawali front matter: baris '---', isian, lalu '---'",
    ),
    "body photo missing": (
        f"---\n{BASE}---\n\nLihat fotonya:\n\n![Perahu](perahu.jpg)\n",
        f'{P}:23: berkas "perahu.jpg" tidak ada di folder pos',
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_rule_reports_exact_message(tmp_path: Path, text: str, expected: str) -> None:
    assert one_problem(tmp_path, text) == expected


def test_english_second_line(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {"pantai": BASE.replace("category: wisata", "category: wisatta")})
    result = run_check("--content", content, cwd=tmp_path)
    assert result.stdout.splitlines()[1] == (
        '    (en) category: found "wisatta"; allowed: wisata, umkm, budaya, pembangunan (did you mean "wisata"?)'
    )


def test_whatsapp_and_budget_are_normalised() -> None:
    from etalase.content.schema import Pembangunan, Umkm

    umkm = Umkm.model_validate(yaml.safe_load(BLOCKS["umkm"])["umkm"])
    assert umkm.whatsapp == "+6281355502711"
    data = yaml.safe_load(BLOCKS["pembangunan"])["pembangunan"] | {"budget": "Rp1.500.000.000"}
    assert Pembangunan.model_validate(data).budget == 1_500_000_000


def test_every_problem_of_several_files_in_one_run(tmp_path: Path) -> None:
    posts = {
        "pantai": BASE.replace("category: wisata", "category: wisatta"),
        "kopi": with_category("umkm").replace("0813-5550-2711", "12345").replace("[rina-wulandari]", "[budi]"),
        "jembatan": with_category("pembangunan").replace("status: selesai", "status: rampung"),
        "baik": BASE,
    }
    content = make_content(tmp_path / "content", posts)
    result = run_check("--content", content, cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("    (en)")]
    assert [line.split(": ")[0] for line in lines] == [
        "content/posts/jembatan/index.md:17",
        "content/posts/kopi/index.md:6",
        "content/posts/kopi/index.md:18",
        "content/posts/pantai/index.md:4",
    ]
    assert "4 masalah di 3 berkas. (4 problems in 3 files)" in result.stderr


def test_duplicate_slug_names_both_posts(tmp_path: Path) -> None:
    code, lines = check(tmp_path, {"pantai": BASE, "lain": BASE + "slug: pantai\n"})
    assert code == 1
    assert lines == [
        "content/posts/lain/index.md: slug: alamat /artikel/pantai/ sama dengan pos content/posts/pantai/index.md; "
        "ganti nama folder atau isi slug",
        "content/posts/pantai/index.md: slug: alamat /artikel/pantai/ sama dengan pos content/posts/lain/index.md; "
        "ganti nama folder atau isi slug",
    ]


def test_drafts_and_scheduled_posts_are_checked_but_not_published(tmp_path: Path) -> None:
    posts = {
        "pantai": BASE,
        "draf": BASE + "draft: true\n",
        "nanti": BASE.replace("2026-10-12 08:00 WIB", "2099-01-01 08:00 WIB"),
    }
    code, lines = check(tmp_path, posts)
    assert code == 0
    assert lines == ["Konten beres: 1 pos terbit, 2 draf/terjadwal, 1 kreator. (content OK)"]
    bad = {"draf": BASE.replace("category: wisata", "category: x") + "draft: true\n"}
    code, _ = check(tmp_path / "2", bad)
    assert code == 1


def test_creator_and_region_files_are_validated(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {"pantai": BASE})
    (content / "creators" / "budi.yml").write_text("name: Budi\nbio: Pembuat konten.\nlinks:\n  tiktok: tiktok\n")
    (content / "creators" / "Budi Santoso.yml").write_text("name: Budi\nbio: x\n")
    result = run_check("--content", content, cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("    ")]
    assert result.returncode == 1
    assert lines[:2] == [
        'content/creators/Budi Santoso.yml: nama berkas kreator "Budi Santoso" harus huruf kecil, angka dan tanda -',
        'content/creators/budi.yml:4: links.tiktok: ditemukan "tiktok"; bukan alamat web yang sah; '
        "tulis lengkap, mis. https://contoh.id/halaman",
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = "\ufeff" + f"---\n{BASE}---\n\nIsi.\n".replace("\n", "\r\n")
    content = make_content(tmp_path / "content", {})
    bundle = content / "posts" / "pantai"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_bytes(text.encode("utf-8"))
    Image.new("RGB", (8, 8)).save(bundle / "sampul.jpg")
    assert run_check("--content", content, cwd=tmp_path).returncode == 0


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_build("--check", "--content", tmp_path / "nowhere").returncode == 2
    assert run_build("--no-such-option").returncode == 2
    assert run_build("--check", "--now", "kemarin").returncode == 2


@pytest.mark.parametrize(
    ("written", "rupiah"),
    [
        ("Rp 312.500.000,-", 312_500_000),
        ("312,5 juta", 312_500_000),
        ("1,2 miliar", 1_200_000_000),
        ("Rp4,75 M", 4_750_000_000),
        ("Rp 15.000,00", 15_000),
        ("2.500.000", 2_500_000),
        ("750 ribu", 750_000),
    ],
)
def test_budgets_written_the_common_way_are_accepted(tmp_path: Path, written: str, rupiah: int) -> None:
    from etalase.content.schema import Pembangunan

    data = yaml.safe_load(BLOCKS["pembangunan"])["pembangunan"] | {"budget": written}
    assert Pembangunan.model_validate(data).budget == rupiah
    code, lines = check(tmp_path, {"pantai": with_category("pembangunan") + f"  budget: {written}\n"})
    assert code == 0, lines


def test_a_creator_file_with_a_problem_is_named_as_such(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {"pantai": BASE})
    (content / "creators" / "rina-wulandari.yml").write_text(
        "name: Rina Wulandari\nbio: Fotografer lanskap.\nlinks:\n  instagram: rina dot foto\n", encoding="utf-8"
    )
    result = run_check("--content", content, cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    (en)")]
    assert lines == [
        'content/creators/rina-wulandari.yml:4: links.instagram: ditemukan "rina dot foto"; bukan alamat web yang '
        "sah; tulis lengkap, mis. https://contoh.id/halaman",
        f"{P}:6: creators (kreator ke-1): berkas kreator content/creators/rina-wulandari.yml ada tetapi bermasalah; "
        "perbaiki dulu masalah di berkas itu (lihat pesan untuk berkas itu)",
    ]


def test_a_creator_s_handles_become_profile_links(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {"pantai": BASE})
    (content / "creators" / "rina-wulandari.yml").write_text(
        "name: Rina Wulandari\nbio: Fotografer lanskap.\nregion: tanjung-sari\nlinks:\n  instagram: '@rina.foto'\n"
        "  tiktok: '@rina_jalan'\n  x: '@rinawulan'\n  whatsapp: 0813-5550-9911\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = run_build("--content", content, "--site-dir", site, "--no-search", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "kreator" / "rina-wulandari" / "index.html").read_text(encoding="utf-8")
    for link in (
        "https://www.instagram.com/rina.foto",
        "https://www.tiktok.com/@rina_jalan",
        "https://x.com/rinawulan",
        "https://wa.me/6281355509911",
    ):
        assert f'href="{link}"' in page, link


def test_a_creator_from_a_region_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {"pantai": BASE})
    (content / "creators" / "rina-wulandari.yml").write_text(
        "name: Rina Wulandari\nbio: Fotografer lanskap.\nregion: tanjung\n", encoding="utf-8"
    )
    result = run_check("--content", content, cwd=tmp_path)
    assert (
        'content/creators/rina-wulandari.yml:3: region: wilayah "tanjung" tidak dikenal (maksud Anda '
        '"tanjung-sari"?); yang ada: bukit-jati, tanjung-sari, tanjung-sari/pasir-putih; lihat content/regions.yml'
    ) in result.stdout


def test_a_bad_handle_is_explained(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {"pantai": BASE})
    (content / "creators" / "rina-wulandari.yml").write_text(
        "name: Rina Wulandari\nbio: Fotografer lanskap.\nlinks:\n  x: '@rina wulan'\n", encoding="utf-8"
    )
    result = run_check("--content", content, cwd=tmp_path)
    assert (
        'content/creators/rina-wulandari.yml:4: links.x: ditemukan "@rina wulan"; bukan nama akun yang sah; '
        "tulis mis. @nama.akun atau tautan lengkap"
    ) in result.stdout


def test_a_draft_may_keep_placeholders_but_a_post_to_publish_may_not(tmp_path: Path) -> None:
    placeholder = BASE.replace("credit: Rina Wulandari", "credit: Nama Pemotret")
    code, lines = check(tmp_path, {"pantai": placeholder + "draft: true\n"})
    assert code == 0, lines
    assert one_problem(tmp_path / "terbit", placeholder) == (
        f'{P}:12: cover.credit: masih berisi contoh dari templat: "Nama Pemotret"; ganti dengan isian Anda, atau '
        "tulis draft: true bila pos belum siap terbit"
    )


def _git(repo: Path, *args: str, when: str = "2026-12-01T03:00:00+00:00") -> None:
    env = os.environ | {
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "uji",
        "GIT_AUTHOR_EMAIL": "uji@localhost",
        "GIT_COMMITTER_NAME": "uji",
        "GIT_COMMITTER_EMAIL": "uji@localhost",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.mark.parametrize("cached", [False, True], ids=["checked", "through-the-post-cache"])
def test_a_post_dated_at_the_merge_takes_the_merge_s_time(tmp_path: Path, cached: bool) -> None:
    """``date: saat digabung`` (a form sent with an empty date) is the time the post landed on the branch.

    The clock is fixed by the commits' own times: the form's commit on its branch at 10.00 WIB,
    the editor's merge into the default branch at 16.30 WIB the next day. Through the post cache (as every
    build validates), the unchanged file checked on the branch is not taken with its branch date after the
    merge, and its digest (which page fingerprints are made of) changes with its date.
    """
    cache = PostCache(tmp_path / "post-cache") if cached else None
    seen: list[str] = []
    """The digests of telaga as validated, in order."""
    repo = tmp_path / "repo"
    content = make_content(repo / "content", {"lama": BASE})
    _git(repo, "init", "-q", "-b", "utama")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "awal")
    _git(repo, "switch", "-q", "-c", "kiriman/7")
    make_content(tmp_path / "baru", {"telaga": BASE.replace("2026-10-12 08:00 WIB", "saat digabung")})
    shutil.copytree(tmp_path / "baru" / "posts" / "telaga", content / "posts" / "telaga")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Kiriman #7", when="2026-12-01T03:00:00+00:00")  # 10.00 WIB
    later = datetime.fromisoformat("2026-12-09T00:00:00+07:00")  # the build's clock, after both

    def date_of(slug: str, zone=WIB) -> datetime:
        found, problems = validate(load_content(content, cache) if cache else load_content(content), later, zone=zone)
        assert found is not None, [p.format() for p in problems]
        post = next(post for post in found.posts if post.slug == slug)
        if slug == "telaga" and zone is WIB:
            seen.append(post.digest)
        return post.meta.date

    # On the form's branch (its preview): the commit that added it.
    assert date_of("telaga") == datetime.fromisoformat("2026-12-01T10:00:00+07:00")
    assert date_of("telaga") == datetime.fromisoformat("2026-12-01T10:00:00+07:00")  # again (from the cache)
    _git(repo, "switch", "-q", "utama")
    assert not (content / "posts" / "telaga").exists()
    _git(repo, "merge", "-q", "--no-ff", "-m", "Merge #8", "kiriman/7", when="2026-12-02T09:30:00+00:00")
    merged = date_of("telaga")
    assert merged == datetime.fromisoformat("2026-12-02T16:30:00+07:00")
    assert merged.utcoffset() == WIB.utcoffset(None)  # in the brand's zone
    assert date_of("telaga", zone=WITA).isoformat() == "2026-12-02T17:30:00+08:00"
    # A later edit does not move it; the other posts keep their own dates.
    index = content / "posts" / "telaga" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("Isi pos.", "Isi pos, diperbaiki."), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "suntingan", when="2026-12-05T00:00:00+00:00")
    assert date_of("telaga") == datetime.fromisoformat("2026-12-02T16:30:00+07:00")
    assert date_of("lama") == datetime.fromisoformat("2026-10-12T08:00:00+07:00")
    if cached:  # on the branch twice (the same), after the merge (the date changed), after the edit
        assert seen[0] == seen[1] and len(set(seen[1:])) == 3 and "" not in seen


def test_a_post_dated_at_the_merge_outside_git_is_dated_now(tmp_path: Path) -> None:
    """Not committed yet (a conversion being checked, a local draft): it would appear at once if merged now."""
    content = make_content(tmp_path / "content", {"telaga": BASE.replace("2026-10-12 08:00 WIB", "Saat  Digabung")})
    now = datetime.fromisoformat("2026-12-01T05:00:00+00:00")
    found, problems = validate(load_content(content), now, zone=WIB)
    assert found is not None, [p.format() for p in problems]
    assert found.posts[0].meta.date.isoformat() == "2026-12-01T12:00:00+07:00"


def test_what_the_form_forgives_is_forgiven_in_front_matter_too(tmp_path: Path) -> None:
    """The git route reads the strings the form route reads: a date as written, ya/tidak, a permit number
    without quotes, the permit's name as people write it, links as people paste them, a pasted map point."""
    text = (
        with_category("umkm")
        .replace("date: 2026-10-12 08:00 WIB", "date: Sabtu, 17 Oktober 2026 pukul 19.00")
        .replace(
            "  address: Jl. Kebun Kopi No. 3\n",
            "  address: Jl. Kebun Kopi No. 3\n"
            "  certificates:\n    - type: P-IRT\n      number: 2063201010001\n"
            "    - type: Halal\n      number: ID35110000123\n"
            "  links:\n    - 'Shopee: https://shopee.co.id/jamu.darmi'\n    - IG @jamudarmi\n"
            "    - instagram.com/jamudarmi\n"
            '  coordinates: "-7,2412, 110,4021"\n',
        )
        + "accessibility:\n  wheelchair: ya\n  accessible_toilet: tidak\n"
    )
    content = make_content(tmp_path / "content", {"jamu": text})
    found, problems = validate(load_content(content), datetime.fromisoformat("2026-12-01T00:00+07:00"), zone=WIB)
    assert found is not None, [p.format() for p in problems]
    meta = found.posts[0].meta
    assert meta.date.isoformat() == "2026-10-17T19:00:00+07:00"
    umkm = meta.umkm  # type: ignore[attr-defined]
    assert [(c.type, c.number) for c in umkm.certificates] == [("pirt", "2063201010001"), ("halal", "ID35110000123")]
    assert [str(getattr(link, "url", link)) for link in umkm.links] == [
        "https://shopee.co.id/jamu.darmi",
        "https://www.instagram.com/jamudarmi",
        "https://instagram.com/jamudarmi",
    ]
    assert umkm.links[0].label == "Shopee"
    assert (umkm.coordinates.lat, umkm.coordinates.lon) == (-7.2412, 110.4021)
    assert (meta.accessibility.wheelchair, meta.accessibility.accessible_toilet) == ("ya", False)
