"""Benchmark of the photo pipeline (etalase.photos.images).

Prints, in one run:

1. cold throughput of ``process_photos`` on the sample photos (fresh cache);
2. a bare Pillow loop doing the same work on all cores (draft, the same
   widths in WebP and JPEG, social card, thumbnail, same qualities) and the
   ratio cold / bare;
3. a warm rebuild of ``12 x --warm-copies`` photos (hard links of the samples
   under different names in as many post bundles): every source is
   ``lstat``-ed, found in the stat index and given its own ProcessedPhoto; no
   image work is done. Identical bytes share a cache entry, so only 12
   manifests are read (6,000 distinct manifests would add about 0.1 s).
   Plus a rebuild after one photo changed.

Usage: ``.venv/bin/python bench/bench_images.py [--photos N] [--warm-copies M] [--quick]``.
Figures only, no asserts: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps

from etalase.photos.process import process_photos
from etalase.photos.types import WEBP_METHOD, ImageSettings, PhotoRequest

REPO = Path(__file__).resolve().parents[1]

SETTINGS = ImageSettings()


def bare(job: tuple[Path, Path]) -> None:
    """The same outputs as the pipeline, with nothing but Pillow calls."""
    source, out = job
    s = SETTINGS
    with Image.open(source, formats=["JPEG"]) as im:
        turned = im.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        width, height = (im.height, im.width) if turned else im.size
        widths = sorted((w for w in s.widths if w <= width), reverse=True) or [width]
        sw, sh = s.social_size
        crop_w = min(width, height * sw / sh)
        side = min(width, height)
        scale = min(1.0, max(widths[0] / width, min(sw, crop_w) / crop_w, min(s.thumb_size, side) / side))
        wanted = (math.ceil(width * scale), math.ceil(height * scale))
        im.draft("RGB", wanted[::-1] if turned else wanted)
        frame = ImageOps.exif_transpose(im).convert("RGB")
    frame.info = {}
    current = frame
    for w in widths:
        current = current.resize((w, round(height * w / width)), Image.Resampling.LANCZOS, reducing_gap=3.0)
        current.save(out / f"{w}.webp", "WEBP", quality=s.webp_quality, method=WEBP_METHOD)
        current.save(out / f"{w}.jpg", "JPEG", quality=s.jpeg_quality, progressive=True, optimize=True)
    fx = frame.width / width
    crop_h = crop_w * sh / sw
    box = ((width - crop_w) / 2 * fx, (height - crop_h) / 2 * fx, (width + crop_w) / 2 * fx, (height + crop_h) / 2 * fx)
    social = (sw, sh) if crop_w >= sw else (int(crop_w), round(int(crop_w) * sh / sw))
    frame.resize(social, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0).save(
        out / "social.jpg", "JPEG", quality=s.jpeg_quality, progressive=True, optimize=True
    )
    t = min(s.thumb_size, side)
    box = ((width - side) / 2 * fx, (height - side) / 2 * fx, (width + side) / 2 * fx, (height + side) / 2 * fx)
    frame.resize((t, t), Image.Resampling.LANCZOS, box=box, reducing_gap=3.0).save(
        out / "thumb.webp", "WEBP", quality=s.webp_quality, method=WEBP_METHOD
    )


def request(source: Path, post: str) -> PhotoRequest:
    return PhotoRequest(source, post, None, None, source.parent / "index.md")


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (the pool workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_cold(photos: list[Path], work: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of process_photos on ``photos`` with an empty cache."""
    cache = Path(tempfile.mkdtemp(dir=work))
    cpu, start = cpu_seconds(), time.perf_counter()
    result = process_photos([request(p, "bench") for p in photos], SETTINGS, cache, workers, progress=False)
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    assert not result.problems and result.processed == len(photos), result.problems
    shutil.rmtree(cache)
    return elapsed, cpu


