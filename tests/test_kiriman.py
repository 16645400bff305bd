"""The form converter (etalase kiriman convert) on recorded issue bodies.

The bodies under tests/fixtures/kiriman/ are written exactly as GitHub writes a
submitted issue form (``### <label>``, a blank line, the value; ``_No response_``;
``- [X]`` checkboxes; photos as ``![name](…/user-attachments/assets/<id>)`` or
``<img … src="…" />``). Attachments are read from a folder (``--assets``) that
maps each id to a real photo of the demo content, made phone-sized with a
phone's EXIF (GPS, make, model) for the converter to strip; the download path
itself is tested against a local server in test_kiriman_download.py.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from etalase import cli
from etalase.content.front_matter import parse_document
from etalase.kiriman import convert as kiriman

from conftest import DEMO_CONTENT, LOGIN, NOW, ROOT, run_build, run_check

KIRIMAN = ["-m", "etalase", "kiriman", "convert"]
FIXTURES = ROOT / "tests" / "fixtures" / "kiriman"
"""The GitHub login the tests give the demo creator rina-wulandari."""
ASSETS = {
    "0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01": "curug-bertingkat-air-terjun/curug.jpg",
    "5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6": "matahari-terbenam-bukit-jati/senja.jpg",
    "9c1d2e3f-4a5b-4c6d-8e7f-a1b2c3d4e5f6": "olahan-buah-tin-kebun-kopi/buah-tin.jpg",
    "3f2e1d0c-9b8a-4765-8432-10fedcba9876": "pengrajin-gendang-teluk-biru/gendang.jpg",
}
"""Attachment id in the recorded bodies → the demo photo standing in for it."""


# --------------------------------------------------------------------------
# Helpers (also used by the other test_kiriman_* files)
# --------------------------------------------------------------------------


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.md").read_text(encoding="utf-8")


ASSET_SIDE = 1200
"""Long side of the attachments: what a phone's "reduce size" share gives, and a fraction of the demo photos'
3,000–4,000 px, so that each conversion strips them in milliseconds (the 4,000 px limit has its own tests)."""


@cache
def _asset_bytes(photo: str) -> bytes:
    """The demo photo ``photo`` as a phone sends it: :data:`ASSET_SIDE` px, with GPS, make and model in its EXIF."""
    with Image.open(DEMO_CONTENT / "posts" / photo) as image:
        image.draft("RGB", (ASSET_SIDE, ASSET_SIDE))  # decode the JPEG at a reduced scale
        small = image.convert("RGB")
    small.thumbnail((ASSET_SIDE, ASSET_SIDE))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Contoh Ponsel", "X1"  # Make, Model
    exif[0x8825] = {1: "S", 2: (7.0, 14.0, 28.0), 3: "E", 4: (110.0, 24.0, 7.0)}  # GPS IFD
    buffer = BytesIO()
    small.save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def make_assets(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for attachment_id, photo in ASSETS.items():
        (folder / attachment_id).write_bytes(_asset_bytes(photo))
    return folder


def run_kiriman(
    body: str,
    content: Path,
    tmp_path: Path,
    *args: str,
    author: str = LOGIN,
    issue: int = 7,
    assets: Path | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``etalase kiriman convert`` as the workflow runs it, at the suite's clock (in this process unless
    ``process``: see :func:`run_in_process`)."""
    body_file = tmp_path / "issue.md"
    body_file.write_text(body, encoding="utf-8")
    command = [
        sys.executable,
        *KIRIMAN,
        "--body",
        str(body_file),
        "--author",
        author,
        "--issue",
        str(issue),
        "--content",
        str(content),
        "--now",
        NOW,
        "--config",
        str(ROOT / "mkdocs.yml"),
        "--report",
        str(tmp_path / "hasil.json"),
    ]
    command += ["--assets", str(assets)] if assets else []
    if process:
        return subprocess.run([*command, *args], capture_output=True, text=True, timeout=300)
    return run_in_process(command[1:] + list(args))


