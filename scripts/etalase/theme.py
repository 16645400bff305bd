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
from collections.abc import Callable
from datetime import datetime
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from . import urls
from .brand import Brand
from .categories import REGISTRY
from .hero import scrim
from .images import ProcessedPhoto, picture_html
from .listings import MONTHS
from .sanitize import EXTERNAL_REL
from .schema import PROJECT_STATUS_LABELS
from .zones import zone_name

OWN_TEMPLATES = ("main.html", "404.html", "sitemap.xml", "etalase/", "partials/etalase/")
"""Templates under ``overrides/`` that autoescape what they print."""

SIZES = {
    "hero": "100vw",
    "cover": "(min-width: 76.25em) 40rem, (min-width: 60em) 60vw, 100vw",
    "gallery": "(min-width: 76.25em) 18rem, (min-width: 45em) 45vw, 100vw",
    "card": "(min-width: 76.25em) 19rem, (min-width: 45em) 45vw, 100vw",
    "card-featured": "(min-width: 76.25em) 36rem, 100vw",
    "profile": "6rem",
    "evidence": "(min-width: 45em) 20rem, 100vw",
}
"""How wide each use of a photo is drawn (the ``sizes`` attribute), by name; Material's
breakpoints are 45em (tablet), 60em (laptop) and 76.25em (desktop)."""


def install(env: Environment, *, brand: Brand, hero: ProcessedPhoto | None,
            lastmod: Callable[[Any], str]) -> None:
    """Add the filters and globals the templates use, and escape in our own templates."""
    env.filters["rupiah"] = rupiah
    env.filters["tanggal"] = tanggal
    env.globals.update(
        picture=picture,
        etalase_brand=brand,
        etalase_categories=REGISTRY,
        etalase_urls=urls,
        etalase_status_labels=PROJECT_STATUS_LABELS,
        etalase_hero=hero,
        etalase_hero_scrim=scrim(hero) if hero else None,  # how dark white text over it needs it (etalase.hero)
        etalase_ugc_rel=EXTERNAL_REL,  # on links a contributor wrote
        etalase_lastmod=lastmod,
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
    html = re.sub("<table>", lambda _: f'<div class="etalase-table" role="region" aria-label="Tabel {next(tables)}" '
                  'tabindex="0"><table>', html)
    return re.sub(r"(<pre[^>]*>\s*<code)(?![^>]*tabindex)", r'\1 tabindex="0"', html.replace("</table>", "</table></div>"))


_INVALID_IN_MATERIAL = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"|(<label [^>]*?) tabindex=""')


def finish_html(html: str) -> str:
    """Two attributes of Material's ``base.html`` and ``nav-item.html`` that the Nu HTML checker rejects.

    ``autocomplete`` is not allowed on a checkbox, and ``tabindex=""`` is not an
    integer. Both templates sit outside any block, so they are fixed here rather
    than copied into ``overrides/``.
    """
    return _INVALID_IN_MATERIAL.sub(lambda match: match.group(1) or match.group(2), html)


def picture(photo: ProcessedPhoto, alt: str, base_url: str, use: str, **options: Any) -> Markup:
    """``{{ picture(photo, alt, base_url, "card") }}``: a responsive photo drawn as :data:`SIZES` says for ``use``."""
    prefix = base_url.rstrip("/") + "/" if base_url not in ("", ".") else ""
    return Markup(picture_html(photo, alt, url_prefix=prefix, sizes=SIZES[use], **options))


def rupiah(amount: int) -> str:
    """``1500000`` → ``Rp1.500.000``."""
    return "Rp" + f"{amount:,}".replace(",", ".")


def tanggal(moment: datetime, with_time: bool = False) -> str:
    """``2026-10-12 08:00+07:00`` → ``12 Oktober 2026`` (``, 08.00 WIB`` with time)."""
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    if with_time:
        text += f", {moment:%H.%M} {zone_name(moment)}".rstrip()
    return text
