#!/usr/bin/env python3
"""Where one Etalase build spends its time: cProfile of a build of synthetic posts.

Generates the benchmark's corpus (:mod:`corpus`), builds it once to fill the
photo cache, then builds it again under cProfile (``--no-search`` unless
``--search``: the search index step is then profiled too)
and prints the top entries by cumulative and by own time. cProfile slows
Python code down, evenly enough to rank it; take seconds from
``bench/bench_scale.py``, not from here.

    .venv/bin/python bench/profile_build.py --posts 2000 --top 25 --stats /tmp/build.prof
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent

from bench_scale import forget_renders  # noqa: E402

from corpus import NOW, make_corpus, make_photo_pool  # noqa: E402
from peers import ROOT, etalase_site  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action="store_true", help="profile the full build (default: --no-search)")
    parser.add_argument(
        "--forget-renders",
        action="store_true",
        help="empty the render cache before the profiled build, as make bench-scale's full builds do",
    )
    parser.add_argument("--top", type=int, default=25, help="entries printed per ordering")
    parser.add_argument("--stats", type=Path, help="also keep the raw profile here (for pstats or snakeviz)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="etalase-profile-"))
    try:
        content = work / "konten"
        make_corpus(content, args.posts, args.seed, photos=make_photo_pool(work / "foto"))
        etalase = etalase_site(content, work / "etalase", NOW)
        options = [] if args.search else ["--no-search"]
        subprocess.run(
            etalase.command(work / "site", *options), cwd=etalase.project, check=True, stdout=subprocess.DEVNULL
        )
        if args.forget_renders:
            forget_renders(etalase.project / "cache")
        stats_file = args.stats or work / "build.prof"
        build = etalase.command(work / "site", *options)
        subprocess.run(
            [build[0], "-m", "cProfile", "-o", str(stats_file), *build[1:]],
            cwd=etalase.project,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        report = io.StringIO()
        stats = pstats.Stats(str(stats_file), stream=report)
        for order in ("cumulative", "tottime"):
            print(
                f"\n=== {args.posts:,} posts, {'full' if args.search else '--no-search'} build, by {order} ===",
                file=report,
            )
            stats.sort_stats(order).print_stats(args.top)
        print(_short_paths(report.getvalue()))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _short_paths(text: str) -> str:
    """File names relative to the project, site-packages or the standard library, which pstats prints in full."""
    prefixes = {str(ROOT), sysconfig.get_path("purelib"), sysconfig.get_path("stdlib")}
    for prefix in sorted(prefixes, key=len, reverse=True):
        text = text.replace(prefix + "/", "")
    return text


if __name__ == "__main__":
    main()