def run_in_process(command: list[str]) -> subprocess.CompletedProcess[str]:
    """``python -m etalase …`` (``command`` from ``-m`` on) run by :func:`etalase.cli.main` in this process.

    The same argument parsing, output and exit status, without starting Python and importing the package for
    each of the many conversions; :func:`run_kiriman` with ``process=True`` and test_cli.py cover the command
    as a process.
    """
    assert command[:2] == ["-m", "etalase"], command
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(command[2:])
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code if isinstance(exit.code, int) else 2
    return subprocess.CompletedProcess(command, code, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its digest: nothing may change when a form has problems."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def front_matter(bundle: Path) -> tuple[dict, str]:
    document, problems = parse_document((bundle / "index.md").read_text(encoding="utf-8"), bundle / "index.md")
    assert document is not None and not problems
    return document.data, document.body


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    return make_assets(tmp_path / "lampiran")


# --------------------------------------------------------------------------
# Valid submissions, one per category
# --------------------------------------------------------------------------

COVER = {"file": "sampul.jpg", "credit": "Rina Wulandari", "license": "CC BY 4.0"}
EXPECTED = {
    "wisata": (
        "telaga-biru-di-balik-bukit-jati-air",
        {
            "title": "Telaga Biru di Balik Bukit Jati: Air Jernih dan Jalan Setapak",
            "date": "saat digabung",  # left empty: dated when an editor merges it
            "category": "wisata",
            "summary": "Telaga kecil berair biru jernih di Desa Air Terjun, 20 menit berjalan kaki dari parkiran. "
            "Cocok untuk piknik keluarga.",
            "creators": ["rina-wulandari"],
            "region": "bukit-jati/air-terjun",
            "tags": ["telaga", "jalan-kaki", "piknik-keluarga"],
            "cover": COVER | {"alt": "Telaga berair biru jernih dikelilingi pepohonan hijau"},
            "gallery": [{"file": "foto-1.jpg", "alt": "Jalan setapak berbatu menuju telaga"}],
            "wisata": {
                "place": "Telaga Biru Bukit Jati",
                "address": "Dusun Sumber, Desa Air Terjun, Kec. Bukit Jati",
                "coordinates": {"lat": -2.7402, "lon": 107.6388},
                "opening_hours": "Setiap hari 07.00–17.00 WIB",
                "ticket": "Rp5.000 per orang",
                "facilities": ["parkir", "toilet", "warung"],
            },
            "draft": False,
        },
        ["0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01", "5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6"],
    ),
    "budaya": (
        "malam-tari-pesisir-di-teluk-biru",
        {
            "title": "Malam Tari Pesisir di Teluk Biru",
            "date": "saat digabung",  # left empty: dated when an editor merges it
            "category": "budaya",
            "summary": "Sanggar Ombak menampilkan tari nelayan dan tari kipas di dermaga Teluk Biru, satu malam saja, "
            "gratis untuk umum.",
            "creators": ["rina-wulandari"],
            "region": "tanjung-sari/teluk-biru",
            "cover": {
                "file": "sampul.jpg",
                "alt": "Penabuh gendang duduk berjajar di panggung kayu",
                "credit": "Bayu Setiawan",
                "license": "CC BY-SA 4.0",
            },
            "budaya": {
                "venue": "Dermaga Teluk Biru",
                "organiser": "Sanggar Ombak Pasir Putih",
                "start": "2026-12-20 19:00 WIB",
                "end": "2026-12-20 22:00 WIB",
            },
            "draft": False,
        },
        ["3f2e1d0c-9b8a-4765-8432-10fedcba9876"],
    ),
    "pembangunan": (
        "jembatan-gantung-pulau-rindu-mulai",
        {
            "title": "Jembatan Gantung Pulau Rindu Mulai Dibangun Januari",
            "date": "saat digabung",  # left empty: dated when an editor merges it
            "category": "pembangunan",
            "summary": "Dinas PUPR menjadwalkan pembangunan jembatan gantung ke Pulau Rindu mulai Januari 2027 dengan "
            "anggaran Rp3,2 miliar.",
            "creators": ["rina-wulandari"],
            "region": "muara-dua/pulau-rindu",
            "tags": ["infrastruktur", "jembatan"],
            "cover": {
                "file": "sampul.jpg",
                "alt": "Kabel baja jembatan bersilangan di bawah langit biru",
                "credit": "KIM Lubuk Tenang",
                "license": "CC BY 4.0",
            },
            "gallery": [
                {"file": "foto-1.jpg", "alt": "Muara yang surut di antara dua desa"},
                {"file": "foto-2.jpg", "alt": "Perahu kecil menunggu penumpang di tepi muara"},
            ],
            "pembangunan": {
                "project": "Jembatan Gantung Pulau Rindu",
                "agency": "Dinas PUPR Kabupaten Sekar Laut",
                "status": "direncanakan",
                "budget": "Rp3.200.000.000",
                "sources": [
                    {
                        "title": "Siaran pers Dinas PUPR",
                        "url": "https://pupr.sekarlaut.example.go.id/berita/jembatan-pulau-rindu",
                    },
                    {"title": "DPA Dinas PUPR 2027", "document": "DPA No. 1.03.10.2.01.0044"},
                ],
            },
            "draft": False,
        },
        [
            "0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01",
            "5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6",
            "9c1d2e3f-4a5b-4c6d-8e7f-a1b2c3d4e5f6",
        ],
    ),
}


@pytest.mark.parametrize("category", list(EXPECTED))
def test_a_valid_form_becomes_a_bundle(category: str, content: Path, assets: Path, tmp_path: Path) -> None:
    slug, expected, photos = EXPECTED[category]
    # One category through the command as the workflow starts it (a process), the others in this process.
    result = run_kiriman(fixture(category), content, tmp_path, assets=assets, process=category == "wisata")
    assert result.returncode == 0, result.stdout + result.stderr
    bundle = content / "posts" / slug
    assert result.stdout == f"{bundle}\n"
    data, body = front_matter(bundle)
    assert data == expected
    names = ["sampul.jpg", *(f"foto-{n}.jpg" for n in range(1, len(photos)))]
    assert sorted(p.name for p in bundle.iterdir()) == sorted(["index.md", *names])
    for name, attachment_id in zip(names, photos, strict=True):
        with Image.open(bundle / name) as stripped, Image.open(assets / attachment_id) as original:
            assert not stripped.getexif() and max(stripped.size) == min(max(original.size), 4000)  # photo_privacy
    story = fixture(category).split("### Cerita\n\n", 1)[1].split("\n\n### Foto", 1)[0]
    assert body.strip() == story.strip()
    assert not (content / "creators" / "rina-w.yml").exists()


def test_a_first_submission_makes_its_creator(content: Path, assets: Path, tmp_path: Path) -> None:
    result = run_kiriman(fixture("umkm"), content, tmp_path, author="bu-sari", assets=assets)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (content / "creators" / "sari-rahayu.yml").read_text(encoding="utf-8") == (
        "# Kreator baru dari kiriman formulir (issue #7).\n"
        "name: Sari Rahayu\n"
        "bio: Pemilik usaha keripik tempe di Pasar Lama sejak 2009.\n"
        "github: bu-sari\n"
    )
    data, _ = front_matter(content / "posts" / "keripik-tempe-bu-sari-renyah-dari-pasar")
    assert data["creators"] == ["sari-rahayu"]
    assert data["date"] == "2026-12-05 09:00 WIB"  # the form's date: a scheduled post
    assert data["umkm"]["products"] == ["Keripik tempe original", "Keripik tempe pedas", "Peyek kacang"]
    assert data["videos"] == [{"youtube": "https://youtu.be/M7lc1UVf-VE", "title": "Cara membuat keripik tempe"}]
    assert data["cover"]["license"] == "Hak cipta pemotret (dengan izin)"
    check = run_check("--content", content)
    assert check.returncode == 0, check.stdout + check.stderr

    # The same author again: the creator file now names the login, no second creator is made.
    again = run_kiriman(
        fixture("umkm").replace("Pasar Lama\n\n### Tanggal", "Pasar Lama Lagi\n\n### Tanggal"),
        content,
        tmp_path,
        author="Bu-Sari",
        assets=assets,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert sorted(p.name for p in (content / "creators").glob("sari*")) == ["sari-rahayu.yml"]


def test_slugs_and_creator_ids_stay_unique(content: Path, assets: Path, tmp_path: Path) -> None:
    (content / "creators" / "sari-rahayu.yml").write_text("name: Sari Lain\nbio: Orang lain.\n", encoding="utf-8")
    for expected in ("keripik-tempe-bu-sari-renyah-dari-pasar", "keripik-tempe-bu-sari-renyah-dari-pasar-2"):
        result = run_kiriman(fixture("umkm"), content, tmp_path, author="bu-sari", assets=assets)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.strip().endswith(expected)
    assert (content / "creators" / "sari-rahayu-2.yml").is_file()


def test_a_bundle_from_a_form_builds_like_any_post(content: Path, assets: Path, tmp_path: Path) -> None:
    result = run_kiriman(fixture("wisata"), content, tmp_path, assets=assets)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    build = run_build("--content", content, "--site-dir", site, "--no-search")
    assert build.returncode == 0, build.stdout + build.stderr
    page = (site / "artikel" / EXPECTED["wisata"][0] / "index.html").read_text(encoding="utf-8")
    assert "Telaga Biru di Balik Bukit Jati" in page
    assert 'alt="Telaga berair biru jernih dikelilingi pepohonan hijau"' in page
    assert 'alt="Jalan setapak berbatu menuju telaga"' in page
    assert "Rina Wulandari (CC BY 4.0)" in page  # the cover's credit and licence, also for the gallery
    for photo in ("sampul", "foto-1"):  # both photos went through the pipeline: renditions, no original
        assert re.search(rf'srcset="[^"]*media/[0-9a-f]{{16}}/{photo}-480\.webp 480w', page), photo
    assert not list((site / "artikel" / EXPECTED["wisata"][0]).glob("sampul.jpg"))  # the original never ships


# --------------------------------------------------------------------------
# Mistakes: every problem in one run, named by the form's label; nothing written
# --------------------------------------------------------------------------

UMKM_MISTAKES = """\
Tanggal terbit: ditemukan "besok pagi"; bukan tanggal yang bisa dibaca; tulis mis. 20 Desember pukul 19.00
    (en) date: found "besok pagi"; not a date that can be read; write e.g. 20 Desember pukul 19.00
Ringkasan untuk kartu dan mesin pencari: ditemukan "Enak sekali."; terlalu pendek; paling sedikit 20 karakter; contoh: Air terjun tujuh tingkat, 20 menit jalan kaki dari parkiran desa; tiket Rp5.000 per orang.
    (en) summary: found "Enak sekali."; too short; at least 20 characters; e.g. Air terjun tujuh tingkat, 20 menit jalan kaki dari parkiran desa; tiket Rp5.000 per orang.
Wilayah: pilihan "Kec. Sekar Kulon" tidak ada (maksud Anda “Kec. Sekar Kota”?); pilihan: “Kec. Sekar Kota”, “Pasar Lama, Kec. Sekar Kota”, “Kampung Baru, Kec. Sekar Kota”, “Sungai Jernih, Kec. Sekar Kota”, “Kec. Tanjung Sari”, “Pasir Putih, Kec. Tanjung Sari”, “Teluk Biru, Kec. Tanjung Sari”, “Kec. Bukit Jati”, “Air Terjun, Kec. Bukit Jati”, “Kebun Kopi, Kec. Bukit Jati”, “Kec. Muara Dua”, “Lubuk Tenang, Kec. Muara Dua”, “Pulau Rindu, Kec. Muara Dua”
    (en) region: option "Kec. Sekar Kulon" does not exist (did you mean “Kec. Sekar Kota”?); options: “Kec. Sekar Kota”, “Pasar Lama, Kec. Sekar Kota”, “Kampung Baru, Kec. Sekar Kota”, “Sungai Jernih, Kec. Sekar Kota”, “Kec. Tanjung Sari”, “Pasir Putih, Kec. Tanjung Sari”, “Teluk Biru, Kec. Tanjung Sari”, “Kec. Bukit Jati”, “Air Terjun, Kec. Bukit Jati”, “Kebun Kopi, Kec. Bukit Jati”, “Kec. Muara Dua”, “Lubuk Tenang, Kec. Muara Dua”, “Pulau Rindu, Kec. Muara Dua”
Label, butir ke-2: "!!!" tidak bisa menjadi label; pakai huruf atau angka
    (en) tags, item 2: "!!!" cannot be a label; use letters or digits
Video YouTube, baris ke-1: 3 bagian; paling banyak 2: Id video YouTube | Judul video
    (en) videos, line 1: 3 parts; at most 2: youtube | title
Produk yang dijual: wajib diisi; contoh: Sambal bawang 150 gr / Sambal ijo 150 gr | Rp25.000
    (en) umkm_products: required; e.g. Sambal bawang 150 gr / Sambal ijo 150 gr | Rp25.000
Nomor WhatsApp untuk pesan: ditemukan "0812"; bukan nomor HP Indonesia; tulis mis. 0812-3456-7890 atau +62 812-3456-7890
    (en) umkm_whatsapp: found "0812"; not an Indonesian mobile number; write e.g. 0812-3456-7890 or +62 812-3456-7890
Tautan marketplace atau media sosial usaha, baris ke-1: ditemukan "cari kami di pasar"; bukan alamat web yang sah; tulis lengkap, mis. https://contoh.id/halaman
    (en) umkm_links, line 1: found "cari kami di pasar"; not a valid web address; write it in full, e.g. https://contoh.id/halaman
Cerita, baris ke-3: foto tidak bisa ditaruh di dalam cerita; pindahkan ke kotak “Foto” dan tulis teks alternatifnya di “Teks alternatif”
    (en) body, line 3: photos cannot be placed in the story; move them to the photos field and write their alt text
Foto: "https://example.com/foto.jpg" bukan foto yang diunggah ke formulir; seret atau pilih fotonya langsung di kotak ini
    (en) photos: "https://example.com/foto.jpg" is not a photo uploaded to the form; drag or pick the photo in this field itself
Teks alternatif, foto ke-2: belum punya baris teks alternatif; tulis satu baris per foto, urut seperti fotonya
    (en) photo_alts, photo 2: has no alt text line; write one line per photo, in the photos' order
Nama pemotret atau pemilik foto: wajib diisi; contoh: Bambang Sutrisno
    (en) photo_credit: required; e.g. Bambang Sutrisno
Dibuat atau diubah dengan AI: pilihan "mungkin" tidak ada; pilihan: “ya”, “tidak”
    (en) photo_ai_generated: option "mungkin" does not exist; options: “ya”, “tidak”
Nama kreator: wajib diisi pada kiriman pertama: akun GitHub @siti-a belum terdaftar sebagai kreator; contoh: Sari Rahayu
    (en) creator_name: required on a first submission: GitHub account @siti-a is not a creator yet; e.g. Sari Rahayu
Bio singkat: wajib diisi pada kiriman pertama: akun GitHub @siti-a belum terdaftar sebagai kreator; contoh: Pemilik usaha keripik tempe sejak 2009.
    (en) creator_bio: required on a first submission: GitHub account @siti-a is not a creator yet; e.g. Pemilik usaha keripik tempe sejak 2009.
Pernyataan kreator, butir ke-2: belum dicentang: “Foto ini milik saya, atau saya punya izin pemotretnya untuk kredit dan lisensi di atas.”
    (en) consent, item 2: not ticked: “Foto ini milik saya, atau saya punya izin pemotretnya untuk kredit dan lisensi di atas.”
"""


def test_every_mistake_is_reported_by_label_and_nothing_is_written(content: Path, assets: Path, tmp_path: Path) -> None:
    before = snapshot(content)
    result = run_kiriman(fixture("umkm-salah"), content, tmp_path, author="siti-a", assets=assets)
    assert result.returncode == 1
    assert result.stdout == UMKM_MISTAKES
    assert result.stderr.strip() == "16 hal perlu diperbaiki di formulir. (16 problems in the form)"
    assert snapshot(content) == before


def _edit(name: str, *changes: tuple[str, str]) -> str:
    body = fixture(name)
    for old, new in changes:
        assert old in body, old
        body = body.replace(old, new)
    return body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            _edit("budaya", ("### Tradisi tanpa tanggal acara\n\ntidak", "### Tradisi tanpa tanggal acara\n\nya")),
            "Tradisi tanpa tanggal acara: tradisi (“Tradisi tanpa tanggal acara”: ya) tidak memakai “Mulai acara”/"
            "“Selesai acara”; hapus tanggal atau set “Tradisi tanpa tanggal acara”: tidak",
            id="tradition with dates",
        ),
        pytest.param(
            _edit("budaya", ("### Mulai acara\n\n2026-12-20 19:00 WIB", "### Mulai acara\n\n_No response_")),
            "Mulai acara: acara wajib punya “Mulai acara” (tanggal mulai); untuk tradisi tanpa tanggal tulis "
            "“Tradisi tanpa tanggal acara”: ya",
            id="event without start",
        ),
        pytest.param(
            _edit("budaya", ("2026-12-20 22:00 WIB", "2026-12-20 18:00 WIB")),
            "Selesai acara: “Selesai acara” (selesai) harus sesudah “Mulai acara” (mulai)",
            id="end before start",
        ),
        pytest.param(
            _edit("pembangunan", ("DPA Dinas PUPR 2027 | | DPA No. 1.03.10.2.01.0044", "DPA Dinas PUPR 2027")),
            "Sumber, baris ke-2: setiap sumber perlu “Tautan sumber”, “Rujukan dokumen jika tanpa tautan” atau "
            "“Foto bukti” agar bisa dicek",
            id="source without link or document",
        ),
        pytest.param(
            _edit("pembangunan", ("| https://pupr", "| pupr")),
            "Sumber, baris ke-1: bagian “Tautan sumber”: ditemukan "
            '"pupr.sekarlaut.example.go.id/berita/jembatan-pulau-rindu"; '
            "bukan alamat web yang sah; tulis lengkap, mis. https://contoh.id/halaman",
            id="source link",
        ),
        pytest.param(
            _edit("pembangunan", ("Rp3.200.000.000", "tiga miliar")),
            'Anggaran dalam rupiah: ditemukan "tiga miliar"; tulis jumlah rupiah, mis. 1500000000, '
            "Rp1.500.000.000 atau 1,5 miliar",
            id="budget in words",
        ),
        pytest.param(
            _edit("pembangunan", ("### Status proyek\n\ndirencanakan", "### Status proyek\n\nRampung")),
            'Status proyek: pilihan "Rampung" tidak ada; pilihan: “Direncanakan”, “Sedang berjalan”, “Selesai”',
            id="status not an option",
        ),
        pytest.param(
            _edit("wisata", ("-2,7402", "dua koma tujuh")),
            'Lintang: ditemukan "dua koma tujuh"; harus berupa angka lintang, mis. -2.7455',
            id="latitude in words",
        ),
        pytest.param(
            _edit("wisata", ("-2,7402", "-20.5")),
            'Lintang: ditemukan "-20.5"; paling kecil -11.5; contoh: -2.7455',
            id="latitude outside Indonesia",
        ),
        pytest.param(
            _edit("wisata", ("Jalan setapak berbatu menuju telaga\n", "")),
            "Teks alternatif, foto ke-2: belum punya baris teks alternatif; tulis satu baris per foto, urut "
            "seperti fotonya",
            id="alt line missing",
        ),
        pytest.param(
            _edit("wisata", ("Jalan setapak berbatu menuju telaga\n", "Jalan setapak\nBaris ketiga\n")),
            "Teks alternatif: baris teks alternatif ke-3 tidak punya foto (2 foto); hapus barisnya atau "
            "tambahkan fotonya",
            id="alt line without photo",
        ),
        pytest.param(
            _edit("wisata", ("### Wilayah\n\nAir Terjun, Kec. Bukit Jati", "### Wilayah\n\n_No response_")),
            "Wilayah: wajib diisi; pilihan: “Kec. Sekar Kota”, “Pasar Lama, Kec. Sekar Kota”, “Kampung Baru, Kec. "
            "Sekar Kota”, “Sungai Jernih, Kec. Sekar Kota”, “Kec. Tanjung Sari”, “Pasir Putih, Kec. Tanjung Sari”, "
            "“Teluk Biru, Kec. Tanjung Sari”, “Kec. Bukit Jati”, “Air Terjun, Kec. Bukit Jati”, “Kebun Kopi, Kec. "
            "Bukit Jati”, “Kec. Muara Dua”, “Lubuk Tenang, Kec. Muara Dua”, “Pulau Rindu, Kec. Muara Dua”",
            id="region left empty",
        ),
        pytest.param(
            _edit("wisata", ("### Harga tiket masuk\n", "")),
            "Harga tiket masuk: baris “### Harga tiket masuk” hilang dari issue; tulis lagi baris itu, satu baris "
            "kosong, lalu isiannya",
            id="heading deleted while editing",
        ),
        pytest.param(
            _edit(
                "wisata",
                ("### Foto\n\n![IMG_2031]", "### Foto\n\n_No response_\n\n![IMG_2031]"),
                ("### Teks alternatif\n", "### Teks alternatif\n\nSatu\n\n### Teks alternatif\n"),
            ),
            "Teks alternatif: baris “### Teks alternatif” muncul dua kali; hapus baris itu dari isian lain (mis. "
            "dari Cerita), lalu simpan issue",
            id="heading repeated",
        ),
        pytest.param(
            _edit(
                "wisata",
                (
                    "### Foto\n\n![IMG_2031](https://github.com/user-attachments/assets/0b6c2a4e-1f3d-"
                    '4c7a-9a51-3e7f1d2c8b01)\n<img width="1600" height="1067" alt="IMG_2032" src='
                    '"https://github.com/user-attachments/assets/5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6" />',
                    "### Foto\n\nUploading IMG_2031.jpg…",
                ),
            ),
            "Foto: tidak ada foto; seret atau pilih foto di kotak ini (unggahan harus selesai sebelum issue dikirim)",
            id="upload not finished",
        ),
        pytest.param(
            _edit("wisata", ("- [X] Orang", "- [ ] Orang")),
            "Pernyataan kreator, butir ke-3: belum dicentang: “Orang yang wajahnya jelas terlihat di foto sudah "
            "memberi izin (anak-anak: izin orang tua atau wali).”",
            id="statement not ticked",
        ),
        pytest.param(
            _edit("wisata", ("### Kategori pos\n\nWisata", "### Kategori pos\n\nKuliner")),
            'Kategori pos: pilihan "Kuliner" tidak ada; pilihan: “Wisata”, “UMKM”, “Budaya”, “Pembangunan”',
            id="unknown category",
        ),
        pytest.param(
            "Halo, saya mau kirim foto pantai.",
            "issue ini tidak dibuat dengan formulir kiriman: baris “### "
            "Kategori pos” tidak ada. Buat issue baru lewat “Kirim pos baru” dan pilih formulir kategori pos Anda",
            id="not a form",
        ),
    ],
)
def test_each_kind_of_mistake_has_its_message(
    body: str, expected: str, content: Path, assets: Path, tmp_path: Path
) -> None:
    before = snapshot(content)
    result = run_kiriman(body, content, tmp_path, assets=assets)
    assert result.returncode == 1, result.stdout + result.stderr
    assert [line for line in result.stdout.splitlines() if not line.startswith("    (en) ")] == [expected]
    assert snapshot(content) == before


