#!/usr/bin/env python3
"""Synthetic content in Etalase's format, for benchmarks at thousands of posts.

:func:`make_corpus` writes a content folder as creators would: ``regions.yml``
(kecamatan with their desa), one YAML file per creator, and one bundle per
post with ``index.md`` and three photos (cover and two gallery photos). Posts
cover all four categories with full category blocks (a wisata place with
hours, ticket and facilities; a UMKM business with products, prices and
WhatsApp; a budaya event with start and end, or a tradition; a pembangunan
project with status, agency, budget and sources), about 650 words of
Indonesian-like text (real words, many of them derived forms such as
*pembangunan*, *kebudayaan*, *pengunjung*, *keindahan*, so the search
index's Indonesian stemmer has work), headings, a list and external links; their
dates spread over the three years before :data:`NOW`.

Photos are hard links to a small pool (:func:`make_photo_pool`: the demo's
photos scaled down once), so 10,000 posts take seconds to write and no disk.
The same seed always writes the same bytes.

    .venv/bin/python bench/corpus.py /tmp/konten --posts 2000 --seed 1
    .venv/bin/python scripts/build.py --check --content /tmp/konten --now 2026-12-01T12:00:00+07:00
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
DEMO_PHOTOS = ROOT / "content" / "posts"

NOW = datetime.fromisoformat("2026-12-01T12:00:00+07:00")
"""The benchmark's clock: every post is dated in the three years before it, so all are published."""
SPAN = timedelta(days=3 * 365)
FIRST_DAY = (NOW - SPAN).replace(hour=0, minute=0)
"""Midnight (WIB) of the first day a post may be dated; posts are dated between 06:00 and 22:00."""

CATEGORIES = ("wisata", "umkm", "budaya", "pembangunan")
CREATORS = 100
PHOTO_NAMES = ("sampul.jpg", "foto-1.jpg", "foto-2.jpg")
"""Cover, then the two gallery photos, of every post."""
WORDS_TARGET = 650

ZONES = (("WIB", 7), ("WITA", 8), ("WIT", 9))

# --------------------------------------------------------------------------
# Vocabulary: real Indonesian words, common and per category
# --------------------------------------------------------------------------

FUNCTION_WORDS = """
yang dan di ke dari untuk dengan ini itu pada juga akan sudah masih bisa lebih banyak para setiap
karena agar sambil ketika saat bahwa namun tetapi serta atau hingga sampai sejak selama oleh
kami kita mereka ia warga sangat cukup hanya sekitar hampir selalu sering kini dulu nanti
""".split()

COMMON_WORDS = """
desa kampung kecamatan kabupaten masyarakat pemuda ibu bapak anak keluarga tetangga tokoh
hari minggu bulan tahun pagi siang sore malam musim kemarau hujan panen libur akhir pekan
jalan rumah balai lapangan sawah kebun ladang sungai pasar sekolah masjid dusun
berkunjung kunjungan mengunjungi dikunjungi pengunjung perjalanan berjalan menempuh kendaraan
kebersamaan keramahan kenyamanan kebersihan keamanan kesehatan kesempatan kegiatan kebiasaan
bersama gotong royong bekerja pekerjaan pekerja membantu bantuan mendukung dukungan
pemerintah pemerintahan kepala lurah camat bupati dinas program pelaksanaan peningkatan
perekonomian ekonomi penghasilan pendapatan kesejahteraan manfaat bermanfaat kemajuan maju
indah keindahan ramai sepi bersih sejuk hangat terkenal dikenal mengenal pengenalan
cerita bercerita pengalaman mencoba menikmati kenikmatan suasana pemandangan melihat terlihat
pembangunan membangun dibangun bangunan kebudayaan budaya berbudaya kelestarian lestari
""".split()

