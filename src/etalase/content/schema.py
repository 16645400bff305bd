"""The front-matter schema of a post, declared once.

These pydantic models are the single source of truth for:

* validation of every post (:mod:`etalase.content.validate`),
* the JSON Schema that editors use for autocompletion (:mod:`etalase.authoring.schema_docs`),
* the field table of the contributor guide (:mod:`etalase.authoring.schema_docs`),
* the placeholders written by the new-post scaffold (:mod:`etalase.authoring.scaffold`).

Keys are English, as the ecosystem's are; each field carries an Indonesian
``description`` (shown to creators) and an ``examples`` value (used by the
scaffold). A post has the common fields (:class:`PostBase`) plus one block
named after its category (``wisata:``, ``umkm:``…) that is validated only
for that category; which categories exist, and which block each has, is
declared in :mod:`etalase.content.categories`, which derives the post models.

Fields that name a photo of the bundle have the type :data:`PhotoFile`;
:func:`photo_locations` finds them, so no other module needs to know which
fields hold photos.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Union

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
    ValidationInfo,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from etalase.content.datetext import DateTextError, read_day, read_moment
from etalase.content.numtext import NumberTextError, read_degrees, read_percent, read_point
from etalase.content.text import SLUG
from etalase.content.zones import DEFAULT_ZONE, ZONES, is_indonesian

SUMMARY_MAX = 200
"""Longest summary, in characters: it is the card text and the meta description."""
TITLE_MAX = 100


# --------------------------------------------------------------------------
# Reusable field types
# --------------------------------------------------------------------------


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _zone(info: ValidationInfo | None) -> timezone:
    """The regency's zone, which a date written without one is in: the validation context's ``zone``."""
    context = info.context if info is not None else None
    zone = context.get("zone") if isinstance(context, dict) else None
    return zone if isinstance(zone, timezone) else ZONES[DEFAULT_ZONE]


def _date_error(error: DateTextError) -> PydanticCustomError:
    return PydanticCustomError("etalase_date_text", "{id}", {"id": error.message, "en": error.message_en})


def _parse_datetime(value: Any, info: ValidationInfo) -> Any:
    """A date and time as people write it (:mod:`etalase.content.datetext`); without a zone, the regency's."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=_zone(info))
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time(), tzinfo=_zone(info))
    if isinstance(value, str):
        try:
            return read_moment(value, _zone(info)).value
        except DateTextError as error:
            raise _date_error(error) from None
    return value


def _day_reader(month_only: str = "") -> Any:
    """A validator reading a day (``17/11/2026``, ``17 November 2026``); ``month_only``: a month alone too."""

    def parse(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, str):
            try:
                return read_day(value, month_only=month_only)
            except DateTextError as error:
                raise _date_error(error) from None
        return value

    return BeforeValidator(parse)


Day = Annotated[date, _day_reader()]
"""A day: ``2026-11-13``, ``13/11/2026``, ``13 November 2026``."""
StartMonth = Annotated[date, _day_reader("start")]
"""A day, or a month alone (``Juni 2026``: its first day)."""
EndMonth = Annotated[date, _day_reader("end")]
"""A day, or a month alone (``Desember 2026``: its last day)."""


def _require_zone(value: datetime) -> datetime:
    offset = value.utcoffset()
    if offset is None:
        raise PydanticCustomError("etalase_timezone", "tanpa zona waktu")
    if not is_indonesian(value):
        raise PydanticCustomError("etalase_timezone_offset", "zona waktu bukan WIB, WITA, atau WIT")
    return value


DateTimeWithZone = Annotated[
    datetime,
    BeforeValidator(_parse_datetime),
    AfterValidator(_require_zone),
    PlainSerializer(lambda v: v.isoformat(), return_type=str),
]


def _yes_no(value: Any) -> Any:
    """``ya``/``tidak`` (as the form and the guide say it) as well as true/false."""
    if isinstance(value, str):
        answer = value.strip().casefold()
        if answer in ("ya", "iya", "y"):
            return True
        if answer in ("tidak", "tdk", "t", "no"):
            return False
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
"""A yes/no field: ``true``/``false`` or ``ya``/``tidak``."""

Text = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=500)]
ShortText = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=120)]
Slug = Annotated[str, Field(pattern=f"^{SLUG}$", max_length=80)]


@dataclass(frozen=True)
class IsPhoto:
    """Marks a field whose value names a photo file of the bundle (see :func:`photo_locations`)."""


@dataclass(frozen=True)
class Items:
    """What one item of a list field is called in messages: ``Items("sumber")`` → "sumber ke-1"."""

    noun: str


@dataclass(frozen=True)
class Placeholder:
    """Marks a field whose ``examples`` value stands in for the creator's own (``Nama Pemotret``).

    Only examples that cannot be a real answer are marked (a name that says
    *Contoh*, a phone number counting 1234…); a plausible example (opening
    hours, a price range) is not, so a true answer that happens to match it is
    never refused.

    The scaffold and the guide's templates write these examples; a post that is
    to be published (``draft: false``) may not keep any of them
    (:func:`placeholder_locations`).
    """


