"""The regency's brand: ``extra.brand`` of ``mkdocs.yml``, typed and checked like content.

A regency re-brands the kit by editing this block (and ``site_name``,
``site_url``, ``site_description`` and the logo). :func:`check_brand` checks
it before anything is built, by ``etalase check`` as well as by the build,
and reports each problem like a content problem, at its line of
``mkdocs.yml``, in Bahasa Indonesia with an English second line and a
did-you-mean for a misspelt key:

    mkdocs.yml:42: extra.brand.colors.primary: ditemukan "0b5563"; tulis warna sebagai #rrggbb, mis. #0b5563

Colours carry white text (the header, tags, buttons, social cards), so each
must reach a contrast of 4.5:1 with white (WCAG 2.2, 1.4.3). Category colours
default to :data:`etalase.content.categories.REGISTRY`'s.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import yaml
from mkdocs.config.defaults import MkDocsConfig
from pydantic import AfterValidator, Field, ValidationError, create_model, model_validator
from pydantic_core import PydanticCustomError

from etalase.content.categories import REGISTRY
from etalase.content.explain import problems_of
from etalase.content.photo_files import PHOTO_SUFFIXES
from etalase.content.problems import Problem, display_path
from etalase.content.schema import ShortText, Strict, Text, Url, WhatsApp
from etalase.content.settings import read_settings
from etalase.content.text import show
from etalase.content.zones import DEFAULT_ZONE, ZONES, Zone

MIN_CONTRAST = 4.5
"""WCAG 2.2 AA contrast of normal text; white text sits on every brand colour."""


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise PydanticCustomError("etalase_colour", "bukan warna #rrggbb")
    ratio = contrast(value, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise PydanticCustomError(
            "etalase_contrast", "kontras {ratio} kurang dari 4,5:1", {"ratio": f"{ratio:.2f}".replace(".", ",")}
        )
    return value.lower()


Colour = Annotated[str, AfterValidator(_colour)]
"""``#rrggbb`` on which white text reaches 4.5:1."""


class Hero(Strict):
    """The home page's photo: processed like a post's photos; only its renditions are published."""

    photo: ShortText = Field(description="Berkas foto di bawah docs/, mis. assets/brand/hero.jpg")
    alt: Text = Field(description="Teks alternatif foto")
    credit: ShortText | None = Field(default=None, description="Pemotret dan lisensi, tampil di beranda")


class CategoryIntro(Strict):
    """What a category's page opens with (``extra.brand.categories.<id>``): a photo and a few lines."""

    intro: Text | None = Field(default=None, description="Paragraf pembuka halaman kategori; bawaan: blurb kategori")
    photo: ShortText | None = Field(
        default=None, description="Berkas foto di bawah docs/, mis. assets/brand/wisata.jpg"
    )
    alt: Text | None = Field(default=None, description="Teks alternatif foto; wajib bila ada photo")
    credit: ShortText | None = Field(default=None, description="Pemotret dan lisensi, tampil di bawah foto")

    @model_validator(mode="after")
    def _photo_has_alt(self) -> CategoryIntro:
        if self.photo and not self.alt:
            raise PydanticCustomError("etalase_brand_photo_alt", "photo tanpa alt")
        return self


class CategoryPage(NamedTuple):
    """A category page's opening, the brand's or the registry's default: the intro and the photo if any."""

    intro: str
    photo: str | None
    alt: str
    credit: str | None


class Social(Strict):
    """The office's accounts: footer links and the JSON-LD ``sameAs``."""

    instagram: Url | None = None
    youtube: Url | None = None
    facebook: Url | None = None
    tiktok: Url | None = None
    x: Url | None = None
    threads: Url | None = None
    whatsapp: Url | None = None


class Contact(Strict):
    """How to reach the office behind the site (footer, JSON-LD)."""

    office: ShortText = Field(description="Nama kantor, mis. Dinas Komunikasi dan Informatika Kabupaten …")
    address: Text | None = None
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    whatsapp: WhatsApp | None = None
    map: Url | None = Field(
        default=None, description="Tautan peta ke kantor atau pusat kota (halaman Tentang); bawaan: cari alamatnya"
    )


class Brand(Strict):
    """``extra.brand``: everything a visitor or a crawler sees that names the regency."""

    name: ShortText = Field(description="Nama daerah, mis. Kabupaten Paser")
    short_name: ShortText | None = None
    tagline: Text = Field(description="Kalimat utama beranda")
    colors: Any = Field(description="Warna: primary, accent, categories")
    hero: Hero | None = None
    categories: Any = Field(
        default=None, description="Pembuka setiap halaman kategori: intro, photo, alt, credit (per kategori)"
    )
    social: Social = Field(default_factory=Social)
    contact: Contact
    footer: Text | None = None
    getting_here: list[Text] = Field(
        default_factory=list,
        description="Cara ke sini (halaman Tentang): satu kalimat per cara, mis. bus, mobil, kapal",
    )
    copyright: Text | None = Field(default=None, description="Baris hak cipta di kaki setiap halaman")
    repository: Url | None = Field(
        default=None, description="Alamat repositori GitHub situs ini: tombol 'Kirim pos baru' membuka formulirnya"
    )
    demo: bool = Field(default=False, description="true: tampilkan pita 'Konten contoh' di setiap halaman")
    timezone: Zone = Field(default=DEFAULT_ZONE, description="Zona waktu daerah")

    @property
    def author(self) -> str:
        """Who publishes the site (``<meta name="author">``, JSON-LD): the office."""
        return self.contact.office

    @property
    def copyright_line(self) -> str:
        return self.copyright or f"© {self.contact.office}"

    def colour_of(self, category_id: str) -> str:
        """A category's colour: the brand's, else the registry's default."""
        return str(getattr(self.colors.categories, category_id, None) or REGISTRY[category_id].colour)

    def category_page(self, category_id: str) -> CategoryPage:
        """How a category's page opens: the brand's intro and photo, else the registry's blurb and no photo."""
        own = getattr(self.categories, category_id, None) or CategoryIntro()
        return CategoryPage(
            intro=own.intro or REGISTRY[category_id].blurb, photo=own.photo, alt=own.alt or "", credit=own.credit
        )

    @property
    def category_colours(self) -> dict[str, str]:
        return {category.id: self.colour_of(category.id) for category in REGISTRY}

    @property
    def zone(self) -> Any:
        return ZONES[self.timezone]