CATEGORY_WORDS = {
    "wisata": """
pantai pasir ombak laut teluk pulau dermaga perahu nelayan bukit gunung puncak lereng hutan pinus
air terjun curug danau telaga mata air goa tebing karang terumbu matahari terbit terbenam senja
wisata wisatawan pariwisata tiket parkir penginapan homestay pemandu pendakian mendaki pendaki
berenang menyelam snorkeling berkemah perkemahan kemah gazebo warung kuliner jajanan kelapa muda
pemandangan keindahan panorama fotografi berfoto swafoto jalur setapak jembatan bambu ayunan
""".split(),
    "umkm": """
usaha pengusaha produk produksi memproduksi kerajinan pengrajin perajin anyaman bambu rotan batik
tenun kain kopi robusta arabika keripik singkong pisang dodol sambal kue olahan pengolahan kemasan
pesanan memesan pemesanan pemasaran memasarkan pelanggan pembeli penjualan menjual dijual harga
modal pinjaman koperasi bahan baku rasa gurih manis pedas renyah oleh oleh kuliner warung toko
pasar daring marketplace ongkos kirim pengiriman karyawan tenaga kerja omzet sertifikat halal
""".split(),
    "budaya": """
tradisi tradisional upacara adat istiadat tari tarian penari gamelan gendang rebana angklung
sanggar pentas pementasan pertunjukan festival kirab arak arakan sedekah bumi syukuran selamatan
leluhur tetua sesepuh kesenian seniman kebudayaan pelestarian melestarikan dilestarikan generasi
lagu daerah pakaian busana topeng wayang dalang sinden pencak silat permainan rakyat dongeng
turun temurun warisan pewaris sakral doa bersyukur syukur kebersamaan malam puncak acara
""".split(),
    "pembangunan": """
pembangunan membangun dibangun bangunan jalan jembatan irigasi saluran drainase talud puskesmas
posyandu sekolah gedung balai pasar pengaspalan aspal betonisasi beton anggaran proyek kontraktor
pengerjaan dikerjakan pengawasan pengawas dinas pemerintah rampung selesai tahap progres persen
manfaat akses perbaikan memperbaiki diperbaiki rehabilitasi renovasi penerangan lampu air bersih
sumur pipa instalasi sanitasi pemeliharaan perawatan musyawarah perencanaan rencana dana desa
""".split(),
}

HEADINGS = {
    "wisata": [
        "Cara ke sana",
        "Tiket dan fasilitas",
        "Waktu terbaik berkunjung",
        "Yang perlu dibawa",
        "Suasana di lokasi",
        "Kuliner di sekitar",
        "Tips untuk keluarga",
    ],
    "umkm": [
        "Awal usaha",
        "Cara membuat",
        "Produk andalan",
        "Cara memesan",
        "Harga dan kemasan",
        "Rencana ke depan",
        "Bahan baku dari warga",
    ],
    "budaya": [
        "Asal-usul tradisi",
        "Jalannya acara",
        "Makna bagi warga",
        "Pelestarian",
        "Informasi untuk pengunjung",
        "Peran generasi muda",
        "Persiapan",
    ],
    "pembangunan": [
        "Kondisi sebelumnya",
        "Progres pekerjaan",
        "Anggaran dan sumber dana",
        "Manfaat bagi warga",
        "Tahap berikutnya",
        "Pengawasan",
        "Kata warga",
    ],
}

# --------------------------------------------------------------------------
# Names: people, places, things
# --------------------------------------------------------------------------

FIRST_NAMES = """
Rina Dimas Siti Bayu Ayu Budi Dewi Eko Fitri Gilang Hendra Indah Joko Kartika Lestari Made Nur Putri
Rizky Sari Taufik Umi Wahyu Yusuf Zahra Agus Bambang Citra Dian Fajar Galih Hana Irfan Januar Komang
Lina Maya Nanda Oki Purnama Ratna Slamet Tri Utami Vina Wulan Yanti Anisa Bagus
""".split()
LAST_NAMES = """
Wulandari Pratama Aminah Setiawan Saputra Hidayat Lestari Nugroho Kusuma Rahmawati Santoso Wibowo
Susanti Firmansyah Maharani Gunawan Handayani Permana Anggraini Kurniawan Sulistyo Ramadhan Safitri
Hakim Yulianti Purnomo Wijaya Syahputra Anjani Fauzi
""".split()
PLACE_PREFIXES = "Suka Sumber Karang Mekar Tegal Wono Sido Marga Jati Tanjung Sindang Banjar Kebon Purwo Taman".split()
PLACE_SUFFIXES = "maju mulya sari rejo jaya makmur agung harjo asih indah".split()
KECAMATAN = [
    "Pesisir Timur",
    "Bukit Raya",
    "Sungai Lebar",
    "Kota Lama",
    "Tanah Merah",
    "Air Hitam",
    "Padang Luas",
    "Muara Baru",
    "Lembah Hijau",
    "Batu Ampar",
    "Pulau Besar",
    "Gunung Tua",
]
DESA_PER_KECAMATAN = 6