FileName = Annotated[
    str,
    BeforeValidator(_strip),
    Field(min_length=1, max_length=200, description="Nama berkas foto di folder pos ini"),
]
PhotoFile = Annotated[FileName, IsPhoto()]
"""A photo of the bundle, by file name: checked to exist, processed, never published as is."""
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


_SCALES = {
    "ribu": 1_000,
    "rb": 1_000,
    "juta": 1_000_000,
    "jt": 1_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "m": 1_000_000_000,
    "triliun": 1_000_000_000_000,
    "t": 1_000_000_000_000,
}
"""Words for thousands, millions, billions, as Indonesians write amounts (``312,5 juta``, ``1,2 M``)."""


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
    """An amount of rupiah as people write it, as a whole number of rupiah.

    ``15000``, ``Rp15.000``, ``Rp 312.500.000,-``, ``Rp 15.000,00``, ``312,5 juta``,
    ``1,2 miliar`` and ``Rp4,75 M`` are all accepted: ``.`` groups thousands,
    ``,`` starts the decimals, a scale word multiplies.
    """
    if not isinstance(value, str):
        return value
    text = re.sub(r"(?i)^rp\.?\s*", "", value.strip())
    text = re.sub(r"(,-|,00|\.-)$", "", text.replace("\u00a0", " ")).strip()
    match = re.fullmatch(r"(?i)([0-9][0-9.]*)(?:,([0-9]+))?\s*([a-z]+)?", text)
    if match is None or (match.group(3) and match.group(3).lower() not in _SCALES):
        raise PydanticCustomError("etalase_rupiah", "bukan jumlah rupiah")
    whole, decimals, scale = match.group(1), match.group(2) or "", (match.group(3) or "").lower()
    if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})*|[0-9]+", whole):
        raise PydanticCustomError("etalase_rupiah", "bukan jumlah rupiah")
    amount = Decimal(whole.replace(".", "") + ("." + decimals if decimals else "")) * _SCALES.get(scale, 1)
    if amount != amount.to_integral_value():
        raise PydanticCustomError("etalase_rupiah", "bukan jumlah rupiah")
    return int(amount)


RUPIAH_TEXT = r"^\s*([Rr][Pp]\.?\s*)?[0-9][0-9.]*(,[0-9]+)?\s*([A-Za-z]+|,-)?\s*$"
"""What :func:`_rupiah` accepts as text, roughly; only the JSON Schema uses it (editors' hints)."""
Rupiah = Annotated[
    int,
    BeforeValidator(
        _rupiah, json_schema_input_type=Annotated[int, Field(ge=0)] | Annotated[str, Field(pattern=RUPIAH_TEXT)]
    ),
    Field(ge=0),
]


PLAIN, BLOCK = "__teks__", "__blok__"
"""Tags of the two forms of :func:`either`; :mod:`etalase.content.explain` leaves them out of field names."""


def either(plain: Any, block: Any) -> Any:
    """A list item written plainly (``Kopi bubuk``) or as a block (``{name: Kopi bubuk, price: 25000}``).

    A block is a mapping, anything else is the plain form, so a mistake is
    reported against the form the creator wrote, not against both.
    """
    return Annotated[
        Union[Annotated[plain, Tag(PLAIN)], Annotated[block, Tag(BLOCK)]],  # noqa: UP007
        Discriminator(lambda value: BLOCK if isinstance(value, (dict, BaseModel)) else PLAIN),
    ]


def takes_plain_items(annotation: Any) -> bool:
    """Whether a list field's items may be written plainly (:func:`either`): ``list[either(str, Product)]``."""
    if typing.get_origin(annotation) is typing.Annotated:
        return takes_plain_items(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) is list:
        item = typing.get_args(annotation)[0]
        return typing.get_origin(item) is typing.Annotated and any(
            isinstance(meta, Discriminator) for meta in item.__metadata__
        )
    return False