def test_a_photo_that_is_not_a_photo_is_refused_before_it_enters_the_bundle(
    content: Path, assets: Path, tmp_path: Path
) -> None:
    (assets / "0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01").write_bytes(b"<html><script>alert(1)</script></html>")
    broken = DEMO_CONTENT / "posts" / "curug-bertingkat-air-terjun" / "curug.jpg"
    (assets / "5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6").write_bytes(broken.read_bytes()[:20_000])  # cut short
    before = snapshot(content)
    result = run_kiriman(fixture("wisata"), content, tmp_path, assets=assets)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    (en) ")]
    assert lines[0] == (
        "Foto, foto ke-1: bukan foto (terdeteksi SVG/HTML); format yang diterima: JPEG, PNG, WebP, HEIC"
    )
    assert lines[1].startswith("Foto, foto ke-2: berkas rusak atau terpotong, tidak dapat dibaca (")
    assert len(lines) == 2
    assert snapshot(content) == before


def test_an_attachment_that_is_a_link_is_refused(content: Path, assets: Path, tmp_path: Path) -> None:
    target = assets / "0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01"
    target.unlink()
    target.symlink_to("/etc/passwd")
    result = run_kiriman(fixture("wisata"), content, tmp_path, assets=assets)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "Foto, foto ke-1: lampiran bukan berkas biasa"


