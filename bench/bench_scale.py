#!/usr/bin/env python3
"""Etalase against the stock Material blog and Pelican on the same synthetic posts, at growing sizes.

For each size N (``--sizes``), one corpus is generated (:mod:`corpus`) and
converted for the peers (:mod:`peers`); each tool builds it into a temporary
folder and is measured (:mod:`procs`): wall seconds, and the peak memory of
the build process and of the largest process it starts (for Etalase: a
worker that renders pages). Etalase runs four times: once to fill its photo cache
(reported as "cold photo cache"), then timed with the photo cache warm: the
full build and ``--no-search`` (each with its render cache and its validated
posts emptied first: every post checked, every body and page rendered), and a
rebuild after one post's body changed (every cache warm, as in CI after a
merged pull request). Each Etalase row also gives the seconds its build spent
reading and checking the content (load + validate, from ``--timings``). The
Material blog is built only up to ``--material-max`` posts: its build time
grows with the square of the number of posts. On a shared machine, other
work slows a build down now and then: ``--repeat K`` builds each timed run K
times and keeps the fastest. Rows are printed, and ``--json`` rewritten, as
each run ends, so a long run stopped halfway keeps what it measured.

The table ends with the ratios the project targets (Etalase / Pelican and
Material / Etalase at 2,000 posts, Etalase at the largest size / at 2,000,
one post changed / full build), then the bytes one search costs a visitor
on the Etalase site of the largest size (:mod:`search_bytes`). Nothing here
judges the figures: machines differ; the ratios travel better.

    .venv/bin/python bench/bench_scale.py                      # 500, 2,000 and 10,000 posts
    .venv/bin/python bench/bench_scale.py --sizes 500 2000 --repeat 3 --json bench/out/scale.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path

BENCH = Path(__file__).resolve().parent

from corpus import NOW, make_corpus, make_photo_pool  # noqa: E402
from peers import Peer, etalase_site, material_site, pelican_site, read_content  # noqa: E402
from procs import Measurement, measure  # noqa: E402
from search_bytes import OTHER_KINDS, SEARCH_KINDS, SearchCost, measure_searches  # noqa: E402

REFERENCE = 2000
"""The size the project's targets are stated at."""
QUERIES = ("jembatan", "bangun", "pantai kuliner")
KIB = 1024
ENV = {"NO_MKDOCS_2_WARNING": "1"}
TIMINGS = "Waktu (timings): "
"""How an Etalase build given ``--timings`` prints the seconds of its steps."""