class Strict(BaseModel):
    """Base of every block: unknown fields are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------


class Cover(Strict):
    """The main photo of a post, shown on cards and when the post is shared."""

    file: PhotoFile = Field(description="Nama berkas foto sampul di folder pos", examples=["sampul.jpg"])
    alt: Annotated[Text, Placeholder()] = Field(
        description="Teks alternatif: apa yang tampak di foto, untuk pembaca tunanetra",
        examples=["Perahu nelayan bersandar di pantai berpasir putih saat matahari terbit"],
    )
    caption: Annotated[Text, Placeholder()] | None = Field(
        default=None,
        description="Keterangan foto sampul yang tampil di bawahnya (opsional)",
        examples=["Keterangan foto"],
    )
    credit: Annotated[ShortText, Placeholder()] = Field(
        description="Nama pemotret atau pemilik foto", examples=["Nama Pemotret", "Bambang Sutrisno"]
    )
    license: ShortText = Field(
        description="Lisensi foto, mis. CC BY 4.0, CC BY-SA 4.0, atau Hak cipta pemotret (dengan izin)",
        examples=["CC BY 4.0"],
    )
    source: Url | None = Field(default=None, description="Tautan asal foto, jika diambil dari tempat lain")
    ai_generated: YesNo = Field(
        default=False, title="Dibuat atau diubah dengan AI", description="true jika gambar dibuat atau diubah dengan AI"
    )


class GalleryPhoto(Strict):
    """One photo of the gallery."""

    file: PhotoFile = Field(description="Nama berkas foto di folder pos", examples=["foto-1.jpg"])
    alt: Annotated[Text, Placeholder()] = Field(
        description="Teks alternatif: apa yang tampak di foto",
        examples=["Deskripsi foto", "Jalan setapak berbatu menuju air terjun"],
    )
    caption: Text | None = Field(default=None, description="Keterangan foto yang tampil di bawahnya")
    credit: ShortText | None = Field(default=None, description="Pemotret, jika berbeda dari sampul")
    license: ShortText | None = Field(default=None, description="Lisensi, jika berbeda dari sampul")
    ai_generated: YesNo = Field(default=False, description="true jika gambar dibuat atau diubah dengan AI")


def example(model: type[BaseModel], name: str) -> Any:
    """The first example the schema gives for the field ``name`` of ``model``."""
    examples = model.model_fields[name].examples
    assert examples, f"{model.__name__}.{name} declares an example"
    return examples[0]


COVER_STEM = Path(example(Cover, "file")).stem
"""A cover photo's file name without suffix, in the scaffold and in a converted form (``sampul``)."""
GALLERY_STEM = Path(example(GalleryPhoto, "file")).stem.rstrip("-0123456789")
"""A gallery photo's file name before its number (``galeri`` in ``galeri-1.jpg``)."""


# --------------------------------------------------------------------------
# Videos
# --------------------------------------------------------------------------

_YOUTUBE_LINK = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:[^#\s]*&)?v=|embed/|shorts/|live/)"
    r"|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})(?:[?&#]\S*)?"
)


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

    youtube: Annotated[YouTubeId, Placeholder()] = Field(
        description="Id video YouTube (11 karakter) atau tautannya, mis. https://youtu.be/M7lc1UVf-VE",
        examples=["M7lc1UVf-VE"],
    )
    title: Annotated[ShortText, Placeholder()] = Field(
        description="Judul video, tampil sebelum video diputar", examples=["Judul video", "Cara membuat sambal bawang"]
    )


# --------------------------------------------------------------------------
# Per-category blocks
# --------------------------------------------------------------------------


