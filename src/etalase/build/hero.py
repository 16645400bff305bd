"""White text over the hero photo: the scrim it needs, decided from the photo's own pixels.

The home page's tagline, the line above it and the search label are white, over
whatever photo a regency picks. A black scrim of opacity ``a`` over a pixel of
sRGB value ``c`` gives ``(1 - a) * c`` (browsers blend in sRGB), so for each
photo there is a lightest scrim under which every pixel is dark enough for white
text to reach :data:`TARGET_CONTRAST`. :func:`scrim` finds it; the home page
sets it as ``--etalase-hero-scrim`` (``overrides/etalase/home.html``).

Every pixel counts, not a region: the photo is cropped to the hero's shape
(``object-fit: cover``) and the text sits in another place of it on each screen
width, so on some screen any part of the photo is behind the text. The darkest
scrim a photo can need (pure white) is 0.55, so the photo always shows.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops

from etalase.content.brand import MIN_CONTRAST
from etalase.photos.types import ProcessedPhoto

TARGET_CONTRAST = MIN_CONTRAST + 0.1
"""4.5:1 (WCAG 2.2, 1.4.3) with a margin for the browser's resampling of the photo."""

_MAX_LUMINANCE = 1.05 / TARGET_CONTRAST - 0.05
"""The brightest background (relative luminance) on which white text reaches the target."""

_WEIGHTS = (0.2126, 0.7152, 0.0722)
"""Each sRGB channel's share of relative luminance."""

_UNITS = 240
""":data:`_MAX_LUMINANCE` in the 8-bit steps a pixel's luminance is summed in (rounded up, per channel)."""

_STEPS = 10
"""Bisection steps between keeping 45 % and 100 % of the photo's brightness: exact to 0.0006."""


def scrim(photo: ProcessedPhoto) -> float:
    """The lightest scrim (black, opacity 0 to 0.55, rounded up to a hundredth) for white text over ``photo``.

    The largest WebP rendition is what a wide screen shows (the JPEG ones are
    for browsers without WebP, and their pixels differ by compression only).
    """
    return scrim_of_file(photo.largest("webp").file)


@cache
def scrim_of_file(path: Path) -> float:
    """The lightest scrim for white text over the photo file at ``path`` (cached: renditions are content-addressed)."""
    with Image.open(path) as image:
        bands = image.convert("RGB").split()
    if _dark_enough(1.0, bands):
        return 0.0
    dark, light = 0.45, 1.0  # share of the photo's brightness kept: dark passes (white needs 0.46), light fails
    for _ in range(_STEPS):
        middle = (dark + light) / 2
        if _dark_enough(middle, bands):
            dark = middle
        else:
            light = middle
    return math.ceil(round(1 - dark, 6) * 100) / 100


def _dark_enough(keep: float, bands: tuple[Image.Image, ...]) -> bool:
    """Whether white text reaches the target on every pixel with the photo's brightness scaled by ``keep``.

    Each channel's share of the luminance is looked up (256 values) in steps of
    :data:`_MAX_LUMINANCE` / :data:`_UNITS`, rounded up, and the three are added:
    a pixel passes if its sum is at most :data:`_UNITS`. Rounding up errs on
    the dark side, by at most 1.25 % of the allowed luminance.
    """
    shares = [
        band.point(
            [
                min(255, math.ceil(weight * _linear(keep * value / 255) / _MAX_LUMINANCE * _UNITS))
                for value in range(256)
            ]
        )
        for band, weight in zip(bands, _WEIGHTS)
    ]
    total = ImageChops.add(ImageChops.add(shares[0], shares[1]), shares[2])
    low_high = total.getextrema()
    assert isinstance(low_high, tuple) and isinstance(low_high[1], (int, float)), "one band"
    return low_high[1] <= _UNITS


def _linear(value: float) -> float:
    """An sRGB channel (0 to 1) as linear light (WCAG's relative luminance)."""
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