@dataclass(frozen=True)
class Run:
    """One measured build."""

    tool: str
    run: str
    posts: int
    seconds: float
    build_mib: float
    child_mib: float | None
    child: str | None
    """Name of the largest process the build started, if any."""
    post_pages: int
    """Posts whose page is in the built site."""
    load_validate: float | None = None
    """Etalase only: seconds spent reading and checking the content (its ``--timings``: load + validate) in the
    fastest build; the post cache is empty in the full builds and warm in the one-post rebuild."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000], help="numbers of posts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--material-max", type=int, default=2000, help="largest size the Material blog builds")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="build each timed run this many times and keep the fastest (shared machines are noisy)",
    )
    parser.add_argument("--queries", nargs="+", default=list(QUERIES), help="search queries to measure")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small photos (480 px) and the first query only: for tests, figures not comparable",
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes))
    queries = args.queries[:1] if args.quick else args.queries

    work = args.keep or Path(tempfile.mkdtemp(prefix="etalase-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    costs: list[SearchCost] = []
    try:
        pool = make_photo_pool(work / "foto", 480 if args.quick else 1600)
        _print_header()
        for size in sizes:
            searched = queries if size == sizes[-1] else []
            for run in _bench_size(
                work / str(size),
                size,
                args.seed,
                pool,
                searched,
                costs,
                build_material=size <= args.material_max,
                repeat=args.repeat,
            ):
                _print_run(run)
                runs.append(run)
                if args.json:  # after every run: a long run stopped halfway keeps what it measured
                    _write_json(args.json, _report(runs, costs, args))
            if size != sizes[-1] and not args.keep:
                shutil.rmtree(work / str(size))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    _print_ratios(target_ratios(runs, sizes))
    print()
    _print_search(costs, sizes[-1])
    if args.json:
        print(f"\nJSON: {args.json}")


def _bench_size(
    folder: Path,
    size: int,
    seed: int,
    pool: list[Path],
    queries: Sequence[str],
    costs: list[SearchCost],
    *,
    build_material: bool,
    repeat: int,
) -> Iterator[Run]:
    """Generate ``size`` posts and build them with every tool, yielding each run as it ends.

    Every timed build runs ``repeat`` times (the cold one once). The search
    cost of each of ``queries`` is measured on the site of Etalase's full
    build and added to ``costs``.
    """
    content = folder / "konten"
    slugs = make_corpus(content, size, seed, photos=pool)
    posts, creators = read_content(content)
    peers = [material_site(posts, creators, folder / "material")] if build_material else []
    peers.append(pelican_site(posts, creators, folder / "pelican"))
    for peer in peers:
        site = folder / f"{peer.name}-site"
        yield _run(peer, "build", slugs, folder, site, repeat=repeat)
        shutil.rmtree(site)

    etalase = etalase_site(content, folder / "etalase", NOW)
    site = folder / "etalase-site"
    yield _run(etalase, "cold photo cache", slugs, folder, site)
    forget = partial(forget_renders, folder / "etalase" / "cache")
    yield _run(etalase, "full", slugs, folder, site, repeat=repeat, before=forget)
    if queries:
        costs += measure_searches(site, queries)
    yield _run(
        etalase, "--no-search", slugs, folder, folder / "etalase-no-search", "--no-search", repeat=repeat, before=forget
    )
    shutil.rmtree(folder / "etalase-no-search")
    changed = content / "posts" / slugs[len(slugs) // 2] / "index.md"
    yield _run(
        etalase, "one post changed", slugs, folder, site, repeat=repeat, before=lambda: _change_one_post(changed)
    )


def _run(
    peer: Peer,
    label: str,
    slugs: list[str],
    folder: Path,
    site: Path,
    *options: str,
    repeat: int = 1,
    before: Callable[[], None] | None = None,
) -> Run:
    """Build ``repeat`` times (calling ``before`` first each time); the fastest time, the largest peaks.

    Every build starts without ``site``, as on a CI runner (whose caches hold
    no built site) and as every tool's first build: deleting a previous site
    (for Etalase, after the switch to the new one, :mod:`etalase.build.publish`)
    is not part of any tool's figure.
    """
    log = folder / f"{peer.name}-{label.strip('-').replace(' ', '-')}.log"
    measured: list[Measurement] = []
    checking: list[float | None] = []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        if before:
            before()
        measured.append(measure(peer.command(site, *options), cwd=peer.project, log=log, env=ENV))
        checking.append(_load_validate(log))
    children = [m.largest_child for m in measured if m.largest_child]
    child = max(children, key=lambda peak: peak.peak_bytes, default=None)
    return Run(
        tool=peer.name,
        run=label,
        posts=len(slugs),
        seconds=round(min(m.seconds for m in measured), 3),
        build_mib=round(max(m.main.peak_mib for m in measured), 1),
        child_mib=round(child.peak_mib, 1) if child else None,
        child=child.name if child else None,
        post_pages=sum(peer.post_page(site, slug).is_file() for slug in slugs),
        load_validate=checking[min(range(repeat), key=lambda run: measured[run].seconds)],
    )


def _load_validate(log: Path) -> float | None:
    """Load + validate seconds from the ``Waktu (timings): {...}`` line of an Etalase build's log, if any."""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(TIMINGS):
            timings = json.loads(line.removeprefix(TIMINGS))
            return round(timings.get("load", 0.0) + timings.get("validate", 0.0), 3)
    return None


def forget_renders(cache: Path) -> None:
    """Empty Etalase's render cache (post bodies, pages; etalase.build.render), its compiled templates
    (etalase.build.templates) and its validated posts (etalase.content.post_cache), keeping its photos and
    share cards."""
    for folder in [*cache.glob("*/bodies"), *cache.glob("*/pages"), *cache.glob("*/templates"), *cache.glob("*/posts")]:
        shutil.rmtree(folder)


def _change_one_post(index: Path) -> None:
    """Add a paragraph to one post's body, as an editor's small fix would."""
    text = index.read_text(encoding="utf-8")
    index.write_text(
        text + "\nPembaruan: jam buka dan harga diperbarui setelah kunjungan terakhir.\n", encoding="utf-8"
    )


