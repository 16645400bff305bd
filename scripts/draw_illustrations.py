#!/usr/bin/env python3
"""Draw the demo's illustrations: the stories no shared photograph fits, in the demo brand's colours.

    python scripts/draw_illustrations.py            # (re)write every file named in ILLUSTRATIONS
    python scripts/draw_illustrations.py --out DIR  # write them under DIR instead (same relative paths)

``make illustrations`` runs it. The output is deterministic: no randomness, no
text, no fonts; each scene is drawn at twice its size and scaled down once, then
saved as a baseline JPEG at a fixed quality, so the same Pillow writes the same
bytes (tests/test_demo_photos.py draws them again and compares). Every post that
shows one labels it as an illustration in its alt text and credit.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent

WIDTH, HEIGHT = 1600, 1000
SCALE = 2
"""Scenes are drawn at SCALE times their size, then scaled down: smooth edges without anti-aliased drawing."""

# The demo brand's colours (mkdocs.yml, extra.brand.colors) and a few neutrals drawn from them.
PRIMARY = (11, 85, 99)  # #0b5563
ACCENT = (180, 65, 27)  # #b4411b
WISATA = (15, 110, 86)  # #0f6e56
UMKM = (161, 74, 0)  # #a14a00
BUDAYA = (138, 42, 107)  # #8a2a6b
PEMBANGUNAN = (47, 79, 154)  # #2f4f9a
SAND = (236, 214, 168)
SUN = (244, 178, 64)
CREAM = (250, 243, 228)
WHITE = (255, 255, 255)
INK = (33, 37, 41)

Point = tuple[float, float]


def mix(a: Sequence[int], b: Sequence[int], t: float) -> tuple[int, int, int]:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


class Canvas:
    """A scene in the 1600×1000 coordinates of the output, drawn at SCALE."""

    def __init__(self, background: tuple[int, int, int] = WHITE) -> None:
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(x * SCALE, y * SCALE) for x, y in points]

    def gradient(self, top: float, bottom: float, start: Sequence[int], end: Sequence[int]) -> None:
        """Horizontal bands from ``start`` (at ``top``) to ``end`` (at ``bottom``)."""
        y0, y1 = round(top * SCALE), round(bottom * SCALE)
        for y in range(y0, y1):
            self.draw.line([(0, y), (WIDTH * SCALE, y)], fill=mix(start, end, (y - y0) / max(1, y1 - y0 - 1)))

    def polygon(self, points: Sequence[Point], fill: Sequence[int]) -> None:
        self.draw.polygon(self._xy(points), fill=tuple(fill))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Sequence[int]) -> None:
        self.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: Sequence[int]) -> None:
        self.draw.ellipse(
            [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE], fill=tuple(fill)
        )

    def line(self, points: Sequence[Point], fill: Sequence[int], width: float) -> None:
        self.draw.line(self._xy(points), fill=tuple(fill), width=max(1, round(width * SCALE)), joint="curve")

    def ridge(self, base: float, waves: Sequence[tuple[float, float, float]], fill: Sequence[int]) -> None:
        """Land from ``base`` down to the bottom, its top edge a sum of sines ``(amplitude, period, phase)``."""
        top = [
            (x, base + sum(a * math.sin(2 * math.pi * x / p + f) for a, p, f in waves)) for x in range(0, WIDTH + 8, 8)
        ]
        self.polygon([*top, (WIDTH, HEIGHT), (0, HEIGHT)], fill)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(
            path, "JPEG", quality=86, optimize=False, progressive=False, subsampling=0
        )


# -- shapes ------------------------------------------------------------------------------------------


def palm(c: Canvas, x: float, ground: float, height: float, lean: float) -> None:
    """A coconut palm: a curved trunk and seven fronds."""
    trunk = [(x + lean * (t / 10) ** 2 * height * 0.25, ground - height * t / 10) for t in range(11)]
    c.line(trunk, (92, 64, 40), height * 0.05)
    tx, ty = trunk[-1]
    for angle in (-170, -140, -110, -70, -40, -10, 20):
        a = math.radians(angle)
        length = height * 0.45
        tip = (tx + math.cos(a) * length, ty + math.sin(a) * length * 0.55 + length * 0.25)
        mid = (tx + math.cos(a) * length * 0.5, ty + math.sin(a) * length * 0.5)
        c.line([(tx, ty), mid, tip], WISATA, height * 0.045)
    c.ellipse(tx, ty + height * 0.03, height * 0.04, height * 0.04, (110, 78, 36))


def boat(c: Canvas, x: float, y: float, size: float, sail: Sequence[int]) -> None:
    """A fishing perahu with a triangular sail."""
    c.polygon(
        [(x - size, y), (x + size, y), (x + size * 0.7, y + size * 0.3), (x - size * 0.7, y + size * 0.3)], ACCENT
    )
    c.line([(x, y), (x, y - size * 1.3)], INK, size * 0.05)
    c.polygon(
        [(x + size * 0.05, y - size * 1.25), (x + size * 0.05, y - size * 0.1), (x + size * 0.8, y - size * 0.1)], sail
    )


def bunting(c: Canvas, y: float, sag: float, colours: Sequence[Sequence[int]], size: float = 36) -> None:
    """Pennants on a sagging string across the picture."""
    n = int(WIDTH / (size * 1.3))
    points = [(i * WIDTH / n, y + sag * math.sin(math.pi * i / n)) for i in range(n + 1)]
    c.line(points, INK, 3)
    for i, (px, py) in enumerate(points[:-1]):
        c.polygon([(px + 4, py), (px + size, py), (px + size / 2 + 2, py + size * 1.1)], colours[i % len(colours)])


def tree(c: Canvas, x: float, ground: float, size: float, leaf: Sequence[int]) -> None:
    """A broad tropical tree: a trunk under three round crowns."""
    c.rect(x - size * 0.07, ground - size * 0.9, x + size * 0.07, ground, (96, 68, 44))
    for dx, dy, r in ((-0.3, -1.0, 0.4), (0.3, -1.0, 0.42), (0.0, -1.3, 0.48)):
        c.ellipse(x + dx * size, ground + dy * size, r * size, r * size * 0.85, leaf)


def person(c: Canvas, x: float, ground: float, size: float, colour: Sequence[int]) -> None:
    """A seated or standing figure seen from behind: a head and shoulders."""
    c.ellipse(x, ground - size * 1.05, size * 0.22, size * 0.24, INK)
    c.polygon(
        [
            (x - size * 0.38, ground),
            (x - size * 0.3, ground - size * 0.7),
            (x + size * 0.3, ground - size * 0.7),
            (x + size * 0.38, ground),
        ],
        colour,
    )
    c.ellipse(x, ground - size * 0.72, size * 0.3, size * 0.12, colour)


# -- scenes ------------------------------------------------------------------------------------------


def coast() -> Canvas:
    """The home page's hero: a white beach, palms and perahu on a calm sea at the end of the afternoon.

    What matters is near the middle: a phone shows only the middle third of the width."""
    c = Canvas()
    c.gradient(0, 560, (54, 130, 160), (250, 206, 150))
    c.ellipse(960, 470, 90, 90, SUN)
    c.ridge(520, [(28, 700, 0.4), (14, 260, 1.3)], mix(PRIMARY, (90, 140, 150), 0.45))
    c.ridge(560, [(10, 500, 2.0)], mix(PRIMARY, WISATA, 0.5))
    c.gradient(575, 760, (40, 128, 150), PRIMARY)
    c.rect(0, 560, WIDTH, 578, mix(PRIMARY, WISATA, 0.5))
    for i in range(9):  # the sun's path on the water
        y = 600 + i * 18
        c.rect(960 - 70 + i * 6, y, 960 + 70 - i * 6, y + 5, mix(SUN, PRIMARY, i / 12))
    boat(c, 760, 660, 46, CREAM)
    boat(c, 1180, 620, 30, SUN)
    boat(c, 330, 640, 34, CREAM)
    c.ridge(790, [(26, 900, 0.9), (9, 300, 0.2)], SAND)
    c.ridge(880, [(14, 700, 2.4)], mix(SAND, WHITE, 0.35))
    palm(c, 140, 860, 420, 1.0)
    palm(c, 560, 900, 360, -0.7)
    palm(c, 1480, 880, 380, -0.9)
    return c


def drums() -> Canvas:
    """Lomba tabuh gendang: a row of drums on a stage under bunting, the audience in front."""
    c = Canvas()
    c.gradient(0, 640, mix(BUDAYA, WHITE, 0.15), mix(BUDAYA, SUN, 0.35))
    bunting(c, 60, 70, [SUN, ACCENT, WHITE, WISATA, PEMBANGUNAN])
    bunting(c, 150, 60, [WHITE, SUN, ACCENT], 30)
    c.rect(0, 640, WIDTH, 720, UMKM)
    c.rect(0, 720, WIDTH, HEIGHT, mix(INK, UMKM, 0.35))
    for i, x in enumerate((260, 520, 800, 1080, 1340)):
        h = 300 + (i % 2) * 40
        w = 110 + (i % 3) * 12
        top = 640 - h
        c.polygon([(x - w, top + 30), (x + w, top + 30), (x + w * 0.62, 640), (x - w * 0.62, 640)], mix(UMKM, INK, 0.2))
        for k in range(7):  # the lacing
            t = k / 6
            c.line([(x - w + 2 * w * t, top + 40), (x - w * 0.62 + 1.24 * w * t, 630)], CREAM, 5)
        c.rect(x - w, top + 20, x + w, top + 50, ACCENT)
        c.ellipse(x, top + 22, w, 26, CREAM)
    for i in range(11):
        person(c, 80 + i * 145, HEIGHT + 40, 190 + (i % 3) * 20, [PRIMARY, ACCENT, WISATA, PEMBANGUNAN][i % 4])
    return c


def gallery() -> Canvas:
    """Pameran foto: framed pictures of the coast on a gallery wall, two visitors looking."""
    c = Canvas(CREAM)
    c.gradient(0, 760, (250, 245, 234), (236, 226, 206))
    c.rect(0, 760, WIDTH, HEIGHT, mix(UMKM, CREAM, 0.45))
    frames = [
        (120, 200, 460, 460),
        (540, 140, 860, 560),
        (940, 220, 1200, 420),
        (940, 460, 1200, 640),
        (1280, 180, 1500, 480),
    ]
    scenes = [
        (PRIMARY, SUN, SAND),
        (mix(BUDAYA, SUN, 0.4), CREAM, PRIMARY),
        (WISATA, SUN, mix(WISATA, INK, 0.3)),
        (PEMBANGUNAN, CREAM, SAND),
        (ACCENT, SUN, PRIMARY),
    ]
    for (x0, y0, x1, y1), (sky, sun, land) in zip(frames, scenes, strict=True):
        c.rect(x0 - 18, y0 - 18, x1 + 18, y1 + 18, INK)
        c.rect(x0 - 6, y0 - 6, x1 + 6, y1 + 6, WHITE)
        c.rect(x0, y0, x1, y1, sky)
        c.ellipse(x0 + (x1 - x0) * 0.68, y0 + (y1 - y0) * 0.4, (x1 - x0) * 0.1, (x1 - x0) * 0.1, sun)
        c.polygon(
            [
                (x0, y0 + (y1 - y0) * 0.7),
                (x0 + (x1 - x0) * 0.35, y0 + (y1 - y0) * 0.55),
                (x1, y0 + (y1 - y0) * 0.72),
                (x1, y1),
                (x0, y1),
            ],
            land,
        )
        c.ellipse((x0 + x1) / 2, y0 - 60, 40, 10, (255, 236, 190))  # a spotlight
    person(c, 620, HEIGHT + 20, 330, PRIMARY)
    person(c, 1040, HEIGHT + 20, 300, ACCENT)
    return c


def trail() -> Canvas:
    """Jalur pendakian: a green hill with a rain-cut trail and the stepped path planned beside it."""
    c = Canvas()
    c.gradient(0, 520, (120, 184, 214), (214, 236, 236))
    c.ridge(380, [(60, 1400, 0.3), (16, 300, 1.0)], mix(WISATA, PRIMARY, 0.4))
    c.ridge(470, [(40, 1100, 2.2), (10, 240, 0.5)], WISATA)
    c.ridge(640, [(30, 900, 1.0)], mix(WISATA, SUN, 0.25))
    cut = [(1150, 460), (980, 540), (1120, 620), (820, 720), (1000, 830), (700, HEIGHT)]
    c.line(cut, (150, 96, 56), 46)
    c.line(cut, (112, 70, 40), 14)
    plan = [(1250, 470), (1120, 560), (1260, 650), (1000, 750), (1180, 860), (920, HEIGHT)]
    for (x0, y0), (x1, y1) in zip(plan, plan[1:]):
        for k in range(9):  # steps, drawn as a dashed line of treads
            t0, t1 = k / 9, (k + 0.55) / 9
            c.line(
                [(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0), (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)],
                PEMBANGUNAN,
                16,
            )
    c.rect(1380, 640, 1392, 820, (96, 68, 44))
    c.rect(1300, 600, 1470, 700, PEMBANGUNAN)
    c.rect(1316, 616, 1454, 684, CREAM)
    for y in (635, 655, 672):
        c.line([(1330, y), (1440, y)], PEMBANGUNAN, 6)
    for x, size in ((160, 260), (420, 200), (620, 150), (1540, 220)):
        tree(c, x, HEIGHT - 40, size, mix(WISATA, INK, 0.15))
    return c


def harvest() -> Canvas:
    """Sedekah bumi: terraced rice fields after the harvest, a tumpeng on a mat, the village seated."""
    c = Canvas()
    c.gradient(0, 420, (246, 200, 140), (252, 232, 190))
    c.ellipse(1240, 300, 70, 70, SUN)
    c.ridge(360, [(30, 1200, 0.5)], mix(PRIMARY, WISATA, 0.5))
    for i in range(6):  # terraces, gold where harvested
        colour = mix((214, 176, 72), WISATA, (i % 2) * 0.55)
        c.ridge(400 + i * 70, [(18 + i * 3, 900 - i * 60, i * 0.7)], colour)
        c.ridge(404 + i * 70, [(18 + i * 3, 900 - i * 60, i * 0.7)], mix(colour, INK, 0.12))
        c.ridge(410 + i * 70, [(18 + i * 3, 900 - i * 60, i * 0.7)], colour)
    c.polygon([(420, 840), (1180, 840), (1300, HEIGHT), (300, HEIGHT)], mix(UMKM, SAND, 0.55))  # the mat
    c.ellipse(800, 900, 210, 46, (70, 130, 60))  # banana leaves on the tray
    c.polygon([(800, 640), (700, 890), (900, 890)], (246, 196, 40))  # the tumpeng
    c.ellipse(800, 890, 100, 18, (246, 196, 40))
    c.ellipse(800, 650, 18, 14, ACCENT)
    for x in (610, 990):
        c.ellipse(x, 905, 46, 16, WHITE)
        c.ellipse(x, 897, 34, 12, ACCENT)
    for i, x in enumerate((120, 290, 1310, 1480)):
        person(c, x, HEIGHT + 30, 260, [PRIMARY, BUDAYA, ACCENT, WISATA][i])
    return c


def bridge_plan() -> Canvas:
    """Rencana jembatan Pulau Rindu: a planner's sketch, the coast and the island on squared paper, the
    proposed footbridge as a dashed line across the strait."""
    c = Canvas((232, 240, 244))
    c.rect(0, 0, WIDTH, HEIGHT, (196, 222, 232))
    for x in range(0, WIDTH, 50):
        c.line([(x, 0), (x, HEIGHT)], (176, 204, 218), 2)
    for y in range(0, HEIGHT, 50):
        c.line([(0, y), (WIDTH, y)], (176, 204, 218), 2)
    mainland = (
        [(0, 0), (560, 0)]
        + [(560 - 80 * math.sin(y / 130) - y * 0.12, y) for y in range(0, HEIGHT + 25, 25)]
        + [(0, HEIGHT)]
    )
    c.polygon(mainland, mix(SAND, WISATA, 0.35))
    island = [
        (
            1180 + 230 * math.cos(a / 20 * math.pi) * (1 + 0.12 * math.sin(3 * a / 20 * math.pi)),
            480 + 170 * math.sin(a / 20 * math.pi),
        )
        for a in range(40)
    ]
    c.polygon(island, mix(SAND, WISATA, 0.35))
    c.polygon([(x + (1180 - x) * 0.12, y + (480 - y) * 0.12) for x, y in island], mix(WISATA, SAND, 0.3))
    start, end = (515, 470), (960, 480)
    for k in range(12):
        t0, t1 = k / 12, (k + 0.6) / 12
        c.line(
            [
                (start[0] + (end[0] - start[0]) * t0, start[1] + (end[1] - start[1]) * t0),
                (start[0] + (end[0] - start[0]) * t1, start[1] + (end[1] - start[1]) * t1),
            ],
            ACCENT,
            14,
        )
    for x, y in (start, end):
        c.ellipse(x, y, 22, 22, ACCENT)
        c.ellipse(x, y, 10, 10, WHITE)
    c.ellipse(1460, 150, 70, 70, WHITE)  # a compass rose
    c.polygon([(1460, 85), (1478, 150), (1460, 215), (1442, 150)], PEMBANGUNAN)
    c.polygon([(1460, 85), (1478, 150), (1442, 150)], ACCENT)
    for x, y in ((200, 300), (300, 650), (150, 820), (1180, 470)):
        c.rect(x - 22, y - 16, x + 22, y + 16, PEMBANGUNAN)  # houses
        c.polygon([(x - 28, y - 14), (x, y - 38), (x + 28, y - 14)], ACCENT)
    return c


def camp() -> Canvas:
    """Bumi perkemahan: tents on the meadow under pale limestone cliffs, a campfire at dusk."""
    c = Canvas()
    c.gradient(0, 520, (86, 96, 150), (248, 184, 120))
    cliffs = [
        (0, 430),
        (120, 300),
        (210, 330),
        (330, 220),
        (470, 260),
        (560, 200),
        (700, 280),
        (820, 250),
        (950, 330),
        (1100, 270),
        (1250, 340),
        (1400, 290),
        (1600, 360),
        (1600, 560),
        (0, 560),
    ]
    c.polygon(cliffs, (214, 210, 200))
    for x in range(140, 1500, 90):  # the limestone's vertical grooves
        c.line([(x, 300 + (x * 7) % 60), (x + 10, 540)], (186, 182, 172), 6)
    c.ridge(520, [(24, 800, 0.3), (8, 260, 1.1)], mix(WISATA, PRIMARY, 0.3))
    c.ridge(600, [(20, 1000, 1.7)], WISATA)
    for x, size, colour in ((360, 170, ACCENT), (720, 210, SUN), (1130, 180, PEMBANGUNAN)):
        ground = 800 + (x % 7) * 4
        c.polygon([(x - size, ground), (x, ground - size * 0.95), (x + size, ground)], colour)
        c.polygon(
            [(x - size * 0.28, ground), (x, ground - size * 0.55), (x + size * 0.28, ground)], mix(colour, INK, 0.55)
        )
    c.ellipse(930, 900, 60, 14, (80, 60, 40))
    c.polygon([(890, 895), (930, 800), (970, 895)], (246, 150, 40))
    c.polygon([(910, 895), (930, 840), (950, 895)], (252, 214, 90))
    tree(c, 1460, 880, 260, mix(WISATA, INK, 0.2))
    return c


def waterfall() -> Canvas:
    """The Wisata page: a waterfall dropping in tiers between green cliffs into a clear pool."""
    c = Canvas()
    c.gradient(0, 400, (150, 204, 226), (226, 242, 238))
    c.ridge(300, [(40, 900, 0.2), (12, 260, 1.0)], mix(WISATA, PRIMARY, 0.45))
    c.polygon([(0, 180), (420, 240), (640, 260), (620, HEIGHT), (0, HEIGHT)], mix(WISATA, INK, 0.25))
    c.polygon([(1600, 160), (1120, 230), (940, 260), (960, HEIGHT), (1600, HEIGHT)], mix(WISATA, INK, 0.25))
    for x0, x1, y0, y1 in ((660, 920, 250, 470), (620, 960, 480, 690), (580, 1000, 700, 830)):
        c.rect(x0, y0, x1, y1, (214, 236, 240))
        for k in range(9):  # falling streaks
            x = x0 + (x1 - x0) * (k + 0.5) / 9
            c.line([(x, y0), (x, y1)], (170, 214, 226), 6)
        c.rect(x0 - 30, y1 - 14, x1 + 30, y1 + 10, mix(WISATA, INK, 0.4))  # the ledge
    c.ellipse(790, 900, 520, 110, (88, 170, 190))
    c.ellipse(790, 880, 300, 40, (214, 236, 240))
    for x, size in ((120, 300), (330, 220), (1300, 280), (1510, 240)):
        tree(c, x, HEIGHT - 30, size, mix(WISATA, SUN, 0.15))
    return c


def market() -> Canvas:
    """The UMKM page: a stall under a striped awning with jars of jam, woven baskets and cloth."""
    c = Canvas(CREAM)
    c.gradient(0, HEIGHT, (252, 240, 220), (240, 220, 190))
    for i in range(12):  # the awning
        colour = UMKM if i % 2 == 0 else CREAM
        c.polygon(
            [(i * 140 - 40, 80), ((i + 1) * 140 - 40, 80), ((i + 1) * 140 - 40, 250), (i * 140 - 40, 250)], colour
        )
        c.ellipse(i * 140 + 30, 250, 70, 34, colour)
    c.rect(0, 40, WIDTH, 84, mix(UMKM, INK, 0.3))
    for x in (90, 1510):
        c.rect(x - 14, 84, x + 14, HEIGHT, mix(UMKM, INK, 0.45))
    for k, colour in enumerate((BUDAYA, PRIMARY, ACCENT)):  # cloth hanging from the awning
        x = 330 + k * 170
        c.rect(x, 300, x + 120, 560, colour)
        for y in range(320, 560, 40):
            c.ellipse(x + 60, y, 18, 12, SUN)
    c.rect(60, 640, 1540, 700, mix(UMKM, INK, 0.2))  # the table
    c.rect(80, 700, 1520, HEIGHT, mix(UMKM, SAND, 0.5))
    for k in range(6):  # jars
        x = 200 + k * 95
        c.rect(x - 36, 540, x + 36, 640, (150, 40, 50))
        c.rect(x - 40, 522, x + 40, 548, SUN)
        c.rect(x - 24, 576, x + 24, 610, CREAM)
    for x, r in ((960, 110), (1180, 90), (1370, 100)):  # baskets of fruit
        c.ellipse(x, 600, r, r * 0.55, (176, 128, 70))
        for j in range(4):
            c.ellipse(x - r * 0.5 + j * r * 0.33, 560, r * 0.2, r * 0.2, [ACCENT, SUN, WISATA, BUDAYA][j])
        c.rect(x - r, 600, x + r, 640, (176, 128, 70))
        for j in range(5):
            c.line([(x - r + j * r * 0.5, 604), (x - r + j * r * 0.5, 638)], (140, 96, 50), 5)
    return c


def gunungan() -> Canvas:
    """The Budaya page: a wayang gunungan, the tree of life that opens a shadow play, over a kawung pattern."""
    c = Canvas(mix(BUDAYA, INK, 0.2))
    for y in range(-50, HEIGHT + 100, 100):  # kawung: four ovals round a point, repeated
        for x in range(-50, WIDTH + 100, 100):
            for dx, dy, rx, ry in ((-24, 0, 20, 12), (24, 0, 20, 12), (0, -24, 12, 20), (0, 24, 12, 20)):
                c.ellipse(x + dx, y + dy, rx, ry, mix(BUDAYA, SUN, 0.22))
    cx = WIDTH / 2
    outline: list[Point] = [(cx, 60.0)]
    for k in range(1, 20):
        t = k / 20
        outline.append((cx + 360 * math.sin(math.pi * t) ** 0.8 * (0.55 + 0.45 * t), 60 + 780 * t))
    outline += [(cx + 300, 860), (cx - 300, 860)]
    outline += [(2 * cx - x, y) for x, y in reversed(outline[1:20])]
    c.polygon([(x, y + 14) for x, y in outline], INK)
    c.polygon(outline, SUN)
    c.polygon([(x * 0.86 + cx * 0.14, y * 0.9 + 90) for x, y in outline], ACCENT)
    c.rect(cx - 12, 260, cx + 12, 760, mix(UMKM, INK, 0.4))  # the tree
    for k in range(7):
        y = 300 + k * 62
        reach = 60 + k * 22
        c.line([(cx, y + 40), (cx - reach, y), (cx - reach - 20, y - 20)], mix(WISATA, SUN, 0.3), 14)
        c.line([(cx, y + 40), (cx + reach, y), (cx + reach + 20, y - 20)], mix(WISATA, SUN, 0.3), 14)
    c.rect(cx - 150, 700, cx + 150, 840, mix(UMKM, INK, 0.3))  # the gate at its foot
    c.rect(cx - 50, 740, cx + 50, 840, INK)
    c.rect(cx - 4, 860, cx + 4, HEIGHT, (120, 90, 60))  # the handle
    return c


def bridge_works() -> Canvas:
    """The Pembangunan page: a suspension footbridge being built over an estuary, a crane at one end."""
    c = Canvas()
    c.gradient(0, 620, (140, 190, 222), (232, 240, 240))
    c.ridge(560, [(20, 1000, 0.6)], mix(PRIMARY, WISATA, 0.45))
    c.gradient(600, HEIGHT, (90, 150, 170), PRIMARY)
    c.polygon([(0, 540), (260, 560), (300, HEIGHT), (0, HEIGHT)], mix(SAND, WISATA, 0.4))
    c.polygon([(1600, 540), (1340, 560), (1300, HEIGHT), (1600, HEIGHT)], mix(SAND, WISATA, 0.4))
    for x in (300, 1300):  # the towers
        c.rect(x - 22, 220, x + 22, 640, (230, 232, 236))
        c.rect(x - 34, 210, x + 34, 236, PEMBANGUNAN)
    cable = [(300 + 1000 * k / 40, 230 + 300 * math.sin(math.pi * k / 40)) for k in range(41)]
    c.line([(40, 560), (300, 230)], INK, 6)
    c.line([(1300, 230), (1560, 560)], INK, 6)
    c.line(cable, INK, 8)
    for hanger_x, hanger_y in cable[1:40:2]:  # hangers
        c.line([(hanger_x, hanger_y), (hanger_x, 600)], (90, 96, 104), 3)
    c.rect(260, 596, 980, 618, PEMBANGUNAN)  # the deck, most of the way across
    c.rect(1160, 596, 1340, 618, PEMBANGUNAN)
    c.rect(1440, 250, 1460, 560, SUN)  # a crane on the far bank
    c.line([(1200, 260), (1560, 260)], SUN, 16)
    c.line([(1240, 262), (1240, 420)], INK, 4)
    c.rect(1222, 420, 1258, 450, PEMBANGUNAN)
    for x in (400, 560, 720):
        person(c, x, 596, 60, SUN)
    return c


ILLUSTRATIONS: dict[str, Callable[[], Canvas]] = {
    "docs/assets/brand/hero.jpg": coast,
    "content/posts/lomba-tabuh-gendang-pasar-lama/ilustrasi-gendang.jpg": drums,
    "content/posts/pameran-foto-sekar-laut-dalam-bingkai/ilustrasi-pameran.jpg": gallery,
    "content/posts/perbaikan-jalur-pendakian-bukit-jati/ilustrasi-jalur.jpg": trail,
    "content/posts/sedekah-bumi-lubuk-tenang/ilustrasi-sedekah-bumi.jpg": harvest,
    "content/posts/rencana-jembatan-pulau-rindu/ilustrasi-rencana-jembatan.jpg": bridge_plan,
    "content/posts/bumi-perkemahan-padang-hijau/ilustrasi-perkemahan.jpg": camp,
    "docs/assets/brand/kategori-wisata.jpg": waterfall,
    "docs/assets/brand/kategori-umkm.jpg": market,
    "docs/assets/brand/kategori-budaya.jpg": gunungan,
    "docs/assets/brand/kategori-pembangunan.jpg": bridge_works,
}
"""Every illustration, by its path in the repository."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gambar ilustrasi konten contoh. (Draw the demo's illustrations.)")
    parser.add_argument("--out", type=Path, default=ROOT, help="folder to write under (default: the repository)")
    parser.add_argument("names", nargs="*", help="only these paths (default: all)")
    args = parser.parse_args(argv)
    for name, scene in ILLUSTRATIONS.items():
        if not args.names or name in args.names:
            scene().save(args.out / name)
            print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