# --------------------------------------------------------------------------
# Hostile bodies
# --------------------------------------------------------------------------


def test_a_hostile_story_stays_text_and_is_cleaned_when_built(content: Path, assets: Path, tmp_path: Path) -> None:
    result = run_kiriman(fixture("hostile-story"), content, tmp_path, assets=assets)
    assert result.returncode == 0, result.stdout + result.stderr
    bundle = Path(result.stdout.strip())
    data, body = front_matter(bundle)
    # The forged "### Judul pos" and the smuggled front matter change nothing: they are the story's text.
    assert data["title"] == 'Telaga "Biru": #1 & <b>ramai</b> --- draft: true'
    assert data["draft"] is False
    assert set(data) == set(EXPECTED["wisata"][1])
    assert "### Judul pos\n\nJudul Palsu yang Tidak Boleh Menang\n\n---\ntitle: Diretas\ndraft: true\n---" in body
    assert '{{ config.site_name }} {% include "main.html" %} $(rm -rf /) `whoami`' in body
    assert bundle.name == "telaga-biru-1-b-ramai-b-draft-true"

    site = tmp_path / "site"
    build = run_build("--content", content, "--site-dir", site, "--no-search")
    assert build.returncode == 0, build.stdout + build.stderr
    page = (site / "artikel" / bundle.name / "index.html").read_text(encoding="utf-8")
    story = page[page.index("Telaga Biru tersembunyi") : page.index("etalase-gallery")]
    for hostile in ("<script", "javascript:", "onload", "onclick", "<iframe", "<svg", "alert(1)"):
        assert hostile not in story
    assert "<h1" in page and "&lt;b&gt;ramai&lt;/b&gt;" in page  # the title is text, not markup
    assert "{{ config.site_name }}" in story  # not expanded


