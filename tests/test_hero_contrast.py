"""White text over the home page's photo reaches 4.5:1, measured on the pixels Chromium draws.

The scrim under the text is decided from the photo's own pixels at build time
(:mod:`etalase.build.hero`). It is checked twice: on flat colours against the WCAG
formula (the scrim is enough, and a hundredth less is not), and on the rendered
home page of the demo hero and of two other photos, one bright and one busy, at
phone, laptop and wide-screen widths: each line of text in the hero is drawn,
then drawn transparent, and the text's colour is compared with the brightest
background pixel of its box.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from etalase.build.hero import TARGET_CONTRAST, scrim_of_file

import small_site
from conftest import serve

HERO_TEXT = (".etalase-hero__kicker", ".etalase-hero__title", ".etalase-hero .etalase-search-form label")
WIDTHS = {"phone": (360, 800), "laptop": (1280, 800), "wide": (1920, 1080)}


def luminance(pixel: tuple[int, ...]) -> float:
    """WCAG relative luminance of an sRGB pixel."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in pixel[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: float, second: float) -> float:
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


# -- the scrim on flat colours ---------------------------------------------------------------


@pytest.mark.parametrize("colour", [(255, 255, 255), (255, 236, 180), (120, 180, 230), (230, 120, 40), (128, 128, 128)])
def test_the_scrim_is_enough_and_a_hundredth_less_is_not(tmp_path, colour):
    photo = tmp_path / "flat.png"
    Image.new("RGB", (64, 48), colour).save(photo)
    scrim = scrim_of_file(photo)
    under = [round(c * (1 - scrim)) for c in colour]
    assert contrast(1.0, luminance(under)) >= TARGET_CONTRAST - 0.02  # the browser rounds the blend to 8 bits too
    lighter = [c * (1 - scrim + 0.01) for c in colour]
    assert contrast(1.0, luminance([round(c) for c in lighter])) < TARGET_CONTRAST + 0.02


def test_a_dark_photo_needs_no_scrim_and_white_needs_the_most(tmp_path):
    dark, white = tmp_path / "dark.png", tmp_path / "white.png"
    Image.new("RGB", (64, 48), (40, 45, 60)).save(dark)
    Image.new("RGB", (64, 48), (255, 255, 255)).save(white)
    assert scrim_of_file(dark) == 0.0
    assert scrim_of_file(white) == 0.55


def test_one_bright_pixel_decides(tmp_path):
    """A highlight anywhere counts: on some screen the text sits over it."""
    photo = tmp_path / "speck.png"
    image = Image.new("RGB", (400, 300), (30, 30, 30))
    image.putpixel((399, 0), (255, 255, 255))
    image.save(photo)
    assert scrim_of_file(photo) == 0.55


# -- on the rendered home page -----------------------------------------------------------------


def bright_photo(path: Path) -> Path:
    """An overexposed beach: white sky over pale sand."""
    image = Image.linear_gradient("L").resize((1600, 1067)).point(lambda v: 255 - v // 10)
    Image.merge("RGB", (image, image, image.point(lambda v: v - 12))).save(path, quality=90)
    return path


def busy_photo(path: Path) -> Path:
    """A market stall: small tiles of strong colours, none of them white."""
    rng = random.Random(7)
    palette = [
        (214, 64, 40),
        (36, 150, 90),
        (232, 190, 40),
        (50, 90, 200),
        (25, 25, 25),
        (180, 170, 160),
        (150, 60, 150),
    ]
    image = Image.new("RGB", (1600, 1067))
    draw = ImageDraw.Draw(image)
    for y in range(0, 1067, 23):
        for x in range(0, 1600, 17):
            draw.rectangle((x, y, x + 16, y + 22), fill=rng.choice(palette))
    image.save(path, quality=90)
    return path


@pytest.fixture(scope="module")
def hero_sites(tmp_path_factory, demo_url):
    """Base URL of the home page with each hero: the demo's, a bright one and a busy one."""
    folder = tmp_path_factory.mktemp("heroes")
    content = small_site.one_post_content(folder)
    servers = []
    urls = {"demo": demo_url}
    for name, make in (("bright", bright_photo), ("busy", busy_photo)):
        site = small_site.build(folder, name, content, hero=make(folder / f"{name}.jpg"))
        url, server = serve(site)
        urls[name] = url
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


def text_contrast(page, selector: str) -> tuple[float, int]:
    """The contrast of an element's text with the brightest pixel behind it, and how many pixels its glyphs cover."""
    element = page.locator(selector)
    box = element.bounding_box()
    assert box, selector
    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}
    drawn = Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled"))).convert("RGB")
    element.evaluate("e => { e.dataset.colour = e.style.color; e.style.color = 'transparent'; }")
    behind = Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled"))).convert("RGB")
    element.evaluate("e => { e.style.color = e.dataset.colour; }")
    glyphs = [luminance(p) for p, q in zip(drawn.get_flattened_data(), behind.get_flattened_data()) if p != q]
    background = max(luminance(p) for p in behind.get_flattened_data())
    return contrast(max(glyphs, default=0.0), background), len(glyphs)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("photo", ["demo", "bright", "busy"])
def test_white_text_over_the_hero_reaches_4_5_to_1(tab, hero_sites, photo, width):
    w, h = WIDTHS[width]
    page = tab(hero_sites[photo], viewport={"width": w, "height": h}, wait_until="networkidle")
    page.locator(".etalase-hero img").evaluate("img => img.decode()")
    measured = {selector: text_contrast(page, selector) for selector in HERO_TEXT}
    for selector, (ratio, glyphs) in measured.items():
        assert glyphs > 50, f"{selector}: no text drawn"
        assert ratio >= 4.5, f"{photo} hero at {w}px: {selector} {ratio:.2f}:1"


def test_the_scrim_follows_the_photo(tab, hero_sites):
    """The busy photo has no white: it gets a lighter scrim than the bright one (and still passes above)."""
    scrims = {}
    for photo in ("bright", "busy"):
        page = tab(hero_sites[photo], viewport={"width": 360, "height": 800})
        scrims[photo] = float(
            page.locator(".etalase-hero").evaluate("e => getComputedStyle(e).getPropertyValue('--etalase-hero-scrim')")
        )
    assert scrims["bright"] == 0.55
    assert 0 < scrims["busy"] < scrims["bright"]
