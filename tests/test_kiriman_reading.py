"""The form converter reads what people type: dates, percentages, map points, near misses, links, photos.

Recorded issue bodies (tests/fixtures/kiriman/, written as GitHub renders the
forms) are edited to hold each way of writing, and converted in this process
(the command line is tested in test_kiriman.py). Each test asserts the front
matter written and the words of the reply: the problems, or the notes that
say how a value was read.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from etalase.content.categories import REGISTRY
from etalase.content.front_matter import parse_document
from etalase.kiriman import convert as kiriman

from conftest import LOGIN, NOW
from test_kiriman import FIXTURES, make_assets

WHEN = datetime.fromisoformat(NOW)


def body(name: str, *changes: tuple[str, str]) -> str:
    text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return text


def convert(text: str, content: Path, tmp_path: Path, author: str = LOGIN) -> kiriman.Submission:
    assets = make_assets(tmp_path / "lampiran")
    return kiriman.convert(text, author, 7, content, WHEN, kiriman.Settings(assets_dir=assets))


def written(submission: kiriman.Submission) -> dict:
    assert submission.ok, [p.format() for p in submission.problems]
    assert submission.bundle is not None
    index = submission.bundle / "index.md"
    document, problems = parse_document(index.read_text(encoding="utf-8"), index)
    assert document is not None and not problems
    return document.data


def notes(submission: kiriman.Submission) -> list[str]:
    return [", ".join(p for p in (n.label, n.item) if p) + ": " + n.message for n in submission.notes]


def problems(submission: kiriman.Submission) -> list[str]:
    return [p.format().split("\n")[0] for p in submission.problems]


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def test_dates_as_indonesians_write_them(content: Path, tmp_path: Path) -> None:
    submission = convert(
        body(
            "budaya",
            ("### Tanggal terbit\n\n_No response_", "### Tanggal terbit\n\n20/12/2026 pukul 08.00"),
            ("2026-12-20 19:00 WIB", "Minggu, 27 Desember 2026 jam 7 malam"),
            ("2026-12-20 22:00 WIB", "27 Des 2026 22:00 wib"),
        ),
        content,
        tmp_path,
    )
    data = written(submission)
    assert data["date"] == "2026-12-20 08:00 WIB"
    assert data["budaya"]["start"] == "2026-12-27 19:00 WIB"
    assert data["budaya"]["end"] == "2026-12-27 22:00 WIB"
    said = notes(submission)
    assert "Tanggal terbit: dibaca: Minggu, 20 Desember 2026 pukul 08.00 WIB (zona waktu daerah)" in said
    assert "Mulai acara: dibaca: Minggu, 27 Desember 2026 pukul 19.00 WIB (zona waktu daerah)" in said
    assert "Selesai acara: dibaca: Minggu, 27 Desember 2026 pukul 22.00 WIB" in said
    assert (
        "Tanggal terbit: pos terjadwal: tampil di situs Minggu, 20 Desember 2026 pukul 08.00 WIB, bila editor "
        "sudah menyetujuinya"
    ) in said


def test_dates_typed_as_the_form_s_examples_without_a_year_are_the_next_such_days(
    content: Path, tmp_path: Path
) -> None:
    """The forms' examples carry no year (they never go stale): typed so, each is the next such day from the
    conversion (the clock WHEN: 1 December 2026), written in full in front matter and said in the reply."""
    submission = convert(
        body(
            "budaya",
            ("### Tanggal terbit\n\n_No response_", "### Tanggal terbit\n\n20 Desember pukul 08.00"),
            ("2026-12-20 19:00 WIB", "2 Januari pukul 19.00"),
            ("2026-12-20 22:00 WIB", "2 Januari pukul 22.00"),
        ),
        content,
        tmp_path,
    )
    data = written(submission)
    assert data["date"] == "2026-12-20 08:00 WIB"
    assert (data["budaya"]["start"], data["budaya"]["end"]) == ("2027-01-02 19:00 WIB", "2027-01-02 22:00 WIB")
    said = notes(submission)
    assert (
        "Tanggal terbit: dibaca: Minggu, 20 Desember 2026 pukul 08.00 WIB (zona waktu daerah; tahun tidak ditulis: "
        "tanggal itu yang terdekat)"
    ) in said
    assert (
        "Mulai acara: dibaca: Sabtu, 2 Januari 2027 pukul 19.00 WIB (zona waktu daerah; tahun tidak ditulis: "
        "tanggal itu yang terdekat)"
    ) in said


def test_the_regency_s_zone_is_the_one_meant(content: Path, tmp_path: Path) -> None:
    from etalase.content.zones import WITA

    assets = make_assets(tmp_path / "lampiran")
    text = body("budaya", ("2026-12-20 19:00 WIB", "27/12/2026 19:00"), ("2026-12-20 22:00 WIB", "27/12/2026 22:00"))
    submission = kiriman.convert(text, LOGIN, 7, content, WHEN, kiriman.Settings(assets_dir=assets, zone=WITA))
    data = written(submission)
    assert (data["budaya"]["start"], data["budaya"]["end"]) == ("2026-12-27 19:00 WITA", "2026-12-27 22:00 WITA")


def test_an_empty_date_and_a_post_after_its_event_get_notes(content: Path, tmp_path: Path) -> None:
    submission = convert(
        body(
            "budaya",
            ("### Tanggal terbit\n\n_No response_", "### Tanggal terbit\n\n21/12/2026 pukul 08.00"),
        ),
        content,
        tmp_path,
    )
    written(submission)
    assert (
        "Tanggal terbit: pos terbit sesudah acaranya dimulai (Mulai acara: Minggu, 20 Desember 2026 pukul 19.00 "
        "WIB); bila pos ini undangan, majukan tanggal terbitnya atau kosongkan"
    ) in notes(submission)
    empty = convert(body("wisata"), content, tmp_path / "2")
    # Not the conversion's time: the post is dated when an editor merges it (etalase.content.merge_dates).
    assert written(empty)["date"] == "saat digabung"
    assert (
        "Tanggal terbit: kosong: pos tampil di situs saat editor menggabungkannya, dan tanggal terbitnya adalah "
        "waktu penggabungan itu"
    ) in notes(empty)


def test_a_date_that_cannot_be_read_is_explained_without_english(content: Path, tmp_path: Path) -> None:
    submission = convert(body("budaya", ("2026-12-20 19:00 WIB", "31/11/2026 19:00")), content, tmp_path)
    assert submission.bundle is None
    assert [p.format() for p in submission.problems] == [
        'Mulai acara: ditemukan "31/11/2026 19:00"; tanggal 31 November 2026 tidak ada\n'
        '    (en) budaya_start: found "31/11/2026 19:00"; there is no day 31 in November 2026'
    ]


def test_a_project_s_percentage_and_dates(content: Path, tmp_path: Path) -> None:
    submission = convert(
        body(
            "pembangunan",
            ("### Status proyek\n\ndirencanakan", "### Status proyek\n\nSedang berjalan"),
            ("### Kemajuan pekerjaan dalam persen\n\n_No response_", "### Kemajuan pekerjaan dalam persen\n\n65%"),
            ("berlaku\n\n_No response_", "berlaku\n\n13/11/2026"),
            ("### Tanggal mulai pekerjaan\n\n_No response_", "### Tanggal mulai pekerjaan\n\nJuni 2026"),
            ("### Tanggal target selesai\n\n_No response_", "### Tanggal target selesai\n\n31 Des 2026"),
            ("### Sumber dana\n\n_No response_", "### Sumber dana\n\nAPBD Kabupaten"),
        ),
        content,
        tmp_path,
    )
    block = written(submission)["pembangunan"]
    assert (block["status"], block["progress"], block["funding"]) == ("berjalan", 65, "apbd-kabupaten")
    assert (str(block["progress_date"]), str(block["start"]), str(block["target"])) == (
        "2026-11-13",
        "2026-06-01",
        "2026-12-31",
    )
    said = notes(submission)
    assert "Sumber dana: “APBD Kabupaten” dibaca sebagai “APBD kabupaten/kota”" in said
    assert "Tanggal mulai pekerjaan: dibaca: Juni 2026" in said
    assert "Tanggal target selesai: dibaca: Kamis, 31 Desember 2026" in said
    persen = convert(
        body(
            "pembangunan",
            ("### Status proyek\n\ndirencanakan", "### Status proyek\n\nberjalan"),
            (
                "### Kemajuan pekerjaan dalam persen\n\n_No response_",
                "### Kemajuan pekerjaan dalam persen\n\n40 persen",
            ),
            ("berlaku\n\n_No response_", "berlaku\n\n1 Des 2026"),
        ),
        content,
        tmp_path / "2",
    )
    assert written(persen)["pembangunan"]["progress"] == 40


# --------------------------------------------------------------------------
# Map points
# --------------------------------------------------------------------------

LAT = "### Lintang\n\n-2,7402"
LON = "### Bujur\n\n107.6388"


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        pytest.param("https://www.google.com/maps/@-2.7412,107.6401,17z", "_No response_", id="map link in Lintang"),
        pytest.param("_No response_", "https://maps.google.com/?q=-2.7412,107.6401", id="?q= link in Bujur"),
        pytest.param(
            "https://www.google.com/maps/place/Telaga+Biru/@-2.70,107.60,15z/data=!3m1!4b1!4m6!3m5!8m2!3d-2.7412!4d107.6401",
            "_No response_",
            id="place link: the marker wins",
        ),
        pytest.param("-2.7412, 107.6401", "_No response_", id="pair in Lintang"),
        pytest.param("_No response_", "-2,7412, 107,6401", id="pair with decimal commas in Bujur"),
        pytest.param("-2,7412°", "107,6401°", id="degrees with a comma"),
    ],
)
def test_map_points_as_people_paste_them(lat: str, lon: str, content: Path, tmp_path: Path) -> None:
    submission = convert(
        body("wisata", (LAT, f"### Lintang\n\n{lat}"), (LON, f"### Bujur\n\n{lon}")), content, tmp_path
    )
    assert written(submission)["wisata"]["coordinates"] == {"lat": -2.7412, "lon": 107.6401}


def test_a_map_point_read_from_a_link_is_echoed(content: Path, tmp_path: Path) -> None:
    link = "https://www.google.com/maps/@-2.7412,107.6401,17z"
    submission = convert(
        body("wisata", (LAT, f"### Lintang\n\n{link}"), (LON, "### Bujur\n\n_No response_")), content, tmp_path
    )
    assert "Lintang: titik peta dibaca: Lintang -2.7412, Bujur 107.6401" in notes(submission)


def test_a_short_map_link_says_how_to_copy_the_numbers(content: Path, tmp_path: Path) -> None:
    submission = convert(
        body("wisata", (LAT, "### Lintang\n\nhttps://maps.app.goo.gl/AbCdEf123"), (LON, "### Bujur\n\n_No response_")),
        content,
        tmp_path,
    )
    assert problems(submission) == [
        "Lintang: tautan pendek Google Maps tidak bisa dibuka di sini; buka Google Maps, tekan lama titik "
        "lokasinya sampai muncul penanda, lalu salin dua angka yang tampil (mis. -7.2412, 110.4021) dan tempel "
        "di sini"
    ]


def test_latitude_without_longitude_says_both_are_needed(content: Path, tmp_path: Path) -> None:
    submission = convert(body("wisata", (LON, "### Bujur\n\n_No response_")), content, tmp_path)
    assert problems(submission) == [
        "Bujur: Lintang dan Bujur diisi berdua; Bujur masih kosong; contoh Bujur: 107.6349. Cara mendapatkan "
        "angkanya: buka Google Maps, tekan lama titik lokasinya sampai muncul penanda, lalu salin dua angka yang "
        "tampil (mis. -7.2412, 110.4021) dan tempel di sini"
    ]


def test_a_longitude_in_words_gets_a_longitude_example(content: Path, tmp_path: Path) -> None:
    submission = convert(body("wisata", (LON, "### Bujur\n\nseratus tujuh")), content, tmp_path)
    assert problems(submission) == ['Bujur: ditemukan "seratus tujuh"; harus berupa angka bujur, mis. 107.6349']


# --------------------------------------------------------------------------
# Near misses, links, the owner's consent
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "region", "echo"),
    [
        ("Air Terjun", "bukit-jati/air-terjun", "Air Terjun, Kec. Bukit Jati"),
        ("desa air terjun", "bukit-jati/air-terjun", "Air Terjun, Kec. Bukit Jati"),
        ("Kecamatan Bukit Jati", "bukit-jati", "Kec. Bukit Jati"),
        ("air terjun kec bukit jati", "bukit-jati/air-terjun", "Air Terjun, Kec. Bukit Jati"),
    ],
)
def test_a_region_by_name(typed: str, region: str, echo: str, content: Path, tmp_path: Path) -> None:
    submission = convert(
        body("wisata", ("### Wilayah\n\nAir Terjun, Kec. Bukit Jati", f"### Wilayah\n\n{typed}")), content, tmp_path
    )
    assert written(submission)["region"] == region
    assert f"Wilayah: “{typed}” dibaca sebagai “{echo}”" in notes(submission)


def test_umkm_near_misses_links_and_permit_numbers(content: Path, tmp_path: Path) -> None:
    submission = convert(
        body(
            "umkm",
            (
                "### Izin dan sertifikat yang bisa dicek\n\n_No response_",
                "### Izin dan sertifikat yang bisa dicek\n\nP-IRT | 2063201010001-27\nHalal | ID35110000123\nNIB | 1234567890123",
            ),
            (
                "https://www.instagram.com/keripik.busari",
                "Shopee: https://shopee.co.id/keripik.busari\nIG @keripik.busari\ntiktok.com/@keripikbusari",
            ),
        ),
        content,
        tmp_path,
        author="bu-sari",
    )
    data = written(submission)
    block = data["umkm"]
    assert block["certificates"] == [  # written as typed; the schema reads them, as in any post's front matter
        {"type": "P-IRT", "number": "2063201010001-27"},
        {"type": "Halal", "number": "ID35110000123"},
        {"type": "NIB", "number": "1234567890123"},
    ]
    assert block["links"] == [
        "Shopee: https://shopee.co.id/keripik.busari",
        "IG @keripik.busari",
        "tiktok.com/@keripikbusari",
    ]
    post = REGISTRY.post_model("umkm").model_validate(data)
    assert [c.type for c in post.umkm.certificates] == ["pirt", "halal", "nib"]
    assert [(str(link.url), link.label) if hasattr(link, "url") else str(link) for link in post.umkm.links] == [
        ("https://shopee.co.id/keripik.busari", "Shopee"),
        "https://www.instagram.com/keripik.busari",
        "https://tiktok.com/@keripikbusari",
    ]


def test_no_consent_no_number_and_nothing_written(content: Path, tmp_path: Path) -> None:
    tick = "- [X] Pemilik usaha setuju nomor WhatsApp ini tampil di situs"
    submission = convert(body("umkm", (tick, tick.replace("[X]", "[ ]"))), content, tmp_path, author="bu-sari")
    assert submission.bundle is None and submission.creator_file is None
    assert not (content / "posts" / "keripik-tempe-bu-sari-renyah-dari-pasar").exists()
    assert problems(submission) == [
        "Izin menampilkan nomor WhatsApp: belum dicentang: “Pemilik usaha setuju nomor WhatsApp ini tampil di "
        "situs”. Nomor WhatsApp tampil di situs hanya dengan persetujuan pemiliknya, jadi kiriman ini belum "
        "ditulis. Tanyakan dulu kepada pemilik usaha, lalu centang kotaknya"
    ]
    removed = convert(
        body("umkm", (f"### Izin menampilkan nomor WhatsApp\n\n{tick}\n\n", "")),
        content,
        tmp_path / "2",
        author="bu-sari",
    )
    assert removed.bundle is None
    assert problems(removed)[0].startswith("Izin menampilkan nomor WhatsApp: baris “### Izin menampilkan nomor")


# --------------------------------------------------------------------------
# Photos and their alt texts
# --------------------------------------------------------------------------

ALTS = "Telaga berair biru jernih dikelilingi pepohonan hijau\n2. Jalan setapak berbatu menuju telaga\n"


def test_alt_lines_pair_with_photos_whatever_the_blank_lines(content: Path, tmp_path: Path) -> None:
    spaced = "\nTelaga berair biru jernih dikelilingi pepohonan hijau\n\n\nJalan setapak berbatu menuju telaga\n\n"
    submission = convert(body("wisata", (ALTS, spaced)), content, tmp_path)
    data = written(submission)
    assert data["cover"]["alt"] == "Telaga berair biru jernih dikelilingi pepohonan hijau"
    assert data["gallery"] == [{"file": "foto-1.jpg", "alt": "Jalan setapak berbatu menuju telaga"}]
    said = notes(submission)
    assert (
        "Foto, foto ke-1: sampul.jpg (sampul): teks alternatif “Telaga berair biru jernih dikelilingi pepohonan hijau”"
        in said
    )
    assert "Foto, foto ke-2: foto-1.jpg: teks alternatif “Jalan setapak berbatu menuju telaga”" in said


def test_an_unfinished_upload_is_named(content: Path, tmp_path: Path) -> None:
    text = body(
        "wisata",
        (
            "<img width",
            "![Uploading IMG_20261117_090011.jpg…]()\n<img width",
        ),
    )
    submission = convert(text, content, tmp_path)
    assert problems(submission) == [
        "Foto: foto “IMG_20261117_090011.jpg” belum selesai diunggah (tertulis “Uploading”); hapus baris itu, "
        "seret fotonya lagi dan tunggu sampai tautannya muncul, lalu simpan issue"
    ]


@pytest.mark.parametrize(
    ("alt", "note"),
    [
        ("IMG_20261117_090011", "“IMG_20261117_090011” adalah nama berkas; tulis apa yang tampak di foto"),
        ("foto", "“foto” hanya satu kata; ceritakan apa yang tampak di foto dalam satu kalimat"),
        ("Gambar papan proyek", "“Gambar papan proyek”: tidak perlu diawali “Foto” atau “Gambar”"),
    ],
)
def test_an_alt_text_that_says_little_gets_a_note(alt: str, note: str, content: Path, tmp_path: Path) -> None:
    submission = convert(body("wisata", ("Jalan setapak berbatu menuju telaga", alt)), content, tmp_path)
    assert written(submission)["gallery"][0]["alt"] == alt
    assert any(line.startswith(f"Teks alternatif, foto ke-2: {note}") for line in notes(submission)), notes(submission)


# --------------------------------------------------------------------------
# Titles that shout: notes, not refusals
# --------------------------------------------------------------------------


def test_a_shouting_title_passes_with_notes(content: Path, tmp_path: Path) -> None:
    title = "SAMBAL BAWANG BU RATMI PEDASNYA NAMPOL!!! 🔥🔥 Must Visit"
    old = "Telaga Biru di Balik Bukit Jati: Air Jernih dan Jalan Setapak"
    submission = convert(body("wisata", (f"### Judul pos\n\n{old}", f"### Judul pos\n\n{title}")), content, tmp_path)
    assert written(submission)["title"] == title
    said = [line for line in notes(submission) if line.startswith("Judul pos: ")]
    assert said == [
        "Judul pos: ditulis dengan huruf kapital semua; huruf biasa lebih mudah dibaca, mis. “Sambal bawang bu "
        "ratmi pedasnya nampol!!! 🔥🔥 must visit”",
        "Judul pos: berisi emoji; judul tanpa emoji lebih mudah dicari",
        "Judul pos: berisi tanda seru berulang (!!!); satu tanda cukup atau tanpa tanda",
        "Judul pos: berisi ungkapan bahasa Inggris (“must visit”); pembaca situs ini berbahasa Indonesia",
    ]


# --------------------------------------------------------------------------
# Plain words on the form route
# --------------------------------------------------------------------------

FILE_FORMAT_WORDS = ("templat", "template", "draft", "{", "}", "YAML", "true", "false")


def test_replies_speak_of_the_form_not_of_the_file(content: Path, tmp_path: Path) -> None:
    submission = convert(
        body(
            "umkm",
            ("### Nama usaha\n\nKeripik Tempe Bu Sari", "### Nama usaha\n\nNama Usaha"),
            ("### Nomor WhatsApp untuk pesan\n\n0813-5550-2711", "### Nomor WhatsApp untuk pesan\n\n0812-3456-7890"),
        ),
        content,
        tmp_path,
        author="bu-sari",
    )
    assert problems(submission) == [
        'Nama usaha: masih berisi contoh dari formulir: "Nama Usaha"; tulis isian Anda sendiri; '
        "contoh: Sambal Bawang Bu Ratmi",
        'Nomor WhatsApp untuk pesan: masih berisi contoh dari formulir: "0812-3456-7890"; tulis isian Anda sendiri',
    ]
    for problem in submission.problems:
        assert not any(word in problem.message for word in FILE_FORMAT_WORDS), problem.message


def test_the_notes_file_holds_what_the_reply_tells(content: Path, tmp_path: Path) -> None:
    import json

    from conftest import ROOT

    issue = tmp_path / "issue.md"
    issue.write_text(body("budaya", ("2026-12-20 19:00 WIB", "20/12/2026 jam 7 malam")), encoding="utf-8")
    notes_file = tmp_path / "catatan.json"
    args = ["--body", str(issue), "--author", LOGIN, "--issue", "7", "--content", str(content), "--now", NOW]
    args += ["--config", str(ROOT / "mkdocs.yml"), "--assets", str(make_assets(tmp_path / "lampiran"))]
    assert kiriman.main([*args, "--notes", str(notes_file)]) == 0
    notes_written = json.loads(notes_file.read_text(encoding="utf-8"))
    assert {
        "label": "Mulai acara",
        "field": "budaya_start",
        "message": "dibaca: Minggu, 20 Desember 2026 pukul 19.00 WIB (zona waktu daerah)",
        "message_en": "read as: Minggu, 20 Desember 2026 pukul 19.00 WIB (the regency's time zone)",
        "item": "",
        "item_en": "",
    } in notes_written