WISATA_KINDS = [
    "Pantai",
    "Air Terjun",
    "Bukit",
    "Danau",
    "Goa",
    "Hutan Pinus",
    "Telaga",
    "Kebun Teh",
    "Desa Wisata",
    "Pulau",
    "Mata Air",
    "Puncak",
]
WISATA_HOOKS = [
    "Pasir Putih dan Ombak Tenang",
    "Tempat Menanti Senja",
    "Sejuk di Akhir Pekan",
    "Permata Tersembunyi",
    "Cocok untuk Keluarga",
    "Jalur Pendek Pemandangan Luas",
    "Ramai Saat Libur Panen",
    "Dikelola Pemuda Desa",
]
UMKM_PRODUCTS = [
    "Keripik Singkong",
    "Kopi Robusta",
    "Anyaman Bambu",
    "Batik Tulis",
    "Dodol Durian",
    "Sambal Roa",
    "Kain Tenun",
    "Gula Aren",
    "Madu Hutan",
    "Kerupuk Ikan",
    "Tas Rotan",
    "Kue Bangkit",
]
UMKM_OWNERS = ["Bu", "Pak", "Mbak", "Mas", "Kak"]
BUDAYA_EVENTS = [
    "Sedekah Bumi",
    "Festival Layang-Layang",
    "Kirab Budaya",
    "Lomba Tabuh Gendang",
    "Pentas Tari Tradisional",
    "Malam Dongeng",
    "Syukuran Panen",
    "Festival Perahu Hias",
    "Pagelaran Wayang",
    "Lomba Pencak Silat",
]
PEMBANGUNAN_PROJECTS = [
    "Pembangunan Jembatan",
    "Pengaspalan Jalan",
    "Perbaikan Saluran Irigasi",
    "Pembangunan Puskesmas Pembantu",
    "Rehabilitasi Gedung Sekolah",
    "Pembangunan Talud",
    "Penerangan Jalan Desa",
    "Pembangunan Pasar Desa",
    "Sarana Air Bersih",
]
PEMBANGUNAN_PHRASES = [
    "Capai {p} Persen",
    "Mulai Dikerjakan",
    "Rampung Lebih Cepat",
    "Masuk Tahap Akhir",
    "Dimanfaatkan Warga",
    "Direncanakan Tahun Depan",
]
AGENCIES = [
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Pemerintah Desa",
    "Dinas Perhubungan",
]

TAGS = {
    "wisata": [
        "pantai",
        "air-terjun",
        "pendakian",
        "berkemah",
        "senja",
        "wisata-alam",
        "keluarga",
        "fotografi",
        "kuliner",
        "desa-wisata",
        "danau",
        "goa",
        "snorkeling",
        "libur-sekolah",
    ],
    "umkm": [
        "kuliner",
        "oleh-oleh",
        "kerajinan",
        "kopi",
        "batik",
        "tenun",
        "camilan",
        "produk-lokal",
        "ekonomi-kreatif",
        "usaha-muda",
        "belanja-daring",
        "halal",
    ],
    "budaya": [
        "tradisi",
        "festival",
        "seni-pertunjukan",
        "musik-tradisional",
        "tari",
        "cerita-rakyat",
        "upacara-adat",
        "wayang",
        "pencak-silat",
        "anak-anak",
        "permainan-rakyat",
    ],
    "pembangunan": [
        "infrastruktur",
        "jembatan",
        "jalan-desa",
        "irigasi",
        "kesehatan",
        "pendidikan",
        "air-bersih",
        "dana-desa",
        "akses-desa",
        "penerangan",
        "sanitasi",
    ],
}
FACILITIES = [
    "parkir",
    "toilet",
    "musala",
    "warung",
    "gazebo",
    "pemandu lokal",
    "sewa tenda",
    "kamar bilas",
    "pos jaga",
    "tempat sampah",
    "area bermain anak",
    "penginapan",
]
PHOTO_SUBJECTS = {
    "wisata": [
        "Pengunjung berjalan di tepi pantai berpasir putih",
        "Air terjun kecil di antara batu berlumut",
        "Jalur setapak menuju puncak bukit saat pagi",
        "Perahu nelayan bersandar di dermaga kayu",
    ],
    "umkm": [
        "Pengrajin menganyam bambu di teras rumah",
        "Keripik dalam kemasan berlabel siap dikirim",
        "Biji kopi dijemur di atas terpal",
        "Kain tenun terlipat rapi di rak toko",
    ],
    "budaya": [
        "Penari berbusana adat di panggung terbuka",
        "Warga membawa tumpeng dalam kirab",
        "Pemain gendang berlatih di sanggar",
        "Anak-anak menyimak dongeng di balai desa",
    ],
    "pembangunan": [
        "Pekerja memasang lantai baja jembatan",
        "Jalan desa yang baru diaspal",
        "Saluran irigasi beton di tepi sawah",
        "Gedung puskesmas pembantu yang baru dicat",
    ],
}


