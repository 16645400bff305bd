"""Social cards: the 1200x630 picture a shared link shows on WhatsApp, Facebook and X.

Why a composited card and not the plain cover crop: a link shared in a
WhatsApp group is often forwarded again as a bare picture, and a screenshot
of a feed loses the text beside it. A card that carries the post's title,
its category and the regency's name still says what it is and whose it is
once it is cut loose from the link, and the photo still fills the frame, so
the place sells itself. The cost is small: each card is drawn once with
Pillow and cached by a digest of everything that shapes it.

Built offline: the font comes from a pinned PyPI package
(``fontpkg-atkinson-hyperlegible``, SIL OFL), never from a font service.
Atkinson Hyperlegible was drawn by the Braille Institute for low-vision
readers, which also keeps a title legible at the thumbnail size chat apps
show. Material's own social plugin is not used: it fetches its fonts at build
time and needs Cairo.

Titles are set in the site's heading typeface when the site has it
(:data:`DISPLAY_FONT` under ``docs_dir``, the woff2 file the pages use:
Pillow's FreeType reads WOFF2, its wheels being built with Brotli), so a card
matches the pages it leads to. That file holds the Latin subset only: a title
with a character outside it (:data:`DISPLAY_RANGES`) is set in Atkinson
Hyperlegible Bold instead of showing empty boxes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg_atkinson_hyperlegible as atkinson  # type: ignore[import-untyped]
from PIL import Image, ImageDraw, ImageFont, ImageOps

CARD_VERSION = "3"
"""Bump when the drawing changes: it is part of every card's cache key."""

SIZE = (1200, 630)
MARGIN = 72
FONT_BOLD = atkinson.ROOT / "files" / "AtkinsonHyperlegible-Bold.ttf"
FONT_REGULAR = atkinson.ROOT / "files" / "AtkinsonHyperlegible-Regular.ttf"
DISPLAY_FONT = "assets/fonts/plus-jakarta-sans-latin-800-normal.woff2"
"""The heading typeface, relative to ``docs_dir`` (``make vendor-font``; etalase.css names it too)."""
DISPLAY_RANGES = (
    (0x0000, 0x00FF), (0x0131, 0x0131), (0x0152, 0x0153), (0x02BB, 0x02BC), (0x02C6, 0x02C6), (0x02DA, 0x02DA),
    (0x02DC, 0x02DC), (0x0304, 0x0304), (0x0308, 0x0308), (0x0329, 0x0329), (0x2000, 0x206F), (0x20AC, 0x20AC),
    (0x2122, 0x2122), (0x2191, 0x2191), (0x2193, 0x2193), (0x2212, 0x2212), (0x2215, 0x2215), (0xFEFF, 0xFEFF),
    (0xFFFD, 0xFFFD),
)  # fmt: skip
"""The characters of the typeface's Latin subset (Fontsource's ``unicode-range`` of that file)."""
TITLE_SIZES = (68, 58, 50)
"""Title sizes tried in turn until the title fits in :data:`TITLE_LINES` lines."""
TITLE_LINES = 3
JPEG_QUALITY = 84
URL_DIR = "media/kartu"


@dataclass(frozen=True)
class CardRequest:
    """What one card shows."""

    background: Path
    """A photo (the cover's 1200x630 crop); cropped and scaled to fill the card."""
    kicker: str
    """Short label in a coloured tag above the title (the category)."""
    title: str
    footer: str
    """Bottom line (the regency and the site's host)."""
    colour: str
    """``#rrggbb`` of the tag and the bottom bar; white text must be readable on it."""
    name: str
    """File-name stem of the card in its URL (the post's slug)."""
    title_font: Path | None = None
    """The heading typeface (:data:`DISPLAY_FONT`), if the site has it; Atkinson Hyperlegible Bold otherwise."""
    background_key: str | None = None
    """What names the background's content without reading it: a rendition's place in the photo cache,
    whose entry is named by a digest of the source photo and of every setting that shapes its renditions
    (:mod:`etalase.photos.cache`). ``None``: the background's bytes are read and hashed (reading 2,000
    backgrounds cost 0.5 s of a one-post rebuild)."""


@dataclass(frozen=True)
class Card:
    """A rendered card."""

    file: Path
    """Absolute path in the cache."""
    url: str
    """Site-relative URL, content-addressed: a changed card gets a new URL, so chat apps refetch it."""
    width: int = SIZE[0]
    height: int = SIZE[1]