def target_ratios(runs: list[Run], sizes: list[int]) -> dict[str, float]:
    """The project's target ratios, of those whose runs were measured (keys name the sizes)."""
    seconds = {(run.tool, run.run, run.posts): run.seconds for run in runs}
    with_material = [size for size in sizes if ("material-blog", "build", size) in seconds]
    reference = REFERENCE if REFERENCE in with_material else max(with_material, default=sizes[-1])
    wanted = {
        f"Etalase / Pelican at {reference:,} posts": (("etalase", "full", reference), ("pelican", "build", reference)),
        f"Material blog / Etalase at {reference:,} posts": (
            ("material-blog", "build", reference),
            ("etalase", "full", reference),
        ),
    }
    if sizes[-1] != reference:
        wanted[f"Etalase {sizes[-1]:,} / {reference:,} posts (linear: {sizes[-1] / reference:g})"] = (
            ("etalase", "full", sizes[-1]),
            ("etalase", "full", reference),
        )
    for size in sizes:
        wanted[f"one post changed / full build at {size:,} posts"] = (
            ("etalase", "one post changed", size),
            ("etalase", "full", size),
        )
    return {
        name: round(seconds[top] / seconds[bottom], 3)
        for name, (top, bottom) in wanted.items()
        if top in seconds and bottom in seconds
    }


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def _print_header() -> None:
    print(
        f"{'tool':<14} {'run':<17} {'posts':>6} {'seconds':>8} {'build MiB':>10} {'child MiB':>10} "
        f"{'largest child':<18} {'post pages':>10} {'load+check s':>12}"
    )


def _print_run(run: Run) -> None:
    """One row of the table, as soon as it is measured (a run at 10,000 posts is long)."""
    child_mib = f"{run.child_mib:>10.1f}" if run.child_mib is not None else f"{'-':>10}"
    print(
        f"{run.tool:<14} {run.run:<17} {run.posts:>6} {run.seconds:>8.2f} {run.build_mib:>10.1f} {child_mib} "
        f"{run.child or '-':<18} {run.post_pages:>10} "
        + (f"{run.load_validate:>12.2f}" if run.load_validate is not None else f"{'-':>12}"),
        flush=True,
    )


def _print_ratios(ratios: dict[str, float]) -> None:
    print("ratios of build seconds (Etalase: full build, warm photo cache)")
    width = max(map(len, ratios))
    for name, value in ratios.items():
        print(f"  {name:<{width}} {value:>7.2f}")


def _print_search(costs: list[SearchCost], size: int) -> None:
    """KiB by kind of file, one column per query."""
    print(f"search on the wire, Etalase at {size:,} posts: KiB (1,024 bytes) as served gzipped like GitHub Pages")
    width = 2 + max(12, *(len(cost.query) for cost in costs))
    print(f"{'':<16}" + "".join(f"{cost.query:>{width}}" for cost in costs))
    print(f"{'results':<16}" + "".join(f"{cost.results:>{width}}" for cost in costs))
    by_kind = [cost.by_kind for cost in costs]
    for name in SEARCH_KINDS:
        print(f"  {name:<14}" + "".join(f"{totals[name] / KIB:>{width}.1f}" for totals in by_kind))
    print(f"{'search total':<16}" + "".join(f"{cost.search_bytes / KIB:>{width}.1f}" for cost in costs))
    for name in OTHER_KINDS:
        print(f"{'+ ' + name:<16}" + "".join(f"{totals[name] / KIB:>{width}.1f}" for totals in by_kind))
    for cost in costs:
        if cost.blocked:
            print(f"{cost.query}: {len(cost.blocked)} requests outside the site were blocked: {cost.blocked[:3]}")


def _write_json(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _report(runs: list[Run], costs: list[SearchCost], args: argparse.Namespace) -> dict:
    """Every figure so far, for ``--json``."""
    return {
        "sizes": sorted(set(args.sizes)),
        "seed": args.seed,
        "repeat": args.repeat,
        "quick": args.quick,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "versions": {name: version(name) for name in ("mkdocs", "mkdocs-material", "pelican", "PyStemmer")},
        "runs": [asdict(run) for run in runs],
        "ratios": target_ratios(runs, sorted(set(args.sizes))),
        "search": [
            {
                "query": cost.query,
                "results": cost.results,
                "search_bytes": cost.search_bytes,
                "by_kind": cost.by_kind,
                "blocked": cost.blocked,
                "transfers": [asdict(transfer) for transfer in cost.transfers],
            }
            for cost in costs
        ],
    }


if __name__ == "__main__":
    main()