def _degrees(kind: str) -> Any:
    """A validator reading one coordinate (``-7,2412``, ``7,2412° LS``); ``kind``: ``latitude`` or ``longitude``."""

    def parse(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return read_degrees(value)
        except NumberTextError:
            raise PydanticCustomError(f"etalase_{kind}", "bukan angka") from None

    return BeforeValidator(parse, json_schema_input_type=float)


class Coordinates(Strict):
    """A point on the map (WGS 84), within Indonesia.

    Also written as one text: ``-7.2412, 110.4021`` or a Google Maps link (:func:`etalase.content.numtext.read_point`).
    """

    lat: Annotated[float, _degrees("latitude")] = Field(
        ge=-11.5, le=6.5, description="Lintang, mis. -2.7455", examples=[-2.7455]
    )
    lon: Annotated[float, _degrees("longitude")] = Field(
        ge=94.5, le=141.5, description="Bujur, mis. 107.6349", examples=[107.6349]
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            point = read_point(value)
        except NumberTextError as error:
            raise PydanticCustomError("etalase_number_text", "{id}", {"id": error.message, "en": error.message_en})
        if point is None:
            raise PydanticCustomError("etalase_point", "bukan titik peta")
        return {"lat": point[0], "lon": point[1]}


class Wisata(Strict):
    """A place to visit."""

    place: Annotated[ShortText, Placeholder()] = Field(
        description="Nama tempat wisata", examples=["Pantai Contoh", "Curug Tujuh Tingkat"]
    )
    address: Annotated[Text, Placeholder()] = Field(
        description="Alamat lengkap",
        examples=["Jl. Contoh No. 1, Desa Contoh", "Dusun Sumber, RT 02/RW 05, di belakang balai desa"],
    )
    coordinates: Annotated[Coordinates, Placeholder()] | None = Field(
        default=None,
        description="Titik lokasi untuk tautan peta (opsional)",
        examples=[{"lat": -2.7455, "lon": 107.6349}],
    )
    opening_hours: ShortText = Field(
        description="Jam buka, mis. Setiap hari 07.00–18.00 WIB", examples=["Setiap hari 07.00–18.00 WIB"]
    )
    ticket: ShortText = Field(
        description="Harga tiket masuk, mis. Rp10.000 per orang, atau Gratis", examples=["Rp10.000 per orang"]
    )
    facilities: Annotated[list[ShortText], Items("fasilitas")] = Field(
        default_factory=list, max_length=30, description="Fasilitas", examples=[["parkir", "toilet", "musala"]]
    )


class Product(Strict):
    """A product with its price."""

    name: ShortText = Field(description="Nama produk", examples=["Jamu kunyit asam 250 ml"])
    price: Rupiah | None = Field(default=None, description="Harga dalam rupiah, mis. Rp12.000", examples=[12000])


CERTIFICATE_LABELS: dict[str, str] = {
    "pirt": "P-IRT (izin pangan industri rumah tangga)",
    "halal": "Sertifikat halal",
    "nib": "NIB (nomor induk berusaha)",
    "bpom": "Izin edar BPOM",
}
"""What each kind of certificate is called on the site."""


def _as_text(value: Any) -> Any:
    """A number written without quotes (``nomor: 2063201010001``) is the text of its digits."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def loose_choice(choices: dict[str, str]) -> Any:
    """A validator taking a near miss of one of ``choices`` (id → the site's name): ``P-IRT``, ``Halal``, ``NIB``.

    Case, spaces and punctuation do not count; the id or the site's name (or
    its start before a bracket) fits. Anything else is left for the type to refuse.
    """

    def key(text: str) -> str:
        return re.sub(r"[\W_]+", "", text.casefold())

    def pick(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        wanted = key(value)
        fitting = {
            choice
            for choice, name in choices.items()
            if wanted and wanted in (key(choice), key(name), key(name.split("(")[0]))
        }
        return fitting.pop() if len(fitting) == 1 else value

    return BeforeValidator(pick)


class Certificate(Strict):
    """Proof of a business's permits and claims (halal, P-IRT…): editors can check the number."""

    type: Annotated[Literal["pirt", "halal", "nib", "bpom"], loose_choice(CERTIFICATE_LABELS)] = Field(
        description="Jenis: pirt, halal, nib atau bpom", examples=["pirt"]
    )
    number: Annotated[ShortText, BeforeValidator(_as_text), Placeholder()] = Field(
        description="Nomor sertifikat atau izin", examples=["P-IRT 2063201010001-27"]
    )


_NETWORKS = {"ig": "instagram", "instagram": "instagram", "tiktok": "tiktok", "tt": "tiktok", "x": "x", "twitter": "x"}


def _link_text(value: Any) -> Any:
    """A link as people write it: ``Shopee: https://…`` (a name and a link), ``IG @akun``, ``instagram.com/akun``.

    ``Name: https://…`` becomes ``{url, label}``; an account on a network its
    profile link; an address without ``https://`` gets it. Other values pass as they are.
    """
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    named = re.fullmatch(r"([^:/]{1,60}?)\s*:\s*(https?://\S+)", text)
    if named:
        return {"url": named.group(2), "label": named.group(1)}
    handle = re.fullmatch(r"(?i)(ig|instagram|tiktok|tt|x|twitter)\s*:?\s*@?([A-Za-z0-9._]{1,30})", text)
    if handle:
        return PROFILE_URLS[_NETWORKS[handle.group(1).lower()]].format(handle.group(2))
    if re.fullmatch(r"(?i)(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?", text):
        return "https://" + text
    return value


class ShopLink(Strict):
    """A marketplace or social link, with the name to show instead of its site's (``Toko daring Bu Sari``)."""

    url: Url = Field(description="Tautan", examples=["https://shopee.co.id/nama.usaha"])
    label: ShortText | None = Field(
        default=None, description="Nama yang tampil; bawaan: nama situsnya, mis. Shopee", examples=["Toko daring kami"]
    )


if typing.TYPE_CHECKING:  # what a checker needs to know; pydantic gets the tagged union below
    ProductItem = ShortText | Product
    LinkItem = Url | ShopLink
else:
    ProductItem = either(ShortText, Product)
    LinkItem = either(Url, ShopLink)


class Umkm(Strict):
    """A small business and what it sells."""

    business: Annotated[ShortText, Placeholder()] = Field(
        description="Nama usaha", examples=["Nama Usaha", "Sambal Bawang Bu Ratmi"]
    )
    products: Annotated[list[ProductItem], Items("produk"), Placeholder()] = Field(
        min_length=1,
        max_length=30,
        description="Produk yang dijual: nama saja, atau nama dengan harganya",
        examples=[
            ["Produk satu", {"name": "Produk dua", "price": 15000}],
            ["Sambal bawang 150 gr", {"name": "Sambal ijo 150 gr", "price": "Rp25.000"}],
        ],
    )
    price_range: ShortText = Field(description="Kisaran harga, mis. Rp15.000–Rp50.000", examples=["Rp15.000–Rp50.000"])
    opening_hours: ShortText | None = Field(
        default=None, description="Jam buka toko atau bengkel (opsional)", examples=["Senin–Sabtu 08.00–17.00 WIB"]
    )
    whatsapp: Annotated[WhatsApp, Placeholder()] = Field(
        description="Nomor WhatsApp untuk pesan (08…, 62… atau +62…), disimpan sebagai +62…",
        examples=["0812-3456-7890"],
    )
    address: Annotated[Text, Placeholder()] = Field(
        description="Alamat usaha", examples=["Jl. Contoh No. 2, Desa Contoh", "Jl. Merdeka No. 12, RT 03/RW 01"]
    )
    coordinates: Annotated[Coordinates, Placeholder()] | None = Field(
        default=None,
        description="Titik lokasi usaha untuk tautan peta (opsional)",
        examples=[{"lat": -2.7455, "lon": 107.6349}],
    )
    certificates: Annotated[list[Certificate], Items("sertifikat")] = Field(
        default_factory=list,
        max_length=10,
        description="Izin dan sertifikat yang bisa dicek (P-IRT, halal, NIB, BPOM), dengan nomornya",
        examples=[[{"type": "pirt", "number": "P-IRT 2063201010001-27"}]],
    )
    links: Annotated[list[Annotated[LinkItem, BeforeValidator(_link_text)]], Items("tautan"), Placeholder()] = Field(
        default_factory=list,
        max_length=10,
        description="Tautan marketplace atau media sosial usaha: tautan saja, atau nama dan tautannya (Shopee: https://…), atau akun (IG @nama_akun)",
        examples=[
            ["https://www.instagram.com/nama.usaha"],
            ["Shopee: https://shopee.co.id/sambalburatmi", "IG @sambalburatmi"],
        ],
    )


class Budaya(Strict):
    """A cultural event (with dates) or a living tradition (without)."""

    venue: Annotated[ShortText, Placeholder()] = Field(
        description="Tempat acara atau asal tradisi", examples=["Lapangan Desa Contoh", "Lapangan balai desa"]
    )
    organiser: Annotated[ShortText, Placeholder()] = Field(
        description="Penyelenggara atau komunitas pelestari", examples=["Sanggar Contoh", "Sanggar Tari Ombak"]
    )
    tradition: YesNo = Field(
        default=False,
        title="Tradisi tanpa tanggal acara",
        description="true untuk tradisi tanpa tanggal acara; false untuk acara bertanggal",
    )
    start: DateTimeWithZone | None = Field(
        default=None,
        description="Mulai acara: tanggal dan jam (tanpa zona waktu: zona daerah)",
        examples=["2026-12-20 19:00 WIB"],
    )
    end: DateTimeWithZone | None = Field(
        default=None,
        description="Selesai acara: tanggal dan jam (tanpa zona waktu: zona daerah)",
        examples=["2026-12-20 22:00 WIB"],
    )
    repeat: Literal["tahunan"] | None = Field(
        default=None,
        title="Acara berulang",
        description="tahunan: acara yang diadakan setiap tahun pada tanggal yang sama (mis. hari jadi kabupaten);"
        " agenda menampilkan tanggal berikutnya",
        examples=["tahunan"],
    )

    @model_validator(mode="after")
    def _dates_fit_kind(self) -> Budaya:
        if self.tradition and (self.start or self.end or self.repeat):
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

FUNDING_LABELS: dict[str, str] = {
    "apbn": "APBN",
    "apbd-provinsi": "APBD provinsi",
    "apbd-kabupaten": "APBD kabupaten/kota",
    "dana-desa": "Dana desa",
    "csr": "CSR (tanggung jawab sosial perusahaan)",
    "swadaya": "Swadaya masyarakat",
    "lainnya": "Lainnya",
}
"""Where a project's money comes from, as the site names it."""


class Source(Strict):
    """Where a development claim can be checked: a link, a document, or a photo of the project board."""

    title: ShortText = Field(description="Judul sumber", examples=["Siaran pers Dinas PUPR"])
    url: Annotated[Url, Placeholder()] | None = Field(
        default=None, description="Tautan sumber", examples=["https://example.go.id/berita"]
    )
    document: ShortText | None = Field(
        default=None, description="Rujukan dokumen jika tanpa tautan, mis. nomor SK atau DPA"
    )
    photo: PhotoFile | None = Field(
        default=None,
        title="Foto bukti",
        description="Foto bukti di folder pos, mis. papan informasi proyek",
        examples=["papan.jpg"],
    )

    RULES: ClassVar[tuple[str, ...]] = ("Setiap sumber perlu `url`, `document` atau `photo` agar bisa dicek.",)

    @model_validator(mode="after")
    def _checkable(self) -> Source:
        if self.url is None and self.document is None and self.photo is None:
            raise PydanticCustomError("etalase_source_empty", "sumber tanpa url, document maupun photo")
        return self


def _percent(value: Any) -> Any:
    return read_percent(value) if isinstance(value, str) else value


class Pembangunan(Strict):
    """A development project, with its progress and sources so the claim can be checked."""

    project: Annotated[ShortText, Placeholder()] = Field(
        description="Nama proyek", examples=["Pembangunan Jembatan Contoh", "Jembatan Gantung Dusun Hilir"]
    )
    agency: Annotated[ShortText, Placeholder()] = Field(
        description="Instansi penanggung jawab", examples=["Dinas Contoh", "Dinas Pekerjaan Umum dan Penataan Ruang"]
    )
    status: ProjectStatus = Field(description="Status proyek", examples=["berjalan"])
    progress: Annotated[int, BeforeValidator(_percent), Field(ge=0, le=100)] | None = Field(
        default=None,
        description="Kemajuan pekerjaan dalam persen (0–100), mis. 65 atau 65%; wajib bersama tanggal angka itu berlaku",
        examples=[40],
    )
    progress_date: Day | None = Field(
        default=None,
        description="Tanggal angka kemajuan itu berlaku, mis. 13/11/2026 atau 13 November 2026",
        examples=["2026-11-13"],
    )
    start: StartMonth | None = Field(
        default=None,
        description="Tanggal mulai pekerjaan, atau bulannya saja, mis. 1/6/2026 atau Juni 2026",
        examples=["2026-06-01"],
    )
    target: EndMonth | None = Field(
        default=None,
        description="Tanggal target selesai, atau bulannya saja, mis. 31/12/2026 atau Desember 2026",
        examples=["2026-12-31"],
    )
    funding: Literal["apbn", "apbd-provinsi", "apbd-kabupaten", "dana-desa", "csr", "swadaya", "lainnya"] | None = (
        Field(default=None, description="Sumber dana", examples=["apbd-kabupaten"])
    )
    executor: Annotated[ShortText, Placeholder()] | None = Field(
        default=None,
        description="Pelaksana: kontraktor atau tim pelaksana desa",
        examples=["CV Contoh Karya", "CV Karya Mandiri"],
    )
    volume: ShortText | None = Field(
        default=None, description="Volume pekerjaan, mis. 850 m × 3 m", examples=["100 m × 3 m"]
    )
    budget: Rupiah | None = Field(
        default=None,
        description="Anggaran dalam rupiah: 1500000000, Rp1.500.000.000, 1,5 miliar",
        examples=[1500000000],
    )
    sources: Annotated[list[Source], Items("sumber")] = Field(
        min_length=1,
        max_length=20,
        title="Sumber",
        description="Minimal satu sumber yang bisa dicek (tautan, dokumen, atau foto papan proyek)",
        examples=[[{"title": "Siaran pers Dinas PUPR", "url": "https://example.go.id/berita"}]],
    )

    RULES: ClassVar[tuple[str, ...]] = (
        "`progress` ditulis bersama `progress_date` (tanggal angka itu berlaku).",
        "Proyek berstatus `selesai` tidak boleh ber-`progress` kurang dari 100.",
        "`target` tidak boleh sebelum `start`.",
    )

    @model_validator(mode="after")
    def _progress_fits(self) -> Pembangunan:
        if (self.progress is None) != (self.progress_date is None):
            raise PydanticCustomError("etalase_progress_date", "progress tanpa progress_date atau sebaliknya")
        if self.status == ProjectStatus.selesai and self.progress is not None and self.progress < 100:
            raise PydanticCustomError(
                "etalase_progress_done", "selesai dengan progress {progress}", {"progress": self.progress}
            )
        if self.start and self.target and self.target < self.start:
            raise PydanticCustomError("etalase_target_order", "target sebelum start")
        return self


WHEELCHAIR_LABELS: dict[str, str] = {
    "ya": "Ramah kursi roda",
    "sebagian": "Sebagian ramah kursi roda",
    "tidak": "Belum ramah kursi roda",
}


class Accessibility(Strict):
    """How a place a visitor goes can be reached and used by people with disabilities."""

    wheelchair: Literal["ya", "sebagian", "tidak"] = Field(
        description="Bisa dijangkau dan dipakai pengguna kursi roda: ya, sebagian, atau tidak", examples=["sebagian"]
    )
    accessible_toilet: YesNo | None = Field(
        default=None, description="Ada toilet untuk difabel: true atau false; kosongkan bila tidak tahu"
    )
    accessible_parking: YesNo | None = Field(
        default=None,
        description="Ada parkir khusus difabel dekat pintu masuk: true atau false; kosongkan bila tidak tahu",
    )
    guide_dog_welcome: YesNo | None = Field(
        default=None, description="Anjing pemandu boleh masuk: true atau false; kosongkan bila tidak tahu"
    )
    path: Annotated[Text, Placeholder()] | None = Field(
        default=None,
        description="Jalur dari parkir ke tempat: permukaan dan kemiringan dengan kata-kata",
        examples=[
            "Jalan dari parkir: permukaan dan kemiringannya",
            "Jalan paving datar 50 m dari parkir, lalu tiga anak tangga tanpa pegangan",
        ],
    )
    notes: Text | None = Field(default=None, description="Catatan lain, mis. tangga, pegangan, bantuan petugas")

    @property
    def welcoming(self) -> bool:
        """Worth listing among the accessible places: a wheelchair gets in, or another facility is there."""
        return self.wheelchair in ("ya", "sebagian") or bool(
            self.accessible_toilet or self.accessible_parking or self.guide_dog_welcome
        )


# --------------------------------------------------------------------------
# The post
# --------------------------------------------------------------------------


class PostBase(Strict):
    """Fields every post has, whatever its category."""

    title: Annotated[str, BeforeValidator(_strip), Field(min_length=5, max_length=TITLE_MAX), Placeholder()] = Field(
        description=f"Judul pos, paling banyak {TITLE_MAX} karakter",
        examples=["Judul Pos", "Curug Tujuh Tingkat, Segar Setelah Hujan"],
    )
    date: DateTimeWithZone = Field(
        title="Tanggal terbit",
        description=(
            "Tanggal dan jam terbit; tanpa zona waktu (WIB, WITA, WIT) berarti zona daerah; tanggal mendatang = "
            "terjadwal"
        ),
        examples=["2026-11-20 08:00 WIB"],
    )
    summary: Annotated[str, BeforeValidator(_strip), Field(min_length=20, max_length=SUMMARY_MAX), Placeholder()] = (
        Field(
            description=f"Ringkasan untuk kartu dan mesin pencari, 20–{SUMMARY_MAX} karakter",
            examples=[
                "Ringkasan singkat isi pos dalam satu atau dua kalimat.",
                "Air terjun tujuh tingkat, 20 menit jalan kaki dari parkiran desa; tiket Rp5.000 per orang.",
            ],
        )
    )
    creators: Annotated[list[Slug], Items("kreator")] = Field(
        min_length=1,
        max_length=10,
        description="Id kreator (nama berkas di content/creators/)",
        examples=[["nama-kreator"]],
    )
    region: str = Field(
        title="Wilayah",
        description="Id wilayah dari content/regions.yml: kecamatan atau kecamatan/desa",
        examples=["kecamatan/desa"],
    )
    tags: Annotated[list[Slug], Items("label"), Placeholder()] = Field(
        default_factory=list,
        max_length=10,
        description="Label (huruf kecil, pakai tanda -)",
        examples=[["label-satu", "label-dua"]],
    )
    cover: Cover = Field(description="Foto sampul")
    gallery: Annotated[list[GalleryPhoto], Items("foto")] = Field(
        default_factory=list,
        max_length=40,
        description="Galeri foto (opsional)",
        examples=[[{"file": "foto-1.jpg", "alt": "Deskripsi foto"}]],
    )
    videos: Annotated[list[Video], Items("video")] = Field(
        default_factory=list,
        max_length=5,
        description="Video YouTube (opsional); dimuat hanya setelah pembaca menekan putar",
        examples=[[{"youtube": "M7lc1UVf-VE", "title": "Judul video"}]],
    )
    draft: YesNo = Field(default=False, description="true = belum terbit")
    slug: Slug | None = Field(default=None, description="Alamat pos; bawaan: nama folder pos")
    updated: DateTimeWithZone | None = Field(default=None, description="Tanggal pembaruan terakhir (opsional)")


# --------------------------------------------------------------------------
# Creators and regions
# --------------------------------------------------------------------------

PROFILE_URLS = {
    "instagram": "https://www.instagram.com/{}",
    "tiktok": "https://www.tiktok.com/@{}",
    "x": "https://x.com/{}",
}
"""Where a ``@handle`` on each network lives."""


def _profile(network: str) -> Any:
    """A validator that turns ``@handle`` into the profile URL on ``network``."""

    def expand(value: Any) -> Any:
        if isinstance(value, str) and value.strip().startswith("@"):
            handle = value.strip()[1:]
            if not re.fullmatch(r"[A-Za-z0-9._]{1,30}", handle):
                raise PydanticCustomError("etalase_handle", "bukan nama akun yang sah")
            return PROFILE_URLS[network].format(handle)
        return value

    return BeforeValidator(expand, json_schema_input_type=str)


def _whatsapp_link(value: Any) -> Any:
    """A WhatsApp number (``0812…``) becomes its ``wa.me`` link; a link stays as it is."""
    if isinstance(value, (str, int)) and not str(value).strip().startswith("http"):
        return "https://wa.me/" + _normalise_whatsapp(value).removeprefix("+")
    return value


class CreatorLinks(Strict):
    """A creator's channels; all optional. Instagram, TikTok and X also take ``@nama_akun``."""

    youtube: Url | None = Field(
        default=None, description="Kanal YouTube", examples=["https://www.youtube.com/@namakanal"]
    )
    tiktok: Annotated[Url, _profile("tiktok")] | None = Field(
        default=None, description="Akun TikTok: tautan atau @nama_akun", examples=["@nama.akun"]
    )
    instagram: Annotated[Url, _profile("instagram")] | None = Field(
        default=None, description="Akun Instagram: tautan atau @nama_akun", examples=["@nama.akun"]
    )
    x: Annotated[Url, _profile("x")] | None = Field(
        default=None, description="Akun X (Twitter): tautan atau @nama_akun", examples=["@nama_akun"]
    )
    facebook: Url | None = Field(default=None, description="Halaman atau akun Facebook")
    whatsapp: Annotated[Url, BeforeValidator(_whatsapp_link, json_schema_input_type=str)] | None = Field(
        default=None,
        description="Nomor WhatsApp untuk dihubungi (08…), disimpan sebagai tautan wa.me",
        examples=["0812-3456-7890"],
    )
    website: Url | None = Field(default=None, description="Situs web atau blog")


class Creator(Strict):
    """A content creator, declared once in ``content/creators/<id>.yml`` (the file name is the id)."""

    name: ShortText = Field(
        title="Nama kreator", description="Nama yang ditampilkan", examples=["Nama Kreator", "Sari Rahayu"]
    )
    bio: Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=400)] = Field(
        description="Bio singkat: siapa Anda dan apa yang Anda liput",
        examples=["Kreator konten wisata dari Desa Contoh.", "Pemilik usaha keripik tempe sejak 2009."],
    )
    region: str | None = Field(
        default=None,
        description="Asal kreator: id wilayah dari content/regions.yml (opsional)",
        examples=["kecamatan/desa"],
    )
    photo: PhotoFile | None = Field(
        default=None, description="Foto profil: berkas di content/creators/ (opsional)", examples=["nama-kreator.jpg"]
    )
    photo_alt: Text | None = Field(
        default=None,
        description="Teks alternatif foto profil; wajib bila ada photo",
        examples=["Potret Nama Kreator tersenyum di tepi pantai"],
    )
    links: CreatorLinks = Field(default_factory=CreatorLinks, description="Kanal media sosial dan WhatsApp")
    github: GitHubLogin | None = Field(
        default=None,
        description="Nama pengguna GitHub kreator (tanpa @): kiriman lewat formulir dari akun ini tercatat atas nama "
        "kreator ini",
        examples=["nama-akun-github"],
    )

    RULES: ClassVar[tuple[str, ...]] = ("Bila ada `photo`, `photo_alt` wajib diisi.",)

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
    desa: Annotated[list[Desa], Items("desa")] = Field(default_factory=list)