def render_cards(requests: Mapping[str, CardRequest], cache_dir: Path) -> dict[str, Card]:
    """Every requested card, drawn only when not cached; unused cached cards are removed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    digests: dict[Path, str] = {}
    cards = {key: _card(request, cache_dir, digests) for key, request in requests.items()}
    missing = {card.file: requests[key] for key, card in cards.items() if not card.file.exists()}
    if missing:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(_draw, missing.values(), missing.keys()))
    used = {card.file for card in cards.values()}
    for old in cache_dir.glob("*.jpg"):
        if old not in used:
            old.unlink()
    return cards


def _card(request: CardRequest, cache_dir: Path, digests: dict[Path, str]) -> Card:
    """The card of ``request``, named by everything it shows; ``digests`` holds each file read in this run."""

    def read(path: Path) -> str:
        if path not in digests:
            digests[path] = _file_digest(path)
        return digests[path]

    digest = hashlib.sha256()
    for part in (
        CARD_VERSION,
        read(FONT_BOLD) + read(FONT_REGULAR),
        read(_title_font(request)),
        request.background_key or read(request.background),  # content, not where it is
        request.kicker,
        request.title,
        request.footer,
        request.colour,
    ):
        digest.update(part.encode() + b"\0")
    key = digest.hexdigest()
    return Card(file=cache_dir / f"{key}.jpg", url=f"{URL_DIR}/{request.name}-{key[:12]}.jpg")


def _file_digest(path: Path) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


@cache
def _shade() -> Image.Image:
    """How much black to lay over each pixel: none over the top third, more towards the bottom.

    White text then reads on any photo.
    """
    ramp = Image.linear_gradient("L").resize(SIZE)
    return ramp.point(lambda v: 0 if v < 85 else round(225 * ((v - 85) / 170) ** 0.8))


@cache
def _black() -> Image.Image:
    return Image.new("RGB", SIZE, (0, 0, 0))


def _draw(request: CardRequest, target: Path) -> None:
    """Draw ``request`` into ``target`` (written to a temporary name, then renamed)."""
    with Image.open(request.background) as opened:
        photo = opened if opened.mode == "RGB" else opened.convert("RGB")
        base = photo.copy() if photo.size == SIZE else ImageOps.fit(photo, SIZE, Image.Resampling.LANCZOS)
    card = Image.composite(_black(), base, _shade())
    draw = ImageDraw.Draw(card)
    width, height = SIZE

    # Coloured tag with the category.
    tag_font = _font(FONT_BOLD, 30)
    kicker = request.kicker.upper()
    left, top, right, bottom = draw.textbbox((0, 0), kicker, font=tag_font)
    pad_x, pad_y = 22, 12
    draw.rounded_rectangle(
        (MARGIN, 56, MARGIN + right - left + 2 * pad_x, 56 + bottom - top + 2 * pad_y), radius=10, fill=request.colour
    )
    draw.text((MARGIN + pad_x - left, 56 + pad_y - top), kicker, font=tag_font, fill="white")

    # Footer line and bottom bar.
    footer_font = _font(FONT_REGULAR, 30)
    footer_y = height - 64
    draw.text((MARGIN, footer_y), request.footer, font=footer_font, fill=(235, 235, 235), anchor="ls")
    draw.rectangle((0, height - 14, width, height), fill=request.colour)

    # Title, bottom-aligned above the footer.
    font, lines = _fit_title(request.title, width - 2 * MARGIN, _title_font(request))
    line_height = round(font.size * 1.15)
    y = footer_y - 52 - line_height * (len(lines) - 1)
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill="white", anchor="ls")
        y += line_height

    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    card.save(temporary, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    os.replace(temporary, target)


def _title_font(request: CardRequest) -> Path:
    """The heading typeface if the site has it and it has every character of the title."""
    if request.title_font is None or not request.title_font.is_file():
        return FONT_BOLD
    if all(_in_display_font(char) for char in set(request.title + "…")):
        return request.title_font
    return FONT_BOLD


@cache
def _in_display_font(char: str) -> bool:
    """Whether the heading typeface has ``char``, asked once per character and run: every card's key names its
    title's typeface, so every title of the site is tested on every build."""
    return any(low <= ord(char) <= high for low, high in DISPLAY_RANGES)


def _fit_title(title: str, width: int, path: Path = FONT_BOLD) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose wrapping fits; at the smallest size, the last line ends in "…"."""
    for size in TITLE_SIZES:
        font = _font(path, size)
        lines = _wrap(title, font, width)
        if len(lines) <= TITLE_LINES:
            return font, lines
    lines = lines[:TITLE_LINES]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last + "…"
    return font, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Word wrap into as few lines as fit ``width``, as even in length as possible (no lone last word)."""
    lines = _greedy(text, font, width)
    low, high = 1, width
    while low < high:  # the narrowest width that still needs no more lines
        middle = (low + high) // 2
        if len(_greedy(text, font, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return _greedy(text, font, low)


def _greedy(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a single word wider than ``width`` gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]
