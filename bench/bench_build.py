#!/usr/bin/env python3
"""How build time grows with the number of posts.

Generates synthetic posts (~600 words of Indonesian-like text, one small
cover photo each, spread over categories, regions, tags and months), builds
each size with ``scripts/build.py --no-search`` into a temporary folder, and
prints seconds, milliseconds per post, and the marginal cost of each extra
post between one size and the next. A linear pipeline keeps the marginal cost
flat as sizes grow; a quadratic one (the stock Material blog plugin's list
lookup) makes it grow with the number of posts.

    .venv/bin/python bench/bench_build.py --sizes 100 200 400
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = {
    "wisata": {"place": "Pantai Contoh", "address": "Desa Contoh", "opening_hours": "Setiap hari",
               "ticket": "Gratis"},
    "umkm": {"business": "Usaha Contoh", "products": ["Kopi"], "price_range": "Rp10.000",
             "whatsapp": "0812-0000-0000", "address": "Jl. Contoh"},
    "budaya": {"venue": "Balai Desa", "organiser": "Sanggar", "tradition": True},
    "pembangunan": {"project": "Jalan Desa", "agency": "Dinas PUPR", "status": "selesai",
                    "sources": [{"title": "DPA 2026", "document": "DPA No. 1"}]},
}
WORDS = ("pembangunan jalan desa wisata pantai budaya tradisi pengunjung keindahan kopi usaha kecil "
         "warga gotong royong perahu nelayan jembatan sungai hutan bukit festival tari musik").split()


def make_content(root: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    (root / "creators").mkdir(parents=True)
    regions = {"kecamatan": [{"id": f"kec-{k}", "name": f"Kecamatan {k}",
                              "desa": [{"id": f"desa-{d}", "name": f"Desa {d}"} for d in range(5)]}
                             for k in range(8)]}
    (root / "regions.yml").write_text(yaml.safe_dump(regions), encoding="utf-8")
    for c in range(20):
        (root / "creators" / f"kreator-{c}.yml").write_text(
            yaml.safe_dump({"name": f"Kreator {c}", "bio": "Kreator contoh."}), encoding="utf-8")
    photo = root / "_cover.jpg"
    Image.new("RGB", (1600, 1200), (40, 110, 150)).save(photo, quality=80)
    for n in range(count):
        category = list(CATEGORIES)[n % 4]
        meta = {
            "title": f"Pos contoh nomor {n}",
            "date": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:00 WIB",
            "category": category,
            "summary": "Ringkasan pos contoh untuk mengukur waktu build situs.",
            "creators": [f"kreator-{n % 20}"],
            "region": f"kec-{n % 8}/desa-{n % 5}",
            "tags": [f"label-{n % 40}", f"label-{(n * 7) % 40}"],
            "cover": {"file": "sampul.jpg", "alt": "Foto contoh", "credit": "Contoh", "license": "CC0"},
            category: CATEGORIES[category],
        }
        body = "\n\n".join(" ".join(rng.choices(WORDS, k=100)) for _ in range(6))
        bundle = root / "posts" / f"pos-{n:05d}"
        bundle.mkdir(parents=True)
        (bundle / "index.md").write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n## Isi\n\n{body}\n",
                                         encoding="utf-8")
        (bundle / "sampul.jpg").hardlink_to(photo)


def build(content: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--content", str(content),
                             "--site-dir", str(site), "--no-search", "--no-strict"],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="etalase-bench-"))
    try:
        rows = []
        for size in args.sizes:
            content = work / f"content-{size}"
            make_content(content, size)
            build(content, work / f"site-{size}")  # warm the photo cache
            seconds = build(content, work / f"site-{size}")
            rows.append((size, seconds))
        print(f"{'posts':>6} {'build s':>8} {'ms/post':>8} {'marginal ms/post':>17}")
        previous = None
        for size, seconds in rows:
            marginal = f"{1000 * (seconds - previous[1]) / (size - previous[0]):>17.1f}" if previous else f"{'':>17}"
            print(f"{size:>6} {seconds:>8.2f} {1000 * seconds / size:>8.1f} {marginal}")
            previous = (size, seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