HOSTILE_PHOTOS = """\
Judul pos: berisi karakter tersembunyi ("Telaga Biru \\u202eatit\\u202c di Bukit Jati"); ketik ulang isiannya
Foto: baris “### Foto” muncul dua kali; hapus baris itu dari isian lain (mis. dari Cerita), lalu simpan issue
Foto: "https://github.com/user-attachments/assets/../../etc/passwd" bukan foto yang diunggah ke formulir; seret atau pilih fotonya langsung di kotak ini
Foto: "https://github.com.evil.example/user-attachments/assets/0…" bukan foto yang diunggah ke formulir; seret atau pilih fotonya langsung di kotak ini
Foto: "http://github.com/user-attachments/assets/5e9d7c1b-2a4f-4…" bukan foto yang diunggah ke formulir; seret atau pilih fotonya langsung di kotak ini
Teks alternatif: baris teks alternatif ke-2 tidak punya foto (1 foto); hapus barisnya atau tambahkan fotonya"""


def test_forged_headings_bad_addresses_and_hidden_characters_are_refused(
    content: Path, assets: Path, tmp_path: Path
) -> None:
    before = snapshot(content)
    result = run_kiriman(fixture("hostile-photos"), content, tmp_path, assets=assets)
    assert result.returncode == 1
    assert "\n".join(line for line in result.stdout.splitlines() if not line.startswith("    (en) ")) == HOSTILE_PHOTOS
    assert snapshot(content) == before