class Regions(Strict):
    """``content/regions.yml``: the controlled list of places."""

    kecamatan: Annotated[list[Kecamatan], Items("kecamatan")] = Field(min_length=1)


# --------------------------------------------------------------------------
# Walking the models
# --------------------------------------------------------------------------


def nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside ``X``, ``X | None``, ``list[X]`` or ``Annotated[X, …]``, and whether it is a list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return nested_model(typing.get_args(annotation)[0])
    if origin is list:
        model, _ = nested_model(typing.get_args(annotation)[0])
        return model, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            model, is_list = nested_model(arg)
            if model is not None:
                return model, is_list
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def _marked(annotation: Any, marker: type) -> bool:
    """Whether ``annotation`` carries a ``marker`` instance (also inside ``X | None``)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return any(isinstance(meta, marker) for meta in annotation.__metadata__) or _marked(
            typing.get_args(annotation)[0], marker
        )
    if origin in (typing.Union, types.UnionType):
        return any(_marked(arg, marker) for arg in typing.get_args(annotation))
    return False


EACH = "*"
"""In a field location, stands for every item of a list."""


def carries(info: FieldInfo, marker: type) -> bool:
    """Whether the field ``info`` carries a ``marker`` (:class:`IsPhoto`, :class:`Placeholder`…)."""
    return any(isinstance(meta, marker) for meta in info.metadata) or _marked(info.annotation, marker)


def marked_fields(
    model: type[BaseModel], marker: type, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], FieldInfo]]:
    """``(location, field)`` of every field of ``model`` (nested blocks included) that carries ``marker``.

    A location is a field path with :data:`EACH` for every list item:
    ``("cover", "file")``, ``("gallery", "*", "file")``.
    """
    found: list[tuple[tuple[str, ...], FieldInfo]] = []
    for name, info in model.model_fields.items():
        if carries(info, marker):
            found.append((prefix + (name,), info))
            continue
        nested, is_list = nested_model(info.annotation)
        if nested is not None:
            found += marked_fields(nested, marker, prefix + (name,) + ((EACH,) if is_list else ()))
    return found


@functools.cache  # a model's fields never change: walk them once, not once per post (0.8 ms a post)
def photo_locations(model: type[BaseModel]) -> tuple[tuple[str, ...], ...]:
    """Where ``model`` names photos (:data:`PhotoFile`): ``("cover", "file")``, ``("gallery", "*", "file")``…"""
    return tuple(location for location, _ in marked_fields(model, IsPhoto))


@functools.cache
def placeholder_locations(model: type[BaseModel]) -> tuple[tuple[tuple[str, ...], Any], ...]:
    """``(location, example)`` of every field of ``model`` whose example is a :class:`Placeholder`."""
    return tuple((location, info.examples[0]) for location, info in marked_fields(model, Placeholder) if info.examples)


def values_at(data: Any, locations: Iterable[tuple[str, ...]]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """``(field path, value)`` of every value raw ``data`` holds at ``locations``, in order.

    Works on unvalidated data: a value of the wrong shape on the way is skipped
    (the model reports it), so photos, placeholders and fields are checked in one run.
    """
    for location in locations:
        yield from _walk(data, location, ())


def _walk(data: Any, rest: tuple[str, ...], path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if not rest:
        yield path, data
        return
    head, tail = rest[0], rest[1:]
    if head == EACH:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _walk(item, tail, path + (index,))
    elif isinstance(data, dict) and data.get(head) is not None:
        yield from _walk(data[head], tail, path + (head,))
