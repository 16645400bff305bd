"""A processed photo in a page: the ``<picture>`` with WebP and JPEG sources, sized for its slot."""

from __future__ import annotations

import html

from etalase.photos.types import FALLBACK_WIDTH, ProcessedPhoto

PHONE_MEDIA = "(max-width: 44.984375em)"
"""Screens narrower than Material's tablet breakpoint (45em): phones."""


THUMB_SIZES = "5.6rem"
"""Width of the square thumbnail a card shows on a phone (its CSS slot is 5.6rem, 112 px). In ``sizes``
a rem is the browser's default 16 px, so the browser asks for 90 px times its device scale: at scale 2
it takes the 224 px file, two times the slot; never the 336 px one, which is for scale 3."""


def picture_html(
    photo: ProcessedPhoto,
    alt: str,
    *,
    url_prefix: str,
    sizes: str = "(min-width: 76.25em) 46rem, 100vw",
    lcp: bool = False,
    css_class: str | None = None,
    phone_thumb: bool = False,
) -> str:
    """A ``<picture>`` with a WebP ``<source>`` and a JPEG ``<img>``.

    ``url_prefix`` (``"../../"``) is put before every URL. The ``<img>`` has
    the largest rendition's ``width``/``height`` so the browser reserves the
    space, and is lazy unless ``lcp`` (the page's largest paint) is set, which
    asks for high fetch priority instead. ``phone_thumb`` shows the square
    thumbnail on phones (a card drawn as a row there).
    """

    def srcset(format: str) -> str:
        return ", ".join(f"{url_prefix}{r.url} {r.width}w" for r in photo.renditions if r.format == format)

    jpegs = [r for r in photo.renditions if r.format == "jpeg"]
    fallback = max((r for r in jpegs if r.width <= FALLBACK_WIDTH), key=lambda r: r.width, default=None)
    fallback = fallback or min(jpegs, key=lambda r: r.width)
    attributes = [
        ("src", url_prefix + fallback.url),
        ("srcset", srcset("jpeg")),
        ("sizes", sizes),
        ("width", str(photo.width)),
        ("height", str(photo.height)),
        ("alt", alt),
    ]
    if css_class:
        attributes.append(("class", css_class))
    attributes += [("fetchpriority", "high")] if lcp else [("loading", "lazy"), ("decoding", "async")]
    img = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes)
    sources = ""
    if phone_thumb:
        thumb = photo.thumb
        thumbs = ", ".join(f"{url_prefix}{t.url} {t.width}w" for t in photo.thumbs)
        sources += (
            f'<source media="{PHONE_MEDIA}" type="image/webp" '
            f'srcset="{html.escape(thumbs)}" sizes="{THUMB_SIZES}" '
            f'width="{thumb.width}" height="{thumb.height}">'
        )
    sources += f'<source type="image/webp" srcset="{html.escape(srcset("webp"))}" sizes="{html.escape(sizes)}">'
    return f"<picture>{sources}<img {img}></picture>"