def test_an_oversized_body_is_refused(content: Path, tmp_path: Path) -> None:
    result = run_kiriman(fixture("wisata") + "x" * 600_000, content, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "isi issue terlalu panjang; paling banyak 512 KB"


def test_the_report_is_what_the_workflow_reads(content: Path, assets: Path, tmp_path: Path) -> None:
    result = run_kiriman(fixture("wisata"), content, tmp_path, assets=assets)
    assert result.returncode == 0
    report = yaml.safe_load((tmp_path / "hasil.json").read_text(encoding="utf-8"))
    assert report == {
        "ok": True,
        "issue": 7,
        "author": LOGIN,
        "category": "wisata",
        "title": EXPECTED["wisata"][1]["title"],
        "summary": EXPECTED["wisata"][1]["summary"],
        "region": "Air Terjun, Kec. Bukit Jati",
        "slug": EXPECTED["wisata"][0],
        "creator": "rina-wulandari",
        "creator_new": False,
        "photos": 2,
        "bundle": f"posts/{EXPECTED['wisata'][0]}",
        "creator_file": None,
        "problems": [],
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--author", "rina_w"], "--author bukan nama pengguna GitHub: 'rina_w' (not a GitHub login)"),
        (["--now", "kemarin"], "--now bukan waktu ISO yang sah: 'kemarin' (not an ISO date-time)"),
        (
            ["--test-attachment-host", "http://example.com:80"],
            "bukan alamat uji 127.0.0.1:PORT: 'http://example.com:80' (not a loopback test address)",
        ),
        (
            ["--content", "/nonexistent/content"],
            "folder konten tidak ada: /nonexistent/content (content folder not found)",
        ),
    ],
)
def test_wrong_usage_exits_2(args: list[str], message: str, content: Path, tmp_path: Path) -> None:
    result = run_kiriman(fixture("wisata"), content, tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.strip() == message


def test_the_command_as_a_process_exits_2_without_its_arguments() -> None:
    result = subprocess.run([sys.executable, *KIRIMAN], capture_output=True, text=True)
    assert result.returncode == 2 and "--body" in result.stderr


# --------------------------------------------------------------------------
# Whatever the body, a result and never a traceback
# --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["drop", "repeat", "insert", "swap"]),
            st.integers(0, 200),
            st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        ),
        max_size=6,
    )
)
def test_any_edit_of_a_form_gives_problems_or_a_valid_bundle(
    edits, content: Path, assets: Path, tmp_path: Path
) -> None:
    """Creators edit the issue's Markdown freely: drop, repeat, insert and swap lines of a valid body.

    The content holds what a conversion reads (creators, regions) and no post: every example copies,
    snapshots and checks a small folder instead of the demo's photos.
    """
    content = _without_posts(content, tmp_path / "ringan")
    lines = fixture("wisata").split("\n")
    for kind, at, text in edits:
        at %= len(lines)
        if kind == "drop":
            del lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        elif kind == "insert":
            lines.insert(at, text)
        else:
            lines[at], lines[-1 - at] = lines[-1 - at], lines[at]
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    copy = work / "content"
    shutil.copytree(content, copy, copy_function=os.link)
    before = snapshot(copy)
    submission = kiriman.convert(
        "\n".join(lines), LOGIN, 7, copy, datetime.fromisoformat(NOW), kiriman.Settings(assets_dir=assets)
    )
    if submission.problems:
        assert submission.bundle is None and snapshot(copy) == before
        assert all(problem.format() for problem in submission.problems)
    else:
        assert submission.bundle is not None
        assert run_check("--content", copy).returncode == 0


