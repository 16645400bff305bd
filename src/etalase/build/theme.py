"""What the theme's templates get from the pipeline, and what is fixed in their output.

The plugin calls :func:`install` from ``on_env``: Jinja filters and globals
(dates in Indonesian, rupiah, responsive photos, the brand, the category
registry, every URL builder, links' ``rel``) and autoescaping for the
templates under ``overrides/`` that print contributed text. Templates build
no URL and no ``<picture>`` themselves: they call ``etalase_urls`` and
``picture()``, whose ``sizes`` presets are :data:`SIZES`.
:func:`finish_html` makes small fixes to every rendered page that cannot be
made in a block of Material's templates.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import format_decimal
from jinja2 import Environment
from markupsafe import Markup

from etalase.build.hero import scrim
from etalase.build.sanitize import EXTERNAL_REL
from etalase.content import urls
from etalase.content.brand import Brand
from etalase.content.categories import REGISTRY
from etalase.content.datetext import LOCALE, MONTHS, SHORT_MONTHS
from etalase.content.schema import CERTIFICATE_LABELS, FUNDING_LABELS, PROJECT_STATUS_LABELS, WHEELCHAIR_LABELS
from etalase.content.zones import zone_name
from etalase.photos.markup import picture_html
from etalase.photos.types import ProcessedPhoto

OWN_TEMPLATES = ("main.html", "404.html", "sitemap.xml", "etalase/", "partials/etalase/")
"""Templates under ``overrides/`` that autoescape what they print."""

SIZES = {
    "hero": "100vw",
    "cover": "(min-width: 76.25em) 40rem, (min-width: 60em) 60vw, 100vw",
    "gallery": "(min-width: 76.25em) 18rem, (min-width: 45em) 45vw, 100vw",
    "card": "(min-width: 76.25em) 19rem, (min-width: 45em) 45vw, 100vw",
    "card-featured": "(min-width: 76.25em) 36rem, 100vw",
    "category": "(min-width: 76.25em) 58rem, 100vw",
    "profile": "6rem",
    "evidence": "(min-width: 45em) 20rem, 100vw",
}
"""How wide each use of a photo is drawn (the ``sizes`` attribute), by name; Material's
breakpoints are 45em (tablet), 60em (laptop) and 76.25em (desktop)."""

NETWORKS = {
    "instagram": ("Instagram", "fontawesome/brands/instagram"),
    "youtube": ("YouTube", "fontawesome/brands/youtube"),
    "facebook": ("Facebook", "fontawesome/brands/facebook"),
    "tiktok": ("TikTok", "fontawesome/brands/tiktok"),
    "x": ("X", "fontawesome/brands/x-twitter"),
    "threads": ("Threads", "fontawesome/brands/threads"),
    "whatsapp": ("WhatsApp", "fontawesome/brands/whatsapp"),
    "website": ("Situs web", "fontawesome/solid/globe"),
}
"""Name and icon (under Material's ``.icons/``) of each network a link can be on: the office's accounts in
the footer and a creator's channels; templates fall back to ``material/link`` for any other."""


def install(
    env: Environment,
    *,
    brand: Brand,
    hero: ProcessedPhoto | None,
    category_photos: dict[str, ProcessedPhoto] | None = None,
) -> None:
    """Add the filters and globals the templates use, and escape in our own templates."""
    env.filters["rupiah"] = rupiah
    env.filters["tanggal"] = tanggal
    env.filters["waktu_acara"] = event_time
    env.filters["bulan_singkat"] = short_month
    env.filters["lisensi"] = licence_name
    env.filters["nama_situs"] = site_name
    env.filters["from_root"] = from_root
    env.globals.update(
        picture=picture,
        etalase_brand=brand,
        etalase_categories=REGISTRY,
        etalase_urls=urls,
        etalase_status_labels=PROJECT_STATUS_LABELS,
        etalase_funding_labels=FUNDING_LABELS,
        etalase_certificate_labels=CERTIFICATE_LABELS,
        etalase_wheelchair_labels=WHEELCHAIR_LABELS,
        etalase_hero=hero,
        etalase_hero_scrim=scrim(hero) if hero else None,  # how dark white text over it needs it (etalase.build.hero)
        etalase_category_photos=category_photos or {},  # extra.brand.categories.<id>.photo, processed
        etalase_ugc_rel=EXTERNAL_REL,  # on links a contributor wrote
        etalase_networks=NETWORKS,
        etalase_nav_items=nav_items(),
        etalase_nav_marks=nav_marks,
    )
    # Our templates print contributed text: escape it. Material's own templates are left as they are.
    env.autoescape = _own_template


def _own_template(name: str | None) -> bool:
    return name is not None and name.startswith(OWN_TEMPLATES)


def scrollable_tables(html: str) -> str:
    """Tables and code blocks scroll sideways on a phone; make them reachable with the keyboard.

    Each table goes in a box that scrolls (a region named "Tabel N") and each
    code block can take focus. Material's script does this on other sites;
    this theme does not load it.
    """
    tables = iter(range(1, html.count("<table>") + 1))
    html = re.sub(
        "<table>",
        lambda _: f'<div class="etalase-table" role="region" aria-label="Tabel {next(tables)}" tabindex="0"><table>',
        html,
    )
    return re.sub(
        r"(<pre[^>]*>\s*<code)(?![^>]*tabindex)", r'\1 tabindex="0"', html.replace("</table>", "</table></div>")
    )


_INVALID_IN_MATERIAL = (
    *(
        (f'type="checkbox" id="__{toggle}" autocomplete="off">', f'type="checkbox" id="__{toggle}">')
        for toggle in ("drawer", "search")
    ),
    (' tabindex="">', ">"),
)
"""What Material writes that the Nu HTML checker rejects, as written, and what it becomes."""


def finish_html(html: str) -> str:
    """Two attributes of Material's ``base.html`` and ``nav-item.html`` that the Nu HTML checker rejects.

    ``autocomplete`` is not allowed on a checkbox (the drawer and search
    toggles), and ``tabindex=""`` is not an integer. Both templates sit
    outside any block, so they are fixed here rather than copied into
    ``overrides/``. Plain replacements: a regular expression over every page
    cost 1 ms a page (cProfile of a 2,000-post build); the accessibility
    tests' Nu HTML check fails if Material's markup changes under them.
    """
    for written, valid in _INVALID_IN_MATERIAL:
        html = html.replace(written, valid)
    return html


def picture(photo: ProcessedPhoto, alt: str, base_url: str, use: str, **options: Any) -> Markup:
    """``{{ picture(photo, alt, base_url, "card") }}``: a responsive photo drawn as :data:`SIZES` says for ``use``."""
    return Markup(
        picture_html(photo, alt, url_prefix=from_root("", base_url).removeprefix("./"), sizes=SIZES[use], **options)
    )


def nav_items() -> list[tuple[str, str, str | None]]:
    """The visitors' navigation: label, URL and category id of each category of the registry, the agenda, search."""
    return [
        *((category.label, category.url, category.id) for category in REGISTRY),
        ("Agenda", urls.agenda(), None),
        ("Cari", urls.search(), None),
    ]


def nav_marks(page: Any) -> tuple[str, ...]:
    """Each navigation item's ``aria-current`` on ``page`` (``""``: none), in :func:`nav_items`' order.

    ``"page"`` in the page's own item; ``"true"`` in the item a page is under (a later page of a listing) and in a
    post's category. ``page`` is what a template has: a generated page's, MkDocs' page, or none (the 404 page).
    """
    here = getattr(page, "url", "") or ""
    meta = getattr(page, "meta", None) or {}
    generated = meta.get("etalase") if isinstance(meta, dict) else None
    post = getattr(generated, "post", None) if getattr(generated, "kind", None) == "post" else None
    post_category = getattr(post, "category", None)
    return tuple(
        "page" if here == url else "true" if here.startswith(url) or (category and category == post_category) else ""
        for _, url, category in nav_items()
    )


def from_root(url: str, base_url: str) -> str:
    """``{{ post.url | from_root(base_url) }}``: a link to a page of the site, made from the root.

    ``wisata/pantai/`` from a page two folders deep (``base_url`` ``../..``) is ``../../wisata/pantai/``, from every
    page that deep; MkDocs' ``url`` filter makes it relative to the page itself (``../pantai/`` from a sibling),
    so a part shared by many pages (a card, :class:`etalase.build.templates.Fragments`) uses this one.
    """
    if base_url in ("", "."):
        return url or "./"
    return f"{base_url.rstrip('/')}/{url}"


def rupiah(amount: int) -> str:
    """``1500000`` → ``Rp1.500.000``."""
    return "Rp" + format_decimal(amount, locale=LOCALE)


def tanggal(moment: datetime, with_time: bool = False) -> str:
    """``2026-10-12 08:00+07:00`` → ``12 Oktober 2026`` (``, 08.00 WIB`` with time)."""
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    if with_time:
        text += f", {moment:%H.%M} {zone_name(moment)}".rstrip()
    return text


_CC_SLUG = re.compile(r"CC-?(0|BY(?:-(?:SA|NC|ND))*)-(\d\.\d)", re.IGNORECASE)


def licence_name(licence: str) -> str:
    """A Creative Commons licence by its name: ``CC-BY-SA-4.0`` → ``CC BY-SA 4.0``, ``CC0-1.0`` → ``CC0 1.0``.

    Anything else is shown as written.
    """
    match = _CC_SLUG.fullmatch(licence.strip())
    if match is None:
        return licence
    kind, version = match[1].upper(), match[2]
    return f"CC0 {version}" if kind == "0" else f"CC {kind} {version}"


def short_month(moment: datetime) -> str:
    """``2026-12-20`` → ``Des``: the month of a date chip."""
    return SHORT_MONTHS[moment.month - 1]


def event_time(start: datetime, end: datetime | None = None) -> str:
    """When an event happens, as Indonesians write it.

    ``13 Juni 2026, 09.00–12.00 WIB`` on one day; ``13 Juni 2026, 19.00 WIB
    sampai 14 Juni 2026, 02.00 WIB`` across days; the start alone without an end.
    """
    if end is None:
        return tanggal(start, with_time=True)
    if end.date() == start.date() and end.utcoffset() == start.utcoffset():
        return f"{tanggal(start)}, {start:%H.%M}–{end:%H.%M} {zone_name(start)}".rstrip()
    return f"{tanggal(start, with_time=True)} sampai {tanggal(end, with_time=True)}"


SITE_NAMES = {
    "shopee": "Shopee",
    "tokopedia": "Tokopedia",
    "lazada": "Lazada",
    "bukalapak": "Bukalapak",
    "blibli": "Blibli",
    "tiktok": "TikTok",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "fb": "Facebook",
    "youtube": "YouTube",
    "youtu": "YouTube",
    "wa": "WhatsApp",
    "whatsapp": "WhatsApp",
    "x": "X",
    "twitter": "X",
    "gofood": "GoFood",
    "grab": "Grab",
    "linktr": "Linktree",
}
"""Well-known sites by the first word of their host (without ``www.``/``m.``), as people call them."""


def site_name(url: Any) -> str:
    """``https://shopee.co.id/toko`` → ``Shopee``; an unknown site by its host (``tinkebunkopi.example.com``)."""
    host = (urlsplit(str(url)).hostname or str(url)).removeprefix("www.").removeprefix("m.")
    return SITE_NAMES.get(host.split(".")[0], host)