def brand_model() -> type[Brand]:
    """:class:`Brand` with ``colors.categories`` holding exactly the registered categories."""
    categories = create_model(
        "CategoryColours", __base__=Strict, **{category.id: (Colour | None, None) for category in REGISTRY}
    )  # type: ignore[call-overload]
    colours = create_model(
        "Colors",
        __base__=Strict,
        primary=(Colour, ...),
        accent=(Colour, ...),
        categories=(categories, Field(default_factory=categories)),
    )
    pages = create_model(
        "CategoryPages", __base__=Strict, **{category.id: (CategoryIntro | None, None) for category in REGISTRY}
    )  # type: ignore[call-overload]
    return create_model(
        "Brand", __base__=Brand, colors=(colours, ...), categories=(pages, Field(default_factory=pages))
    )


def check_brand(config: MkDocsConfig) -> tuple[Brand | None, list[Problem]]:
    """The brand of ``config``, or the problems of ``mkdocs.yml`` that stop the build."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    display = display_path(config_file)
    lines = config_lines(config_file)

    def line_of(path: tuple[Any, ...]) -> int | None:
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return None

    problems: list[Problem] = []
    if not config.site_url:
        problems.append(
            Problem(
                display,
                None,
                "site_url",
                "wajib diisi: alamat situs, mis. https://etalase.paserkab.go.id/ (sama dengan alamat GitHub Pages)",
                "required: the site's address, e.g. https://etalase.paserkab.go.id/ (the Pages URL)",
            )
        )
    data = config.extra.get("brand")
    model = brand_model()
    brand = None
    if not isinstance(data, dict):
        problems.append(
            Problem(
                display,
                line_of(("extra",)),
                "extra.brand",
                "wajib diisi: blok merek daerah (name, tagline, colors, contact, …); lihat README",
                "required: the regency's brand block (name, tagline, colors, contact, …); see README",
            )
        )
    else:
        try:
            brand = model.model_validate(data)
        except ValidationError as error:
            problems += problems_of(error, model, display, line_of, prefix=("extra", "brand"))
    docs = Path(config.docs_dir)
    if brand is not None and brand.hero is not None:
        problems += _photo_file(
            docs, brand.hero.photo, display, line_of(("extra", "brand", "hero", "photo")), "extra.brand.hero.photo"
        )
    for category in REGISTRY:
        photo = brand.category_page(category.id).photo if brand is not None else None
        if photo:
            path = ("extra", "brand", "categories", category.id, "photo")
            problems += _photo_file(docs, photo, display, line_of(path), ".".join(path))
    logo = config.theme.get("logo")
    if logo and not _theme_file(config, logo):
        problems.append(
            Problem(
                display,
                line_of(("theme", "logo")),
                "theme.logo",
                f"berkas {show(logo)} tidak ada di docs/ atau overrides/",
                f"file {show(logo)} is not in docs/ or overrides/",
            )
        )
    return (brand if not problems else None), problems


def _photo_file(docs: Path, name: str, display: Path, line: int | None, field: str) -> list[Problem]:
    path = docs / name
    if not path.is_file():
        return [
            Problem(
                display, line, field, f"berkas {show(name)} tidak ada di docs/", f"file {show(name)} is not in docs/"
            )
        ]
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        allowed = ", ".join(PHOTO_SUFFIXES)
        return [
            Problem(
                display,
                line,
                field,
                f"{show(name)} bukan foto; yang diizinkan: {allowed}",
                f"{show(name)} is not a photo; allowed: {allowed}",
            )
        ]
    return []


def _theme_file(config: MkDocsConfig, name: str) -> bool:
    folders = [Path(config.docs_dir), *(Path(folder) for folder in config.theme.dirs)]
    return any((folder / name).is_file() for folder in folders)


def configured_zone(config_file: Path) -> str:
    """The regency's time zone, ``extra.brand.timezone`` of ``config_file``; the default when it names none.

    For tools that need only this (the scaffold, the form route) without loading MkDocs (:mod:`etalase.content.settings`).
    """
    return read_settings(config_file).zone


def config_lines(config_file: Path) -> dict[tuple[Any, ...], int]:
    """The line of every key and list item of ``mkdocs.yml``, by path (``("extra", "brand", "name")``).

    The file is composed, not constructed, so tags such as ``!ENV`` or
    ``!!python/name:`` need no constructor here.
    """
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    lines: dict[tuple[Any, ...], int] = {}
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                key_path = path + (key.value if isinstance(key, yaml.ScalarNode) else "?",)
                lines.setdefault(key_path, key.start_mark.line + 1)
                stack.append((value, key_path))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (index,)) for index, item in enumerate(node.value))
    return lines