@dataclass(frozen=True)
class Place:
    """A desa and its kecamatan, as named in ``regions.yml``."""

    kecamatan_id: str
    kecamatan: str
    desa_id: str
    desa: str

    @property
    def region(self) -> str:
        return f"{self.kecamatan_id}/{self.desa_id}"


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by ``-``, as Etalase's slugs are."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------


def make_photo_pool(folder: Path, long_side: int = 1600) -> list[Path]:
    """The demo's distinct photos, upright and scaled once to ``long_side`` px, as JPEGs in ``folder``.

    Posts hard-link these files, so the pool must be on the same file
    system as the corpus. Metadata is not copied.
    """
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    pool: list[Path] = []
    for source in sorted(DEMO_PHOTOS.glob("*/*.jpg")):
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        target = folder / f"foto-{len(pool):02d}.jpg"
        with Image.open(source) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
        upright.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
        upright.save(target, "JPEG", quality=85, optimize=True)
        pool.append(target)
    return pool


# --------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------


def make_corpus(root: Path, n: int, seed: int, *, photos: Sequence[Path]) -> list[str]:
    """Write a content folder of ``n`` posts into ``root`` (which must not exist); returns the post slugs.

    ``photos`` is the pool (:func:`make_photo_pool`, at least three files)
    that every post's three photos are hard-linked from.
    """
    if len(photos) < len(PHOTO_NAMES):
        raise ValueError(f"the photo pool needs at least {len(PHOTO_NAMES)} photos, got {len(photos)}")
    rng = random.Random(seed)
    root.mkdir(parents=True)
    places = _write_regions(root)
    creators = _write_creators(root, rng)
    weights = [1 / (rank + 1) for rank in range(len(creators))]  # a few prolific creators, a long tail
    slugs: list[str] = []
    for number in range(n):
        category = CATEGORIES[number % len(CATEGORIES)]
        place = rng.choice(places)
        authors = _distinct(rng, creators, weights, 1 if rng.random() < 0.8 else 2)
        title, subject = _title(rng, category, place)
        slug = f"{slugify(title)[:60].rstrip('-')}-{number:05d}"
        date = FIRST_DAY + timedelta(days=rng.randrange(SPAN.days), minutes=5 * rng.randrange(72, 264))
        bundle = root / "posts" / slug
        bundle.mkdir(parents=True)
        chosen = rng.sample(list(photos), len(PHOTO_NAMES))
        for name, photo in zip(PHOTO_NAMES, chosen):
            (bundle / name).hardlink_to(photo)
        meta = _front_matter(rng, category, title, subject, date, authors, place)
        body = _body(rng, category, subject, place)
        (bundle / "index.md").write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=120) + "---\n\n" + body,
            encoding="utf-8",
        )
        slugs.append(slug)
    return slugs