def _without_posts(content: Path, folder: Path) -> Path:
    """``content``'s creators and regions in ``folder`` (made once, then reused), with no post."""
    if not folder.exists():
        (folder / "posts").mkdir(parents=True)
        shutil.copytree(content / "creators", folder / "creators")
        shutil.copy(content / "regions.yml", folder / "regions.yml")
    return folder


def test_a_photo_named_as_a_source_is_proof_and_keeps_its_alt_text(content: Path, assets: Path, tmp_path: Path) -> None:
    body = _edit(
        "pembangunan",
        (
            "DPA Dinas PUPR 2027 | | DPA No. 1.03.10.2.01.0044",
            "DPA Dinas PUPR 2027 | | DPA No. 1.03.10.2.01.0044\nPapan informasi proyek | | | 3",
        ),
    )
    result = run_kiriman(body, content, tmp_path, assets=assets)
    assert result.returncode == 0, result.stdout + result.stderr
    data, _ = front_matter(content / "posts" / EXPECTED["pembangunan"][0])
    assert data["pembangunan"]["sources"][-1] == {"title": "Papan informasi proyek", "photo": "foto-2.jpg"}
    # The board is shown in the gallery too, with its own alt line: no alt text is dropped.
    assert data["gallery"][1] == {"file": "foto-2.jpg", "alt": "Perahu kecil menunggu penumpang di tepi muara"}


def test_a_source_photo_that_is_not_an_attachment_number_is_named(content: Path, assets: Path, tmp_path: Path) -> None:
    body = _edit(
        "pembangunan",
        (
            "DPA Dinas PUPR 2027 | | DPA No. 1.03.10.2.01.0044",
            "DPA Dinas PUPR 2027 | | DPA No. 1.03.10.2.01.0044\nPapan informasi proyek | | | 7",
        ),
    )
    result = run_kiriman(body, content, tmp_path, assets=assets)
    assert result.returncode == 1
    assert (
        'Sumber, baris ke-3: bagian “Foto bukti”: ditemukan "7"; tulis nomor foto di kotak Foto, mis. 3 (ada 3 foto)'
    ) in result.stdout
