"""The front-matter schema of a post, declared once.

These pydantic models are the single source of truth for:

* validation of every post (:mod:`etalase.validate`),
* the JSON Schema that editors use for autocompletion (:mod:`etalase.schema_docs`),
* the field table of the contributor guide (:mod:`etalase.schema_docs`),
* the placeholders written by the new-post scaffold (``scripts/new_post.py``).

Keys are English, as the ecosystem's are; each field carries an Indonesian
``description`` (shown to creators) and an ``examples`` value (used by the
scaffold). A post has the common fields plus one block named after its
category (``wisata:``, ``umkm:``, ``budaya:`` or ``pembangunan:``) that is
validated only for that category.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    HttpUrl,
    PlainSerializer,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

SUMMARY_MAX = 200
"""Longest summary, in characters: it is the card text and the meta description."""
TITLE_MAX = 100

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
ALLOWED_OFFSETS = {z.utcoffset(None) for z in ZONES.values()}


class Category(str, Enum):
    """The four things a post can be about."""

    wisata = "wisata"
    umkm = "umkm"
    budaya = "budaya"
    pembangunan = "pembangunan"


CATEGORY_LABELS: dict[str, str] = {
    "wisata": "Wisata",
    "umkm": "UMKM",
    "budaya": "Budaya",
    "pembangunan": "Pembangunan",
}
"""Indonesian labels shown on the site."""


# --------------------------------------------------------------------------
# Reusable field types
# --------------------------------------------------------------------------

def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _parse_datetime(value: Any) -> Any:
    """Accept ``2026-10-12 08:00 WIB`` as well as ISO 8601 with an offset."""
    if isinstance(value, str):
        text = value.strip()
        match = re.fullmatch(r"(.+?)\s+(WIB|WITA|WIT)", text, flags=re.IGNORECASE)
        if match:
            try:
                naive = datetime.fromisoformat(match.group(1))
            except ValueError:
                raise PydanticCustomError(
                    "etalase_datetime",
                    "bukan tanggal dan jam yang sah",
                ) from None
            return naive.replace(tzinfo=ZONES[match.group(2).upper()])
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError("etalase_datetime", "bukan tanggal dan jam yang sah") from None
    if isinstance(value, date) and not isinstance(value, datetime):
        raise PydanticCustomError("etalase_timezone", "tanpa jam dan zona waktu")
    return value


def _require_zone(value: datetime) -> datetime:
    offset = value.utcoffset()
    if offset is None:
        raise PydanticCustomError("etalase_timezone", "tanpa zona waktu")
    if offset not in ALLOWED_OFFSETS:
        raise PydanticCustomError("etalase_timezone_offset", "zona waktu bukan WIB, WITA, atau WIT")
    return value


DateTimeWithZone = Annotated[
    datetime,
    BeforeValidator(_parse_datetime),
    AfterValidator(_require_zone),
    PlainSerializer(lambda v: v.isoformat(), return_type=str),
]

Text = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=500)]
ShortText = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=120)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
FileName = Annotated[
    str,
    BeforeValidator(_strip),
    Field(min_length=1, max_length=200, description="Nama berkas foto di folder pos ini"),
]
Url = Annotated[HttpUrl, PlainSerializer(str, return_type=str)]


def _normalise_whatsapp(value: Any) -> Any:
    """``0812-3456-7890``, ``62812…`` and ``+62 812…`` all become ``+6281234567890``."""
    if not isinstance(value, (str, int)):
        return value
    digits = re.sub(r"[\s\-().]", "", str(value))
    if digits.startswith("+"):
        digits = digits[1:]
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not re.fullmatch(r"628\d{7,11}", digits):
        raise PydanticCustomError("etalase_whatsapp", "bukan nomor HP Indonesia")
    return "+" + digits


WhatsApp = Annotated[str, BeforeValidator(_normalise_whatsapp)]


def _github_login(value: Any) -> Any:
    """``@Rina-W`` or ``rina-w``: a GitHub login (GitHub's rules), without the ``@``.

    GitHub logins are 1–39 letters, digits and single hyphens, neither first
    nor last; they are case-insensitive, so the case is kept as written.
    """
    if not isinstance(value, str):
        return value
    login = value.strip().removeprefix("@")
    if not re.fullmatch(r"[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}", login):
        raise PydanticCustomError("etalase_github", "bukan nama pengguna GitHub")
    return login


GitHubLogin = Annotated[str, BeforeValidator(_github_login, json_schema_input_type=str)]


def _rupiah(value: Any) -> Any:
    """Accept ``15000``, ``"Rp15.000"`` or ``"Rp 15.000,00"`` as a whole number of rupiah."""
    if isinstance(value, str):
        text = re.sub(r"(?i)^rp\.?\s*", "", value.strip())
        text = re.sub(r",00$", "", text).replace(".", "")
        if not text.isdigit():
            raise PydanticCustomError("etalase_rupiah", "bukan jumlah rupiah")
        return int(text)
    return value


RUPIAH_TEXT = r"^\s*([Rr][Pp]\.?\s*)?\.*[0-9][0-9.]*(,00)?\s*$"
"""What :func:`_rupiah` accepts as text; only the JSON Schema uses it (editors' hints)."""
Rupiah = Annotated[
    int,
    BeforeValidator(_rupiah, json_schema_input_type=Union[Annotated[int, Field(ge=0)],
                                                          Annotated[str, Field(pattern=RUPIAH_TEXT)]]),
    Field(ge=0),
]


class Strict(BaseModel):
    """Base of every block: unknown fields are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------

class Cover(Strict):
    """The main photo of a post, shown on cards and when the post is shared."""

    file: FileName = Field(description="Nama berkas foto sampul di folder pos", examples=["sampul.jpg"])
    alt: Text = Field(
        description="Teks alternatif: apa yang tampak di foto, untuk pembaca tunanetra",
        examples=["Perahu nelayan bersandar di pantai berpasir putih saat matahari terbit"],
    )
    caption: Text | None = Field(default=None, description="Keterangan foto sampul yang tampil di bawahnya (opsional)")
    credit: ShortText = Field(description="Nama pemotret atau pemilik foto", examples=["Nama Pemotret"])
    license: ShortText = Field(
        description="Lisensi foto, mis. CC BY 4.0, CC BY-SA 4.0, atau Hak cipta pemotret (dengan izin)",
        examples=["CC BY 4.0"],
    )
    source: Url | None = Field(default=None, description="Tautan asal foto, jika diambil dari tempat lain")
    ai_generated: bool = Field(default=False, title="Dibuat atau diubah dengan AI",
                               description="true jika gambar dibuat atau diubah dengan AI")


class GalleryPhoto(Strict):
    """One photo of the gallery."""

    file: FileName = Field(description="Nama berkas foto di folder pos", examples=["foto-1.jpg"])
    alt: Text = Field(description="Teks alternatif: apa yang tampak di foto", examples=["Deskripsi foto"])
    caption: Text | None = Field(default=None, description="Keterangan foto yang tampil di bawahnya")
    credit: ShortText | None = Field(default=None, description="Pemotret, jika berbeda dari sampul")
    license: ShortText | None = Field(default=None, description="Lisensi, jika berbeda dari sampul")
    ai_generated: bool = Field(default=False, description="true jika gambar dibuat atau diubah dengan AI")


# --------------------------------------------------------------------------
# Videos
# --------------------------------------------------------------------------

_YOUTUBE_LINK = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:[^#\s]*&)?v=|embed/|shorts/|live/)"
    r"|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})(?:[?&#]\S*)?")


def _youtube_id(value: Any) -> Any:
    """``M7lc1UVf-VE``, or a YouTube link to it (watch, youtu.be, shorts, embed), becomes the id."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if re.fullmatch(r"[A-Za-z0-9_-]{11}", text):
        return text
    link = _YOUTUBE_LINK.fullmatch(text)
    if link is None:
        raise PydanticCustomError("etalase_youtube", "bukan id atau tautan video YouTube")
    return link.group("id")


YouTubeId = Annotated[str, BeforeValidator(_youtube_id, json_schema_input_type=str)]


class Video(Strict):
    """A YouTube video of the post: nothing is loaded from YouTube until the reader presses play."""

    youtube: YouTubeId = Field(
        description="Id video YouTube (11 karakter) atau tautannya, mis. https://youtu.be/M7lc1UVf-VE",
        examples=["M7lc1UVf-VE"],
    )
    title: ShortText = Field(description="Judul video, tampil sebelum video diputar", examples=["Judul video"])


# --------------------------------------------------------------------------
# Per-category blocks
# --------------------------------------------------------------------------

class Coordinates(Strict):
    """A point on the map (WGS 84), within Indonesia."""

    lat: float = Field(ge=-11.5, le=6.5, description="Lintang, mis. -2.7455", examples=[-2.7455])
    lon: float = Field(ge=94.5, le=141.5, description="Bujur, mis. 107.6349", examples=[107.6349])


class Wisata(Strict):
    """A place to visit."""

    place: ShortText = Field(description="Nama tempat wisata", examples=["Pantai Contoh"])
    address: Text = Field(description="Alamat lengkap", examples=["Jl. Contoh No. 1, Desa Contoh"])
    coordinates: Coordinates | None = Field(default=None, description="Titik lokasi untuk tautan peta")
    opening_hours: ShortText = Field(
        description="Jam buka, mis. Setiap hari 07.00–18.00 WIB", examples=["Setiap hari 07.00–18.00 WIB"]
    )
    ticket: ShortText = Field(
        description="Harga tiket masuk, mis. Rp10.000 per orang, atau Gratis", examples=["Rp10.000 per orang"]
    )
    facilities: list[ShortText] = Field(
        default_factory=list, max_length=30, description="Fasilitas", examples=[["parkir", "toilet", "musala"]]
    )


class Umkm(Strict):
    """A small business and what it sells."""

    business: ShortText = Field(description="Nama usaha", examples=["Nama Usaha"])
    products: list[ShortText] = Field(
        min_length=1, max_length=30, description="Produk yang dijual", examples=[["Produk satu", "Produk dua"]]
    )
    price_range: ShortText = Field(description="Kisaran harga, mis. Rp15.000–Rp50.000", examples=["Rp15.000–Rp50.000"])
    opening_hours: ShortText | None = Field(
        default=None, description="Jam buka toko atau bengkel (opsional)", examples=["Senin–Sabtu 08.00–17.00 WIB"]
    )
    whatsapp: WhatsApp = Field(
        description="Nomor WhatsApp untuk pesan (08…, 62… atau +62…), disimpan sebagai +62…",
        examples=["0812-3456-7890"],
    )
    address: Text = Field(description="Alamat usaha", examples=["Jl. Contoh No. 2, Desa Contoh"])
    links: list[Url] = Field(
        default_factory=list,
        max_length=10,
        description="Tautan marketplace atau media sosial usaha",
        examples=[["https://www.instagram.com/nama.usaha"]],
    )


class Budaya(Strict):
    """A cultural event (with dates) or a living tradition (without)."""

    venue: ShortText = Field(description="Tempat acara atau asal tradisi", examples=["Lapangan Desa Contoh"])
    organiser: ShortText = Field(description="Penyelenggara atau komunitas pelestari", examples=["Sanggar Contoh"])
    tradition: bool = Field(
        default=False, title="Tradisi tanpa tanggal acara",
        description="true untuk tradisi tanpa tanggal acara; false untuk acara bertanggal",
    )
    start: DateTimeWithZone | None = Field(
        default=None, description="Mulai acara, dengan zona waktu", examples=["2026-12-20 19:00 WIB"]
    )
    end: DateTimeWithZone | None = Field(
        default=None, description="Selesai acara, dengan zona waktu", examples=["2026-12-20 22:00 WIB"]
    )

    @model_validator(mode="after")
    def _dates_fit_kind(self) -> Budaya:
        if self.tradition and (self.start or self.end):
            raise PydanticCustomError("etalase_tradition_dates", "tradisi tidak memakai tanggal")
        if not self.tradition and self.start is None:
            raise PydanticCustomError("etalase_event_start", "acara tanpa tanggal mulai")
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("etalase_event_order", "selesai sebelum mulai")
        return self


class ProjectStatus(str, Enum):
    """Where a development project stands."""

    direncanakan = "direncanakan"
    berjalan = "berjalan"
    selesai = "selesai"


PROJECT_STATUS_LABELS: dict[str, str] = {
    "direncanakan": "Direncanakan",
    "berjalan": "Sedang berjalan",
    "selesai": "Selesai",
}


class Source(Strict):
    """Where a development claim can be checked: a URL or a document reference."""

    title: ShortText = Field(description="Judul sumber", examples=["Siaran pers Dinas PUPR"])
    url: Url | None = Field(default=None, description="Tautan sumber", examples=["https://example.go.id/berita"])
    document: ShortText | None = Field(
        default=None, description="Rujukan dokumen jika tanpa tautan, mis. nomor SK atau DPA"
    )

    @model_validator(mode="after")
    def _checkable(self) -> Source:
        if self.url is None and self.document is None:
            raise PydanticCustomError("etalase_source_empty", "sumber tanpa url maupun document")
        return self


class Pembangunan(Strict):
    """A development project, with sources so the claim can be checked."""

    project: ShortText = Field(description="Nama proyek", examples=["Pembangunan Jembatan Contoh"])
    agency: ShortText = Field(description="Instansi penanggung jawab", examples=["Dinas PUPR"])
    status: ProjectStatus = Field(description="Status proyek", examples=["berjalan"])
    budget: Rupiah | None = Field(default=None, description="Anggaran dalam rupiah (angka)", examples=[1500000000])
    sources: list[Source] = Field(
        min_length=1,
        max_length=20,
        title="Sumber",
        description="Minimal satu sumber yang bisa dicek (tautan atau dokumen)",
        examples=[[{"title": "Siaran pers Dinas PUPR", "url": "https://example.go.id/berita"}]],
    )


# --------------------------------------------------------------------------
# The post
# --------------------------------------------------------------------------

class PostBase(Strict):
    """Fields every post has, whatever its category."""

    title: Annotated[str, BeforeValidator(_strip), Field(min_length=5, max_length=TITLE_MAX)] = Field(
        description=f"Judul pos, paling banyak {TITLE_MAX} karakter", examples=["Judul Pos"]
    )
    date: DateTimeWithZone = Field(
        title="Tanggal terbit",
        description="Tanggal dan jam terbit dengan zona waktu (WIB, WITA, WIT); tanggal mendatang = terjadwal",
        examples=["2026-11-20 08:00 WIB"],
    )
    summary: Annotated[str, BeforeValidator(_strip), Field(min_length=20, max_length=SUMMARY_MAX)] = Field(
        description=f"Ringkasan untuk kartu dan mesin pencari, 20–{SUMMARY_MAX} karakter",
        examples=["Ringkasan singkat isi pos dalam satu atau dua kalimat."],
    )
    creators: list[Slug] = Field(
        min_length=1, max_length=10, description="Id kreator (nama berkas di content/creators/)", examples=[["nama-kreator"]]
    )
    region: str = Field(
        title="Wilayah",
        description="Id wilayah dari content/regions.yml: kecamatan atau kecamatan/desa", examples=["kecamatan/desa"]
    )
    tags: list[Slug] = Field(default_factory=list, max_length=10, description="Label (huruf kecil, pakai tanda -)",
                             examples=[["label-satu", "label-dua"]])
    cover: Cover = Field(description="Foto sampul")
    gallery: list[GalleryPhoto] = Field(default_factory=list, max_length=40, description="Galeri foto (opsional)")
    videos: list[Video] = Field(default_factory=list, max_length=5,
                                description="Video YouTube (opsional); dimuat hanya setelah pembaca menekan putar")
    draft: bool = Field(default=False, description="true = belum terbit")
    slug: Slug | None = Field(default=None, description="Alamat pos; bawaan: nama folder pos")
    updated: DateTimeWithZone | None = Field(default=None, description="Tanggal pembaruan terakhir (opsional)")


class WisataPost(PostBase):
    category: Literal["wisata"] = Field(description="Kategori pos")
    wisata: Wisata = Field(description="Info tempat wisata")


class UmkmPost(PostBase):
    category: Literal["umkm"] = Field(description="Kategori pos")
    umkm: Umkm = Field(description="Info usaha")


class BudayaPost(PostBase):
    category: Literal["budaya"] = Field(description="Kategori pos")
    budaya: Budaya = Field(description="Info acara atau tradisi")


class PembangunanPost(PostBase):
    category: Literal["pembangunan"] = Field(description="Kategori pos")
    pembangunan: Pembangunan = Field(description="Info proyek pembangunan dan sumbernya")


POST_MODELS: dict[str, type[PostBase]] = {
    "wisata": WisataPost,
    "umkm": UmkmPost,
    "budaya": BudayaPost,
    "pembangunan": PembangunanPost,
}
"""The model of each category; a post is validated against exactly one."""

FrontMatter = Annotated[
    Union[
        Annotated[WisataPost, Tag("wisata")],
        Annotated[UmkmPost, Tag("umkm")],
        Annotated[BudayaPost, Tag("budaya")],
        Annotated[PembangunanPost, Tag("pembangunan")],
    ],
    Discriminator("category"),
]
"""Any post; used to publish one JSON Schema for all categories."""


# --------------------------------------------------------------------------
# Creators and regions
# --------------------------------------------------------------------------

class CreatorLinks(Strict):
    """A creator's channels; all optional."""

    youtube: Url | None = None
    tiktok: Url | None = None
    instagram: Url | None = None
    facebook: Url | None = None
    website: Url | None = None


class Creator(Strict):
    """A content creator, declared once in ``content/creators/<id>.yml``."""

    name: ShortText = Field(title="Nama kreator", description="Nama yang ditampilkan", examples=["Nama Kreator"])
    bio: Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=400)] = Field(
        description="Bio singkat", examples=["Kreator konten wisata dari Desa Contoh."]
    )
    photo: FileName | None = Field(default=None, description="Foto profil di content/creators/")
    photo_alt: Text | None = Field(default=None, description="Teks alternatif foto profil")
    links: CreatorLinks = Field(default_factory=CreatorLinks, description="Kanal media sosial")
    github: GitHubLogin | None = Field(
        default=None,
        description="Nama pengguna GitHub kreator (tanpa @): kiriman lewat formulir dari akun ini tercatat atas nama "
                    "kreator ini",
        examples=["rina-wulandari"],
    )

    @model_validator(mode="after")
    def _photo_has_alt(self) -> Creator:
        if self.photo and not self.photo_alt:
            raise PydanticCustomError("etalase_photo_alt", "foto tanpa teks alternatif (photo_alt)")
        return self


class Desa(Strict):
    """A village (desa) or urban village (kelurahan)."""

    id: Slug
    name: ShortText


class Kecamatan(Strict):
    """A district, with its villages."""

    id: Slug
    name: ShortText
    desa: list[Desa] = Field(default_factory=list)


class Regions(Strict):
    """``content/regions.yml``: the controlled list of places."""

    kecamatan: list[Kecamatan] = Field(min_length=1)