def _write_regions(root: Path) -> list[Place]:
    names = [prefix + suffix for prefix in PLACE_PREFIXES for suffix in PLACE_SUFFIXES]
    kecamatan, places = [], []
    for k, kec_name in enumerate(KECAMATAN):
        desa = []
        for d in range(DESA_PER_KECAMATAN):
            name = names[(k * DESA_PER_KECAMATAN + d) * 7 % len(names)]
            desa.append({"id": slugify(name), "name": name})
            places.append(Place(slugify(kec_name), kec_name, slugify(name), name))
        kecamatan.append({"id": slugify(kec_name), "name": kec_name, "desa": desa})
    (root / "regions.yml").write_text(
        yaml.safe_dump({"kecamatan": kecamatan}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return places


def _write_creators(root: Path, rng: random.Random) -> list[tuple[str, str]]:
    """``CREATORS`` creator files; returns (id, name) pairs."""
    folder = root / "creators"
    folder.mkdir()
    pairs = [(first, last) for last in LAST_NAMES for first in FIRST_NAMES]
    creators = []
    for first, last in rng.sample(pairs, CREATORS):
        name = f"{first} {last}"
        creator_id = slugify(name)
        topic = rng.choice(["wisata alam", "kuliner dan UMKM", "seni dan tradisi", "pembangunan desa"])
        data: dict[str, Any] = {"name": name, "bio": f"Kreator konten {topic} dari {rng.choice(KECAMATAN)}."}
        if rng.random() < 0.5:
            data["links"] = {"instagram": f"https://www.instagram.com/{creator_id.replace('-', '.')}"}
        (folder / f"{creator_id}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        creators.append((creator_id, name))
    return creators


def _distinct(rng: random.Random, items: list[Any], weights: list[float], count: int) -> list[Any]:
    chosen: list[Any] = []
    while len(chosen) < count:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def _title(rng: random.Random, category: str, place: Place) -> tuple[str, str]:
    """The post's title and its subject (the place, business, event or project it is about)."""
    if category == "wisata":
        subject = f"{rng.choice(WISATA_KINDS)} {place.desa}"
        return f"{subject}, {rng.choice(WISATA_HOOKS)}", subject
    if category == "umkm":
        product = rng.choice(UMKM_PRODUCTS)
        subject = f"{product} {rng.choice(UMKM_OWNERS)} {rng.choice(FIRST_NAMES)}"
        return f"{subject} dari Desa {place.desa}", subject
    if category == "budaya":
        subject = f"{rng.choice(BUDAYA_EVENTS)} Desa {place.desa}"
        return f"{subject} {rng.choice(['Kembali Digelar', 'Dijaga Turun-temurun', 'Meriah', 'Tahun Ini'])}", subject
    subject = f"{rng.choice(PEMBANGUNAN_PROJECTS)} {place.desa}"
    return f"{subject} {rng.choice(PEMBANGUNAN_PHRASES).format(p=rng.randrange(20, 96))}", subject


def _local_text(moment: datetime, zone: tuple[str, int]) -> str:
    """``2026-10-12 08:00 WIB``: ``moment`` on the clock of ``zone`` (name, hours ahead of UTC)."""
    name, hours = zone
    return f"{moment.astimezone(timezone(timedelta(hours=hours))):%Y-%m-%d %H:%M} {name}"


def _front_matter(
    rng: random.Random,
    category: str,
    title: str,
    subject: str,
    date: datetime,
    authors: list[tuple[str, str]],
    place: Place,
) -> dict[str, Any]:
    subjects = rng.sample(PHOTO_SUBJECTS[category], len(PHOTO_NAMES))
    meta: dict[str, Any] = {
        "title": title,
        "date": _local_text(date, rng.choices(ZONES, weights=[85, 12, 3])[0]),
        "category": category,
        "summary": f"{subject} di Kec. {place.kecamatan}: {_sentence(rng, category, 8, 14).rstrip('.').lower()}.",
        "creators": [creator_id for creator_id, _ in authors],
        "region": place.region,
        "tags": sorted(set(rng.sample(TAGS[category], rng.randint(2, 4)))),
        "cover": {
            "file": PHOTO_NAMES[0],
            "alt": f"{subjects[0]} di {place.desa}",
            "credit": authors[0][1],
            "license": "CC BY 4.0",
        },
        "gallery": [
            {
                "file": name,
                "alt": subjects[i],
                **({"caption": _sentence(rng, category, 6, 10)} if rng.random() < 0.5 else {}),
            }
            for i, name in enumerate(PHOTO_NAMES[1:], start=1)
        ],
    }
    address = f"Desa {place.desa}, Kec. {place.kecamatan}"
    if category == "wisata":
        meta["wisata"] = {
            "place": subject,
            "address": address,
            **(
                {"coordinates": {"lat": round(rng.uniform(-8.5, -6.0), 4), "lon": round(rng.uniform(106.0, 114.0), 4)}}
                if rng.random() < 0.6
                else {}
            ),
            "opening_hours": rng.choice(
                ["Setiap hari 07.00–17.00 WIB", "Setiap hari 24 jam", "Sabtu–Minggu 06.00–18.00 WIB"]
            ),
            "ticket": rng.choice(["Gratis", "Rp5.000 per orang", "Rp10.000 per orang, anak gratis"]),
            "facilities": rng.sample(FACILITIES, rng.randint(2, 6)),
        }
    elif category == "umkm":
        meta["umkm"] = {
            "business": subject,
            "products": rng.sample(UMKM_PRODUCTS, rng.randint(2, 5)),
            "price_range": f"Rp{rng.randrange(5, 30)}.000–Rp{rng.randrange(50, 300)}.000",
            **({"opening_hours": "Senin–Sabtu 08.00–17.00 WIB"} if rng.random() < 0.5 else {}),
            "whatsapp": f"0812-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}",
            "address": f"Jl. {rng.choice(LAST_NAMES)} No. {rng.randrange(1, 90)}, {address}",
            **(
                {"links": [f"https://www.instagram.com/{slugify(subject).replace('-', '.')}"]}
                if rng.random() < 0.4
                else {}
            ),
        }
    elif category == "budaya":
        block: dict[str, Any] = {
            "venue": f"Balai {place.desa}, Kec. {place.kecamatan}",
            "organiser": f"Sanggar {rng.choice(PLACE_PREFIXES)}{rng.choice(PLACE_SUFFIXES)}",
        }
        if rng.random() < 0.3:
            block["tradition"] = True
        else:
            start = date + timedelta(days=rng.randrange(3, 30), hours=rng.randrange(0, 10))
            block["start"] = _local_text(start, ZONES[0])
            block["end"] = _local_text(start + timedelta(hours=rng.randrange(2, 30)), ZONES[0])
        meta["budaya"] = block
    else:
        sources: list[dict[str, str]] = [
            {
                "title": f"Dokumen Pelaksanaan Anggaran {date.year}",
                "document": f"DPA {date.year} No. {rng.randrange(1, 999)}",
            }
        ]
        if rng.random() < 0.5:
            sources.append(
                {
                    "title": f"Siaran pers tentang {subject}",
                    "url": f"https://www.example.go.id/berita/{slugify(subject)}",
                }
            )
        meta["pembangunan"] = {
            "project": subject,
            "agency": rng.choice(AGENCIES),
            "status": rng.choice(["direncanakan", "berjalan", "selesai"]),
            **({"budget": rng.randrange(50, 5000) * 1_000_000} if rng.random() < 0.7 else {}),
            "sources": sources,
        }
    return meta


def _sentence(rng: random.Random, category: str, shortest: int, longest: int) -> str:
    """A sentence of real words, half of them the category's and the common ones', half function words."""
    words = []
    for _ in range(rng.randint(shortest, longest)):
        pick = rng.random()
        if pick < 0.35:
            words.append(rng.choice(FUNCTION_WORDS))
        elif pick < 0.65:
            words.append(rng.choice(COMMON_WORDS))
        elif pick < 0.95:
            words.append(rng.choice(CATEGORY_WORDS[category]))
        else:
            words.append(rng.choice(CATEGORY_WORDS[rng.choice(CATEGORIES)]))
    if len(words) > 8 and rng.random() < 0.4:
        words[len(words) // 2] += ","
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, category: str) -> str:
    return " ".join(_sentence(rng, category, 8, 16) for _ in range(rng.randint(4, 6)))


def _body(rng: random.Random, category: str, subject: str, place: Place) -> str:
    """About :data:`WORDS_TARGET` words: paragraphs under ``##`` headings, a list, two external links."""
    headings = rng.sample(HEADINGS[category], 4)
    blocks = [f"{subject} berada di Desa {place.desa}, Kecamatan {place.kecamatan}. {_paragraph(rng, category)}"]
    words, paragraphs = len(blocks[0].split()), 1
    while words < WORDS_TARGET:
        first_new = len(blocks)
        if paragraphs % 2 == 0 and headings:
            blocks.append(f"## {headings.pop()}")
            if len(headings) == 2:
                items = [_sentence(rng, category, 4, 8).rstrip(".") for _ in range(rng.randint(3, 5))]
                blocks.append("\n".join(f"- {item}" for item in items))
        paragraph = _paragraph(rng, category)
        if paragraphs in (2, 5):
            site = rng.choice(["dinas pariwisata", "kabupaten", "pemerintah desa", "dinas kebudayaan"])
            paragraph += f" Informasi lengkap ada di [situs {site}](https://www.example.go.id/{slugify(site)})."
        blocks.append(paragraph)
        words += sum(len(block.split()) for block in blocks[first_new:])
        paragraphs += 1
    return "\n\n".join(blocks) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="content folder to write (must not exist)")
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--photo-size", type=int, default=1600, help="long side of the pooled photos, px")
    args = parser.parse_args()
    pool = make_photo_pool(args.folder.with_name(args.folder.name + "-foto"), args.photo_size)
    slugs = make_corpus(args.folder, args.posts, args.seed, photos=pool)
    print(f"{len(slugs)} posts in {args.folder} (photos hard-linked from {pool[0].parent})")


if __name__ == "__main__":
    main()