def time_bare(photos: list[Path], work: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of the bare loop on ``photos``."""
    photos = sorted(photos, key=lambda p: -p.stat().st_size)  # the same schedule as process_photos
    outs = [Path(tempfile.mkdtemp(dir=work)) for _ in photos]
    cpu, start = cpu_seconds(), time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(bare, zip(photos, outs, strict=True)))
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    for out in outs:
        shutil.rmtree(out)
    return elapsed, cpu


def make_bundles(photos: list[Path], work: Path, copies: int) -> list[PhotoRequest]:
    """``copies`` bundles, each with every photo hard-linked under its own name."""
    originals = work / "originals"
    originals.mkdir()
    for photo in photos:
        shutil.copyfile(photo, originals / photo.name)
    requests = []
    for b in range(copies):
        bundle = work / "content" / "posts" / f"pos-{b:04d}"
        bundle.mkdir(parents=True)
        for photo in photos:
            target = bundle / f"{b:04d}-{photo.name}"
            os.link(originals / photo.name, target)
            requests.append(request(target, bundle.name))
    return requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "photos")
    parser.add_argument("--photos", type=int, default=None, help="use only the first N photos")
    parser.add_argument("--warm-copies", type=int, default=500, help="bundles for the warm rebuild (x photos)")
    parser.add_argument("--repeats", type=int, default=3, help="cold and bare runs (best is reported)")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--quick", action="store_true", help="one repeat, 100 bundles")
    args = parser.parse_args()
    if args.quick:
        args.repeats, args.warm_copies = 1, min(args.warm_copies, 100)
    photos = sorted(args.photos_dir.glob("*.jpg"))[: args.photos]
    if not photos:
        sys.exit(f"no photos in {args.photos_dir}")

    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp:
        work = Path(tmp)
        cold, plain = [], []
        for _ in range(args.repeats):  # interleaved, so a noisy neighbour hurts both alike
            cold.append(time_cold(photos, work, args.workers))
            plain.append(time_bare(photos, work, args.workers))

        requests = make_bundles(photos, work, args.warm_copies)
        cache = work / "cache"
        start = time.perf_counter()
        first = process_photos(requests, SETTINGS, cache, args.workers, progress=False)
        first_time = time.perf_counter() - start
        warm = []
        for _ in range(3):
            start = time.perf_counter()
            again = process_photos(requests, SETTINGS, cache, args.workers, progress=False)
            warm.append(time.perf_counter() - start)
            assert again.processed == 0 and len(again.photos) == len(requests)
        changed = requests[0].source
        changed.unlink()  # break the hard link, then change the bytes
        changed.write_bytes((work / "originals" / photos[0].name).read_bytes() + b"\0")
        start = time.perf_counter()
        one = process_photos(requests, SETTINGS, cache, args.workers, progress=False)
        one_time = time.perf_counter() - start
        assert one.processed == 1 and not one.problems

    n = len(photos)
    best_cold, best_bare = min(cold), min(plain)  # (wall, cpu) of the fastest run
    sources = len(requests)
    rows = [
        ("workers", f"{args.workers}", ""),
        (
            f"cold process_photos, {n} photos",
            f"{n / best_cold[0]:.2f} photos/s",
            (
                f"best of {len(cold)}: {best_cold[0]:.2f} s (median {statistics.median(c[0] for c in cold):.2f} s),"
                f" {best_cold[1] / n:.2f} CPU-s/photo"
            ),
        ),
        (
            f"bare Pillow loop, {n} photos",
            f"{n / best_bare[0]:.2f} photos/s",
            (
                f"best of {len(plain)}: {best_bare[0]:.2f} s (median {statistics.median(b[0] for b in plain):.2f} s),"
                f" {best_bare[1] / n:.2f} CPU-s/photo"
            ),
        ),
        ("ratio cold / bare", f"{best_bare[0] / best_cold[0]:.2f}", "target >= 0.90 (photos/s of the best runs)"),
        (
            "ratio cold / bare, CPU",
            f"{sum(b[1] for b in plain) / sum(c[1] for c in cold):.2f}",
            "CPU time of all runs: less sensitive to other load on the machine",
        ),
        (f"first build, {sources} sources", f"{first_time:.2f} s", f"{first.processed} rendered (same bytes dedupe)"),
        (
            f"warm rebuild, {sources} sources",
            f"{min(warm):.3f} s",
            f"best of 3, median {statistics.median(warm):.3f} s; target <= 1 s",
        ),
        ("rebuild, 1 photo changed", f"{one_time:.2f} s", f"{one.processed} rendered"),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
